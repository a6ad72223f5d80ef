package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
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

// TestUpgrade: a store made by the first schema alone (001, as the code
// before 002 made it), filled in several transactions, opens with the
// current code: the later migrations apply, its index is merged into one
// segment and it answers as before.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	first, err := fs.ReadFile(migrations, "migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	c := &conn{db: raw}
	if v, err := sqlstore.Migrate(ctx, c, fstest.MapFS{"001_init.sql": {Data: first}}, ""); err != nil || v != 1 {
		t.Fatalf("migrate to 001: %d %v", v, err)
	}
	old := sqlstore.New(c, dialect)
	var ids []string
	for b := range 6 {
		var as []*sitrep.Analysis
		for i := range 5 {
			as = append(as, storetest.Synthetic(10*b+i))
		}
		res, err := old.PutMany(ctx, as)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res[0].ID)
	}
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
	if err := db.db.QueryRow(`SELECT max(version) FROM schema_version`).Scan(&version); err != nil || version < 2 {
		t.Errorf("schema version %d (%v), want 2 or more", version, err)
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
