package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-news/sitrep/nlp/pos"
)

// relExpr handles last/next/this/past/coming/previous/following/current/
// latest/recent at i; the says whether "the" came before.
func (t *tagger) relExpr(i int, the bool) (match, bool) {
	r := t.us[i].v
	j := i + 1
	if i > 0 && t.us[i].cap && j < len(t.us) && t.us[j].cap && t.us[j].k == cUnit && t.word(i-1) != "." {
		return match{}, false // "This Week With David Brinkley": a title
	}
	if j >= len(t.us) {
		if the && r == rPast {
			return match{i: i, j: j, typ: TypeDate, val: "PAST_REF", deriv: "past"}, true
		}
		return match{}, false
	}
	if r == rThis && t.word(i) == "these" && t.is(j, cUnit, uDay) {
		return match{i: i, j: j + 1, typ: TypeDate, val: "PRESENT_REF", deriv: "present"}, true
	}
	if r == rThis && (t.is(j, cRel, rComing) || t.is(j, cRel, rPast)) {
		// this coming Sunday, this past spring
		m, ok := t.relExpr(j, the)
		m.i = i
		return m, ok
	}
	u := &t.us[j]
	if u.hyph {
		return match{}, false // last-minute, next-generation
	}
	// the past two months, the next three years, the last twenty four hours
	if u.k == cNum || u.k == cNumWord || u.k == cFew || u.k == cDet && u.v == 1 {
		if r == rPast || r == rLast || r == rNext || r == rComing || r == rPrevious || r == rFollowing || r == rRecent {
			n, k, ok := t.number(j, true)
			if ok {
				if t.is(k, cQuant, qMore) || t.is(k, cMisc, mAdditional) {
					k++
				}
				if uc, oku := t.unitAt(k, n); oku {
					m := match{i: i, j: k + 1, typ: TypeDuration, val: durValue(numStr(n), uc), deriv: "duration"}
					if t.is(k+1, cUnit, 0) {
						return match{}, false
					}
					return m, true
				}
			}
		}
		return match{}, false
	}
	if the && (r == rLatest || r == rComparable()) && t.word(j) == "period" && t.hasDCT {
		p := coarsen(t.dct, gQuarter).shift(uQuarter, -1)
		return match{i: i, j: j + 1, typ: TypeDate, p: p, hasPt: true, val: p.value(), anchor: anchorDCT, deriv: "the last reported quarter before DCT " + t.dctYMD()}, true
	}
	switch u.k {
	case cUnit:
		return t.relUnit(i, j, r, the)
	case cMonth:
		if _, _, hasDay := t.dayAt(j + 1); hasDay {
			return match{}, false // "last Oct. 23": the date stands alone
		}
		if r == rLast || r == rNext || r == rThis || r == rComing || r == rPast {
			m := match{i: i, j: j + 1, typ: TypeDate, anchor: anchorDCT}
			p := t.relMonth(pt{g: gMonth, y: -1, m: u.v}, r, &m)
			m.p, m.hasPt, m.val = p, p.known(), p.value()
			return m, true
		}
	case cWeekday:
		if the && (r == rPrevious || r == rFollowing) && t.hasRefDay && t.refDay.known() {
			// "the previous Friday", "the following Monday": counted from
			// the last day the text named, not from the DCT
			ref := date(t.refDay.y, t.refDay.m, t.refDay.d)
			rw := (int(ref.Weekday())+6)%7 + 1
			off := -((rw - u.v + 7) % 7)
			if off == 0 {
				off = -7
			}
			if r == rFollowing {
				off = (u.v - rw + 7) % 7
				if off == 0 {
					off = 7
				}
			}
			p := dayPt(ref.AddDate(0, 0, off))
			m := match{i: i, j: j + 1, typ: TypeDate, anchor: anchorRefDay,
				deriv: time.Weekday(u.v%7).String() + " " + t.word(i) + " to " + formatYMD(ref)}
			t.addPart(&m, &p)
			m.p, m.hasPt, m.val = p, p.known(), p.value()
			return m, true
		}
		if r == rLast || r == rNext || r == rThis || r == rComing || r == rPast || r == rPrevious {
			m := match{i: i, j: j + 1, typ: TypeDate}
			dir := 0
			switch r {
			case rLast, rPast, rPrevious:
				dir = -2
			case rNext, rComing:
				dir = 2
			}
			p := t.resolveWeekday(u.v, i, dir, &m)
			t.addPart(&m, &p)
			m.p, m.hasPt, m.val = p, p.known(), p.value()
			return m, true
		}
	case cHalf:
		if the && r == rLast {
			// "the last half of 1989": the second half
			return t.halfOf(i, j+1, 2)
		}
	case cSeason:
		return t.seasonExpr(j, r)
	case cPart:
		if the && (r == rNext || r == rFollowing || r == rPrevious) && t.hasRef && t.ref.g >= gDay {
			m := match{i: i, j: j + 1, typ: TypeTime}
			dir := 1
			if r == rPrevious {
				dir = -1
			}
			t.relativeShift(&m, uDay, 1, dir, true)
			m.typ = TypeTime
			m.p.g, m.p.part = gPart, u.v
			m.val = m.p.value()
			return m, true
		}
		if r == rThis || r == rLast || r == rNext {
			return t.dayPart(i, j+1, r, u.v)
		}
	case cFiscal:
		if t.is(j+1, cUnit, uYear) && (r == rThis || r == rLast || r == rNext || r == rCurrent) {
			m, ok := t.relUnit(i, j+1, r, the)
			m.i = i
			return m, ok
		}
	case cOrd:
		if (r == rLatest || r == rLast) && the {
			return match{}, false
		}
	}
	if the && (r == rPast) && (u.k != cUnit) {
		return match{i: i, j: j, typ: TypeDate, val: "PAST_REF", deriv: "past"}, true
	}
	return match{}, false
}

// dayPart: this morning, last night, tomorrow evening.
func (t *tagger) dayPart(i, j, r, part int) (match, bool) {
	m := match{i: i, j: j, typ: TypeTime, anchor: anchorDCT}
	if !t.hasDCT {
		m.val = "XXXX-XX-XXT" + partCode[part]
		return m, true
	}
	off := 0
	if r == rLast {
		off = -1
	} else if r == rNext {
		off = 1
	}
	p := dayPt(t.dct.AddDate(0, 0, off))
	p.g, p.part = gPart, part
	m.p, m.hasPt, m.val, m.deriv = p, true, p.value(), "DCT "+t.dctYMD()
	return m, true
}

func (t *tagger) relUnit(i, j, r int, the bool) (match, bool) {
	uc := t.us[j].v
	w := t.word(j)
	plural := len(w) > 2 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && uc != uCentury
	if w == "centuries" || w == "millennia" {
		plural = true
	}
	m := match{i: i, j: j + 1}
	if plural {
		switch r {
		case rRecent, rPast, rLast, rNext, rComing, rFollowing, rPrevious:
			m.typ, m.val, m.deriv = TypeDuration, durValue("X", uc), "vague duration"
			return m, true
		}
		return match{}, false
	}
	if uc == uNight && (r == rLast || r == rThis) {
		return t.dayPart(i, j+1, r, pNI)
	}
	// "the past year" names the last calendar year in TimeBank practice;
	// "the past decade" stays a span up to now
	if (r == rPast || the && r == rLast) && (uc == uYear || uc == uMonth || uc == uWeek) && the && t.hasDCT {
		base := coarsen(t.dct, unitGran(uc))
		p := base.shift(uc, -1)
		m.typ, m.p, m.hasPt, m.val, m.anchor, m.deriv = TypeDate, p, true, p.value(), anchorDCT, "the "+t.word(i)+" "+w+" before DCT "+t.dctYMD()
		return m, true
	}
	// the past decade: a duration up to now
	if r == rPast || the && r == rLast && uc != uQuarter {
		m.typ, m.val, m.deriv = TypeDuration, durValue("1", uc), "duration up to now"
		return m, true
	}
	if r == rRecent {
		return match{}, false
	}
	g := unitGran(uc)
	if uc == uDay || uc == uHour || uc == uMinute || uc == uSecond || uc == uNight {
		if the && (r == rNext || r == rFollowing || r == rPrevious || r == rSame) && uc == uDay {
			m.typ = TypeDate
			dir := 0
			switch r {
			case rNext, rFollowing:
				dir = 1
			case rPrevious:
				dir = -1
			}
			if dir == 0 {
				if t.hasRef {
					m.p, m.hasPt, m.val, m.anchor, m.deriv = t.ref, true, t.ref.value(), anchorRef, "same as "+t.ref.value()
					return m, true
				}
				return match{}, false
			}
			t.relativeShift(&m, uDay, 1, dir, true)
			return m, true
		}
		return match{}, false
	}
	m.typ = TypeDate
	dir := 0
	switch r {
	case rLast, rPrevious:
		dir = -1
	case rNext, rComing, rFollowing:
		dir = 1
	case rThis, rCurrent, rSame:
		dir = 0
	case rLatest:
		if uc != uQuarter {
			return match{}, false
		}
		dir = -1
	default:
		return match{}, false
	}
	anaphoric := the && (r == rPrevious || r == rFollowing || r == rSame || r == rNext)
	var base pt
	if anaphoric && t.hasRef && t.ref.g >= gYear {
		lo, _, _ := t.ref.bounds()
		base = coarsen(lo, g)
		m.anchor = anchorRef
		m.deriv = "previous date " + t.ref.value()
	} else {
		if !t.hasDCT {
			m.val = unknownOf(g)
			return m, true
		}
		base = coarsen(t.dct, g)
		m.anchor = anchorDCT
		m.deriv = "DCT " + t.dctYMD()
	}
	if r == rLatest && uc == uQuarter {
		// the latest quarter: the last one completed
		if base.value() == coarsen(t.dct, g).value() {
			dir = -1
		}
	}
	// this year's third quarter, last year's quarter
	if uc == uYear && t.word(j+1) == "'s" || uc == uYear && t.word(j+1) == "’s" {
		k := j + 2
		n, kk, ok := t.ordAt(k)
		if !ok {
			n, kk = 0, k
		}
		if t.is(kk, cUnit, uQuarter) && n <= 4 {
			y := base.y + dir
			if n <= 0 {
				n = t.lastQuarter()
			}
			p := pt{g: gQuarter, y: y, n: n}
			m.j, m.p, m.hasPt, m.val = kk+1, p, true, p.value()
			m.deriv += " " + t.word(i) + " year's quarter"
			return m, true
		}
	}
	p := base
	if dir != 0 {
		p = base.shift(uc, dir)
		if g == gWeekend {
			p = base.shift(uWeek, dir)
		}
		if g == gDecade || g == gCentury {
			p = base
			p.y += dir * unitMonths(uc) / 12
		}
	}
	m.p, m.hasPt, m.val = p, true, p.value()
	m.deriv += " " + t.word(i) + " " + w
	return m, true
}

func rComparable() int { return -100 }

// relMonth: last April, next April, this April.
func (t *tagger) relMonth(p pt, r int, m *match) pt {
	if !t.hasDCT {
		return p
	}
	dm := int(t.dct.Month())
	y := t.dct.Year()
	switch r {
	case rLast, rPast:
		// "last February" said in March is a year back: the month just
		// gone would be "last month"
		if p.m >= dm || p.m == dm-1 {
			y--
		}
	case rNext, rComing:
		if p.m <= dm {
			y++
		}
	}
	p.y = y
	m.deriv = t.word(m.i) + " " + time.Month(p.m).String() + " from DCT " + t.dctYMD()
	return p
}

// quarterExpr: third quarter, third-quarter, first half, fiscal first
// quarter, 20th century, at an ordinal.
func (t *tagger) quarterExpr(i int) (match, bool) {
	n, j, ok := t.ordAt(i)
	if !ok {
		return match{}, false
	}
	if t.k(j) == cFiscal {
		j++
	}
	var p pt
	switch {
	case t.is(j, cUnit, uQuarter):
		if n == -1 {
			n = 4
		}
		if n < 1 || n > 4 || t.word(j)[len(t.word(j))-1] == 's' {
			return match{}, false
		}
		p = pt{g: gQuarter, y: -1, n: n}
	case t.k(j) == cHalf:
		if n == -1 {
			n = 2
		}
		if n < 1 || n > 2 {
			return match{}, false
		}
		p = pt{g: gHalf, y: -1, n: n}
	case t.is(j, cUnit, uCentury):
		if n < 1 || n > 30 {
			return match{}, false
		}
		p = pt{g: gCentury, y: (n - 1) * 100}
		return match{i: i, j: j + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
	default:
		return match{}, false
	}
	j++
	m := match{i: i, j: j, typ: TypeDate}
	k := j
	if t.is(k, cOf, 0) {
		k++
	}
	if t.is(k, cFiscal, 0) {
		k++
	}
	if y, oky := t.yearAt(k); oky {
		p.y = y
		m.j = k + 1
		m.deriv = "explicit"
	} else if t.is(k, cRel, rLast) || t.is(k, cRel, rNext) || t.is(k, cRel, rThis) || t.is(k, cDet, 0) && (t.is(k+1, cRel, rCurrent) || t.is(k+1, cRel, rPrevious)) {
		kk := k + 1
		if t.is(k, cDet, 0) {
			kk++
		}
		if t.is(kk, cFiscal, 0) {
			kk++
		}
		if t.is(kk, cUnit, uYear) && t.hasDCT {
			y := t.dct.Year()
			switch t.us[kk-1].v {
			case rLast, rPrevious:
				y--
			case rNext:
				y++
			}
			if t.us[kk-1].k == cRel {
				p.y = y
				m.j = kk + 1
				m.anchor = anchorDCT
				m.deriv = "quarter of the year relative to DCT"
			}
		}
	}
	if p.y < 0 {
		p = t.resolveYear(p, i, &m)
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// ordAt reads an ordinal: third, 3rd, twenty-first, final.
// halfOf finishes a half-year n whose words end before unit k: "of 1989",
// or the year from the DCT.
func (t *tagger) halfOf(i, k, n int) (match, bool) {
	p := pt{g: gHalf, y: -1, n: n}
	m := match{i: i, j: k, typ: TypeDate}
	kk := k
	if t.is(kk, cOf, 0) {
		kk++
	}
	if y, ok := t.yearAt(kk); ok {
		p.y, m.j, m.deriv = y, kk+1, "explicit"
	} else {
		p = t.resolveYear(p, i, &m)
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

func (t *tagger) ordAt(i int) (int, int, bool) {
	if i >= len(t.us) {
		return 0, i, false
	}
	u := &t.us[i]
	if u.k == cOrd {
		return u.v, i + 1, true
	}
	if u.k == cNumWord && u.v >= 20 && u.v < 100 && t.glued(i+1) && t.k(i+1) == cOrd {
		return u.v + t.us[i+1].v, i + 2, true
	}
	return 0, i, false
}

// qNotation: Q3, Q3 2024, H1 2025.
func (t *tagger) qNotation(i int) (match, bool) {
	v := t.us[i].v
	p := pt{g: gQuarter, y: -1, n: v}
	if v > 10 {
		p = pt{g: gHalf, y: -1, n: v - 10}
		if p.n > 2 {
			return match{}, false
		}
	}
	m := match{i: i, j: i + 1, typ: TypeDate}
	if y, ok := t.yearAt(i + 1); ok {
		p.y, m.j, m.deriv = y, i+2, "explicit"
	} else {
		p = t.resolveYear(p, i, &m)
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// seasonExpr: summer, summer of 2024, this summer, last fall.
func (t *tagger) seasonExpr(i, r int) (match, bool) {
	s := t.us[i].v
	start := i
	if r != 0 {
		start = i - 1
	}
	m := match{i: start, j: i + 1, typ: TypeDate}
	p := pt{g: gSeason, y: -1, n: s}
	k := i + 1
	if t.is(k, cOf, 0) {
		k++
	}
	if y, kk, ok := t.yearWords(k); ok {
		p.y, m.j, m.deriv = y, kk, "explicit"
		m.p, m.hasPt, m.val = p, true, p.value()
		return m, true
	}
	if r == 0 {
		// a bare season needs a preposition before it (in the fall)
		b := i - 1
		if t.is(b, cDet, 0) {
			b--
		}
		if !(t.k(b) == cPrep && t.us[b].v != prTo || t.k(b) == cFuzzy || t.k(b) == cOf || t.is(b, cQuant, qOver) || t.word(b) == "into") {
			return match{}, false
		}
		p = t.resolveYear(p, i, &m)
	} else if t.hasDCT {
		cur := coarsen(t.dct, gSeason)
		y := t.dct.Year()
		if s == sWI && t.dct.Month() <= 2 {
			y--
		}
		p.y = y
		switch r {
		case rLast, rPast, rPrevious:
			if p.y > cur.y || p.y == cur.y && s >= cur.n {
				p.y--
			}
		case rNext, rComing:
			if p.y < cur.y || p.y == cur.y && s <= cur.n {
				p.y++
			}
		case rThis:
		default:
			return match{}, false
		}
		m.anchor = anchorDCT
		m.deriv = "season relative to DCT " + t.dctYMD()
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// setExpr: every day, each Thursday, every two weeks, per year.
func (t *tagger) setExpr(i int) (match, bool) {
	j := i + 1
	if t.is(j, cMisc, mOther) {
		j++
	}
	n := 1
	if nn, k, ok := t.number(j, false); ok && nn > 0 {
		n, j = nn, k
	}
	u := &t.us[min(j, len(t.us)-1)]
	if j >= len(t.us) {
		return match{}, false
	}
	m := match{i: i, j: j + 1, typ: TypeSet, deriv: "set"}
	switch u.k {
	case cUnit:
		if t.word(i) != "per" && t.word(i) != "Per" {
			if w := t.word(j); w[len(w)-1] == 's' && n == 1 {
				return match{}, false
			}
		}
		m.val = durValue(strconv.Itoa(n), u.v)
		if t.is(i+1, cMisc, mOther) {
			m.val = durValue(strconv.Itoa(2*n), u.v)
		}
	case cWeekday:
		m.val = "XXXX-WXX-" + strconv.Itoa(u.v)
		if t.k(j+1) == cPart || t.is(j+1, cUnit, uNight) {
			m.val += "T" + partOf(t.us[j+1])
			m.j++
		}
	case cPart:
		m.val = "XXXX-XX-XXT" + partCode[u.v]
	case cMonth:
		m.val = "XXXX-" + pad2(u.v)
	case cSeason:
		m.val = "XXXX-" + seasonCode[u.v]
	default:
		return match{}, false
	}
	return m, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (t *tagger) holiday(i int) (match, bool) {
	h := t.us[i].v
	var p pt
	j := i + 1
	switch h {
	case hChristmas:
		p = pt{g: gDay, y: -1, m: 12, d: 25}
		if t.is(j, cMisc, mEve) {
			p.d = 24
			j++
		} else if t.is(j, cUnit, uDay) {
			j++
		}
	case hHalloween:
		p = pt{g: gDay, y: -1, m: 10, d: 31}
	case hThanksgiving:
		p = pt{g: gDay, y: -1, m: 11, d: -1}
		if t.is(j, cUnit, uDay) {
			j++
		}
	default:
		return match{}, false
	}
	m := match{i: i, j: j, typ: TypeDate}
	if y, ok := t.yearAt(j); ok {
		p.y, m.j = y, j+1
	} else {
		p = t.resolveYear(p, i, &m)
	}
	if h == hThanksgiving && p.y >= 0 {
		// the fourth Thursday of November
		first := date(p.y, 11, 1)
		off := (int(time.Thursday) - int(first.Weekday()) + 7) % 7
		p.d = 1 + off + 21
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	if m.deriv == "" {
		m.deriv = "holiday"
	}
	return m, true
}

// ---- resolution against the DCT ----

// resolveYear gives an underspecified point (month, day, quarter, half,
// season) its year from the DCT. A day within 45 days of the DCT (or a
// month, when no tense shows) is that nearest one. Otherwise the tense
// around the expression decides between the last occurrence up to the DCT
// (past) and the next one from it (future). With no tense: a deadline
// ("by February") looks ahead, a day takes the nearest, a quarter or half
// the DCT's year, and anything else the past, as news mostly reports.
func (t *tagger) resolveYear(p pt, i int, m *match) pt {
	if t.sent == t.refYearSent && t.refYear > 0 && (!t.hasDCT || t.refYear != t.dct.Year()) {
		// "began on Aug. 6, 2024, and by mid-August": the narrative's year
		p.y = t.refYear
		m.anchor = anchorYear
		m.deriv = "year of " + t.refYearID + " (" + strconv.Itoa(t.refYear) + ") just before"
		return p
	}
	if !t.hasDCT {
		m.deriv = "no DCT: year unknown"
		return p
	}
	tense := t.tense(i, m.j)
	dy := t.dct.Year()
	best := p
	best.y = dy
	dct := t.dct
	var cands [3]pt
	for k := 0; k < 3; k++ {
		c := p
		c.y = dy - 1 + k
		if c.g == gDay && c.d < 0 {
			c.d = 1
		}
		cands[k] = c
	}
	pick := -1
	// a date within weeks of the DCT is that one whatever the tense
	// ("Monday, Oct. 26" in a paper of Oct. 25); farther ones follow the
	// tense, and with no tense news speaks of the past
	near := time.Duration(1 << 62)
	if p.g == gDay || p.g == gMonth && (tense == tenseNone || tense == tensePresent) {
		for k := 0; k < 3; k++ {
			lo, hi, _ := cands[k].bounds()
			d := time.Duration(0)
			if dct.Before(lo) {
				d = lo.Sub(dct)
			} else if dct.After(hi) {
				d = dct.Sub(hi)
			}
			if d < near && d <= 45*24*time.Hour {
				near, pick = d, k
			}
		}
		if pick >= 0 {
			tense = -1
		}
	}
	b := m.i - 1
	for b > 0 && (t.k(b) == cFuzzy || t.is(b, cDet, 0) || t.k(b) == cOf) {
		b-- // "until the end of", "by mid-"
	}
	if (t.is(b, cPrep, prUntil) || t.is(b, cPrep, prBy)) && pick < 0 && !(tense == tensePast && t.untilBack(b)) {
		// "gave Merieux until mid-November": a deadline looks ahead
		// whatever the tense of the verb that set it
		tense = tenseFuture
	}
	if tense == tenseNone || tense == tensePresent {
		if p.g == gQuarter || p.g == gHalf {
			tense = -2 // the DCT's year
		} else if b := m.i - 1; t.is(b, cPrep, prUntil) || t.is(b, cPrep, prBy) {
			tense = tenseFuture // a deadline: "by February", "through January"
		} else if p.g == gDay {
			tense = tenseNone // a day with no tense: the nearest ("Pay May 25")
		} else {
			tense = tensePast
		}
	}
	switch tense {
	case -1:
	case -2:
		pick = 1
	case tensePast:
		for k := 2; k >= 0; k-- {
			lo, _, _ := cands[k].bounds()
			if !lo.After(dct) {
				pick = k
				break
			}
		}
	case tenseFuture:
		if p.g == gQuarter || p.g == gHalf {
			pick = 1
			break
		}
		for k := 0; k < 3; k++ {
			_, hi, _ := cands[k].bounds()
			if !hi.Before(dct.Truncate(24 * time.Hour)) {
				pick = k
				break
			}
		}
	default:
		bestD := time.Duration(1 << 62)
		for k := 0; k < 3; k++ {
			lo, hi, _ := cands[k].bounds()
			var d time.Duration
			switch {
			case dct.Before(lo):
				d = lo.Sub(dct) + time.Hour // ties go to the past
			case dct.After(hi):
				d = dct.Sub(hi)
			}
			if d < bestD {
				bestD, pick = d, k
			}
		}
	}
	if pick >= 0 {
		best.y = cands[pick].y
	}
	m.anchor = anchorDCT
	switch tense {
	case -1:
		m.deriv = "year from DCT " + t.dctYMD() + " (nearest, within weeks)"
	case -2:
		m.deriv = "year of DCT " + t.dctYMD()
	default:
		m.deriv = "year from DCT " + t.dctYMD() + " (" + t.tenseWhy(tense) + ")"
	}
	return best
}

var tenseName = [...]string{"no tense: nearest", "past tense", "present: nearest", "future tense"}

// resolveWeekday finds the day of weekday wd (1 = Monday): dir -2 is "last"
// (strictly before the DCT), 2 "next" (strictly after), 0 by tense.
func (t *tagger) resolveWeekday(wd, i, dir int, m *match) pt {
	if !t.hasDCT {
		m.deriv = "no DCT"
		return pt{g: gDay, y: -1, m: -1, d: -1}
	}
	dw := (int(t.dct.Weekday())+6)%7 + 1
	back := (dw - wd + 7) % 7 // days back to the last such weekday (0: the DCT)
	fwd := (wd - dw + 7) % 7
	off := 0
	tense := tenseNone
	why0 := ""
	switch dir {
	case -2:
		off = -back
		if back == 0 {
			off = -7
		}
	case 2:
		off = fwd
		if fwd == 0 {
			off = 7
		}
	default:
		tense = t.tense(i, i+1)
		sig := t.weekdaySignal(i)
		switch {
		case sig == prSince:
			tense, why0 = tensePast, "since: before"
		case sig == prUntil && !(tense == tensePast && t.untilBack(i)):
			// "postponed until Tuesday": a deadline ahead; but "had not
			// called him a suspect until Thursday" looks back
			tense, why0 = tenseFuture, "until: a deadline ahead"
		case t.possessive(i):
			// "Wednesday's ruling": a noun modifier, the verb nearby is
			// not its own
			tense, why0 = tenseNone, "possessive: nearest"
		}
		switch tense {
		case tensePast:
			off = -back
		case tenseFuture:
			off = fwd
		default:
			// no tense: the nearest such day; news reports the past, so
			// the past wins by a day ("up from 886 million shares
			// Thursday" in a Monday paper)
			if back <= fwd+1 {
				off = -back
			} else {
				off = fwd
			}
		}
	}
	m.anchor = anchorDCT
	why := t.tenseWhy(tense)
	if why0 != "" {
		why = why0
	}
	switch dir {
	case -2:
		why = "last: strictly before"
	case 2:
		why = "next: strictly after"
	}
	m.deriv = time.Weekday(wd%7).String() + " relative to DCT " + t.dctYMD() + " (" + why + ")"
	return dayPt(t.dct.AddDate(0, 0, off))
}

// weekdaySignal returns prSince or prUntil when the weekday at i (or the
// time before it: "until 9 a.m. Tuesday") follows "since" or
// "until"/"by", 0 otherwise.
func (t *tagger) weekdaySignal(i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		u := &t.us[k]
		if u.k == cPrep && (u.v == prSince || u.v == prUntil) {
			return u.v
		}
		if u.k == cPrep && u.v == prBy {
			return prUntil
		}
		if u.k != cNum && u.k != cPart && u.k != cPrep && u.k != cTZ && !u.period && t.word(k) != "on" {
			return 0
		}
	}
	return 0
}

// untilBack reports whether a deadline ("until", "by") before unit b
// looks back after all: a past perfect ("had arrived by late October") or
// a negation ("wasn't acknowledged until April", "not until").
func (t *tagger) untilBack(b int) bool {
	if t.cueAt >= 0 {
		for _, k := range []int{t.cueAt, t.cueAt - 1} {
			switch strings.ToLower(t.word(k)) {
			case "had", "hadn", "'d":
				return true
			}
		}
	}
	for k := b - 1; k >= 0 && k >= b-6; k-- {
		w := strings.ToLower(t.word(k))
		if w == "not" || w == "never" || w == "wasn" || w == "didn" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// possessive reports whether unit i is followed by "'s".
func (t *tagger) possessive(i int) bool {
	w := t.word(i + 1)
	return w == "'s" || w == "’s"
}

// tense looks for the nearest tense cue around units [i, j) in the
// sentence: auxiliaries and verb forms before the expression first, then
// after it.
func (t *tagger) tense(i, j int) int {
	t.cueAt = -1
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		if c := t.cue(k); c != tenseNone {
			t.cueAt = k
			if c == tenseFuture && t.hadBefore(k) {
				// "had been due to expire Friday": a plan of the past
				return tensePast
			}
			return c
		}
	}
	comma := false
	for k := j; k < len(t.us) && k < j+12; k++ {
		w := t.word(k)
		if w == "," || w == "''" || w == "\"" || w == "”" {
			comma = true
		}
		if comma && reporting(w) {
			continue // "in early March, an official said": the report, not the event
		}
		if c := t.cue(k); c != tenseNone {
			t.cueAt = k
			return c
		}
	}
	return tenseNone
}

// hadBefore reports whether "had" comes just before unit k ("had been
// scheduled to", "had planned to").
func (t *tagger) hadBefore(k int) bool {
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		switch strings.ToLower(t.word(q)) {
		case "had", "'d":
			return true
		case "been", "to", "due", "scheduled", "set", "expected", "previously", "originally", "planned":
			continue
		}
		return false
	}
	return false
}

func reporting(w string) bool {
	switch w {
	case "said", "says", "told", "added", "reported", "announced", "stated", "noted":
		return true
	}
	return false
}

// tenseWhy names the tense and the word that showed it, for derivations.
func (t *tagger) tenseWhy(tense int) string {
	s := tenseName[tense]
	if t.cueAt >= 0 && tense != tenseNone {
		s += " '" + t.word(t.cueAt) + "'"
	}
	return s
}

func (t *tagger) cue(k int) int {
	if t.tags != nil {
		return t.posCue(k)
	}
	u := &t.us[k]
	c := tenseNone
	switch u.k {
	case cVerbCue:
		c = u.v
	case cNone:
		w := t.word(k)
		n := len(w)
		if n >= 4 && w[n-2] == 'e' && w[n-1] == 'd' && !u.cap && w[n-3] != 'e' && !(w[0] == 'u' && w[1] == 'n') {
			// -ed, but not succeed/need, nor un-...-ed adjectives (unspecified)
			c = tensePast
		}
	}
	if c == tensePast && k > 0 {
		// a participle after be/is/to is no past tense: "will be paid",
		// "is expected"; the search goes on to the auxiliary
		switch t.word(k - 1) {
		case "be", "being", "to":
			return tenseNone
		case "is", "are", "am":
			return tensePresent
		}
	}
	return c
}

// posCue is cue with part-of-speech tags: the verb form, not its
// spelling, shows the tense, and nouns ("vacation plans") show none.
func (t *tagger) posCue(k int) int {
	u := &t.us[k]
	tg := t.tags[u.tok]
	switch {
	case tg == pos.MD:
		if w := strings.ToLower(t.word(k)); w == "could" {
			return tenseNone // the past of "can" as often as a possibility
		}
		if u.k == cVerbCue {
			return u.v
		}
		return tenseFuture
	case u.k == cVerbCue && tg != pos.VBN:
		if tg.IsNoun() {
			return tenseNone // "the plan", "vacation plans", "a forecast"
		}
		return u.v
	case tg == pos.VBD:
		return tensePast
	case tg == pos.VBN:
		if u.k == cVerbCue && u.v == tenseFuture {
			return tenseFuture // "is expected", "scheduled"
		}
		prev := strings.ToLower(t.word(k - 1))
		if nx := t.word(k + 1); prev == "set" || (nx == "to" || nx == "for") && (t.word(k) == "set" || t.word(k) == "due") {
			return tenseFuture // "set to resume Monday", "a summit set for April"
		}
		if prev == "be" && strings.ToLower(t.word(k-2)) == "to" {
			return tenseFuture // "guidelines to be published in November"
		}
		switch prev {
		case "be", "being", "to":
			return tenseNone
		case "is", "are", "am":
			return tensePresent
		}
		return tensePast
	case tg == pos.VB && strings.ToLower(t.word(k-1)) == "to":
		switch strings.ToLower(t.word(k - 2)) {
		case "is", "are", "am":
			return tenseFuture // "is to resume trading Tuesday"
		}
	}
	return tenseNone
}

// thatUnit: that day, that year, that same day, that quarter: the
// previous date of the text at the unit's granularity.
func (t *tagger) thatUnit(i int) (match, bool) {
	j := i + 1
	if t.is(j, cRel, rSame) {
		j++
	}
	if !t.is(j, cUnit, uDay) && !t.is(j, cUnit, uWeek) && !t.is(j, cUnit, uMonth) && !t.is(j, cUnit, uYear) && !t.is(j, cUnit, uQuarter) {
		return match{}, false
	}
	w := t.word(j)
	if w[len(w)-1] == 's' || !t.hasRef {
		return match{}, false
	}
	g := unitGran(t.us[j].v)
	if t.ref.g < g {
		return match{}, false
	}
	lo, _, ok := t.ref.bounds()
	if !ok {
		return match{}, false
	}
	p := coarsen(lo, g)
	return match{i: i, j: j + 1, typ: TypeDate, p: p, hasPt: true, val: p.value(), anchor: anchorRef, deriv: "same " + w + " as " + t.ref.value()}, true
}

// yearWords reads a year written out after a month, season or "the year"
// ("January nineteen ninety-seven", "the year two thousand", "two
// thousand and one"), or a year in digits; it returns the unit after it.
func (t *tagger) yearWords(k int) (int, int, bool) {
	if y, ok := t.yearAt(k); ok {
		return y, k + 1, true
	}
	if y, j, ok := t.spelledYear(k); ok {
		return y, j, true
	}
	if t.is(k, cNumWord, 2) && t.is(k+1, cNumWord, 1000) {
		y, j := 2000, k+2
		if t.is(j, cAnd, 0) && t.k(j+1) == cNumWord {
			j++
		}
		if n, jj, ok := t.number(j, false); ok && t.k(j) == cNumWord && n > 0 && n < 100 {
			y, j = 2000+n, jj
		}
		return y, j, true
	}
	return 0, k, false
}

// spelledYear reads "nineteen ninety-six" as 1996.
func (t *tagger) spelledYear(i int) (int, int, bool) {
	if i+1 >= len(t.us) {
		return 0, i, false
	}
	c := t.us[i].v
	if c < 11 || c > 20 || t.k(i+1) != cNumWord {
		return 0, i, false
	}
	tens := t.us[i+1].v
	if tens < 20 || tens >= 100 || tens%10 != 0 {
		return 0, i, false
	}
	y, j := c*100+tens, i+2
	if t.k(j) == cNumWord && t.us[j].v < 10 && t.us[j].v > 0 {
		y += t.us[j].v
		j++
	}
	return y, j, true
}

// lastQuarter is the quarter the text last spoke of, or the last one
// completed before the DCT: "the 1988 quarter" in a report on the third
// quarter is 1988-Q3.
func (t *tagger) lastQuarter() int {
	if t.hasRef && t.ref.g == gQuarter && t.ref.n >= 1 {
		return t.ref.n
	}
	if t.hasDCT {
		return coarsen(t.dct, gQuarter).shift(uQuarter, -1).n
	}
	return -1
}
