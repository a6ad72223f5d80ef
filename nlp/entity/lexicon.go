package entity

import (
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/gazetteer"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// lexicon gives the tagger its gazetteer features and the recogniser its
// types, links and titles.
type lexicon struct {
	g     *gazetteer.Gazetteer
	names *wordLex
}

func defaultLexicon() *lexicon { return newLexicon(gazetteer.Default()) }

func newLexicon(g *gazetteer.Gazetteer) *lexicon {
	return &lexicon{g: g, names: wordLexicon()}
}

// Gazetteer classes for tagger features; each sets one of four position
// bits (B, I, L, U) per class in tokInfo.gaz.
const (
	gzCountry = iota
	gzPlace
	gzDemonym
	gzOrg
	gzLoc
	gzEvent
	gzMetonym
	gzTitle
	gzFirstName // single-token marks (U only)
	gzNamePart
)

func gazClass(e gazetteer.Entry) int {
	switch {
	case e.Kind == sitrep.MentionMetonym:
		return gzMetonym
	case e.Kind == sitrep.MentionDemonym || e.Type == sitrep.EntityNORP:
		return gzDemonym
	}
	switch e.Type {
	case sitrep.EntityGPE:
		if isCountryKB(e.KB) {
			return gzCountry
		}
		return gzPlace
	case sitrep.EntityOrg:
		return gzOrg
	case sitrep.EntityLoc, sitrep.EntityFac:
		return gzLoc
	case sitrep.EntityEvent:
		return gzEvent
	}
	return -1
}

// isCountryKB reports whether kb is an ISO 3166 alpha-3 code.
func isCountryKB(kb string) bool {
	if len(kb) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if kb[i] < 'A' || kb[i] > 'Z' {
			return false
		}
	}
	return true
}

func mark(infos []tokInfo, i, n, class int) {
	base := uint64(class * 4)
	if n == 1 {
		infos[i].gaz |= 1 << (base + posU)
		return
	}
	infos[i].gaz |= 1 << (base + posB)
	for k := i + 1; k < i+n-1; k++ {
		infos[k].gaz |= 1 << (base + posI)
	}
	infos[i+n-1].gaz |= 1 << (base + posL)
}

// marks sets the gazetteer marks of the tokens of a sentence ending at
// token last: every alias starting at any capitalised token (longest
// match), by the classes of the entities it can name, and every title.
// toks are the sentence's tokens that can have marks, in order: those with
// a capital and those with letters before a capitalised word (lexTok).
func (l *lexicon) marks(doc *text.Doc, toks []int32, last int, infos []tokInfo, hits []gazHit, wc *wordCache) {
	if l == nil {
		return
	}
	for _, i32 := range toks {
		i := int(i32)
		ti := &infos[i]
		title := ti.letters && (ti.anyUpper || i+1 < last && infos[i+1].caps)
		e := l.word(doc, ti, i, wc)
		if e.id > 0 {
			ti.wctx = e.id
			ti.prior = e.flags >> capsShift
			if ti.caps && e.flags&nameFirst != 0 {
				mark(infos, i, 1, gzFirstName)
			}
			if ti.caps && e.flags&namePart != 0 {
				mark(infos, i, 1, gzNamePart)
			}
		}
		if l.g == nil {
			continue
		}
		if ti.letters && !ti.lower {
			n, es := l.g.LongestFrom(doc, i, last, e.gz)
			hits[i] = gazHit{n: int32(n), done: true, es: es}
			if n > 0 {
				seen := 0
				for _, e := range es {
					if c := gazClass(e); c >= 0 && seen&(1<<c) == 0 {
						seen |= 1 << c
						mark(infos, i, n, c)
					}
				}
			}
		}
		// titles matter next to names: at a capital or just before one
		if title && e.gz.Title() {
			if n, _ := l.g.TitleFrom(doc, i, last, e.gz); n > 0 && !strings.EqualFold(doc.Tok(i+n-1), "of") {
				mark(infos, i, n, gzTitle)
			}
		}
	}
}

// touch loads the lexicon cache slots of the tokens that marks will look
// up and returns a sum of them to keep the loads: the cache is too big to
// stay close between documents, and the misses then overlap instead of
// stalling marks one token at a time. The slots are listed in idx (its
// memory, returned for reuse) before any is loaded, so that the loading
// loop is short enough for many misses to be in flight.
func (l *lexicon) touch(toks []int32, infos []tokInfo, wc *wordCache, idx []uint32) ([]uint32, uint64) {
	if wc == nil {
		return idx, 0
	}
	lex := wc.lexFor(l)
	idx = idx[:0]
	for _, i := range toks {
		if ti := &infos[i]; ti.ascii {
			idx = append(idx, uint32(mix(ti.w)&(lexCacheSize-1)))
		}
	}
	var sink uint64
	for _, h := range idx {
		e := &lex[h]
		sink += e.w + uint64(e.flags)
	}
	return idx, sink
}

// lexCacheSlot is what the lexicon says of a word: its word lexicon
// entry (index+1, 0 none; and its flags) and what the gazetteer knows of
// it as the first word of an alias or title. It is padded to a 64-byte
// cache line (the cache is page-aligned): at 48 bytes half the slots
// spanned two lines, and touch and word read both ends of a slot.
type lexCacheSlot struct {
	w     uint64 // tokInfo.w
	gz    gazetteer.Start
	id    int32
	flags uint8
	known bool // false: empty
	_     [16]byte
}

const lexCacheSize = 1 << 15

// word returns what the lexicon says of token i, from the cache for ASCII
// words (the gazetteer hashes other words differently from tokInfo.w).
func (l *lexicon) word(doc *text.Doc, ti *tokInfo, i int, wc *wordCache) lexCacheSlot {
	var s *lexCacheSlot
	if wc != nil && ti.ascii {
		s = &wc.lexFor(l)[mix(ti.w)&(lexCacheSize-1)]
		if s.known && s.w == ti.w {
			return *s
		}
	}
	e := lexCacheSlot{w: ti.w, known: true}
	if ti.anyUpper {
		if id := l.names.id(ti.lw); id >= 0 {
			e.id, e.flags = int32(id+1), l.names.words[id].flags
		}
	}
	if l.g != nil {
		e.gz = l.g.StartAt(doc.Tok(i))
	}
	if s != nil {
		*s = e
	}
	return e
}

// lexFor returns the lexicon cache for l, emptied if it was another's.
func (wc *wordCache) lexFor(l *lexicon) []lexCacheSlot {
	if wc.lexOf != l || wc.lex == nil {
		wc.lexOf = l
		wc.lex = make([]lexCacheSlot, lexCacheSize)
	}
	return wc.lex
}

// title is g.Title at token i of st's document, with the first token
// looked up through the lexicon cache.
func (l *lexicon) title(st *docState, i, end int) (int, string) {
	if l.g == nil {
		return 0, ""
	}
	e := l.word(st.doc, &st.infos[i], i, st.cache)
	return l.g.TitleFrom(st.doc, i, end, e.gz)
}

// gazHit is the gazetteer's longest alias starting at a token, as
// Longest returns it for the token's sentence; done is false where it was
// not looked up.
type gazHit struct {
	n    int32
	done bool
	es   []gazetteer.Entry
}

// longest is g.Longest(doc, i, end) for end within token i's sentence,
// from the hits of marks where it can: the longest alias within the
// sentence tells whether one of exactly end-i tokens exists.
func (st *docState) longest(g *gazetteer.Gazetteer, i, end int) (int, []gazetteer.Entry) {
	if i < len(st.gaz) && st.gaz[i].done {
		h := &st.gaz[i]
		if int(h.n) <= end-i {
			return int(h.n), h.es
		}
	}
	return g.Longest(st.doc, i, end)
}

// Word classes of tokInfo.cls: the lower-case word sets the mention rules
// test token by token, looked up once per token by its lower-case hash.
const (
	clsStorm uint8 = 1 << iota
	clsRoad
	clsGroup
	clsCoref // "the", "he", "she" and quotation marks, which corefer looks for
)

// classTable maps lower-case word hashes (tokInfo.lw) to word classes.
// A bit filter on the hash's top bits turns away most words with one
// load.
type classTable struct {
	keys   []uint64
	cls    []uint8
	filter [64]uint64
}

var wordClasses = newClassTable(map[uint8]*lowerSet{clsStorm: stormWords, clsRoad: roadNouns, clsGroup: groupWords,
	clsCoref: newLowerSet(map[string]bool{"the": true, "he": true, "she": true, `"`: true, "``": true, "''": true})})

func newClassTable(sets map[uint8]*lowerSet) *classTable {
	t := &classTable{keys: make([]uint64, 1024), cls: make([]uint8, 1024)}
	for c, set := range sets {
		for w, ok := range set.m {
			if !ok {
				continue
			}
			h := info(w).lw
			i := mix(h) & 1023
			for t.cls[i] != 0 && t.keys[i] != h {
				i = (i + 1) & 1023
			}
			t.keys[i] = h
			t.cls[i] |= c
			t.filter[h>>58] |= 1 << (h >> 52 & 63)
		}
	}
	return t
}

func (t *classTable) of(h uint64) uint8 {
	if t.filter[h>>58]&(1<<(h>>52&63)) == 0 {
		return 0
	}
	for i := mix(h) & 1023; ; i = (i + 1) & 1023 {
		if t.cls[i] == 0 || t.keys[i] == h {
			return t.cls[i]
		}
	}
}
