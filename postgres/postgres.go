// Package postgres is sitrep's shared store: a sitrep.Store in a PostgreSQL
// database, through pgx v5 and its connection pool. Several processes (say,
// several `sitrep ingest`) may write to one database at once: unique
// constraints decide which document is new, and migrations take an
// advisory lock.
package postgres

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a sitrep.Store in a PostgreSQL database.
type DB struct {
	*sqlstore.Store
	pool *pgxpool.Pool
}

var _ sitrep.Store = (*DB)(nil)

// migrationLock is the key of the advisory lock held while migrating.
const migrationLock = 0x5172e9

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string, as pgx takes it) and applies pending migrations. A
// search_path parameter in the URL selects the schema the store lives in.
func Open(dsn string) (*DB, error) {
	return OpenContext(context.Background(), dsn)
}

// OpenContext is Open with a context for connecting and migrating.
func OpenContext(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, &sitrep.Error{Code: sitrep.EINVALID, Input: redact(dsn), Message: "bad PostgreSQL address: " + err.Error(), Err: err}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, &sitrep.Error{Code: sitrep.EUNAVAILABLE, Input: redact(dsn), Message: err.Error(), Err: err}
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, &sitrep.Error{Code: sitrep.EUNAVAILABLE, Input: redact(dsn), Message: "cannot reach PostgreSQL: " + err.Error(), Err: err}
	}
	c := &conn{pool: pool}
	sub, _ := fs.Sub(migrations, "migrations")
	if _, err := sqlstore.Migrate(ctx, c, sub, "SELECT pg_advisory_xact_lock("+strconv.Itoa(migrationLock)+")"); err != nil {
		pool.Close()
		return nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: redact(dsn), Message: "cannot open store: " + err.Error(), Err: err}
	}
	return &DB{Store: sqlstore.New(c, dialect), pool: pool}, nil
}

// Pool returns the connection pool, for tests and tools.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// redact drops a password from a DSN before it goes into a message.
func redact(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil || cfg.Password == "" {
		return dsn
	}
	return strings.ReplaceAll(dsn, cfg.Password, "xxxxx")
}

var dialect = sqlstore.Dialect{
	SearchSQL: `WITH q AS (SELECT to_tsquery('english', ?) AS q),
		hits AS (SELECT d.seq, ts_rank(d.tsv, q.q) AS rank FROM documents d, q WHERE d.tsv @@ q.q ORDER BY rank DESC, d.seq LIMIT ?)
		SELECT d.id, d.hash, d.url, d.title, d.site, d.published, d.dct, d.dct_source, d.format,
			ts_headline('english', d.text, q.q, 'StartSel=[, StopSel=], MinWords=8, MaxWords=24, MaxFragments=1'), h.rank
		FROM hits h JOIN documents d ON d.seq = h.seq, q ORDER BY h.rank DESC, d.seq`,
	FTSQuery: func(words []string) string {
		// Each word a quoted lexeme, all of them required: tsquery
		// operators in a user's query are taken as text.
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = "'" + strings.ReplaceAll(w, "'", "''") + "'"
		}
		return strings.Join(q, " & ")
	},
	MaxParams: 65535,
	Retryable: func(err error) bool {
		var pe *pgconn.PgError
		// serialization_failure, deadlock_detected
		return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
	},
}

// rebind turns the "?" placeholders of sqlstore's queries into $1, $2, ...
// It leaves quoted literals alone.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// conn adapts pgxpool to sqlstore.Conn.
type conn struct{ pool *pgxpool.Pool }

func (c *conn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	r, err := c.pool.Query(ctx, rebind(q), args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (c *conn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return c.pool.QueryRow(ctx, rebind(q), args...)
}

func (c *conn) Begin(ctx context.Context) (sqlstore.Tx, error) {
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &txn{tx: tx}, nil
}

func (c *conn) Close() error {
	c.pool.Close()
	return nil
}

type rows struct{ pgx.Rows }

func (r rows) Close() error {
	r.Rows.Close()
	return r.Rows.Err()
}

// txn queues the statements of Exec in a batch, sent in one round trip at
// the next QueryRow or Commit: a document's many inserts cost one.
type txn struct {
	tx    pgx.Tx
	batch pgx.Batch
}

func (t *txn) flush(ctx context.Context) error {
	if t.batch.Len() == 0 {
		return nil
	}
	b := t.batch
	t.batch = pgx.Batch{}
	return t.tx.SendBatch(ctx, &b).Close()
}

func (t *txn) Exec(ctx context.Context, q string, args ...any) error {
	if len(args) == 0 {
		// Possibly several statements (a migration): the simple protocol
		// takes them, a batch does not.
		if err := t.flush(ctx); err != nil {
			return err
		}
		_, err := t.tx.Exec(ctx, q)
		return err
	}
	t.batch.Queue(rebind(q), args...)
	return nil
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (t *txn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	r, err := t.tx.Query(ctx, rebind(q), args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (t *txn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	if err := t.flush(ctx); err != nil {
		return errRow{err}
	}
	return t.tx.QueryRow(ctx, rebind(q), args...)
}

func (t *txn) Commit(ctx context.Context) error {
	if err := t.flush(ctx); err != nil {
		t.tx.Rollback(ctx)
		return err
	}
	return t.tx.Commit(ctx)
}

func (t *txn) Rollback(ctx context.Context) error {
	err := t.tx.Rollback(ctx)
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}
