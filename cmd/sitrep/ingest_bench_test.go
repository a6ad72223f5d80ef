package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/acquire"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/sqlite"
)

// BenchmarkIngest analyses and stores Reuters articles into a fresh SQLite
// file through the same path as `sitrep ingest`, and reports articles per
// second, articles per CPU-second (per core, whatever else the machine
// runs) and the peak heap, which should stay flat as the batch grows.
func BenchmarkIngest(b *testing.B) {
	texts := corpus.Reuters(b, 19000)
	for _, n := range []int{2000, 19000} {
		if n > len(texts) {
			continue
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				st, err := sqlite.Open(filepath.Join(b.TempDir(), "s.db"))
				if err != nil {
					b.Fatal(err)
				}
				srcs := func(yield func(acquire.Input, error) bool) {
					for i, t := range texts[:n] {
						if !yield(acquire.Input{Name: fmt.Sprint("reuters:", i), Bytes: []byte(t), Date: "1987-03-01"}, nil) {
							return
						}
					}
				}
				var peak atomic.Uint64
				done := make(chan struct{})
				go func() {
					var m runtime.MemStats
					for {
						select {
						case <-done:
							return
						case <-time.After(50 * time.Millisecond):
							runtime.ReadMemStats(&m)
							if m.HeapInuse > peak.Load() {
								peak.Store(m.HeapInuse)
							}
						}
					}
				}()
				env := &Env{Stdout: io.Discard, Stderr: io.Discard}
				cpu0, start := corpus.CPUTime(), time.Now()
				b.StartTimer()
				stats, err := ingest(context.Background(), env, st, srcs, ingestOptions{workers: runtime.NumCPU(), maxBytes: extract.DefaultMaxBytes})
				b.StopTimer()
				wall, cpu := time.Since(start), corpus.CPUTime()-cpu0
				close(done)
				st.Close()
				if err != nil || stats.failed > 0 {
					b.Fatalf("ingest: %v, %d failed", err, stats.failed)
				}
				b.ReportMetric(float64(n)/wall.Seconds(), "docs/s")
				b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu-s")
				b.ReportMetric(float64(peak.Load())/1e6, "peak-heap-MB")
			}
		})
	}
}
