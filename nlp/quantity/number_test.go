package quantity

import (
	"math"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		text string
		val  float64
		kind Kind
	}{
		{"some 11,000 troops", "11,000", 11000, Integer},
		{"rose 4.2 points", "4.2", 4.2, Decimal},
		{"1.5 million people", "1.5 million", 1.5e6, Integer},
		{"a $2.3bn deal", "2.3bn", 2.3e9, Integer},
		{"30k barrels", "30k", 30000, Integer},
		{"eleven thousand men", "eleven thousand", 11000, Integer},
		{"twenty-five shells", "twenty-five", 25, Integer},
		{"a hundred drones", "a hundred", 100, Integer},
		{"a dozen tanks", "a dozen", 12, Integer},
		{"three hundred and forty-two", "three hundred and forty-two", 342, Integer},
		{"two million three hundred thousand", "two million three hundred thousand", 2.3e6, Integer},
		{"two-thirds of voters", "two-thirds", 2.0 / 3, Fraction},
		{"half of them", "half", 0.5, Fraction},
		{"a quarter of it", "a quarter", 0.25, Fraction},
		{"one and a half million", "one and a half million", 1.5e6, Fraction},
		{"3/4 of a mile", "3/4", 0.75, Fraction},
		{"the 80th anniversary", "80th", 80, Ordinal},
		{"the third time", "third", 3, Ordinal},
		{"the twenty-first century", "twenty-first", 21, Ordinal},
		{"1\u202f234\u202f567 people", "1\u202f234\u202f567", 1234567, Integer},
		{"minus five", "minus five", -5, Integer},
		{"point: 12", "12", 12, Integer},
		{"1e6", "1e6", 1e6, Power},
		{"hundreds of thousands fled", "hundreds of thousands", 1e5, Integer},
		{"tens of thousands fled", "tens of thousands", 1e4, Integer},
		{"dozens were hurt", "dozens", 12, Integer},
		{"a few hundred", "a few hundred", 300, Integer},
		{"several thousand", "several thousand", 3000, Integer},
		{"10 mln tonnes", "10 mln", 1e7, Integer},
		{"2½ miles", "2½", 2.5, Fraction},
		{"four point two million", "four point two million", 4.2e6, Integer},
		{"the 2,000th day", "2,000th", 2000, Ordinal},
		{"several hundred thousand", "several hundred thousand", 3e5, Integer},
		{"one in ten adults", "one in ten", 0.1, Fraction},
		{"twelve hundred", "twelve hundred", 1200, Integer},
	}
	for _, tt := range tests {
		ns := Numbers(tt.in)
		var got *Number
		for i := range ns {
			if tt.in[ns[i].Start:ns[i].End] == tt.text {
				got = &ns[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no number %q in %+v", tt.in, tt.text, ns)
			continue
		}
		if math.Abs(got.Value-tt.val) > 1e-9*math.Max(1, math.Abs(tt.val)) || got.Kind != tt.kind {
			t.Errorf("%q: got %v %v, want %v %v", tt.in, got.Value, got.Kind, tt.val, tt.kind)
		}
	}
}

func TestNoNumbers(t *testing.T) {
	for _, in := range []string{"Which one do you prefer?", "an apple", "at some point", "the quarter ended", "the first time"} {
		for _, n := range Numbers(in) {
			if n.Kind != Ordinal {
				t.Errorf("%q: unexpected number %q", in, in[n.Start:n.End])
			}
		}
	}
}

func TestRanges(t *testing.T) {
	tests := []struct {
		in, text         string
		min, max         float64
		hasMin, hasMax   bool
		minIncl, maxIncl bool
	}{
		{"between 10,000 and 12,000 troops", "between 10,000 and 12,000", 10000, 12000, true, true, true, false},
		{"10,000 to 12,000 troops", "10,000 to 12,000", 10000, 12000, true, true, true, false},
		{"10,000-12,000 troops", "10,000-12,000", 10000, 12000, true, true, true, false},
		{"from 5 to 10 days", "from 5 to 10", 5, 10, true, true, true, false},
		{"up to 30,000 troops", "up to 30,000", 0, 30000, false, true, false, true},
		{"at least 12 dead", "at least 12", 12, 0, true, false, true, false},
		{"more than 200 drones", "more than 200", 200, 0, true, false, false, false},
		{"500 or more", "500 or more", 500, 0, true, false, true, false},
	}
	for _, tt := range tests {
		var sc Scanner
		sc.Mode.Ordinals = true
		rs := sc.Ranges(sc.Scan(tt.in))
		if len(rs) != 1 {
			t.Errorf("%q: got %d ranges %+v", tt.in, len(rs), rs)
			continue
		}
		r := rs[0]
		if got := tt.in[r.Start:r.End]; got != tt.text || r.HasMin != tt.hasMin || r.HasMax != tt.hasMax || r.HasMin && (r.Min != tt.min || r.MinIncl != tt.minIncl) || r.HasMax && (r.Max != tt.max || r.MaxIncl != tt.maxIncl) {
			t.Errorf("%q: got %q %+v", tt.in, got, r)
		}
	}
}

func TestPercentsAndMoney(t *testing.T) {
	for _, tt := range []struct {
		in, text string
		val      float64
	}{{"up 40% on", "40%", 40}, {"40 percent of", "40 percent", 40}, {"40 per cent", "40 per cent", 40}} {
		var sc Scanner
		ps := sc.Percents(sc.Scan(tt.in))
		if len(ps) != 1 || tt.in[ps[0].Start:ps[0].End] != tt.text || ps[0].Value != tt.val {
			t.Errorf("%q: got %+v", tt.in, ps)
		}
	}
	for _, tt := range []struct {
		in, text, cur string
		val           float64
	}{
		{"a $2.3bn deal", "$2.3bn", "USD", 2.3e9},
		{"€5 million", "€5 million", "EUR", 5e6},
		{"£300", "£300", "GBP", 300},
		{"11 trillion won", "11 trillion won", "KRW", 11e12},
		{"40 million dollars", "40 million dollars", "USD", 4e7},
		{"USD 350", "USD 350", "USD", 350},
	} {
		var sc Scanner
		ms := sc.Money(sc.Scan(tt.in))
		if len(ms) != 1 || tt.in[ms[0].Start:ms[0].End] != tt.text || ms[0].Value != tt.val || ms[0].Currency != tt.cur {
			t.Errorf("%q: got %+v", tt.in, ms)
		}
	}
}

// FuzzScan checks that every number, range and figure lies in bounds.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"11,000 troops", "between 10 and 12", "two-thirds", "$2.3bn", "1 234 567.89", "a hundred and a half million", "--1^--2", "½", "1.2.3,4", "€", "one one hundred fifth"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var sc Scanner
		sc.Mode = Mode{Ordinals: true, Vague: true, Loose: true}
		nums := sc.Scan(s)
		for _, n := range nums {
			if n.Start < 0 || n.Start > n.End || n.End > len(s) || n.Glued > len(s) {
				t.Fatalf("%q: bad number span %+v", s, n)
			}
		}
		for _, r := range sc.Ranges(nums) {
			if r.Start < 0 || r.Start > r.End || r.End > len(s) {
				t.Fatalf("%q: bad range span %+v", s, r)
			}
		}
		for _, m := range sc.Money(nums) {
			if m.Start < 0 || m.Start > m.End || m.End > len(s) {
				t.Fatalf("%q: bad money span %+v", s, m)
			}
		}
	})
}

// FuzzExtract checks that figures lie in bounds and slice back to their text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"An estimated 11,000 North Korean troops arrived.",
		"Up to 30,000 additional troops; between 10,000 and 12,000 soldiers.",
		"Dozens of civilians were killed on August 28, 2024.",
		"Exports fell 40 per cent to $2.3bn.",
		"a few hundred - two-thirds, 3/4 ... 1e10 % $",
		"The agency puts the death toll at more than 90; the toll rose from 80 to 112 and passed 120.",
		"Some 700 were forced from their homes and 40 remain missing at 11-3/4 pct.",
		"up to up to the toll up to 5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		for _, q := range Extract(doc, Options{}) {
			if q.Start < 0 || q.Start > q.End || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("%q: bad figure %+v", s, q)
			}
			if q.Sentence < 0 || q.Sentence >= len(doc.Sentences) {
				t.Fatalf("%q: bad sentence %d", s, q.Sentence)
			}
		}
	})
}
