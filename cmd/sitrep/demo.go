package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/acquire"
	"github.com/sitrep-news/sitrep/demo"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/store"
)

const demoUsage = `demo [--db PATH|URL]

Analyses and ingests the bundled demo corpus (five short articles written
for sitrep about one developing story) into a fresh embedded store, then
prints what the engine knows: the story's timeline and its brief. Without
--db the store is a temporary file, removed afterwards.

Flags:`

func runDemo(env *Env, args []string) error {
	fs := newFlags(env, "demo", demoUsage)
	db := fs.String("db", "", "keep the demo store in `PATH` (a SQLite file or a postgres:// URL) instead of a temporary file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return sitrep.Errorf(sitrep.EINVALID, "", "demo takes no arguments")
	}
	dsn := *db
	if dsn == "" {
		dir, err := os.MkdirTemp("", "sitrep-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "demo.db")
	}
	st, err := store.Open(dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := demo.Articles()
	if err != nil {
		return err
	}
	srcs := func(yield func(acquire.Input, error) bool) {
		for _, a := range arts {
			if !yield(acquire.Input{Name: "demo/" + a.File, Bytes: a.Text, URL: a.URL, Title: a.Title, Site: a.Site, Published: a.Date}, nil) {
				return
			}
		}
	}
	ctx := context.Background()
	stats, err := ingest(ctx, env, st, srcs, ingestOptions{workers: runtime.NumCPU(), maxBytes: extract.DefaultMaxBytes})
	if err != nil {
		return err
	}
	// The demo articles carry their outlet in the manifest; record it.
	fmt.Fprintf(env.Stdout, "sitrep demo — %s\n", demo.Note())
	fmt.Fprintf(env.Stdout, "Ingested %d articles into %s (%d new).\n\n", len(arts), dsn, stats.created)

	items, err := kb.TimelineOf(ctx, st, sitrep.EventFilter{})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "TIMELINE")
	writeTimelineText(env.Stdout, datedFacts(items))
	fmt.Fprintln(env.Stdout)
	b, err := kb.BriefOf(ctx, st, "")
	if err != nil {
		return err
	}
	return b.WriteMarkdown(env.Stdout)
}
