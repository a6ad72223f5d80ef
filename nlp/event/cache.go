package event

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/pos"
)

// scoreCache memoises the detector's weights that depend on one word only,
// so that a word met again, in this document or a later one, costs one
// load instead of a probe per feature: news reuse a small vocabulary, and the
// model's hash table is too large to stay in the processor's caches.
//
// self holds, per candidate word and tag, the sum of the weights of the
// features of the word itself (word, lemma, lemma and tag, suffixes) with
// its lemma and lexicon entry; ctx holds, per word hash, the weights of the features that
// look at it as a neighbour (previous word, next word, auxiliary). Both are
// direct-mapped: a new word overwrites the slot it maps to. Entries are
// keyed by the feature hashes the model itself uses, so the scores are
// those of the features' probes.
//
// A cache belongs to one detector and one goroutine at a time: it travels
// in the extractors the detector keeps (Detector.free).
type scoreCache struct {
	self [selfSlots]selfEntry
	ctx  [ctxSlots]ctxEntry
}

const (
	selfSlots = 1 << 14
	ctxSlots  = 1 << 13
)

// selfEntry is what scoring and extraction need of a candidate word under
// its tag. 64 bytes: one cache line.
type selfEntry struct {
	key   uint64 // selfKey of the word and tag; 0 when empty
	lemma string
	word  *lexWord // what the lexicon says of the lemma
	sum   row      // the weights of the word's own features, summed
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
// depend); it also records the lemma and the lexicon's word in c.lemmas
// and c.lw when they are set. skip reports that c skips the candidate
// (sentCtx.skips); then the entry's sum may not be computed.
//
// A cached entry whose sum is not computed has the key selfKey^1.
func (d *Detector) self(c *sentCtx, i int) (e *selfEntry, skip bool) {
	w, t := c.wordAt(i), c.tags[i]
	key := selfKey(w, t)
	cached := c.cache != nil && c.ascii[i] && key > 1
	if cached {
		e = &c.cache.self[key&(selfSlots-1)]
		switch e.key {
		case key:
			c.record(i, e)
			return e, c.skips(i, e.word)
		case key ^ 1:
			c.record(i, e)
			if c.skips(i, e.word) {
				return e, true
			}
			d.sumWords(c, i, e)
			e.key = key
			return e, false
		}
		// A copy: the cache outlives the document.
		e.lemma = strings.Clone(c.lemma(i))
	} else {
		e = &c.tmp
		e.lemma = c.lemma(i)
		key = 0
	}
	e.word = c.lexicon.word(e.lemma)
	c.record(i, e)
	if c.skips(i, e.word) {
		if cached {
			e.key = key ^ 1
		}
		return e, true
	}
	d.sumWords(c, i, e)
	e.key = key
	return e, false
}

// record notes the lemma and lexicon word of token i in c.lemmas and c.lw,
// when they are set.
func (c *sentCtx) record(i int, e *selfEntry) {
	if c.lemmas != nil && c.lemmas[i] == "" {
		c.lemmas[i] = e.lemma
	}
	if c.lw != nil {
		c.lw[i] = e.word
	}
}

// sumWords sets e.sum to the weights of the own word features of token i,
// whose lemma e holds.
func (d *Detector) sumWords(c *sentCtx, i int, e *selfEntry) {
	lh := hashLower(e.lemma)
	tok := c.doc.Tok(i)
	e.sum = row{}
	for _, f := range [...]uint64{f1(fWord, c.wordAt(i)), f1(fLemma, lh), f2(fLemmaTag, lh, uint64(c.tags[i])+1),
		f1(fSuf3, hashSuffix(tok, 3)), f1(fSuf4, hashSuffix(tok, 4))} {
		if r := d.row(f); r != nil {
			for l := range e.sum {
				e.sum[l] += int32(r[l])
			}
		}
	}
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
