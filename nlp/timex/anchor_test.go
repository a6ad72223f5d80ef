package timex

import (
	"os"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// triggers builds hand-made event triggers at the first occurrence of each
// word after the given anchor text, standing in for nlp/event.
func triggers(t *testing.T, d *text.Doc, specs [][2]string) []sitrep.Event {
	t.Helper()
	var evs []sitrep.Event
	for i, s := range specs {
		at := strings.Index(d.Text, s[0])
		if at < 0 {
			t.Fatalf("context %q not in text", s[0])
		}
		k := strings.Index(d.Text[at:], s[1])
		if k < 0 {
			t.Fatalf("trigger %q not after %q", s[1], s[0])
		}
		start := at + k
		evs = append(evs, sitrep.Event{ID: "e" + itoa(i+1), Start: start, End: start + len(s[1]), Text: s[1], Sentence: d.SentenceOf(start)})
	}
	return evs
}

func TestAnchorExample(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip("example article absent")
	}
	dct := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	d := text.Segment(string(b))
	tx := Tag(d, dct)
	evs := triggers(t, d, [][2]string{
		{"Kim Jong Un officially", "committed"},
		{"The order to put", "came"},
		{"after Ukraine", "launched"},
		{"North Korean troops were first", "reported"},
		{"This order was", "issued"},
		{"after Kim", "met"},
		{"Admiral Samuel", "told"},
	})
	links, times := Anchor(d, tx, evs, dct)
	want := []struct {
		id, value, earliest, latest string
	}{
		{"e1", "2024-08-28", "2024-08-28", "2024-08-28"},
		{"e2", "2024-08-28", "2024-08-28", "2024-08-28"},
		{"e3", "2024-08-07", "2024-08-04", "2024-08-10"},
		{"e4", "2024-10-27", "2024-10-12", "2024-11-11"},
		{"e5", "2024-08-28", "2024-08-28", "2024-08-28"},
		{"e6", "2024-06-29", "2024-06-14", "2024-07-14"},
		{"e7", "2025-04", "2025-04-01", "2025-04-30"},
	}
	for i, w := range want {
		got := times[i]
		if got.Value != w.value || got.Earliest != w.earliest || got.Latest != w.latest {
			t.Errorf("%s (%s): got %+v, want %s [%s..%s]", w.id, evs[i].Text, got, w.value, w.earliest, w.latest)
		}
	}
	if !strings.Contains(times[2].Derivation, "minus P3W") {
		t.Errorf("counteroffensive derivation = %q", times[2].Derivation)
	}
	wantLinks := map[string]string{"e2>e3": "AFTER P3W", "e2>e4": "BEFORE P2M", "e5>e6": "AFTER P2M"}
	for _, l := range links {
		k := l.From + ">" + l.To
		if w, ok := wantLinks[k]; ok {
			if got := l.Rel + " " + l.Offset; got != w {
				t.Errorf("link %s = %s, want %s", k, got, w)
			}
			delete(wantLinks, k)
		}
	}
	for k, w := range wantLinks {
		t.Errorf("missing link %s %s", k, w)
	}
}

func TestAnchorChainAndSince(t *testing.T) {
	dct := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	src := "The ceasefire collapsed on March 1, 2024. Rebels attacked a week later. Fighting has continued since the collapse."
	d := text.Segment(src)
	tx := Tag(d, dct)
	evs := triggers(t, d, [][2]string{{"The ceasefire", "collapsed"}, {"Rebels", "attacked"}, {"Fighting", "continued"}, {"since the", "collapse"}})
	links, times := Anchor(d, tx, evs, dct)
	if times[0].Value != "2024-03-01" {
		t.Errorf("collapsed = %+v", times[0])
	}
	// "a week later" is a DURATION (TimeBank practice) that Anchor reads
	// as an offset from the previous event, widened by ±3 days
	if times[1].Value != "2024-03-08" || times[1].Earliest != "2024-03-05" || times[1].Latest != "2024-03-11" || !strings.Contains(times[1].Derivation, "plus P1W") {
		t.Errorf("attacked = %+v, want 2024-03-08 [03-05..03-11] plus P1W", times[1])
	}
	var since bool
	for _, l := range links {
		if l.Rel == "BEGUN_BY" && l.From == "e3" && l.To == "e4" && l.Signal.Text == "since" {
			since = true
		}
	}
	if !since {
		t.Errorf("no BEGUN_BY link for since: %+v", links)
	}
	if times[2].Derivation != "dct" || times[2].Latest != "2024-03-10" || times[2].Earliest != "2024-02-10" {
		t.Errorf("undated event = %+v, want the DCT window", times[2])
	}
}

func TestAnchorLeadStandsIn(t *testing.T) {
	dct := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	d := text.Segment("Talks opened on March 1, 2024. This was decided two weeks after the ministers met. Three days after the vote, crowds gathered.")
	tx := Tag(d, dct)
	evs := triggers(t, d, [][2]string{{"Talks", "opened"}, {"the ministers", "met"}, {"after the", "vote"}, {"crowds", "gathered"}})
	links, times := Anchor(d, tx, evs, dct)
	if times[1].Value != "2024-02-16" || times[1].Earliest != "2024-02-13" || times[1].Latest != "2024-02-19" {
		t.Errorf("met = %+v, want 2024-02-16 [02-13..02-19]", times[1])
	}
	var lead, comma bool
	for _, l := range links {
		if l.From == "t1" && l.To == "e2" && l.Rel == "AFTER" && l.Offset == "P2W" {
			lead = true
		}
		if l.From == "e4" && l.To == "e3" && l.Rel == "AFTER" && l.Offset == "P3D" {
			comma = true
		}
	}
	if !lead || !comma {
		t.Errorf("links = %+v, want t1 AFTER e2 P2W and e4 AFTER e3 P3D", links)
	}
}

func TestAnchorWindows(t *testing.T) {
	dct := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name, src, anchor, trig string
		value, earliest, latest string
		deriv                   string // a part of the derivation; "" for the DCT fallback
	}{
		{"within from the speech day", "The president said on Friday he would impose sanctions within two weeks.", "he would", "impose", "2024-03-22", "2024-03-08", "2024-03-25", "plus P2W (within"},
		{"in from the DCT", "The ministry said it will decide in ten days.", "it will", "decide", "2024-03-21", "2024-03-21", "2024-03-21", "DCT 2024-03-11 plus P10D (in"},
		{"a deadline noun", "Trump said he would give Putin a timeline of \u201ca couple of weeks\u201d before announcing sanctions.", "he would", "give", "2024-03-25", "2024-03-11", "2024-03-28", "(timeline"},
		{"a vague deadline", "Officials said they will announce a decision in the coming weeks.", "they will", "announce", "FUTURE_REF", "2024-03-11", "2024-04-04", "plus PXW (a few: up to 21 days) (within"},
		{"by a date", "The army will withdraw by March 20.", "army will", "withdraw", "2024-03-20", "2024-03-11", "2024-03-20", "by t1"},
		{"by a date, past", "The army had withdrawn by March 1.", "army had", "withdrawn", "2024-03-01", "2024-03-01", "2024-03-01", "explicit"},
		{"past clause: no window", "Prices rose 5% in two weeks.", "Prices", "rose", "", "2024-02-11", "2024-03-11", ""},
		{"since a date", "Fighting has continued since March 1.", "Fighting", "continued", "2024-03-01", "2024-03-01", "2024-03-11", "since t1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := text.Segment(tc.src)
			evs := triggers(t, d, [][2]string{{tc.anchor, tc.trig}})
			_, times := Anchor(d, Tag(d, dct), evs, dct)
			got := times[0]
			if got.Value != tc.value || got.Earliest != tc.earliest || got.Latest != tc.latest {
				t.Errorf("got %+v, want %s [%s..%s]", got, tc.value, tc.earliest, tc.latest)
			}
			if tc.deriv == "" && got.Derivation != "dct" || !strings.Contains(got.Derivation, tc.deriv) {
				t.Errorf("derivation %q, want it to contain %q", got.Derivation, tc.deriv)
			}
		})
	}
}

func TestAnchorSinceEvent(t *testing.T) {
	dct := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	d := text.Segment("Fighting has raged since the invasion on Feb. 24, 2022.")
	evs := triggers(t, d, [][2]string{{"Fighting", "raged"}, {"since the", "invasion"}})
	links, times := Anchor(d, Tag(d, dct), evs, dct)
	if times[1].Value != "2022-02-24" {
		t.Errorf("invasion = %+v", times[1])
	}
	if got := times[0]; got.Earliest != "2022-02-24" || got.Latest != "2024-03-10" || !strings.Contains(got.Derivation, "since e2") {
		t.Errorf("raged = %+v, want [2022-02-24..2024-03-10] since e2", got)
	}
	if len(links) == 0 || links[0].Rel != "BEGUN_BY" {
		t.Errorf("links = %+v, want BEGUN_BY", links)
	}
}

func TestAnchorLaterFromDate(t *testing.T) {
	dct := time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC)
	d := text.Segment("The ceasefire ended on March 1, 2024. A week later, rebels attacked the town.")
	evs := triggers(t, d, [][2]string{{"rebels", "attacked"}})
	_, times := Anchor(d, Tag(d, dct), evs, dct)
	if got := times[0]; got.Value != "2024-03-08" || got.Earliest != "2024-03-05" || got.Latest != "2024-03-11" || got.Anchor != "t1" {
		t.Errorf("attacked = %+v, want 2024-03-08 [03-05..03-11] from t1", got)
	}
}

// TestPurposeInfinitive: an undated to-infinitive purpose takes the time of
// the event it is the purpose of.
func TestPurposeInfinitive(t *testing.T) {
	d := text.Segment("The deal was announced on May 20, 2024, two weeks after envoys met in Geneva to negotiate a truce. Officials hoped to help.")
	evs := triggers(t, d, [][2]string{{"The deal", "announced"}, {"envoys", "met"}, {"to ", "negotiate"}, {"Officials", "help"}})
	dct := time.Date(2024, 5, 21, 0, 0, 0, 0, time.UTC)
	_, times := Anchor(d, Tag(d, dct), evs, dct)
	if times[1].Value != "2024-05-06" {
		t.Fatalf("met: %+v", times[1])
	}
	if times[2].Earliest != times[1].Earliest || times[2].Latest != times[1].Latest || !strings.Contains(times[2].Derivation, "purpose of e2") {
		t.Errorf("negotiate: %+v", times[2])
	}
	if strings.Contains(times[3].Derivation, "purpose") {
		t.Errorf("help has no dated governor in its sentence: %+v", times[3])
	}
}

// TestParseDay: the fast path agrees with time.Parse.
func TestParseDay(t *testing.T) {
	for _, s := range []string{"", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "9999-12-31",
		"1987-03-01", "1987-3-01", "1987-03-1x", "+987-03-01", "1987-03-01T", "2024-12-00", "1900-02-29", "2000-02-29"} {
		want, wantOK := 0, false
		if tm, err := time.Parse(ymd, s); err == nil {
			want, wantOK = dayNum(tm), true
		}
		if got, ok := parseDay(s); got != want || ok != wantOK {
			t.Errorf("parseDay(%q) = %d, %v; want %d, %v", s, got, ok, want, wantOK)
		}
	}
	// every day of years 0000 to 2500 (and the ends of the range)
	for d := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 10000; d = d.AddDate(0, 0, 1) {
		if d.Year() == 2501 {
			d = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if got, ok := parseDay(d.Format(ymd)); !ok || got != dayNum(d) {
			t.Fatalf("parseDay(%q) = %d, %v; want %d", d.Format(ymd), got, ok, dayNum(d))
		}
	}
}
