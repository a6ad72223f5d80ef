package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestSameAsSQLite puts the same documents into both stores and asks both
// the same questions: the answers must be identical, order included (the
// CLI and the web UI show the same timeline whichever store is behind).
func TestSameAsSQLite(t *testing.T) {
	dsn := freshSchema(t, server(t))
	pg, err := postgres.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "same.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	ctx := context.Background()
	var batch []*sitrep.Analysis
	for i := range 300 {
		a := storetest.Synthetic(i)
		if i%7 == 0 {
			a.Document.Published = "" // some dated by DCT only
		}
		if i%11 == 0 {
			a.Document.URL = ""
		}
		batch = append(batch, a)
	}
	for _, s := range []sitrep.Store{pg, lite} {
		if _, err := s.PutMany(ctx, batch[:150]); err != nil {
			t.Fatal(err)
		}
		for _, a := range batch[150:] {
			if _, err := s.Put(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	name := func(n int) string { return fmt.Sprintf("entity%d NAME%d", n, n%97) }
	check := func(what string, f func(s sitrep.Store) (any, error)) {
		t.Helper()
		a, err := f(pg)
		if err != nil {
			t.Fatalf("%s on PostgreSQL: %v", what, err)
		}
		b, err := f(lite)
		if err != nil {
			t.Fatalf("%s on SQLite: %v", what, err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differs between PostgreSQL and SQLite", what)
		}
		if v := reflect.ValueOf(a); (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0 {
			t.Errorf("%s found nothing: the comparison proves little", what)
		}
	}
	for _, f := range []sitrep.EventFilter{
		{}, {Limit: 50}, {Entity: name(0), Limit: 30}, {Entity: name(3)}, {Entity: "Q3"}, {Entity: name(40), Mentioned: true},
		{From: "2010-01-01", To: "2012-12-31"}, {Entity: name(1), From: "2005-01-01"}, {Type: "attack", Limit: 20},
		{Source: "SITE3.example"}, {Entity: name(2), To: "2008-06-30", Limit: 5},
	} {
		check(fmt.Sprintf("Events(%+v)", f), func(s sitrep.Store) (any, error) { return s.Events(ctx, f) })
	}
	for _, f := range []sitrep.EntityFilter{{}, {Limit: 20}, {Contains: "name1"}, {Type: sitrep.EntityPerson, Limit: 10}, {Name: name(5)}} {
		check(fmt.Sprintf("Entities(%+v)", f), func(s sitrep.Store) (any, error) { return s.Entities(ctx, f) })
	}
	for _, f := range []sitrep.DocumentFilter{{}, {From: "2010-01-01", Limit: 10, Offset: 3}, {To: "2005-12-31"}} {
		check(fmt.Sprintf("Documents(%+v)", f), func(s sitrep.Store) (any, error) { return s.Documents(ctx, f) })
		check(fmt.Sprintf("Analyses(%+v)", f), func(s sitrep.Store) (any, error) {
			var ids []string
			for a, err := range s.Analyses(ctx, f) {
				if err != nil {
					return nil, err
				}
				ids = append(ids, a.Document.ID)
			}
			return ids, nil
		})
	}
	check("Quotes", func(s sitrep.Store) (any, error) { return s.Quotes(ctx, sitrep.QuoteFilter{Limit: 40}) })
	check("Quotes(speaker)", func(s sitrep.Store) (any, error) { return s.Quotes(ctx, sitrep.QuoteFilter{Speaker: name(0)}) })
	check("Quantities", func(s sitrep.Store) (any, error) { return s.Quantities(ctx, sitrep.QuantityFilter{Limit: 40}) })
	check("Stats", func(s sitrep.Store) (any, error) { return s.Stats(ctx) })
	check("Search", func(s sitrep.Store) (any, error) {
		hits, err := s.Search(ctx, "Entity7", 500)
		set := map[string]bool{}
		for _, h := range hits {
			set[h.Document.ID] = true
		}
		return set, err // ranks and snippets differ by engine; the documents found do not
	})
}
