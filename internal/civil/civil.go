// Package civil numbers calendar dates by days, as package time counts
// them (proleptic Gregorian, days from 1970-01-01), without time.Parse: the
// timeline sorts and compares many dates, and anchoring reads every date a
// document's timexes give.
package civil

// Day returns the number of days from 1970-01-01 to the date that s begins
// with, written YYYY-MM-DD (year 0000 to 9999, a day the month has); ok is
// false where s does not begin with one.
func Day(s string) (n int, ok bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	var v [10]int
	for i := range 10 {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v[i] = int(s[i] - '0')
	}
	y, m, d := v[0]*1000+v[1]*100+v[2]*10+v[3], v[5]*10+v[6], v[8]*10+v[9]
	if m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return 0, false
	}
	// Days from civil (H. Hinnant): years start in March, so that the leap
	// day ends one, in eras of 400 years.
	if m <= 2 {
		y--
	}
	era := (y + 400) / 400 // y >= -1
	era--
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// DaysIn returns the number of days of month m (1 to 12) of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
