// Package sqlstore is the SQL behind sitrep's stores: the Put transaction,
// the row layout and the queries, written once in the SQL that SQLite and
// PostgreSQL share. The sqlite and postgres packages adapt their driver to
// Conn, supply a Dialect for the parts that differ (full-text search,
// migration locking) and their own migrations; they are its only callers.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-news/sitrep"
)

// Conn is a database connection pool. Queries use "?" placeholders; a
// backend whose driver wants another style rewrites them.
type Conn interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	Begin(ctx context.Context) (Tx, error)
	Close() error
}

// Tx is a write transaction. Exec may defer a statement until the next
// Query, QueryRow or Commit (to send many in one round trip) and report its
// error then.
type Tx interface {
	Exec(ctx context.Context, query string, args ...any) error
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// Rows iterates over a query's result.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// Row is a single-row result. Scan returns an error that errors.Is
// sql.ErrNoRows when there is no row.
type Row interface {
	Scan(dest ...any) error
}

// Dialect holds what differs between backends.
type Dialect struct {
	// IndexTable is the full-text table Put fills with the rowid (the
	// document's seq), title and text of each document; "" when the
	// database indexes documents by itself (a generated tsvector column).
	IndexTable string
	// SearchSQL finds documents: it takes the query (as FTSQuery made it)
	// and a limit and returns the document columns of documentColumns
	// prefixed "d.", then a snippet and a rank.
	SearchSQL string
	// FTSQuery turns the words of a user's query into the engine's query.
	FTSQuery func(words []string) string
	// Snippet, when set, makes the snippets: SearchSQL then gives the
	// document's text in place of the snippet, and Snippet is called
	// with it, the title and the query's words.
	Snippet func(text, title string, words []string) string
	// MigrationLock is run first in each migration transaction to keep
	// several processes from migrating at once; "" when Begin already
	// serializes writers.
	MigrationLock string
	// MaxParams is the most placeholders one statement may hold.
	MaxParams int
	// Retryable reports whether a failed Put transaction may succeed when
	// run again (a deadlock between concurrent writers); nil: never.
	Retryable func(error) bool
}

// Store implements sitrep.Store over a Conn.
type Store struct {
	conn Conn
	d    Dialect
	// Now gives the ingestion time of a document; time.Now by default.
	Now func() time.Time
}

// New returns a Store over conn, which it owns and closes.
func New(conn Conn, d Dialect) *Store {
	if d.MaxParams <= 0 {
		d.MaxParams = 999
	}
	return &Store{conn: conn, d: d, Now: time.Now}
}

// Close closes the connection pool.
func (s *Store) Close() error { return s.conn.Close() }

// Migrate applies the migrations in fsys (files named NNN_name.sql, in the
// order of NNN) that the schema_version table does not list yet, each in its
// own transaction. It returns the schema version reached.
func Migrate(ctx context.Context, conn Conn, fsys fs.FS, lock string) (int, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return 0, err
	}
	type migration struct {
		version int
		name    string
	}
	var ms []migration
	for _, n := range names {
		num, _, ok := strings.Cut(path.Base(n), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return 0, fmt.Errorf("migration %s: name must start with a positive number and _", n)
		}
		ms = append(ms, migration{v, n})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	reached := 0
	for _, m := range ms {
		body, err := fs.ReadFile(fsys, m.name)
		if err != nil {
			return reached, err
		}
		if err := migrateOne(ctx, conn, lock, m.version, string(body)); err != nil {
			return reached, fmt.Errorf("migration %s: %w", m.name, err)
		}
		reached = m.version
	}
	return reached, nil
}

func migrateOne(ctx context.Context, conn Conn, lock string, version int, body string) (err error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback(ctx)
		}
	}()
	if lock != "" {
		if err := tx.Exec(ctx, lock); err != nil {
			return err
		}
	}
	if err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return tx.Rollback(ctx)
	}
	if err := tx.Exec(ctx, body); err != nil {
		return err
	}
	if err := tx.Exec(ctx, `INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`,
		version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// normName folds a name for matching: lower case, single spaces.
func normName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// isDate reports whether s starts with a YYYY-MM-DD date.
func isDate(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i := range 10 {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// docDate is the date a document is filed under: its published date, else
// its DCT, else "".
func docDate(d *sitrep.Document) string {
	if isDate(d.Published) {
		return d.Published[:10]
	}
	if isDate(d.DCT) {
		return d.DCT[:10]
	}
	return ""
}

func internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var se *sitrep.Error
	if errors.As(err, &se) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", op, err)
	}
	return &sitrep.Error{Code: sitrep.EINTERNAL, Message: op + ": " + err.Error(), Err: err}
}

var errNoRows = sql.ErrNoRows
