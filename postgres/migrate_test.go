package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestUpgradeEntityEvents: migration 002 fills entity_events from the rows
// of a store made before it, and the store then answers every entity's
// events as a new SQLite store with the same documents does.
func TestUpgradeEntityEvents(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t, server(t))
	docs := func() []*sitrep.Analysis {
		var out []*sitrep.Analysis
		for i := range 40 {
			out = append(out, storetest.Varied(i))
		}
		return out
	}
	if err := postgres.MakeOldStore(ctx, dsn, docs()); err != nil {
		t.Fatal(err)
	}
	pg, err := postgres.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	var n int
	if err := pg.Pool().QueryRow(ctx, `SELECT count(*) FROM entity_events`).Scan(&n); err != nil || n < 300 {
		t.Fatalf("%d rows in entity_events after the upgrade (%v): want more", n, err)
	}
	// The events counted by span (the years from earliest to latest).
	wantSpans := map[string]int{}
	for _, a := range docs() {
		for _, e := range a.Events {
			if t := e.Time; len(t.Earliest) == 10 && len(t.Latest) == 10 && t.Latest >= t.Earliest {
				y1, _ := strconv.Atoi(t.Earliest[:4])
				y2, _ := strconv.Atoi(t.Latest[:4])
				wantSpans[fmt.Sprintf("span_years:%d", y2-y1)]++
			}
		}
	}
	gotSpans := map[string]int{}
	rows, err := pg.Pool().Query(ctx, `SELECT name, n FROM counts WHERE name LIKE 'span%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		gotSpans[name] = n
	}
	if rows.Close(); len(wantSpans) < 2 || !reflect.DeepEqual(gotSpans, wantSpans) {
		t.Errorf("span counts after the upgrade %v, want %v", gotSpans, wantSpans)
	}
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	ds := docs()
	for b := 0; b < len(ds); b += 5 {
		if _, err := lite.PutMany(ctx, ds[b:b+5]); err != nil {
			t.Fatal(err)
		}
	}
	ents, err := lite.Entities(ctx, sitrep.EntityFilter{})
	if err != nil || len(ents) < 20 {
		t.Fatalf("%d entities, %v", len(ents), err)
	}
	checked := 0
	for _, e := range ents {
		for _, f := range []sitrep.EventFilter{
			{Entity: e.Name}, {Entity: e.KB}, {Entity: e.Name, Limit: 3}, {Entity: e.Name, From: "2010-01-01", To: "2015-12-31"},
			{Entity: e.Name, Type: "meet"}, {Entity: e.Name, Source: "SITE\"1.example"}, {Entity: e.Name, Mentioned: true},
		} {
			if f.Entity == "" {
				continue
			}
			want, err := lite.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := pg.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Events(%+v) after the upgrade: %d events, SQLite %d, or they differ", f, len(got), len(want))
				if len(got) == len(want) {
					for i := range got {
						if !reflect.DeepEqual(got[i], want[i]) {
							t.Fatalf("first difference:\n%s\nwant\n%s", fmt.Sprintf("%+v", got[i]), fmt.Sprintf("%+v", want[i]))
						}
					}
				}
			}
			checked += len(want)
		}
	}
	if checked < 1000 {
		t.Errorf("%d events compared: the comparison proves little", checked)
	}
}
