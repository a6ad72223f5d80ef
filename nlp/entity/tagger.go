package entity

import (
	"github.com/sitrep-news/sitrep/nlp/text"
)

// phrase is a tagged phrase: tokens [first, last) and its CoNLL type index.
type phrase struct {
	first, last int
	typ         int
	sentence    int
}

// tagDoc tags every sentence of doc left to right (greedy, BILOU-constrained)
// and returns the labels per token (0 outside sentences). A state with a
// score cache is tagged by tagBatch; this token-by-token scoring, for
// one-off states (evaluation while training), is the reference it is
// tested against.
func (m *Model) tagDoc(st *docState) []uint8 {
	if st.cache != nil {
		return m.tagBatch(st)
	}
	m.markOutside(st)
	doc, infos := st.doc, st.infos
	st.labels = resize(st.labels, len(doc.Tokens))
	labels := st.labels
	feats := st.feats[:0]
	st.wordScores = resize(st.wordScores, st.nw) // index+1 into vectors; 0 not yet scored
	wordScores := st.wordScores
	vectors := st.vectors[:0]
	defer func() { st.feats, st.vectors = feats, vectors }()
	for _, s := range doc.Sentences {
		c := st.sentence(s)
		prev1, prev2 := 0, 0
		for i := s.First; i < s.Last; i++ {
			if plainO(&infos[i], prev1) {
				labels[i] = 0
				prev2, prev1 = prev1, 0
				continue
			}
			// the word's own features, scored once per word
			var sc [nLabels]int32
			if wid := infos[i].wid; wid < 0 {
				feats = c.word(feats[:0], i)
				m.score(&sc, feats)
			} else {
				ws := wordScores[wid]
				if ws == 0 {
					var v [nLabels]int32
					feats = c.word(feats[:0], i)
					m.score(&v, feats)
					vectors = append(vectors, v)
					ws = int32(len(vectors))
					wordScores[wid] = ws
				}
				sc = vectors[ws-1]
			}
			feats = c.contextScored(feats[:0], i, &sc, m)
			feats = c.dynamicScored(feats, i, prev1, prev2, &sc, m.dense)
			m.score(&sc, feats)
			best, prev := c.decide(&sc, labels, i, prev1, i == s.Last-1)
			prev2, prev1 = prev, best
		}
	}
	return labels
}

// decide picks token i's label from its scores sc after the label prev,
// first closing prev's phrase in labels when repair says so; it records the
// label and returns it with prev as it stands after the repair.
func (c *sentCtx) decide(sc *[nLabels]int32, labels []uint8, i, prev int, last bool) (best, prevAfter int) {
	best = bestLabel(sc, prev, last)
	if closed, ok := repair(sc, prev, best, last); ok {
		labels[i-1] = uint8(closed)
		prev = closed
		best = bestLabel(sc, closed, last)
	}
	labels[i] = uint8(best)
	c.record(i, best)
	return best, prev
}

// bestLabel returns the highest-scoring label allowed after prev; at the
// end of a sentence a phrase must close.
func bestLabel[T int32 | float32](sc *[nLabels]T, prev int, last bool) int {
	next := &nextLabels[0][prev]
	if last {
		next = &nextLabels[1][prev]
	}
	best := int(next.labels[0])
	bv := sc[best]
	for _, k := range next.labels[1:next.n] {
		if v := sc[k]; v > bv {
			best, bv = int(k), v
		}
	}
	return best
}

// nextLabels lists, per previous label, the labels allowed after it, in
// label order: [0] within a sentence, [1] at its last token, where a
// phrase must close.
var nextLabels = func() (t [2][nLabels]struct {
	labels [nLabels]uint8
	n      int
}) {
	for last := range 2 {
		for prev := range nLabels {
			e := &t[last][prev]
			for k := range nLabels {
				if !allowed(prev, k) || last == 1 && k != 0 && (posOf(k) == posB || posOf(k) == posI) {
					continue
				}
				e.labels[e.n] = uint8(k)
				e.n++
			}
		}
	}
	return t
}()

// repair lets greedy decoding out of a phrase it opened by mistake: when
// the label forced by an open phrase (I, L) scores below the best label for
// a closed one, the previous label closes (B -> U, I -> L) instead.
func repair[T int32 | float32](sc *[nLabels]T, prev, best int, last bool) (int, bool) {
	if prev == 0 || posOf(prev) == posL || posOf(prev) == posU {
		return 0, false
	}
	closed := labelOf(typeOf(prev), posU)
	if posOf(prev) == posI {
		closed = labelOf(typeOf(prev), posL)
	}
	alt := bestLabel(sc, closed, last)
	if sc[alt] > sc[best] {
		return closed, true
	}
	return 0, false
}

// phrases reads the phrases off BILOU labels.
func phrases(doc *text.Doc, labels []uint8) []phrase {
	return vote(doc, rawPhrases(nil, doc, labels))
}

// vote gives every phrase the type its text has most often in the
// document (one sense per document).
func vote(doc *text.Doc, out []phrase) []phrase {
	if len(out) <= maxVoteSmall {
		return voteSmall(doc, out)
	}
	type votes struct{ n [nTypes]int }
	byName := map[string]*votes{}
	for _, p := range out {
		k := doc.Text[doc.Tokens[p.first].Start:doc.Tokens[p.last-1].End]
		v := byName[k]
		if v == nil {
			v = &votes{}
			byName[k] = v
		}
		v.n[p.typ]++
	}
	for i, p := range out {
		v := byName[doc.Text[doc.Tokens[p.first].Start:doc.Tokens[p.last-1].End]]
		best := p.typ
		for t := 1; t < nTypes; t++ {
			if v.n[t] > v.n[best] {
				best = t
			}
		}
		out[i].typ = best
	}
	return out
}

const maxVoteSmall = 128

// voteSmall is vote for a few phrases, comparing their texts pairwise
// instead of counting in a map.
func voteSmall(doc *text.Doc, out []phrase) []phrase {
	var leader [maxVoteSmall]int32 // first phrase with the same text
	var n [maxVoteSmall][nTypes]int32
	var start, end [maxVoteSmall]int32 // their texts
	for i, p := range out {
		start[i], end[i] = int32(doc.Tokens[p.first].Start), int32(doc.Tokens[p.last-1].End)
	}
	for i, p := range out {
		leader[i] = int32(i)
		size := end[i] - start[i]
		for j := range i {
			if leader[j] == int32(j) && end[j]-start[j] == size &&
				doc.Text[start[j]:end[j]] == doc.Text[start[i]:end[i]] {
				leader[i] = int32(j)
				break
			}
		}
		n[leader[i]][p.typ]++
	}
	for i, p := range out {
		v := &n[leader[i]]
		best := p.typ
		for t := 1; t < nTypes; t++ {
			if v[t] > v[best] {
				best = t
			}
		}
		out[i].typ = best
	}
	return out
}

// rawPhrases appends the phrases of labels to out.
func rawPhrases(out []phrase, doc *text.Doc, labels []uint8) []phrase {
	for si, s := range doc.Sentences {
		start := -1
		for i := s.First; i < s.Last; i++ {
			l := int(labels[i])
			if l == 0 {
				start = -1
				continue
			}
			switch posOf(l) {
			case posU:
				out = append(out, phrase{i, i + 1, typeOf(l), si})
				start = -1
			case posB:
				start = i
			case posL:
				if start >= 0 && typeOf(int(labels[start])) == typeOf(l) {
					out = append(out, phrase{start, i + 1, typeOf(l), si})
				}
				start = -1
			}
		}
	}
	return out
}
