package entity

import (
	"math/bits"
	"slices"
)

// Batched tagging. The tagger's time goes to cache misses in the model
// table, the word and shape caches: scored one token at a time, a token
// waits for four or five rounds of misses in turn (its word's cached score,
// the word's features on a miss, its document features, the shape cache,
// its context features). Every feature that does not depend on the labels
// predicted before a token is known before tagging starts, so tagBatch
// scores them for all the capitalised tokens of a document at once, with
// every load independent of the others, and the greedy pass then adds only
// the features of the previous labels. Scores are integer sums, so the
// labels are exactly those of tagging token by token (TestCachedScoresSame).

// accVec accumulates a score indexed by label (index 31 takes the empty
// inline weights of the model's slots); labels returns its first nLabels
// values, the scores.
type accVec [32]int32

func (a *accVec) labels() *[nLabels]int32 { return (*[nLabels]int32)(a[:nLabels]) }

// batchScratch is tagBatch's memory, reused across documents.
type batchScratch struct {
	cand    []int32 // per token: index+1 of its candidate, 0 for none
	toks    []int32 // per candidate: its token
	sent    []int32 // per candidate: its sentence
	shapes  []shapesKey
	caps    []bool   // per sentence: set in capitals
	slotW   []uint32 // per candidate: its word cache slot, with wcMiss if it was missed
	slotS   []uint32 // per candidate: its shape cache slot, with wcMiss if it was missed
	acc     []accVec // vectors being summed: see tagBatch
	feats   []uint32
	dst     []int32
	docSeen []int32 // per exact word: candidate+1 whose acc holds the word's document score, 0 none
}

const wcMiss = 1 << 31

// Vectors in batchScratch.acc, per candidate j at 3j: the context score,
// +1 the word's cached static score with the features of a previous label
// O (tPrev1Low, tPrev1Shape), +2 the shape score; after them, at 3n + j,
// the word's document score for candidates that first have the word in
// the document.

var prevDst = [4]int32{0, 0, 1, 1}

// scoreInto adds the weights of feats[k] to acc[dst[k]]. It first loads
// the home slots of up to 64 features, independent loads the processor
// overlaps, then matches them and loads the first weight of every feature
// stored out of line, again all at once: the table and the weights do not
// fit in the first cache levels, and waiting for each miss in turn would
// dominate tagging. Weights are summed into accumulators indexed by label
// (masked, so without bounds checks or branches; an empty inline weight,
// label+1 == 0, adds 0 to the unused index 31).
func (m *Model) scoreInto(acc []accVec, feats []uint32, dst []int32) {
	var home [64]uint64
	var out [64]uint64
	var outDst [64]int32
	slots, shift, weights := m.slots, m.shift, m.weights
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(home))]
		cdst := dst[:len(chunk)]
		feats, dst = feats[len(chunk):], dst[len(chunk):]
		for k, f := range chunk {
			home[k] = slots[(uint64(f)*0x9e3779b97f4a7c15)>>shift]
		}
		n := 0
		for k, f := range chunk {
			s := home[k&63]
			if s != 0 && s>>43 != uint64(f)&fpMask {
				s = m.lookup(f)
			}
			if s == 0 {
				continue
			}
			a := &acc[cdst[k]]
			if s&overflow == 0 {
				a[(s>>16-1)&31] += int32(int16(uint16(s)))
				a[(s>>(entryBits+16)-1)&31] += int32(int16(uint16(s >> entryBits)))
				continue
			}
			a[bits.TrailingZeros64(s>>maskShift)&31] += int32(weights[s&offMask])
			out[n&63], outDst[n&63] = s, cdst[k]
			n++
		}
		for k, s := range out[:n] {
			a := &acc[outDst[k]]
			labels := s >> maskShift & (1<<nLabels - 1)
			off := int(s & offMask)
			if labels == allLabels {
				addRest(a, (*[nLabels - 1]int16)(weights[off+1:off+nLabels]))
				continue
			}
			ws := weights[off : off+bits.OnesCount64(labels)]
			labels &= labels - 1
			for _, w := range ws[1:] {
				a[bits.TrailingZeros64(labels)&31] += int32(w)
				labels &= labels - 1
			}
		}
	}
}

// addRest adds the weights of labels 1.. of a full row to a (unrolled: the
// compiler does not unroll loops, and a loop costs three times as many
// instructions).
func addRest(a *accVec, w *[nLabels - 1]int16) {
	a[1] += int32(w[0])
	a[2] += int32(w[1])
	a[3] += int32(w[2])
	a[4] += int32(w[3])
	a[5] += int32(w[4])
	a[6] += int32(w[5])
	a[7] += int32(w[6])
	a[8] += int32(w[7])
	a[9] += int32(w[8])
	a[10] += int32(w[9])
	a[11] += int32(w[10])
	a[12] += int32(w[11])
	a[13] += int32(w[12])
	a[14] += int32(w[13])
	a[15] += int32(w[14])
	a[16] += int32(w[15])
}

// shapesKey is the shapes around a token and its shape cache flags
// (shapesAt).
type shapesKey struct {
	shapes [5]uint64
	flags  uint8
}

// fill appends n copies of v to s.
func fill(s []int32, v int32, n int) []int32 {
	s = slices.Grow(s, n)
	add := s[len(s) : len(s)+n]
	for i := range add {
		add[i] = v
	}
	return s[:len(s)+n]
}

// tagBatch is tagDoc for a state with a score cache.
func (m *Model) tagBatch(st *docState) []uint8 {
	doc, infos, wc := st.doc, st.infos, st.cache
	wc.init(m)
	b := &st.batch
	st.labels = resize(st.labels, len(doc.Tokens))
	labels := st.labels
	b.cand = resize(b.cand, len(doc.Tokens))
	b.toks, b.sent = b.toks[:0], b.sent[:0]
	b.caps = resize(b.caps, len(doc.Sentences))
	upper := st.upper // the tokens with a capital, which init listed
	for si, s := range doc.Sentences {
		b.caps[si] = capsSentence(infos, s.First, s.Last)
		for ; len(upper) > 0 && int(upper[0]) < s.Last; upper = upper[1:] {
			// (as markOutside)
			i := int(upper[0])
			t := &infos[i]
			t.outside = m.outside.has(t.w) && (i+1 == s.Last || !nameNext(&infos[i+1]))
			if !t.outside {
				b.toks = append(b.toks, int32(i))
				b.sent = append(b.sent, int32(si))
				b.cand[i] = int32(len(b.toks))
			}
		}
	}
	n := len(b.toks)
	b.acc = resize(b.acc, 4*n)
	b.docSeen = resize(b.docSeen, st.nw)
	b.slotW = resize(b.slotW, n)
	b.slotS = resize(b.slotS, n)
	b.shapes = resize(b.shapes, n)

	// cache slots first, their loads overlapped: the slots are computed
	// before any is loaded, so that the loading loop is short enough for
	// the processor to have many misses in flight; each slot is touched
	// every 64 bytes or less, as its scores span two or three cache lines
	for j, i := range b.toks {
		t := &infos[i]
		b.slotW[j] = uint32(mix(t.w^t.lw<<1) & (wordCacheSize - 1))
	}
	for j, i := range b.toks {
		s := doc.Sentences[b.sent[j]]
		sh := &b.shapes[j]
		sh.shapes, sh.flags = shapesAt(infos, int(i), s.First, s.Last, b.caps[b.sent[j]])
		b.slotS[j] = uint32(shapeHash(sh.shapes, sh.flags) & (shapeCacheSize - 1))
	}
	var sink uint64
	for j := range b.toks {
		w := &wc.slots[b.slotW[j]]
		sh := &wc.shapes[b.slotS[j]]
		sink += w.w + uint64(w.sc[nLabels/2]+w.sc[nLabels-1]) +
			sh.shapes[0] + uint64(sh.sc[nLabels/4]+sh.sc[nLabels-1])
	}
	st.sink = sink

	// every static feature of every candidate, in one batch
	feats, dst := b.feats[:0], b.dst[:0]
	var c sentCtx
	for j, i32 := range b.toks {
		i := int(i32)
		if j == 0 || b.sent[j] != b.sent[j-1] {
			s := doc.Sentences[b.sent[j]]
			c = sentCtx{lexWords: st.lexWords, doc: doc, infos: infos, words: st.words, first: s.First, last: s.Last, capsSent: b.caps[b.sent[j]]}
		}
		t := &infos[i]
		base := int32(3 * j)
		a := &b.acc[base]
		if s := &wc.slots[b.slotW[j]]; s.used && s.w == t.w && s.lw == t.lw {
			*b.acc[base+1].labels() = s.sc
		} else {
			b.slotW[j] |= wcMiss
			k := len(feats)
			feats = c.wordStatic(feats, i)
			// the previous-label features for a previous O depend on the
			// word alone: cached with it (and taken off again where the
			// previous label is another)
			feats = append(feats, feat(tPrev1Low, t.lw*64), feat(tPrev1Shape, t.shape*64))
			dst = fill(dst, base+1, len(feats)-k)
		}
		if w := t.wid; b.docSeen[w] == 0 {
			b.docSeen[w] = int32(j + 1)
			k := len(feats)
			feats = c.wordDoc(feats, i)
			dst = fill(dst, int32(3*n+j), len(feats)-k)
		}
		sh, flags := b.shapes[j].shapes, b.shapes[j].flags
		if s := &wc.shapes[b.slotS[j]]; s.flags == flags && s.shapes == sh {
			*b.acc[base+2].labels() = s.sc
		} else {
			b.slotS[j] |= wcMiss
			k := len(feats)
			feats = shapeFeats(feats, sh, flags&1 != 0, flags&2 != 0)
			dst = fill(dst, base+2, len(feats)-k)
		}
		k := len(feats)
		feats = c.contextLow(feats, i)
		dst = fill(dst, base, len(feats)-k)
		// the small-domain features, from the dense tables
		c.contextDense(a.labels(), i, m.dense)
	}
	m.scoreInto(b.acc, feats, dst)
	b.feats, b.dst = feats, dst
	for j := range b.toks {
		if h := b.slotW[j]; h&wcMiss != 0 {
			s := &wc.slots[h&^wcMiss]
			t := &infos[b.toks[j]]
			s.w, s.lw, s.used = t.w, t.lw, true
			s.sc = *b.acc[3*j+1].labels()
		}
		if h := b.slotS[j]; h&wcMiss != 0 {
			c := &wc.shapes[h&^wcMiss]
			c.shapes, c.flags = b.shapes[j].shapes, b.shapes[j].flags
			c.sc = *b.acc[3*j+2].labels()
		}
	}

	// the greedy pass
	feats = b.feats[:0]
	next := 0 // the next candidate
	for si, s := range doc.Sentences {
		c := sentCtx{lexWords: st.lexWords, doc: doc, infos: infos, words: st.words, first: s.First, last: s.Last, capsSent: b.caps[si]}
		prev1, prev2 := 0, 0
		for i := s.First; i < s.Last; i++ {
			j := int(b.cand[i]) - 1
			if j < 0 && closes(prev1) {
				// plainO: the tokens that are no candidates are those
				// without a capital or outside (labels are 0 already),
				// up to the next candidate
				to := s.Last
				if next < n {
					to = min(to, int(b.toks[next]))
				}
				if to-i > 1 {
					prev2 = 0
				} else {
					prev2 = prev1
				}
				prev1 = 0
				i = to - 1
				continue
			}
			var sc [nLabels]int32
			if j >= 0 {
				next = j + 1
				sc = *b.acc[3*j].labels()
				addVec(&sc, b.acc[3*j+1].labels())
				addVec(&sc, b.acc[3*j+2].labels())
				addVec(&sc, b.acc[3*n+int(b.docSeen[infos[i].wid])-1].labels())
				c.dynamicDense(&sc, i, prev1, prev2, m.dense)
				if prev1 != 0 {
					t := &infos[i]
					var d [2]accVec // the features of prev1, and of O to take off
					feats = append(feats[:0],
						feat(tPrev1Low, t.lw*64+uint64(prev1)), feat(tPrev1Shape, t.shape*64+uint64(prev1)),
						feat(tPrev1Low, t.lw*64), feat(tPrev1Shape, t.shape*64))
					m.scoreInto(d[:], feats, prevDst[:])
					for l := range sc {
						sc[l] += d[0][l] - d[1][l]
					}
				}
			} else {
				// a word without a capital (or never in a phrase) inside an
				// open phrase
				feats = c.word(feats[:0], i)
				feats = c.contextScored(feats, i, &sc, m)
				feats = c.dynamicScored(feats, i, prev1, prev2, &sc, m.dense)
				m.score(&sc, feats)
			}
			best, prev := c.decide(&sc, labels, i, prev1, i == s.Last-1)
			prev2, prev1 = prev, best
		}
	}
	b.feats = feats
	return labels
}
