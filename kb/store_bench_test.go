package kb

import (
	"context"
	"fmt"
	"os"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/sqlite"
)

// BenchmarkTimelineStored is kb.Timeline alone over the events a store
// returns for entities of different frequency (as sqlite's
// BenchmarkTimeline names them), read once before timing. It runs when
// SITREP_BENCH_STORE names a store built by sqlite's benchmarks, such as
// the 100,000-document one (sitrep-bench-v4-100000.db).
func BenchmarkTimelineStored(b *testing.B) {
	path := os.Getenv("SITREP_BENCH_STORE")
	if path == "" {
		b.Skip("SITREP_BENCH_STORE not set")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skip(err)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	name := func(n int) string { return fmt.Sprintf("Entity%d Name%d", n, n%97) }
	for _, tc := range []struct {
		name string
		f    sitrep.EventFilter
	}{
		{"rare", sitrep.EventFilter{Entity: name(2000)}},
		{"medium", sitrep.EventFilter{Entity: name(200)}},
		{"frequent", sitrep.EventFilter{Entity: name(20)}},
	} {
		evs, err := db.Events(context.Background(), tc.f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			n := 0
			b.ReportAllocs()
			cpu0 := cpuTime()
			for range b.N {
				n = len(Timeline(evs))
			}
			b.ReportMetric(float64(len(evs)), "events")
			b.ReportMetric(float64(n), "items")
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
