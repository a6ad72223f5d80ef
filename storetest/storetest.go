// Package storetest is the conformance suite of sitrep.Store: every
// implementation runs Run in its own tests, so all of them keep the
// contract written on the interface. It also makes the synthetic analyses
// the stores' benchmarks ingest.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-news/sitrep"
)

// Run runs the conformance suite. open returns a new, empty store for each
// subtest; Run closes it.
func Run(t *testing.T, open func(t *testing.T) sitrep.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s sitrep.Store)
	}{
		{"PutDocument", testPutDocument},
		{"PutIdempotent", testPutIdempotent},
		{"PutInvalid", testPutInvalid},
		{"PutMany", testPutMany},
		{"PutCanceled", testPutCanceled},
		{"PutConcurrent", testPutConcurrent},
		{"DocumentNotFound", testDocumentNotFound},
		{"Documents", testDocuments},
		{"Analyses", testAnalyses},
		{"AnalysesPaging", testAnalysesPaging},
		{"Events", testEvents},
		{"EventsRoles", testEventsRoles},
		{"EventsSharedName", testEventsSharedName},
		{"EventsFromLimit", testEventsFromLimit},
		{"Entities", testEntities},
		{"Quotes", testQuotes},
		{"Quantities", testQuantities},
		{"Search", testSearch},
		{"Stats", testStats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tt.fn(t, s)
		})
	}
}

func mustPut(t *testing.T, s sitrep.Store, a *sitrep.Analysis) sitrep.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), a)
	if err != nil {
		t.Fatalf("Put(%q): %v", a.Document.Title, err)
	}
	return res
}

// putFixtures stores the three articles and returns their ids: A, B, C.
func putFixtures(t *testing.T, s sitrep.Store) (a, b, c string) {
	t.Helper()
	return mustPut(t, s, articleA()).ID, mustPut(t, s, articleB()).ID, mustPut(t, s, articleC()).ID
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var se *sitrep.Error
	if !errors.As(err, &se) {
		t.Fatalf("%s: error %v (%T), want a *sitrep.Error with code %s", what, err, err, code)
	}
	if se.Code != code {
		t.Fatalf("%s: error code %q (%v), want %q", what, se.Code, err, code)
	}
}

func testPutDocument(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	for _, mk := range []func() *sitrep.Analysis{articleA, articleB, articleC, func() *sitrep.Analysis { return Synthetic(7) }} {
		a := mk()
		res, err := s.Put(ctx, a)
		if err != nil {
			t.Fatalf("Put: %v", err)
		}
		want := mk()
		want.Document.Hash = sitrep.ContentHash(want.Document.Text)
		want.Document.ID = sitrep.DocumentID(want.Document.Text)
		if !res.Created || res.ID != want.Document.ID {
			t.Errorf("Put = %+v, want {ID:%s Created:true}", res, want.Document.ID)
		}
		if a.Document.ID != want.Document.ID || a.Document.Hash != want.Document.Hash {
			t.Errorf("Put set ID %q Hash %q, want %q %q", a.Document.ID, a.Document.Hash, want.Document.ID, want.Document.Hash)
		}
		got, err := s.Document(ctx, res.ID)
		if err != nil {
			t.Fatalf("Document(%s): %v", res.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Document(%s) differs from the analysis put:\n got %+v\nwant %+v", res.ID, got, want)
		}
	}
}

func testPutIdempotent(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	first := mustPut(t, s, articleA())
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameURL := articleA()
	sameURL.Document.Text += " An update."
	sameText := articleA()
	sameText.Document.URL = "https://mirror.example/a"
	sameText.Document.Title = "Mirrored"
	for _, tc := range []struct {
		name string
		a    *sitrep.Analysis
	}{
		{"same analysis", articleA()},
		{"same URL, new text", sameURL},
		{"same text, new URL", sameText},
	} {
		res, err := s.Put(ctx, tc.a)
		if err != nil {
			t.Fatalf("%s: Put: %v", tc.name, err)
		}
		if res.Created || res.ID != first.ID {
			t.Errorf("%s: Put = %+v, want {ID:%s Created:false}", tc.name, res, first.ID)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("Stats after re-puts = %+v, want unchanged %+v", after, before)
	}
	got, err := s.Document(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Document.Title != articleA().Document.Title {
		t.Errorf("stored title = %q: a re-put changed the document", got.Document.Title)
	}
}

func testPutInvalid(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	_, err := s.Put(ctx, nil)
	wantCode(t, "Put(nil)", err, sitrep.EINVALID)
	empty := articleA()
	empty.Document.Text = ""
	_, err = s.Put(ctx, empty)
	wantCode(t, "Put(empty text)", err, sitrep.EINVALID)
	for _, bad := range []string{"a\x00b", "a\xffb"} {
		x := articleA()
		x.Document.Text = bad
		_, err = s.Put(ctx, x)
		wantCode(t, fmt.Sprintf("Put(text %q)", bad), err, sitrep.EINVALID)
	}
	nan := articleA()
	zero := 0.0
	v := zero / zero
	nan.Quantities[0].Value = &v
	_, err = s.Put(ctx, nan)
	wantCode(t, "Put(NaN figure)", err, sitrep.EINVALID)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (sitrep.StoreStats{}) {
		t.Errorf("Stats after invalid puts = %+v, want empty", st)
	}
}

func testPutMany(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	mustPut(t, s, articleB())
	res, err := s.PutMany(ctx, []*sitrep.Analysis{articleA(), articleB(), articleC(), articleA(), Synthetic(3)})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := sitrep.DocumentID(articleA().Document.Text), sitrep.DocumentID(articleB().Document.Text), sitrep.DocumentID(articleC().Document.Text)
	want := []sitrep.PutResult{{ID: a, Created: true}, {ID: b}, {ID: c, Created: true}, {ID: a}, {ID: sitrep.DocumentID(Synthetic(3).Document.Text), Created: true}}
	if !slices.Equal(res, want) {
		t.Errorf("PutMany = %v, want %v", res, want)
	}
	if n := CheckConsistent(t, s); n != 4 {
		t.Errorf("%d documents stored, want 4", n)
	}
	// One invalid analysis: nothing stored.
	bad := articleA()
	bad.Document.Text = ""
	_, err = s.PutMany(ctx, []*sitrep.Analysis{Synthetic(4), bad})
	wantCode(t, "PutMany(with an empty text)", err, sitrep.EINVALID)
	if _, err := s.Document(ctx, sitrep.DocumentID(Synthetic(4).Document.Text)); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("PutMany with an invalid analysis stored another: %v", err)
	}
	if res, err := s.PutMany(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("PutMany(nil) = %v, %v", res, err)
	}
}

func testPutCanceled(t *testing.T, s sitrep.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, articleA()); err == nil {
		t.Fatal("Put with a canceled context succeeded")
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 {
		t.Errorf("Stats after canceled Put = %+v, want no documents", st)
	}
}

// testPutConcurrent puts the same documents from several goroutines at
// once: each must be created exactly once.
func testPutConcurrent(t *testing.T, s sitrep.Store) {
	const writers, docs = 6, 12
	ctx := context.Background()
	var mu sync.Mutex
	created := map[string]int{}
	seen := map[string]bool{}
	var wg sync.WaitGroup
	errs := make(chan error, writers*docs)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + w*5) % docs // each writer in another order
				res, err := s.Put(ctx, Synthetic(1000+i))
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				seen[res.ID] = true
				if res.Created {
					created[res.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent Put: %v", err)
	}
	if len(seen) != docs {
		t.Errorf("%d distinct ids, want %d", len(seen), docs)
	}
	for id, n := range created {
		if n != 1 {
			t.Errorf("document %s created %d times", id, n)
		}
	}
	if len(created) != docs {
		t.Errorf("%d documents created, want %d", len(created), docs)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != docs {
		t.Errorf("Stats.Documents = %d, want %d", st.Documents, docs)
	}
}

func testDocumentNotFound(t *testing.T, s sitrep.Store) {
	mustPut(t, s, articleA())
	for _, id := range []string{"d0000000000000000", "", "'; DROP TABLE documents; --"} {
		a, err := s.Document(context.Background(), id)
		if a != nil {
			t.Errorf("Document(%q) = %v, want nil", id, a)
		}
		wantCode(t, fmt.Sprintf("Document(%q)", id), err, sitrep.ENOTFOUND)
	}
}

func ids(docs []sitrep.Document) []string {
	out := []string{}
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func testDocuments(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, c := putFixtures(t, s)
	for _, tc := range []struct {
		name string
		f    sitrep.DocumentFilter
		want []string
	}{
		{"all, newest first", sitrep.DocumentFilter{}, []string{b, a, c}},
		{"from", sitrep.DocumentFilter{From: "2024-10-01"}, []string{b, a}},
		{"to", sitrep.DocumentFilter{To: "2024-10-31"}, []string{a, c}},
		{"from and to", sitrep.DocumentFilter{From: "2024-10-08", To: "2024-10-08"}, []string{a}},
		{"limit and offset", sitrep.DocumentFilter{Limit: 1, Offset: 1}, []string{a}},
		{"offset", sitrep.DocumentFilter{Offset: 2}, []string{c}},
		{"url", sitrep.DocumentFilter{URL: "https://wire.example/b"}, []string{b}},
		{"nothing", sitrep.DocumentFilter{From: "2030-01-01"}, []string{}},
	} {
		got, err := s.Documents(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if g := ids(got); !slices.Equal(g, tc.want) {
			t.Errorf("%s: Documents = %v, want %v", tc.name, g, tc.want)
		}
	}
	got, err := s.Documents(ctx, sitrep.DocumentFilter{URL: "https://herald.example/a"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Documents(url) = %v, %v", got, err)
	}
	want := articleA().Document
	want.ID, want.Hash, want.Text = a, sitrep.ContentHash(want.Text), ""
	if got[0] != want {
		t.Errorf("Documents()[0] = %+v, want %+v (no text)", got[0], want)
	}
}

func testAnalyses(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, c := putFixtures(t, s)
	collect := func(f sitrep.DocumentFilter) []string {
		t.Helper()
		out := []string{}
		for an, err := range s.Analyses(ctx, f) {
			if err != nil {
				t.Fatalf("Analyses(%+v): %v", f, err)
			}
			want, err := s.Document(ctx, an.Document.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(an, want) {
				t.Errorf("Analyses gave %s unlike Document", an.Document.ID)
			}
			out = append(out, an.Document.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    sitrep.DocumentFilter
		want []string
	}{
		{"all, oldest first", sitrep.DocumentFilter{}, []string{c, a, b}},
		{"from", sitrep.DocumentFilter{From: "2024-07-01"}, []string{a, b}},
		{"limit", sitrep.DocumentFilter{Limit: 2}, []string{c, a}},
		{"offset", sitrep.DocumentFilter{Offset: 1}, []string{a, b}},
		{"nothing", sitrep.DocumentFilter{To: "2000-01-01"}, []string{}},
	} {
		if got := collect(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Analyses = %v, want %v", tc.name, got, tc.want)
		}
	}
	n := 0
	for range s.Analyses(ctx, sitrep.DocumentFilter{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("breaking out of Analyses after one: saw %d", n)
	}
}

// testAnalysesPaging streams more documents than one page, with many on the
// same date, and calls the store from inside the loop.
func testAnalysesPaging(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	const n = 150
	for i := range n {
		a := Synthetic(i)
		a.Document.Published = fmt.Sprintf("2024-01-%02d", 1+i%3)
		mustPut(t, s, a)
	}
	for _, tc := range []struct {
		f    sitrep.DocumentFilter
		want int
	}{
		{sitrep.DocumentFilter{}, n},
		{sitrep.DocumentFilter{Limit: 100, Offset: 20}, 100},
		{sitrep.DocumentFilter{Offset: 140}, 10},
		{sitrep.DocumentFilter{From: "2024-01-02", To: "2024-01-02"}, n / 3},
	} {
		seen := map[string]bool{}
		last := ""
		for a, err := range s.Analyses(ctx, tc.f) {
			if err != nil {
				t.Fatal(err)
			}
			if seen[a.Document.ID] {
				t.Fatalf("Analyses(%+v) gave %s twice", tc.f, a.Document.ID)
			}
			seen[a.Document.ID] = true
			if a.Document.Published < last {
				t.Fatalf("Analyses(%+v) out of date order: %s after %s", tc.f, a.Document.Published, last)
			}
			last = a.Document.Published
			if _, err := s.Document(ctx, a.Document.ID); err != nil {
				t.Fatalf("Document inside Analyses loop: %v", err)
			}
		}
		if len(seen) != tc.want {
			t.Errorf("Analyses(%+v) gave %d documents, want %d", tc.f, len(seen), tc.want)
		}
	}
}

// eventKey names an event by its document and its id.
func eventKey(e sitrep.StoredEvent) string { return e.DocumentID + "/" + e.ID }

func testEvents(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, c := putFixtures(t, s)
	k := func(doc, id string) string { return doc + "/" + id }
	for _, tc := range []struct {
		name string
		f    sitrep.EventFilter
		want []string
	}{
		{"all in time order", sitrep.EventFilter{}, []string{
			k(a, "ev3"), k(c, "ev1"), k(c, "ev2"), k(a, "ev1"), k(a, "ev2"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"entity by name, any case: all its names", sitrep.EventFilter{Entity: "north KOREA"}, []string{
			k(a, "ev1"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"entity by another name", sitrep.EventFilter{Entity: "DPRK"}, []string{
			k(a, "ev1"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"entity without kb, by name", sitrep.EventFilter{Entity: "Kim Jong Un"}, []string{k(a, "ev3"), k(c, "ev1")}},
		{"entity without kb, limit", sitrep.EventFilter{Entity: "vladimir putin", Limit: 1}, []string{k(a, "ev3")}},
		{"entity, type", sitrep.EventFilter{Entity: "PRK", Type: "deploy"}, []string{k(a, "ev1"), k(a, "ev4"), k(b, "ev2")}},
		{"entity, source", sitrep.EventFilter{Entity: "PRK", Source: "herald.example"}, []string{k(a, "ev1"), k(a, "ev4")}},
		{"entity, document", sitrep.EventFilter{Entity: "PRK", DocumentID: b}, []string{k(b, "ev1"), k(b, "ev3"), k(b, "ev2")}},
		{"entity by kb", sitrep.EventFilter{Entity: "PRK"}, []string{
			k(a, "ev1"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"entity as location", sitrep.EventFilter{Entity: "geonames:1871859"}, []string{k(a, "ev3"), k(c, "ev1")}},
		{"entity in no role", sitrep.EventFilter{Entity: "South Korea"}, []string{}},
		{"entity mentioned", sitrep.EventFilter{Entity: "South Korea", Mentioned: true}, []string{k(a, "ev1")}},
		{"entity and time", sitrep.EventFilter{Entity: "PRK", From: "2024-11-01", To: "2024-11-30"}, []string{k(b, "ev1"), k(b, "ev3")}},
		{"time range overlaps", sitrep.EventFilter{From: "2024-10-05", To: "2024-10-06"}, []string{k(a, "ev1"), k(a, "ev2")}},
		{"from only", sitrep.EventFilter{From: "2024-11-06"}, []string{k(a, "ev4")}},
		{"to only", sitrep.EventFilter{To: "2024-06-30"}, []string{k(a, "ev3"), k(c, "ev1"), k(c, "ev2")}},
		{"type", sitrep.EventFilter{Type: "meet"}, []string{k(a, "ev3"), k(c, "ev1")}},
		{"source, any case", sitrep.EventFilter{Source: "wire.example"}, []string{k(b, "ev1"), k(b, "ev3"), k(b, "ev2")}},
		{"document", sitrep.EventFilter{DocumentID: c}, []string{k(c, "ev1"), k(c, "ev2")}},
		{"limit", sitrep.EventFilter{Entity: "PRK", Limit: 2}, []string{k(a, "ev1"), k(b, "ev1")}},
		{"limit, undated last", sitrep.EventFilter{Entity: "PRK", Limit: 5}, []string{
			k(a, "ev1"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"no entity, limit", sitrep.EventFilter{Limit: 3}, []string{k(a, "ev3"), k(c, "ev1"), k(c, "ev2")}},
		{"no entity, limit, undated last", sitrep.EventFilter{Limit: 20}, []string{
			k(a, "ev3"), k(c, "ev1"), k(c, "ev2"), k(a, "ev1"), k(a, "ev2"), k(b, "ev1"), k(b, "ev3"), k(a, "ev4"), k(b, "ev2")}},
		{"no entity, limit, filters", sitrep.EventFilter{Type: "deploy", Source: "WIRE.example", Limit: 3}, []string{k(b, "ev2")}},
		{"no entity, limit, time", sitrep.EventFilter{From: "2024-10-01", To: "2024-11-05", Limit: 3}, []string{k(a, "ev1"), k(a, "ev2"), k(b, "ev1")}},
		{"no entity, limit, document", sitrep.EventFilter{DocumentID: b, Limit: 1}, []string{k(b, "ev1")}},
		{"unknown entity", sitrep.EventFilter{Entity: "Atlantis"}, []string{}},
	} {
		got, err := s.Events(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: Events: %v", tc.name, err)
		}
		g := []string{}
		for _, e := range got {
			g = append(g, eventKey(e))
		}
		if !slices.Equal(g, tc.want) {
			t.Errorf("%s: Events(%+v) = %v, want %v", tc.name, tc.f, g, tc.want)
		}
	}

	got, err := s.Events(ctx, sitrep.EventFilter{DocumentID: a, Type: "deploy", Limit: 1})
	if err != nil || len(got) != 1 {
		t.Fatalf("Events = %v, %v", got, err)
	}
	art := articleA()
	want := sitrep.StoredEvent{Event: art.Events[0], DocumentID: a, Title: art.Document.Title, URL: art.Document.URL,
		Site: art.Document.Site, Published: art.Document.Published, DCT: art.Document.DCT,
		SentenceText: art.Sentences[0].Span().Of(art.Document.Text),
		ActorName:    "North Korea", ActorKB: "PRK", LocationName: "Russia", LocationKB: "RUS"}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("Events()[0] =\n%+v, want\n%+v", got[0], want)
	}
}

// testEventsRoles: an event with the entity in several roles, and mentioned
// in its sentence, is listed once.
func testEventsRoles(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	b := newBuilder(sitrep.Document{Title: "Reform", DCT: "2024-03-01", Text: "Russia reorganised Russia's army in Russia. Nothing else happened."})
	b.entity("e1", "Russia", sitrep.EntityGPE, "RUS", "Russia")
	b.event(ev{id: "ev1", typ: "reform", trigger: "reorganised", actor: "e1", target: "e1", location: "e1",
		value: "2024-02", earliest: "2024-02-01", latest: "2024-02-29"})
	b.event(ev{id: "ev2", typ: "none", trigger: "happened", actor: "e1"})
	id := mustPut(t, s, b.a).ID
	for _, f := range []sitrep.EventFilter{
		{Entity: "RUS"}, {Entity: "russia"}, {Entity: "RUS", Limit: 5}, {Entity: "RUS", Mentioned: true},
		{Entity: "RUS", Mentioned: true, Limit: 5}, {Entity: "RUS", Type: "reform", Limit: 5},
	} {
		got, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		g := []string{}
		for _, e := range got {
			g = append(g, eventKey(e))
		}
		want := []string{id + "/ev1", id + "/ev2"}
		if f.Type != "" {
			want = want[:1]
		}
		if !slices.Equal(g, want) {
			t.Errorf("Events(%+v) = %v, want %v", f, g, want)
		}
	}
}

// testEventsSharedName: a name several entities go by (a country with a KB
// id, a state of the same name without) selects the events of all of them,
// merged in time order, each once.
func testEventsSharedName(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	b1 := newBuilder(sitrep.Document{Title: "Tbilisi", DCT: "2024-05-02", Text: "Georgia held talks with Armenia. Georgia met Georgia's neighbours in May. Protesters marched in Tbilisi."})
	b1.entity("e1", "Georgia", sitrep.EntityGPE, "GEO", "Georgia")
	b1.entity("e2", "Armenia", sitrep.EntityGPE, "ARM", "Armenia")
	b1.event(ev{id: "ev1", typ: "meet", trigger: "held talks", actor: "e1", target: "e2", value: "2024-05-01", earliest: "2024-05-01", latest: "2024-05-01"})
	b1.event(ev{id: "ev2", typ: "meet", trigger: "met", actor: "e1", target: "e1", value: "2024-05", earliest: "2024-05-01", latest: "2024-05-31"})
	b1.event(ev{id: "ev3", typ: "protest", trigger: "marched", location: "e2"})
	b2 := newBuilder(sitrep.Document{Title: "Atlanta", DCT: "2024-03-02", Text: "Voters in Georgia elected a mayor. Georgia passed a law. Storms hit the coast."})
	b2.entity("e1", "georgia", sitrep.EntityGPE, "", "Georgia")
	b2.event(ev{id: "ev1", typ: "elect", trigger: "elected", location: "e1", value: "2024-03-01", earliest: "2024-03-01", latest: "2024-03-01"})
	b2.event(ev{id: "ev2", typ: "legislate", trigger: "passed", actor: "e1"})
	b2.event(ev{id: "ev3", typ: "storm", trigger: "hit", value: "2024-05", earliest: "2024-05-01", latest: "2024-05-31"})
	d1, d2 := mustPut(t, s, b1.a).ID, mustPut(t, s, b2.a).ID
	k := func(doc, id string) string { return doc + "/" + id }
	for _, tc := range []struct {
		f    sitrep.EventFilter
		want []string
	}{
		{sitrep.EventFilter{Entity: "Georgia"}, []string{k(d2, "ev1"), k(d1, "ev1"), k(d1, "ev2"), k(d2, "ev2")}},
		{sitrep.EventFilter{Entity: "GEORGIA", Limit: 2}, []string{k(d2, "ev1"), k(d1, "ev1")}},
		{sitrep.EventFilter{Entity: "georgia", Limit: 4}, []string{k(d2, "ev1"), k(d1, "ev1"), k(d1, "ev2"), k(d2, "ev2")}},
		{sitrep.EventFilter{Entity: "Georgia", From: "2024-04-01"}, []string{k(d1, "ev1"), k(d1, "ev2")}},
		{sitrep.EventFilter{Entity: "Georgia", Type: "meet", Limit: 1}, []string{k(d1, "ev1")}},
		{sitrep.EventFilter{Entity: "Georgia", DocumentID: d2}, []string{k(d2, "ev1"), k(d2, "ev2")}},
		{sitrep.EventFilter{Entity: "GEO"}, []string{k(d1, "ev1"), k(d1, "ev2")}},
		{sitrep.EventFilter{Entity: "Georgia", Mentioned: true}, []string{k(d2, "ev1"), k(d1, "ev1"), k(d1, "ev2"), k(d2, "ev2")}},
		{sitrep.EventFilter{Entity: "Armenia", Mentioned: true}, []string{k(d1, "ev1"), k(d1, "ev3")}},
		{sitrep.EventFilter{Entity: "Armenia", Mentioned: true, Limit: 1}, []string{k(d1, "ev1")}},
		{sitrep.EventFilter{Entity: "Armenia", Mentioned: true, Type: "protest"}, []string{k(d1, "ev3")}},
		{sitrep.EventFilter{Entity: "Armenia", Mentioned: true, From: "2024-01-01"}, []string{k(d1, "ev1")}},
	} {
		got, err := s.Events(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		g := []string{}
		for _, e := range got {
			g = append(g, eventKey(e))
		}
		if !slices.Equal(g, tc.want) {
			t.Errorf("Events(%+v) = %v, want %v", tc.f, g, tc.want)
		}
	}
}

// testEventsFromLimit: the first events that may fall on or after a date,
// with a limit, are the first of all those events, whatever the spans of
// the events that start before the date (a store may bound where it looks
// by the longest span it holds).
func testEventsFromLimit(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	var as []*sitrep.Analysis
	for i := range 30 {
		as = append(as, Varied(i))
	}
	b := newBuilder(sitrep.Document{Title: "Long wars", DCT: "2024-05-02", Text: "Entity1 Name1 fought a long war. Entity1 Name1 built a wall. Entity1 Name1 signed a pact."})
	b.entity("e1", "Entity1 Name1", sitrep.EntityOrg, "", "Entity1 Name1")
	b.event(ev{id: "ev1", typ: "attack", trigger: "fought", actor: "e1", value: "P30Y", earliest: "1990-03-01", latest: "2021-06-30"})
	b.event(ev{id: "ev2", typ: "build", trigger: "built", actor: "e1", value: "P3Y", earliest: "2007-11-01", latest: "2010-01-31"})
	b.event(ev{id: "ev3", typ: "sign", trigger: "signed", actor: "e1", value: "2015-07", earliest: "2015-07-01", latest: "2015-07-31"})
	as = append(as, b.a)
	if _, err := s.PutMany(ctx, as); err != nil {
		t.Fatal(err)
	}
	keys := func(evs []sitrep.StoredEvent) []string {
		out := []string{}
		for _, e := range evs {
			out = append(out, eventKey(e))
		}
		return out
	}
	for _, entity := range []string{"", "Entity1 Name1", "Entity0 Name0"} {
		for _, from := range []string{"2005-01-01", "2010-01-15", "2012-06-30", "2020-12-31", "2030-01-01"} {
			all, err := s.Events(ctx, sitrep.EventFilter{Entity: entity, From: from})
			if err != nil {
				t.Fatal(err)
			}
			if entity != "Entity0 Name0" && from <= "2020-12-31" && len(all) == 0 {
				t.Fatalf("Events(%q, from %s) found nothing: the comparison proves little", entity, from)
			}
			for _, limit := range []int{1, 3, 10} {
				got, err := s.Events(ctx, sitrep.EventFilter{Entity: entity, From: from, Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				want := all[:min(limit, len(all))]
				if !slices.Equal(keys(got), keys(want)) {
					t.Errorf("Events(%q, from %s, limit %d) = %v, want the first of all: %v", entity, from, limit, keys(got), keys(want))
				}
			}
		}
	}
}

func testEntities(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	putFixtures(t, s)
	for _, tc := range []struct {
		name string
		f    sitrep.EntityFilter
		want []sitrep.EntitySummary
	}{
		{"by kb: merged, most used name", sitrep.EntityFilter{Name: "PRK"}, []sitrep.EntitySummary{
			{Name: "North Korea", Type: sitrep.EntityGPE, KB: "PRK", Documents: 2, Mentions: 4}}},
		{"by name, any case", sitrep.EntityFilter{Name: "kim jong  un"}, []sitrep.EntitySummary{
			{Name: "Kim Jong Un", Type: sitrep.EntityPerson, Documents: 2, Mentions: 3}}},
		{"by type, most documents first", sitrep.EntityFilter{Type: sitrep.EntityPerson}, []sitrep.EntitySummary{
			{Name: "Vladimir Putin", Type: sitrep.EntityPerson, Documents: 3, Mentions: 3},
			{Name: "Kim Jong Un", Type: sitrep.EntityPerson, Documents: 2, Mentions: 3}}},
		{"contains", sitrep.EntityFilter{Contains: "KOREA"}, []sitrep.EntitySummary{
			{Name: "North Korea", Type: sitrep.EntityGPE, KB: "PRK", Documents: 2, Mentions: 4},
			{Name: "South Korea", Type: sitrep.EntityGPE, KB: "KOR", Documents: 1, Mentions: 1}}},
		{"by another name: the whole entity", sitrep.EntityFilter{Name: "dprk"}, []sitrep.EntitySummary{
			{Name: "North Korea", Type: sitrep.EntityGPE, KB: "PRK", Documents: 2, Mentions: 4}}},
		{"contains, no wildcards", sitrep.EntityFilter{Contains: "%"}, []sitrep.EntitySummary{}},
		{"limit", sitrep.EntityFilter{Limit: 1}, []sitrep.EntitySummary{
			{Name: "Vladimir Putin", Type: sitrep.EntityPerson, Documents: 3, Mentions: 3}}},
	} {
		got, err := s.Entities(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: Entities: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Entities(%+v) =\n%+v, want\n%+v", tc.name, tc.f, got, tc.want)
		}
	}
}

func testQuotes(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, _ := putFixtures(t, s)
	art := articleA()
	q := art.Quotes[1]
	want := sitrep.StoredQuote{Quote: q, DocumentID: a, Title: art.Document.Title, URL: art.Document.URL, Site: art.Document.Site,
		Published: art.Document.Published, DCT: art.Document.DCT, SentenceText: art.Sentences[q.Sentence].Span().Of(art.Document.Text),
		SpeakerName: "Kim Jong Un"}
	got, err := s.Quotes(ctx, sitrep.QuoteFilter{Speaker: "Kim Jong Un"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("Quotes(speaker) =\n%+v, want\n%+v", got, want)
	}
	for _, tc := range []struct {
		f    sitrep.QuoteFilter
		want []string
	}{
		{sitrep.QuoteFilter{}, []string{b + "/q1", a + "/q1", a + "/q2"}},
		{sitrep.QuoteFilter{Speaker: "KOR"}, []string{a + "/q1"}},
		{sitrep.QuoteFilter{Speaker: "south korea"}, []string{a + "/q1"}},
		{sitrep.QuoteFilter{Speaker: "nobody"}, []string{}},
		{sitrep.QuoteFilter{From: "2024-11-01"}, []string{b + "/q1"}},
		{sitrep.QuoteFilter{To: "2024-10-31", Limit: 1}, []string{a + "/q1"}},
		{sitrep.QuoteFilter{DocumentID: b}, []string{b + "/q1"}},
	} {
		got, err := s.Quotes(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		g := []string{}
		for _, q := range got {
			g = append(g, q.DocumentID+"/"+q.ID)
		}
		if !slices.Equal(g, tc.want) {
			t.Errorf("Quotes(%+v) = %v, want %v", tc.f, g, tc.want)
		}
	}
}

func testQuantities(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, _ := putFixtures(t, s)
	got, err := s.Quantities(ctx, sitrep.QuantityFilter{Entity: "PRK"})
	if err != nil {
		t.Fatal(err)
	}
	g := []string{}
	for _, q := range got {
		g = append(g, q.DocumentID+"/"+q.ID)
	}
	if want := []string{b + "/n1", a + "/n1", a + "/n2"}; !slices.Equal(g, want) {
		t.Fatalf("Quantities(PRK) = %v, want %v", g, want)
	}
	art := articleA()
	q := art.Quantities[1] // no point value, a maximum
	want := sitrep.StoredQuantity{Quantity: q, DocumentID: a, Title: art.Document.Title, URL: art.Document.URL, Site: art.Document.Site,
		Published: art.Document.Published, DCT: art.Document.DCT, SentenceText: art.Sentences[q.Sentence].Span().Of(art.Document.Text),
		EntityName: "North Korea", EntityKB: "PRK"}
	if !reflect.DeepEqual(got[2], want) {
		t.Errorf("Quantities()[2] =\n%+v, want\n%+v", got[2], want)
	}
	if got[0].EntityName != "DPRK" || *got[0].Value != 12000 {
		t.Errorf("Quantities()[0] = %+v, want DPRK's 12000", got[0])
	}
	for _, tc := range []struct {
		f    sitrep.QuantityFilter
		want int
	}{
		{sitrep.QuantityFilter{}, 3},
		{sitrep.QuantityFilter{Entity: "DPRK"}, 3},
		{sitrep.QuantityFilter{Entity: "Russia"}, 0},
		{sitrep.QuantityFilter{Unit: "soldiers"}, 1},
		{sitrep.QuantityFilter{Category: "personnel", From: "2024-11-01"}, 1},
		{sitrep.QuantityFilter{Category: "money"}, 0},
		{sitrep.QuantityFilter{DocumentID: a, Limit: 1}, 1},
	} {
		got, err := s.Quantities(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.want {
			t.Errorf("Quantities(%+v) gave %d, want %d", tc.f, len(got), tc.want)
		}
	}
}

func testSearch(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	a, b, c := putFixtures(t, s)
	for _, tc := range []struct {
		query string
		want  []string // in any order
	}{
		{"troops", []string{a, b}},
		{"troop", []string{a, b}}, // stemmed
		{"Vladivostok", []string{a}},
		{"kursk FORCES", []string{b}},
		{"summit", []string{c}}, // in the title only
		{"Pyongyang Putin", []string{a, b, c}},
		{"troops Vladivostok", []string{a}},
		{"Atlantis", []string{}},
		{`"unbalanced OR (( NEAR* -`, []string{}},
		{"", []string{}},
		{"?!.", []string{}},
	} {
		got, err := s.Search(ctx, tc.query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", tc.query, err)
		}
		g := []string{}
		for i, h := range got {
			g = append(g, h.Document.ID)
			if h.Document.Text != "" {
				t.Errorf("Search(%q) returned the text", tc.query)
			}
			if i > 0 && h.Rank > got[i-1].Rank {
				t.Errorf("Search(%q): results not best first: %v", tc.query, got)
			}
		}
		slices.Sort(g)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(g, want) {
			t.Errorf("Search(%q) = %v, want %v", tc.query, g, want)
		}
	}
	got, err := s.Search(ctx, "Vladivostok", 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("Search(Vladivostok) = %v, %v", got, err)
	}
	if !strings.Contains(got[0].Snippet, "[Vladivostok]") {
		t.Errorf("snippet %q does not mark [Vladivostok]", got[0].Snippet)
	}
	if got[0].Document.Title != articleA().Document.Title {
		t.Errorf("Search result document = %+v", got[0].Document)
	}
	got, err = s.Search(ctx, "Pyongyang", 1)
	if err != nil || len(got) != 1 {
		t.Errorf("Search(Pyongyang, limit 1) = %v, %v", got, err)
	}
}

func testStats(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (sitrep.StoreStats{}) {
		t.Errorf("empty store Stats = %+v", st)
	}
	var want sitrep.StoreStats
	for _, a := range []*sitrep.Analysis{articleA(), articleB(), articleC(), Synthetic(1)} {
		mustPut(t, s, a)
		want.Documents++
		want.Entities += len(a.Entities)
		for _, e := range a.Entities {
			want.Mentions += len(e.Mentions)
		}
		want.Events += len(a.Events)
		want.Quotes += len(a.Quotes)
		want.Quantities += len(a.Quantities)
		want.Timexes += len(a.Timexes)
	}
	if st, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}
