package timex

import (
	"strconv"
)

// match is one recognised expression over units [i, j) with its
// normalisation.
type match struct {
	i, j   int
	typ    string
	val    string
	mod    string
	p      pt // the calendar point of a DATE or TIME, when hasPt
	hasPt  bool
	anchor int // anchorNone, anchorDCT, anchorRef
	// shifted marks values reached by moving from a reference ("a year
	// ago"); they do not become the reference themselves
	shifted bool
	deriv   string
}

const (
	anchorNone = iota
	anchorDCT
	anchorRef
	anchorRefDay
	anchorYear
)

func (t *tagger) k(i int) cat {
	if i < 0 || i >= len(t.us) {
		return cNone
	}
	return t.us[i].k
}

func (t *tagger) is(i int, k cat, v int) bool {
	return i >= 0 && i < len(t.us) && t.us[i].k == k && t.us[i].v == v
}

func (t *tagger) word(i int) string {
	if i < 0 || i >= len(t.us) {
		return ""
	}
	return t.d.Text[t.us[i].start:t.us[i].end]
}

// adjacent reports whether unit i is glued to unit i-1 (hyphen, no space).
func (t *tagger) glued(i int) bool { return i > 0 && i < len(t.us) && t.us[i].hyph }

// matchAt tries every pattern at unit i and returns the longest match.
func (t *tagger) matchAt(i int) (match, bool) {
	u := &t.us[i]
	// "about", "around" and "over" stay outside the extent (TimeBank
	// practice); they still set the mod
	if u.k == cQuant && (u.v == qAround || u.v == qOver) {
		return match{}, false
	}
	// quantifier prefix: nearly, more than, at least, up to ...
	if mod, k, ok := t.quantPrefix(i); ok {
		if m, ok := t.matchCore(k); ok && (m.typ == TypeDuration || m.typ == TypeDate || m.typ == TypeTime) {
			m.i = i
			if m.mod == "" {
				m.mod = mod
			}
			return m, true
		}
	}
	// fuzzy prefix: early, late, mid, the end of, the beginning of
	if m, ok := t.fuzzy(i); ok {
		return m, true
	}
	m, ok := t.matchCore(i)
	if ok && t.k(m.j) == cOr && t.word(m.j+1) == "so" {
		m.j += 2
		if m.mod == "" {
			m.mod = "APPROX" // "a week or so"
		}
	}
	if ok && m.mod == "" && i > 0 && t.us[i-1].k == cQuant && (t.us[i-1].v == qAround || t.us[i-1].v == qOver) {
		// "over" is mostly "during" ("over the past decade"): no mod
		if t.us[i-1].v == qAround {
			m.mod = "APPROX"
		}
	}
	return m, ok
}

// quantPrefix reads "about", "nearly", "more than", "at least", "no more
// than", "up to", "over" and returns the mod and where the rest starts.
func (t *tagger) quantPrefix(i int) (string, int, bool) {
	u := &t.us[i]
	switch u.k {
	case cQuant:
		switch u.v {
		case qApprox, qNearly:
			return "APPROX", i + 1, true
		case qAlmost:
			return "LESS_THAN", i + 1, true
		case qLess:
			if t.is(i+1, cQuant, qThan) {
				return "LESS_THAN", i + 2, true
			}
		case qMore:
			if t.is(i+1, cQuant, qThan) {
				return "MORE_THAN", i + 2, true
			}
		case qUpTo:
			if t.is(i+1, cPrep, prTo) {
				return "EQUAL_OR_LESS", i + 2, true
			}
		}
	case cPrep:
		if u.v == prAt && t.is(i+1, cQuant, qLeast) {
			return "EQUAL_OR_MORE", i + 2, true
		}
		if u.v == prAt && t.is(i+1, cQuant, qMost) {
			return "EQUAL_OR_LESS", i + 2, true
		}
	}
	if t.word(i) == "no" && t.is(i+1, cQuant, qMore) && t.is(i+2, cQuant, qThan) {
		return "EQUAL_OR_LESS", i + 3, true
	}
	return "", 0, false
}

// fuzzy reads early/late/mid/the end of ... followed by a date.
func (t *tagger) fuzzy(i int) (match, bool) {
	j := i
	the := false
	if t.is(j, cDet, 0) {
		the = true
		j++
	}
	if t.k(j) == cAnaph && !the && (t.k(j+1) == cWeekday || t.is(j+1, cDeictic, dToday)) {
		// "Earlier Friday", "later today": the adverb orders an event
		// within the day and stays outside the extent (TimeBank practice)
		return match{}, false
	}
	if t.k(j) == cAnaph && !the { // earlier this year, later this month
		if t.is(j+1, cRel, rThis) || t.is(j+1, cDet, 0) || t.is(j+1, cPrep, prIn) || t.k(j+1) == cThat || t.k(j+1) == cDeictic || t.k(j+1) == cWeekday {
			k := j + 1
			if t.is(k, cPrep, prIn) {
				k++
			}
			if m, ok := t.matchCore(k); ok && m.hasPt && (m.typ == TypeDate || m.typ == TypeTime) {
				m.i = i
				if t.us[j].v < 0 {
					m.mod = "BEFORE"
				} else {
					m.mod = "AFTER"
				}
				m.mod = ""
				return m, true
			}
		}
		return match{}, false
	}
	if t.k(j) != cFuzzy {
		return match{}, false
	}
	f := t.us[j].v
	var mod string
	k := j + 1
	switch f {
	case fEarly:
		mod = "START"
	case fLate:
		mod = "END"
	case fMid:
		mod = "MID"
	case fMiddle:
		mod = "MID"
	case fEnd:
		mod = "END"
	case fBeginning, fStart:
		mod = "START"
	case fLatter:
		mod = "END"
		if t.word(k) == "part" || t.k(k) == cHalf {
			k++
		} else {
			return match{}, false
		}
	default:
		return match{}, false
	}
	if f == fMiddle || f == fEnd || f == fBeginning || f == fStart || f == fLatter {
		// these need "the ... of": the end of the year
		if !the || !t.is(k, cOf, 0) {
			return match{}, false
		}
		k++
	} else if the && f != fMid {
		// "the early 1990s": keep the article
	}
	if k >= len(t.us) {
		return match{}, false
	}
	if t.k(k) == cPart && (f == fMid || f == fEarly || f == fLate) {
		// mid-afternoon, early morning (yesterday)
		m := match{i: i, j: k + 1, typ: TypeTime, mod: mod}
		day := pt{y: -1, m: -1, d: -1}
		if dm, ok := t.matchCore(k + 1); ok && dm.hasPt && dm.p.g == gDay {
			day, m.j, m.anchor, m.deriv = dm.p, dm.j, dm.anchor, dm.deriv
		} else if t.hasDCT {
			day, m.anchor, m.deriv = dayPt(t.dct), anchorDCT, "part of the DCT"
		}
		p := pt{g: gPart, y: day.y, m: day.m, d: day.d, part: t.us[k].v}
		m.p, m.hasPt, m.val = p, p.known(), p.value()
		return m, true
	}
	m, ok := t.matchCore(k)
	if !ok || (m.typ != TypeDate && m.typ != TypeTime) {
		return match{}, false
	}
	// "late Friday", "early yesterday" are TIMEs of the day in TimeML,
	// but their value stays the date's; keep the mod either way.
	m.i = i
	m.mod = mod
	if !the && t.prenominal(j, m.j) {
		// keep the mod, the extent is the word
	}
	return m, true
}

// matchCore tries the patterns that do not take a prefix.
func (t *tagger) matchCore(i int) (match, bool) {
	if i >= len(t.us) {
		return match{}, false
	}
	u := &t.us[i]
	switch u.k {
	case cDet:
		if u.v == 0 {
			return t.theExpr(i)
		}
		return t.durationOrAgo(i)
	case cMonth:
		return t.monthExpr(i)
	case cNum:
		return t.numberExpr(i)
	case cNumWord:
		if y, j, ok := t.spelledYear(i); ok {
			return t.yearMatch(i, j, y), true
		}
		return t.durationOrAgo(i)
	case cFew:
		return t.durationOrAgo(i)
	case cOrd:
		if m, ok := t.quarterExpr(i); ok {
			return m, true
		}
		return t.dayMonth(i)
	case cWeekday:
		return t.weekdayExpr(i)
	case cDeictic:
		return t.deictic(i)
	case cRel:
		return t.relExpr(i, false)
	case cSeason:
		return t.seasonExpr(i, 0)
	case cSetAdv:
		// "quarterly dividend": the adjective is no timex in reports
		// (while "daily life", "weekly address" are)
		if n := t.k(i + 1); u.v == uQuarter && n == cNone && i+1 < len(t.us) && t.us[i+1].word {
			return match{}, false
		}
		return match{i: i, j: i + 1, typ: TypeSet, val: durValue("1", u.v), deriv: "set"}, true
	case cEvery:
		return t.setExpr(i)
	case cNoon:
		return t.timeOfDay(i, i+1, u.v, 0)
	case cHoliday:
		return t.holiday(i)
	case cFiscal:
		if t.k(i+1) == cNum && t.us[i+1].ndig == 4 {
			return t.yearMatch(i, i+2, t.us[i+1].num), true
		}
		if t.k(i+1) == cUnit && t.us[i+1].v == uYear && t.k(i+2) == cNum && t.us[i+2].ndig == 4 {
			return t.yearMatch(i, i+3, t.us[i+2].num), true
		}
	case cMisc:
		if u.shape == shQuarter {
			return t.qNotation(i)
		}
		if u.v == mTimes && (t.is(i+1, cDet, 1) || t.is(i+1, cEvery, 0)) && t.k(i+2) == cUnit {
			// twice a week: a set
			return match{i: i, j: i + 3, typ: TypeSet, val: durValue("1", t.us[i+2].v), deriv: "set"}, true
		}
	case cUnit:
		return t.bareUnit(i)
	case cPart:
		return match{}, false
	case cThat:
		return t.thatUnit(i)
	case cNone:
		if u.shape == shFY {
			return t.yearMatch(i, i+1, u.num), true
		}

	}
	return match{}, false
}

// ---- numbers ----

// number reads a cardinal at i. n < 0 means a vague amount (several, a
// few). It accepts "a"/"an" as one when allowA.
func (t *tagger) number(i int, allowA bool) (n, j int, ok bool) {
	if i >= len(t.us) {
		return 0, i, false
	}
	u := &t.us[i]
	switch u.k {
	case cNum:
		switch u.shape {
		case shNone:
			return u.num, i + 1, true
		case shComma:
			v := 0
			w := t.word(i)
			for k := 0; k < len(w); k++ {
				if isDigit(w[k]) {
					v = v*10 + int(w[k]-'0')
				} else if w[k] != ',' {
					return 0, i, false
				}
			}
			return v, i + 1, true
		}
		return 0, i, false
	case cDet:
		if u.v != 1 || !allowA {
			return 0, i, false
		}
		if t.k(i+1) == cNumWord && t.us[i+1].v >= 100 {
			return t.us[i+1].v, i + 2, true
		}
		if t.is(i+1, cNumWord, 12) { // a dozen
			return 12, i + 2, true
		}
		if t.k(i+1) == cFew {
			n, j := -1, i+2
			if t.us[i+1].v == 2 {
				n = 2
			}
			if t.is(j, cOf, 0) {
				j++
			}
			return n, j, true
		}
		return 1, i + 1, true
	case cFew:
		n, j := -1, i+1
		if u.v == 2 {
			n = 2
		}
		if t.is(j, cOf, 0) {
			j++
		}
		return n, j, true
	case cNumWord:
		total, cur := 0, 0
		j = i
		for j < len(t.us) && t.us[j].k == cNumWord {
			v := t.us[j].v
			switch {
			case v == 100 || v == 1000:
				if cur == 0 {
					cur = 1
				}
				if v == 1000 {
					total += cur * 1000
					cur = 0
				} else {
					cur *= 100
				}
			case v >= 20 && v < 100 && cur%100 == 0:
				cur += v
			case v < 10 && cur%10 == 0:
				cur += v
			case v < 20 && cur%100 == 0:
				cur += v
			default:
				return total + cur, j, true
			}
			j++
			if t.is(j, cAnd, 0) && t.k(j+1) == cNumWord && t.us[j+1].v < 100 && (cur >= 100) {
				j++
			}
		}
		return total + cur, j, true
	}
	return 0, i, false
}

func numStr(n int) string {
	if n < 0 {
		return "X"
	}
	return strconv.Itoa(n)
}

// ---- durations and "N units ago" ----

func (t *tagger) durationOrAgo(i int) (match, bool) {
	n, j, ok := t.number(i, true)
	if !ok {
		return match{}, false
	}
	if u := t.us[i]; u.k == cNum && u.ndig == 4 && u.num >= 1600 {
		return match{}, false // a year, not a count
	}
	fromA := t.is(i, cDet, 1) && j == i+1
	// "two to three weeks", "12 to 18 months", "one or two days": one
	// DURATION over the whole range, valued at its lower bound
	hi := -1
	if !fromA && n > 0 && (t.is(j, cPrep, prTo) || t.k(j) == cOr) {
		if n2, j2, ok2 := t.number(j+1, false); ok2 && n2 > n {
			if _, isUnit := t.unitAt(j2, n2); isUnit {
				hi, j = n2, j2
			}
		}
	}
	half := false
	// 5 1/2 hours
	if j < len(t.us) && t.us[j].shape == shSlash && t.word(j) == "1/2" {
		half = true
		j++
	}
	// two more weeks, an additional year, another
	if t.is(j, cQuant, qMore) || t.is(j, cMisc, mAdditional) {
		j++
	}
	if t.is(j, cMisc, mTrading) || t.is(j, cMisc, mBusiness) {
		j++
	}
	// half an hour, half a year
	if t.k(i) == cHalf {
		return match{}, false
	}
	unitIdx := j
	uc, ok := t.unitAt(j, n)
	if !ok {
		// "half an hour"
		return match{}, false
	}
	if uc == uSecond && fromA {
		return match{}, false // "a second attempt"
	}
	if uc == uQuarter && (t.is(j+1, cOf, 0) || t.glued(j)) {
		return match{}, false // "a quarter of", "three-quarters": fractions
	}
	if fromA && i > 0 {
		// "$1.76 a year", "four flights a week", "24 hours a day": a rate
		pk := t.us[i-1].k
		if nk := t.k(j + 1); nk != cAgo && nk != cAnaph && (pk == cNum || pk == cNumWord || pk == cUnit || pk == cNone && i > 1 && (t.us[i-2].k == cNum || t.us[i-2].k == cNumWord) || pk == cNone && rateNoun(t.word(i-1))) {
			return match{}, false
		}
	}
	j++
	// ages: 44-year-old, 37 years old
	if t.is(j, cMisc, mOld) || t.is(j, cMisc, mLong) && !t.glued(j) && false {
		return match{}, false
	}
	// a year and a half
	if t.is(j, cAnd, 0) && t.is(j+1, cDet, 1) && t.k(j+2) == cHalf {
		half = true
		j += 3
	}
	// -long
	if t.glued(j) && t.is(j, cMisc, mLong) {
		j++
	}
	if t.is(j, cMisc, mOld) {
		return match{}, false
	}
	if n == 0 && t.us[i].k == cNum && t.us[unitIdx].k != cUnit {
		return match{}, false
	}
	if w := t.word(i); n == 1 && uc == uDay && j == i+2 && (w == "one" || w == "One") {
		switch t.word(i - 1) {
		case "will", "would", "could", "might", "may", "can", "should", "shall", "'ll", "must":
			// "Islam will one day be the second religion": some day
			return match{i: i, j: j, typ: TypeDate, val: "FUTURE_REF", deriv: "future (one day after a modal)"}, true
		}
	}
	val := durationValue(n, uc, half)
	m := match{i: i, j: j, typ: TypeDuration, val: val, deriv: "duration"}
	if hi > 0 {
		m.deriv = "range " + val + " to " + durationValue(hi, uc, half) + ": the lower bound"
	}
	if t.is(i, cDet, 1) && t.glued(unitIdx) && j > i+1 {
		m.i = i + 1 // "a [several-year] tenure"
	}
	// "a week or so ago": the hedge sits inside the extent
	if t.k(j) == cOr && t.word(j+1) == "so" && (t.k(j+2) == cAgo || t.k(j+2) == cAnaph && !t.glued(j+2)) {
		j += 2
		m.j, m.mod = j, "APPROX"
	}
	// ago, earlier, later, from now
	switch {
	case t.k(j) == cAgo:
		m.j = j + 1
		t.relativeShift(&m, uc, n, -1, false)
	case t.k(j) == cAnaph && !t.glued(j) && uc != uYear && uc != uQuarter && uc != uDecade && uc != uCentury:
		// "three days later", "a day earlier": TimeBank keeps the
		// DURATION and leaves the adverb out; Anchor reads the offset.
		// "a year earlier" (a comparison period) stays a DATE below.
		m.deriv = "duration (offset: " + t.word(j) + ")"
	case t.k(j) == cAnaph && !t.glued(j):
		m.j = j + 1
		t.relativeShift(&m, uc, n, t.us[j].v, true)
	case t.is(j, cPrep, prFrom) && t.is(j+1, cDeictic, dNow):
		m.j = j + 2
		t.relativeShift(&m, uc, n, 1, false)
	}
	return m, true
}

// unitAt reads a time unit at j ("second" only after a number).
func (t *tagger) unitAt(j, n int) (int, bool) {
	if j >= len(t.us) {
		return 0, false
	}
	u := &t.us[j]
	if u.k == cUnit {
		return u.v, true
	}
	if u.k == cOrd && u.v == 2 && n >= 0 {
		return uSecond, true
	}
	if u.k == cPart && u.v == pEV && false {
		return 0, false
	}
	return 0, false
}

func durationValue(n, u int, half bool) string {
	if half && n >= 0 {
		switch u {
		case uYear:
			return "P" + strconv.Itoa(n) + "Y6M"
		case uMonth:
			return "P" + strconv.Itoa(n) + ".5M"
		case uHour:
			return "PT" + strconv.Itoa(n) + "H30M"
		case uMinute:
			return "PT" + strconv.Itoa(n) + "M30S"
		case uDay:
			return "PT" + strconv.Itoa(n*24+12) + "H"
		case uWeek:
			return "P" + strconv.Itoa(n*7+3) + "D"
		}
	}
	return durValue(numStr(n), u)
}

// relativeShift turns a duration match into the date n units before
// (dir -1) or after (dir 1) the DCT, or the reference time when anaphoric.
func (t *tagger) relativeShift(m *match, u, n, dir int, anaphoric bool) {
	m.typ = TypeDate
	if n < 0 {
		// "days ago", "weeks later": the direction is known, the amount is not
		if dir < 0 {
			m.val = "PAST_REF"
		} else {
			m.val = "FUTURE_REF"
		}
		if anaphoric {
			// a vague shift from the reference keeps its coarse value
			m.val, m.typ = durValue("X", u), TypeDuration
		}
		m.deriv = "vague shift"
		return
	}
	var base pt
	var baseName string
	if anaphoric && unitGran(u) >= gWeek && t.hasRefDay {
		// "the next day", "a week later": from the last day named
		base, baseName = t.refDay, "previous date "+t.refDay.value()
		m.anchor = anchorRefDay
	} else if anaphoric && t.hasRef && unitGran(u) < gWeek {
		base, baseName = t.ref, "previous date "+t.ref.value()
		m.anchor = anchorRef
	} else {
		if !t.hasDCT {
			m.val = unknownOf(unitGran(u))
			m.deriv = "no reference time"
			return
		}
		base, baseName = dayPt(t.dct), "DCT "+t.dctYMD()
		m.anchor = anchorDCT
	}
	g := unitGran(u)
	if g == gDecade || g == gCentury {
		g = gYear // "a decade ago" is a year
	}
	var p pt
	if anaphoric && t.hasRef && (base.g == gQuarter || base.g == gHalf || base.g == gDay && u == uYear) && unitMonths(u) > 0 && unitMonths(u)%12 == 0 {
		// a year earlier than a quarter is that quarter of the year
		// before; than a day ("Sept. 30 ... a year earlier"), that day
		p = base.shift(u, dir*n)
	} else if base.g < g && base.g != gNone {
		p = base.shift(u, dir*n)
	} else {
		lo, _, ok := base.bounds()
		if !ok {
			lo = t.dct
		}
		p = coarsen(addUnits(lo, u, dir*n), g)
		if u == uYear || u == uDecade || u == uCentury || u == uMonth || u == uQuarter {
			p = coarsen(lo.AddDate(0, dir*n*unitMonths(u), 0), g)
		}
	}
	// "a year ago" in a report about a quarter means that quarter a year
	// before: the granularity follows the reference when it is a quarter
	if u == uYear && !anaphoric && t.hasRef && t.ref.g == gQuarter && n == 1 {
		p = t.ref.shift(uYear, -1)
		m.anchor = anchorRef
		baseName = "previous quarter " + t.ref.value()
	}
	m.p, m.hasPt, m.shifted = p, true, true
	m.val = p.value()
	word := "plus"
	if dir < 0 {
		word = "minus"
	}
	m.deriv = baseName + " " + word + " " + durValue(numStr(n), u)
}

func unknownOf(g gran) string {
	return pt{g: g, y: -1, m: -1, d: -1, n: -1, hh: -1, mi: -1}.value()
}

// bareUnit: "years", "weeks" after a preposition (for years, within weeks),
// "year-end", "year-earlier", "year-ago".
func (t *tagger) bareUnit(i int) (match, bool) {
	u := &t.us[i]
	w := t.word(i)
	plural := len(w) > 1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S')
	if u.v == uYear && !plural && i+1 < len(t.us) && !t.is(i-1, cDet, 0) {
		// year-end, year end, year's end: the end of the DCT year, or of
		// the year before after "since"
		e := i + 1
		if w := t.word(e); w == "'s" || w == "’s" {
			e++
		}
		if t.is(e, cFuzzy, fEnd) && !t.is(e+1, cOf, 0) && (e > i+1 || t.glued(e) || !t.us[e].hyph) {
			if !t.hasDCT {
				return match{i: i, j: e + 1, typ: TypeDate, val: "XXXX", mod: "END"}, true
			}
			p := pt{g: gYear, y: t.dct.Year()}
			deriv := "year-end of the DCT year"
			if t.is(i-1, cPrep, prSince) {
				p.y--
				deriv = "since year-end: the DCT year's previous"
			}
			return match{i: i, j: e + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, mod: "END", anchor: anchorDCT, deriv: deriv}, true
		}
	}
	if u.v == uYear && t.glued(i+1) {
		switch {
		case t.k(i+1) == cAnaph || t.k(i+1) == cAgo:
			m := match{i: i, j: i + 2, shifted: true}
			t.relativeShift(&m, uYear, 1, -1, false)
			if t.hasRef && (t.ref.g == gHalf || t.ref.g == gQuarter) {
				m.p, m.val, m.anchor = t.ref.shift(uYear, -1), t.ref.shift(uYear, -1).value(), anchorRef
			} else if t.hasDCT {
				m.p = pt{g: gYear, y: t.dct.Year() - 1}
				m.val = m.p.value()
			}
			return m, true
		}
	}
	if !plural || i == 0 || u.v == uNight {
		return match{}, false
	}
	prev := &t.us[i-1]
	if prev.k == cPrep && (prev.v == prFor || prev.v == prIn || prev.v == prDuring || prev.v == prAfter) ||
		prev.k == cQuant && prev.v == qOver || t.k(i+1) == cAgo || t.k(i+1) == cAnaph {
		m := match{i: i, j: i + 1, typ: TypeDuration, val: durValue("X", u.v), deriv: "vague duration"}
		if t.k(i+1) == cAgo || t.k(i+1) == cAnaph {
			m.j = i + 2
		}
		return m, true
	}
	return match{}, false
}

// rateNoun reports whether w is a measure or currency word after which "a
// day", "a year" is a rate ("110 billion dlrs a day").
func rateNoun(w string) bool {
	switch w {
	case "million", "billion", "trillion", "mln", "bln", "pct", "percent", "%", "dlrs", "dollars", "cents", "yen",
		"marks", "pounds", "stg", "euros", "francs", "tonnes", "tons", "barrels", "bpd", "shares", "units", "times", "flights":
		return true
	}
	return false
}
