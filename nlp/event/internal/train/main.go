// Command train builds nlp/event/trigger.bin.gz, the event trigger
// detector, from the EVENT tags of TimeML files (TBAQ-cleaned). It is
// deterministic: the same input gives the same bytes.
//
//	go run ./nlp/event/internal/train -tml ../shared/eval/tempeval3/train -out nlp/event/trigger.bin.gz [-folds 5]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/sitrep-news/sitrep/eval/timeml"
	"github.com/sitrep-news/sitrep/nlp/event"
)

func main() {
	dir := flag.String("tml", "", "directory of .tml files")
	out := flag.String("out", "trigger.bin.gz", "model file to write")
	folds := flag.Int("folds", 0, "also report k-fold cross-validated scores")
	def := event.DefaultTrainOptions()
	iters := flag.Int("iter", def.Iterations, "training iterations")
	bias := flag.Float64("bias", def.NoEventBias, "no-event bias (> 0 favours recall)")
	flag.Parse()
	docs, err := timeml.ReadDir(*dir)
	if err != nil {
		log.Fatal(err)
	}
	tds := timeml.EventTrainDocs(docs)
	opts := event.TrainOptions{Iterations: *iters, Seed: def.Seed, NoEventBias: *bias}
	if *folds > 1 {
		s, _, _ := timeml.CrossValidateEvents(tds, *folds, opts)
		timeml.WriteEventScores(os.Stderr, fmt.Sprintf("%d-fold cross-validation", *folds), s)
	}
	det := event.TrainDetector(tds, opts)
	var buf bytes.Buffer
	if err := det.Save(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	timeml.WriteEventScores(os.Stderr, "training data (train = test)", timeml.ScoreEvents(tds, det))
	fmt.Fprintf(os.Stderr, "model %d bytes\n", buf.Len())
}
