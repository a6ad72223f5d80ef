package event

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// scoreCache memoises the detector's weights that depend on one word only,
// so that a word met again, in this document or a later one, costs one
// probe instead of one per feature: news reuse a small vocabulary, and the
// model's hash table is too large to stay in the processor's caches.
//
// self holds, per candidate word and tag, the sum of the weights of the
// features of the word itself (word, lemma, lemma and tag, suffixes) with
// its lemma; ctx holds, per word hash, the weights of the features that
// look at it as a neighbour (previous word, next word, auxiliary). Both are
// direct-mapped: a new word overwrites the slot it maps to. Entries are
// keyed by the feature hashes the model itself uses, so the scores are
// those of the features' probes.
//
// A cache belongs to one detector and one goroutine at a time: it travels
// in the extractor the detector's pool hands out.
type scoreCache struct {
	self [selfSlots]selfEntry
	ctx  [ctxSlots]ctxEntry
}

const (
	selfSlots = 1 << 13
	ctxSlots  = 1 << 11
)

// selfEntry is what scoring needs of a candidate word under its tag. 64
// bytes: one cache line.
type selfEntry struct {
	key   uint64 // selfKey of the word and tag; 0 when empty
	lh    uint64 // hash of the lemma
	lemma string
	sum   row // the weights of the word's own features, summed
}

// ctxEntry holds the weights of the features that look at a word hash as
// a neighbour of the candidate.
type ctxEntry struct {
	key         uint64
	set         bool
	m1, p1, aux [numLabels]int16
}

// selfKey identifies a word (by its hash) under a tag; 0 is reserved for
// empty slots.
func selfKey(w uint64, t pos.Tag) uint64 { return mix(w ^ (uint64(t)+1)*0x9e3779b97f4a7c15) }

var zeroWeights [numLabels]int16

// rowOr returns the weights of feature f, zeros when the model lacks it.
func (d *Detector) rowOr(f uint64) [numLabels]int16 {
	if r := d.row(f); r != nil {
		return *r
	}
	return zeroWeights
}

// self returns the word features' entry of candidate token i of c's
// sentence, from the cache when c has one and the word is ASCII (then its
// hash stands for its lower-cased bytes, on which lemma and suffixes
// depend); it also records the lemma in c.lemmas.
func (d *Detector) self(c *sentCtx, i int) *selfEntry {
	w, t := c.words[i-c.first], c.tags[i]
	var e *selfEntry
	key := selfKey(w, t)
	if c.cache != nil && c.ascii[i-c.first] && key != 0 {
		e = &c.cache.self[key&(selfSlots-1)]
		if e.key == key {
			if c.lemmas != nil && c.lemmas[i] == "" {
				c.lemmas[i] = e.lemma
			}
			return e
		}
		// A copy: the cache outlives the document.
		e.lemma = strings.Clone(c.lemma(i))
	} else {
		e = &c.tmp
		e.lemma = c.lemma(i)
		key = 0
	}
	if c.lemmas != nil {
		c.lemmas[i] = e.lemma
	}
	e.key = key
	e.lh = hashLower(e.lemma)
	tok := c.doc.Tok(i)
	e.sum = row{}
	tg := uint64(t) + 1
	for _, f := range [...]uint64{f1(fWord, w), f1(fLemma, e.lh), f2(fLemmaTag, e.lh, tg),
		f1(fSuf3, hashSuffix(tok, 3)), f1(fSuf4, hashSuffix(tok, 4))} {
		if r := d.row(f); r != nil {
			for l := range e.sum {
				e.sum[l] += int32(r[l])
			}
		}
	}
	return e
}

// neighbour returns the entry of word hash w as a neighbour.
func (d *Detector) neighbour(c *scoreCache, w uint64) *ctxEntry {
	e := &c.ctx[ctxSlot(w)]
	if !e.set || e.key != w {
		*e = ctxEntry{key: w, set: true, m1: d.rowOr(f1(fWordM1, w)), p1: d.rowOr(f1(fWordP1, w)), aux: d.rowOr(f1(fAux, w))}
	}
	return e
}

func ctxSlot(w uint64) uint64 { return (w ^ w>>29) & (ctxSlots - 1) }

// warm reads, for every candidate of c's sentence, the first word of each
// cache slot and table slot its scoring will read. These loads do not
// depend on one another, so the processor overlaps their cache misses,
// where scoring one candidate after another would wait for each in turn:
// the model and the caches are mostly out of the processor's caches when a
// document starts, the pipeline's other stages having run in between.
func (d *Detector) warm(c *sentCtx) {
	var sink uint64
	for i := c.first; i < c.last; i++ {
		if !candidate(c.tags[i]) || c.doc.Tokens[i].Kind != text.Word {
			continue
		}
		w, wp1 := c.words[i-c.first], c.word(i+1)
		sink += c.cache.self[selfKey(w, c.tags[i])&(selfSlots-1)].key
		sink += c.cache.ctx[ctxSlot(c.word(i-1))].key + c.cache.ctx[ctxSlot(wp1)].key + c.cache.ctx[ctxSlot(c.aux(i))].key
		sink += uint64(d.fps[f2(fWordM2, c.word(i-2), c.word(i+2))&d.mask]) + uint64(d.fps[f2(fWordWordP1, w, wp1)&d.mask])
	}
	c.sink = sink
}
