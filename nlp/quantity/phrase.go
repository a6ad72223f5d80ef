package quantity

import "strings"

// andFraction reads "and a half", "and three fifths", "and fifty-four
// hundredths" after a whole number, with an optional scale word after it
// ("five and a half million"). k is the "and" token.
func (sc *Scanner) andFraction(start, k int, st mstate) (int, bool) {
	toks := sc.toks
	m := k + 1
	if m >= len(toks) || !sc.near(k, m) {
		return 0, false
	}
	num := 0.0
	small := true
	var fs mstate
	fs.lastTok = k
	for ; m < len(toks); m++ {
		if !sc.near(fs.lastTok, m) {
			return 0, false
		}
		if sc.isPunct(m, "-") && fs.any && m+1 < len(toks) && sc.numericWord(m+1) {
			fs.lastTok = m
			continue
		}
		if toks[m].kind != tWord {
			return 0, false
		}
		w := toks[m].w()
		ok := true
		switch w.cls {
		case cA:
			if fs.any || fs.a {
				return 0, false
			}
			fs.a = true
			fs.lastTok = m
			continue
		case cUnit:
			ok = !fs.a && fs.unit(w.val)
		case cTens:
			ok = !fs.a && fs.tens(w.val)
		case cOrd, cHalf, cQuarter:
			if !fs.any && !fs.a {
				return 0, false
			}
			word := strings.ToLower(sc.tokText(m))
			if word == "second" || word == "seconds" {
				return 0, false
			}
			num = fs.value()
			if fs.a {
				num = 1
			}
			if num >= 10 {
				small = false
			}
			den := w.val
			if !(w.plural || num == 1) || !small && w.ord != oScale {
				return 0, false
			}
			frac := num / den
			v := st.value()
			end := m + 1
			if end < len(toks) && sc.near(m, end) && sc.isCls(end, cScale) && !toks[end].w().plural {
				s := toks[end].w().val
				if st.lastBig > 0 && s < st.lastBig {
					v += frac * s
				} else if st.lastBig == 0 {
					v = (v + frac) * s
				} else {
					return 0, false
				}
				end++
			} else if st.cur == 0 && st.lastBig >= 1e6 {
				v += frac * st.lastBig
			} else {
				v += frac
			}
			sc.emit(Number{Start: toks[start].start, End: toks[end-1].end, Value: v, Kind: Fraction, Spelled: true, ti: start, tj: end})
			return end, true
		default:
			return 0, false
		}
		if !ok {
			return 0, false
		}
		fs.any = true
		fs.lastTok = m
	}
	return 0, false
}

// pointDecimal reads the digits after "point": "two hundred point zero
// three", "nine point nought four", "point seventy-one".
func (sc *Scanner) pointDecimal(start, k int, st mstate) (int, bool) {
	toks := sc.toks
	var digits []byte
	var buf [24]byte
	digits = buf[:0]
	last := k
	m := k + 1
	for m < len(toks) && sc.near(last, m) && toks[m].kind == tWord {
		w := toks[m].w()
		switch {
		case w.cls == cUnit && w.val < 10:
			digits = append(digits, byte('0'+int(w.val)))
		case w.cls == cUnit:
			digits = append(digits, byte('0'+int(w.val)/10), byte('0'+int(w.val)%10))
		case w.cls == cTens:
			d := int(w.val)
			unit := 0
			n := m + 1
			if n+1 < len(toks) && sc.isPunct(n, "-") && sc.near(m, n) && sc.near(n, n+1) && sc.isCls(n+1, cUnit) && toks[n+1].w().val < 10 && toks[n+1].w().val > 0 {
				unit = int(toks[n+1].w().val)
				m = n + 1
			} else if n < len(toks) && sc.near(m, n) && sc.isCls(n, cUnit) && toks[n].w().val < 10 && toks[n].w().val > 0 {
				unit = int(toks[n].w().val)
				m = n
			}
			digits = append(digits, byte('0'+d/10), byte('0'+unit))
		default:
			goto done
		}
		last = m
		m++
	}
done:
	if len(digits) == 0 {
		return 0, false
	}
	v := st.value() + atof("0."+string(digits))
	n := Number{Start: toks[start].start, End: toks[last].end, Value: v, Kind: Decimal, Spelled: true, ti: start, tj: last + 1}
	// "four point two million"
	if st.lastBig == 0 && last+1 < len(toks) && sc.near(last, last+1) && sc.isCls(last+1, cScale) && !toks[last+1].w().plural {
		last++
		n.Value *= toks[last].w().val
		n.Mult = toks[last].w().val
		n.End, n.tj = toks[last].end, last+1
		if isInt(n.Value) {
			n.Kind = Integer
		}
	}
	sc.emit(n)
	return last + 1, true
}

// vague reads the plural round-number words used alone: "dozens",
// "hundreds", "thousands", "hundreds of thousands", "tens of thousands",
// "millions". k is the plural word; start may be earlier.
func (sc *Scanner) vague(start, k int, st mstate) int {
	if !sc.Mode.Vague || st.a {
		return k + 1
	}
	toks := sc.toks
	v := toks[k].w().val
	end := k + 1
	// "hundreds of thousands", "tens of millions", "dozens of thousands"?
	if end+1 < len(toks) && sc.near(k, end) && equalFold(sc.tokText(end), "of") && sc.near(end, end+1) &&
		(sc.isCls(end+1, cScale) || sc.isCls(end+1, cHundred)) && toks[end+1].w().plural && toks[end+1].w().val > v {
		v *= toks[end+1].w().val
		end += 2
	}
	if toks[k].w().cls == cTensOf && end == k+1 {
		return k + 1 // "tens" alone is not a figure
	}
	// "scores" counts only in "scores of": "test scores" is no figure
	if v == 20 && toks[k].w().cls == cDozen && !(k+1 < len(toks) && sc.near(k, k+1) && equalFold(sc.tokText(k+1), "of")) {
		return k + 1
	}
	sc.emit(Number{Start: toks[start].start, End: toks[end-1].end, Value: v, Min: v, Max: v*10 - 1, Vague: true, Kind: Integer, Spelled: true, ti: start, tj: end})
	return end
}

// fewPhrase reads "a few hundred", "several thousand", "a few dozen".
// k is the "few"/"several" token.
func (sc *Scanner) fewPhrase(start, k int) int {
	toks := sc.toks
	m := k + 1
	if !sc.Mode.Vague || m >= len(toks) || !sc.near(k, m) {
		return k + 1
	}
	if !(sc.isCls(m, cHundred) || sc.isCls(m, cScale) || sc.isCls(m, cDozen)) {
		return k + 1
	}
	base := toks[m].w().val
	// "several hundred thousand"
	if m+1 < len(toks) && sc.near(m, m+1) && sc.isCls(m+1, cScale) && !toks[m+1].w().plural && toks[m+1].w().val > base {
		m++
		base *= toks[m].w().val
	}
	sc.emit(Number{Start: toks[start].start, End: toks[m].end, Value: 3 * base, Min: 2 * base, Max: 9 * base, Vague: true, Kind: Integer, Spelled: true, ti: start, tj: m + 1})
	return m + 1
}
