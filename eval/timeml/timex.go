package timeml

import (
	"fmt"
	"io"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

// TimexScore is the TempEval-3 timex score of a system over documents:
// extents matched strictly (identical) and relaxed (overlapping), P/R/F1
// micro-averaged over all files, type and value accuracy over the relaxed
// matches, and value F1 = relaxed F1 x value accuracy. The DCT is not
// scored.
type TimexScore struct {
	Gold, System              int
	StrictSys, StrictGold     int // system (gold) timexes with an identical partner
	RelaxedSys, RelaxedGold   int // system (gold) timexes with an overlapping partner
	TypeCorrect, ValueCorrect int // over relaxed-matched gold timexes
	// ByType counts, per gold type, the relaxed matches and those with the
	// right value: where the value errors are
	ByType map[string]*TypeCount
	Errors []TimexError
}

// TypeCount is the relaxed matches of one gold type and how many of them
// have the right value.
type TypeCount struct{ Matched, ValueCorrect int }

// TimexError is one disagreement: a missed gold timex, a spurious system
// one, or a matched pair with different extent, type or value.
type TimexError struct {
	Doc       string
	Kind      string // "missed", "spurious", "extent", "type", "value"
	Gold, Sys string // "text TYPE value" of each side
	Context   string // the surrounding text
}

func prf(tp1, sys, tp2, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(tp1) / float64(sys)
	}
	if gold > 0 {
		r = float64(tp2) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Strict returns strict precision, recall and F1.
func (s *TimexScore) Strict() (p, r, f float64) {
	return prf(s.StrictSys, s.System, s.StrictGold, s.Gold)
}

// Relaxed returns relaxed precision, recall and F1.
func (s *TimexScore) Relaxed() (p, r, f float64) {
	return prf(s.RelaxedSys, s.System, s.RelaxedGold, s.Gold)
}

// TypeAccuracy is the share of relaxed matches with the right type.
func (s *TimexScore) TypeAccuracy() float64 { return ratio(s.TypeCorrect, s.RelaxedGold) }

// ValueAccuracy is the share of relaxed matches with the right value.
func (s *TimexScore) ValueAccuracy() float64 { return ratio(s.ValueCorrect, s.RelaxedGold) }

// ValueF1 is relaxed F1 times value accuracy, as TempEval-3 ranks systems.
func (s *TimexScore) ValueF1() float64 { _, _, f := s.Relaxed(); return f * s.ValueAccuracy() }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// DCTTime parses the document creation time of d (its first ten
// characters, YYYY-MM-DD); zero when absent or malformed.
func (d *Doc) DCTTime() time.Time {
	if len(d.DCT) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", d.DCT[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}

// ScoreTimexes runs tag on every document and scores the result.
func ScoreTimexes(docs []*Doc, tag func(*Doc) []sitrep.Timex) *TimexScore {
	s := &TimexScore{}
	for _, d := range docs {
		s.Add(d, tag(d))
	}
	return s
}

// Add scores the system timexes sys of one document.
func (s *TimexScore) Add(d *Doc, sys []sitrep.Timex) {
	gold := d.Timexes
	s.Gold += len(gold)
	s.System += len(sys)
	name := d.DocID
	if name == "" {
		name = d.Path
	}
	ctx := func(a, b int) string {
		lo, hi := max(0, a-40), min(len(d.Text), b+40)
		return d.Text[lo:a] + "[" + d.Text[a:b] + "]" + d.Text[b:hi]
	}
	for _, x := range sys {
		strict, relaxed := false, false
		for _, g := range gold {
			if x.Start < g.End && g.Start < x.End {
				relaxed = true
				if x.Start == g.Start && x.End == g.End {
					strict = true
				}
			}
		}
		if strict {
			s.StrictSys++
		}
		if relaxed {
			s.RelaxedSys++
		} else {
			s.Errors = append(s.Errors, TimexError{Doc: name, Kind: "spurious", Sys: desc(x.Text, x.Type, x.Value), Context: ctx(x.Start, x.End)})
		}
	}
	for _, g := range gold {
		var best *sitrep.Timex
		for k := range sys {
			x := &sys[k]
			if x.Start < g.End && g.Start < x.End {
				if best == nil || x.Start == g.Start && x.End == g.End {
					best = x
				}
			}
		}
		if best == nil {
			s.Errors = append(s.Errors, TimexError{Doc: name, Kind: "missed", Gold: desc(g.Text, g.Type, g.Value), Context: ctx(g.Start, g.End)})
			continue
		}
		s.RelaxedGold++
		if best.Start == g.Start && best.End == g.End {
			s.StrictGold++
		} else {
			s.Errors = append(s.Errors, TimexError{Doc: name, Kind: "extent", Gold: desc(g.Text, g.Type, g.Value), Sys: desc(best.Text, best.Type, best.Value), Context: ctx(g.Start, g.End)})
		}
		if best.Type == g.Type {
			s.TypeCorrect++
		} else {
			s.Errors = append(s.Errors, TimexError{Doc: name, Kind: "type", Gold: desc(g.Text, g.Type, g.Value), Sys: desc(best.Text, best.Type, best.Value), Context: ctx(g.Start, g.End)})
		}
		if s.ByType == nil {
			s.ByType = map[string]*TypeCount{}
		}
		tc := s.ByType[g.Type]
		if tc == nil {
			tc = &TypeCount{}
			s.ByType[g.Type] = tc
		}
		tc.Matched++
		if best.Value == g.Value {
			tc.ValueCorrect++
			s.ValueCorrect++
		} else {
			s.Errors = append(s.Errors, TimexError{Doc: name, Kind: "value", Gold: desc(g.Text, g.Type, g.Value), Sys: desc(best.Text, best.Type, best.Value) + " {" + best.Derivation + "} DCT " + d.DCT, Context: ctx(g.Start, g.End)})
		}
	}
}

func desc(text, typ, val string) string { return fmt.Sprintf("%q %s %s", text, typ, val) }

// Report writes the scores as a small table.
func (s *TimexScore) Report(w io.Writer) {
	sp, sr, sf := s.Strict()
	rp, rr, rf := s.Relaxed()
	fmt.Fprintf(w, "timexes: gold %d, system %d\n", s.Gold, s.System)
	fmt.Fprintf(w, "strict   P %.3f  R %.3f  F1 %.3f\n", sp, sr, sf)
	fmt.Fprintf(w, "relaxed  P %.3f  R %.3f  F1 %.3f\n", rp, rr, rf)
	fmt.Fprintf(w, "type accuracy  %.3f\nvalue accuracy %.3f\nvalue F1       %.3f\n", s.TypeAccuracy(), s.ValueAccuracy(), s.ValueF1())
	for _, typ := range []string{sitrep.TimexDate, sitrep.TimexTime, sitrep.TimexDuration, sitrep.TimexSet} {
		if tc := s.ByType[typ]; tc != nil {
			fmt.Fprintf(w, "  %-8s value accuracy %.3f (%d of %d matched)\n", typ, ratio(tc.ValueCorrect, tc.Matched), tc.ValueCorrect, tc.Matched)
		}
	}
}
