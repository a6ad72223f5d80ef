package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// The load test: a store of synthetic documents (SITREP_BENCH_DOCS, default
// 10,000) served on loopback, 50 concurrent clients each sending a fixed
// number of API requests (timeline by entity, entities, documents,
// search), reporting p50 and p99 latency. SITREP_BENCH_DB keeps the store in
// a file that later runs reuse, since building it is the slow part.
// SITREP_BENCH_CONCURRENCY sets Server.Concurrency, to compare admission
// widths.
//
//	go test ./web -run '^$' -bench BenchmarkAPILoad -benchtime 1x

const loadPerClient = 40

// loadClients is 50, or SITREP_BENCH_CLIENTS (to measure service times).
func loadClients() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_CLIENTS")); err == nil && n > 0 {
		return n
	}
	return 50
}

func loadStore(b *testing.B) (sitrep.Store, int) {
	b.Helper()
	n := 10000
	if v := os.Getenv("SITREP_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("SITREP_BENCH_DOCS=%q", v)
		}
	}
	path := os.Getenv("SITREP_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "load.db")
	}
	st, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if stats.Documents >= n {
		return st, stats.Documents
	}
	start := time.Now()
	const batch = 250
	for i := stats.Documents; i < n; i += batch {
		var as []*sitrep.Analysis
		for j := i; j < min(n, i+batch); j++ {
			as = append(as, storetest.Synthetic(j))
		}
		if _, err := st.PutMany(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	// As after any bulk load: the full-text index merged into one segment.
	if err := st.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("built a store of %d synthetic documents in %s", n, time.Since(start).Round(time.Millisecond))
	return st, n
}

func BenchmarkAPILoad(b *testing.B) {
	st, docs := loadStore(b)
	defer st.Close()
	ctx := context.Background()
	ents, err := st.Entities(ctx, sitrep.EntityFilter{Limit: 400})
	if err != nil || len(ents) < 10 {
		b.Fatalf("entities: %v (%d)", err, len(ents))
	}
	// pick returns a request of one of the four kinds, about one of the
	// first n entities, and a page of documents among the first pages.
	pick := func(n, pages int) func(rng *rand.Rand) (int, string) {
		return func(rng *rand.Rand) (int, string) {
			e := ents[rng.IntN(min(n, len(ents)))]
			switch k := rng.IntN(4); k {
			case 0:
				return k, "/api/v1/timeline?entity=" + url.QueryEscape(e.Name)
			case 1:
				return k, "/api/v1/entities?limit=50"
			case 2:
				return k, fmt.Sprintf("/api/v1/documents?limit=50&offset=%d", 50*rng.IntN(pages))
			default:
				return k, "/api/v1/search?q=" + url.QueryEscape(e.Name)
			}
		}
	}
	// The server runs with the GC target sitrep serve sets (unless GOGC
	// is set, as there).
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	}
	// mixed: any of the 400 most reported entities, any page of documents:
	// most requests miss the cache.
	b.Run("mixed", func(b *testing.B) { runLoad(b, st, docs, pick(400, docs/50)) })
	// story: a newsroom following one story: the 10 most reported
	// entities and the newest pages, mostly answered from the cache.
	b.Run("story", func(b *testing.B) { runLoad(b, st, docs, pick(10, 4)) })
}

func runLoad(b *testing.B, st sitrep.Store, docs int, pick func(*rand.Rand) (int, string)) {
	s := New(st, nil)
	// SITREP_BENCH_CONCURRENCY sets Server.Concurrency (to compare).
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_CONCURRENCY")); err == nil && n > 0 {
		s.Concurrency = n
	}
	srv := httptest.NewServer(s) // loopback only
	defer srv.Close()
	kinds := []string{"timeline", "entities", "documents", "search"}
	var kmu sync.Mutex
	byKind := make([][]time.Duration, len(kinds))
	misses := make([]int, len(kinds)) // answers computed, not from the cache
	clients := loadClients()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 60 * time.Second}
	var all []time.Duration
	load0 := loadAvg()
	cpu0 := cpuTime()
	wall0 := time.Now()
	for b.Loop() {
		lat := make([][]time.Duration, clients)
		var wg sync.WaitGroup
		errs := make(chan error, clients)
		for c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(c), 7))
				for range loadPerClient {
					k, u := pick(rng)
					u = srv.URL + u
					t0 := time.Now()
					resp, err := client.Get(u)
					if err != nil {
						errs <- err
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						errs <- fmt.Errorf("GET %s: %s", u, resp.Status)
						return
					}
					d := time.Since(t0)
					lat[c] = append(lat[c], d)
					kmu.Lock()
					byKind[k] = append(byKind[k], d)
					if resp.Header.Get("X-Cache") == "miss" {
						misses[k]++
					}
					kmu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		for _, l := range lat {
			all = append(all, l...)
		}
	}
	b.StopTimer()
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	pct := func(ds []time.Duration, p float64) float64 {
		return ms(ds[min(len(ds)-1, int(p*float64(len(ds))))])
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	b.ReportMetric(pct(all, 0.50), "p50-ms")
	b.ReportMetric(pct(all, 0.99), "p99-ms")
	b.ReportMetric(float64(docs), "docs")
	// CPU time of this process (server and clients) per request: what a
	// request costs whatever else the machine runs.
	b.ReportMetric(ms(cpu)/float64(len(all)), "cpu-ms/req")
	b.ReportMetric(0, "ns/op")
	for k, ds := range byKind {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		if len(ds) > 0 {
			b.Logf("%-9s %4d requests (%3d computed): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
				kinds[k], len(ds), misses[k], pct(ds, 0.5), pct(ds, 0.99), ms(ds[len(ds)-1]))
		}
	}
	b.Logf("%d requests from %d clients over %d documents: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
		len(all), clients, docs, pct(all, 0.50), pct(all, 0.99), ms(all[len(all)-1]))
	b.Logf("CPU %.1f ms per request (server and clients), %.2f cores busy of %d; load average %s before, %s after",
		ms(cpu)/float64(len(all)), cpu.Seconds()/wall.Seconds(), runtime.NumCPU(), load0, loadAvg())
}

// loadAvg is the machine's 1-minute load average, "?" where unknown.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// BenchmarkAPIRequest measures the service time of each kind of API
// request of the load test, one at a time with the response cache off: what
// one request costs the server when it misses the cache.
//
//	SITREP_BENCH_DB=/tmp/load10k.db go test ./web -run '^$' -bench BenchmarkAPIRequest
func BenchmarkAPIRequest(b *testing.B) {
	st, docs := loadStore(b)
	defer st.Close()
	ents, err := st.Entities(context.Background(), sitrep.EntityFilter{Limit: 400})
	if err != nil || len(ents) < 10 {
		b.Fatalf("entities: %v (%d)", err, len(ents))
	}
	srv := New(st, nil)
	srv.CacheTTL = 0
	for _, k := range []struct {
		name string
		url  func(i int) string
	}{
		{"timeline", func(i int) string {
			return "/api/v1/timeline?entity=" + url.QueryEscape(ents[i%len(ents)].Name)
		}},
		{"timeline-top10", func(i int) string {
			return "/api/v1/timeline?entity=" + url.QueryEscape(ents[i%10].Name)
		}},
		{"entities", func(int) string { return "/api/v1/entities?limit=50" }},
		{"documents", func(i int) string {
			return fmt.Sprintf("/api/v1/documents?limit=50&offset=%d", 50*(i%(docs/50)))
		}},
		{"search", func(i int) string { return "/api/v1/search?q=" + url.QueryEscape(ents[i%len(ents)].Name) }},
		{"search-top10", func(i int) string { return "/api/v1/search?q=" + url.QueryEscape(ents[i%10].Name) }},
	} {
		b.Run(k.name, func(b *testing.B) {
			b.ReportAllocs()
			var bytes int64
			i := 0
			cpu0 := cpuTime()
			for b.Loop() {
				req := httptest.NewRequest("GET", k.url(i), nil)
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("GET %s: %d %s", req.URL, rec.Code, rec.Body)
				}
				bytes += int64(rec.Body.Len())
				i++
			}
			b.ReportMetric(float64(bytes)/float64(i), "resp-bytes")
			// CPU time per request, whatever else the machine runs
			// (ns/op is wall time).
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(i), "cpu-ms/op")
		})
	}
}
