package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// FuzzSearch checks that no query makes Search fail: the user's words go
// to FTS5 quoted, so its syntax in a query is only text. Results must be
// stored documents, with snippets of their text.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"troops", `"`, `a OR b`, `NEAR(a b)`, `col:term`, `-x`, `*`, `(((`, `^start`, "\x00", "ü ß 北朝鮮", `""""`, "a AND NOT b"} {
		f.Add(q)
	}
	db, err := sqlite.Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	a := storetest.Synthetic(1)
	if _, err := db.Put(context.Background(), a); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got, err := db.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range got {
			if h.Document.ID != a.Document.ID {
				t.Fatalf("Search(%q) found %q, not a stored document", q, h.Document.ID)
			}
			plain := strings.NewReplacer("[", "", "]", "", "…", "").Replace(h.Snippet)
			for _, part := range strings.Fields(plain) {
				if !strings.Contains(a.Document.Text+" "+a.Document.Title, part) {
					t.Fatalf("Search(%q) snippet %q has %q, not from the text", q, h.Snippet, part)
				}
			}
		}
	})
}
