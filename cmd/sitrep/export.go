package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

const exportUsage = `export --format json|csv|geojson|ics [--entity NAME] [--out FILE]

Exports the store's timeline: JSON (timeline items), CSV (one row an
item), GeoJSON (items whose place has coordinates, as points) or iCalendar
(dated items as all-day events, forecast deadlines as to-dos).

Flags:`

func runExport(env *Env, args []string) error {
	fs := newFlags(env, "export", exportUsage)
	db := dbFlag(fs)
	format := fs.String("format", "json", "`FORMAT`: json, csv, geojson or ics")
	entity := fs.String("entity", "", "only events involving `NAME`")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "json", "csv", "geojson", "ics":
	default:
		return sitrep.Errorf(sitrep.EINVALID, "--format", "unknown format %q: want json, csv, geojson or ics", *format)
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	items, err := kb.TimelineOf(ctx, st, sitrep.EventFilter{Entity: *entity})
	if err != nil {
		return err
	}
	w := env.Stdout
	if *out != "" {
		f, err := createFile(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	switch *format {
	case "json":
		return writeJSON(w, items)
	case "csv":
		return writeTimelineCSV(w, items)
	case "geojson":
		geo, err := placeCoordinates(ctx, st, items)
		if err != nil {
			return err
		}
		return writeGeoJSON(w, items, geo)
	}
	fc, err := kb.ForecastsOf(ctx, st)
	if err != nil {
		return err
	}
	return writeICS(w, items, fc, time.Now().UTC())
}

// placeCoordinates finds the coordinates of the items' places in the
// documents that report them.
func placeCoordinates(ctx context.Context, st sitrep.Store, items []kb.TimelineItem) (map[string]sitrep.Geo, error) {
	geo := map[string]sitrep.Geo{}
	seen := map[string]bool{}
	for _, it := range items {
		if it.Location == "" {
			continue
		}
		for _, m := range it.Mentions {
			if seen[m.Document] {
				continue
			}
			seen[m.Document] = true
			an, err := st.Document(ctx, m.Document)
			if err != nil {
				return nil, err
			}
			for _, e := range an.Entities {
				if e.Geo != nil {
					geo[strings.ToLower(e.Name)] = *e.Geo
				}
			}
		}
	}
	return geo, nil
}

func writeGeoJSON(w io.Writer, items []kb.TimelineItem, geo map[string]sitrep.Geo) error {
	type feature struct {
		Type     string         `json:"type"`
		Geometry map[string]any `json:"geometry"`
		Props    map[string]any `json:"properties"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, it := range items {
		g, ok := geo[strings.ToLower(it.Location)]
		if !ok {
			continue
		}
		fc.Features = append(fc.Features, feature{
			Type:     "Feature",
			Geometry: map[string]any{"type": "Point", "coordinates": []float64{g.Lon, g.Lat}},
			Props: map[string]any{"id": it.ID, "type": it.Type, "text": it.Text, "when": it.When, "earliest": it.Earliest,
				"latest": it.Latest, "modality": it.Modality, "location": it.Location, "reports": it.Reports, "sources": it.Sources},
		})
	}
	return writeJSON(w, fc)
}

// writeICS writes an iCalendar (RFC 5545) file: dated timeline items as
// all-day events over their date range, forecast deadlines as to-dos.
func writeICS(w io.Writer, items []kb.TimelineItem, fc []kb.Forecast, now time.Time) error {
	var b strings.Builder
	line := func(s string) {
		// Fold at 75 octets without splitting a UTF-8 sequence.
		for len(s) > 75 {
			cut := 75
			for cut > 0 && s[cut]&0xC0 == 0x80 {
				cut--
			}
			b.WriteString(s[:cut] + "\r\n")
			s = " " + s[cut:]
		}
		b.WriteString(s + "\r\n")
	}
	stamp := now.Format("20060102T150405Z")
	day := func(s string) string { return strings.ReplaceAll(s, "-", "") }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//sitrep//timeline//EN")
	line("CALSCALE:GREGORIAN")
	for _, it := range items {
		if it.Earliest == "" || it.Latest == "" {
			continue
		}
		end, err := time.Parse(time.DateOnly, it.Latest)
		if err != nil {
			continue
		}
		line("BEGIN:VEVENT")
		line("UID:" + icsText(it.ID) + "@sitrep")
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + day(it.Earliest))
		line("DTEND;VALUE=DATE:" + end.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + icsText(it.Text))
		line("DESCRIPTION:" + icsText(fmt.Sprintf("%s (%s; %s); %d report(s)", it.When, it.Type, it.Modality, it.Reports)))
		if it.Location != "" {
			line("LOCATION:" + icsText(it.Location))
		}
		if len(it.Sources) > 0 && it.Sources[0].URL != "" {
			line("URL:" + it.Sources[0].URL)
		}
		line("END:VEVENT")
	}
	for _, f := range fc {
		if f.Due == "" {
			continue
		}
		line("BEGIN:VTODO")
		line("UID:" + icsText(f.ID) + "-due@sitrep")
		line("DTSTAMP:" + stamp)
		line("DUE;VALUE=DATE:" + day(f.Due))
		line("SUMMARY:" + icsText("Deadline: "+f.Text))
		status := "NEEDS-ACTION"
		if f.Status == kb.ForecastMet {
			status = "COMPLETED"
		}
		line("STATUS:" + status)
		line("DESCRIPTION:" + icsText(fmt.Sprintf("%s forecast, %s; from %s %s", f.Modality, f.Status, f.Source.Site, f.Source.Published)))
		line("END:VTODO")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// icsText escapes a TEXT value (RFC 5545 3.3.11).
func icsText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", "")
	return r.Replace(s)
}
