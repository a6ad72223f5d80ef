package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/storetest"
)

// server returns the PostgreSQL server named by SITREP_TEST_POSTGRES, or
// skips the test.
func server(t testing.TB) string {
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SITREP_TEST_POSTGRES names no PostgreSQL server (e.g. postgres://127.0.0.1:5432/test?sslmode=disable)")
	}
	return dsn
}

// freshSchema creates a schema with a random name, drops it when the test
// ends, and returns the DSN that puts the store in it.
func freshSchema(t testing.TB, dsn string) string {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	defer c.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "sitrep_test_" + hex.EncodeToString(b)
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	dsn := server(t)
	storetest.Run(t, func(t *testing.T) sitrep.Store {
		db, err := postgres.Open(freshSchema(t, dsn))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestSeveralWriters opens several stores (as several `sitrep ingest`
// processes would) on one schema at once and puts the same documents
// through all of them: each is stored once.
func TestSeveralWriters(t *testing.T) {
	dsn := freshSchema(t, server(t))
	const writers, docs = 4, 40
	stores := make([]*postgres.DB, writers)
	var wg sync.WaitGroup
	errs := make(chan error, writers*docs)
	for w := range writers { // concurrent Opens race on the migrations too
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(dsn)
			if err != nil {
				errs <- err
				return
			}
			stores[w] = db
		}()
	}
	wg.Wait()
	for _, db := range stores {
		if db != nil {
			defer db.Close()
		}
	}
	select {
	case err := <-errs:
		t.Fatalf("Open: %v", err)
	default:
	}
	var mu sync.Mutex
	created := 0
	for w, db := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Overlapping batches in different orders, and single puts.
			for k := 0; k < docs; k += 5 {
				var batch []*sitrep.Analysis
				for j := k; j < k+5; j++ {
					i := (j + w*7) % docs
					if w%2 == 1 {
						i = docs - 1 - i
					}
					batch = append(batch, storetest.Synthetic(i))
				}
				if w == 0 {
					batch = batch[:1]
				}
				res, err := db.PutMany(context.Background(), batch)
				if err != nil {
					errs <- err
					return
				}
				for _, r := range res {
					if r.Created {
						mu.Lock()
						created++
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("Put: %v", err)
	}
	st, err := stores[0].Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if created != docs || st.Documents != docs {
		t.Errorf("created %d, stored %d documents; want %d", created, st.Documents, docs)
	}
}

func TestOpenUnreachable(t *testing.T) {
	_, err := postgres.Open("postgres://127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if sitrep.ErrorCode(err) != sitrep.EUNAVAILABLE {
		t.Errorf("Open(unreachable) = %v, want EUNAVAILABLE", err)
	}
	_, err = postgres.Open("postgres://[bad")
	if sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("Open(bad dsn) = %v, want EINVALID", err)
	}
}
