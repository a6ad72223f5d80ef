package postgres

import (
	"context"
	"io/fs"
	"testing/fstest"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/store/sqlstore"
)

// oldLinksSQL fills event_entities, the table entity_events replaced, as
// Put filled it before migration 002: a row per event, role and entity (the
// first of the document's entities with the event's id for that role).
const oldLinksSQL = `INSERT INTO event_entities (doc, event_idx, role, kb, norm, t_earliest, t_latest)
	SELECT e.doc, e.idx, r.role, en.kb, en.norm, e.t_earliest, e.t_latest
	FROM events e
	CROSS JOIN (VALUES ('actor'), ('target'), ('location')) AS r (role)
	JOIN entities en ON en.doc = e.doc AND en.idx = (SELECT min(idx) FROM entities x WHERE x.doc = e.doc AND x.id =
		CASE r.role WHEN 'actor' THEN e.actor WHEN 'target' THEN e.target ELSE e.location END AND x.id <> '')
	WHERE en.kb <> '' OR en.norm <> ''
	ON CONFLICT DO NOTHING`

// MakeOldStore makes in the database dsn names a store as the code before
// migration 002 made it: schema 001, the documents put in batches of five
// and the rows Put wrote then.
func MakeOldStore(ctx context.Context, dsn string, docs []*sitrep.Analysis) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	c := &conn{pool: pool}
	defer c.Close()
	first, err := fs.ReadFile(migrations, "migrations/001_init.sql")
	if err != nil {
		return err
	}
	if _, err := sqlstore.Migrate(ctx, c, fstest.MapFS{"001_init.sql": {Data: first}}, ""); err != nil {
		return err
	}
	// Today's Put fills entity_events: a stand-in, dropped afterwards.
	if _, err := pool.Exec(ctx, `CREATE TABLE entity_events (key TEXT, t_earliest TEXT, t_latest TEXT, doc BIGINT, event_idx INTEGER, data TEXT)`); err != nil {
		return err
	}
	old := sqlstore.New(c, dialect)
	for b := 0; b < len(docs); b += 5 {
		if _, err := old.PutMany(ctx, docs[b:min(b+5, len(docs))]); err != nil {
			return err
		}
	}
	for _, q := range []string{oldLinksSQL, `DROP TABLE entity_events`} {
		if _, err := pool.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
