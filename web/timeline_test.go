package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestTimelinePages: an entity's timeline read page by page, following
// X-Sitrep-Next, gives the dated items of the whole timeline in order, each
// once, whatever the page size; pages hold at most limit items unless one
// day holds more.
func TestTimelinePages(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	var as []*sitrep.Analysis
	for i := range 300 {
		as = append(as, storetest.Synthetic(i))
	}
	if _, err := st.PutMany(ctx, as); err != nil {
		t.Fatal(err)
	}
	ents, err := st.Entities(ctx, sitrep.EntityFilter{Limit: 3})
	if err != nil || len(ents) < 3 {
		t.Fatalf("entities: %v %v", ents, err)
	}
	s := New(st, sharedAnalyzer())
	s.CacheTTL = 0
	for _, e := range ents {
		checkPages(t, s, st, sitrep.EventFilter{Entity: e.Name}, "entity="+url.QueryEscape(e.Name))
	}
	if w := get(t, s, "/api/v1/timeline?cursor=tomorrow"); w.Code != 400 {
		t.Errorf("malformed cursor: %d, want 400", w.Code)
	}
}

// TestTimelinePagesDemo: the same over the demo corpus, whose events have
// times of every precision (days, months, relative to the report).
func TestTimelinePagesDemo(t *testing.T) {
	st := openStore(t)
	ingestDemo(t, st)
	s := New(st, sharedAnalyzer())
	s.CacheTTL = 0
	checkPages(t, s, st, sitrep.EventFilter{}, "all=true")
	checkPages(t, s, st, sitrep.EventFilter{From: "2026-01-12"}, "from=2026-01-12")
}

func checkPages(t *testing.T, s *Server, st sitrep.Store, f sitrep.EventFilter, query string) {
	t.Helper()
	e := struct{ Name string }{query}
	{
		evs, err := st.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, it := range kb.Timeline(evs) {
			if timelineKey(it) != "" {
				want = append(want, it.ID)
			}
		}
		if len(want) < 10 {
			t.Fatalf("%s: %d dated items: too few to page", e.Name, len(want))
		}
		for _, limit := range []int{1, 3, 7, 50, 1000} {
			var got []string
			u := "/api/v1/timeline?" + query + "&limit=" + itoa(limit)
			for pages := 0; u != ""; pages++ {
				if pages > len(want)+1 {
					t.Fatalf("%s limit %d: no end to the pages", e.Name, limit)
				}
				w := get(t, s, u)
				if w.Code != 200 {
					t.Fatalf("GET %s: %d %s", u, w.Code, w.Body)
				}
				var items []kb.TimelineItem
				if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
					t.Fatal(err)
				}
				if len(items) > limit && timelineKey(items[0]) != timelineKey(items[len(items)-1]) {
					t.Errorf("GET %s: %d items over several days, limit %d", u, len(items), limit)
				}
				for _, it := range items {
					if timelineKey(it) != "" {
						got = append(got, it.ID)
					}
				}
				u = w.Header().Get("X-Sitrep-Next")
				if u != "" && !strings.HasPrefix(u, "/api/v1/timeline?") {
					t.Fatalf("X-Sitrep-Next %q", u)
				}
			}
			t.Logf("%s limit %d: %d items", e.Name, limit, len(got))
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s limit %d: pages give %d items, the whole timeline %d", e.Name, limit, len(got), len(want))
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Errorf("first difference at item %d: %s, want %s", i, got[i], want[i])
						break
					}
				}
			}
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
