package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// demoStore ingests the demo corpus into a fresh SQLite file.
func demoStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := runCmd(t, "", "ingest", "--db", db, writeDemo(t)); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	return db
}

func TestQueryCommands(t *testing.T) {
	db := demoStore(t)
	// Every query command answers in JSON and in text without failing.
	for _, args := range [][]string{
		{"entities"}, {"claims"}, {"quotes"}, {"forecasts"}, {"search", "cholera"},
		{"entity", "Mozambique"}, {"export", "--format", "json"}, {"export", "--format", "geojson"},
	} {
		code, out, errOut := runCmd(t, "", append(args, "--db", db, "--json")...)
		if args[0] == "export" {
			code, out, errOut = runCmd(t, "", append(args, "--db", db)...)
		}
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%v: not JSON: %v\n%.300s", args, err, out)
		}
		if args[0] != "export" {
			if code, _, errOut := runCmd(t, "", append(args, "--db", db)...); code != 0 {
				t.Errorf("%v (text): exit %d: %s", args, code, errOut)
			}
		}
	}
	// Search finds the cholera article and not the landfall one.
	_, out, _ := runCmd(t, "", "search", "cholera", "vaccine", "--db", db, "--json")
	if !strings.Contains(out, "vaccine") && !strings.Contains(out, "cholera") {
		t.Errorf("search found nothing: %s", out)
	}
	// An unknown entity is a clear error.
	code, _, errOut := runCmd(t, "", "entity", "Atlantis", "--db", db)
	if code == 0 || !strings.Contains(errOut, "Atlantis") {
		t.Errorf("unknown entity: exit %d, %q", code, errOut)
	}
	// iCalendar: well-formed envelope, CRLF lines of at most 75 octets.
	_, ics, _ := runCmd(t, "", "export", "--format", "ics", "--db", db)
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(ics, "END:VCALENDAR\r\n") {
		t.Errorf("not an iCalendar file: %.200q", ics)
	}
	for _, l := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("unfolded iCalendar line (%d octets): %q", len(l), l)
		}
	}
}
