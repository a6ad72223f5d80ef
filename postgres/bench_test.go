package postgres_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/postgres"
	"github.com/sitrep-news/sitrep/storetest"
)

func benchDB(b *testing.B) *postgres.DB {
	dsn := server(b)
	db, err := postgres.Open(freshSchema(b, dsn))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func benchPut(b *testing.B, batch int) {
	db := benchDB(b)
	as := make([]*sitrep.Analysis, b.N)
	size := 0
	for i := range as {
		as[i] = storetest.Synthetic(i)
		size += len(as[i].Document.Text)
	}
	b.SetBytes(int64(size / max(1, b.N)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		if _, err := db.PutMany(context.Background(), as[i:min(i+batch, b.N)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkPut stores one document per transaction.
func BenchmarkPut(b *testing.B) { benchPut(b, 1) }

// BenchmarkPutMany stores 64 documents per transaction.
func BenchmarkPutMany(b *testing.B) { benchPut(b, 64) }

// BenchmarkEventsByEntity is the timeline of one entity over a store of
// $SITREP_BENCH_DOCS synthetic documents (5,000 by default), built in a
// fresh schema for the run; see the SQLite benchmark of the same name.
func BenchmarkEventsByEntity(b *testing.B) {
	db := benchDB(b)
	n := 5000
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	for i := 0; i < n; i += 128 {
		var batch []*sitrep.Analysis
		for k := i; k < min(i+128, n); k++ {
			batch = append(batch, storetest.Synthetic(k))
		}
		if _, err := db.PutMany(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.Pool().Exec(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	name := func(n int) string { return fmt.Sprintf("Entity%d Name%d", n, n%97) }
	for _, tc := range []struct {
		name string
		f    sitrep.EventFilter
	}{
		{"rare", sitrep.EventFilter{Entity: name(2000)}},
		{"medium", sitrep.EventFilter{Entity: name(200)}},
		{"frequent", sitrep.EventFilter{Entity: name(20)}},
		{"top-limit100", sitrep.EventFilter{Entity: name(0), Limit: 100}},
		{"medium-mentioned", sitrep.EventFilter{Entity: name(200), Mentioned: true}},
		{"all-limit100", sitrep.EventFilter{Limit: 100}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			k := 0
			for i := 0; i < b.N; i++ {
				evs, err := db.Events(ctx, tc.f)
				if err != nil {
					b.Fatal(err)
				}
				k = len(evs)
			}
			b.ReportMetric(float64(k), "events")
		})
	}
	b.Run("search", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := db.Search(ctx, "Entity200 troops", 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("entities", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := db.Entities(ctx, sitrep.EntityFilter{Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
