package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// BenchmarkPut measures analyses stored per second into a fresh SQLite
// file: one transaction each, text, analysis JSON and all rows.
func BenchmarkPut(b *testing.B) { benchPut(b, 1) }

// BenchmarkPutMany is BenchmarkPut in transactions of 64 documents, as a
// batch ingest stores them.
func BenchmarkPutMany(b *testing.B) { benchPut(b, 64) }

// benchPut stores b.N synthetic analyses, batch to a transaction.
func benchPut(b *testing.B, batch int) {
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	as := make([]*sitrep.Analysis, b.N)
	size := 0
	for i := range as {
		as[i] = storetest.Synthetic(i)
		size += len(as[i].Document.Text)
	}
	b.SetBytes(int64(size / max(1, b.N)))
	b.ReportAllocs()
	b.ResetTimer()
	ctx := context.Background()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i += batch {
		if batch == 1 {
			_, err = db.Put(ctx, as[i])
		} else {
			_, err = db.PutMany(ctx, as[i:min(i+batch, b.N)])
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	reportCPU(b, cpu0)
}

var (
	benchOnce sync.Once
	benchDB   *sqlite.DB
	benchErr  error
)

// benchStore returns a store of $SITREP_BENCH_DOCS synthetic documents
// (10,000 by default), built once and kept in the temporary directory for
// later runs.
func benchStore(b *testing.B) *sqlite.DB {
	benchOnce.Do(func() {
		n := 10000
		if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_DOCS")); err == nil && v > 0 {
			n = v
		}
		path := filepath.Join(os.TempDir(), fmt.Sprintf("sitrep-bench-v4-%d.db", n))
		benchDB, benchErr = sqlite.Open(path)
		if benchErr != nil {
			return
		}
		st, err := benchDB.Stats(context.Background())
		if err != nil {
			benchErr = err
			return
		}
		if st.Documents >= n {
			return
		}
		start := time.Now()
		for i := st.Documents; i < n; i += 128 {
			batch := make([]*sitrep.Analysis, 0, 128)
			for k := i; k < min(i+128, n); k++ {
				batch = append(batch, storetest.Synthetic(k))
			}
			if _, err := benchDB.PutMany(context.Background(), batch); err != nil {
				benchErr = err
				return
			}
		}
		b.Logf("built %s: %d documents in %v", path, n, time.Since(start))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// BenchmarkEventsByEntity is the timeline of one entity over the store:
// entities of different frequency (synthetic names follow a Zipf law; the
// n-th most frequent is "EntityN NameN%97"), by name and by KB id, whole or
// for one year; and the first events of the whole store. A store of 100,000
// documents: SITREP_BENCH_DOCS=100000 (built once, about 3.5 GB).
func BenchmarkEventsByEntity(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	name := func(n int) string { return fmt.Sprintf("Entity%d Name%d", n, n%97) }
	for _, tc := range []struct {
		name string
		f    sitrep.EventFilter
	}{
		{"rare", sitrep.EventFilter{Entity: name(2000)}},
		{"medium", sitrep.EventFilter{Entity: name(200)}},
		{"medium-kb", sitrep.EventFilter{Entity: "Q201"}},
		{"frequent", sitrep.EventFilter{Entity: name(20)}},
		{"frequent-year", sitrep.EventFilter{Entity: name(20), From: "2010-01-01", To: "2010-12-31"}},
		{"top-limit100", sitrep.EventFilter{Entity: name(0), Limit: 100}},
		{"frequent-from-limit40", sitrep.EventFilter{Entity: name(20), From: "2020-01-01", Limit: 40}},
		{"medium-mentioned", sitrep.EventFilter{Entity: name(200), Mentioned: true}},
		{"frequent-mentioned-limit800", sitrep.EventFilter{Entity: name(20), Mentioned: true, Limit: 800}},
		{"all-limit100", sitrep.EventFilter{Limit: 100}},
		{"all-year-limit100", sitrep.EventFilter{From: "2010-01-01", To: "2010-12-31", Limit: 100}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			n := 0
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				evs, err := db.Events(ctx, tc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(evs)
			}
			b.ReportMetric(float64(n), "events")
			reportCPU(b, cpu0)
		})
	}
}

// reportCPU reports the CPU time per operation since cpu0.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkSearch is a full-text query over the benchmark store: a rare
// name with a word every document holds, and names of the most reported
// entities (as the web load test searches).
func BenchmarkSearch(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	for _, q := range []string{"Entity200 troops", "Entity3 Name3", "Entity0 Name0"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := db.Search(ctx, q, 20); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu0)
		})
	}
}

// BenchmarkEntities lists the 50 most reported entities.
func BenchmarkEntities(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := db.Entities(ctx, sitrep.EntityFilter{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
}

// BenchmarkDocuments lists a page of 50 documents, newest first, at
// different depths (the web UI's documents listing and GET
// /api/v1/documents).
func BenchmarkDocuments(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, offset := range []int{0, st.Documents / 20, st.Documents / 2} {
		b.Run(fmt.Sprintf("offset%d", offset), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				docs, err := db.Documents(ctx, sitrep.DocumentFilter{Limit: 50, Offset: offset})
				if err != nil || len(docs) != 50 {
					b.Fatalf("%d documents, %v", len(docs), err)
				}
			}
			reportCPU(b, cpu0)
		})
	}
}

// BenchmarkTimeline is what `sitrep timeline --entity NAME` computes: an
// entity's events from the store merged into timeline items by kb.Timeline.
func BenchmarkTimeline(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	name := func(n int) string { return fmt.Sprintf("Entity%d Name%d", n, n%97) }
	for _, tc := range []struct {
		name string
		f    sitrep.EventFilter
	}{
		{"rare", sitrep.EventFilter{Entity: name(2000)}},
		{"medium", sitrep.EventFilter{Entity: name(200)}},
		{"frequent", sitrep.EventFilter{Entity: name(20)}},
		{"frequent-year", sitrep.EventFilter{Entity: name(20), From: "2010-01-01", To: "2010-12-31"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			n := 0
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				items, err := kb.TimelineOf(ctx, db, tc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(items)
			}
			b.ReportMetric(float64(n), "items")
			reportCPU(b, cpu0)
		})
	}
}

// BenchmarkOpen opens an existing store and reads its counts, as every
// command does first.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "open.db")
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Put(context.Background(), storetest.Synthetic(1)); err != nil {
		b.Fatal(err)
	}
	db.Close()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		db, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Stats(context.Background()); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	reportCPU(b, cpu0)
}
