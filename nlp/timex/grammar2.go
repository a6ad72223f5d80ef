package timex

import (
	"time"
)

// ---- years, months, days ----

func (t *tagger) yearMatch(i, j, y int) match {
	p := pt{g: gYear, y: y}
	return match{i: i, j: j, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}
}

// yearAt reads a four-digit year (or '98) at i.
func (t *tagger) yearAt(i int) (int, bool) {
	if i >= len(t.us) {
		return 0, false
	}
	u := &t.us[i]
	if u.k != cNum || u.shape != shNone {
		return 0, false
	}
	if u.ndig == 4 && u.num >= 1000 && u.num <= 2199 {
		return u.num, true
	}
	if u.ndig == 2 && u.start > 0 && (t.d.Text[u.start-1] == '\'' || hasRightQuote(t.d.Text, u.start)) {
		return 1900 + u.num, true
	}
	return 0, false
}

func hasRightQuote(s string, at int) bool {
	return at >= 3 && s[at-3:at] == "’"
}

// dayAt reads a day of month (28, 28th, twenty-eighth) at i.
func (t *tagger) dayAt(i int) (int, int, bool) {
	if i >= len(t.us) {
		return 0, i, false
	}
	u := &t.us[i]
	switch {
	case u.k == cNum && u.shape == shNone && u.ndig <= 2 && u.num >= 1 && u.num <= 31:
		return u.num, i + 1, true
	case u.k == cOrd && u.v >= 1 && u.v <= 31:
		return u.v, i + 1, true
	case u.k == cNumWord && (u.v == 20 || u.v == 30) && t.glued(i+1) && t.k(i+1) == cOrd:
		return u.v + t.us[i+1].v, i + 2, true
	case u.k == cNumWord && u.v >= 1 && u.v <= 31 && t.k(i-1) == cMonth:
		// "April five", "March twenty-eight"
		n, j, ok := t.number(i, false)
		if ok && n >= 1 && n <= 31 && t.k(j) != cUnit {
			return n, j, true
		}
	}
	return 0, i, false
}

func (t *tagger) monthExpr(i int) (match, bool) {
	u := &t.us[i]
	mo := u.v
	j := i + 1
	day, dj, hasDay := t.dayAt(j)
	if hasDay && t.k(dj) == cUnit {
		hasDay = false // "May 5 years"
	}
	if yy, jj, ok := t.spelledYear(j); ok && t.k(j) == cNumWord {
		// "January nineteen ninety-seven": a year, not the 19th
		p := pt{g: gMonth, y: yy, m: mo}
		return match{i: i, j: jj, typ: TypeDate, p: p, hasPt: true, val: p.value(), deriv: "explicit"}, true
	}
	if hasDay {
		j = dj
	}
	y, hasYear := 0, false
	k := j
	if t.is(k, cOf, 0) && !hasDay {
		k++
	}
	if t.word(k) == "," && false {
		k++
	}
	if yy, ok := t.yearAt(k); ok {
		y, hasYear, j = yy, true, k+1
	} else if k < len(t.us) && t.d.Text[t.us[k-1].end:min(t.us[k].start, len(t.d.Text))] == ", " {
		// comma is not a unit; handled by the gap check below
	}
	// "August 28, 2024": the comma is punctuation between units
	if !hasYear && hasDay {
		if yy, ok := t.yearAfterComma(j); ok {
			y, hasYear, j = yy, true, j+2
		}
	}
	// July last year, March this year
	relYear := 0
	if !hasYear && (t.is(j, cRel, rLast) || t.is(j, cRel, rThis) || t.is(j, cRel, rNext)) && t.is(j+1, cUnit, uYear) && t.hasDCT {
		y, hasYear = t.dct.Year(), true
		switch t.us[j].v {
		case rLast:
			y--
		case rNext:
			y++
		}
		relYear = 1
		j += 2
	}
	if !hasDay && !hasYear {
		if u.abbr && !u.period {
			return match{}, false // "Jan" alone is a name
		}
		if t.word(i) == "May" || t.word(i) == "March" {
			pk := t.k(i - 1)
			if !(pk == cPrep || pk == cRel || pk == cFuzzy || pk == cOf || pk == cThat) {
				return match{}, false
			}
		}
	}
	var p pt
	if hasDay {
		if day > daysIn(mo, max(y, 2000)) {
			return match{}, false
		}
		p = pt{g: gDay, y: -1, m: mo, d: day}
	} else {
		p = pt{g: gMonth, y: -1, m: mo}
	}
	m := match{i: i, j: j, typ: TypeDate}
	if hasYear {
		p.y = y
		m.deriv = "explicit"
		if relYear == 1 {
			m.deriv, m.anchor = "year relative to DCT "+t.dctYMD(), anchorDCT
		}
	} else {
		p = t.resolveYear(p, i, &m)
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// yearAfterComma reads ", 2024" after unit j-1: the comma is not a unit, so
// look at the text between the units.
func (t *tagger) yearAfterComma(j int) (int, bool) {
	if j <= 0 || j >= len(t.us) {
		return 0, false
	}
	if t.word(j) != "," {
		return 0, false
	}
	return t.yearAt(j + 1)
}

func daysIn(m, y int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dayMonth: 28 August 2024, the 28th of August.
func (t *tagger) dayMonth(i int) (match, bool) {
	day, j, ok := t.dayAt(i)
	if !ok {
		return match{}, false
	}
	if t.is(j, cOf, 0) {
		j++
	}
	if t.k(j) != cMonth {
		return match{}, false
	}
	m, ok := t.monthExpr(j)
	if !ok || m.p.g != gMonth {
		if ok && m.p.g == gDay {
			return match{}, false
		}
		// month alone was rejected (abbr): accept after a day
		mo := t.us[j].v
		m = match{j: j + 1, typ: TypeDate}
		p := pt{g: gMonth, y: -1, m: mo}
		m.p = p
	}
	if day > daysIn(t.us[j].v, 2000) {
		return match{}, false
	}
	p := m.p
	p.g, p.d = gDay, day
	m.i = i
	if p.y < 0 || m.deriv != "explicit" {
		p.y = -1
		p = t.resolveYear(p, i, &m)
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// numberExpr handles a unit that starts with a digit.
func (t *tagger) numberExpr(i int) (match, bool) {
	u := &t.us[i]
	w := t.word(i)
	switch u.shape {
	case shSlash:
		return t.slashDate(i, w)
	case shISO:
		return t.isoDate(i, w)
	case shColon:
		hh, mi := atoi(w), 0
		for k := 0; k < len(w); k++ {
			if w[k] == ':' {
				mi = atoi(w[k+1:])
				break
			}
		}
		if hh > 24 || mi > 59 {
			return match{}, false
		}
		j := i + 1
		if t.k(j) == cAMPM {
			if t.us[j].v == 1 && hh < 12 {
				hh += 12
			} else if t.us[j].v == 0 && hh == 12 {
				hh = 0
			}
			j++
		}
		return t.timeOfDay(i, j, hh, mi)
	case shDecade:
		n := u.num
		if u.ndig == 2 {
			n += 1900
		}
		if u.ndig != 2 && u.ndig != 4 {
			return match{}, false
		}
		if n%100 == 0 && n != 2000 {
			p := pt{g: gCentury, y: n}
			return match{i: i, j: i + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
		}
		p := pt{g: gDecade, y: n}
		return match{i: i, j: i + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
	case shComma:
		return t.durationOrAgo(i)
	case shNone:
		if t.k(i+1) == cAMPM {
			hh := u.num
			if hh < 1 || hh > 12 {
				return match{}, false
			}
			if t.us[i+1].v == 1 && hh < 12 {
				hh += 12
			} else if t.us[i+1].v == 0 && hh == 12 {
				hh = 0
			}
			return t.timeOfDay(i, i+2, hh, 0)
		}
		if u.num >= 1 && u.num <= 12 && t.is(i+1, cPrep, prIn) && t.is(i+2, cDet, 0) && t.k(i+3) == cPart {
			hh := u.num
			if t.us[i+3].v != pMO && hh < 12 {
				hh += 12
			}
			return t.timeOfDay(i, i+4, hh, 0)
		}
		if y, ok := t.yearAt(i); ok && u.ndig == 4 && t.k(i+1) != cUnit && !t.moneyOrPercent(i) {
			if y < 1600 && !((t.is(i-1, cPrep, prIn) || t.is(i-1, cPrep, prSince)) && !(t.k(i+1) == cNone && i+1 < len(t.us) && t.us[i+1].word)) {
				return match{}, false // "by 1000 London time" is a clock time
			}
			return t.yearMatch(i, i+1, y), true
		}
		if u.ndig <= 2 && (t.k(i+1) == cMonth || t.is(i+1, cOf, 0) && t.k(i+2) == cMonth) {
			return t.dayMonth(i)
		}
		if m, ok := t.secondDay(i); ok {
			return m, true
		}
		return t.durationOrAgo(i)
	}
	return match{}, false
}

// moneyOrPercent reports whether the number at i is an amount: "$2000",
// "2000%", "2,000 troops" is caught by the comma shape already.
func (t *tagger) moneyOrPercent(i int) bool {
	u := &t.us[i]
	txt := t.d.Text
	if u.start > 0 && (txt[u.start-1] == '$' || txt[u.start-1] == '#') {
		return true
	}
	if u.start > 1 && txt[u.start-1] == ' ' && txt[u.start-2] == '$' {
		return true
	}
	if u.end < len(txt) && (txt[u.end] == '%' || txt[u.end] == '.' && u.end+1 < len(txt) && isDigit(txt[u.end+1])) {
		return true
	}
	if w := t.word(i + 1); w == "percent" || w == "per" || w == "%" {
		return true
	}
	return false
}

func (t *tagger) slashDate(i int, w string) (match, bool) {
	var parts [3]int
	var lens [3]int
	n := 0
	for k := 0; k < len(w) && n < 3; {
		s := k
		for k < len(w) && isDigit(w[k]) {
			k++
		}
		if k == s {
			return match{}, false
		}
		parts[n], lens[n] = atoi(w[s:k]), k-s
		n++
		if k < len(w) {
			if w[k] != '/' {
				return match{}, false
			}
			k++
		}
		if n == 3 && k < len(w) {
			return match{}, false
		}
	}
	mo, d := parts[0], parts[1]
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return match{}, false
	}
	m := match{i: i, j: i + 1, typ: TypeDate}
	if n == 3 {
		y := parts[2]
		switch lens[2] {
		case 2:
			if y < 50 {
				y += 2000
			} else {
				y += 1900
			}
		case 4:
		default:
			return match{}, false
		}
		if d > daysIn(mo, y) {
			return match{}, false
		}
		p := pt{g: gDay, y: y, m: mo, d: d}
		m.p, m.hasPt, m.val, m.deriv = p, true, p.value(), "explicit"
		return m, true
	}
	// month/day without a year only after "on": 1/2 is usually a fraction
	if !t.is(i-1, cPrep, prOn) {
		return match{}, false
	}
	p := t.resolveYear(pt{g: gDay, y: -1, m: mo, d: d}, i, &m)
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

func (t *tagger) isoDate(i int, w string) (match, bool) {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' || !allDigits(w[:4]) || !allDigits(w[5:7]) || !allDigits(w[8:]) {
		if len(w) == 7 && w[4] == '-' && allDigits(w[:4]) && allDigits(w[5:]) {
			// 1989-90 is a fiscal span, 2024-08 a month
			mo := atoi(w[5:])
			if mo >= 1 && mo <= 12 && w[5] == '0' || mo >= 10 && mo <= 12 && atoi(w[:4])%100+1 != mo {
				p := pt{g: gMonth, y: atoi(w[:4]), m: mo}
				return match{i: i, j: i + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
			}
		}
		return match{}, false
	}
	y, mo, d := atoi(w[:4]), atoi(w[5:7]), atoi(w[8:])
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y) {
		return match{}, false
	}
	p := pt{g: gDay, y: y, m: mo, d: d}
	j := i + 1
	// 2024-08-28T15:00 would be one token; a following time is separate
	return match{i: i, j: j, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
}

// timeOfDay finishes a clock time over units [i, j): an optional time zone
// and an optional day (Friday, yesterday, Aug. 7) after it.
func (t *tagger) timeOfDay(i, j, hh, mi int) (match, bool) {
	if t.k(j) == cTZ {
		j++
	}
	m := match{i: i, typ: TypeTime}
	var day pt
	dayKnown := false
	// "noon Thursday", "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "9 a.m. today"
	k := j
	if t.is(k, cPrep, prOn) {
		k = -1 // "at 9 a.m. on Friday": leave the day as its own timex
	} else if t.word(k) == "," && t.k(k+1) == cMonth {
		k++
	}
	if k >= 0 && (t.k(k) == cWeekday || t.k(k) == cDeictic || t.k(k) == cMonth) {
		if dm, ok := t.matchCore(k); ok && dm.typ == TypeDate && dm.p.g == gDay {
			day, dayKnown = dm.p, dm.hasPt
			j = dm.j
			m.deriv = dm.deriv
			m.anchor = dm.anchor
		}
	}
	if !dayKnown {
		// "10:35 a.m. (0735 GMT) Friday": a day named later in the sentence
		for q := j; q < len(t.us) && q < j+8; q++ {
			if t.k(q) == cWeekday || t.is(q, cDeictic, dYesterday) || t.is(q, cDeictic, dTomorrow) || t.is(q, cDeictic, dToday) {
				if dm, ok := t.matchCore(q); ok && dm.hasPt && dm.p.g >= gDay {
					day, dayKnown = dm.p, true
					m.deriv, m.anchor = "day named in the sentence: "+dm.deriv, dm.anchor
				}
				break
			}
		}
	}
	if !dayKnown && t.hasRefDay && t.refDay.known() && t.refDay.g >= gDay && t.recentDay(t.refDay) {
		// "The blast occurred Friday. ... at 10:35 a.m.": the day the
		// story last named, when it is one of the days just before the DCT
		day, dayKnown = t.refDay, true
		day.g = gDay
		m.anchor, m.deriv = anchorRefDay, "time on the last day named, "+t.refDayID
	}
	if !dayKnown {
		if t.hasDCT {
			day = dayPt(t.dct)
			m.anchor = anchorDCT
			m.deriv = "time on the DCT"
		} else {
			day = pt{y: -1, m: -1, d: -1}
		}
	}
	m.j = j
	p := pt{g: gMinute, y: day.y, m: day.m, d: day.d, hh: hh, mi: mi}
	if hh == 24 {
		p.hh = 24
	}
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

// secondDay reads the second day of "April 24 and 25", "May 5 or 6": a
// bare day number after "and"/"or"/"to" that follows a month and day.
func (t *tagger) secondDay(i int) (match, bool) {
	u := &t.us[i]
	if u.num < 1 || u.num > 31 || i < 3 || !t.hasRefDay || !t.refDay.known() {
		return match{}, false
	}
	if !(t.k(i-1) == cAnd || t.k(i-1) == cOr || t.is(i-1, cPrep, prTo)) {
		return match{}, false
	}
	prev := &t.us[i-2]
	if prev.k != cNum || prev.shape != shNone || prev.num != t.refDay.d || t.k(i-3) != cMonth || t.us[i-3].v != t.refDay.m || u.num <= prev.num {
		return match{}, false
	}
	if n := i + 1; n < len(t.us) && (t.us[n].word || t.us[n].k != cNone) {
		return match{}, false // "May 5 and 6 percent", "April 24 and 25 troops"
	}
	p := pt{g: gDay, y: t.refDay.y, m: t.refDay.m, d: u.num}
	return match{i: i, j: i + 1, typ: TypeDate, p: p, hasPt: true, val: p.value(), anchor: anchorRefDay, deriv: "second day of " + t.refDay.value()}, true
}

// recentDay reports whether day p falls in the week up to the DCT.
func (t *tagger) recentDay(p pt) bool {
	if !t.hasDCT {
		return true
	}
	d := date(p.y, p.m, p.d)
	return !d.After(t.dct) && t.dct.Sub(d) <= 7*24*time.Hour
}

// ---- weekdays, deictics, relatives ----

func (t *tagger) weekdayExpr(i int) (match, bool) {
	u := &t.us[i]
	if u.shape == shDecade { // Mondays
		v := "XXXX-WXX-" + string(rune('0'+u.v))
		j := i + 1
		if t.k(j) == cPart || t.is(j, cUnit, uNight) {
			v += "T" + partOf(t.us[j])
			j++
		}
		return match{i: i, j: j, typ: TypeSet, val: v, deriv: "set"}, true
	}
	// "Monday, Oct. 26", "Friday Oct. 13": the date decides
	k := i + 1
	if t.word(k) == "," {
		k++
	}
	if t.k(k) == cMonth {
		if dm, ok := t.monthExpr(k); ok && dm.p.g == gDay {
			dm.i = i
			return dm, true
		}
	}
	m := match{i: i, j: i + 1, typ: TypeDate}
	p := t.resolveWeekday(u.v, i, 0, &m)
	t.addPart(&m, &p)
	m.p, m.hasPt, m.val = p, p.known(), p.value()
	return m, true
}

func partOf(u unit) string {
	if u.k == cUnit {
		return "NI"
	}
	return partCode[u.v]
}

// addPart extends a day match with "morning", "night" after it.
func (t *tagger) addPart(m *match, p *pt) {
	j := m.j
	if t.k(j) == cPart || t.is(j, cUnit, uNight) && !t.glued(j) {
		w := t.word(j)
		if w[len(w)-1] == 's' {
			return
		}
		p.g = gPart
		if t.us[j].k == cUnit {
			p.part = pNI
		} else {
			p.part = t.us[j].v
		}
		m.typ = TypeTime
		m.j = j + 1
	}
}

func (t *tagger) deictic(i int) (match, bool) {
	u := &t.us[i]
	m := match{i: i, j: i + 1, typ: TypeDate, anchor: anchorDCT}
	switch u.v {
	case dToday, dYesterday, dTomorrow, dTonight, dOvernight:
		off := 0
		switch u.v {
		case dYesterday, dOvernight:
			off = -1
		case dTomorrow:
			off = 1
		}
		if !t.hasDCT {
			m.val, m.anchor, m.deriv = "XXXX-XX-XX", anchorNone, "no DCT"
			if u.v == dTonight || u.v == dOvernight {
				m.typ, m.val = TypeTime, "XXXX-XX-XXTNI"
			}
			return m, true
		}
		p := dayPt(t.dct.AddDate(0, 0, off))
		m.deriv = "DCT " + t.dctYMD() + " " + t.word(i)
		if u.v == dOvernight && t.hasRefDay && t.refDay.known() && t.refDay.g >= gDay && t.recentDay(t.refDay) && date(t.refDay.y, t.refDay.m, t.refDay.d).Before(t.dct.AddDate(0, 0, -1)) {
			// "depressed by overnight losses in New York" in a story about
			// Friday: the night before the story's day
			p = dayPt(date(t.refDay.y, t.refDay.m, t.refDay.d).AddDate(0, 0, -1))
			m.anchor, m.deriv = anchorRefDay, "the night before "+t.refDayID+" "+t.refDay.value()
		}
		if u.v == dTonight || u.v == dOvernight {
			p.g, p.part = gPart, pNI
			m.typ = TypeTime
		} else {
			t.addPart(&m, &p)
		}
		m.p, m.hasPt, m.val = p, true, p.value()
		return m, true
	case dNow:
		m.val, m.deriv = "PRESENT_REF", "present"
		if t.word(i-1) == "right" || t.word(i-1) == "Right" {
			m.i = i - 1
		}
		return m, true
	case dRecently:
		m.val, m.deriv = "PAST_REF", "past"
		return m, true
	case dSoon:
		if t.word(i-1) == "as" {
			// "as soon as possible" is a time; "as soon as Tuesday" is not
			if t.word(i+1) == "as" && t.word(i+2) == "possible" {
				m.i, m.j, m.val, m.deriv = i-1, i+3, "FUTURE_REF", "future"
				return m, true
			}
			return match{}, false
		}
		return match{}, false // bare "soon" is mostly an adverb of sequence
	case dFuture:
		if t.is(i-1, cPrep, prIn) {
			m.val, m.deriv = "FUTURE_REF", "future"
			return m, true
		}
	}
	return match{}, false
}

// theExpr handles patterns that start with "the".
// quarterYearBefore is the quarter under report (the one the text last
// named, else the last completed before the DCT) a year before.
func (t *tagger) quarterYearBefore() (pt, bool) {
	if t.hasRef && t.ref.known() && (t.ref.g == gMonth || t.ref.g == gHalf || t.ref.g == gSeason) && (!t.hasDCT || t.ref.y <= t.dct.Year()) {
		// "imports in January rose from the same period last year": the
		// period the text last named, a year before
		return t.ref.shift(uYear, -1), true
	}
	q := t.lastQuarter()
	if q <= 0 || !t.hasDCT {
		return pt{}, false
	}
	y := t.dct.Year()
	if t.hasRef && t.ref.g == gQuarter && t.ref.y <= y {
		y = t.ref.y
	} else if t.dct.Month() <= 3 {
		y-- // the last completed quarter is last year's fourth
	}
	return pt{g: gQuarter, y: y - 1, n: q}, true
}

// refOr names the text's last reference for derivations, or "the last
// completed quarter".
func (t *tagger) refOr() string {
	if t.hasRef && t.ref.known() {
		return "last named " + t.ref.value()
	}
	return "the last completed quarter"
}

// periodAnchor is anchorRef when the period under report is the text's
// last reference, anchorDCT otherwise.
func (t *tagger) periodAnchor() int {
	if t.hasRef && t.ref.known() && t.ref.g >= gHalf && t.ref.g <= gMonth {
		return anchorRef
	}
	return anchorDCT
}

// periodYearBefore reads "the (same|corresponding|comparable) quarter|period
// a year ago|a year earlier|last year" at i ("the").
func (t *tagger) periodYearBefore(i int) (match, bool) {
	j := i + 1
	switch t.word(j) {
	case "same", "corresponding", "comparable", "year-ago", "year-earlier":
		j++
	}
	if !(t.is(j, cUnit, uQuarter) && t.word(j) == "quarter" || t.word(j) == "period") {
		return match{}, false
	}
	k := j + 1
	switch {
	case t.is(k, cDet, 1) && t.is(k+1, cUnit, uYear) && (t.k(k+2) == cAgo || t.k(k+2) == cAnaph):
		k += 3
	case t.is(k, cRel, rLast) && t.is(k+1, cUnit, uYear):
		k += 2
	case t.is(k, cOf, 0) && t.is(k+1, cRel, rLast) && t.is(k+2, cUnit, uYear):
		k += 3
	default:
		return match{}, false
	}
	p, ok := t.quarterYearBefore()
	if !ok {
		return match{}, false
	}
	return match{i: i, j: k, typ: TypeDate, p: p, hasPt: true, val: p.value(), anchor: t.periodAnchor(), shifted: true, deriv: "the period under report (" + t.refOr() + ") a year before"}, true
}

func (t *tagger) theExpr(i int) (match, bool) {
	j := i + 1
	if j >= len(t.us) {
		return match{}, false
	}
	if m, ok := t.periodYearBefore(i); ok {
		return m, true
	}
	if w := t.word(j); (w == "comparable" || w == "corresponding" || w == "same") && t.is(j+1, cUnit, uYear) && t.glued(j+2) {
		j++ // "the comparable year-ago quarter"
	}
	u := &t.us[j]
	var m match
	ok := false
	switch u.k {
	case cRel:
		m, ok = t.relExpr(j, true)
	case cOrd:
		// the first two quarters of 1990: a half
		if n, k, okn := t.number(j+1, false); okn && n == 2 && t.is(k, cUnit, uQuarter) && (u.v == 1 || u.v == -1) && t.is(k+1, cOf, 0) {
			half := 1
			if u.v == -1 {
				half = 2
			}
			m, ok = t.halfOf(i, k+1, half)
			if ok {
				return m, true
			}
		}
		// the first nine months
		if n, k, okn := t.number(j+1, false); okn && n != 1 {
			if uc, oku := t.unitAt(k, n); oku {
				m, ok = match{j: k + 1, typ: TypeDuration, val: durValue(numStr(n), uc), deriv: "duration"}, true
				break
			}
		}
		m, ok = t.quarterExpr(j)
		if !ok {
			m, ok = t.dayMonth(j)
		}
	case cNum:
		if u.shape == shDecade {
			m, ok = t.numberExpr(j)
		} else if u.shape == shNone && u.ndig == 4 {
			m, ok = t.theYear(j)
		} else if u.shape == shNone && u.ndig <= 3 {
			m, ok = t.durationOrAgo(j)
		}
	case cNumWord, cFew:
		m, ok = t.durationOrAgo(j)
	case cDeictic:
		if u.v == dFuture {
			m, ok = match{j: j + 1, typ: TypeDate, val: "FUTURE_REF", deriv: "future"}, true
		}
	case cFiscal:
		if t.is(j+1, cUnit, uYear) {
			if y, oky := t.yearAt(j + 2); oky {
				m, ok = t.yearMatch(i, j+3, y), true
			} else {
				m, ok = match{j: j + 2, typ: TypeDuration, val: "P1Y", deriv: "duration"}, true
			}
		} else if t.k(j+1) == cOrd {
			m, ok = t.quarterExpr(j + 1)
		}
	case cUnit:
		m, ok = t.theUnit(j)
		if w := t.word(j); !ok && len(w) > 3 && w[len(w)-1] == 's' && (t.k(i-1) == cPrep || t.is(i-1, cQuant, qOver)) && t.us[j].v >= uDay {
			// over the years, in the weeks before
			m, ok = match{j: j + 1, typ: TypeDuration, val: durValue("X", t.us[j].v), deriv: "vague duration"}, true
		}
	case cSeason:
		m, ok = t.seasonExpr(j, 0)
	case cNone:
		switch w := t.word(j); {
		case (w == "near" || w == "short" || w == "long") && (t.word(j+1) == "term" || t.is(j+1, cDeictic, dFuture)):
			// the near future, the short term
			return match{i: i, j: j + 2, typ: TypeDate, val: "FUTURE_REF", deriv: "future"}, true
		case (w == "full" || w == "whole" || w == "entire") && t.is(j+1, cUnit, uYear) && t.hasDCT:
			p := coarsen(t.dct, gYear)
			return match{i: i, j: j + 2, typ: TypeDate, val: p.value(), p: p, hasPt: true, anchor: anchorDCT, deriv: "the DCT year"}, true
		}
		if d := decadeWord(t.word(j)); d > 0 {
			p := pt{g: gDecade, y: 1900 + d}
			m, ok = match{j: j + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
		}
		if t.word(j) == "present" {
			m, ok = match{j: j + 1, typ: TypeDate, val: "PRESENT_REF", deriv: "present"}, true
		}
	}
	if !ok {
		return match{}, false
	}
	m.i = i
	if t.prenominal(j, m.j) {
		m.i = j // "the [third-quarter] loss": the article belongs to the noun
	}
	return m, true
}

// prenominal reports whether units [i, j) are one hyphenated word used as
// a modifier before a noun.
func (t *tagger) prenominal(i, j int) bool {
	if j-i < 2 || j >= len(t.us) {
		return false
	}
	for k := i + 1; k < j; k++ {
		if !t.us[k].hyph {
			return false
		}
	}
	n := &t.us[j]
	return n.k == cNone && n.word
}

// theYear: "the 1988 period", "the 1988 third quarter".
func (t *tagger) theYear(j int) (match, bool) {
	y, ok := t.yearAt(j)
	if !ok {
		return match{}, false
	}
	k := j + 1
	if n, kk, ok := t.ordAt(k); ok && n >= 1 && n <= 4 && t.is(kk, cUnit, uQuarter) {
		p := pt{g: gQuarter, y: y, n: n}
		return match{j: kk + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
	}
	if t.is(k, cUnit, uQuarter) || t.word(k) == "period" {
		p := pt{g: gYear, y: y}
		if t.is(k, cUnit, uQuarter) {
			p = pt{g: gQuarter, y: y, n: t.lastQuarter()}
		}
		return match{j: k + 1, typ: TypeDate, val: p.value(), p: p, hasPt: true, deriv: "explicit"}, true
	}
	return match{}, false
}

// theUnit: the year, the quarter, the week, the weekend, the month, the
// year-earlier quarter, the day before.
func (t *tagger) theUnit(j int) (match, bool) {
	u := &t.us[j]
	w := t.word(j)
	if w[len(w)-1] == 's' {
		return match{}, false
	}
	// the year-earlier quarter / the year-ago period
	if u.v == uYear && t.glued(j+1) && (t.k(j+1) == cAnaph || t.k(j+1) == cAgo) {
		k := j + 2
		m := match{typ: TypeDate, shifted: true}
		if n, kk, ok := t.ordAt(k); ok && n >= 1 && n <= 4 && t.is(kk, cUnit, uQuarter) {
			k = kk + 1
			if t.hasDCT {
				p := pt{g: gQuarter, y: t.dct.Year() - 1, n: n}
				m.p, m.hasPt, m.val, m.anchor, m.deriv, m.j = p, true, p.value(), anchorDCT, "year before DCT", k
				return m, true
			}
		} else if nn, kk, ok := t.number(k, false); ok && nn > 1 && t.is(kk, cUnit, uMonth) {
			// the year-earlier nine months
			return match{j: kk + 1, typ: TypeDuration, val: durValue(numStr(nn), uMonth), deriv: "duration"}, true
		} else if t.is(k, cUnit, uQuarter) || t.word(k) == "period" {
			// the year-ago quarter: the quarter under report (the one the
			// text last named, else the last completed) a year before
			k++
			if p, ok := t.quarterYearBefore(); ok {
				m.p, m.hasPt, m.val, m.anchor, m.deriv, m.j = p, true, p.value(), t.periodAnchor(), "the period under report ("+t.refOr()+") a year before", k
				return m, true
			}
		} else if t.is(k, cUnit, uMonth) {
			k++
		}
		if t.hasRef && (t.ref.g == gHalf || t.ref.g == gQuarter) {
			p := t.ref.shift(uYear, -1)
			m.p, m.hasPt, m.val, m.anchor, m.deriv = p, true, p.value(), anchorRef, "previous date "+t.ref.value()+" minus P1Y"
		} else {
			t.relativeShift(&m, uYear, 1, -1, false)
		}
		m.j = k
		return m, true
	}
	m := match{j: j + 1, typ: TypeDate, anchor: anchorDCT}
	// the year two thousand, the year 2000
	if u.v == uYear {
		if y, k, ok := t.yearWords(j + 1); ok {
			p := pt{g: gYear, y: y}
			return match{j: k, typ: TypeDate, p: p, hasPt: true, val: p.value(), deriv: "explicit"}, true
		}
	}
	// the week of March 6
	if u.v == uWeek && t.is(j+1, cOf, 0) {
		if dm, ok := t.matchCore(j + 2); ok && dm.hasPt && dm.p.g == gDay {
			lo, _, _ := dm.p.bounds()
			p := weekPt(lo)
			m.j, m.p, m.hasPt, m.val, m.anchor, m.deriv = dm.j, p, true, p.value(), dm.anchor, "week of "+dm.p.value()
			return m, true
		}
	}
	// the full year, the whole year
	// the day before / the day after
	if u.v == uDay {
		if t.is(j+1, cPrep, prBefore) || t.is(j+1, cPrep, prAfter) {
			// the day before last Tuesday, the day after Christmas: one
			// day from the date that follows
			if dm, ok := t.matchCore(j + 2); ok && dm.hasPt && dm.p.g == gDay && dm.p.known() {
				dir := -1
				if t.us[j+1].v == prAfter {
					dir = 1
				}
				d := date(dm.p.y, dm.p.m, dm.p.d).AddDate(0, 0, dir)
				p := dayPt(d)
				return match{j: dm.j, typ: TypeDate, p: p, hasPt: true, val: p.value(), anchor: dm.anchor, shifted: true,
					deriv: "the day " + t.word(j+1) + " " + dm.p.value() + " (" + dm.deriv + ")"}, true
			}
			if t.k(j+2) == cNone || t.k(j+2) == cPrep || j+2 >= len(t.us) {
				dir := -1
				if t.us[j+1].v == prAfter {
					dir = 1
				}
				m.j = j + 2
				t.relativeShift(&m, uDay, 1, dir, true)
				return m, true
			}
		}
		return match{}, false
	}
	if !t.hasDCT {
		switch u.v {
		case uYear, uQuarter, uMonth, uWeek, uWeekend:
			m.val, m.anchor = unknownOf(unitGran(u.v)), anchorNone
			return m, true
		}
		return match{}, false
	}
	var p pt
	switch u.v {
	case uYear:
		switch t.word(j + 1) {
		case "ended", "ending", "through", "to", "before", "after", "since":
			// "for the year ended Sept. 30": a span of twelve months
			return match{j: j + 1, typ: TypeDuration, val: "P1Y", deriv: "duration"}, true
		}
		// "for the year", "a high for the year": the DCT's year
		p = coarsen(t.dct, gYear)
	case uMonth:
		p = coarsen(t.dct, gMonth)
	case uWeek:
		p = coarsen(t.dct, gWeek)
	case uQuarter:
		// in a report "the quarter" is the last one reported: the one
		// before the DCT's, unless the text speaks of the future
		p = coarsen(t.dct, gQuarter)
		if t.tense(j, j+1) != tenseFuture {
			p = p.shift(uQuarter, -1)
		}
	case uWeekend:
		p = coarsen(t.dct, gWeekend)
		if t.tense(j, j+1) == tensePast && t.dct.Weekday() != time.Saturday && t.dct.Weekday() != time.Sunday {
			p = p.shift(uWeek, -1)
		}
	default:
		return match{}, false
	}
	m.p, m.hasPt, m.val, m.deriv = p, true, p.value(), "the "+w+" of DCT "+t.dctYMD()
	return m, true
}

// decadeWord returns 20..90 for "twenties".."nineties", 0 otherwise.
func decadeWord(w string) int {
	for i, d := range [...]string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		if w == d {
			return 20 + 10*i
		}
	}
	return 0
}
