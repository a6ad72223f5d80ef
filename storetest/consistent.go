package storetest

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep"
)

// CheckConsistent checks, through the Store interface only, that every
// stored document is whole: its analysis decodes, Document returns the same,
// its events are all there, and the row counts of Stats add up to the sums
// over all analyses, so no table holds a row of a document that is not
// stored or lacks one of a document that is. It returns the number of
// documents.
func CheckConsistent(t testing.TB, s sitrep.Store) int {
	t.Helper()
	ctx := context.Background()
	var want sitrep.StoreStats
	type count struct{ docs, mentions int }
	wantEnt := map[string]count{} // merged as Entities merges: KB, else name and type
	for a, err := range s.Analyses(ctx, sitrep.DocumentFilter{}) {
		if err != nil {
			t.Fatalf("Analyses: %v", err)
		}
		id := a.Document.ID
		if a.Document.Text == "" || sitrep.DocumentID(a.Document.Text) != id {
			t.Errorf("document %s: text does not match its id", id)
		}
		got, err := s.Document(ctx, id)
		if err != nil {
			t.Fatalf("Document(%s): %v", id, err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("document %s: Document and Analyses differ", id)
		}
		evs, err := s.Events(ctx, sitrep.EventFilter{DocumentID: id})
		if err != nil {
			t.Fatalf("Events(%s): %v", id, err)
		}
		if len(evs) != len(a.Events) {
			t.Errorf("document %s: %d event rows, analysis has %d", id, len(evs), len(a.Events))
		}
		want.Documents++
		want.Entities += len(a.Entities)
		seen := map[string]bool{}
		for _, e := range a.Entities {
			want.Mentions += len(e.Mentions)
			key := "k:" + e.KB
			if e.KB == "" {
				key = "n:" + strings.Join(strings.Fields(strings.ToLower(e.Name)), " ") + "|" + e.Type
			}
			c := wantEnt[key]
			if !seen[key] {
				seen[key] = true
				c.docs++
			}
			c.mentions += len(e.Mentions)
			wantEnt[key] = c
		}
		want.Events += len(a.Events)
		want.Quotes += len(a.Quotes)
		want.Quantities += len(a.Quantities)
		want.Timexes += len(a.Timexes)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st != want {
		t.Errorf("Stats = %+v, but the stored analyses add up to %+v", st, want)
	}
	ents, err := s.Entities(ctx, sitrep.EntityFilter{})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	gotEnt := map[string]count{}
	for _, e := range ents {
		key := "k:" + e.KB
		if e.KB == "" {
			key = "n:" + strings.Join(strings.Fields(strings.ToLower(e.Name)), " ") + "|" + e.Type
		}
		gotEnt[key] = count{e.Documents, e.Mentions}
	}
	if !reflect.DeepEqual(gotEnt, wantEnt) {
		t.Errorf("Entities counts %d entities, the stored analyses %d, or their counts differ", len(gotEnt), len(wantEnt))
	}
	return want.Documents
}
