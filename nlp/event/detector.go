package event

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Detector is an averaged-perceptron trigger classifier: for each candidate
// token it picks "no event" or one of the TimeML classes. It is immutable
// and safe for concurrent use.
type Detector struct {
	// (first: the detector is a large allocation, which starts a page,
	// so that each row of the dense tables sits in one cache line)
	dense
	// An open-addressing table over the feature hashes: fps holds
	// fingerprint(key) (0: empty slot), ents the key and weights of the
	// same slot. Probing reads the fingerprints only, a table half the
	// size of the keys, and the entry once a fingerprint matches.
	mask uint64
	fps  []uint32
	ents []weights
	// free holds idle extractors, whose per-token buffers and score
	// caches Extract reuses from one document to the next, at most
	// cap(free) of them. (Not a sync.Pool: that one is emptied by garbage
	// collections, which the pipeline has every few hundred documents,
	// and a cache refills over a thousand. Nor a channel: a lock and a
	// slice are less code and fewer cache lines to bring in for each
	// document.)
	mu   sync.Mutex
	free []*extractor
	// big holds the per-token buffers of long documents (*tokenBufs)
	big sync.Pool
}

type weights struct {
	key uint64
	row [numLabels]int16
}

func fingerprint(f uint64) uint32 { return uint32(f>>32) | 1 }

// nTagVals is the number of values sentCtx.tag takes: 0 outside the
// sentence, 1+tag inside.
const nTagVals = pos.NumTags + 1

type row = [numLabels]int32

// dense holds the scores of the features that look only at tags and
// capitalisation, looked up once for every value they can take when the
// detector is built: scoring a candidate then reads them from these small
// tables instead of probing the hash table. The sums are those of the
// probes, so the labels are the same.
type dense struct {
	// left[tm1][t]: bias, tag, previous tag and the pair of them.
	left [nTagVals][nTagVals]row
	// right[t][tp1]: next tag and the pair of the tag with it.
	right  [nTagVals][nTagVals]row
	m2, p2 [nTagVals]row // the tags two before and two after
	cap    [3]row        // capValue
}

func (d *Detector) fill() {
	addTo := func(r *row, f uint64) {
		if x := d.row(f); x != nil {
			for l := range r {
				r[l] += int32(x[l])
			}
		}
	}
	for a := range uint64(nTagVals) {
		for b := range uint64(nTagVals) {
			l := &d.left[a][b]
			addTo(l, f1(fBias, 0))
			addTo(l, f1(fTag, b))
			addTo(l, f1(fTagM1, a))
			addTo(l, f2(fTagM1Tag, a, b))
			r := &d.right[a][b]
			addTo(r, f1(fTagP1, b))
			addTo(r, f2(fTagTagP1, a, b))
		}
		addTo(&d.m2[a], f1(fTagM2, a))
		addTo(&d.p2[a], f1(fTagP2, a))
	}
	for v := range uint64(3) {
		addTo(&d.cap[v], f1(fCap, v))
	}
}

// row returns the weights of feature f, nil when the model lacks it.
func (d *Detector) row(f uint64) *[numLabels]int16 {
	fp := fingerprint(f)
	for i := f & d.mask; ; i = (i + 1) & d.mask {
		switch d.fps[i] {
		case fp:
			if e := &d.ents[i]; e.key == f {
				return &e.row
			}
		case 0:
			return nil
		}
	}
}

// cand is a candidate token and the bounds of its sentence. (int32: the
// candidates and those scored are written anew for each document, in
// buffers that are out of the processor's caches by then.)
type cand struct {
	tok, first, last int32
}

// scored is a candidate being scored: the sum of its own word features
// and its lemma.
type scored struct {
	cand
	lemma string
	sum   row
	// the hashes of the word before, the word after and the auxiliary
	near [3]uint64
}

// pairs returns the hashes of the pair features of candidate sc, whose
// sentence c is at (see pairFeatures).
func (c *sentCtx) pairs(sc *scored) [3]uint64 {
	i := int(sc.tok)
	return [3]uint64{f2(fWordM2, c.word(i-2), c.word(i+2)), f2(fWordWordP1, c.wordAt(i), sc.near[1]), f2(fLemmaTagM1, hashLower(sc.lemma), c.tag(i-1))}
}

// scoreBatch is the number of candidates score takes at a time: enough to
// overlap the misses of the passes below, few enough that what they load
// stays in the processor's caches until it is read.
const scoreBatch = 128

// score labels the candidates cs of c's document, in text order, and
// appends the triggers to out. Features look at tags and capitalisation
// only (the dense tables), at one word: the candidate's own (cached by
// word and tag) or a neighbour's (cached by word), or at a pair of words
// (probed in the model's table). The caches and the table are mostly out
// of the processor's caches when a document starts, the pipeline's other
// stages having run in between, so the candidates are taken in passes
// over the document (scoreBatch at a time) whose loads do not depend on
// one another and overlap their misses, where scoring one candidate after
// another would wait for each in turn: the word entries; then, for the
// candidates that matter (see sentCtx.typedOnly), the neighbours' entries,
// the dense tables' rows and the pair features' table slots; then the
// scores.
func (d *Detector) score(c *sentCtx, cs []cand, out []Trigger) []Trigger {
	for len(cs) > scoreBatch {
		out = d.scoreBatch(c, cs[:scoreBatch], out)
		cs = cs[scoreBatch:]
	}
	return d.scoreBatch(c, cs, out)
}

// scoreBatch is score for at most scoreBatch candidates.
func (d *Detector) scoreBatch(c *sentCtx, cs []cand, out []Trigger) []Trigger {
	var sink uint64
	for _, k := range cs {
		sink += c.cache.self[selfKey(c.wordAt(int(k.tok)), c.tags[k.tok])&(selfSlots-1)].key
	}
	ks := c.kept[:0]
	for _, k := range cs {
		c.at(int(k.first), int(k.last))
		se, skip := d.self(c, int(k.tok))
		if skip {
			continue
		}
		ks = append(ks, scored{cand: k, lemma: se.lemma, sum: se.sum})
	}
	c.kept = ks[:0]
	for k := range ks {
		sc := &ks[k]
		i := int(sc.tok)
		c.at(int(sc.first), int(sc.last))
		sc.near = [3]uint64{c.word(i - 1), c.word(i + 1), c.aux(i)}
		wp1 := sc.near[1]
		sink += c.cache.ctx[ctxSlot(sc.near[0])].key + c.cache.ctx[ctxSlot(wp1)].key + c.cache.ctx[ctxSlot(sc.near[2])].key
		t, tm1 := c.tag(i), c.tag(i-1)
		sink += uint64(d.left[tm1][t][0]) + uint64(d.right[t][c.tag(i+1)][0])
		if pairFeatures {
			for _, f := range c.pairs(sc) {
				sink += uint64(d.fps[f&d.mask])
			}
		}
	}
	// (and the entries of the pair features whose first slot holds them)
	for k := range ks {
		if !pairFeatures {
			break
		}
		c.at(int(ks[k].first), int(ks[k].last))
		for _, f := range c.pairs(&ks[k]) {
			j := f & d.mask
			if d.fps[j] != fingerprint(f) {
				j = 0
			}
			sink += d.ents[j].key
		}
	}
	c.sink += sink
	for k := range ks {
		i := int(ks[k].tok)
		c.at(int(ks[k].first), int(ks[k].last))
		t, tm1, tp1 := c.tag(i), c.tag(i-1), c.tag(i+1)
		scores := d.left[tm1][t]
		addRow(&scores, &d.right[t][tp1])
		addRow(&scores, &d.m2[c.tag(i-2)])
		addRow(&scores, &d.p2[c.tag(i+2)])
		addRow(&scores, &d.cap[c.capValue(i)])
		addRow(&scores, &ks[k].sum)
		// (one at a time: a neighbour may take the slot of the one before)
		addWeights(&scores, &d.neighbour(c.cache, ks[k].near[0]).m1)
		addWeights(&scores, &d.neighbour(c.cache, ks[k].near[1]).p1)
		addWeights(&scores, &d.neighbour(c.cache, ks[k].near[2]).aux)
		if pairFeatures {
			for _, f := range c.pairs(&ks[k]) {
				if r := d.row(f); r != nil {
					addWeights(&scores, r)
				}
			}
		}
		if lab := argmax(&scores); lab != 0 {
			out = append(out, Trigger{Token: i, Span: c.doc.Span(i, i+1), Class: Classes[lab], Lemma: ks[k].lemma})
		} else if c.lw != nil {
			c.unflagged = append(c.unflagged, i)
		}
		ks[k].lemma = ""
	}
	return out
}

// The scorer's sums are written out for eight labels (a loop over them
// costs as much again in counting and branching).
const (
	_ = uint(numLabels - 8)
	_ = uint(8 - numLabels)
)

// addRow adds the weights r to scores.
func addRow(scores, r *row) {
	scores[0] += r[0]
	scores[1] += r[1]
	scores[2] += r[2]
	scores[3] += r[3]
	scores[4] += r[4]
	scores[5] += r[5]
	scores[6] += r[6]
	scores[7] += r[7]
}

// addWeights adds the weights r to scores.
func addWeights(scores *row, r *[numLabels]int16) {
	scores[0] += int32(r[0])
	scores[1] += int32(r[1])
	scores[2] += int32(r[2])
	scores[3] += int32(r[3])
	scores[4] += int32(r[4])
	scores[5] += int32(r[5])
	scores[6] += int32(r[6])
	scores[7] += int32(r[7])
}

// argmax returns the label of the highest score, the lowest of those tied.
func argmax(scores *row) int {
	best, top := 0, scores[0]
	for l, s := range scores[1:] {
		if s > top {
			best, top = l+1, s
		}
	}
	return best
}

// TrainDoc is one training document: the segmented text, one tag per
// token, and the gold event mentions.
type TrainDoc struct {
	Doc    *text.Doc
	Tags   []pos.Tag
	Events []Gold
}

// Gold is a gold event mention: its extent and TimeML class.
type Gold struct {
	Span  sitrep.Span
	Class string
}

// TrainOptions control detector training.
type TrainOptions struct {
	Iterations int    // default 10
	Seed       uint64 // shuffling seed
	// NoEventBias is subtracted from the "no event" score: > 0 trades
	// precision for recall.
	NoEventBias float64
}

// DefaultTrainOptions are the options the embedded detector is trained
// with. The no-event bias was chosen by 5-fold cross-validation on TBAQ
// (F1 0.842 at 0, 0.851 at 4 to 6, 0.848 at 8).
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Iterations: 10, Seed: 1, NoEventBias: 5}
}

type example struct {
	feats []uint64
	label int
}

// TrainDetector trains a detector on docs. It is deterministic.
func TrainDetector(docs []TrainDoc, opts TrainOptions) *Detector {
	if opts.Iterations == 0 {
		opts.Iterations = 10
	}
	var exs []example
	var ctx sentCtx
	for _, td := range docs {
		ctx.init(td.Doc, td.Tags)
		labels := make([]int, len(td.Doc.Tokens))
		for _, g := range td.Events {
			// The token the event starts in carries the label.
			i := td.Doc.TokenAt(g.Span.Start)
			if i < len(td.Doc.Tokens) && td.Doc.Tokens[i].Start < g.Span.End {
				labels[i] = classLabel(g.Class)
			}
		}
		for _, s := range td.Doc.Sentences {
			ctx.at(s.First, s.Last)
			for i := s.First; i < s.Last; i++ {
				if !candidate(td.Tags[i]) || td.Doc.Tokens[i].Kind != text.Word {
					continue
				}
				var feats [maxFeats]uint64
				n := ctx.features(&feats, i)
				exs = append(exs, example{append([]uint64(nil), feats[:n]...), labels[i]})
			}
		}
	}
	type acc struct {
		w, tot [numLabels]float64
		ts     [numLabels]int
	}
	ws := map[uint64]*acc{}
	step := 0
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0xe7e47))
	for range opts.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			ex := &exs[ei]
			step++
			var scores [numLabels]float64
			for _, f := range ex.feats {
				if a := ws[f]; a != nil {
					for l := range scores {
						scores[l] += a.w[l]
					}
				}
			}
			guess := 0
			for l := 1; l < numLabels; l++ {
				if scores[l] > scores[guess] {
					guess = l
				}
			}
			if guess == ex.label {
				continue
			}
			for _, f := range ex.feats {
				a := ws[f]
				if a == nil {
					a = &acc{}
					for l := range a.ts {
						a.ts[l] = step
					}
					ws[f] = a
				}
				for _, l := range [2]int{ex.label, guess} {
					a.tot[l] += float64(step-a.ts[l]) * a.w[l]
					a.ts[l] = step
				}
				a.w[ex.label]++
				a.w[guess]--
			}
		}
	}
	avg := make(map[uint64][numLabels]float64, len(ws))
	if a := ws[f1(fBias, 0)]; a != nil {
		// (applied to the final weights: tot/step below is unchanged
		// but for this shift)
		a.tot[0] -= opts.NoEventBias * float64(step)
	}
	maxAbs := 0.0
	for f, a := range ws {
		var v [numLabels]float64
		for l := range v {
			v[l] = (a.tot[l] + float64(step-a.ts[l])*a.w[l]) / float64(step)
			maxAbs = math.Max(maxAbs, math.Abs(v[l]))
		}
		avg[f] = v
	}
	scale := 30000 / math.Max(maxAbs, 1e-9)
	q := map[uint64][numLabels]int16{}
	for f, v := range avg {
		var r [numLabels]int16
		nz := false
		for l := range v {
			x := math.Round(v[l] * scale)
			if math.Abs(x) >= pruneBelow {
				r[l] = int16(x)
				nz = true
			}
		}
		if nz {
			q[f] = r
		}
	}
	return build(q)
}

// pruneBelow drops quantized weights this small.
const pruneBelow = 4

func build(q map[uint64][numLabels]int16) *Detector {
	size := uint64(1)
	for size < uint64(len(q))*2 {
		size <<= 1
	}
	d := &Detector{mask: size - 1, fps: make([]uint32, size), ents: make([]weights, size),
		free: make([]*extractor, 0, max(2, runtime.GOMAXPROCS(0)))}
	keys := make([]uint64, 0, len(q))
	for f := range q {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, f := range keys {
		if f == 0 {
			continue
		}
		i := f & d.mask
		for d.fps[i] != 0 {
			i = (i + 1) & d.mask
		}
		d.fps[i] = fingerprint(f)
		d.ents[i] = weights{f, q[f]}
	}
	d.fill()
	return d
}

const detectorMagic = "EVT1"

// Save writes the detector in the compressed form LoadDetector reads;
// features are written in hash order so the bytes are deterministic.
func (d *Detector) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(detectorMagic)
	type kv struct {
		k uint64
		r [numLabels]int16
	}
	var all []kv
	for i, fp := range d.fps {
		if fp != 0 {
			all = append(all, kv{d.ents[i].key, d.ents[i].row})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	binary.Write(bw, binary.LittleEndian, uint32(len(all)))
	var b [8]byte
	for _, e := range all {
		binary.LittleEndian.PutUint64(b[:], e.k)
		bw.Write(b[:])
		// A bitmap of the non-zero labels, then their weights.
		var bits byte
		for l, x := range e.r {
			if x != 0 {
				bits |= 1 << l
			}
		}
		bw.WriteByte(bits)
		for _, x := range e.r {
			if x != 0 {
				binary.LittleEndian.PutUint16(b[:2], uint16(x))
				bw.Write(b[:2])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// LoadDetector reads a detector written by Save.
func LoadDetector(r io.Reader) (*Detector, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	bad := errors.New("event: trigger model truncated")
	if len(data) < 8 || string(data[:4]) != detectorMagic {
		return nil, errors.New("event: not a trigger model")
	}
	n := int(binary.LittleEndian.Uint32(data[4:]))
	p := 8
	q := make(map[uint64][numLabels]int16, n)
	for range n {
		if p+9 > len(data) {
			return nil, bad
		}
		k := binary.LittleEndian.Uint64(data[p:])
		bits := data[p+8]
		p += 9
		var r [numLabels]int16
		for l := range r {
			if bits&(1<<l) != 0 {
				if p+2 > len(data) {
					return nil, bad
				}
				r[l] = int16(binary.LittleEndian.Uint16(data[p:]))
				p += 2
			}
		}
		q[k] = r
	}
	return build(q), nil
}
