package entity

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"strings"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TrainDoc is one training document: its tokens and one BIO tag per token
// ("O", "B-PER", "I-PER", ...; types PER, ORG, LOC, MISC). Tokens outside
// doc.Sentences are ignored.
type TrainDoc struct {
	Doc  *text.Doc
	Tags []string
}

// TrainOptions steer Train.
type TrainOptions struct {
	Iterations int     // passes over the training set (default 15)
	Runs       int     // independent runs (seeds Seed, Seed+1, ...) whose best weights are averaged (default 1)
	Seed       int64   // shuffling seed: the same seed gives the same model
	MinCount   int     // keep static features seen at least this often (default 1)
	Prune      float64 // drop features whose averaged weights are all below this fraction of the largest (0 keeps every feature)
	// OutsideMin: a capitalised word seen at least this often in the
	// training data and never inside a phrase is labelled O without
	// scoring where no phrase is open (default 3; negative: never). The
	// rule holds when tagging (and so when picking the best iteration on
	// Dev); training still learns from every capitalised token, which
	// keeps the weights for the words around them.
	OutsideMin int
	Dev        []TrainDoc
	Log        io.Writer // progress, one line per iteration; nil for none
}

// Train fits an averaged perceptron on docs, decoding greedily with the same
// features and constraints as the recogniser. With a Dev set it keeps the
// iteration that scores best on it.
func Train(docs []TrainDoc, opt TrainOptions) (*Model, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 15
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 1
	}
	if opt.Runs <= 0 {
		opt.Runs = 1
	}
	if opt.OutsideMin == 0 {
		opt.OutsideMin = 3
	}
	lex := defaultLexicon()
	type prepared struct {
		st     *docState
		gold   []uint8
		static [][]int32 // row ids of the static features, per token
	}
	counts := map[uint32]int{}
	var raw [][][]uint32
	for di, d := range docs {
		if len(d.Tags) != len(d.Doc.Tokens) {
			return nil, fmt.Errorf("training doc %d: %d tags for %d tokens", di, len(d.Tags), len(d.Doc.Tokens))
		}
		st := newDocState(d.Doc, lex)
		per := make([][]uint32, len(d.Doc.Tokens))
		for _, s := range d.Doc.Sentences {
			c := st.sentence(s)
			for i := s.First; i < s.Last; i++ {
				per[i] = c.static(nil, i)
				for _, f := range per[i] {
					counts[f]++
				}
			}
		}
		raw = append(raw, per)
	}
	outside := outsideWords(docs, opt.OutsideMin)
	index := map[uint32]int32{}
	var keys []uint32
	addRow := func(f uint32) int32 {
		r, ok := index[f]
		if !ok {
			r = int32(len(keys))
			index[f] = r
			keys = append(keys, f)
		}
		return r
	}
	prep := make([]prepared, len(docs))
	for di, d := range docs {
		gold, err := bilou(d.Doc, d.Tags)
		if err != nil {
			return nil, fmt.Errorf("training doc %d: %w", di, err)
		}
		p := prepared{st: newDocState(d.Doc, lex), gold: gold, static: make([][]int32, len(d.Doc.Tokens))}
		for i, fs := range raw[di] {
			for _, f := range fs {
				if counts[f] >= opt.MinCount {
					p.static[i] = append(p.static[i], addRow(f))
				}
			}
		}
		prep[di] = p
	}
	raw, counts = nil, nil

	var w []float32
	var u []float64
	grow := func() {
		for len(w) < len(keys)*nLabels {
			w = append(w, 0)
			u = append(u, 0)
		}
	}
	dyn := make([]uint32, 0, 16)
	dynRows := make([]int32, 0, 16)
	var sum []float64 // the runs' best averaged weights, summed
	for run := 0; run < opt.Runs; run++ {
		w, u = w[:0], u[:0]
		grow()
		c := 1.0
		rng := rand.New(rand.NewSource(opt.Seed + int64(run)))
		order := make([]int, len(prep))
		for i := range order {
			order[i] = i
		}
		var best []float64
		bestF := -1.0
		for it := 1; it <= opt.Iterations; it++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			errs, total := 0, 0
			for _, di := range order {
				p := &prep[di]
				p.st.resetHistory()
				for _, s := range p.st.doc.Sentences {
					ctx := p.st.sentence(s)
					prev1, prev2 := 0, 0
					for i := s.First; i < s.Last; i++ {
						if plainO(&p.st.infos[i], prev1) {
							prev2, prev1 = prev1, 0
							continue
						}
						dyn = ctx.dynamic(dyn[:0], i, prev1, prev2)
						dynRows = dynRows[:0]
						for _, f := range dyn {
							if r, ok := index[f]; ok {
								dynRows = append(dynRows, r)
							} else {
								dynRows = append(dynRows, -1)
							}
						}
						var sc [nLabels]float32
						for _, rows := range [][]int32{p.static[i], dynRows} {
							for _, r := range rows {
								if r < 0 {
									continue
								}
								row := w[int(r)*nLabels : int(r)*nLabels+nLabels]
								for k := range sc {
									sc[k] += row[k]
								}
							}
						}
						pred := bestLabel(&sc, prev1, i == s.Last-1)
						if closed, ok := repair(&sc, prev1, pred, i == s.Last-1); ok {
							prev1 = closed
							pred = bestLabel(&sc, closed, i == s.Last-1)
						}
						g := int(p.gold[i])
						total++
						if pred != g {
							errs++
							for k, f := range dyn {
								if dynRows[k] < 0 {
									dynRows[k] = addRow(f)
								}
							}
							grow()
							for _, rows := range [][]int32{p.static[i], dynRows} {
								for _, r := range rows {
									o := int(r) * nLabels
									w[o+g]++
									u[o+g] += c
									w[o+pred]--
									u[o+pred] -= c
								}
							}
						}
						c++
						ctx.record(i, pred)
						prev2, prev1 = prev1, pred
					}
				}
			}
			avg := average(w, u, c)
			m := quantize(keys, avg, opt.Prune, outside)
			line := fmt.Sprintf("run %d iter %2d: train token errors %.4f, features %d", run+1, it, float64(errs)/float64(total), m.Features())
			if len(opt.Dev) > 0 {
				p, r, f := m.evaluate(opt.Dev)
				line += fmt.Sprintf(", dev P %.4f R %.4f F1 %.4f", p, r, f)
				if f > bestF {
					bestF, best = f, avg
				}
			} else {
				best = avg
			}
			if opt.Log != nil {
				fmt.Fprintln(opt.Log, line)
			}
		}
		for len(sum) < len(best) {
			sum = append(sum, 0)
		}
		for i, a := range best {
			sum[i] += a
		}
	}
	for i := range sum {
		sum[i] /= float64(opt.Runs)
	}
	m := quantize(keys, sum, opt.Prune, outside)
	if opt.Log != nil && len(opt.Dev) > 0 && opt.Runs > 1 {
		p, r, f := m.evaluate(opt.Dev)
		fmt.Fprintf(opt.Log, "average of %d runs: features %d, dev P %.4f R %.4f F1 %.4f\n", opt.Runs, m.Features(), p, r, f)
	}
	return m, nil
}

// average returns the averaged perceptron weights.
func average(w []float32, u []float64, c float64) []float64 {
	avg := make([]float64, len(w))
	for i := range w {
		avg[i] = float64(w[i]) - u[i]/c
	}
	return avg
}

// quantize returns the model of weights avg (nLabels per key), quantised
// to int16; features whose weights all fall below prune times the largest
// weight are dropped.
func quantize(keys []uint32, avg []float64, prune float64, outside wordSet) *Model {
	maxAbs := 0.0
	for _, a := range avg {
		maxAbs = math.Max(maxAbs, math.Abs(a))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := 32000 / maxAbs
	thresh := prune * maxAbs
	var ks []uint32
	var rows []int16
	for r, k := range keys {
		if r*nLabels >= len(avg) {
			break
		}
		row := avg[r*nLabels : r*nLabels+nLabels]
		keep := false
		for _, a := range row {
			if math.Abs(a) >= thresh {
				keep = true
				break
			}
		}
		if !keep {
			continue
		}
		ks = append(ks, k)
		for _, a := range row {
			rows = append(rows, int16(math.Round(a*scale)))
		}
	}
	m := newModel(ks, rows, float32(scale))
	m.outside = outside
	return m
}

// outsideWords returns the capitalised words (tokInfo.w) that docs have at
// least min times where the tagger would skip them (not before a word
// that can make a name of them: see nameNext), and never inside a phrase
// but as the first word before such a word ("The Hague"); none for a
// negative min.
func outsideWords(docs []TrainDoc, min int) wordSet {
	if min < 0 {
		return wordSet{}
	}
	seen := map[uint64]int{}
	for _, d := range docs {
		labels, err := bilou(d.Doc, d.Tags)
		if err != nil {
			continue
		}
		for _, s := range d.Doc.Sentences {
			for i := s.First; i < s.Last; i++ {
				ti := info(d.Doc.Tok(i))
				if !ti.anyUpper {
					continue
				}
				next := info("")
				if i+1 < s.Last {
					next = info(d.Doc.Tok(i + 1))
				}
				capNext := i+1 < s.Last && nameNext(&next)
				switch l := int(labels[i]); {
				case l != 0 && !(posOf(l) == posB && capNext):
					seen[ti.w] = -1 << 30
				case !capNext && seen[ti.w] >= 0:
					seen[ti.w]++
				}
			}
		}
	}
	var ws []uint64
	for w, n := range seen {
		if n >= min {
			ws = append(ws, w)
		}
	}
	return newWordSet(ws)
}

// evaluate tags docs and returns phrase-level micro P, R, F1 against their
// tags (CoNLL types, exact match).
func (m *Model) evaluate(docs []TrainDoc) (p, r, f float64) {
	gold, pred, ok := 0, 0, 0
	lex := defaultLexicon()
	for _, d := range docs {
		got := phrases(d.Doc, m.tagDoc(newDocState(d.Doc, lex)))
		g, err := bilou(d.Doc, d.Tags)
		if err != nil {
			continue
		}
		want := rawPhrases(nil, d.Doc, g) // gold as annotated, without the one-type-per-name vote
		set := make(map[phrase]bool, len(want))
		for _, w := range want {
			set[w] = true
		}
		gold += len(want)
		pred += len(got)
		for _, x := range got {
			if set[x] {
				ok++
			}
		}
	}
	if pred > 0 {
		p = float64(ok) / float64(pred)
	}
	if gold > 0 {
		r = float64(ok) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// bilou converts BIO tags to BILOU labels.
func bilou(doc *text.Doc, tags []string) ([]uint8, error) {
	out := make([]uint8, len(tags))
	typ := func(t string) (byte, int, error) {
		if t == "O" || t == "" {
			return 'O', 0, nil
		}
		if len(t) < 3 || t[1] != '-' {
			return 0, 0, fmt.Errorf("bad tag %q", t)
		}
		k := typeIndex(t[2:])
		if k <= 0 {
			return 0, 0, fmt.Errorf("unknown type in tag %q", t)
		}
		return t[0], k, nil
	}
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			p, k, err := typ(tags[i])
			if err != nil {
				return nil, err
			}
			if p == 'O' {
				continue
			}
			begins := p == 'B' || i == s.First
			if !begins {
				pp, pk, _ := typ(tags[i-1])
				begins = pp == 'O' || pk != k
			}
			ends := i == s.Last-1
			if !ends {
				np, nk, _ := typ(tags[i+1])
				ends = np != 'I' || nk != k
			}
			switch {
			case begins && ends:
				out[i] = uint8(labelOf(k, posU))
			case begins:
				out[i] = uint8(labelOf(k, posB))
			case ends:
				out[i] = uint8(labelOf(k, posL))
			default:
				out[i] = uint8(labelOf(k, posI))
			}
		}
	}
	return out, nil
}

// String names a label ("B-PER"); for tests and logs.
func labelName(l int) string {
	if l == 0 {
		return "O"
	}
	return strings.Split("B I L U", " ")[posOf(l)] + "-" + typeNames[typeOf(l)]
}
