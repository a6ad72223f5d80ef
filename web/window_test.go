package web

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestWindow: on a store larger than WindowDocs, the brief and the
// forecasts draw on the newest WindowDocs articles, and the window's
// cross-document queries agree with the store's restricted to them.
func TestWindow(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	var as []*sitrep.Analysis
	for i := range WindowDocs + 40 {
		as = append(as, storetest.Synthetic(i))
	}
	if _, err := st.PutMany(ctx, as); err != nil {
		t.Fatal(err)
	}
	s := New(st, sharedAnalyzer())
	ws, err := s.window(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	w, ok := ws.(*windowStore)
	if !ok || len(w.ids) != WindowDocs {
		t.Fatalf("window over %T with %d documents", ws, len(w.ids))
	}
	newest, _ := st.Documents(ctx, sitrep.DocumentFilter{Limit: WindowDocs})
	for _, d := range newest {
		if !w.in[d.ID] {
			t.Fatalf("newest document %s not in the window", d.ID)
		}
	}
	// Events: the union over the window equals the store's, restricted.
	all, _ := st.Events(ctx, sitrep.EventFilter{})
	want := map[string]bool{}
	for _, e := range all {
		if w.in[e.DocumentID] {
			want[e.DocumentID+"/"+e.ID] = true
		}
	}
	got, err := w.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("window events: %d, want %d", len(got), len(want))
	}
	for i, e := range got {
		if !want[e.DocumentID+"/"+e.ID] {
			t.Errorf("event %s/%s outside the window", e.DocumentID, e.ID)
		}
		if i > 0 && e.Time.Earliest != "" && got[i-1].Time.Earliest > e.Time.Earliest {
			t.Errorf("window events out of time order at %d", i)
			break
		}
	}
	var b kb.Brief
	if err := json.Unmarshal(get(t, s, "/api/v1/brief").Body.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	if b.Documents != WindowDocs {
		t.Errorf("brief draws on %d documents, want %d", b.Documents, WindowDocs)
	}
	if r := get(t, s, "/api/v1/timeline"); r.Code != 200 || r.Header().Get("X-Sitrep-Window") != "documents=200" {
		t.Errorf("timeline of a large store: %d, X-Sitrep-Window %q", r.Code, r.Header().Get("X-Sitrep-Window"))
	}
	if r := get(t, s, "/api/v1/timeline?all=true"); r.Code != 200 || r.Header().Get("X-Sitrep-Window") != "" {
		t.Errorf("timeline?all=true: %d, X-Sitrep-Window %q", r.Code, r.Header().Get("X-Sitrep-Window"))
	}
	for _, p := range []string{"/brief", "/forecasts", "/figures", "/api/v1/claims", "/api/v1/forecasts", "/brief?q=troops"} {
		if r := get(t, s, p); r.Code != 200 {
			t.Errorf("GET %s: %d", p, r.Code)
		}
	}
	ents, _ := st.Entities(ctx, sitrep.EntityFilter{Limit: 1})
	var p kb.Profile
	if err := json.Unmarshal(get(t, s, "/api/v1/entities/"+url.PathEscape(ents[0].Name)).Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Entity.Documents != ents[0].Documents || len(p.Timeline) == 0 {
		t.Errorf("profile of %s: %d documents (want %d), %d timeline items", ents[0].Name, p.Entity.Documents, ents[0].Documents, len(p.Timeline))
	}
}
