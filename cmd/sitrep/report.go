package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

// writeReport prints an analysis as a short brief of the one article: its
// timeline, its figures, its quotes and who is in it.
func writeReport(w io.Writer, an *sitrep.Analysis) {
	d := an.Document
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "%s\n", title)
	var meta []string
	if d.Site != "" {
		meta = append(meta, d.Site)
	}
	if d.URL != "" {
		meta = append(meta, d.URL)
	}
	switch d.DCTSource {
	case sitrep.DCTNone, "":
		meta = append(meta, "date unknown")
	default:
		meta = append(meta, fmt.Sprintf("dated %s (from %s)", d.DCT, d.DCTSource))
	}
	meta = append(meta, fmt.Sprintf("%d sentences", len(an.Sentences)))
	fmt.Fprintf(w, "%s\n", strings.Join(meta, " · "))

	ents := make(map[string]*sitrep.Entity, len(an.Entities))
	for i := range an.Entities {
		ents[an.Entities[i].ID] = &an.Entities[i]
	}
	name := func(id string) string {
		if e, ok := ents[id]; ok {
			return e.Name
		}
		return ""
	}

	if len(an.Events) > 0 {
		fmt.Fprintf(w, "\nTIMELINE\n")
		evs := append([]sitrep.Event(nil), an.Events...)
		key := func(t sitrep.EventTime) string {
			if strings.HasPrefix(t.Derivation, "dct") {
				return t.Latest // known only to have happened by the article's date
			}
			return t.Earliest
		}
		sort.SliceStable(evs, func(i, j int) bool {
			a, b := key(evs[i].Time), key(evs[j].Time)
			if (a == "") != (b == "") {
				return a != ""
			}
			if a != b {
				return a < b
			}
			return evs[i].Start < evs[j].Start
		})
		for _, e := range evs {
			when := e.Time.Value
			switch {
			case e.Time.Latest == "" && e.Time.Earliest != "":
				when = "after " + e.Time.Earliest
			case e.Time.Latest != "" && (when == "" || strings.HasPrefix(e.Time.Derivation, "dct") || strings.HasSuffix(when, "_REF")):
				when = "by " + e.Time.Latest
			case when == "":
				when = "undated"
			case !strings.HasPrefix(e.Time.Derivation, "explicit") && e.Time.Earliest != e.Time.Latest:
				when = "≈" + when
			}
			what := e.Summary
			if what == "" {
				what = fmt.Sprintf("%s (%s)", e.Text, e.Type)
			}
			line := fmt.Sprintf("  %-14s %s", when, what)
			var extra []string
			if a := name(e.Actor); a != "" {
				extra = append(extra, "who: "+a)
			}
			if l := name(e.Location); l != "" {
				extra = append(extra, "where: "+l)
			}
			if e.Modality != "" && e.Modality != sitrep.ModalityAsserted {
				extra = append(extra, e.Modality)
			}
			if e.Source != "" {
				extra = append(extra, "per "+e.Source)
			}
			if d := e.Time.Derivation; d != "" && d != "dct" && !strings.HasPrefix(d, "explicit") {
				extra = append(extra, "dated by "+d)
			}
			if len(extra) > 0 {
				line += "  [" + strings.Join(extra, "; ") + "]"
			}
			fmt.Fprintln(w, line)
		}
	}

	if len(an.Quantities) > 0 {
		fmt.Fprintf(w, "\nFIGURES\n")
		for _, q := range an.Quantities {
			line := fmt.Sprintf("  %-28s %s", quantityValue(q), q.Unit)
			var extra []string
			if q.Category != "" {
				extra = append(extra, q.Category)
			}
			if n := name(q.Entity); n != "" {
				extra = append(extra, "whose: "+n)
			}
			if q.Modality != "" && q.Modality != sitrep.ModalityAsserted {
				extra = append(extra, q.Modality)
			}
			if q.Source != "" {
				extra = append(extra, "per "+q.Source)
			}
			if len(extra) > 0 {
				line += "  [" + strings.Join(extra, "; ") + "]"
			}
			fmt.Fprintf(w, "%s\n      %q\n", line, q.Text)
		}
	}

	if len(an.Quotes) > 0 {
		fmt.Fprintf(w, "\nQUOTES AND CLAIMS\n")
		for _, q := range an.Quotes {
			who := q.Source.Text
			if n := name(q.Speaker); n != "" && !strings.Contains(who, n) {
				who = fmt.Sprintf("%s (%s)", who, n)
			}
			if who == "" {
				who = "(unattributed)"
			}
			var ctx []string
			if q.Addressee != "" {
				ctx = append(ctx, "to "+q.Addressee)
			}
			if q.Venue != "" {
				ctx = append(ctx, q.Venue)
			}
			c := ""
			if len(ctx) > 0 {
				c = " " + strings.Join(ctx, ", ")
			}
			fmt.Fprintf(w, "  %s %s%s (%s): %s\n", who, q.Cue.Text, c, q.Kind, clip(q.Text, 240))
		}
	}

	if len(an.Timexes) > 0 {
		fmt.Fprintf(w, "\nDATES\n")
		for _, t := range an.Timexes {
			v := t.Value
			if t.Mod != "" {
				v += " " + t.Mod
			}
			bounds := ""
			if t.Earliest != "" {
				bounds = fmt.Sprintf("  [%s … %s]", t.Earliest, t.Latest)
			}
			fmt.Fprintf(w, "  %-28q %-9s %s%s\n", t.Text, t.Type, v, bounds)
		}
	}

	if len(an.Entities) > 0 {
		fmt.Fprintf(w, "\nWHO AND WHERE\n")
		for _, e := range an.Entities {
			seen := map[string]bool{}
			var forms []string
			for _, m := range e.Mentions {
				if !seen[m.Text] {
					seen[m.Text] = true
					forms = append(forms, m.Text)
				}
			}
			kb := ""
			if e.KB != "" {
				kb = " " + e.KB
			}
			roles := ""
			if len(e.Roles) > 0 {
				roles = " — " + strings.Join(e.Roles, ", ")
			}
			fmt.Fprintf(w, "  %-7s %s%s%s  (%d× : %s)\n", e.Type, e.Name, kb, roles, len(e.Mentions), strings.Join(forms, ", "))
		}
	}
}

func quantityValue(q sitrep.Quantity) string {
	f := func(p *float64) string { return kb.FormatAmount(*p, q.Unit) }
	var s string
	switch {
	case q.Min != nil && q.Max != nil:
		s = f(q.Min) + "–" + f(q.Max)
	case q.Max != nil:
		s = "up to " + f(q.Max)
	case q.Min != nil:
		s = "at least " + f(q.Min)
	case q.Value != nil:
		s = f(q.Value)
	default:
		s = "?"
	}
	if q.Approximate {
		s = "~" + s
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
