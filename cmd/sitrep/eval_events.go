package main

import (
	"fmt"
	"os"
	"path/filepath"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/timeml"
	"github.com/sitrep-news/sitrep/nlp/event"
)

// evalEvents scores the event trigger detector against the EVENT tags of
// TimeML files: extents (strict and relaxed) and classes. With --folds K it
// also retrains the detector K times on K-1 folds of the given files and
// scores each held-out fold: the honest number when the files are the
// detector's own training data (TBAQ).
func evalEvents(env *Env, args []string) error {
	fs := newFlags(env, "eval events", "eval events --tml DIR [--folds K] [--matres DIR]")
	dir := fs.String("tml", "", "directory of TimeML (.tml) files, searched recursively")
	folds := fs.Int("folds", 0, "also report K-fold cross-validated scores (retrains per fold)")
	def := event.DefaultTrainOptions()
	iters := fs.Int("iter", def.Iterations, "training iterations for --folds")
	bias := fs.Float64("bias", def.NoEventBias, "no-event bias for --folds (> 0 favours recall)")
	matres := fs.String("matres", "", "also check event ordering against the MATRES pair files (*.txt) in this directory")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fs.Usage()
		return errUsage
	}
	docs, err := timeml.ReadDir(*dir)
	if err != nil {
		return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("reading TimeML from %s: %v", *dir, err)}
	}
	if len(docs) == 0 {
		return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("no .tml files under %s", *dir)}
	}
	tds := timeml.EventTrainDocs(docs)
	timeml.WriteEventScores(env.Stdout, "embedded detector", timeml.ScoreEvents(tds, event.DefaultDetector()))
	timeml.WriteEventScores(env.Stdout, "event.Extract, all triggers (detector + taxonomy lexicon)", timeml.ScoreTriggers(tds, timeml.ExtractTriggers))
	fmt.Fprintln(env.Stdout, "(the embedded detector is trained on TBAQ-cleaned: on those files only the --folds scores are honest)")
	if *folds > 1 {
		if *folds > len(docs) {
			*folds = len(docs)
		}
		s, per, ext := timeml.CrossValidateEvents(tds, *folds, event.TrainOptions{Iterations: *iters, Seed: def.Seed, NoEventBias: *bias})
		for i, f := range per {
			_, _, f1 := f.PRF(f.Strict)
			fmt.Fprintf(env.Stdout, "  fold %d: %d docs, strict F1 %.4f\n", i+1, f.Docs, f1)
		}
		timeml.WriteEventScores(env.Stdout, fmt.Sprintf("%d-fold cross-validation (retrained per fold)", *folds), s)
		timeml.WriteEventScores(env.Stdout, fmt.Sprintf("%d-fold cross-validation, event.Extract all triggers", *folds), ext)
	}
	if *matres != "" {
		files, _ := filepath.Glob(filepath.Join(*matres, "*.txt"))
		var pairs []timeml.OrderPair
		for _, f := range files {
			r, err := os.Open(f)
			if err != nil {
				return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("reading MATRES pairs: %v", err)}
			}
			ps, err := timeml.ReadMATRES(r)
			r.Close()
			if err != nil {
				return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("reading MATRES pairs from %s: %v", f, err)}
			}
			pairs = append(pairs, ps...)
		}
		if len(pairs) == 0 {
			return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("no MATRES pairs in %s/*.txt", *matres)}
		}
		timeml.WriteOrderScores(env.Stdout, "event order (start points) against MATRES", timeml.ScoreOrder(docs, pairs))
	}
	return nil
}
