package main

import (
	"fmt"
	"os"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/timeml"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

// evalTimex scores the timex tagger on TimeML files as TempEval-3 does.
func evalTimex(env *Env, args []string) error {
	fs := newFlags(env, "eval timex", "eval timex --tml DIR [--errors KIND]")
	dir := fs.String("tml", "", "directory of TimeML .tml files, walked recursively")
	errs := fs.String("errors", "", `list disagreements: "all" or a kind (missed, spurious, extent, type, value)`)
	noPOS := fs.Bool("no-pos", false, "decide tense from word lists only (timex.Tag), not from part-of-speech tags (timex.TagWithPOS)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fs.Usage()
		return errUsage
	}
	if _, err := os.Stat(*dir); err != nil {
		return sitrep.Errorf(sitrep.ENOTFOUND, *dir, "no such directory")
	}
	docs, err := timeml.ReadDir(*dir)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, *dir, "%v", err)
	}
	if len(docs) == 0 {
		return sitrep.Errorf(sitrep.ENOTFOUND, *dir, "no .tml files")
	}
	tagger := pos.Default()
	score := timeml.ScoreTimexes(docs, func(d *timeml.Doc) []sitrep.Timex {
		doc := text.Segment(d.Text)
		if *noPOS {
			return timex.Tag(doc, d.DCTTime())
		}
		return timex.TagWithPOS(doc, d.DCTTime(), tagger.Tag(doc))
	})
	if *errs != "" {
		for _, e := range score.Errors {
			if *errs == "all" || *errs == e.Kind {
				fmt.Fprintf(env.Stdout, "%-8s %s | gold %s | sys %s | %q\n", e.Kind, e.Doc, e.Gold, e.Sys, e.Context)
			}
		}
	}
	fmt.Fprintf(env.Stdout, "files: %d\n", len(docs))
	score.Report(env.Stdout)
	return nil
}
