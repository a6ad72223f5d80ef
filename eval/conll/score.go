package conll

import (
	"fmt"
	"io"
	"sort"

	sitrep "github.com/sitrep-news/sitrep"
)

// Counts are the phrase counts of one type.
type Counts struct {
	Gold, Pred, Correct int
}

// P, R and F1 are conlleval's precision, recall and F1 (0 when undefined).
func (c Counts) P() float64 { return ratio(c.Correct, c.Pred) }
func (c Counts) R() float64 { return ratio(c.Correct, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score accumulates phrase counts per type and overall.
type Score struct {
	Types map[string]*Counts
	Total Counts
}

// NewScore returns an empty score.
func NewScore() *Score { return &Score{Types: map[string]*Counts{}} }

func (s *Score) typ(t string) *Counts {
	c := s.Types[t]
	if c == nil {
		c = &Counts{}
		s.Types[t] = c
	}
	return c
}

// Add scores the predicted phrases of one sentence against the gold ones.
func (s *Score) Add(gold, pred []Chunk) {
	g := make(map[Chunk]bool, len(gold))
	for _, c := range gold {
		g[c] = true
		s.typ(c.Type).Gold++
		s.Total.Gold++
	}
	for _, c := range pred {
		s.typ(c.Type).Pred++
		s.Total.Pred++
		if g[c] {
			s.typ(c.Type).Correct++
			s.Total.Correct++
		}
	}
}

// Report writes a per-type and overall table.
func (s *Score) Report(w io.Writer) {
	types := make([]string, 0, len(s.Types))
	for t := range s.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "%-8s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-8s %6d %6d %6d %7.4f %7.4f %7.4f\n", name, c.Gold, c.Pred, c.Correct, c.P(), c.R(), c.F1())
	}
	for _, t := range types {
		row(t, *s.Types[t])
	}
	row("overall", s.Total)
}

// TypeOf maps a sitrep entity type to its CoNLL-2003 type: PERSON to PER,
// ORG to ORG, GPE, LOC and FAC to LOC, NORP, EVENT and MISC to MISC.
func TypeOf(entityType string) string {
	switch entityType {
	case sitrep.EntityPerson:
		return "PER"
	case sitrep.EntityOrg:
		return "ORG"
	case sitrep.EntityGPE, sitrep.EntityLoc, sitrep.EntityFac:
		return "LOC"
	}
	return "MISC"
}
