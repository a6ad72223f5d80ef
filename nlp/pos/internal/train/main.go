// Command train builds nlp/pos/model.bin.gz from the POS column of a
// CoNLL-2003 file. It is deterministic: the same input gives the same bytes.
//
//	go run ./nlp/pos/internal/train -conll ../shared/eval/conll2003/eng.train -out nlp/pos/model.bin.gz [-eval ../shared/eval/conll2003/eng.testa]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/sitrep-news/sitrep/nlp/pos"
)

func main() {
	conll := flag.String("conll", "", "CoNLL-2003 training file (WORD POS CHUNK NER)")
	out := flag.String("out", "model.bin.gz", "model file to write")
	evalPath := flag.String("eval", "", "optional CoNLL file to report accuracy on")
	iters := flag.Int("iter", 8, "training iterations")
	dmin := flag.Int("dict-min", 3, "tag dictionary: minimum count")
	dratio := flag.Float64("dict-ratio", 0.99, "tag dictionary: minimum ratio of the majority tag")
	cmin := flag.Int("class-min", 0, "ambiguity classes: minimum count of the words restricted to their tags (0: none)")
	cshare := flag.Float64("class-share", 0, "ambiguity classes: minimum share of a tag in a word's class")
	verbose := flag.Bool("v", false, "print the frequent confusions (gold>guess)")
	flag.Parse()
	sents, err := readCoNLL(*conll)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pos.Train(sents, pos.TrainOptions{Iterations: *iters, Seed: 1, DictMinCount: *dmin, DictMinRatio: *dratio, ClassMinCount: *cmin, ClassMinShare: *cshare}, &buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "trained on %d sentences; model %d bytes\n", len(sents), buf.Len())
	if *evalPath != "" {
		tg, err := pos.Load(bytes.NewReader(buf.Bytes()))
		if err != nil {
			log.Fatal(err)
		}
		test, err := readCoNLL(*evalPath)
		if err != nil {
			log.Fatal(err)
		}
		ok, n := 0, 0
		conf := map[string]int{}
		for _, s := range test {
			got := tg.TagWords(s.Words)
			for i := range got {
				n++
				if got[i] == s.Tags[i] {
					ok++
				} else {
					conf[s.Tags[i].String()+">"+got[i].String()]++
				}
			}
		}
		if *verbose {
			for k, v := range conf {
				if v >= 40 {
					fmt.Fprintf(os.Stderr, "%6d %s\n", v, k)
				}
			}
		}
		fmt.Fprintf(os.Stderr, "accuracy on %s: %.4f (%d/%d)\n", *evalPath, float64(ok)/float64(n), ok, n)
	}
}

func readCoNLL(path string) ([]pos.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sents []pos.Sentence
	var cur pos.Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			sents = append(sents, cur)
		}
		cur = pos.Sentence{}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 || fs[0] == "-DOCSTART-" {
			flush()
			continue
		}
		t := pos.ParseTag(fs[1])
		if t == pos.None {
			return nil, fmt.Errorf("%s: unknown tag %q", path, fs[1])
		}
		cur.Words = append(cur.Words, fs[0])
		cur.Tags = append(cur.Tags, t)
	}
	flush()
	return sents, sc.Err()
}
