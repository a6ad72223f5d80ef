package quantity

import "strings"

// mstate is the state of the number-word machine: the value read so far
// split into completed scale groups (total) and the current group (cur,
// of which hund is the hundreds part).
type mstate struct {
	total, cur, hund, lastBig float64
	hasUnit, hasTens, hasHund bool
	any                       bool // a numeric atom was read
	digits                    bool // the number began with digits
	a                         bool // began with "a"/"an"
	spelled                   bool
	lastCls                   uint8
	tensVal                   float64
	beforeTensAny             bool // numeric atoms precede the last tens atom, no "and" between
	hyphen                    bool // the last atom followed a hyphen
	afterAnd                  bool
	lastTok                   int
}

func (st *mstate) value() float64 { return st.total + st.cur }

func (st *mstate) unit(v float64) bool {
	if st.hasUnit || st.hasTens && v >= 10 || v == 0 && (st.any || st.a) {
		return false
	}
	st.cur += v
	st.hasUnit = true
	return true
}

func (st *mstate) tens(v float64) bool {
	if st.hasUnit || st.hasTens {
		return false
	}
	st.beforeTensAny = st.any && !st.afterAnd
	st.tensVal = v
	st.cur += v
	st.hasTens = true
	return true
}

func (st *mstate) hundred() bool {
	if st.hasHund && !st.digits {
		return false
	}
	seg := st.cur - st.hund
	if st.hasHund {
		return false
	}
	if seg == 0 {
		if !st.a || st.any {
			return false
		}
		seg = 1
	}
	st.cur = seg * 100
	st.hund = st.cur
	st.hasHund = true
	st.hasUnit, st.hasTens = false, false
	st.digits = false
	return true
}

func (st *mstate) scale(v float64) bool {
	if st.cur == 0 {
		switch {
		case st.lastCls == cScale && st.lastBig > 0 && v > st.lastBig: // three lakh crore
			st.total *= v
			st.lastBig = v
			return true
		case st.a && !st.any:
			st.cur = 1
		default:
			return false
		}
	}
	if st.lastBig > 0 && v >= st.lastBig {
		return false
	}
	st.total += st.cur * v
	st.cur, st.hund = 0, 0
	st.hasUnit, st.hasTens, st.hasHund = false, false, false
	st.digits = false
	st.lastBig = v
	return true
}

func (st *mstate) dozen() bool {
	seg := st.cur - st.hund
	if seg == 0 {
		if !st.a || st.any {
			return false
		}
		seg = 1
	}
	st.cur = st.hund + seg*12
	st.hasUnit, st.hasTens = true, true
	return true
}

// isWord reports whether token k is a word of class c.
func (sc *Scanner) isCls(k int, c uint8) bool {
	return k >= 0 && k < len(sc.toks) && sc.toks[k].kind == tWord && sc.toks[k].w().cls == c
}

// numericWord reports whether token k is a word that can continue a number.
func (sc *Scanner) numericWord(k int) bool {
	if k >= len(sc.toks) || sc.toks[k].kind != tWord {
		return false
	}
	switch sc.toks[k].w().cls {
	case cUnit, cTens, cHundred, cScale, cDozen, cOrd, cQuarter, cHalf:
		return true
	}
	return false
}

// words runs the number-word machine from token k with state st; the
// number began at token start. It emits what it finds and returns the
// index of the token after it.
func (sc *Scanner) words(start, k int, st mstate) int {
	toks := sc.toks
	good, goodEnd := st, k // last state at which a number was complete
	if !st.any {
		good.any = false
	}
	var andSt mstate
	andEnd := -1
	emitCard := func(g mstate, end int) int {
		if !g.any || end <= start {
			return start + 1
		}
		v := g.value()
		n := Number{Start: toks[start].start, End: toks[end-1].end, Value: v, Kind: Integer, Spelled: g.spelled, ti: start, tj: end}
		if !isInt(v) {
			n.Kind = Decimal
		}
		if g.lastBig > 0 && g.cur == 0 {
			n.Mult = g.lastBig
		}
		if sc.pronounOne(start, end) {
			return end
		}
		sc.emit(n)
		return end
	}
	for k < len(toks) {
		t := toks[k]
		if st.lastTok >= 0 && !sc.near(st.lastTok, k) {
			break
		}
		hyph := false
		if t.kind == tPunct && sc.tokText(k) == "-" && st.lastTok >= 0 && toks[st.lastTok].kind == tWord && (st.any || st.a) &&
			k+1 < len(toks) && sc.near(k, k+1) && sc.numericWord(k+1) {
			hyph = true
			k++
			t = toks[k]
		}
		if t.kind == tNum {
			// digits inside a word number: only to start a group ("4 thousand 3 hundred and 21")
			if !st.any || st.hasUnit || st.hasTens || st.cur != st.hund || hyph {
				break
			}
			var buf [2]digitPart
			ps := digitParts(sc.tokText(k), buf[:0])
			if len(ps) != 1 || !ps[0].plain {
				break
			}
			v := ps[0].v
			if st.hasHund && (v >= 100 || v == 0) || v == 0 {
				if andEnd >= 0 {
					return emitCard(andSt, andEnd)
				}
				break
			}
			if k+1 < len(toks) && toks[k+1].kind == tWord && sc.adjacent(k, k+1) {
				break
			}
			st.cur += v
			st.hasUnit, st.hasTens, st.digits = true, true, true
			st.lastCls = cUnit
			st.lastTok = k
			st.afterAnd = false
			good, goodEnd = st, k+1
			k++
			continue
		}
		if t.kind != tWord {
			break
		}
		w := t.w()
		st.hyphen = hyph
		ok := true
		if w.cls == cNone && st.any && !hyph {
			// "four mln", "two bn": a multiplier abbreviation after words
			if mult, isSuffix := suffixes.Get(sc.tokText(k)); isSuffix && len(sc.tokText(k)) > 1 && sc.tokText(k) != "mm" {
				w = wordInfo{cls: cScale, val: mult}
			}
		}
		switch w.cls {
		case cUnit:
			if st.a && !st.any {
				return start + 1
			}
			ok = st.unit(w.val)
		case cTens:
			if st.a && !st.any {
				// "a twenty-first"
				if end, done := sc.ordinalTail(start, k, st); done {
					return end
				}
				return start + 1
			}
			ok = st.tens(w.val)
		case cHundred:
			if w.plural && !st.any {
				return sc.vague(start, k, st)
			}
			ok = st.hundred()
		case cScale:
			if w.plural && !st.any {
				return sc.vague(start, k, st)
			}
			if st.digits && st.cur == st.hund && st.hund > 0 {
				ok = false
			} else {
				ok = st.scale(w.val)
			}
		case cDozen:
			if w.plural && !st.any && !st.a {
				return sc.vague(start, k, st)
			}
			ok = st.dozen()
		case cTensOf:
			if st.any || st.a {
				ok = false
				break
			}
			return sc.vague(start, k, st)
		case cFew:
			if st.any {
				ok = false
				break
			}
			return sc.fewPhrase(start, k)
		case cA:
			if st.any || st.a {
				ok = false
				break
			}
			st.a = true
			st.lastTok = k
			k++
			continue
		case cAnd:
			if !st.any || st.afterAnd || hyph {
				ok = false
				break
			}
			if end, done := sc.andFraction(start, k, st); done {
				return end
			}
			andSt, andEnd = good, goodEnd
			st.afterAnd = true
			st.lastTok = k
			k++
			continue
		case cPoint:
			if !st.any || st.afterAnd {
				ok = false
				break
			}
			if end, done := sc.pointDecimal(start, k, st); done {
				return end
			}
			ok = false
		case cOrd, cHalf, cQuarter:
			return sc.ordinalAtom(start, k, st, good, goodEnd)
		default:
			ok = false
		}
		if !ok {
			if w.cls != cNone && w.cls != cA && w.cls != cAnd && w.cls != cPoint && st.any {
				if end, done := sc.ordinalTail(start, k, good); done {
					return end
				}
			}
			if andEnd >= 0 && st.afterAnd || andEnd >= 0 && w.cls != cNone {
				return emitCard(andSt, andEnd)
			}
			break
		}
		st.any = true
		st.spelled = true
		st.lastCls = w.cls
		st.lastTok = k
		st.afterAnd = false
		good, goodEnd = st, k+1
		k++
	}
	if good.any {
		return emitCard(good, goodEnd)
	}
	return start + 1
}

// pronounOne reports whether the lone word "one" at [start,end) is a
// pronoun ("the one you mentioned", "which one").
func (sc *Scanner) pronounOne(start, end int) bool {
	if end-start != 1 || !equalFold(sc.tokText(start), "one") || start == 0 {
		return false
	}
	p := strings.ToLower(sc.tokText(start - 1))
	switch p {
	case "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "no-", "last", "next", "previous", "little", "big", "only", "other", "every-", "someone", "anyone", "such":
		return true
	}
	return false
}

// ordinalAtom handles an ordinal, "half" or "quarter" word at token k:
// the denominator of a fraction ("two thirds", "a fifth"), an ordinal
// ("twenty-first"), or the end of a cardinal ("two millionth" -> two).
func (sc *Scanner) ordinalAtom(start, k int, st, good mstate, goodEnd int) int {
	toks := sc.toks
	w := toks[k].w()
	word := strings.ToLower(sc.tokText(k))
	if st.a && !st.any && w.cls == cOrd && w.val == 1 {
		// "a first class seat": an ordinal, not a fraction
		start = k
		st.a = false
	}
	if !st.any && !st.a {
		switch w.cls {
		case cHalf:
			return sc.halfPhrase(start, k)
		case cQuarter:
			if k+1 < len(toks) && sc.near(k, k+1) && sc.isCls(k+1, cScale) && !toks[k+1].w().plural {
				sc.emit(Number{Start: toks[start].start, End: toks[k+1].end, Value: 0.25 * toks[k+1].w().val, Kind: Fraction, Spelled: true, ti: start, tj: k + 2})
				return k + 2
			}
			return k + 1
		}
		if sc.Mode.Ordinals && !w.plural {
			sc.emit(Number{Start: toks[start].start, End: toks[k].end, Value: w.val, Kind: Ordinal, Spelled: true, ti: start, tj: k + 1})
		}
		return k + 1
	}
	if st.digits && w.cls == cOrd {
		return sc.cardinalOrOrdinal(start, k, st, good, goodEnd)
	}
	den := w.val
	num := st.value()
	if st.a && !st.any {
		num = 1
	}
	if w.cls == cOrd && w.ord == oUnit && st.lastCls == cTens && (st.hyphen || st.beforeTensAny || st.a) {
		den = st.tensVal + w.val
		num = st.value() - st.tensVal
		if num == 0 {
			if st.a {
				num = 1
			} else {
				// "twenty-first": an ordinal
				if sc.Mode.Ordinals && !w.plural {
					sc.emit(Number{Start: toks[start].start, End: toks[k].end, Value: den, Kind: Ordinal, Spelled: true, ti: start, tj: k + 1})
				}
				return k + 1
			}
		}
	}
	second := word == "second" || word == "seconds"
	if (w.plural || num == 1) && num != 0 && !second && !st.afterAnd {
		if w.cls == cHalf && w.plural && num == 1 {
			return sc.cardinalOrOrdinal(start, k, st, good, goodEnd)
		}
		v := num / den
		end := k + 1
		// "two thirds of a million", "three quarters million"
		if end+2 < len(toks) && sc.near(end-1, end) && equalFold(sc.tokText(end), "of") && sc.isCls(end+1, cA) && sc.isCls(end+2, cScale) {
			v *= toks[end+2].w().val
			end += 3
		} else if end < len(toks) && sc.near(end-1, end) && sc.isCls(end, cScale) && !toks[end].w().plural && num < den {
			v *= toks[end].w().val // "three quarters billion"
			end++
		}
		sc.emit(Number{Start: toks[start].start, End: toks[end-1].end, Value: v, Kind: Fraction, Spelled: true, ti: start, tj: end})
		return end
	}
	return sc.cardinalOrOrdinal(start, k, st, good, goodEnd)
}

// cardinalOrOrdinal ends a number at an ordinal word that is not a
// denominator: in ordinal mode the whole is an ordinal ("three
// trillionth"), otherwise the cardinal before it stands alone.
func (sc *Scanner) cardinalOrOrdinal(start, k int, st, good mstate, goodEnd int) int {
	toks := sc.toks
	w := toks[k].w()
	if sc.Mode.Ordinals && w.cls == cOrd && !w.plural && !st.digits {
		ok := false
		switch w.ord {
		case oUnit:
			ok = st.unit(w.val)
		case oTens:
			ok = st.tens(w.val)
		case oScale:
			if w.val == 100 {
				ok = st.hundred()
			} else {
				ok = st.scale(w.val)
			}
		}
		if ok {
			sc.emit(Number{Start: toks[start].start, End: toks[k].end, Value: st.value(), Kind: Ordinal, Spelled: true, ti: start, tj: k + 1})
			return k + 1
		}
	}
	if good.any && goodEnd > start {
		v := good.value()
		n := Number{Start: toks[start].start, End: toks[goodEnd-1].end, Value: v, Kind: Integer, Spelled: good.spelled, ti: start, tj: goodEnd}
		if !isInt(v) {
			n.Kind = Decimal
		}
		sc.emit(n)
		return goodEnd
	}
	return k
}

// halfPhrase reads "half", "half a dozen", "half a million", "half million".
func (sc *Scanner) halfPhrase(start, k int) int {
	toks := sc.toks
	if toks[k].w().plural {
		return k + 1
	}
	v, end := 0.5, k+1
	if end < len(toks) && sc.near(k, end) {
		m := end
		if sc.isCls(m, cA) && m+1 < len(toks) && sc.near(m, m+1) {
			m++
		}
		if sc.isCls(m, cScale) && !toks[m].w().plural || sc.isCls(m, cDozen) && !toks[m].w().plural || sc.isCls(m, cHundred) && !toks[m].w().plural {
			v *= toks[m].w().val
			end = m + 1
		}
	}
	sc.emit(Number{Start: toks[start].start, End: toks[end-1].end, Value: v, Kind: Fraction, Spelled: true, ti: start, tj: end})
	return end
}

// ordinalTail reads, at an atom that cannot continue the cardinal, a
// compound ordinal denominator: "three twenty firsts", "one one hundred
// fifth", "twenty twenty fifths".
func (sc *Scanner) ordinalTail(start, k int, good mstate) (int, bool) {
	toks := sc.toks
	st := mstate{lastTok: k - 1}
	for m := k; m < len(toks); m++ {
		if !sc.near(st.lastTok, m) {
			return 0, false
		}
		if sc.isPunct(m, "-") && m+1 < len(toks) && sc.numericWord(m+1) {
			st.lastTok = m
			continue
		}
		if toks[m].kind != tWord {
			return 0, false
		}
		w := toks[m].w()
		ok := false
		switch w.cls {
		case cUnit:
			ok = st.unit(w.val)
		case cTens:
			ok = st.tens(w.val)
		case cHundred:
			ok = !w.plural && st.hundred()
		case cScale:
			ok = !w.plural && st.scale(w.val)
		case cAnd:
			ok = st.any && !st.afterAnd
			st.afterAnd = true
			st.lastTok = m
			continue
		case cOrd:
			if !st.any {
				return 0, false
			}
			switch w.ord {
			case oUnit:
				ok = st.unit(w.val)
			case oTens:
				ok = st.tens(w.val)
			case oScale:
				if w.val == 100 {
					ok = st.hundred()
				} else {
					ok = st.scale(w.val)
				}
			}
			num := good.value()
			if good.a && !good.any {
				num = 1
			}
			if !ok || !(w.plural || num == 1) || num == 0 {
				return 0, false
			}
			sc.emit(Number{Start: toks[start].start, End: toks[m].end, Value: num / st.value(), Kind: Fraction, Spelled: true, ti: start, tj: m + 1})
			return m + 1, true
		}
		if !ok {
			return 0, false
		}
		st.any = true
		st.afterAnd = false
		st.lastTok = m
	}
	return 0, false
}
