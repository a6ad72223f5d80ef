package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/conll"
	"github.com/sitrep-news/sitrep/nlp/entity"
)

// runTrain dispatches `sitrep train MODEL`.
func runTrain(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stderr, "Usage: sitrep train MODEL [flags]\n\nModels:\n  ner      the named-entity tagger on CoNLL-2003 files (--train FILE --dev FILE --out FILE)")
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "ner":
		return trainNER(env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "sitrep train: unknown model %q\n", args[0])
	return errUsage
}

// trainNER trains the entity tagger. The result is deterministic for a
// given seed and input: `sitrep train ner --train eng.train --dev eng.testa
// --out nlp/entity/model/ner.bin.gz` rebuilds the embedded model.
func trainNER(env *Env, args []string) error {
	fs := newFlags(env, "train ner", "train ner --train FILE [--dev FILE] --out FILE [--iter N] [--seed N]")
	trainPath := fs.String("train", "", "CoNLL-2003 training file (eng.train)")
	devPath := fs.String("dev", "", "CoNLL-2003 development file used to pick the iteration (eng.testa)")
	out := fs.String("out", "nlp/entity/model/ner.bin.gz", "where to write the gzip-compressed model")
	iter := fs.Int("iter", 15, "training iterations")
	seed := fs.Int64("seed", 1, "shuffling seed")
	runs := fs.Int("runs", 4, "independent runs (seeds seed, seed+1, ...) whose weights are averaged")
	minCount := fs.Int("min-count", 2, "keep features seen at least this often in the training data")
	prune := fs.Float64("prune", 0.001, "drop features whose weights are all below this fraction of the largest")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *trainPath == "" {
		fs.Usage()
		return errUsage
	}
	train, err := readTrainDocs(*trainPath)
	if err != nil {
		return err
	}
	var dev []entity.TrainDoc
	if *devPath != "" {
		if dev, err = readTrainDocs(*devPath); err != nil {
			return err
		}
	}
	start := time.Now()
	m, err := entity.Train(train, entity.TrainOptions{
		Iterations: *iter, Runs: *runs, Seed: *seed, MinCount: *minCount, Prune: *prune, Dev: dev, Log: env.Stderr,
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fmt.Errorf("creating model directory: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("creating model file: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s: %d features, %d bytes, trained in %s\n", *out, m.Features(), n, time.Since(start).Round(time.Millisecond))
	return nil
}

// readTrainDocs reads a CoNLL-2003 file into training documents.
func readTrainDocs(path string) ([]entity.TrainDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, path, "cannot open: %v", err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]entity.TrainDoc, 0, len(docs))
	for _, d := range docs {
		var tags []string
		for _, s := range d.Sentences {
			st := make([]string, len(s))
			for i, t := range s {
				st[i] = t.Tag
			}
			tags = append(tags, conll.ToBIO(st)...)
		}
		out = append(out, entity.TrainDoc{Doc: conll.Doc(d), Tags: tags})
	}
	return out, nil
}
