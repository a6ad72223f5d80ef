package timex

import (
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/nlp/text"
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

// TestPluralWeekday: a capitalised plural weekday ("Fridays") is a set;
// its lexicon entry is the singular, so no filter on the plural may skip
// the lookup.
func TestPluralWeekday(t *testing.T) {
	d := text.Segment("Members submit all orders by 1530 hrs on expiration Fridays, the exchange said.")
	var got []string
	for _, x := range Tag(d, time.Date(1987, 3, 12, 0, 0, 0, 0, time.UTC)) {
		got = append(got, x.Text+" "+x.Type+" "+x.Value)
	}
	want := "Fridays SET XXXX-WXX-5"
	for _, g := range got {
		if g == want {
			return
		}
	}
	t.Errorf("timexes %q, want one %q", got, want)
}
