package extract

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the date forms found in HTML metadata and feeds, tried in
// order after the ISO 8601 fast path.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC, time.UnixDate,
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "2006/01/02", "2006.01.02", "20060102",
}

// ParseDate normalises a date as found in metadata ("2024-08-28",
// "2024-08-28T14:00:00+09:00", "Wed, 28 Aug 2024 14:00:00 GMT", "August 28,
// 2024") to YYYY-MM-DD, keeping the calendar day as written (no time zone
// conversion). It reports false for anything it does not read as a real
// calendar date.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02"), true
		}
		return "", false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// urlDate matches the date path of news URLs: /2025/03/14/, /2025-03-14/.
var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

// dateFromURL returns the date written in a news URL's path, or "".
func dateFromURL(u string) string {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	d, ok := ParseDate(m[1] + "-" + m[2] + "-" + m[3])
	if !ok {
		return ""
	}
	return d
}
