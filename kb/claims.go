package kb

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

// Figure is one report of a measure: a figure with who gave it and when.
type Figure struct {
	Value       *float64 `json:"value"`
	Min         *float64 `json:"min"`
	Max         *float64 `json:"max"`
	Approximate bool     `json:"approximate"`
	Text        string   `json:"text"`
	Modality    string   `json:"modality"`
	GivenBy     string   `json:"given_by"` // the source of the figure as written, "" when the article states it
	Source      Source   `json:"source"`
}

// Claim is one measure (what is counted, whose) reported by one or more
// sources, over time, with the contradictions between them.
type Claim struct {
	Measure  string   `json:"measure"` // "casualties: killed", "personnel: troops (North Korea)"
	Category string   `json:"category"`
	Unit     string   `json:"unit"`
	Entity   string   `json:"entity"`  // whose, by name
	Frame    string   `json:"frame"`   // what the figure is of: the lemma of its event ("pledge"), "" when none
	Figures  []Figure `json:"figures"` // oldest report first
	// Contradictions pair figures from different sources, reported within
	// a few days of each other, whose ranges do not overlap even allowing
	// for approximation.
	Contradictions []Contradiction `json:"contradictions"`
	Sources        int             `json:"sources"` // distinct givers (or outlets) of the figure
}

// Contradiction names two figures of a Claim (indexes into Figures) that
// disagree.
type Contradiction struct {
	A, B int    `json:"-"`
	Note string `json:"note"`
}

// Latest returns the claim's current figure: of those reported on the
// newest date, the first one a named source gives (else the first).
func (c Claim) Latest() Figure {
	newest := c.Figures[len(c.Figures)-1].Source.Published
	best := -1
	for i, f := range c.Figures {
		if f.Source.Published != newest {
			continue
		}
		if best < 0 || c.Figures[best].GivenBy == "" && f.GivenBy != "" {
			best = i
		}
	}
	return c.Figures[best]
}

// Compare groups figures into claims by measure and flags contradictions.
// Claims with the most sources come first.
//
// A measure is what is counted (category and unit), whose, and — outside
// casualties, whose units already say what happened — what the figure is a
// figure of: the event nearest to it in its sentence ("pledged $120
// million" and "asked for $300 million" are different measures). evs are
// the events of the same documents; nil compares by unit alone.
func Compare(qs []sitrep.StoredQuantity, evs []sitrep.StoredEvent) []Claim {
	frames := frameIndex(evs)
	groups := map[string]*Claim{}
	var order []string
	sorted := append([]sitrep.StoredQuantity(nil), qs...)
	// A total order, so every store gives the same claims.
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := &sorted[i], &sorted[j]
		if da, db := docDate(a.Published, a.DCT), docDate(b.Published, b.DCT); da != db {
			return da < db
		}
		if a.DocumentID != b.DocumentID {
			return a.DocumentID < b.DocumentID
		}
		return a.Start < b.Start
	})
	for _, q := range sorted {
		if q.Unit == "" || (q.Value == nil && q.Min == nil && q.Max == nil) {
			continue
		}
		ent := q.EntityName
		unit := canonicalUnit(q.Category, q.Unit)
		frame := frames.of(q)
		switch q.Category {
		case "casualties", "displacement":
			// The unit already says what happened; only a cause of another
			// kind (an epidemic's deaths beside a storm's) makes a separate
			// measure.
			if frame != "outbreak" {
				frame = ""
			}
		}
		k := strings.ToLower(q.Category + "|" + unit + "|" + key(q.EntityKB, ent) + "|" + frame)
		c := groups[k]
		if c == nil {
			m := unit
			if q.Category != "" {
				m = q.Category + ": " + unit
			}
			if frame != "" {
				m += ", " + frame
			}
			if ent != "" {
				m += " (" + ent + ")"
			}
			c = &Claim{Measure: m, Category: q.Category, Unit: unit, Entity: ent, Frame: frame}
			groups[k] = c
			order = append(order, k)
		}
		c.Figures = append(c.Figures, Figure{
			Value: q.Value, Min: q.Min, Max: q.Max, Approximate: q.Approximate, Text: q.Text,
			Modality: q.Modality, GivenBy: q.Source,
			Source: Source{Document: q.DocumentID, Title: q.Title, URL: q.URL, Site: q.Site,
				Published: docDate(q.Published, q.DCT), Sentence: q.SentenceText},
		})
	}
	out := make([]Claim, 0, len(order))
	for _, k := range order {
		c := groups[k]
		givers := map[string]bool{}
		for _, f := range c.Figures {
			givers[giver(f)] = true
		}
		c.Sources = len(givers)
		c.Contradictions = contradictions(c.Figures)
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Sources != out[j].Sources {
			return out[i].Sources > out[j].Sources
		}
		if len(out[i].Figures) != len(out[j].Figures) {
			return len(out[i].Figures) > len(out[j].Figures)
		}
		return out[i].Measure < out[j].Measure
	})
	return out
}

// canonicalUnit merges the ways news words one casualty measure: the dead
// ("killed", "dead", "died", "deaths", "death toll", "fatalities") and the
// wounded ("wounded", "injured", "injuries").
func canonicalUnit(category, unit string) string {
	if category != "casualties" {
		return unit
	}
	switch strings.ToLower(unit) {
	case "killed", "dead", "died", "death toll", "toll", "fatalities", "lives":
		// "deaths" stays apart: it counts deaths from disease and other
		// causes as often as a toll of violence or disaster.
		return "killed"
	case "wounded", "injured", "injuries", "hurt", "wounds":
		return "wounded"
	}
	return unit
}

// frames finds, for a figure, the event it belongs to.
type frames map[string][]sitrep.StoredEvent // by document id + sentence index

func frameIndex(evs []sitrep.StoredEvent) frames {
	f := frames{}
	for _, e := range evs {
		k := e.DocumentID + "#" + strconv.Itoa(e.Sentence)
		f[k] = append(f[k], e)
	}
	return f
}

// of returns the lemma of the event trigger nearest to q in its sentence,
// preferring one after the figure's start within a few words (the verb or
// noun it is the object or subject of).
func (f frames) of(q sitrep.StoredQuantity) string {
	best, bestDist := "", 1<<30
	for _, e := range f[q.DocumentID+"#"+strconv.Itoa(q.Sentence)] {
		if e.Type == "statement" {
			continue
		}
		d := 0
		switch {
		case e.End <= q.Start:
			d = q.Start - e.End
		case e.Start >= q.End:
			d = e.Start - q.End
		}
		if d < bestDist {
			// The event type groups synonyms ("sent troops", "deployed
			// troops"); untyped events keep their lemma.
			best, bestDist = e.Type, d
			if best == "" || best == "other" {
				best = e.Lemma
			}
		}
	}
	if bestDist > 80 {
		return ""
	}
	return best
}

// giver is who stands behind a figure: the attributed source, else the
// outlet.
func giver(f Figure) string {
	if f.GivenBy != "" {
		return strings.ToLower(f.GivenBy)
	}
	if f.Source.Site != "" {
		return strings.ToLower(f.Source.Site)
	}
	return f.Source.Document
}

// bounds returns the interval a figure allows: its range, or its value
// widened by 10% when approximate.
func bounds(f Figure) (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if f.Value != nil {
		lo, hi = *f.Value, *f.Value
		if f.Approximate {
			lo, hi = lo*0.9, hi*1.1
		}
	}
	if f.Min != nil {
		lo = *f.Min
		if f.Value == nil && f.Max == nil {
			hi = math.Inf(1)
		}
	}
	if f.Max != nil {
		hi = *f.Max
		if f.Value == nil && f.Min == nil {
			lo = 0
		}
	}
	return lo, hi
}

// contradictionWindow is how close two reports must be to be compared as
// claims about the same moment rather than a figure changing over time.
const contradictionWindow = 3 * 24 * time.Hour

func contradictions(fs []Figure) []Contradiction {
	out := []Contradiction{}
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			a, b := fs[i], fs[j]
			// One source does not contradict itself. Within one article,
			// only figures that two named sources give conflict ("the
			// government says 171; the Red Cross more than 200"): the
			// article's own two figures are more likely two measures.
			if giver(a) == giver(b) {
				continue
			}
			if a.Source.Document == b.Source.Document && (a.GivenBy == "" || b.GivenBy == "") {
				continue
			}
			ta, ok1 := parseDay(a.Source.Published)
			tb, ok2 := parseDay(b.Source.Published)
			if !ok1 || !ok2 || absDur(tb.Sub(ta)) > contradictionWindow {
				continue
			}
			alo, ahi := bounds(a)
			blo, bhi := bounds(b)
			if ahi < blo || bhi < alo {
				out = append(out, Contradiction{A: i, B: j, Note: fmt.Sprintf("%s says %s; %s says %s",
					who(a), a.Text, who(b), b.Text)})
			}
		}
	}
	return out
}

func who(f Figure) string {
	if f.GivenBy != "" {
		return f.GivenBy
	}
	if f.Source.Site != "" {
		return f.Source.Site
	}
	return "the article"
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func parseDay(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	return t, err == nil
}
