package web

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// The article view shows a document's text with every annotation
// highlighted, in the manner of brat or displaCy. Annotations nest and
// overlap (a quote holds entities, dates and figures), so the text is cut at
// every annotation boundary and each segment carries the classes of all
// the annotations that cover it; a small label follows the last segment of
// each annotation. Every string reaches the page through html/template.

// ann is one annotation over [start, end).
type ann struct {
	start, end int
	kind       string // date, ent, quote, source, cue, fig, event
	class      string
	title      string
	href       string
	label      string
}

// seg is a run of text covered by the same annotations.
type seg struct {
	Text   string
	Class  string
	Title  string
	Href   string
	Labels []segLabel
}

type segLabel struct {
	Class string
	Text  string
}

// block is a paragraph of the article.
type block struct {
	Kind string // text, heading, chrome
	Segs []seg
}

// article is the template data of an annotated article.
type article struct {
	Doc      sitrep.Document
	Blocks   []block
	Stored   bool // entity links lead to the store's entity pages
	Counts   map[string]int
	Entities []sitrep.Entity
	Timexes  []sitrep.Timex
	Events   []eventRow
	Quotes   []quoteRow
	Figures  []sitrep.Quantity
}

type eventRow struct {
	Type, Summary, When, Modality string
}

type quoteRow struct {
	Speaker, Kind, Text, Cue string
}

var entityLabels = map[string]string{
	sitrep.EntityPerson: "PER", sitrep.EntityOrg: "ORG", sitrep.EntityGPE: "GPE", sitrep.EntityLoc: "LOC",
	sitrep.EntityFac: "FAC", sitrep.EntityNORP: "NORP", sitrep.EntityEvent: "EVT", sitrep.EntityMisc: "MISC",
}

// articleOf builds the annotated view of an analysis. stored says whether
// entity names link to the store's entity pages.
func articleOf(an *sitrep.Analysis, stored bool) article {
	text := an.Document.Text
	a := article{Doc: an.Document, Stored: stored, Counts: map[string]int{}}
	a.Doc.Text = ""
	names := map[string]string{}
	for _, e := range an.Entities {
		names[e.ID] = e.Name
	}
	var anns []ann
	add := func(x ann) {
		if x.start < 0 || x.end > len(text) || x.start >= x.end {
			return
		}
		anns = append(anns, x)
		a.Counts[x.kind]++
	}
	for _, t := range an.Timexes {
		title := fmt.Sprintf("%s %s", t.Type, t.Value)
		if t.Mod != "" {
			title += " (" + t.Mod + ")"
		}
		if t.Earliest != "" && t.Earliest != t.Value {
			title += fmt.Sprintf(" · between %s and %s", t.Earliest, t.Latest)
		}
		if t.Derivation != "" {
			title += " · " + t.Derivation
		}
		add(ann{start: t.Start, end: t.End, kind: "date", class: "a-date", title: title, label: t.Value})
	}
	for _, e := range an.Entities {
		href := ""
		if stored {
			href = entityURL(e.Name)
		}
		title := fmt.Sprintf("%s · %s", e.Name, e.Type)
		if len(e.Roles) > 0 {
			title += " · " + strings.Join(e.Roles, ", ")
		}
		if e.KB != "" {
			title += " · " + e.KB
		}
		for _, m := range e.Mentions {
			add(ann{start: m.Start, end: m.End, kind: "ent", class: "a-ent a-" + strings.ToLower(e.Type), title: title, href: href, label: entityLabels[e.Type]})
		}
	}
	for _, q := range an.Quotes {
		speaker := names[q.Speaker]
		if speaker == "" {
			speaker = q.Source.Text
		}
		title := fmt.Sprintf("%s quote", q.Kind)
		if speaker != "" {
			title += " · " + speaker
		}
		if q.Cue.Text != "" {
			title += " (" + q.Cue.Text + ")"
		}
		label := "quote"
		if speaker != "" {
			label = "— " + speaker
		}
		add(ann{start: q.Start, end: q.End, kind: "quote", class: "a-quote a-" + q.Kind, title: title, label: label})
		if q.Source.End > q.Source.Start {
			add(ann{start: q.Source.Start, end: q.Source.End, kind: "source", class: "a-source", title: "source of a " + q.Kind + " quote"})
		}
		if q.Cue.End > q.Cue.Start {
			add(ann{start: q.Cue.Start, end: q.Cue.End, kind: "cue", class: "a-cue", title: "reporting words"})
		}
		a.Quotes = append(a.Quotes, quoteRow{Speaker: speaker, Kind: q.Kind, Text: q.Text, Cue: q.Cue.Text})
	}
	for _, f := range an.Quantities {
		v := figureValue(f.Value, f.Min, f.Max)
		title := strings.TrimSpace(fmt.Sprintf("%s %s", v, f.Unit))
		if f.Category != "" {
			title += " · " + f.Category
		}
		if f.Entity != "" && names[f.Entity] != "" {
			title += " · of " + names[f.Entity]
		}
		if f.Source != "" {
			title += " · according to " + f.Source
		}
		if f.Modality != "" && f.Modality != sitrep.ModalityAsserted {
			title += " · " + f.Modality
		}
		add(ann{start: f.Start, end: f.End, kind: "fig", class: "a-fig", title: title, label: strings.TrimSpace(v + " " + f.Unit)})
		a.Figures = append(a.Figures, f)
	}
	for _, e := range an.Events {
		when := e.Time.Value
		if when == "" && e.Time.Earliest != "" {
			when = e.Time.Earliest + "/" + e.Time.Latest
		}
		title := e.Type
		if e.Summary != "" {
			title += ": " + e.Summary
		}
		if when != "" {
			title += " · " + when
		}
		if e.Modality != "" && e.Modality != sitrep.ModalityAsserted {
			title += " · " + e.Modality
		}
		add(ann{start: e.Start, end: e.End, kind: "event", class: "a-event a-mod-" + e.Modality, title: title, label: e.Type})
		summary := e.Summary
		if summary == "" {
			summary = e.Text
		}
		a.Events = append(a.Events, eventRow{Type: e.Type, Summary: summary, When: when, Modality: modalityLabel(e.Modality)})
	}
	a.Entities = append([]sitrep.Entity(nil), an.Entities...)
	sort.SliceStable(a.Entities, func(i, j int) bool { return len(a.Entities[i].Mentions) > len(a.Entities[j].Mentions) })
	a.Timexes = an.Timexes

	paras := an.Paragraphs
	if len(paras) == 0 {
		paras = splitParagraphs(text)
	}
	a.Blocks = segment(text, paras, anns)
	return a
}

// splitParagraphs cuts text at blank lines, for analyses without
// paragraphs.
func splitParagraphs(text string) []sitrep.Paragraph {
	var out []sitrep.Paragraph
	start := 0
	for start < len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, sitrep.Paragraph{Start: start, End: end, Kind: sitrep.ParagraphText})
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return out
}

// segment cuts each paragraph at every annotation boundary inside it.
func segment(text string, paras []sitrep.Paragraph, anns []ann) []block {
	// Outer annotations first, so classes and labels nest predictably.
	sort.SliceStable(anns, func(i, j int) bool {
		if anns[i].start != anns[j].start {
			return anns[i].start < anns[j].start
		}
		return anns[i].end > anns[j].end
	})
	var out []block
	next := 0 // first annotation not yet activated
	var active []int
	for _, p := range paras {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			continue
		}
		b := block{Kind: p.Kind}
		// Cut points inside this paragraph.
		points := []int{p.Start, p.End}
		for _, i := range active {
			if anns[i].end > p.Start && anns[i].end < p.End {
				points = append(points, anns[i].end)
			}
		}
		for j := next; j < len(anns) && anns[j].start < p.End; j++ {
			for _, x := range []int{anns[j].start, anns[j].end} {
				if x > p.Start && x < p.End {
					points = append(points, x)
				}
			}
		}
		sort.Ints(points)
		for k := 0; k+1 < len(points); k++ {
			from, to := points[k], points[k+1]
			if from == to {
				continue
			}
			for next < len(anns) && anns[next].start <= from {
				active = append(active, next)
				next++
			}
			kept := active[:0]
			for _, i := range active {
				if anns[i].end > from {
					kept = append(kept, i)
				}
			}
			active = kept
			sg := seg{Text: text[from:to]}
			var classes, titles []string
			hrefLen := 0
			for _, i := range active {
				x := &anns[i]
				if x.start > from {
					continue // starts later (sorted by start, so not yet)
				}
				classes = append(classes, x.class)
				titles = append(titles, x.title)
				if x.href != "" && (sg.Href == "" || x.end-x.start < hrefLen) {
					sg.Href, hrefLen = x.href, x.end-x.start
				}
			}
			// Labels of the annotations ending here, innermost first.
			for n := len(active) - 1; n >= 0; n-- {
				x := &anns[active[n]]
				if x.end == to && x.label != "" {
					sg.Labels = append(sg.Labels, segLabel{Class: "l-" + x.kind, Text: x.label})
				}
			}
			sg.Class = strings.Join(uniq(classes), " ")
			sg.Title = strings.Join(uniq(titles), "\n")
			b.Segs = append(b.Segs, sg)
		}
		if b.Kind == sitrep.ParagraphHeading {
			b.Segs = dimMarkup(b.Segs)
		}
		out = append(out, b)
	}
	return out
}

// dimMarkup sets Markdown heading markers ("## ", "**") at the ends of an
// unannotated heading apart, so they can be shown faint; the text itself
// is unchanged.
func dimMarkup(segs []seg) []seg {
	const marks = "#* \t"
	if len(segs) > 0 && segs[0].Class == "" {
		t := segs[0].Text
		if n := len(t) - len(strings.TrimLeft(t, marks)); n > 0 && n < len(t) {
			segs = append([]seg{{Text: t[:n], Class: "md"}, {Text: t[n:]}}, segs[1:]...)
		}
	}
	if last := len(segs) - 1; last >= 0 && segs[last].Class == "" && len(segs[last].Labels) == 0 {
		t := segs[last].Text
		if n := len(t) - len(strings.TrimRight(t, marks)); n > 0 && n < len(t) {
			segs = append(segs[:last], seg{Text: t[:len(t)-n]}, seg{Text: t[len(t)-n:], Class: "md"})
		}
	}
	return segs
}

func uniq(xs []string) []string {
	out := xs[:0]
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// figureValue renders a figure's value or range.
func figureValue(v, lo, hi *float64) string {
	switch {
	case v != nil:
		return formatNumber(*v)
	case lo != nil && hi != nil:
		return formatNumber(*lo) + "–" + formatNumber(*hi)
	case lo != nil:
		return "≥" + formatNumber(*lo)
	case hi != nil:
		return "≤" + formatNumber(*hi)
	}
	return "?"
}

// formatNumber renders 12000 as "12,000" and 1.5e9 as "1.5bn".
func formatNumber(v float64) string {
	abs := v
	if abs < 0 {
		abs = -abs
	}
	switch {
	case abs >= 1e9:
		return trimFloat(v/1e9) + "bn"
	case abs >= 1e6:
		return trimFloat(v/1e6) + "m"
	}
	if v == float64(int64(v)) {
		s := strconv.FormatInt(int64(v), 10)
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		if neg {
			return "-" + b.String()
		}
		return b.String()
	}
	return trimFloat(v)
}

func trimFloat(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
