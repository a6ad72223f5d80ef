package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/eval/timeml"
	"github.com/sitrep-news/sitrep/nlp/event"
)

// evalEvents scores the event trigger detector against the EVENT tags of
// TimeML files: extents (strict and relaxed) and classes. With --folds K it
// also retrains the detector K times on K-1 folds of the given files and
// scores each held-out fold: the honest number when the files are the
// detector's own training data (TBAQ).
func evalEvents(env *Env, args []string) error {
	fs := newFlags(env, "eval events", "eval events --tml DIR [--folds K] [--matres DIR] [--tbdense FILE] [--news FILE.jsonl [--docs N]]")
	dir := fs.String("tml", "", "directory of TimeML (.tml) files, searched recursively")
	folds := fs.Int("folds", 0, "also report K-fold cross-validated scores (retrains per fold)")
	def := event.DefaultTrainOptions()
	iters := fs.Int("iter", def.Iterations, "training iterations for --folds")
	bias := fs.Float64("bias", def.NoEventBias, "no-event bias for --folds (> 0 favours recall)")
	matres := fs.String("matres", "", "also check event ordering against the MATRES pair files (*.txt) in this directory")
	dense := fs.String("tbdense", "", "also check event ordering against the TimeBank-Dense pairs in `FILE` (its standard dev documents)")
	news := fs.String("news", "", "also count the events the pipeline keeps per 100 documents of this JSONL file (text, date)")
	ndocs := fs.Int("docs", 3000, "documents of --news to read")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" && *news == "" {
		fs.Usage()
		return errUsage
	}
	if *news != "" {
		if err := newsEventCounts(env, *news, *ndocs); err != nil {
			return err
		}
		if *dir == "" {
			return nil
		}
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
	if *dense != "" {
		r, err := os.Open(*dense)
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, *dense, "cannot open: %v", unwrapPathError(err))
		}
		pairs, err := timeml.ReadDense(r)
		r.Close()
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, *dense, "reading TimeBank-Dense pairs: %v", err)
		}
		timeml.WriteOrderScores(env.Stdout, "event order against TimeBank-Dense dev", timeml.ScoreDense(docs, pairs, timeml.DenseDev))
	}
	return nil
}

// newsEventCounts analyses the first n documents of a JSONL file ("text",
// "date") and prints the events the pipeline keeps per 100 documents: all,
// statements, untyped ("other") and typed, and per type. It is the check
// that the taxonomy does not flood timelines with noise on ordinary news.
func newsEventCounts(env *Env, path string, n int) error {
	f, err := os.Open(path)
	if err != nil {
		return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("reading %s: %v", path, err)}
	}
	defer f.Close()
	a := analyze.New()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	byType := map[string]int{}
	docs, total := 0, 0
	for docs < n && sc.Scan() {
		var r struct{ Text, Date string }
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Text == "" {
			continue
		}
		doc := sitrep.Document{Text: r.Text}
		if len(r.Date) >= 10 {
			doc.DCT, doc.DCTSource = r.Date[:10], sitrep.DCTFlag
		}
		an, err := a.Analyze(doc)
		if err != nil {
			an, err = a.Analyze(sitrep.Document{Text: r.Text})
			if err != nil {
				continue
			}
		}
		docs++
		for _, e := range an.Events {
			byType[e.Type]++
			total++
		}
	}
	if err := sc.Err(); err != nil {
		return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("reading %s: %v", path, err)}
	}
	if docs == 0 {
		return &sitrep.Error{Code: sitrep.EINVALID, Message: fmt.Sprintf("no documents in %s", path)}
	}
	per := func(k int) float64 { return float64(k) * 100 / float64(docs) }
	typed := total - byType["statement"] - byType["other"]
	fmt.Fprintf(env.Stdout, "events kept per 100 documents of %s (%d documents): %.1f (statements %.1f, other %.1f, typed %.1f)\n",
		path, docs, per(total), per(byType["statement"]), per(byType["other"]), per(typed))
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		return byType[types[i]] > byType[types[j]] || byType[types[i]] == byType[types[j]] && types[i] < types[j]
	})
	for _, t := range types {
		fmt.Fprintf(env.Stdout, "  %-12s %6.1f\n", t, per(byType[t]))
	}
	return nil
}
