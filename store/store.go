// Package store opens the sitrep.Store a user names: a PostgreSQL database
// for a postgres:// URL, else a SQLite file. The CLI and the web server call
// Open with the value of --db or SITREP_DB, or with DefaultDSN.
package store

import (
	"strings"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/sqlite"
)

// Open opens the store named by dsn: a "postgres://" or "postgresql://" URL
// opens a PostgreSQL store (postgres.Open), anything else is the path of a
// SQLite file (sqlite.Open), created with its directories if missing.
func Open(dsn string) (sitrep.Store, error) {
	if IsPostgres(dsn) {
		db, err := postgres.Open(dsn)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := sqlite.Open(dsn)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// DefaultDSN returns the store to use when no --db flag names one:
// $SITREP_DB, else the SQLite file in the user's data directory
// (sqlite.DefaultPath). getenv is os.Getenv in production.
func DefaultDSN(getenv func(string) string) string {
	if v := strings.TrimSpace(getenv("SITREP_DB")); v != "" {
		return v
	}
	return sqlite.DefaultPath(getenv)
}
