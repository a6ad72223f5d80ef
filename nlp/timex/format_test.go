package timex

import (
	"testing"
	"time"
)

func TestFormatYMD(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1987, 3, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 12, 31, 23, 59, 0, 0, time.UTC),
		time.Date(9, 1, 9, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 10, 10, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC),
		{},
	} {
		if got, want := formatYMD(d), d.Format(ymd); got != want {
			t.Errorf("formatYMD(%v) = %q, want %q", d, got, want)
		}
	}
}
