package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/schema"
)

var update = flag.Bool("update", false, "regenerate docs/cli.md from the commands' --help")

// exampleArticle is the worked example, beside the repository (absent in
// some checkouts).
const exampleArticle = "../../../shared/examples/kim-troops-russia.txt"

var (
	schemasOnce sync.Once
	schemas     map[string]*jsonschema.Schema
	schemasErr  error
)

// outputSchema returns the compiled schema of one file of package schema
// (e.g. "timeline.schema.json"), with every other schema loaded so that
// their references resolve offline.
func outputSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	schemasOnce.Do(func() {
		c := jsonschema.NewCompiler()
		names, err := fs.Glob(schema.FS, "*.schema.json")
		if err != nil {
			schemasErr = err
			return
		}
		for _, n := range names {
			b, _ := schema.FS.ReadFile(n)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				schemasErr = err
				return
			}
			if err := c.AddResource(schema.BaseURL+n, doc); err != nil {
				schemasErr = err
				return
			}
		}
		schemas = map[string]*jsonschema.Schema{}
		for _, n := range names {
			s, err := c.Compile(schema.BaseURL + n)
			if err != nil {
				schemasErr = err
				return
			}
			schemas[n] = s
		}
	})
	if schemasErr != nil {
		t.Fatal(schemasErr)
	}
	s, ok := schemas[name]
	if !ok {
		t.Fatalf("no schema %s", name)
	}
	return s
}

// validateOutput checks one command's real output against its schema.
func validateOutput(t *testing.T, what, name, out string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Errorf("%s: not JSON: %v\n%.300s", what, err, out)
		return
	}
	if err := outputSchema(t, name).Validate(v); err != nil {
		t.Errorf("%s: output does not match %s: %v", what, name, err)
	}
}

// schemaStore is the demo store as `sitrep demo` makes it (with the
// corpus's titles, sites, URLs and dates) plus the example article.
func schemaStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCmd(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	if _, err := os.Stat(exampleArticle); err == nil {
		if code, _, errOut := runCmd(t, "", "ingest", "--db", db, exampleArticle); code != 0 {
			t.Fatalf("ingest %s: %s", exampleArticle, errOut)
		}
	}
	return db
}

func TestOutputsMatchSchemas(t *testing.T) {
	db := schemaStore(t)
	empty := filepath.Join(t.TempDir(), "empty.db")
	if code, _, errOut := runCmd(t, "", "ingest", "--db", empty, "-"); code == 0 {
		_ = errOut // an empty input stores nothing; the file exists either way
	}
	// The entity with the most to say, and a minor one with no quotes.
	_, out, _ := runCmd(t, "", "entities", "--db", db, "--json", "--limit", "0")
	var ents []sitrep.EntitySummary
	if err := json.Unmarshal([]byte(out), &ents); err != nil || len(ents) < 2 {
		t.Fatalf("entities: %v (%d)", err, len(ents))
	}
	top, last := ents[0].Name, ents[len(ents)-1].Name

	tests := []struct {
		schema string
		args   []string
		// nonEmpty: on the demo store the output must hold something, so
		// the test checks items and not only an empty array.
		nonEmpty bool
	}{
		{"timeline.schema.json", []string{"timeline", "--json"}, true},
		{"timeline.schema.json", []string{"timeline", "--json", "--all"}, true},
		{"timeline.schema.json", []string{"export", "--format", "json"}, true},
		{"geojson.schema.json", []string{"export", "--format", "geojson"}, false},
		{"brief.schema.json", []string{"brief", "--format", "json"}, true},
		{"brief.schema.json", []string{"brief", "--format", "json", "cholera"}, false},
		{"entities.schema.json", []string{"entities", "--json"}, true},
		{"entity.schema.json", []string{"entity", top, "--json"}, true},
		{"entity.schema.json", []string{"entity", last, "--json"}, true},
		{"claims.schema.json", []string{"claims", "--json"}, true},
		{"claims.schema.json", []string{"claims", "--json", "--contradictions"}, false},
		{"quotes.schema.json", []string{"quotes", "--json"}, true},
		{"forecasts.schema.json", []string{"forecasts", "--json"}, true},
		{"forecasts.schema.json", []string{"forecasts", "--json", "--open"}, false},
		{"search.schema.json", []string{"search", "cholera", "--json"}, true},
		{"search.schema.json", []string{"search", "nosuchwordanywhere", "--json"}, false},
	}
	for _, tt := range tests {
		for _, store := range []string{db, empty} {
			args := append(append([]string(nil), tt.args...), "--db", store)
			code, out, errOut := runCmd(t, "", args...)
			if store == empty && args[0] == "entity" {
				continue // no entity in an empty store: an error, not JSON
			}
			if code != 0 {
				t.Errorf("%v: exit %d: %s", args, code, errOut)
				continue
			}
			validateOutput(t, strings.Join(tt.args, " "), tt.schema, out)
			if store == db && tt.nonEmpty && len(out) < 50 {
				t.Errorf("%v: expected content on the demo store, got %q", args, out)
			}
		}
	}
}

func TestAnalyzeBatchLinesMatchSchemas(t *testing.T) {
	in := `{"id": "a1", "text": "Troops arrived in Kursk on Monday, officials said.", "date": "2024-10-28"}
{"id": "bad-date", "text": "Some text.", "date": "28 October"}
not json at all
{"id": "empty", "text": ""}
{"id": "h1", "html": "<html><head><title>T</title></head><body><p>The minister said on Friday that 3,000 troops would leave.</p></body></html>"}
`
	_, out, _ := runCmd(t, in, "analyze", "--jsonl", "-")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d output lines for 5 input lines:\n%s", len(lines), out)
	}
	errors := 0
	for i, l := range lines {
		var probe map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &probe); err != nil {
			t.Fatalf("line %d: not JSON: %v", i+1, err)
		}
		if _, ok := probe["error"]; ok {
			errors++
			validateOutput(t, "analyze --jsonl error line", "analyze-error.schema.json", l)
			continue
		}
		validateOutput(t, "analyze --jsonl line", "analysis.schema.json", l)
	}
	if errors < 2 {
		t.Errorf("%d error lines, want at least 2 (a line that is not JSON, an empty text)", errors)
	}
}

// TestSchemasNameEveryField checks that each closed object of a schema
// lists exactly the JSON fields of its Go type, so a field added, renamed or
// removed in Go (even one omitted when empty, which real output may never
// show) fails here until the schema follows.
func TestSchemasNameEveryField(t *testing.T) {
	tests := []struct {
		ref string // file#pointer
		typ any
	}{
		{"timeline.schema.json#/$defs/item", kb.TimelineItem{}},
		{"timeline.schema.json#/$defs/source", kb.Source{}},
		{"timeline.schema.json#/$defs/mention", kb.MentionRef{}},
		{"brief.schema.json#", kb.Brief{}},
		{"brief.schema.json#/$defs/item", kb.BriefItem{}},
		{"entities.schema.json#/$defs/summary", sitrep.EntitySummary{}},
		{"entity.schema.json#", kb.Profile{}},
		{"entity.schema.json#/$defs/figure", sitrep.StoredQuantity{}},
		{"claims.schema.json#/$defs/claim", kb.Claim{}},
		{"claims.schema.json#/$defs/figure", kb.Figure{}},
		{"claims.schema.json#/$defs/claim/properties/contradictions/items", kb.Contradiction{}},
		{"quotes.schema.json#/$defs/quote", sitrep.StoredQuote{}},
		{"forecasts.schema.json#/$defs/forecast", kb.Forecast{}},
		{"search.schema.json#/$defs/result", sitrep.SearchResult{}},
		{"analysis.schema.json#", sitrep.Analysis{}},
		{"analysis.schema.json#/$defs/document", sitrep.Document{}},
		{"analysis.schema.json#/properties/paragraphs/items", sitrep.Paragraph{}},
		{"analysis.schema.json#/properties/sections/items", sitrep.Section{}},
		{"analysis.schema.json#/properties/sentences/items", sitrep.Sentence{}},
		{"analysis.schema.json#/properties/timexes/items", sitrep.Timex{}},
		{"analysis.schema.json#/properties/entities/items", sitrep.Entity{}},
		{"analysis.schema.json#/properties/entities/items/properties/mentions/items", sitrep.Mention{}},
		{"analysis.schema.json#/properties/entities/items/properties/geo", sitrep.Geo{}},
		{"analysis.schema.json#/$defs/quantity", sitrep.Quantity{}},
		{"analysis.schema.json#/$defs/quote", sitrep.Quote{}},
		{"analysis.schema.json#/properties/events/items", sitrep.Event{}},
		{"analysis.schema.json#/properties/events/items/properties/time", sitrep.EventTime{}},
		{"analysis.schema.json#/properties/tlinks/items", sitrep.TLink{}},
		{"analysis.schema.json#/$defs/span", sitrep.TextSpan{}},
	}
	for _, tt := range tests {
		got := schemaFields(t, tt.ref)
		want := jsonFields(reflect.TypeOf(tt.typ))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s names %v,\n%T has %v", tt.ref, got, tt.typ, want)
		}
	}
}

// schemaFields returns the property names an object schema allows,
// following $ref (a closed object that extends another with
// unevaluatedProperties).
func schemaFields(t *testing.T, ref string) []string {
	t.Helper()
	file, ptr, _ := strings.Cut(ref, "#")
	b, err := schema.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var node any
	if err := json.Unmarshal(b, &node); err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Split(strings.Trim(ptr, "/"), "/") {
		if p == "" {
			continue
		}
		m, _ := node.(map[string]any)
		if node = m[p]; node == nil {
			t.Fatalf("%s: no %s", ref, p)
		}
	}
	m := node.(map[string]any)
	seen := map[string]bool{}
	if props, ok := m["properties"].(map[string]any); ok {
		for k := range props {
			seen[k] = true
		}
	}
	if r, ok := m["$ref"].(string); ok {
		if strings.HasPrefix(r, "#") {
			r = file + r
		}
		for _, k := range schemaFields(t, r) {
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// jsonFields returns the JSON field names encoding/json gives a struct
// type, embedded structs flattened.
func jsonFields(typ reflect.Type) []string {
	var out []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// TestSchemasRejectRenamedFields makes sure the schemas are strict: real
// output with one field renamed, or one required field dropped, fails.
func TestSchemasRejectRenamedFields(t *testing.T) {
	db := demoStore(t)
	tests := []struct {
		schema string
		args   []string
		path   []any // to the object whose field is renamed
		field  string
	}{
		{"timeline.schema.json", []string{"timeline", "--json"}, []any{0}, "sources"},
		{"timeline.schema.json", []string{"timeline", "--json"}, []any{0, "sources", 0}, "sentence"},
		{"brief.schema.json", []string{"brief", "--format", "json"}, []any{"what_people_have_said", 0}, "text"},
		{"brief.schema.json", []string{"brief", "--format", "json"}, []any{}, "whats_next"},
		{"entities.schema.json", []string{"entities", "--json"}, []any{0}, "kb"},
		{"claims.schema.json", []string{"claims", "--json"}, []any{0, "figures", 0}, "given_by"},
		{"quotes.schema.json", []string{"quotes", "--json"}, []any{0}, "speaker_name"},
		{"quotes.schema.json", []string{"quotes", "--json"}, []any{0}, "cue"},
		{"forecasts.schema.json", []string{"forecasts", "--json"}, []any{0}, "due"},
		{"search.schema.json", []string{"search", "cholera", "--json"}, []any{0, "document"}, "title"},
	}
	for _, tt := range tests {
		_, out, _ := runCmd(t, "", append(tt.args, "--db", db)...)
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		obj := v
		for _, p := range tt.path {
			switch p := p.(type) {
			case int:
				a, _ := obj.([]any)
				if p >= len(a) {
					t.Fatalf("%v: no item %d to rename a field of:\n%.300s", tt.args, p, out)
				}
				obj = a[p]
			case string:
				obj = obj.(map[string]any)[p]
			}
		}
		m := obj.(map[string]any)
		m[tt.field+"_renamed"] = m[tt.field]
		delete(m, tt.field)
		if err := outputSchema(t, tt.schema).Validate(v); err == nil {
			t.Errorf("%s accepts %v output with %q renamed", tt.schema, tt.args, tt.field)
		}
	}
}

// cliDoc is the command-line reference, generated from the commands' own
// usage text so that it cannot drift from --help.
const cliDoc = "../../docs/cli.md"

// TestCLIReference checks that docs/cli.md is current; -update rewrites it.
func TestCLIReference(t *testing.T) {
	got := cliReference(t)
	if *update {
		if err := os.WriteFile(cliDoc, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(cliDoc)
	if err != nil {
		t.Fatalf("%v (run: go test ./cmd/sitrep -run TestCLIReference -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date with the commands' --help; run: go test ./cmd/sitrep -run TestCLIReference -update", cliDoc)
	}
}

// machineDefault matches the defaults that depend on the machine (the number
// of cores), which the reference states in words.
var machineDefault = regexp.MustCompile(`(-workers[^\n]*\n[^\n]*)\(default \d+\)`)

func cliReference(t *testing.T) string {
	t.Helper()
	help := func(args ...string) string {
		_, out, errOut := runCmd(t, "", args...)
		s := strings.TrimRight(out+errOut, "\n")
		return machineDefault.ReplaceAllString(s, "${1}(default: the number of cores)")
	}
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)

	var b strings.Builder
	b.WriteString("# sitrep command line\n\n")
	b.WriteString("<!-- Generated from the commands' --help by `go test ./cmd/sitrep -run TestCLIReference -update`; edit the usage text in cmd/sitrep, not this file. -->\n\n")
	b.WriteString("Every command prints its usage with `--help`. Commands that read the store take `--db`: a SQLite file or a `postgres://` URL (default `$SITREP_DB`, else a SQLite file in the user's data directory). ")
	b.WriteString("The exit status is 0 on success, 1 when an input or the work failed (the error names the input and the problem), 2 on a usage error.\n\n")
	b.WriteString("JSON outputs and their schemas are described in [json.md](json.md).\n\n")
	b.WriteString("```\n" + help("--help") + "\n```\n\n")
	b.WriteString("| command | what it does |\n|---|---|\n")
	for _, n := range names {
		fmt.Fprintf(&b, "| [`%s`](#sitrep-%s) | %s |\n", n, n, cmds[n].summary)
	}
	for _, n := range names {
		fmt.Fprintf(&b, "\n## sitrep %s\n\n%s.\n\n```\n%s\n```\n", n, upperFirst(cmds[n].summary), help(n, "--help"))
		if n == "eval" {
			for _, s := range evalScorers(help("eval", "--help")) {
				fmt.Fprintf(&b, "\n### sitrep eval %s\n\n```\n%s\n```\n", s, help("eval", s, "--help"))
			}
		}
	}
	return b.String()
}

// evalScorers lists the scorers `sitrep eval --help` names.
func evalScorers(help string) []string {
	_, rest, _ := strings.Cut(help, "Scorers:\n")
	var out []string
	for _, l := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(l, "  ") {
			break
		}
		if f := strings.Fields(l); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TestJSONDocExamples validates the examples of docs/json.md against the
// schema of their section, so the documentation cannot drift from the
// schemas.
func TestJSONDocExamples(t *testing.T) {
	b, err := os.ReadFile("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := []struct{ heading, schema string }{
		{"## Analysis", "analysis.schema.json"},
		{"## Timeline", "timeline.schema.json"},
		{"## GeoJSON", "geojson.schema.json"},
		{"## Brief", "brief.schema.json"},
		{"## Entities", "entities.schema.json"},
		{"## Entity profile", "entity.schema.json"},
		{"## Claims", "claims.schema.json"},
		{"## Quotes", "quotes.schema.json"},
		{"## Forecasts", "forecasts.schema.json"},
		{"## Search", "search.schema.json"},
	}
	n := 0
	for _, part := range strings.Split(string(b), "\n## ")[1:] {
		part = "## " + part
		name := ""
		for _, s := range sections {
			if strings.HasPrefix(part, s.heading) {
				name = s.schema
			}
		}
		if name == "" {
			t.Errorf("docs/json.md: no schema for section %.40q", part)
			continue
		}
		blocks := strings.Split(part, "```json\n")[1:]
		if len(blocks) == 0 {
			t.Errorf("docs/json.md: section %.40q has no example", part)
		}
		for i, blk := range blocks {
			ex, _, _ := strings.Cut(blk, "```")
			s := name
			if name == "analysis.schema.json" && i == 1 {
				s = "analyze-error.schema.json"
			}
			validateOutput(t, "docs/json.md example in "+strings.SplitN(part, "\n", 2)[0], s, ex)
			n++
		}
	}
	if n < len(sections) {
		t.Errorf("%d examples checked, want at least %d", n, len(sections))
	}
}
