package store_test

import (
	"path/filepath"
	"testing"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/store"
)

func TestOpenSQLite(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "a", "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*sqlite.DB); !ok {
		t.Errorf("Open(path) = %T, want *sqlite.DB", s)
	}
}

func TestOpenPostgres(t *testing.T) {
	// An unreachable server: the dispatcher must have chosen PostgreSQL.
	_, err := store.Open("postgresql://127.0.0.1:1/x?sslmode=disable&connect_timeout=1")
	if sitrep.ErrorCode(err) != sitrep.EUNAVAILABLE {
		t.Errorf("Open(postgresql://...) = %v, want EUNAVAILABLE from postgres", err)
	}
	var _ sitrep.Store = (*postgres.DB)(nil)
}

func TestIsPostgres(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://h/db": true, "POSTGRES://h/db": true,
		"/tmp/sitrep.db": false, "postgres.db": false, "": false,
	} {
		if got := store.IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", dsn, got, want)
		}
	}
}

func TestDefaultDSN(t *testing.T) {
	env := map[string]string{"HOME": "/home/u", "SITREP_DB": "postgres://h/db"}
	if got := store.DefaultDSN(func(k string) string { return env[k] }); got != "postgres://h/db" {
		t.Errorf("DefaultDSN with SITREP_DB = %q", got)
	}
	delete(env, "SITREP_DB")
	if got, want := store.DefaultDSN(func(k string) string { return env[k] }), filepath.FromSlash("/home/u/.local/share/sitrep/sitrep.db"); got != want {
		t.Errorf("DefaultDSN = %q, want %q", got, want)
	}
}
