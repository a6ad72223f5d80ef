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
// and c.lw when they are set.
func (d *Detector) self(c *sentCtx, i int) *selfEntry {
	w, t := c.wordAt(i), c.tags[i]
	var e *selfEntry
	key := selfKey(w, t)
	if c.cache != nil && c.ascii[i-c.first] && key != 0 {
		e = &c.cache.self[key&(selfSlots-1)]
		if e.key == key {
			if c.lemmas != nil && c.lemmas[i] == "" {
				c.lemmas[i] = e.lemma
			}
			if c.lw != nil {
				c.lw[i] = e.word
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
	e.key = key
	e.word = lex().word(e.lemma)
	if c.lemmas != nil {
		c.lemmas[i] = e.lemma
	}
	if c.lw != nil {
		c.lw[i] = e.word
	}
	lh := hashLower(e.lemma)
	tok := c.doc.Tok(i)
	e.sum = row{}
	for _, f := range [...]uint64{f1(fWord, w), f1(fLemma, lh), f2(fLemmaTag, lh, uint64(t)+1),
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
