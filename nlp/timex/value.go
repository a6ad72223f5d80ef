package timex

import "regexp"

// ValidValue reports whether v is a well-formed TIMEX3 value for a timex of
// type typ (DATE, TIME, DURATION or SET), following the TimeML 1.2.1
// value syntax: ISO 8601 dates and times with X for unknown digits, weeks
// (W), weekends (WE), seasons (SP SU FA WI), quarters (Q), halves (H),
// parts of day (MO AF EV NI DT), durations P..., and the PRESENT_REF,
// PAST_REF and FUTURE_REF tokens.
func ValidValue(typ, v string) bool {
	switch typ {
	case TypeDuration:
		return reDuration.MatchString(v)
	case TypeSet:
		return reDuration.MatchString(v) || reDate.MatchString(v)
	case TypeDate, TypeTime:
		return reDate.MatchString(v)
	}
	return false
}

var (
	reDate = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|` +
		`[0-9X]{2}|[0-9X]{3}|` + // century, decade
		`[0-9X]{4}(-(` +
		`(0[1-9]|1[0-2]|XX)(-(0[1-9]|[12][0-9]|3[01]|XX))?` + // month, day
		`|W([0-4][0-9]|5[0-3]|XX)(-([1-7]|WE))?` + // week, weekday, weekend
		`|Q[1-4X]|H[12X]|SP|SU|FA|WI|XX` +
		`))?` +
		`(T(MO|AF|EV|NI|DT|([01][0-9]|2[0-4])(:[0-5][0-9](:[0-5][0-9])?)?))?` +
		`)$`)
	reDuration = regexp.MustCompile(`^P(` +
		`([0-9]+(\.[0-9]+)?|X)(Y|M|W|D|Q|H|DE|CE|ML|WE)` +
		`([0-9]+(\.[0-9]+)?|X)?[YMWD]?` +
		`(T(([0-9]+|X)H)?(([0-9]+|X)M)?(([0-9]+|X)S)?)?` +
		`|T(([0-9]+|X)H)?(([0-9]+|X)M)?(([0-9]+|X)S)?` +
		`)$`)
)
