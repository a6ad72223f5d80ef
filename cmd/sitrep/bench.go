package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/internal/jsonx"
	"github.com/sitrep-news/sitrep/nlp/text"
)

const benchUsage = `bench [JSONL] [--docs N] [--workers N]

Measures throughput on a JSONL corpus (default: the Reuters-21578 corpus in
../shared/eval/news): segmentation alone, then the whole analysis pipeline
on one core and on --workers cores, then the analysis with each
document's JSON line encoded as analyze --jsonl writes it. Each document
is analysed with its "date" as the document creation time, as analyze
--jsonl and ingest take it. Reports documents/s, MB/s, MB/s per core (wall
clock), MB/s per CPU-second (independent of other load on the machine) and
memory: the heap live after a collection, the memory obtained from the OS
and the bytes allocated per document.

Flags:`

func runBench(env *Env, args []string) error {
	fs := newFlags(env, "bench", benchUsage)
	docs := fs.Int("docs", 2000, "use the first `N` documents (0: all)")
	workers := fs.Int("workers", runtime.NumCPU(), "cores for the parallel run")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	path := "../shared/eval/news/reuters21578.jsonl"
	if len(pos) > 0 {
		path = pos[0]
	}
	texts, size, err := loadBenchCorpus(path, *docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "corpus: %s — %d documents, %.2f MB; %d cores available\n\n", path, len(texts), float64(size)/1e6, runtime.NumCPU())
	fmt.Fprintf(env.Stdout, "%-24s %10s %10s %14s %16s\n", "", "docs/s", "MB/s", "MB/s per core", "MB/s per CPU-s")
	var cpu0 time.Duration
	var start time.Time
	begin := func() { cpu0, start = cpuTime(), time.Now() }
	report := func(name string, cores int) {
		d, c := time.Since(start), cpuTime()-cpu0
		mbs := float64(size) / 1e6 / d.Seconds()
		fmt.Fprintf(env.Stdout, "%-24s %10.0f %10.2f %14.2f %16.2f  (%s wall, %s CPU, %d cores)\n",
			name, float64(len(texts))/d.Seconds(), mbs, mbs/float64(cores), float64(size)/1e6/c.Seconds(),
			d.Round(time.Millisecond), c.Round(time.Millisecond), cores)
	}
	// Segmentation as the pipeline runs it: into one reused document, so
	// that the row measures segmenting rather than allocating.
	var d text.Doc
	begin()
	for _, t := range texts {
		text.SegmentInto(&d, t.Text)
	}
	report("segmentation", 1)

	a := analyze.New()
	var m0 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	begin()
	for _, t := range texts {
		a.Analyze(t)
	}
	report("analysis, 1 core", 1)

	if *workers > 1 {
		begin()
		parallel(*workers, len(texts), func(i int, _ *bytes.Buffer) { a.Analyze(texts[i]) })
		report(fmt.Sprintf("analysis, %d cores", *workers), *workers)
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)

	// What analyze --jsonl does besides reading: analysis and the JSON
	// line of each document, encoded by the worker that analysed it.
	begin()
	parallel(*workers, len(texts), func(i int, buf *bytes.Buffer) {
		an, err := a.Analyze(texts[i])
		if err == nil {
			buf.Reset()
			jsonx.EncodeLine(buf, an)
		}
	})
	report(fmt.Sprintf("analysis + JSON, %d cores", *workers), *workers)

	// Heap in use at any moment depends on when the collector last ran;
	// what stays live after a collection (the models and the corpus,
	// with whatever the pools still hold) does not.
	var m2 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m2)
	fmt.Fprintf(env.Stdout, "\nmemory: %.1f MB live after a collection (the models and the %.0f MB corpus), %.1f MB obtained from the OS, %.0f KB allocated per document\n",
		float64(m2.HeapAlloc)/1e6, float64(size)/1e6, float64(m1.Sys)/1e6, float64(m1.TotalAlloc-m0.TotalAlloc)/1e3/float64(len(texts)*(1+min(1, *workers-1))))
	runtime.KeepAlive(a)
	runtime.KeepAlive(texts)
	return nil
}

// parallel runs job(i) for i in [0, n) on the given number of goroutines,
// each with its own scratch buffer.
func parallel(workers, n int, job func(i int, buf *bytes.Buffer)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				job(i, &buf)
			}
		}()
	}
	wg.Wait()
}

// loadBenchCorpus reads the documents of a JSONL corpus as analyze --jsonl
// and ingest take them: the text, with the line's "date" as the DCT when it
// has one (without it, the pipeline infers the DCT from the text and may run
// its time-dependent stages twice).
func loadBenchCorpus(path string, max int) ([]sitrep.Document, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, sitrep.Errorf(sitrep.EINVALID, path, "cannot open the benchmark corpus: %v", unwrapPathError(err))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	var texts []sitrep.Document
	size := 0
	for sc.Scan() && (max <= 0 || len(texts) < max) {
		var r struct {
			Text string `json:"text"`
			Date string `json:"date"`
		}
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Text == "" {
			continue
		}
		doc := sitrep.Document{Text: r.Text}
		if len(r.Date) >= 10 {
			if _, err := analyze.ParseDate("date", r.Date[:10]); err == nil {
				doc.DCT, doc.DCTSource = r.Date[:10], sitrep.DCTFlag
			}
		}
		texts = append(texts, doc)
		size += len(r.Text)
	}
	if len(texts) == 0 {
		return nil, 0, sitrep.Errorf(sitrep.EINVALID, path, "no documents with a \"text\" field")
	}
	return texts, size, sc.Err()
}
