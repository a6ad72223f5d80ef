package postgres_test

import (
	"context"
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
