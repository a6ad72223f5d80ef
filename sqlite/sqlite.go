// Package sqlite is sitrep's embedded store: a sitrep.Store in one SQLite
// file, through modernc.org/sqlite (pure Go, no cgo). The file runs in WAL
// mode with foreign keys on and a busy timeout, so several processes may
// share it; its schema is applied from embedded migrations at Open.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/store/sqlstore"
	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeout is how long, in milliseconds, a writer waits for another
// process's write transaction before giving up.
const BusyTimeout = 10000

// DB is a sitrep.Store in a SQLite file.
type DB struct {
	*sqlstore.Store
	db   *sql.DB
	path string
}

var _ sitrep.Store = (*DB)(nil)

// Open opens the store in the SQLite file at path, creating the file and
// its parent directories if needed and applying pending migrations. A path
// of ":memory:" is not supported (each connection would see its own
// database); use a file in a temporary directory instead.
func Open(path string) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, sitrep.Errorf(sitrep.EINVALID, path, "store path must name a file")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, &sitrep.Error{Code: sitrep.EINVALID, Input: path, Message: "cannot create the store's directory: " + err.Error(), Err: err}
		}
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeout),
		"journal_mode(WAL)",
		"foreign_keys(1)",
		// In WAL mode NORMAL loses no committed transaction on a process
		// crash, only possibly the last ones on a power loss, and never
		// corrupts the file.
		"synchronous(NORMAL)",
		// Statement journals and temporary indexes in memory, not in
		// temporary files: each page written there was a system call.
		"temp_store(MEMORY)",
		// 32 MiB of page cache per connection, so a batch of documents
		// does not spill pages to the log before it commits.
		"cache_size(-32768)",
		// Read pages through a memory map of the file (up to 2 GB of it):
		// no system call and no copy per page read. Halves the time of a
		// large timeline on a store bigger than the page cache.
		"mmap_size(2147418112)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers take the lock at BEGIN: no upgrade deadlocks
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: path, Message: err.Error(), Err: err}
	}
	db.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	db.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	conn := &conn{db: db}
	sub, _ := fs.Sub(migrations, "migrations")
	// Several processes opening a new file at once race to set it up (WAL
	// mode, the schema); the loser may get SQLITE_BUSY at once, without
	// the busy timeout, and tries again.
	setup := func() error {
		var before int // 0: a new file (or an error: no harm either way)
		db.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&before)
		reached, err := sqlstore.Migrate(context.Background(), conn, sub, "")
		if err != nil {
			return err
		}
		if before > 0 && reached > before {
			// An upgrade that rewrote tables (003 fills entity_events)
			// leaves a log as large as what it wrote, and every read
			// looks up each page in it until a writer starts the log
			// anew: copy it to the file and empty it now. Best effort,
			// without waiting for other processes' transactions.
			checkpoint(db)
		}
		return conn.prepare(context.Background(), sqlstore.WriteStatements(dialect))
	}
	for deadline := time.Now().Add(BusyTimeout * time.Millisecond); ; {
		if err = setup(); err == nil || !busy(err) || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		conn.Close()
		return nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: path, Message: "cannot open store: " + err.Error(), Err: err}
	}
	return &DB{Store: sqlstore.New(conn, dialect), db: db, path: path}, nil
}

// checkpoint copies the log into the file and empties it, unless another
// connection is reading or writing: it does not wait for them.
func checkpoint(db *sql.DB) {
	ctx := context.Background()
	c, err := db.Conn(ctx)
	if err != nil {
		return
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return
	}
	c.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	c.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, BusyTimeout))
}

// busy reports whether err is SQLite's "database is locked".
func busy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && (e.Code()&0xff == sqlite3.SQLITE_BUSY || e.Code()&0xff == sqlite3.SQLITE_LOCKED)
}

// Optimize merges the full-text index into one segment. Each write
// transaction adds a segment that SQLite merges with others only now and
// then, and a search seeks in every one: on a store of 10,000 documents
// put in 40 batches (14 segments) a search costs half as much again as
// after Optimize. Run it after a bulk load; it rewrites the index, about
// a second per 10,000 documents, holding the write lock.
func (db *DB) Optimize(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, `INSERT INTO documents_fts(documents_fts) VALUES('optimize')`); err != nil {
		return &sitrep.Error{Code: sitrep.EINTERNAL, Input: db.path, Message: "optimize: " + err.Error(), Err: err}
	}
	return nil
}

// Path returns the file the store lives in.
func (db *DB) Path() string { return db.path }

var dialect = sqlstore.Dialect{
	IndexTable: "documents_fts",
	// The best matches are ranked first, in SQL; the snippets of those
	// are made in Go (see snippet).
	//
	// Ranking costs about a microsecond a match (bm25 reads each
	// document's length with a query of its own), 10 ms for a name found
	// in 8,000 of 10,000 documents: a query that matches more than
	// SearchCandidates documents ranks the newest SearchCandidates of
	// them (by ingestion), found cheaply by rowid.
	// The newest candidates are read once, newest first, and ranked as
	// they are read (FTS5 walks a match list by descending rowid).
	SearchSQL: `WITH cand AS (SELECT rowid AS seq, bm25(documents_fts, 2.0, 1.0) AS r FROM documents_fts
			WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT ` + strconv.Itoa(SearchCandidates) + `),
		top AS (SELECT seq, r FROM cand ORDER BY r, seq LIMIT ?2)
		SELECT d.id, d.hash, d.url, d.title, d.site, d.published, d.dct, d.dct_source, d.format, d.text, -top.r
		FROM top JOIN documents d ON d.seq = top.seq
		ORDER BY top.r, top.seq`,
	Snippet: snippet,
	FTSQuery: func(words []string) string {
		// Each word quoted: FTS5 operators and punctuation in a user's
		// query are taken as text.
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		return strings.Join(q, " ")
	},
	MaxParams: 32766,
}

// SearchCandidates is the most matches of one search that are ranked:
// a query matching more documents ranks the newest SearchCandidates of
// them (the most recently stored), so that the cost of a search is
// bounded however common its words (a few milliseconds).
const SearchCandidates = 1000

// DefaultPath returns where the store lives by default: sitrep.db in the
// user's data directory, $XDG_DATA_HOME/sitrep, else ~/.local/share/sitrep
// ($LOCALAPPDATA\sitrep on Windows). getenv is os.Getenv in production.
func DefaultPath(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "sitrep", "sitrep.db")
	}
	if runtime.GOOS == "windows" {
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "sitrep", "sitrep.db")
		}
	}
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE")
	}
	if home == "" {
		return "sitrep.db"
	}
	return filepath.Join(home, ".local", "share", "sitrep", "sitrep.db")
}

// conn adapts database/sql to sqlstore.Conn. It keeps the statements of
// write transactions prepared: sqlstore uses few distinct ones, and
// preparing them anew for every document cost more than running them;
// and those of reads, as they come.
type conn struct {
	db    *sql.DB
	stmts sync.Map // query -> *sql.Stmt
	nread atomic.Int32
}

// prepare prepares the statements of write transactions once, before any
// transaction: preparing one later would take a second connection from the
// pool while the transaction holds the write lock.
func (c *conn) prepare(ctx context.Context, qs []string) error {
	for _, q := range qs {
		s, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", q, err)
		}
		if old, ok := c.stmts.Swap(q, s); ok {
			old.(*sql.Stmt).Close()
		}
	}
	return nil
}

// maxReadStmts bounds the read statements kept prepared: queries are built
// from a few filters, with placeholders for values, so a store sees few
// distinct ones; past the bound, queries are prepared each time.
const maxReadStmts = 256

// readStmt returns q prepared, or nil when too many are already kept (or
// preparing fails: running q then reports the error). Parsing a query
// cost about as much as running a small one (a search's, 0.2 ms).
func (c *conn) readStmt(ctx context.Context, q string) *sql.Stmt {
	if s, ok := c.stmts.Load(q); ok {
		return s.(*sql.Stmt)
	}
	if c.nread.Load() >= maxReadStmts {
		return nil
	}
	s, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	if old, loaded := c.stmts.LoadOrStore(q, s); loaded {
		s.Close()
		return old.(*sql.Stmt)
	}
	c.nread.Add(1)
	return s
}

func (c *conn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	if s := c.readStmt(ctx, q); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return c.db.QueryContext(ctx, q, args...)
}

func (c *conn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	if s := c.readStmt(ctx, q); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return c.db.QueryRowContext(ctx, q, args...)
}

func (c *conn) Begin(ctx context.Context) (sqlstore.Tx, error) {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &txn{c, tx}, nil
}

func (c *conn) Close() error {
	c.stmts.Range(func(_, s any) bool {
		s.(*sql.Stmt).Close()
		return true
	})
	return c.db.Close()
}

type txn struct {
	c  *conn
	tx *sql.Tx
}

func (t *txn) Exec(ctx context.Context, q string, args ...any) error {
	if s, ok := t.c.stmts.Load(q); ok {
		_, err := t.tx.StmtContext(ctx, s.(*sql.Stmt)).ExecContext(ctx, args...)
		return err
	}
	_, err := t.tx.ExecContext(ctx, q, args...)
	return err
}

func (t *txn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	if s, ok := t.c.stmts.Load(q); ok {
		return t.tx.StmtContext(ctx, s.(*sql.Stmt)).QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}

func (t *txn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	if s, ok := t.c.stmts.Load(q); ok {
		return t.tx.StmtContext(ctx, s.(*sql.Stmt)).QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

func (t *txn) Commit(context.Context) error   { return t.tx.Commit() }
func (t *txn) Rollback(context.Context) error { return t.tx.Rollback() }
