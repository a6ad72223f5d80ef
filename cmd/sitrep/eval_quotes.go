package main

import (
	"fmt"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/polnear"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// evalQuotes scores nlp/quote on a PolNeAR JSONL file: precision, recall
// and F1 of content, source and cue, by overlap and by exact boundaries
// (see package eval/polnear for the matching rules).
func evalQuotes(env *Env, args []string) error {
	fs := newFlags(env, "eval quotes", "eval quotes --polnear FILE.jsonl [--all-annotators] [--errors N] [--extract]")
	path := fs.String("polnear", "", "PolNeAR JSONL file (e.g. polnear-dev.jsonl)")
	all := fs.Bool("all-annotators", false, "score every annotation of an article (default: the first annotator's only)")
	nerr := fs.Int("errors", 0, "print up to N missed gold spans and N false positives per role")
	extract := fs.Bool("extract", false, "score quote.Extract (speech and claims, as the pipeline reports them) instead of Find in PolNeAR's wider sense")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		fs.Usage()
		return errUsage
	}
	docs, err := polnear.Load(*path, *all)
	if err != nil {
		return err
	}
	score := polnear.NewScore()
	var misses, falses = map[string]int{}, map[string]int{}
	var bytes int
	var elapsed time.Duration
	for _, d := range docs {
		t0 := time.Now()
		doc := text.Segment(d.Text)
		var found []quote.Attribution
		var quotes []sitrep.Quote
		if *extract {
			quotes = quote.Extract(doc, nil, nil)
		} else {
			found = quote.Find(doc, quote.Options{Stance: true})
		}
		elapsed += time.Since(t0)
		bytes += len(d.Text)
		var pred []polnear.Attribution
		for _, q := range quotes {
			p := polnear.Attribution{Content: polnear.Span{{Start: q.Start, End: q.End}}, Cue: polnear.Span{{Start: q.Cue.Start, End: q.Cue.End}}}
			if q.Source.End > q.Source.Start {
				p.Source = polnear.Span{{Start: q.Source.Start, End: q.Source.End}}
			}
			pred = append(pred, p)
		}
		for _, a := range found {
			if a.Nested {
				continue // PolNeAR gives each token one role in one attribution
			}
			p := polnear.Attribution{Content: polnear.Span(a.Content), Cue: polnear.Span{a.Cue}}
			if a.Source.End > a.Source.Start {
				p.Source = polnear.Span{a.Source}
			}
			pred = append(pred, p)
		}
		for _, m := range score.Add(d.Text, d.Attributions, pred) {
			if *nerr == 0 {
				continue
			}
			cnt := misses
			label := "MISS"
			if m.False {
				cnt, label = falses, "FALSE"
			}
			if cnt[m.Role] < *nerr {
				cnt[m.Role]++
				fmt.Fprintf(env.Stdout, "%-5s %-7s %s: %s\n", label, m.Role, d.ID, polnear.Snippet(d.Text, m.Span, 60))
			}
		}
	}
	mode := "first annotator per article"
	if *extract {
		mode += ", quote.Extract"
	}
	if *all {
		mode = "every annotation file"
	}
	fmt.Fprintf(env.Stdout, "PolNeAR %s: %d documents (%s)\n", *path, len(docs), mode)
	fmt.Fprintf(env.Stdout, "%-8s %-8s %6s %6s %6s %7s %7s\n", "match", "role", "P", "R", "F1", "gold", "pred")
	for _, m := range []struct {
		name string
		c    map[string]*polnear.Counts
	}{{"overlap", score.Overlap}, {"exact", score.Exact}} {
		for _, r := range polnear.Roles {
			c := m.c[r]
			fmt.Fprintf(env.Stdout, "%-8s %-8s %6.3f %6.3f %6.3f %7d %7d\n", m.name, r, c.P(), c.R(), c.F1(), c.Gold, c.Pred)
		}
	}
	if elapsed > 0 {
		fmt.Fprintf(env.Stdout, "segment+tag+find: %.1f MB/s\n", float64(bytes)/1e6/elapsed.Seconds())
	}
	return nil
}
