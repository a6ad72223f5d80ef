package civil

import (
	"testing"
	"time"
)

// TestDayAsTime checks Day against package time for every day of years 0
// to 2500 and of 9999, and that what time.Parse rejects Day rejects.
func TestDayAsTime(t *testing.T) {
	check := func(t0 time.Time) {
		s := t0.Format(time.DateOnly)
		n, ok := Day(s)
		if want := int(t0.Unix() / 86400); !ok || n != want {
			t.Fatalf("Day(%q) = %d, %v; want %d", s, n, ok, want)
		}
	}
	for d := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2500; d = d.AddDate(0, 0, 1) {
		check(d)
	}
	for d := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 9999; d = d.AddDate(0, 0, 1) {
		check(d)
	}
	if n, ok := Day("2025-09-01T10:00:00Z"); !ok || n != 20332 {
		t.Errorf("a date-time: got %d, %v", n, ok)
	}
	for _, s := range []string{"", "2025-9-01", "2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "20x4-01-01", "2024/01/01", "2024-01-00"} {
		if _, ok := Day(s); ok {
			t.Errorf("Day(%q) read a date", s)
		}
		if _, err := time.Parse(time.DateOnly, s); err == nil {
			t.Errorf("time.Parse(%q) read it: the test is wrong", s)
		}
	}
}
