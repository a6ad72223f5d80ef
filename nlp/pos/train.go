package pos

import (
	"io"
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
}

// Train trains a tagger on sents and writes the model to out in the format
// Load reads. Training is deterministic for a given input and options.
func Train(sents []Sentence, opts TrainOptions, out io.Writer) error {
	w := train(sents, opts)
	return w.save(out)
}

// TrainTagger trains a tagger in memory (for cross-validation).
func TrainTagger(sents []Sentence, opts TrainOptions) *Tagger {
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
	for w, c := range counts {
		n, best := 0, Tag(0)
		for t := range c {
			n += c[t]
			if c[t] > c[best] {
				best = Tag(t)
			}
		}
		if len(w) < 256 && n >= opts.DictMinCount && float64(c[best])/float64(n) >= opts.DictMinRatio {
			dict[w] = best
		}
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
	return &weights{dict: dict, feats: quantize(avg)}
}
