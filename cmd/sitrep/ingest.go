package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/acquire"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/store"
)

const ingestUsage = `ingest PATH... [--db PATH|URL] [--workers N]

Analyses documents and adds them to the store. PATH may be a file, a folder
(read recursively), a glob, "-" (standard input), a JSONL batch (one
{"id","text"|"html","date"} object a line), a URL, an RSS/Atom feed or a
WARC file. Each document goes in whole, with its analysis, or not at all;
the same content or URL ingested again changes nothing. A bad input is
reported and skipped; the others still go in, and the exit status is 1.

The store is --db, else $SITREP_DB, else a SQLite file in your data
directory; a postgres:// URL selects PostgreSQL.

Flags:`

// dbFlag adds the --db flag shared by the store commands.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store: a SQLite `PATH` or a postgres:// URL (default $SITREP_DB, else the user data directory)")
}

// openStore opens the store named by --db, $SITREP_DB or the default.
func openStore(env *Env, db string) (sitrep.Store, error) {
	dsn := db
	if dsn == "" {
		dsn = store.DefaultDSN(env.Getenv)
	}
	s, err := store.Open(dsn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func runIngest(env *Env, args []string) error {
	fs := newFlags(env, "ingest", ingestUsage)
	db := dbFlag(fs)
	workers := fs.Int("workers", runtime.NumCPU(), "analyse on `N` cores")
	date := fs.String("date", "", "document creation time `YYYY-MM-DD` for inputs that carry none")
	maxBytes := fs.Int("max-bytes", extract.DefaultMaxBytes, "skip documents larger than `N` bytes")
	fetchLinks := fs.Bool("fetch-links", false, "for feeds: fetch each item's page instead of using the feed's summary")
	quiet := fs.Bool("quiet", false, "no progress line")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	if *date != "" {
		if _, err := analyze.ParseDate("--date", *date); err != nil {
			return err
		}
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srcs := acquire.Sources(ctx, paths, acquire.Options{MaxBytes: *maxBytes, Stdin: env.Stdin, FetchFeedLinks: *fetchLinks})
	stats, err := ingest(ctx, env, st, srcs, ingestOptions{workers: *workers, maxBytes: *maxBytes, date: *date, progress: !*quiet && isTerminal(env.Stderr)})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "ingested %d new documents (%d already stored, %d failed) in %s\n",
		stats.created, stats.duplicate, stats.failed, stats.elapsed.Round(time.Millisecond))
	// After a bulk load, let the store tidy its indexes (SQLite merges the
	// full-text index's segments: later searches read one, not dozens).
	if o, ok := st.(optimizer); ok && stats.created >= optimizeAfter && ctx.Err() == nil {
		if err := o.Optimize(ctx); err != nil {
			fmt.Fprintf(env.Stderr, "sitrep ingest: tidying the store's indexes: %v (searches stay correct, only slower)\n", err)
		}
	}
	if ctx.Err() != nil {
		return sitrep.Errorf(sitrep.EINVALID, "", "interrupted; documents stored so far are complete, run the same command again to finish")
	}
	if stats.failed > 0 {
		return sitrep.Errorf(sitrep.EINVALID, "", "%d inputs failed (reported above); the rest were stored", stats.failed)
	}
	return nil
}

// optimizer is a store that can tidy its indexes after a bulk load.
type optimizer interface {
	Optimize(ctx context.Context) error
}

// optimizeAfter is how many new documents make an ingest a bulk load.
const optimizeAfter = 500

// ingestBatch is the most documents stored in one transaction; a batch is
// also stored once its first document has waited ingestWait, so a slow
// source never holds finished documents back for long.
const (
	ingestBatch = 64
	ingestWait  = 250 * time.Millisecond
)

type ingestOptions struct {
	workers  int
	maxBytes int
	date     string
	progress bool
}

type ingestStats struct {
	created, duplicate, failed int
	bytes                      int64
	elapsed                    time.Duration
}

// ingest analyses inputs on several workers and puts each analysis into st
// from one writer, reporting bad inputs on env.Stderr as it goes.
func ingest(ctx context.Context, env *Env, st sitrep.Store, srcs func(func(acquire.Input, error) bool), o ingestOptions) (ingestStats, error) {
	if o.workers < 1 {
		o.workers = 1
	}
	start := time.Now()
	a := analyze.New()
	type result struct {
		name string
		an   *sitrep.Analysis
		err  error
	}
	inputs := make(chan acquire.Input, o.workers)
	results := make(chan result, o.workers)
	go func() {
		defer close(inputs)
		for in, err := range srcs {
			if err != nil {
				results <- result{name: in.Name, err: err}
				continue
			}
			select {
			case inputs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range o.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range inputs {
				if o.date != "" && in.Date == "" {
					in.Date = o.date
				}
				an, err := safeAnalyze(a, in, o.maxBytes)
				results <- result{name: in.Name, an: an, err: err}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var s ingestStats
	last := time.Time{}
	// Analyses are stored in batches, one transaction each: far cheaper
	// than a transaction a document, and still all or nothing per document.
	var batch []*sitrep.Analysis
	var names []string
	var batchStart time.Time
	flush := func() {
		if len(batch) == 0 || ctx.Err() != nil {
			batch, names = batch[:0], names[:0]
			return
		}
		res, err := st.PutMany(ctx, batch)
		if err != nil && ctx.Err() == nil {
			// Find the culprit: store one by one.
			res = make([]sitrep.PutResult, len(batch))
			for i, an := range batch {
				r, err := st.Put(ctx, an)
				if err != nil {
					if ctx.Err() == nil {
						s.failed++
						fmt.Fprintf(env.Stderr, "%ssitrep ingest: %s: storing: %v\n", clearLine(o.progress), names[i], err)
					}
					res[i].ID = ""
					continue
				}
				res[i] = r
			}
		} else if err != nil {
			res = nil
		}
		for i, r := range res {
			if r.ID == "" {
				continue
			}
			s.bytes += int64(len(batch[i].Document.Text))
			if r.Created {
				s.created++
			} else {
				s.duplicate++
			}
		}
		batch, names = batch[:0], names[:0]
	}
	for r := range results {
		if r.err != nil {
			s.failed++
			fmt.Fprintf(env.Stderr, "%ssitrep ingest: %v\n", clearLine(o.progress), r.err)
			continue
		}
		if ctx.Err() != nil {
			continue // drain: a cancelled ingest stores nothing more
		}
		if len(batch) == 0 {
			batchStart = time.Now()
		}
		batch = append(batch, r.an)
		names = append(names, r.name)
		if len(batch) >= ingestBatch || time.Since(batchStart) > ingestWait {
			flush()
		}
		if o.progress && time.Since(last) > 100*time.Millisecond {
			last = time.Now()
			n := s.created + s.duplicate
			rate := float64(n) / time.Since(start).Seconds()
			fmt.Fprintf(env.Stderr, "\r\x1b[K%s %d documents (%d new, %d failed) · %.0f docs/s · %.1f MB/s",
				spinner(n), n, s.created, s.failed, rate, float64(s.bytes)/1e6/time.Since(start).Seconds())
		}
	}
	flush()
	if o.progress {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	s.elapsed = time.Since(start)
	return s, nil
}

func clearLine(progress bool) string {
	if progress {
		return "\r\x1b[K"
	}
	return ""
}

func spinner(n int) string { return string("|/-\\"[n%4]) }

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
