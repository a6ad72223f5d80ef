package timex

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestSkipSound: tagging only the sentences mayHold lets through finds
// what tagging every sentence finds, on news text in any case.
func TestSkipSound(t *testing.T) {
	texts := reuters(t, 500)
	for _, s := range texts[:150] {
		texts = append(texts, strings.ToUpper(s), strings.ToLower(s))
	}
	texts = append(texts, "He left in the past. The near term looks bad, as does the present. The latest period was weak; the sixties were not.",
		"the last half; Fridays; mid-March; Aug. rains; that same day; in the twenty-first century; nineteen ninety-six",
		"At 9 am and 5 p.m. and 12 PM, 3 in the morning, 12 March, on March 5 and 6, May 5 and 6 percent, the third of March, the first nine months. The twenty-first century; nineteen ninety-six; twenty twenty; a ten second delay; every 2 days; the past 12 months; March '87; Q3 '87; fiscal 87 and 1987; three weeks ago; the third quarter; 3 pct; 12 of 14 banks; 7-3/4 years; 1 1/2 hours.",
		"In the present quarter, as in the period a year ago, the corresponding period last year and the comparable year-ago quarter, the near term looks like the sixties: a week, a few days, a dozen years, an hour, the same period last year, the full year, the whole year.",
		"At 9.30 a.m. it was 1.5 pct. Fiscal 1,987 was 11,000.5 dlrs. The 1,990s. The 2.5s. $1.5 ago. Q1.5 and FY1.987 and 1987.1.5. 1.5-year, 11,000 years, 10:1.5 GMT, 8/1.5.")
	dct := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for i, s := range texts {
		d := text.Segment(s)
		var tags []pos.Tag
		if i%2 == 0 {
			tags = pos.Default().Tag(d)
		}
		all, some := tagDoc(d, dct, tags, false), tagDoc(d, dct, tags, true)
		if !slices.Equal(all, some) {
			t.Fatalf("text %d: skipping sentences changed the result:\n%+v\n%+v", i, all, some)
		}
		n += len(all)
	}
	if n == 0 {
		t.Fatal("no time expressions")
	}
}

// TestMayHold: sentences without a trigger are passed over, and each kind
// of trigger keeps its sentence.
func TestMayHold(t *testing.T) {
	tw := triggerWords()
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"The company said it would buy the unit.", false},
		{"They may march on.", false}, // lower-case month names are verbs
		{"It rose 3 pct.", false},     // a count without a unit
		{"Three of the 12 banks came first, the fifth and 21 others third.", false},
		{"It rose 1000 pct.", true}, // four digits: a year or a clock time
		{"It rose 3%.", false},
		{"It opens at 9 am.", true},
		{"It closed at 5 P.M. sharp.", true},
		{"It fell 3.", true}, // a period glued after it
		{"A 3-for-2 split.", true},
		{"They met in nineteen ninety.", true},
		{"A ten second delay.", true},
		{"A dozen twenty.", true},
		{"It rose 1.5 pct to 11,000.5 dlrs from $2,000.", false},
		{"It rose 1.5-year highs.", true},
		{"It rose 3.5pct.", true},
		{"Item 1. Its cost.", true},
		{"It rose to 9.30 a.m.", false},
		{"Sales rose in May.", true},
		{"Shares fell on Fridays.", true},
		{"It was a third-quarter loss.", true},
		{"Talks resume in Sept.", true},
		{"That was in the past.", true},
		{"The U.S. agreed.", false},
		{"He spoke of the sixties.", true},
	} {
		d := text.Segment(tc.s)
		if got := mayHold(d, 0, len(d.Tokens), tw); got != tc.want {
			t.Errorf("mayHold(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestTriggerMaybe: the prefix test lets every trigger through, in any
// case and as a plural.
func TestTriggerMaybe(t *testing.T) {
	tw := triggerWords()
	n := 0
	for w := range buildLexicon() {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w[:1]) + w[1:] + "s", strings.ToUpper(w) + "S"} {
			if tw.has(v) {
				n++
				if !tw.maybe(v) {
					t.Errorf("maybe(%q) = false for a trigger", v)
				}
			}
		}
	}
	for _, w := range triggerPlain {
		if !tw.maybe(w) || !tw.has(w) {
			t.Errorf("%q is no trigger", w)
		}
	}
	if n < 100 || tw.maybe("said") || tw.maybe("company") {
		t.Errorf("%d triggers; maybe(said) %v, maybe(company) %v", n, tw.maybe("said"), tw.maybe("company"))
	}
}

// TestLookupLetters: the table of short words answers as the lexicon does,
// for every word of one to three letters in three cases, and longer words
// go to the lexicon.
func TestLookupLetters(t *testing.T) {
	lx := lexicon()
	var words []string
	var b [3]byte
	for n := 1; n <= 3; n++ {
		for k := 0; k < 1<<(5*n); k++ {
			ok := true
			for i := range n {
				c := k >> (5 * i) & 31
				if c >= 26 {
					ok = false
				}
				b[i] = byte('a' + c)
			}
			if ok {
				w := string(b[:n])
				words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
			}
		}
	}
	words = append(words, "said", "March", "year", "Fridays")
	hits := 0
	for _, w := range words {
		want, wok := lx.GetFold(w)
		got, ok := lookupLetters(lx, w)
		if got != want || ok != wok {
			t.Errorf("lookupLetters(%q) = %v %v, want %v %v", w, got, ok, want, wok)
		}
		if ok {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("%d hits", hits)
	}
}
