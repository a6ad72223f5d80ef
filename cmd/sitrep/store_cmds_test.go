package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep/demo"
)

// writeDemo writes the demo corpus to a folder and returns it.
func writeDemo(t *testing.T) string {
	t.Helper()
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.File), a.Text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestIdempotentAndGoesOnPastBadFiles(t *testing.T) {
	dir := writeDemo(t)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("bad \xff\xfe bytes"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, errOut := runCmd(t, "", "ingest", "--db", db, dir)
	if code == 0 {
		t.Errorf("bad files must make ingest exit non-zero")
	}
	for _, f := range []string{"broken.txt", "empty.txt"} {
		if !strings.Contains(errOut, f) {
			t.Errorf("stderr does not name %s: %s", f, errOut)
		}
	}
	if !strings.Contains(errOut, "ingested 5 new documents") {
		t.Errorf("the good files must go in: %s", errOut)
	}
	// Again: nothing new.
	_, _, errOut = runCmd(t, "", "ingest", "--db", db, dir)
	if !strings.Contains(errOut, "ingested 0 new documents (5 already stored") {
		t.Errorf("re-ingest changed the store: %s", errOut)
	}
}

func TestTimelineAndBriefContract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := runCmd(t, "", "ingest", "--db", db, writeDemo(t)); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	code, out, errOut := runCmd(t, "", "timeline", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("timeline: %s", errOut)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("timeline --json is not a JSON array: %v", err)
	}
	for _, it := range items {
		for _, k := range []string{"id", "type", "text", "value", "earliest", "latest", "modality", "actors", "location", "sources"} {
			if _, ok := it[k]; !ok {
				t.Fatalf("timeline item lacks %q: %v", k, it)
			}
		}
		srcs := it["sources"].([]any)
		if len(srcs) == 0 {
			t.Fatalf("timeline item without sources: %v", it)
		}
		for _, s := range srcs {
			for _, k := range []string{"document", "title", "url", "published", "sentence"} {
				if _, ok := s.(map[string]any)[k]; !ok {
					t.Fatalf("source lacks %q: %v", k, s)
				}
			}
		}
	}
	for i := 1; i < len(items); i++ {
		a, b := items[i-1]["earliest"].(string), items[i]["earliest"].(string)
		if a != "" && b != "" && a > b {
			t.Errorf("timeline out of order: %s before %s", a, b)
		}
	}

	code, out, errOut = runCmd(t, "", "brief", "--db", db, "--format", "markdown")
	if code != 0 {
		t.Fatalf("brief: %s", errOut)
	}
	last := -1
	for _, h := range []string{"## Why It Matters", "## What to Know", "## What People Have Said", "## What's Next"} {
		i := strings.Index(out, h)
		if i < 0 || i < last {
			t.Fatalf("brief lacks %q or has it out of order:\n%s", h, out)
		}
		last = i
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "- ") && !strings.Contains(line, "Nothing reported yet") && !strings.HasSuffix(strings.TrimSpace(line), ")") {
			t.Errorf("brief item without citation: %q", line)
		}
	}
	code, out, _ = runCmd(t, "", "brief", "--db", db, "--format", "json")
	var b map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil {
		t.Fatalf("brief --format json: exit %d, %q", code, out)
	}
	code, out, _ = runCmd(t, "", "brief", "--db", db, "--format", "html")
	if code != 0 || !strings.Contains(out, "<h2>What&#39;s Next</h2>") {
		t.Errorf("brief --format html: exit %d, %q", code, out)
	}
}
