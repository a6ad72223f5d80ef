package sqlite_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

func open(t *testing.T) sitrep.Store {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "sub", "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, open)
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}, "/data/sitrep/sitrep.db"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/sitrep/sitrep.db"},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/share/sitrep/sitrep.db"},
		{map[string]string{}, "sitrep.db"},
	} {
		if got := sqlite.DefaultPath(env(tc.env)); got != filepath.FromSlash(tc.want) {
			t.Errorf("DefaultPath(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Put(t.Context(), storetest.Synthetic(3))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = sqlite.Open(path) // migrations already applied: a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Document(t.Context(), res.ID); err != nil {
		t.Fatal(err)
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", ":memory:"} {
		if _, err := sqlite.Open(p); sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("Open(%q) = %v, want EINVALID", p, err)
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a b#c?d%20e")
	path := filepath.Join(dir, "my store.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(t.Context(), storetest.Synthetic(1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the store is not at %q: %v", path, err)
	}
}

// TestOpenConcurrently opens a new file from several stores at once, as
// several `sitrep ingest` started together do: all of them succeed.
func TestOpenConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	const n = 6
	errs := make(chan error, n)
	dbs := make(chan *sqlite.DB, n)
	for i := range n {
		go func() {
			db, err := sqlite.Open(path)
			if err != nil {
				errs <- err
				return
			}
			dbs <- db // before the error: all are sent when all errors are in
			_, err = db.Put(t.Context(), storetest.Synthetic(i))
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	close(dbs)
	for db := range dbs {
		db.Close()
	}
}
