package web

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/schema"
)

type openAPIDoc struct {
	Paths map[string]map[string]struct {
		Parameters []struct {
			Name     string `json:"name"`
			In       string `json:"in"`
			Required bool   `json:"required"`
		} `json:"parameters"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

// TestOpenAPIRoutes: every documented path and method is routed to its own
// handler, and every API route registered is documented.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	s := New(openStore(t), sharedAnalyzer())
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			m := strings.ToUpper(method)
			documented[m+" "+path] = true
			concrete := strings.NewReplacer("{name}", "Beira", "{id}", "d0123456789abcdef").Replace(path)
			_, pattern := s.mux.Handler(httptest.NewRequest(m, concrete, nil))
			if pattern != m+" "+path {
				t.Errorf("%s %s is documented but routed to %q", m, path, pattern)
			}
		}
	}
	var registered []string
	for _, rt := range s.apiRoutes() {
		k := rt.Method + " " + rt.Path
		registered = append(registered, k)
		if !documented[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	if len(registered) != len(documented) {
		t.Errorf("%d routes registered, %d documented", len(registered), len(documented))
	}
	// A method the API does not serve is refused, not routed elsewhere.
	if w := do(s, "DELETE", "/api/v1/timeline", "", nil); w.Code != 405 {
		t.Errorf("DELETE /api/v1/timeline: %d, want 405", w.Code)
	}
}

// compileOpenAPI compiles the schema of one response of the description.
type apiSchemas struct {
	c   *jsonschema.Compiler
	doc openAPIDoc
}

func newAPISchemas(t *testing.T) *apiSchemas {
	t.Helper()
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPI))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("https://sitrep.invalid/openapi.json", raw); err != nil {
		t.Fatal(err)
	}
	an, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Analysis))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("https://sitrep.invalid/analysis.schema.json", an); err != nil {
		t.Fatal(err)
	}
	return &apiSchemas{c: c, doc: loadOpenAPI(t)}
}

// validate checks a response body against the schema openapi.json gives
// for the path, method and status.
func (a *apiSchemas) validate(t *testing.T, method, path, status string, body []byte) {
	t.Helper()
	op, ok := a.doc.Paths[path][strings.ToLower(method)]
	if !ok {
		t.Fatalf("%s %s not documented", method, path)
	}
	resp, ok := op.Responses[status]
	if !ok {
		t.Errorf("%s %s: status %s not documented", method, path, status)
		return
	}
	ptr := "#/paths/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(path) + "/" + strings.ToLower(method) + "/responses/" + status
	var ref struct {
		Ref string `json:"$ref"`
	}
	json.Unmarshal(resp, &ref)
	if ref.Ref != "" {
		ptr = ref.Ref
	}
	// JSON pointers inside fragments are URL-escaped by the compiler.
	loc := "https://sitrep.invalid/openapi.json" + strings.ReplaceAll(strings.ReplaceAll(ptr, "{", "%7B"), "}", "%7D") + "/content/application~1json/schema"
	sch, err := a.c.Compile(loc)
	if err != nil {
		t.Fatalf("compile %s: %v", loc, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s %s: response is not JSON: %v", method, path, err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s %s (%s): response does not match openapi.json: %v", method, path, status, err)
	}
}

// TestOpenAPIResponses validates the main endpoints' responses on the demo
// corpus against the documented schemas.
func TestOpenAPIResponses(t *testing.T) {
	s, ids := demoServer(t)
	a := newAPISchemas(t)
	analysisSchema, err := a.c.Compile("https://sitrep.invalid/analysis.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var ents []sitrep.EntitySummary
	json.Unmarshal(get(t, s, "/api/v1/entities").Body.Bytes(), &ents)
	name := "Nobody"
	if len(ents) > 0 {
		name = ents[0].Name
	}
	tests := []struct {
		path, url string
		status    string
	}{
		{"/api/v1/timeline", "/api/v1/timeline", "200"},
		{"/api/v1/timeline", "/api/v1/timeline?entity=Mozambique&from=2026-01-01&to=2026-12-31", "200"},
		{"/api/v1/timeline", "/api/v1/timeline?from=x", "400"},
		{"/api/v1/entities", "/api/v1/entities?limit=50", "200"},
		{"/api/v1/entities/{name}", "/api/v1/entities/" + url.PathEscape(name), "200"},
		{"/api/v1/entities/{name}", "/api/v1/entities/Nobody%20At%20All", "404"},
		{"/api/v1/documents", "/api/v1/documents", "200"},
		{"/api/v1/documents/{id}", "/api/v1/documents/" + ids[0], "200"},
		{"/api/v1/documents/{id}", "/api/v1/documents/dnope", "404"},
		{"/api/v1/claims", "/api/v1/claims", "200"},
		{"/api/v1/quotes", "/api/v1/quotes", "200"},
		{"/api/v1/forecasts", "/api/v1/forecasts", "200"},
		{"/api/v1/search", "/api/v1/search?q=cyclone", "200"},
		{"/api/v1/brief", "/api/v1/brief", "200"},
		{"/api/v1/stats", "/api/v1/stats", "200"},
		{"/api/v1/openapi.json", "/api/v1/openapi.json", "200"},
	}
	for _, tt := range tests {
		w := get(t, s, tt.url)
		if strconv.Itoa(w.Code) != tt.status {
			t.Errorf("GET %s: %d, want %s: %.200s", tt.url, w.Code, tt.status, w.Body.String())
			continue
		}
		a.validate(t, "GET", tt.path, tt.status, w.Body.Bytes())
		if tt.path == "/api/v1/documents/{id}" && tt.status == "200" {
			v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
			if err := analysisSchema.Validate(v); err != nil {
				t.Errorf("stored analysis does not match analysis.schema.json: %v", err)
			}
		}
	}
	w := do(s, "POST", "/api/v1/analyze", `{"id":"a","text":"The army said on Monday it had sent 600 soldiers to Beira."}`, nil)
	a.validate(t, "POST", "/api/v1/analyze", "200", w.Body.Bytes())
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
	if err := analysisSchema.Validate(v); err != nil {
		t.Errorf("POST /api/v1/analyze does not match analysis.schema.json: %v", err)
	}
	w = do(s, "POST", "/api/v1/documents", `{"text":"x"}`, nil)
	a.validate(t, "POST", "/api/v1/documents", "403", w.Body.Bytes())
}
