package timex

import (
	"slices"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

func tag(src, dct string) []sitrep.Timex {
	var t time.Time
	if dct != "" {
		t, _ = time.Parse(ymd, dct)
	}
	return Tag(text.Segment(src), t)
}

// TestTag checks one expression per sentence: its extent, type, value and mod.
func TestTag(t *testing.T) {
	tests := []struct {
		src, dct              string
		text, typ, value, mod string
	}{
		{"Kim committed troops on August 28, 2024.", "2025-09-01", "August 28, 2024", "DATE", "2024-08-28", ""},
		{"They met on 28 Aug 2024.", "2025-09-01", "28 Aug 2024", "DATE", "2024-08-28", ""},
		{"It was signed on Aug. 28.", "2025-09-01", "Aug. 28", "DATE", "2025-08-28", ""},
		{"The vote is on 8/28/2024 at the latest.", "2025-09-01", "8/28/2024", "DATE", "2024-08-28", ""},
		{"The file is dated 2024-08-28.", "2025-09-01", "2024-08-28", "DATE", "2024-08-28", ""},
		{"Troops had arrived by late October.", "2025-09-01", "late October", "DATE", "2024-10", "END"},
		{"It wasn't acknowledged until April.", "2025-09-01", "April", "DATE", "2025-04", ""},
		{"They will meet in April.", "2025-09-01", "April", "DATE", "2026-04", ""},
		{"Prices rose in early 2025.", "2025-09-01", "early 2025", "DATE", "2025", "START"},
		{"Talks stalled in mid-2024.", "2025-09-01", "mid-2024", "DATE", "2024", "MID"},
		{"Both will be in Beijing this week.", "2025-09-01", "this week", "DATE", "2025-W36", ""},
		{"He spoke yesterday.", "2025-09-01", "yesterday", "DATE", "2025-08-31", ""},
		{"Sales fell last week.", "2025-09-01", "last week", "DATE", "2025-W35", ""},
		{"Rates rise next month.", "2025-09-01", "next month", "DATE", "2025-10", ""},
		{"The plant closed two years ago.", "2025-09-01", "two years ago", "DATE", "2023", ""},
		{"Profits rose earlier this year.", "2025-09-01", "earlier this year", "DATE", "2025", ""},
		{"Growth slowed over the past decade.", "2025-09-01", "the past decade", "DURATION", "P10Y", ""},
		{"Growth slowed in the 1990s.", "2025-09-01", "the 1990s", "DATE", "199", ""},
		{"It was built in the 19th century.", "2025-09-01", "the 19th century", "DATE", "18", ""},
		{"Output rose in the third quarter of 2024.", "2025-09-01", "the third quarter of 2024", "DATE", "2024-Q3", ""},
		{"Results for Q3 2024 were weak.", "2025-09-01", "Q3 2024", "DATE", "2024-Q3", ""},
		{"The war began in the summer of 2022.", "2025-09-01", "the summer of 2022", "DATE", "2022-SU", ""},
		{"Prices are high now.", "2025-09-01", "now", "DATE", "PRESENT_REF", ""},
		{"Such attacks have happened recently.", "2025-09-01", "recently", "DATE", "PAST_REF", ""},
		{"Strikes resumed at 15:00 GMT Saturday.", "2025-09-01", "15:00 GMT Saturday", "TIME", "2025-08-30T15:00", ""},
		{"The meeting starts at 9 a.m. tomorrow.", "2025-09-01", "9 a.m. tomorrow", "TIME", "2025-09-02T09:00", ""},
		{"They left at noon.", "2025-09-01", "noon", "TIME", "2025-09-01T12:00", ""},
		{"Shelling resumed on Monday morning.", "2025-09-03", "Monday morning", "TIME", "2025-09-01TMO", ""},
		{"The siege lasted three weeks.", "2025-09-01", "three weeks", "DURATION", "P3W", ""},
		{"He gave Putin a couple of weeks to respond.", "2025-09-01", "a couple of weeks", "DURATION", "P2W", ""},
		{"The program ran for 18 months.", "2025-09-01", "18 months", "DURATION", "P18M", ""},
		{"The conflict lasted several years.", "2025-09-01", "several years", "DURATION", "PXY", ""},
		{"The treaty expired after twenty-five years.", "2025-09-01", "twenty-five years", "DURATION", "P25Y", ""},
		{"It took a decade to rebuild.", "2025-09-01", "a decade", "DURATION", "P10Y", ""},
		{"Patrols go out every morning.", "2025-09-01", "every morning", "SET", "XXXX-XX-XXTMO", ""},
		{"The report is published annually.", "2025-09-01", "annually", "SET", "P1Y", ""},
		{"Inspections happen weekly.", "2025-09-01", "weekly", "SET", "P1W", ""},
		{"Elections are held in April.", "", "April", "DATE", "XXXX-04", ""},
		{"He was sworn in last Friday.", "", "last Friday", "DATE", "XXXX-XX-XX", ""},
		{"The blast occurred Friday.", "1998-08-08", "Friday", "DATE", "1998-08-07", ""},
		{"He will testify on Friday.", "1998-08-05", "Friday", "DATE", "1998-08-07", ""},
		{"Net income rose in the year-earlier quarter.", "1989-10-27", "the year-earlier quarter", "DATE", "1988-Q3", ""},
		{"The company said third-quarter profit fell.", "1989-10-27", "third-quarter", "DATE", "1989-Q3", ""},
		{"The fund rose in fiscal 1989.", "1989-10-27", "fiscal 1989", "DATE", "1989", ""},
		{"He returned in nineteen ninety-six.", "1998-01-01", "nineteen ninety-six", "DATE", "1996", ""},
		{"She signed it on Monday, Oct. 26.", "1998-10-25", "Monday, Oct. 26", "DATE", "1998-10-26", ""},
		{"It began on Aug. 6, 2024, and by mid-August troops held ground.", "2025-09-01", "mid-August", "DATE", "2024-08", "MID"},
		{"Dividends are payable Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01", ""},
		{"The increased dividend will be paid Dec. 14.", "1989-10-26", "Dec. 14", "DATE", "1989-12-14", ""},
		{"Shares closed at 4 p.m. ET on Tuesday.", "2013-02-20", "4 p.m. ET", "TIME", "2013-02-19T16:00", ""},
		{"The market opens twice a week.", "2013-02-20", "twice a week", "SET", "P1W", ""},
	}
	for _, tc := range tests {
		got := tag(tc.src, tc.dct)
		var found *sitrep.Timex
		for i := range got {
			if got[i].Text == tc.text {
				found = &got[i]
			}
		}
		if found == nil {
			t.Errorf("%q: no timex %q in %+v", tc.src, tc.text, got)
			continue
		}
		if found.Type != tc.typ || found.Value != tc.value || found.Mod != tc.mod {
			t.Errorf("%q: %q = %s %s %s {%s}, want %s %s %s", tc.src, tc.text, found.Type, found.Value, found.Mod, found.Derivation, tc.typ, tc.value, tc.mod)
		}
	}
}

// TestTagRound2 checks the conventions added with the POS-based tense:
// each case runs through Tag and TagWithPOS unless posOnly.
func TestTagRound2(t *testing.T) {
	tests := []struct {
		src, dct              string
		text, typ, value, mod string
		posOnly               bool
	}{
		// deadlines look ahead whatever the tense; negations and past
		// perfects look back
		{"Officials postponed until Tuesday morning any action.", "2000-03-30", "Tuesday morning", "TIME", "2000-04-04TMO", "", false},
		{"It gave Merieux until mid-November to reply.", "1989-10-30", "mid-November", "DATE", "1989-11", "MID", false},
		{"Until Thursday, they had not called him a suspect.", "1999-05-07", "Thursday", "DATE", "1999-05-06", "", false},
		// a possessive weekday takes the nearest day, not the verb's tense
		{"They said they would look for ways to overturn Wednesday's ruling.", "2000-01-07", "Wednesday", "DATE", "2000-01-05", "", false},
		// with no tense the past wins by a day
		{"Volume rose from 886 million shares Thursday.", "1989-10-30", "Thursday", "DATE", "1989-10-26", "", false},
		// nouns are no tense cue; participles after "to be" are future
		{"On Friday, when Albright set aside vacation plans, she flew.", "1998-08-17", "Friday", "DATE", "1998-08-14", "", true},
		{"Guidelines to be published in early November will decide.", "1989-10-30", "early November", "DATE", "1989-11", "START", true},
		{"They attend a summit set for Washington in April.", "1999-03-12", "April", "DATE", "1999-04", "", true},
		// ranges and offsets
		{"Shipments resume within two to three weeks.", "1989-10-30", "two to three weeks", "DURATION", "P2W", "", false},
		{"Three days later, the index fell.", "1989-10-30", "Three days", "DURATION", "P3D", "", false},
		{"Sales rose 5% from a year earlier.", "1989-10-30", "a year earlier", "DATE", "1988", "", false},
		{"Earlier Friday, the rally began.", "2000-01-28", "Friday", "DATE", "2000-01-28", "", false},
		{"Prices have fallen in recent months.", "1998-04-02", "recent months", "DURATION", "PXM", "", false},
		// spelled-out years, year end
		{"His promise to halve unemployment by the year two thousand was dropped.", "1998-02-05", "the year two thousand", "DATE", "2000", "", false},
		{"January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven", "DATE", "1997-01", "", false},
		{"The deal should close by year end.", "1989-10-26", "year end", "DATE", "1989", "END", false},
		{"The summit is on April 24 and 25.", "1999-02-10", "25", "DATE", "1999-04-25", "", false},
		{"The offer had been scheduled to expire at midnight Friday.", "1989-10-30", "midnight Friday", "TIME", "1989-10-27T24:00", "", false},
		{"Net fell from the corresponding period last year.", "1989-10-26", "the corresponding period last year", "DATE", "1988-Q3", "", false},
		{"For the quarter a year ago, it earned more.", "1989-10-26", "the quarter a year ago", "DATE", "1988-Q3", "", false},
		{"Earnings for the last half of 1989 fell.", "1989-10-26", "the last half of 1989", "DATE", "1989-H2", "", false},
		{"Demand stays weak through the first two quarters of 1990.", "1989-10-26", "the first two quarters of 1990", "DATE", "1990-H1", "", false},
		{"The day before last Tuesday's hearing, he flew in.", "2000-02-24", "The day before last Tuesday", "DATE", "2000-02-21", "", false},
		{"Then, a week or so ago, the general picked Saturday.", "1991-02-25", "a week or so ago", "DATE", "1991-W08", "APPROX", false},
		{"Islam will one day be the second religion.", "1998-03-03", "one day", "DATE", "FUTURE_REF", "", false},
		{"For the year, volume was flat.", "1989-11-02", "the year", "DATE", "1989", "", false},
		{"Net was $5 million for the year ended Sept. 30.", "1989-11-02", "the year", "DURATION", "P1Y", "", false},
		{"Profit rose from the comparable year-ago quarter.", "1989-10-27", "the comparable year-ago quarter", "DATE", "1988-Q3", "", false},
	}
	for _, tc := range tests {
		dct, _ := time.Parse("2006-01-02", tc.dct)
		d := text.Segment(tc.src)
		runs := map[string][]sitrep.Timex{"TagWithPOS": TagWithPOS(d, dct, pos.Default().Tag(d))}
		if !tc.posOnly {
			runs["Tag"] = Tag(d, dct)
		}
		for name, got := range runs {
			var found *sitrep.Timex
			for i := range got {
				if got[i].Text == tc.text {
					found = &got[i]
				}
			}
			if found == nil {
				t.Errorf("%s %q: no timex %q in %+v", name, tc.src, tc.text, got)
				continue
			}
			if found.Type != tc.typ || found.Value != tc.value || found.Mod != tc.mod {
				t.Errorf("%s %q: %q = %s %s %s {%s}, want %s %s %s", name, tc.src, tc.text, found.Type, found.Value, found.Mod, found.Derivation, tc.typ, tc.value, tc.mod)
			}
		}
	}
}

func TestNoTimex(t *testing.T) {
	for _, src := range []string{
		"A 44-year-old man was arrested.",
		"Iraq imports about three-quarters of its food.",
		"The price was $2000 a share.",
		"It will be a second betrayal.",
		"Prices began to fall sharply.",
		"Jan Smith said the plan will work.",
		"He made a last-minute change.",
		"They cut the quarterly dividend.",
	} {
		if got := tag(src, "2025-09-01"); len(got) > 0 {
			t.Errorf("%q: got %+v, want none", src, got)
		}
	}
}

func TestBounds(t *testing.T) {
	got := tag("Troops had arrived by late October. It ended in 2024-Q3 maybe, or in the summer of 2022.", "2025-09-01")
	if len(got) == 0 || got[0].Earliest != "2024-10-22" || got[0].Latest != "2024-10-31" {
		t.Errorf("late October bounds = %+v", got)
	}
	for _, x := range tag("This week, last month and on 28 February 2024 they met.", "2025-09-01") {
		if x.Earliest == "" || x.Latest == "" || x.Earliest > x.Latest {
			t.Errorf("%q: bounds %q..%q", x.Text, x.Earliest, x.Latest)
		}
	}
}

// TestYearOutOfRange checks that arithmetic past year 9999 or before year
// 0 gives an unknown value with no bounds, not a five-digit or partly
// known one ("next year" from 9999-12-31 was "10000", bounded from
// "10000-01-01", which sorts before "9999-12-31").
func TestYearOutOfRange(t *testing.T) {
	for _, tt := range []struct {
		dct, in, want string
	}{
		{"9999-12-31", "It will end next year.", "XXXX"},
		{"9999-12-31", "It will end in the next century.", "XX"},
		{"9999-12-31", "It ended last week.", "9999-W51"},
		{"0000-01-01", "It ended yesterday.", "XXXX-XX-XX"},
		{"0000-01-01", "It ended two years ago.", "XXXX"},
		{"0000-01-01", "It will end next year.", "0001"},
	} {
		dct, _ := time.Parse("2006-01-02", tt.dct)
		xs := Tag(text.Segment(tt.in), dct)
		if len(xs) != 1 {
			t.Errorf("%s %q: got %d timexes, want 1", tt.dct, tt.in, len(xs))
			continue
		}
		x := xs[0]
		if x.Value != tt.want || !ValidValue(x.Type, x.Value) {
			t.Errorf("%s %q: value %q, want %q", tt.dct, tt.in, x.Value, tt.want)
		}
		if (x.Earliest == "") != strings.Contains(tt.want, "X") || x.Earliest > x.Latest {
			t.Errorf("%s %q: bounds %q..%q", tt.dct, tt.in, x.Earliest, x.Latest)
		}
	}
}

func TestValidValue(t *testing.T) {
	good := [][2]string{{"DATE", "2024-08-28"}, {"DATE", "2025-W36"}, {"DATE", "1998-W33-WE"}, {"DATE", "XXXX-04"}, {"DATE", "199"}, {"DATE", "19"},
		{"DATE", "2024-Q3"}, {"DATE", "2022-SU"}, {"TIME", "2025-08-30T15:00"}, {"TIME", "2025-09-01TMO"}, {"DATE", "PAST_REF"},
		{"DURATION", "P3W"}, {"DURATION", "PT5H30M"}, {"DURATION", "PXY"}, {"DURATION", "P1.5M"}, {"SET", "XXXX-WXX-4"}, {"SET", "P1D"}}
	for _, g := range good {
		if !ValidValue(g[0], g[1]) {
			t.Errorf("ValidValue(%s, %s) = false", g[0], g[1])
		}
	}
	bad := [][2]string{{"DATE", "2024-13-01"}, {"DATE", "2024-8-28"}, {"DURATION", "3W"}, {"DATE", ""}, {"DATE", "P1D"}, {"DURATION", "P"}}
	for _, b := range bad {
		if ValidValue(b[0], b[1]) {
			t.Errorf("ValidValue(%s, %s) = true", b[0], b[1])
		}
	}
}

// TestCorpusValid runs the tagger over news text and checks every span
// and value.
func TestCorpusValid(t *testing.T) {
	docs := reuters(t, 300)
	for _, src := range docs {
		for _, x := range Tag(text.Segment(src), time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)) {
			checkTimex(t, src, x)
		}
	}
}

func checkTimex(t *testing.T, src string, x sitrep.Timex) {
	t.Helper()
	if x.Start < 0 || x.End > len(src) || x.Start >= x.End || src[x.Start:x.End] != x.Text {
		t.Fatalf("bad span %+v", x)
	}
	if !ValidValue(x.Type, x.Value) {
		t.Errorf("invalid value %s %q for %q", x.Type, x.Value, x.Text)
	}
	if x.Earliest != "" && x.Latest != "" && x.Earliest > x.Latest {
		t.Errorf("%q: earliest %s after latest %s", x.Text, x.Earliest, x.Latest)
	}
}

// reuters reads up to n article texts from the Reuters-21578 sample.
func reuters(tb testing.TB, n int) []string { return corpus.Reuters(tb, n) }

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"On August 28, 2024, three weeks after the attack, troops arrived.",
		"late October", "8/28/2024 15:00 GMT Saturday", "the 1990s and mid-2024", "every two weeks since 1999-12-31",
		"twenty-five years ago; the year-earlier quarter; fiscal 2025", "Q3 2024 H1 FY2025 '90s",
		"He would act within two weeks, a timeline of “a couple of weeks”; fighting has raged since March 1.",
		"January nineteen ninety-seven, the year two thousand, two to three weeks later, until mid-November",
		"At 9 am, 5 p.m. and 3 in the morning; 12 March, March 5 and 6; the third of March; nineteen ninety-six; a ten second delay; 3 pct; 12 of 14",
		"At 9.30 a.m. it rose 1.5 pct to 11,000.5 dlrs. The 1,990s; fiscal 1,987. 1.5 years ago, 11,000 years",
		"the present, the near term, the period a year ago, the comparable year-ago quarter, the sixties, a week, a few days",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1725148800))
	}
	f.Add("next year, the next century, yesterday, in three millennia", int64(253402300799))
	f.Add("last week, two years ago, the previous decade, the spring", int64(-62135596800))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		// sec is a DCT anywhere in 0001-01-01 .. 9999-12-31 (0: none), the
		// years a YYYY-MM-DD date can name
		var dct time.Time
		if sec != 0 && sec >= -62135596800 && sec <= 253402300799 {
			dct = time.Unix(sec, 0).UTC()
		}
		d := text.Segment(s)
		withPOS := TagWithPOS(d, dct, pos.Default().Tag(d))
		for _, x := range withPOS {
			checkTimex(t, s, x)
		}
		xs := Tag(d, dct)
		for _, x := range xs {
			checkTimex(t, s, x)
			if x.Sentence < 0 || x.Sentence >= len(d.Sentences) {
				t.Fatalf("bad sentence %d", x.Sentence)
			}
		}
		// the sentences mayHold passes over hold no time expression
		if all := tagDoc(d, dct, nil, false); !slices.Equal(all, xs) {
			t.Fatalf("skipping sentences changed the result:\n%+v\n%+v", all, xs)
		}
		// every fourth word stands in for an event trigger
		var evs []sitrep.Event
		for k, tok := range d.Tokens {
			if k%4 == 1 && tok.Kind == text.Word {
				evs = append(evs, sitrep.Event{ID: "e" + itoa(k), Start: tok.Start, End: tok.End, Text: s[tok.Start:tok.End], Sentence: d.SentenceOf(tok.Start)})
			}
		}
		// the first half of the text stands in for a quote's content, its
		// last word for the cue
		var qs []sitrep.Quote
		if n := len(d.Tokens); n > 2 {
			c := d.Tokens[n/2]
			qs = append(qs, sitrep.Quote{ID: "q1", Start: 0, End: d.Tokens[n/2-1].End, Time: "t1",
				Cue: sitrep.NewTextSpan(s, sitrep.Span{Start: c.Start, End: c.End})})
		}
		links, times := AnchorWithQuotes(d, xs, evs, qs, dct)
		if len(times) != len(evs) {
			t.Fatalf("%d times for %d events", len(times), len(evs))
		}
		for _, et := range times {
			if et.Earliest != "" && et.Latest != "" && et.Earliest > et.Latest {
				t.Fatalf("event time %+v: earliest after latest", et)
			}
		}
		for _, l := range links {
			if l.From == "" || l.To == "" || s[l.Signal.Start:l.Signal.End] != l.Signal.Text {
				t.Fatalf("bad link %+v", l)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	docs := reuters(b, 2000)
	segs := make([]*text.Doc, len(docs))
	n := 0
	for i, s := range docs {
		segs[i] = text.Segment(s)
		n += len(s)
	}
	dct := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range segs {
			Tag(d, dct)
		}
	}
}

// BenchmarkTagWithPOS measures the tagger given the tags (the pipeline
// tags once for every stage), not the POS tagger itself.
func BenchmarkTagWithPOS(b *testing.B) {
	docs := reuters(b, 2000)
	segs := make([]*text.Doc, len(docs))
	tags := make([][]pos.Tag, len(docs))
	n := 0
	for i, s := range docs {
		segs[i] = text.Segment(s)
		tags[i] = pos.Default().Tag(segs[i])
		n += len(s)
	}
	dct := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range segs {
			TagWithPOS(d, dct, tags[k])
		}
	}
}

// TestSetAdverbAtEnd is a regression test: a set adverb ("quarterly") as
// the last unit of a document must not read past the end.
func TestSetAdverbAtEnd(t *testing.T) {
	for _, s := range []string{"The company pays quarterly", "Dividends are paid quarterly.", "quarterly"} {
		Tag(text.Segment(s), time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC))
	}
}
