package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/schema"
)

// runCmd runs one command line in-process and returns its exit status,
// standard output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "SITREP_DB" {
			return ""
		}
		return os.Getenv(k)
	}}
	code := run(env, args)
	return code, out.String(), errb.String()
}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := runCmd(t, "", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for name := range commands() {
		if !strings.Contains(out, "  "+name) {
			t.Errorf("--help does not list %q", name)
		}
	}
	for name := range commands() {
		code, _, errOut := runCmd(t, "", name, "--help")
		if code != 0 || !strings.Contains(errOut, "Usage: sitrep "+name) {
			t.Errorf("%s --help: exit %d, usage %q", name, code, errOut)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Analysis))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("analysis.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("analysis.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validate checks one analysis JSON against the schema and the span
// invariants.
func validate(t *testing.T, s *jsonschema.Schema, raw []byte) *sitrep.Analysis {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("output does not match the schema: %v", err)
	}
	var an sitrep.Analysis
	if err := json.Unmarshal(raw, &an); err != nil {
		t.Fatal(err)
	}
	if err := an.Check(); err != nil {
		t.Fatalf("invariant broken: %v", err)
	}
	return &an
}

func TestAnalyzeJSONMatchesSchema(t *testing.T) {
	s := compileSchema(t)
	dir := t.TempDir()
	inputs := map[string]string{
		"plain.txt": "Troops arrived in Kursk on Monday, officials said. About 3,000 more were sent.",
		"page.html": `<!doctype html><html><head><title>Talks resume</title><meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body><nav>Home | World</nav><article><h1>Talks resume</h1><p>Negotiators met in Geneva on Tuesday, the foreign ministry said.</p><p>“We are hopeful,” the envoy said.</p></article></body></html>`,
		"notes.md":  "# Talks\n\n**Why It Matters**\nThe ceasefire held for a week, according to monitors.\n",
	}
	for name, body := range inputs {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		code, out, errOut := runCmd(t, "", "analyze", "--json", p)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		an := validate(t, s, []byte(out))
		if an.Document.Text == "" {
			t.Errorf("%s: empty text", name)
		}
		if name == "plain.txt" && an.Document.Text != body {
			t.Errorf("plain text must be kept unchanged")
		}
	}
	if b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt"); err == nil {
		code, out, errOut := runCmd(t, string(b), "analyze", "--json", "--date", "2025-09-01", "-")
		if code != 0 {
			t.Fatalf("example: exit %d: %s", code, errOut)
		}
		an := validate(t, s, []byte(out))
		if an.Document.DCT != "2025-09-01" || an.Document.DCTSource != sitrep.DCTFlag {
			t.Errorf("dct = %q from %q", an.Document.DCT, an.Document.DCTSource)
		}
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nested := strings.Repeat("<div>", 100000) + "deep text" + strings.Repeat("</div>", 100000)
	tests := []struct {
		name string
		args []string
		want string // part of the error message
	}{
		{"binary", []string{write("x.bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0})}, "binary"},
		{"pdf", []string{write("x.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))}, "PDF"},
		{"invalid utf8", []string{write("bad.txt", []byte("Troops \xff\xfe arrived."))}, "UTF-8"},
		{"nul bytes", []string{write("nul.txt", []byte("Troops\x00arrived."))}, "NUL"},
		{"empty", []string{write("empty.txt", nil)}, "empty"},
		{"whitespace", []string{write("ws.txt", []byte(" \n\t \n"))}, "whitespace"},
		{"too large", []string{"--max-bytes", "10", write("big.txt", []byte("This text is longer than ten bytes."))}, "limit"},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"directory", []string{dir}, "directory"},
		{"bad date", []string{"--date", "2024-13-45", write("ok.txt", []byte("Fine text."))}, "YYYY-MM-DD"},
		{"bad format", []string{"--format", "pdf", write("ok2.txt", []byte("Fine text."))}, "format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"analyze"}, tt.args...)...)
			if code == 0 {
				t.Fatalf("exit 0, want failure; out %q", out)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not mention %q", errOut, tt.want)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("panic trace leaked: %s", errOut)
			}
		})
	}
	// Deeply nested HTML either yields its text or a clear error, never a crash.
	code, _, errOut := runCmd(t, "", "analyze", "--json", write("nested.html", []byte("<html><body>"+nested+"</body></html>")))
	if code != 0 && !strings.Contains(errOut, "nested.html") {
		t.Errorf("nested HTML: exit %d with unclear error %q", code, errOut)
	}
}

func TestAnalyzeBatchKeepsOrderAndGoesOn(t *testing.T) {
	s := compileSchema(t)
	var in strings.Builder
	ids := []string{}
	for i := 0; i < 40; i++ {
		id := "doc-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		ids = append(ids, id)
		switch i {
		case 7:
			in.WriteString("{not json\n")
			ids[len(ids)-1] = ""
		case 13:
			in.WriteString(`{"id":"` + id + `","text":"   "}` + "\n")
		case 21:
			in.WriteString(`{"id":"` + id + `","text":"ok","date":"yesterday"}` + "\n")
		case 30:
			in.WriteString(`{"id":"` + id + `"}` + "\n")
		default:
			in.WriteString(`{"id":"` + id + `","text":"Officials said 300 troops arrived in Kursk on Monday. Talks will resume next week.","date":"2024-10-07"}` + "\n")
		}
	}
	code, out, errOut := runCmd(t, in.String(), "analyze", "--jsonl", "-", "--workers", "3")
	if code == 0 {
		t.Errorf("a batch with bad lines must exit non-zero")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 40 {
		t.Fatalf("got %d output lines, want 40; stderr %s", len(lines), errOut)
	}
	bad := map[int]bool{7: true, 13: true, 21: true, 30: true}
	for i, l := range lines {
		var head struct {
			ID    string `json:"id"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(l), &head); err != nil {
			t.Fatalf("line %d not JSON: %v", i+1, err)
		}
		if head.ID != ids[i] {
			t.Errorf("line %d: id %q, want %q (order lost)", i+1, head.ID, ids[i])
		}
		if bad[i] != (head.Error != "") {
			t.Errorf("line %d: error %q, bad=%v", i+1, head.Error, bad[i])
		}
		if head.Error != "" {
			if !strings.Contains(head.Error, ":"+itoa(i+1)) {
				t.Errorf("line %d: error %q does not name the line", i+1, head.Error)
			}
			continue
		}
		validate(t, s, []byte(l))
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
