package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar point.
type gran uint8

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
	gPart // a part of a day (MO, AF, EV, NI)
	gHour
	gMinute
)

// pt is a calendar point at some granularity. y < 0 means the year is
// unknown (XXXX); m, d < 0 likewise. n is the quarter, half, season or ISO
// week number.
type pt struct {
	g      gran
	y      int
	m, d   int
	n      int
	hh, mi int
	part   int
}

func (p pt) known() bool { return p.y >= 0 && p.y <= maxYear }

// maxYear is the last year a TIMEX3 value (four digits) can name.
const maxYear = 9999

// inRange returns p, or p with every calendar field unknown when
// arithmetic took its year outside 0..maxYear: "next year" from a DCT in
// 9999 has no four-digit value, and a partly known point there ("XXXX-12-31"
// for "yesterday" before year 0) would claim a day it does not know. Only
// points computed from a known year go through it: y == -1 with a month is
// a month of an unknown year, not an overflow.
func (p pt) inRange() pt {
	if p.y >= 0 && p.y <= maxYear {
		return p
	}
	p.y, p.m, p.d, p.n = -1, -1, -1, -1
	return p
}

func pad(b []byte, n, w int) []byte {
	if n < 0 {
		for i := 0; i < w; i++ {
			b = append(b, 'X')
		}
		return b
	}
	digits := 1
	for m := n; m >= 10; m /= 10 {
		digits++
	}
	for i := digits; i < w; i++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// value formats p as a TIMEX3 value.
func (p pt) value() string {
	if p.y > maxYear {
		p = p.inRange()
	}
	b := make([]byte, 0, 24)
	switch p.g {
	case gCentury:
		if p.y < 0 {
			return "XX"
		}
		return string(pad(b, p.y/100, 2))
	case gDecade:
		if p.y < 0 {
			return "XXX"
		}
		return string(pad(b, p.y/10, 3))
	}
	b = pad(b, p.y, 4)
	switch p.g {
	case gYear:
	case gHalf:
		b = append(b, "-H"...)
		b = pad(b, p.n, 1)
	case gQuarter:
		b = append(b, "-Q"...)
		b = pad(b, p.n, 1)
	case gSeason:
		b = append(b, '-')
		if p.n > 0 && p.n < len(seasonCode) {
			b = append(b, seasonCode[p.n]...)
		} else {
			b = append(b, "XX"...)
		}
	case gMonth:
		b = append(b, '-')
		b = pad(b, p.m, 2)
	case gWeek, gWeekend:
		b = append(b, "-W"...)
		b = pad(b, p.n, 2)
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay, gPart, gHour, gMinute:
		b = append(b, '-')
		b = pad(b, p.m, 2)
		b = append(b, '-')
		b = pad(b, p.d, 2)
		switch p.g {
		case gPart:
			b = append(b, 'T')
			b = append(b, partCode[p.part]...)
		case gHour:
			b = append(b, 'T')
			b = pad(b, p.hh, 2)
			b = append(b, ":00"...)
		case gMinute:
			b = append(b, 'T')
			b = pad(b, p.hh, 2)
			b = append(b, ':')
			b = pad(b, p.mi, 2)
		}
	}
	return string(b)
}

func dayPt(t time.Time) pt {
	return pt{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}.inRange()
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }

func weekPt(t time.Time) pt {
	y, w := t.ISOWeek()
	return pt{g: gWeek, y: y, n: w}.inRange()
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := date(y, 1, 4)
	off := int(jan4.Weekday()+6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -off+7*(w-1))
}

// bounds returns the first and last day p covers; ok is false when p is
// not fully known.
func (p pt) bounds() (lo, hi time.Time, ok bool) {
	if p.y < 0 {
		return
	}
	switch p.g {
	case gCentury:
		return date(p.y/100*100, 1, 1), date(p.y/100*100+99, 12, 31), true
	case gDecade:
		return date(p.y/10*10, 1, 1), date(p.y/10*10+9, 12, 31), true
	case gYear:
		return date(p.y, 1, 1), date(p.y, 12, 31), true
	case gHalf:
		if p.n < 1 || p.n > 2 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		lo = date(p.y, 6*(p.n-1)+1, 1)
		return lo, lo.AddDate(0, 6, -1), true
	case gQuarter:
		if p.n < 1 || p.n > 4 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		lo = date(p.y, 3*(p.n-1)+1, 1)
		return lo, lo.AddDate(0, 3, -1), true
	case gSeason:
		switch p.n {
		case sSP:
			return date(p.y, 3, 1), date(p.y, 5, 31), true
		case sSU:
			return date(p.y, 6, 1), date(p.y, 8, 31), true
		case sFA:
			return date(p.y, 9, 1), date(p.y, 11, 30), true
		case sWI:
			return date(p.y, 12, 1), date(p.y+1, 3, 1).AddDate(0, 0, -1), true
		}
		return date(p.y, 1, 1), date(p.y, 12, 31), true
	case gMonth:
		if p.m < 1 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		lo = date(p.y, p.m, 1)
		return lo, lo.AddDate(0, 1, -1), true
	case gWeek:
		if p.n < 1 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		lo = isoWeekStart(p.y, p.n)
		return lo, lo.AddDate(0, 0, 6), true
	case gWeekend:
		if p.n < 1 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		lo = isoWeekStart(p.y, p.n).AddDate(0, 0, 5)
		return lo, lo.AddDate(0, 0, 1), true
	case gDay, gPart, gHour, gMinute:
		if p.m < 1 {
			return date(p.y, 1, 1), date(p.y, 12, 31), true
		}
		if p.d < 1 {
			lo = date(p.y, p.m, 1)
			return lo, lo.AddDate(0, 1, -1), true
		}
		lo = date(p.y, p.m, p.d)
		return lo, lo, true
	}
	return
}

// narrow applies a fuzzy mod to the bounds: the first, middle or last
// third of the period.
func narrow(lo, hi time.Time, mod string) (time.Time, time.Time) {
	days := int(hi.Sub(lo).Hours()/24+0.5) + 1
	if days < 3 {
		return lo, hi
	}
	third := days / 3
	switch mod {
	case "START":
		return lo, lo.AddDate(0, 0, third-1)
	case "END":
		return hi.AddDate(0, 0, -(third - 1)), hi
	case "MID":
		return lo.AddDate(0, 0, third), hi.AddDate(0, 0, -third)
	case "BEFORE", "ON_OR_BEFORE":
		return time.Time{}, hi
	case "AFTER", "ON_OR_AFTER":
		return lo, time.Time{}
	}
	return lo, hi
}

const ymd = "2006-01-02"

// shift moves p by n units of u (n may be negative), keeping p's
// granularity when it is at least as fine as the unit.
func (p pt) shift(u, n int) pt {
	if p.y < 0 {
		return p
	}
	return p.shiftBy(u, n).inRange()
}

func (p pt) shiftBy(u, n int) pt {
	switch p.g {
	case gDay, gPart, gHour, gMinute:
		t := date(p.y, max(p.m, 1), max(p.d, 1))
		t = addUnits(t, u, n)
		q := p
		q.y, q.m, q.d = t.Year(), int(t.Month()), t.Day()
		return q
	case gWeek, gWeekend:
		t := isoWeekStart(p.y, p.n)
		t = addUnits(t, u, n)
		y, w := t.ISOWeek()
		q := p
		q.y, q.n = y, w
		return q
	case gMonth:
		t := date(p.y, max(p.m, 1), 1)
		t = addUnits(t, u, n)
		return pt{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		months := unitMonths(u) * n
		idx := p.y*4 + (p.n - 1) + months/3
		return pt{g: gQuarter, y: idx / 4, n: idx%4 + 1}
	case gHalf:
		months := unitMonths(u) * n
		idx := p.y*2 + (p.n - 1) + months/6
		return pt{g: gHalf, y: idx / 2, n: idx%2 + 1}
	case gSeason:
		q := p
		q.y += unitMonths(u) * n / 12
		return q
	case gYear, gDecade, gCentury:
		q := p
		q.y += unitMonths(u) * n / 12
		return q
	}
	return p
}

func unitMonths(u int) int {
	switch u {
	case uMonth:
		return 1
	case uQuarter:
		return 3
	case uHalfYear:
		return 6
	case uYear:
		return 12
	case uDecade:
		return 120
	case uCentury:
		return 1200
	case uMillennium:
		return 12000
	}
	return 0
}

func addUnits(t time.Time, u, n int) time.Time {
	switch u {
	case uDay, uNight:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uHour, uMinute, uSecond:
		return t
	}
	return t.AddDate(0, unitMonths(u)*n, 0)
}

// unitGran is the granularity of a point "n units ago".
func unitGran(u int) gran {
	switch u {
	case uSecond, uMinute, uHour:
		return gDay
	case uDay, uNight:
		return gDay
	case uWeek, uFortnight:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalfYear:
		return gHalf
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury, uMillennium:
		return gCentury
	}
	return gDay
}

// coarsen returns the point of granularity g containing the day t.
func coarsen(t time.Time, g gran) pt {
	return coarsenTo(t, g).inRange()
}

func coarsenTo(t time.Time, g gran) pt {
	switch g {
	case gCentury:
		return pt{g: gCentury, y: t.Year() / 100 * 100}
	case gDecade:
		return pt{g: gDecade, y: t.Year() / 10 * 10}
	case gYear:
		return pt{g: gYear, y: t.Year()}
	case gHalf:
		return pt{g: gHalf, y: t.Year(), n: (int(t.Month())-1)/6 + 1}
	case gQuarter:
		return pt{g: gQuarter, y: t.Year(), n: (int(t.Month())-1)/3 + 1}
	case gSeason:
		m := int(t.Month())
		y := t.Year()
		switch {
		case m >= 3 && m <= 5:
			return pt{g: gSeason, y: y, n: sSP}
		case m >= 6 && m <= 8:
			return pt{g: gSeason, y: y, n: sSU}
		case m >= 9 && m <= 11:
			return pt{g: gSeason, y: y, n: sFA}
		case m == 12:
			return pt{g: gSeason, y: y, n: sWI}
		}
		return pt{g: gSeason, y: y - 1, n: sWI}
	case gMonth:
		return pt{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gWeek:
		return weekPt(t)
	case gWeekend:
		p := weekPt(t)
		p.g = gWeekend
		return p
	}
	return dayPt(t)
}

// unitLetter is the duration designator of a unit.
func durValue(n string, u int) string {
	switch u {
	case uSecond:
		return "PT" + n + "S"
	case uMinute:
		return "PT" + n + "M"
	case uHour:
		return "PT" + n + "H"
	case uDay, uNight:
		return "P" + n + "D"
	case uWeek:
		return "P" + n + "W"
	case uFortnight:
		if n == "X" {
			return "PXW"
		}
		return "P" + strconv.Itoa(2*atoi(n)) + "W"
	case uWeekend:
		if n == "X" {
			return "PXWE"
		}
		return "P" + strconv.Itoa(2*atoi(n)) + "D"
	case uMonth:
		return "P" + n + "M"
	case uQuarter:
		if n == "X" {
			return "PXQ"
		}
		return "P" + n + "Q"
	case uHalfYear:
		return "P" + n + "H"
	case uYear:
		return "P" + n + "Y"
	case uDecade:
		if n == "X" {
			return "PXDE"
		}
		return "P" + strconv.Itoa(10*atoi(n)) + "Y"
	case uCentury:
		if n == "X" {
			return "PXCE"
		}
		return "P" + strconv.Itoa(100*atoi(n)) + "Y"
	case uMillennium:
		if n == "X" {
			return "PXML"
		}
		return "P" + strconv.Itoa(1000*atoi(n)) + "Y"
	}
	return "P" + n + "D"
}
