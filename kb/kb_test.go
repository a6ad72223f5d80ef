package kb

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

func ev(doc, id, typ, actor, loc, earliest, latest, deriv, mod, published string) sitrep.StoredEvent {
	e := sitrep.StoredEvent{
		Event: sitrep.Event{ID: id, Type: typ, Text: typ, Modality: mod, Summary: actor + " " + typ,
			Time: sitrep.EventTime{Value: earliest[:7], Earliest: earliest, Latest: latest, Derivation: deriv}},
		DocumentID: doc, Title: "T " + doc, URL: "https://x.example/" + doc, Site: "site-" + doc,
		Published: published, SentenceText: "Sentence of " + id, ActorName: actor, LocationName: loc,
	}
	if earliest == "" {
		e.Time = sitrep.EventTime{}
	}
	return e
}

func TestTimelineMergesReportsAndTightensDates(t *testing.T) {
	evs := []sitrep.StoredEvent{
		// Doc a anchors the offensive relatively: early August, give or take.
		ev("a", "ev1", "offensive", "Ukraine", "Kursk", "2024-08-04", "2024-08-10", "2024-08-28 minus P3W (after, ±3 days)", "asserted", "2024-09-01"),
		// Doc b gives the exact date.
		ev("b", "ev7", "offensive", "Ukraine", "", "2024-08-06", "2024-08-06", "explicit: t2 2024-08-06", "reported", "2024-08-20"),
		// A different event of the same type elsewhere in time.
		ev("b", "ev9", "offensive", "Russia", "Kharkiv", "2024-05-10", "2024-05-10", "explicit: t3 2024-05-10", "asserted", "2024-08-20"),
		// Another type.
		ev("a", "ev2", "deploy", "North Korea", "Russia", "2024-10-01", "2024-10-31", "explicit: t4 2024-10", "reported", "2024-09-01"),
	}
	items := Timeline(evs)
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3: %+v", len(items), items)
	}
	if items[0].Actors[0] != "Russia" || items[2].Type != "deploy" {
		t.Errorf("not in time order: %s, %s, %s", items[0].Text, items[1].Text, items[2].Text)
	}
	off := items[1]
	if off.Reports != 2 || len(off.Sources) != 2 {
		t.Errorf("offensive reports = %d, want 2", off.Reports)
	}
	if off.Earliest != "2024-08-06" || off.Latest != "2024-08-06" {
		t.Errorf("date not tightened by the explicit report: %s..%s", off.Earliest, off.Latest)
	}
	if !strings.HasPrefix(off.Derivation, "explicit") || off.Modality != sitrep.ModalityAsserted {
		t.Errorf("derivation %q modality %q", off.Derivation, off.Modality)
	}
}

func TestTimelineKeepsApartDifferentActors(t *testing.T) {
	evs := []sitrep.StoredEvent{
		ev("a", "ev1", "attack", "Russia", "Kharkiv", "2024-05-10", "2024-05-10", "explicit", "asserted", "2024-05-11"),
		ev("b", "ev1", "attack", "Ukraine", "Kharkiv", "2024-05-10", "2024-05-10", "explicit", "asserted", "2024-05-11"),
	}
	if n := len(Timeline(evs)); n != 2 {
		t.Errorf("attacks by different actors merged: %d items", n)
	}
}

func qty(doc, published, unit, cat, giver string, v float64, approx bool) sitrep.StoredQuantity {
	return sitrep.StoredQuantity{
		Quantity:   sitrep.Quantity{ID: "n1", Text: unit, Value: &v, Approximate: approx, Unit: unit, Category: cat, Source: giver},
		DocumentID: doc, Published: published, Site: "site-" + doc,
	}
}

func TestCompareFlagsContradictionsNotChange(t *testing.T) {
	qs := []sitrep.StoredQuantity{
		qty("a", "2026-01-14", "killed", "casualties", "the government", 112, false),
		qty("b", "2026-01-14", "killed", "casualties", "the United Nations", 150, true),
		qty("c", "2026-02-02", "killed", "casualties", "the government", 131, false),
		qty("d", "2026-04-27", "killed", "casualties", "the government", 171, false),
		qty("a", "2026-01-14", "troops", "personnel", "the army", 600, false),
	}
	claims := Compare(qs, nil)
	if len(claims) != 2 {
		t.Fatalf("got %d claims, want 2", len(claims))
	}
	c := claims[0]
	if c.Unit != "killed" || len(c.Figures) != 4 || c.Sources != 2 {
		t.Fatalf("first claim %+v", c)
	}
	if len(c.Contradictions) != 1 || c.Figures[c.Contradictions[0].A].GivenBy != "the government" {
		t.Errorf("contradictions = %+v (the rise over weeks is not one)", c.Contradictions)
	}
	if *c.Latest().Value != 171 {
		t.Errorf("latest = %v", *c.Latest().Value)
	}
}

func TestForecasts(t *testing.T) {
	fut := ev("a", "ev3", "visit", "Filipe Nhaca", "Beira", "2026-01-16", "2026-01-16", "explicit: t3 2026-01-16", sitrep.ModalityFuture, "2026-01-14")
	open := ev("a", "ev4", "appeal", "United Nations", "", "2026-02-01", "2026-02-07", "explicit: t4 2026-W05", sitrep.ModalityFuture, "2026-01-14")
	late := ev("b", "ev1", "withdraw", "the army", "Sofala", "2026-03-01", "2026-03-31", "explicit: t1 2026-03", sitrep.ModalityFuture, "2026-02-02")
	done := ev("c", "ev5", "visit", "Filipe Nhaca", "Beira", "2026-01-16", "2026-01-16", "explicit: t1 2026-01-16", sitrep.ModalityAsserted, "2026-01-17")
	fs := Forecasts([]sitrep.StoredEvent{fut, open, late, done}, "2026-02-03")
	status := map[string]string{}
	for _, f := range fs {
		status[f.Type] = f.Status
	}
	if status["visit"] != ForecastMet || status["appeal"] != ForecastOpen || status["withdraw"] != ForecastOpen {
		t.Errorf("statuses as of 2026-02-03: %v", status)
	}
	fs = Forecasts([]sitrep.StoredEvent{late}, "2026-04-15")
	if fs[0].Status != ForecastOverdue || fs[0].Due != "2026-03-31" {
		t.Errorf("late forecast: %+v", fs[0])
	}
}

func TestBriefMarkdownSectionsAndCitations(t *testing.T) {
	evs := []sitrep.StoredEvent{
		ev("a", "ev1", "deploy", "the army", "Sofala", "2026-01-11", "2026-01-11", "explicit: t1 2026-01-11", "asserted", "2026-01-11"),
		ev("b", "ev2", "deploy", "the army", "Sofala", "2026-01-11", "2026-01-11", "explicit: t1 2026-01-11", "reported", "2026-01-14"),
		ev("b", "ev3", "visit", "the president", "Beira", "2026-01-16", "2026-01-16", "explicit: t2 2026-01-16", "future", "2026-01-14"),
	}
	b := NewBrief(BriefInput{
		Documents: 2, Timeline: Timeline(evs), Forecasts: Forecasts(evs, "2026-01-14"),
		Claims: Compare([]sitrep.StoredQuantity{qty("a", "2026-01-11", "soldiers", "personnel", "officials", 600, true)}, nil),
		Quotes: []sitrep.StoredQuote{{Quote: sitrep.Quote{Kind: sitrep.QuoteDirect, Text: "We need boats and helicopters now.", Cue: sitrep.TextSpan{Text: "said"}},
			DocumentID: "a", Site: "site-a", Published: "2026-01-11", SpeakerName: "Helena Matsinhe"}},
	})
	var buf bytes.Buffer
	if err := b.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	last := -1
	for _, h := range []string{"## Why It Matters", "## What to Know", "## What People Have Said", "## What's Next"} {
		i := strings.Index(md, h)
		if i <= last {
			t.Fatalf("%q missing or out of order:\n%s", h, md)
		}
		last = i
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "- ") && !strings.HasSuffix(l, ")") {
			t.Errorf("uncited item %q", l)
		}
	}
	for _, want := range []string{"about 600", "reported by 2 sources", "Helena Matsinhe", "due by 2026-01-16"} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
	var h bytes.Buffer
	b.WhatPeopleSaid = append(b.WhatPeopleSaid, BriefItem{Text: "<script>alert(1)</script>"})
	b.Sections[2].Items = b.WhatPeopleSaid
	if err := b.WriteHTML(&h); err != nil || strings.Contains(h.String(), "<script>") {
		t.Errorf("HTML not escaped or failed: %v", err)
	}
}

func TestSyndicatedCopiesCountOnce(t *testing.T) {
	a := ev("a", "ev1", "deploy", "the army", "Sofala", "2026-01-11", "2026-01-11", "explicit: t1", "asserted", "2026-01-11")
	b := ev("b", "ev4", "deploy", "the army", "Sofala", "2026-01-11", "2026-01-11", "explicit: t1", "asserted", "2026-01-11")
	c := ev("c", "ev2", "deploy", "the army", "Sofala", "2026-01-11", "2026-01-11", "explicit: t1", "asserted", "2026-01-12")
	b.SentenceText = "  " + strings.ToUpper(a.SentenceText[:1]) + a.SentenceText[1:] // the same wire copy
	c.SentenceText = "The army said it had sent troops to Sofala."
	items := Timeline([]sitrep.StoredEvent{a, b, c})
	if len(items) != 1 || len(items[0].Sources) != 3 || items[0].Reports != 2 {
		t.Fatalf("items %+v", items)
	}
	if items[0].Sources[1].CopyOf != "a" {
		t.Errorf("copy not marked: %+v", items[0].Sources)
	}
}

// BenchmarkTimeline merges 12,000 mentions of a busy entity's events.
func BenchmarkTimeline(b *testing.B) {
	types := []string{"attack", "meet", "deploy", "statement", "kill"}
	places := []string{"Kursk", "Kharkiv", "Donetsk", "Kyiv", "Odesa", "Belgorod"}
	var evs []sitrep.StoredEvent
	for i := 0; i < 12000; i++ {
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/40)
		d := day.Format(time.DateOnly)
		evs = append(evs, ev(fmt.Sprintf("d%d", i/8), fmt.Sprintf("ev%d", i%8), types[i%len(types)], "Russia",
			places[(i/7)%len(places)], d, d, "explicit: t1 "+d, "asserted", day.AddDate(0, 0, i%3).Format(time.DateOnly)))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		Timeline(evs)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func TestFormatAmount(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		unit string
		want string
	}{
		{120e6, "USD", "$120 million"}, {45e6, "EUR", "€45 million"}, {2.5e9, "KRW", "2.5 billion KRW"},
		{11000, "troops", "11,000"}, {1.5e6, "people", "1.5 million"}, {40, "percent", "40%"}, {950, "USD", "$950"},
	} {
		if got := FormatAmount(tt.v, tt.unit); got != tt.want {
			t.Errorf("FormatAmount(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestQuotedWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"We will win,", "We will win"},
		{`The water is rising," said Helena Matsinhe, who leads the agency. "We need boats now.`, "The water is rising … We need boats now."},
		{"Not a “nested” one", "Not a … one"},
	} {
		if got := quotedWords(tt.in); got != tt.want {
			t.Errorf("quotedWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuotedWordsFromOpeningMark(t *testing.T) {
	in := `"The water is rising," said Helena Matsinhe. "We need boats."`
	if got, want := quotedWords(in), "The water is rising … We need boats."; got != want {
		t.Errorf("quotedWords(%q) = %q, want %q", in, got, want)
	}
}
