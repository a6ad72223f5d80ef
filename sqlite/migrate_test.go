package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/store/sqlstore"
	"github.com/sitrep-news/sitrep/storetest"
)

// segments counts the segments of the full-text index.
func segments(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(DISTINCT segid) FROM documents_fts_idx`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// oldLinksSQL fills event_entities, the table entity_events replaced, as
// Put filled it before migration 003: a row per event, role and entity (the
// first of the document's entities with the event's id for that role).
const oldLinksSQL = `INSERT OR IGNORE INTO event_entities (doc, event_idx, role, kb, norm, t_earliest, t_latest)
	SELECT e.doc, e.idx, r.role, en.kb, en.norm, e.t_earliest, e.t_latest
	FROM events e
	JOIN (SELECT 'actor' AS role UNION ALL SELECT 'target' UNION ALL SELECT 'location') r
	JOIN entities en ON en.doc = e.doc AND en.idx = (SELECT min(idx) FROM entities x WHERE x.doc = e.doc AND x.id =
		CASE r.role WHEN 'actor' THEN e.actor WHEN 'target' THEN e.target ELSE e.location END AND x.id <> '')
	WHERE en.kb <> '' OR en.norm <> ''`

// oldStore makes a store as the code of schema version len(versions) made
// it: the migrations named (001_init.sql, ...) applied, the documents put
// in batches of five, one transaction each, and the rows Put wrote then.
// It returns the raw database, the store over it and the documents' ids.
func oldStore(t *testing.T, path string, versions []string, docs []*sitrep.Analysis) (*sql.DB, *sqlstore.Store, []string) {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, name := range versions {
		body, err := fs.ReadFile(migrations, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: body}
	}
	c := &conn{db: raw}
	if v, err := sqlstore.Migrate(ctx, c, fsys, ""); err != nil || v != len(versions) {
		t.Fatalf("migrate to %d: %d %v", len(versions), v, err)
	}
	// Today's Put fills entity_events: a stand-in, dropped afterwards.
	if _, err := raw.Exec(`CREATE TABLE entity_events (key TEXT, t_earliest TEXT, t_latest TEXT, doc INTEGER, event_idx INTEGER, data TEXT)`); err != nil {
		t.Fatal(err)
	}
	old := sqlstore.New(c, dialect)
	var ids []string
	for b := 0; b < len(docs); b += 5 {
		res, err := old.PutMany(ctx, docs[b:min(b+5, len(docs))])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			ids = append(ids, r.ID)
		}
	}
	for _, q := range []string{oldLinksSQL, `DROP TABLE entity_events`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return raw, old, ids
}

// TestUpgrade: a store made by the first schema alone (001, as the code
// before 002 made it), filled in several transactions, opens with the
// current code: the later migrations apply, its index is merged into one
// segment and it answers as before.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	var docs []*sitrep.Analysis
	for i := range 30 {
		docs = append(docs, storetest.Synthetic(i))
	}
	raw, old, ids := oldStore(t, path, []string{"001_init.sql"}, docs)
	if n := segments(t, raw); n < 2 {
		t.Fatalf("%d segments before the upgrade: want several", n)
	}
	want, err := old.Search(ctx, "Entity1", 5)
	if err != nil || len(want) == 0 {
		t.Fatalf("search before: %v %v", want, err)
	}
	raw.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var version int
	if err := db.db.QueryRow(`SELECT max(version) FROM schema_version`).Scan(&version); err != nil || version < 5 {
		t.Errorf("schema version %d (%v), want 5 or more", version, err)
	}
	if n := segments(t, db.db); n != 1 {
		t.Errorf("%d segments after the upgrade, want 1", n)
	}
	got, err := db.Search(ctx, "Entity1", 5)
	if err != nil || len(got) != len(want) {
		t.Fatalf("search after: %d results (%v), want %d", len(got), err, len(want))
	}
	for i := range got {
		if got[i].Document.ID != want[i].Document.ID || got[i].Snippet != want[i].Snippet {
			t.Errorf("result %d: %s %q, want %s %q", i, got[i].Document.ID, got[i].Snippet, want[i].Document.ID, want[i].Snippet)
		}
	}
	for _, id := range ids {
		if _, err := db.Document(ctx, id); err != nil {
			t.Errorf("document %s: %v", id, err)
		}
	}
	// New writes add segments; Optimize merges them again.
	for b := range 3 {
		if _, err := db.Put(ctx, storetest.Synthetic(100+b)); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if n := segments(t, db.db); n != 1 {
		t.Errorf("%d segments after Optimize, want 1", n)
	}
}

// upgradeDocs returns the documents TestUpgradeEntityEvents stores.
func upgradeDocs() []*sitrep.Analysis {
	var docs []*sitrep.Analysis
	for i := range 40 {
		docs = append(docs, storetest.Varied(i))
	}
	return docs
}

// TestUpgradeEntityEvents: migration 003 fills entity_events from the rows
// of a store made before it, and the store then answers every entity's
// events as a store made by today's code does.
func TestUpgradeEntityEvents(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	raw, _, _ := oldStore(t, filepath.Join(dir, "old.db"), []string{"001_init.sql", "002_fts_optimize.sql"}, upgradeDocs())
	raw.Close()
	up, err := Open(filepath.Join(dir, "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	// The upgrade's log was copied into the file and emptied at Open.
	if fi, err := os.Stat(filepath.Join(dir, "old.db-wal")); err != nil {
		t.Error(err)
	} else if fi.Size() != 0 {
		t.Errorf("log after the upgrade: %d bytes, want none", fi.Size())
	}
	fresh, err := Open(filepath.Join(dir, "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	docs := upgradeDocs()
	for b := 0; b < len(docs); b += 5 {
		if _, err := fresh.PutMany(ctx, docs[b:b+5]); err != nil {
			t.Fatal(err)
		}
	}

	// The same rows, and data that decodes to the same events.
	rowsOf := func(db *DB) []string {
		r, err := db.db.Query(`SELECT key, t_earliest, t_latest, doc, event_idx, data FROM entity_events ORDER BY 1, 2, 3, 4, 5`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []string
		for r.Next() {
			var key, earliest, latest, data string
			var doc, idx int
			if err := r.Scan(&key, &earliest, &latest, &doc, &idx, &data); err != nil {
				t.Fatal(err)
			}
			var vals []any
			if err := json.Unmarshal([]byte(data), &vals); err != nil {
				t.Fatalf("data %s: %v", data, err)
			}
			out = append(out, fmt.Sprintf("%s %s %s %d %d %v", key, earliest, latest, doc, idx, vals))
		}
		return out
	}
	want, got := rowsOf(fresh), rowsOf(up)
	if len(want) < 300 {
		t.Fatalf("%d rows in a fresh store's entity_events: want more", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("entity_events after the upgrade: %d rows, want %d", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("first difference:\n%s\nwant\n%s", got[i], want[i])
			}
		}
	}
	// The events counted by span, as Put counts them.
	spans := func(db *DB) map[string]int {
		r, err := db.db.Query(`SELECT name, n FROM counts WHERE name LIKE 'span\_years:%' ESCAPE '\'`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		out := map[string]int{}
		for r.Next() {
			var name string
			var n int
			if err := r.Scan(&name, &n); err != nil {
				t.Fatal(err)
			}
			out[name] = n
		}
		return out
	}
	if got, want := spans(up), spans(fresh); len(want) < 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("span counts after the upgrade %v, a fresh store's %v", got, want)
	}
	var n int
	if err := up.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'event_entities'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("event_entities still there (%d, %v)", n, err)
	}

	ents, err := fresh.Entities(ctx, sitrep.EntityFilter{})
	if err != nil || len(ents) < 20 {
		t.Fatalf("%d entities, %v", len(ents), err)
	}
	for _, e := range ents {
		for _, f := range []sitrep.EventFilter{
			{Entity: e.Name}, {Entity: e.KB}, {Entity: e.Name, Limit: 3}, {Entity: e.Name, From: "2010-01-01", To: "2015-12-31"},
			{Entity: e.Name, Type: "meet"}, {Entity: e.Name, Source: "SITE\"1.example"}, {Entity: e.Name, Mentioned: true},
		} {
			if f.Entity == "" {
				continue
			}
			want, err := fresh.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := up.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Events(%+v) after the upgrade: %d events, a fresh store %d, or they differ", f, len(got), len(want))
			}
		}
	}
}
