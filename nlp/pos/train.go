package pos

import (
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
)

// Sentence is one tagged training sentence.
type Sentence struct {
	Words []string
	Tags  []Tag
}

// TrainOptions control training.
type TrainOptions struct {
	Iterations int    // passes over the data (default 8)
	Seed       uint64 // shuffling seed; same seed, same model
	// Dictionary thresholds: a word seen at least DictMinCount times with one
	// tag at least DictMinRatio of the time is tagged by lookup.
	DictMinCount int     // default 20
	DictMinRatio float64 // default 0.97
	// Ambiguity classes: a word seen at least ClassMinCount times (0: no
	// classes) is only ever given the tags it had at least ClassMinShare
	// of the time. Training learns from every tag all the same: the
	// class only keeps the tagger from a tag the word never had, which
	// also spares it scoring the other tags.
	ClassMinCount int
	ClassMinShare float64
}

// Train trains a tagger on sents and writes the model to out in the format
// Load reads. Training is deterministic for a given input and options.
// Every word is stored in the model (the tagger relies on knowing all the
// words its features saw), so words are limited to 255 bytes.
func Train(sents []Sentence, opts TrainOptions, out io.Writer) error {
	if err := checkWords(sents); err != nil {
		return err
	}
	w := train(sents, opts)
	return w.save(out)
}

func checkWords(sents []Sentence) error {
	for _, s := range sents {
		for _, w := range s.Words {
			if len(w) == 0 || len(w) > 255 {
				return fmt.Errorf("pos: training word of %d bytes (1 to 255 allowed)", len(w))
			}
		}
	}
	return nil
}

// TrainTagger trains a tagger in memory (for cross-validation).
func TrainTagger(sents []Sentence, opts TrainOptions) *Tagger {
	if err := checkWords(sents); err != nil {
		panic(err)
	}
	w := train(sents, opts)
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(w.save(pw)) }()
	t, err := Load(pr)
	if err != nil {
		panic(err)
	}
	return t
}

type entry struct {
	tag    Tag
	w, tot float64
	ts     int
}

type trainer struct {
	idx   map[uint64]int32
	feats [][]entry
	step  int
}

func (tr *trainer) score(feats *[maxFeats]uint64, scores *[numTags]float64) {
	*scores = [numTags]float64{}
	for _, f := range feats {
		if k, ok := tr.idx[f]; ok {
			for _, e := range tr.feats[k] {
				scores[e.tag] += e.w
			}
		}
	}
}

func (tr *trainer) predict(feats *[maxFeats]uint64) Tag {
	var scores [numTags]float64
	tr.score(feats, &scores)
	best := Tag(1)
	for t := Tag(2); t < numTags; t++ {
		if scores[t] > scores[best] {
			best = t
		}
	}
	return best
}

func (tr *trainer) upd(f uint64, tag Tag, d float64) {
	k, ok := tr.idx[f]
	if !ok {
		k = int32(len(tr.feats))
		tr.idx[f] = k
		tr.feats = append(tr.feats, nil)
	}
	es := tr.feats[k]
	for j := range es {
		if es[j].tag == tag {
			e := &es[j]
			e.tot += float64(tr.step-e.ts) * e.w
			e.ts = tr.step
			e.w += d
			return
		}
	}
	tr.feats[k] = append(es, entry{tag: tag, w: d, ts: tr.step})
}

func (tr *trainer) update(truth, guess Tag, feats *[maxFeats]uint64) {
	tr.step++
	if truth == guess {
		return
	}
	for _, f := range feats {
		tr.upd(f, truth, 1)
		tr.upd(f, guess, -1)
	}
}

func train(sents []Sentence, opts TrainOptions) *weights {
	if opts.Iterations == 0 {
		opts.Iterations = 8
	}
	if opts.DictMinCount == 0 {
		opts.DictMinCount = 20
	}
	if opts.DictMinRatio == 0 {
		opts.DictMinRatio = 0.97
	}
	// Tag dictionary.
	counts := map[string]*[numTags]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			c := counts[w]
			if c == nil {
				c = new([numTags]int)
				counts[w] = c
			}
			c[s.Tags[i]]++
		}
	}
	dict := map[string]Tag{}
	vocab := map[string]lexWord{}
	for w, c := range counts {
		n, best := 0, Tag(0)
		for t := range c {
			n += c[t]
			if c[t] > c[best] {
				best = Tag(t)
			}
		}
		if n >= opts.DictMinCount && float64(c[best])/float64(n) >= opts.DictMinRatio {
			dict[w] = best
		}
		var class uint64
		if opts.ClassMinCount > 0 && n >= opts.ClassMinCount {
			for t := range c {
				if c[t] > 0 && float64(c[t]) >= opts.ClassMinShare*float64(n) {
					class |= 1 << t
				}
			}
		}
		class = closeClass(class)
		tag := dict[w]
		if bits.OnesCount64(class) == 1 {
			// One possible tag: the tagger need not score the word.
			tag = Tag(bits.TrailingZeros64(class))
		}
		vocab[w] = lexWord{word: w, tag: tag, class: class, count: n} // tag None if not a dictionary word
	}
	tr := &trainer{idx: map[uint64]int32{}}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	var feats [maxFeats]uint64
	for range opts.Iterations {
		for _, si := range order {
			s := sents[si]
			infos := make([]tokInfo, len(s.Words))
			for i, w := range s.Words {
				infos[i] = info(w)
			}
			prev, prev2 := None, None
			for i, w := range s.Words {
				guess, ok := dict[w]
				if !ok {
					features(&feats, infos, i, prev, prev2)
					guess = tr.predict(&feats)
					tr.update(s.Tags[i], guess, &feats)
				}
				prev2, prev = prev, guess
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	avg := make(map[uint64][]floatWeight, len(tr.idx))
	for f, k := range tr.idx {
		var fw []floatWeight
		for _, e := range tr.feats[k] {
			tot := e.tot + float64(tr.step-e.ts)*e.w
			if v := tot / float64(tr.step); v != 0 {
				fw = append(fw, floatWeight{e.tag, v})
			}
		}
		if len(fw) > 0 {
			avg[f] = fw
		}
	}
	return &weights{words: vocab, feats: quantize(avg)}
}

// closeClass adds to an ambiguity class the tags that English spells the
// same way as one it holds, which a small corpus may not show: the base
// form and the non-third-person present (VB, VBP), the past tense and the
// past participle (VBD, VBN).
func closeClass(class uint64) uint64 {
	for _, same := range [...]uint64{1<<VB | 1<<VBP, 1<<VBD | 1<<VBN} {
		if class&same != 0 {
			class |= same
		}
	}
	return class
}
