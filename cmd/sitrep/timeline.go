package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/kb"
)

const timelineUsage = `timeline [--entity NAME] [--type TYPE] [--from DATE] [--to DATE] [--source SITE] [--json|--csv]

Prints the events across the store in time order, each with its sources.
The same event reported by several documents is one item with several
sources; its date is the tightest the reports agree on.

Flags:`

func runTimeline(env *Env, args []string) error {
	fs := newFlags(env, "timeline", timelineUsage)
	db := dbFlag(fs)
	entity := fs.String("entity", "", "only events whose actor, target or place is `NAME` (a name or KB id)")
	typ := fs.String("type", "", "only events of this `TYPE` (deploy, attack, meet, ...)")
	from := fs.String("from", "", "only events that may fall on or after `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "only events that may fall on or before `DATE` (YYYY-MM-DD)")
	source := fs.String("source", "", "only events reported by this outlet (`SITE`)")
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV")
	all := fs.Bool("all", false, "include undated events and forecasts")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return sitrep.Errorf(sitrep.EINVALID, "", "timeline takes no arguments (got %q); filter with --entity, --type, --from, --to", pos[0])
	}
	for flagName, v := range map[string]string{"--from": *from, "--to": *to} {
		if v != "" {
			if _, err := analyze.ParseDate(flagName, v); err != nil {
				return err
			}
		}
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	items, err := kb.TimelineOf(context.Background(), st, sitrep.EventFilter{Entity: *entity, Type: *typ, From: *from, To: *to, Source: *source})
	if err != nil {
		return err
	}
	if !*all && !*asJSON {
		items = datedFacts(items)
	}
	switch {
	case *asJSON:
		return writeJSON(env.Stdout, items)
	case *asCSV:
		return writeTimelineCSV(env.Stdout, items)
	}
	writeTimelineText(env.Stdout, items)
	return nil
}

// datedFacts keeps the items a reader scans a timeline for: dated, and not
// forecasts or denials.
func datedFacts(items []kb.TimelineItem) []kb.TimelineItem {
	out := items[:0:0]
	for _, it := range items {
		if it.Earliest == "" || it.Modality == sitrep.ModalityFuture || it.Modality == sitrep.ModalityPossible || it.Modality == sitrep.ModalityNegated {
			continue
		}
		out = append(out, it)
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func itemDate(it kb.TimelineItem) string {
	if it.When == "" {
		return "undated"
	}
	return it.When
}

func writeTimelineText(w io.Writer, items []kb.TimelineItem) {
	if len(items) == 0 {
		fmt.Fprintln(w, "No events match.")
		return
	}
	for _, it := range items {
		fmt.Fprintf(w, "%-12s %s", itemDate(it), it.Text)
		var tags []string
		if it.Modality != sitrep.ModalityAsserted {
			tags = append(tags, it.Modality)
		}
		if it.Location != "" && !strings.Contains(it.Text, it.Location) {
			tags = append(tags, "in "+it.Location)
		}
		if len(tags) > 0 {
			fmt.Fprintf(w, " [%s]", strings.Join(tags, "; "))
		}
		fmt.Fprintln(w)
		var cites []string
		for _, s := range it.Sources {
			name := s.Site
			if name == "" {
				name = s.Title
			}
			cites = append(cites, fmt.Sprintf("%s %s", name, s.Published))
		}
		fmt.Fprintf(w, "%-12s   — %s\n", "", strings.Join(cites, "; "))
	}
}

func writeTimelineCSV(w io.Writer, items []kb.TimelineItem) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "date", "earliest", "latest", "type", "text", "modality", "actors", "location", "reports", "sources"})
	for _, it := range items {
		var srcs []string
		for _, s := range it.Sources {
			srcs = append(srcs, s.URL)
		}
		cw.Write([]string{it.ID, it.Value, it.Earliest, it.Latest, it.Type, it.Text, it.Modality,
			strings.Join(it.Actors, "; "), it.Location, strconv.Itoa(it.Reports), strings.Join(srcs, " ")})
	}
	cw.Flush()
	return cw.Error()
}
