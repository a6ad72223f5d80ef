package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

func TestPagesDemo(t *testing.T) {
	s, ids := demoServer(t)
	var ents []sitrep.EntitySummary
	if w := get(t, s, "/api/v1/entities"); w.Code != 200 {
		t.Fatalf("entities: %d", w.Code)
	} else if err := json.Unmarshal(w.Body.Bytes(), &ents); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		path string
		want []string
	}{
		{"/", []string{`<div id="timeline"`, `/static/story.js`}},
		{"/brief", []string{"Why It Matters", "What to Know", "What People Have Said", "What&#39;s Next"}},
		{"/entities", []string{"Entities"}},
		{"/figures", []string{"Figures"}},
		{"/quotes", []string{"Quotes"}},
		{"/forecasts", []string{"Forecasts"}},
		{"/search?q=cyclone", []string{"Ilusa", "<mark>"}},
		{"/search", []string{"Search"}},
		{"/documents", []string{"/documents/" + ids[0]}},
		{"/documents/" + ids[0], []string{`class="legend-bar"`, "Cyclone Ilusa"}},
		{"/analyze", []string{`name="csrf_token"`, `<textarea`}},
	}
	if len(ents) > 0 {
		pages = append(pages, struct {
			path string
			want []string
		}{"/entities/" + url.PathEscape(ents[0].Name), []string{"<h1>"}})
	}
	for _, p := range pages {
		w := get(t, s, p.path)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: status %d: %.300s", p.path, w.Code, w.Body.String())
			continue
		}
		body := w.Body.String()
		for _, want := range p.want {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: body lacks %q", p.path, want)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: CSP %q", p.path, csp)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("GET %s: inline script", p.path)
		}
	}
}

func TestPagesEmptyStore(t *testing.T) {
	s := New(openStore(t), sharedAnalyzer())
	for _, p := range []string{"/", "/brief", "/entities", "/figures", "/quotes", "/forecasts", "/search", "/search?q=x", "/documents", "/analyze"} {
		if w := get(t, s, p); w.Code != http.StatusOK {
			t.Errorf("GET %s on an empty store: %d: %.300s", p, w.Code, w.Body.String())
		}
	}
	for _, p := range []string{"/api/v1/timeline", "/api/v1/entities", "/api/v1/documents", "/api/v1/quotes", "/api/v1/claims", "/api/v1/forecasts", "/api/v1/search?q=x"} {
		w := get(t, s, p)
		if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != "[]" {
			t.Errorf("GET %s on an empty store: %d %q, want 200 []", p, w.Code, w.Body.String())
		}
	}
	for _, p := range []string{"/documents/d0000000000000000", "/entities/Nobody", "/nope", "/api/v1/documents/dx", "/api/v1/entities/Nobody", "/api/v1/nope"} {
		if w := get(t, s, p); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, w.Code)
		}
	}
}

// TestArticleEscaped: article text and metadata are data, never markup.
func TestArticleEscaped(t *testing.T) {
	st := openStore(t)
	text := "Officials said <script>alert(1)</script> on Monday. \"<img src=x onerror=alert(2)>\" he said."
	an, err := sharedAnalyzer().Analyze(sitrep.Document{Text: text, Title: "<script>alert(3)</script>", DCT: "2026-01-05", DCTSource: sitrep.DCTFlag, Site: "<b>x</b>"})
	if err != nil {
		t.Fatal(err)
	}
	// An entity whose span covers the markup, so it is highlighted too.
	i := strings.Index(text, "<script>")
	an.Entities = append(an.Entities, sitrep.Entity{ID: "ex", Name: "<script>alert(4)</script>", Type: sitrep.EntityMisc,
		Mentions: []sitrep.Mention{{Start: i, End: i + len("<script>alert(1)</script>"), Text: "<script>alert(1)</script>"}}})
	res, err := st.Put(context.Background(), an)
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, sharedAnalyzer())
	for _, p := range []string{"/documents/" + res.ID, "/documents", "/entities", "/search?q=officials", "/entities/" + url.PathEscape("<script>alert(4)</script>")} {
		w := get(t, s, p)
		body := w.Body.String()
		if w.Code != 200 {
			t.Errorf("GET %s: %d", p, w.Code)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>x</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: unescaped %q in the page", p, bad)
			}
		}
	}
	body := get(t, s, "/documents/"+res.ID).Body.String()
	if !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("article view lacks the escaped text")
	}
	// The API escapes markup in JSON too (no HTML sniffing of JSON bodies).
	if w := get(t, s, "/api/v1/documents/"+res.ID); strings.Contains(w.Body.String(), "<script>") {
		t.Errorf("API returns raw <script>")
	}
}

func TestCrossOriginRefused(t *testing.T) {
	s := New(openStore(t), sharedAnalyzer())
	s.WriteToken = "0123456789abcdef0123"
	for _, p := range []string{"/analyze", "/api/v1/analyze", "/api/v1/documents"} {
		w := do(s, "POST", p, `{"text":"x"}`, map[string]string{
			"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example", "Content-Type": "application/json",
			"Authorization": "Bearer " + s.WriteToken})
		if w.Code != http.StatusForbidden {
			t.Errorf("cross-origin POST %s: %d, want 403", p, w.Code)
		}
	}
}

func TestAnalyzeFormCSRF(t *testing.T) {
	s := New(openStore(t), sharedAnalyzer())
	form := url.Values{"text": {"The minister said on Monday that 300 people had died."}, "date": {"2026-01-05"}}
	// Same-origin but without the token: refused.
	w := do(s, "POST", "/analyze", form.Encode(), map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
	if w.Code != http.StatusForbidden {
		t.Fatalf("POST /analyze without token: %d, want 403", w.Code)
	}
	// Get the form, then post with its cookie and token.
	g := get(t, s, "/analyze")
	cookie := g.Result().Cookies()
	if len(cookie) == 0 {
		t.Fatal("GET /analyze set no cookie")
	}
	form.Set("csrf_token", cookie[0].Value)
	w = do(s, "POST", "/analyze", form.Encode(), map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Sec-Fetch-Site": "same-origin", "Cookie": cookie[0].Name + "=" + cookie[0].Value})
	if w.Code != http.StatusOK {
		t.Fatalf("POST /analyze with token: %d: %.400s", w.Code, w.Body.String())
	}
	if !strings.Contains(w.Body.String(), `class="doc-text"`) || !strings.Contains(w.Body.String(), "minister") {
		t.Errorf("analysis not rendered")
	}
	// A token that does not match the cookie.
	form.Set("csrf_token", strings.Repeat("A", 43))
	w = do(s, "POST", "/analyze", form.Encode(), map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Cookie": cookie[0].Name + "=" + cookie[0].Value})
	if w.Code != http.StatusForbidden {
		t.Errorf("POST /analyze with a wrong token: %d, want 403", w.Code)
	}
}

func TestPutDocumentToken(t *testing.T) {
	st := openStore(t)
	s := New(st, sharedAnalyzer())
	body := `{"id":"a1","text":"Troops arrived in Beira on Monday, officials said.","date":"2026-01-12"}`
	json := map[string]string{"Content-Type": "application/json"}
	if w := do(s, "POST", "/api/v1/documents", body, json); w.Code != http.StatusForbidden {
		t.Errorf("read-only server: POST /api/v1/documents: %d, want 403", w.Code)
	}
	s.WriteToken = "0123456789abcdef0123"
	tests := []struct {
		auth string
		want int
	}{
		{"", http.StatusForbidden},
		{"Bearer wrong", http.StatusForbidden},
		{"Basic " + s.WriteToken, http.StatusForbidden},
		{"Bearer " + s.WriteToken, http.StatusCreated},
		{"Bearer " + s.WriteToken, http.StatusOK}, // the same document again
	}
	for _, tt := range tests {
		h := map[string]string{"Content-Type": "application/json", "Authorization": tt.auth}
		if w := do(s, "POST", "/api/v1/documents", body, h); w.Code != tt.want {
			t.Errorf("Authorization %q: %d, want %d: %s", tt.auth, w.Code, tt.want, w.Body.String())
		}
	}
	stats, _ := st.Stats(context.Background())
	if stats.Documents != 1 {
		t.Errorf("store holds %d documents, want 1", stats.Documents)
	}
}

func TestLimits(t *testing.T) {
	s := New(openStore(t), sharedAnalyzer())
	big := `{"text":"` + strings.Repeat("a ", MaxBodyBytes) + `"}`
	if w := do(s, "POST", "/api/v1/analyze", big, map[string]string{"Content-Type": "application/json"}); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize analyze: %d, want 413", w.Code)
	}
	tests := []struct {
		path string
		want int
	}{
		{"/api/v1/timeline?from=yesterday", 400},
		{"/api/v1/timeline?from=2026-02-01&to=2026-01-01", 400},
		{"/api/v1/documents?limit=-1", 400},
		{"/api/v1/search", 400},
	}
	for _, tt := range tests {
		if w := get(t, s, tt.path); w.Code != tt.want {
			t.Errorf("GET %s: %d, want %d", tt.path, w.Code, tt.want)
		}
	}
	for _, body := range []string{`{`, `{"text":""}`, `{"text":"x","html":"<p>y</p>"}`, `{"text":"x","date":"soon"}`} {
		if w := do(s, "POST", "/api/v1/analyze", body, nil); w.Code != 400 {
			t.Errorf("POST /api/v1/analyze %s: %d, want 400", body, w.Code)
		}
	}
}

func TestAPITimelineDemo(t *testing.T) {
	s, _ := demoServer(t)
	var all []kb.TimelineItem
	w := get(t, s, "/api/v1/timeline")
	if err := json.Unmarshal(w.Body.Bytes(), &all); err != nil {
		t.Fatal(err)
	}
	for i, it := range all {
		if len(it.Sources) == 0 {
			t.Errorf("item %d has no sources", i)
		}
	}
	if len(all) == 0 {
		t.Skip("the analyzer finds no events yet")
	}
	typ := all[0].Type
	var some []kb.TimelineItem
	json.Unmarshal(get(t, s, "/api/v1/timeline?type="+typ).Body.Bytes(), &some)
	if len(some) == 0 {
		t.Errorf("type=%s: no items", typ)
	}
	for _, it := range some {
		if it.Type != typ {
			t.Errorf("type=%s: got a %s", typ, it.Type)
		}
	}
}

func TestAnalyzeAPI(t *testing.T) {
	s := New(openStore(t), sharedAnalyzer())
	w := do(s, "POST", "/api/v1/analyze", `{"id":"x1","text":"On 3 March 2026 the army said 40 soldiers were deployed to Beira.","date":"2026-03-05"}`, nil)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var an sitrep.Analysis
	if err := json.Unmarshal(w.Body.Bytes(), &an); err != nil {
		t.Fatal(err)
	}
	if an.ID != "x1" || an.Document.DCT != "2026-03-05" || an.Document.DCTSource != sitrep.DCTFlag {
		t.Errorf("id %q dct %q (%s)", an.ID, an.Document.DCT, an.Document.DCTSource)
	}
	w = do(s, "POST", "/api/v1/analyze", `{"html":"<html><head><title>T</title></head><body><article><p>The minister spoke in Maputo on Monday about the floods and the response.</p></article></body></html>"}`, nil)
	if w.Code != 200 {
		t.Fatalf("html: %d %s", w.Code, w.Body.String())
	}
}

func TestAPICache(t *testing.T) {
	st := openStore(t)
	s := New(st, sharedAnalyzer())
	s.WriteToken = "0123456789abcdef0123"
	if w := get(t, s, "/api/v1/documents"); w.Header().Get("X-Cache") != "miss" || strings.TrimSpace(w.Body.String()) != "[]" {
		t.Fatalf("first GET: X-Cache %q body %q", w.Header().Get("X-Cache"), w.Body.String())
	}
	if w := get(t, s, "/api/v1/documents"); w.Header().Get("X-Cache") != "hit" || w.Header().Get("Content-Type") == "" {
		t.Errorf("second GET: X-Cache %q, Content-Type %q", w.Header().Get("X-Cache"), w.Header().Get("Content-Type"))
	}
	// Errors are not kept.
	get(t, s, "/api/v1/documents/dnothing")
	if w := get(t, s, "/api/v1/documents/dnothing"); w.Header().Get("X-Cache") == "hit" || w.Code != 404 {
		t.Errorf("error answer reused: %d %q", w.Code, w.Header().Get("X-Cache"))
	}
	// A write through the server clears the cache.
	w := do(s, "POST", "/api/v1/documents", `{"text":"Troops arrived in Beira on Monday.","date":"2026-01-12"}`,
		map[string]string{"Authorization": "Bearer " + s.WriteToken})
	if w.Code != http.StatusCreated {
		t.Fatalf("POST: %d %s", w.Code, w.Body.String())
	}
	var docs []sitrep.Document
	w = get(t, s, "/api/v1/documents")
	json.Unmarshal(w.Body.Bytes(), &docs)
	if len(docs) != 1 || w.Header().Get("X-Cache") != "miss" {
		t.Errorf("after a write: %d documents, X-Cache %q", len(docs), w.Header().Get("X-Cache"))
	}
	// An expired answer is recomputed.
	now := time.Now()
	s.Now = func() time.Time { return now.Add(time.Hour) }
	if w := get(t, s, "/api/v1/documents"); w.Header().Get("X-Cache") != "miss" {
		t.Errorf("expired answer reused")
	}
}

// slowStore answers Entities only when its context ends.
type slowStore struct{ sitrep.Store }

func (slowStore) Entities(ctx context.Context, f sitrep.EntityFilter) ([]sitrep.EntitySummary, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestTimeout(t *testing.T) {
	s := New(slowStore{openStore(t)}, sharedAnalyzer())
	s.Timeout = 50 * time.Millisecond
	for _, p := range []string{"/api/v1/entities", "/entities"} {
		start := time.Now()
		w := get(t, s, p)
		if w.Code != http.StatusServiceUnavailable {
			t.Errorf("GET %s past the timeout: %d, want 503", p, w.Code)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("GET %s took %s", p, d)
		}
	}
}
