package entity

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// Feature templates. A feature is the 32-bit hash of (template, value); the
// value hashes of a token's word, lower-cased word and shape are computed
// once per token, so context features cost a multiply and a table probe.
// Changing a template changes the model: bump modelVersion (model.go).
const (
	tBias = iota + 1
	tWord
	tLow // + offset 2: lw-2 .. lw+2 use tLow..tLow+4
	_
	_
	_
	_
	tShape // shape-2 .. shape+2
	_
	_
	_
	_
	tShapeBi0 // shape(-1,0)
	tShapeBi1 // shape(0,+1)
	tLowBi0   // lw(-1,0)
	tLowBi1   // lw(0,+1)
	tPre      // prefixes 1..4
	_
	_
	_
	tSuf // suffixes 1..4
	_
	_
	_
	tPrev1      // t-1
	tPrev12     // t-2,t-1
	tPrev1Low   // t-1 x lw0
	tPrev1Shape // t-1 x shape0
	tFirst      // sentence-initial x shape0
	tCapsSent   // all-caps sentence x shape0
	tHist       // majority type of earlier predictions of this word in the document
	tHistSet    // the set of types predicted earlier
	tLowSeen    // capitalised word that also occurs in lower case in the document
	tGaz        // gazetteer marks of token 0
	tGazPrev    // of token -1
	tGazNext    // of token +1
	tLowPrev2   // lw-1 x lw-2 x shape0 (context pattern)
	tWordPrev   // w-1
	tWordNext   // w+1
	tAggPrev    // lw-1 of any occurrence of this word in the document
	tAggNext    // lw+1 of any occurrence
	tCapPrior   // capitalisation prior bucket x position (sentence-initial, headline)
	tHistPos    // BILOU positions the word was predicted in earlier, with its majority type
	tDist       // usual neighbours of the word in unlabelled news (+0..3: left1, left2, right1, right2)
	_
	_
	_
	tNumTemplates
)

// tokInfo holds the per-token value hashes.
type tokInfo struct {
	w, lw, shape uint64
	gaz          uint64 // gazetteer marks: bit (class*4 + pos)
	caps         bool   // first rune upper case
	lower        bool   // all letters lower case and at least one letter
	anyLower     bool   // some letter is lower case
	anyUpper     bool   // some letter is upper case
	prior        uint8  // capitalisation bucket + 1 from the word lexicon, 0 unknown
	wctx         int32  // index+1 into the word lexicon's neighbour records, 0 none (no pointer: infos stay out of the GC's scan)
	rec          int32  // index of the lower-cased word's record in docState.words, -1 for none (a word without capitals that no capitalised word shares)
	wid          int32  // id of the exact capitalised word within the document, -1 for others
	letters      bool
	cls          uint8 // word classes of the lower-cased word (clsStorm, ...)
	ascii        bool  // no byte above 0x7f
	outside      bool  // a capitalised word never inside a phrase in the training data (Model.outside)
}

const (
	fnvOff   = 14695981039346656037
	fnvPrime = 1099511628211
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// feat returns the feature id of template t with value hash v.
func feat(t int, v uint64) uint32 {
	return uint32(mix(v ^ uint64(t)*0x9e3779b97f4a7c15))
}

// info computes the token's value hashes without allocating.
func info(s string) tokInfo {
	var ti tokInfo
	ti.set(s)
	return ti
}

// set sets ti to info(s) in place (a tokInfo is 56 bytes: returning one
// costs two copies per token in docState.init).
func (ti *tokInfo) set(s string) {
	if len(s) == 0 {
		ti.setAny(s)
		return
	}
	// most tokens are words of lower-case ASCII letters: their lower
	// case is the word and their shape "x"; many others are such words
	// capitalised (shape "Xx") or one ASCII byte (punctuation)
	c := s[0]
	w, rest := (fnvOff^uint64(c))*fnvPrime, uint8(1)
	for i := 1; i < len(s); i++ {
		w = (w ^ uint64(s[i])) * fnvPrime
		rest &= lowerASCII[s[i]]
	}
	switch {
	case rest == 0:
		ti.setAny(s)
	case lowerASCII[c] != 0:
		*ti = tokInfo{w: w, lw: w, shape: shapeLower, lower: true, anyLower: true, letters: true, ascii: true, rec: -1, wid: -1}
	case len(s) == 1:
		if c < utf8.RuneSelf {
			*ti = asciiToken[c]
		} else {
			ti.setAny(s)
		}
	case c >= 'A' && c <= 'Z':
		lw := (fnvOff ^ uint64(c+'a'-'A')) * fnvPrime
		for i := 1; i < len(s); i++ {
			lw = (lw ^ uint64(s[i])) * fnvPrime
		}
		*ti = tokInfo{w: w, lw: lw, shape: shapeCap, caps: true, anyLower: true, anyUpper: true, letters: true, ascii: true, rec: -1, wid: -1}
	default:
		ti.setAny(s)
	}
}

// asciiToken holds the infos of the one-byte ASCII tokens.
var asciiToken = func() (t [utf8.RuneSelf]tokInfo) {
	for c := range t {
		t[c].setAny(string(rune(c)))
	}
	return t
}()

// setAny is set for any token.
func (ti *tokInfo) setAny(s string) {
	*ti = tokInfo{rec: -1, wid: -1}
	w, lw, sh := uint64(fnvOff), uint64(fnvOff), uint64(fnvOff)
	var last byte
	shapeLen := 0
	ti.lower = true
	ti.ascii = true
	// ASCII, table-driven, the same as the general loop below
	i := 0
	var fl uint8
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		c := s[i]
		w = (w ^ uint64(c)) * fnvPrime
		a := &asciiInfo[c]
		lw = (lw ^ uint64(a.low)) * fnvPrime
		fl |= a.flags
		if a.cls != last && shapeLen < 8 {
			sh = (sh ^ uint64(a.cls)) * fnvPrime
			shapeLen++
			last = a.cls
		}
	}
	if fl&aLetter != 0 {
		ti.letters = true
	}
	if fl&aLower != 0 {
		ti.anyLower = true
	}
	if fl&aUpper != 0 {
		ti.anyUpper, ti.lower = true, false
		ti.caps = s[0] >= 'A' && s[0] <= 'Z'
	}
	for i < len(s) {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			ti.ascii = false
			r, size = utf8.DecodeRuneInString(s[i:])
			// typographic punctuation reads as the ASCII the training
			// text has: ’s is 's
			if a := asciiPunct(r); a != 0 {
				c, r = a, rune(a)
			}
		}
		if c < utf8.RuneSelf {
			w = (w ^ uint64(c)) * fnvPrime
		} else {
			for k := 0; k < size; k++ {
				w = (w ^ uint64(s[i+k])) * fnvPrime
			}
		}
		var cls byte
		switch {
		case c >= 'a' && c <= 'z':
			cls = 'x'
			ti.letters = true
			ti.anyLower = true
			lw = (lw ^ uint64(c)) * fnvPrime
		case c >= 'A' && c <= 'Z':
			cls = 'X'
			ti.letters = true
			ti.lower = false
			ti.anyUpper = true
			if i == 0 {
				ti.caps = true
			}
			lw = (lw ^ uint64(c+32)) * fnvPrime
		case c >= '0' && c <= '9':
			cls = 'd'
			lw = (lw ^ uint64(c)) * fnvPrime
		case c < utf8.RuneSelf:
			cls = c
			lw = (lw ^ uint64(c)) * fnvPrime
		default:
			lr := r
			switch {
			case unicode.IsUpper(r):
				cls = 'X'
				ti.letters = true
				ti.lower = false
				ti.anyUpper = true
				if i == 0 {
					ti.caps = true
				}
				lr = unicode.ToLower(r)
			case unicode.IsLetter(r):
				cls = 'x'
				ti.letters = true
				ti.anyLower = true
			case unicode.IsDigit(r):
				cls = 'd'
			default:
				cls = '*'
			}
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], lr)
			for k := 0; k < n; k++ {
				lw = (lw ^ uint64(buf[k])) * fnvPrime
			}
		}
		if cls != last && shapeLen < 8 {
			sh = (sh ^ uint64(cls)) * fnvPrime
			shapeLen++
			last = cls
		}
		i += size
	}
	if !ti.letters {
		ti.lower = false
	}
	ti.w, ti.lw, ti.shape = w, lw, sh
}

// lowerASCII is 1 for the bytes a-z, 0 for others.
var lowerASCII = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	return t
}()

// shapeLower and shapeCap are the shapes of a word of lower-case letters
// and of one capitalised.
var (
	shapeLower = func() uint64 { h := uint64(fnvOff); return (h ^ 'x') * fnvPrime }()
	shapeCap   = func() uint64 { h := uint64(fnvOff); h = (h ^ 'X') * fnvPrime; return (h ^ 'x') * fnvPrime }()
)

// asciiInfo holds, per ASCII byte, what info derives from it: its
// lower case, its shape class and its letter flags.
var asciiInfo = func() (t [128]struct{ low, cls, flags uint8 }) {
	for c := range 128 {
		e := &t[c]
		e.low, e.cls = uint8(c), uint8(c)
		switch {
		case c >= 'a' && c <= 'z':
			e.cls, e.flags = 'x', aLetter|aLower
		case c >= 'A' && c <= 'Z':
			e.low, e.cls, e.flags = uint8(c+32), 'X', aLetter|aUpper
		case c >= '0' && c <= '9':
			e.cls = 'd'
		}
	}
	return t
}()

const (
	aLetter = 1 << iota
	aLower
	aUpper
)

// asciiPunct maps typographic quotes and dashes to ASCII, 0 for others.
func asciiPunct(r rune) byte {
	switch r {
	case '‘', '’', '′':
		return '\''
	case '“', '”', '″':
		return '"'
	case '–', '—', '−':
		return '-'
	}
	return 0
}

// affixes appends the prefix and suffix features (1..4 runes, lower case)
// of s.
func affixes(dst []uint32, s string) []uint32 {
	// prefixes
	h := uint64(fnvOff)
	n := 0
	for _, r := range s {
		if n == 4 {
			break
		}
		if a := asciiPunct(r); a != 0 {
			r = rune(a)
		}
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		dst = append(dst, feat(tPre+n, h))
		n++
	}
	// suffixes, read backwards
	h = fnvOff
	n = 0
	for i := len(s); i > 0 && n < 4; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if a := asciiPunct(r); a != 0 {
			r = rune(a)
		}
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		dst = append(dst, feat(tSuf+n, h))
		n++
	}
	return dst
}

var (
	padL = info("<S>")
	padR = info("</S>")
)

// docState is what the features of a document need beyond its tokens:
// per-token infos and, per lower-cased word, whether it occurs in lower case,
// the contexts of its capitalised occurrences, and the types predicted for
// it so far. Words are numbered while the infos are computed, so the
// features read these records by index, without hashing.
type docState struct {
	lexWords []wordInfo
	doc      *text.Doc
	infos    []tokInfo
	words    []wordRec
	nw       int   // distinct exact words: tokInfo.wid < nw
	cls      uint8 // the word classes of all the tokens (tokInfo.cls)

	// scratch reused across documents (see Recognizer.pool)
	lwIDs, wIDs idTable
	gaz         []gazHit // per token: the gazetteer's longest alias from it within its sentence
	wordScores  []int32
	vectors     [][nLabels]int32
	labels      []uint8
	feats       []uint32
	cache       *wordCache // nil: no cache (one-off states); set by Recognizer, whose states are pooled
	batch       batchScratch
	resolve     resolveScratch
	phrases     []phrase
	ms          []mention
	lexSlots    []uint32 // lexicon.touch's memory
	lexToks     []int32  // the tokens lexicon.marks looks at, in order
	corefToks   []int32  // the tokens of class clsCoref, in order
	upper       []int32  // the tokens with a capital letter, in order
	sink        uint64   // keeps tagBatch's early loads
}

type wordRec struct {
	agg       aggCtx
	hist      [nTypes]uint16
	histPos   uint8 // bit per BILOU position predicted earlier
	lowerSeen bool
}

// idTable numbers 64-bit word hashes (open addressing, no deletions).
// A bit filter on the keys' top bits lets find turn away most absent keys
// without hashing them again: init looks up every lower-case word among
// the few capitalised ones.
type idTable struct {
	keys   []uint64
	ids    []int32 // id+1; 0 is empty
	n      int32
	filter [16]uint64
}

// reset empties t and sizes it for the words of a text of n tokens.
func (t *idTable) reset(tokens int) {
	size := 16
	for size < 2*tokens {
		size <<= 1
	}
	if cap(t.ids) >= size {
		t.keys, t.ids = t.keys[:size], t.ids[:size]
		clear(t.ids)
	} else {
		t.keys, t.ids = make([]uint64, size), make([]int32, size)
	}
	t.n = 0
	t.filter = [16]uint64{}
}

// find returns the id of k, -1 if it has none.
func (t *idTable) find(k uint64) int32 {
	if t.filter[k>>60]&(1<<(k>>54&63)) == 0 {
		return -1
	}
	return t.lookup(k)
}

//go:noinline
func (t *idTable) lookup(k uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	for h := mix(k) & mask; ; h = (h + 1) & mask {
		if t.ids[h] == 0 {
			return -1
		}
		if t.keys[h] == k {
			return t.ids[h] - 1
		}
	}
}

func (t *idTable) id(k uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	h := mix(k) & mask
	for {
		if t.ids[h] == 0 {
			t.keys[h] = k
			t.filter[k>>60] |= 1 << (k >> 54 & 63)
			t.n++
			t.ids[h] = t.n
			return t.n - 1
		}
		if t.keys[h] == k {
			return t.ids[h] - 1
		}
		h = (h + 1) & mask
	}
}

// newDocState computes the infos, word records and gazetteer marks of doc.
func newDocState(doc *text.Doc, lex *lexicon) *docState {
	return new(docState).init(doc, lex)
}

// init computes the infos, word records and gazetteer marks of doc,
// reusing st's memory.
func (st *docState) init(doc *text.Doc, lex *lexicon) *docState {
	st.doc = doc
	st.lexWords = nil
	if lex != nil && lex.names != nil {
		st.lexWords = lex.names.words
	}
	st.infos = resize(st.infos, len(doc.Tokens))
	st.cls = 0
	st.gaz = resize(st.gaz, len(doc.Tokens))
	st.upper, st.lexToks, st.corefToks = st.upper[:0], st.lexToks[:0], st.corefToks[:0]
	cls := uint8(0)
	for _, s := range doc.Sentences {
		toks := doc.Tokens[s.First:s.Last]
		infos := st.infos[s.First:s.Last]
		infos = infos[:len(toks)]
		for k := range toks {
			t, ti := &toks[k], &infos[k]
			ti.set(doc.Text[t.Start:t.End])
			ti.cls = wordClasses.of(ti.lw)
			cls |= ti.cls
			if ti.cls&clsCoref != 0 {
				st.corefToks = append(st.corefToks, int32(s.First+k))
			}
			if ti.anyUpper {
				st.upper = append(st.upper, int32(s.First+k))
			}
			if k > 0 && lexTok(&infos[k-1], ti) {
				st.lexToks = append(st.lexToks, int32(s.First+k-1))
			}
		}
		if n := len(infos); n > 0 && lexTok(&infos[n-1], nil) {
			st.lexToks = append(st.lexToks, int32(s.First+n-1))
		}
	}
	st.cls = cls
	if lex != nil {
		var sink uint64
		st.lexSlots, sink = lex.touch(st.lexToks, st.infos, st.cache, st.lexSlots)
		st.sink += sink
		toks := st.lexToks
		for _, s := range doc.Sentences {
			k := 0
			for k < len(toks) && int(toks[k]) < s.Last {
				k++
			}
			lex.marks(doc, toks[:k], s.Last, st.infos, st.gaz, st.cache)
			toks = toks[k:]
		}
	}
	// Word records: only capitalised words have features of their own
	// (context aggregation, history); another word needs its record only
	// where a capitalised word shares it (lowerSeen, and the aggregated
	// context of a lower-case word inside a phrase).
	lw, w := &st.lwIDs, &st.wIDs
	lw.reset(len(st.upper))
	w.reset(len(st.upper))
	for _, i := range st.upper {
		ti := &st.infos[i]
		ti.rec, ti.wid = lw.id(ti.lw), w.id(ti.w)
	}
	st.words, st.nw = resize(st.words, int(lw.n)), int(w.n)
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			t := &st.infos[i]
			if !t.anyUpper {
				// (rec and wid are -1 from set)
				if t.letters {
					// (a word without letters shares no capitalised
					// word's lower case)
					t.rec = lw.find(t.lw)
				}
				if t.lower && i > s.First && t.rec >= 0 {
					st.words[t.rec].lowerSeen = true
				}
				continue
			}
			if t.letters {
				p, n := padL.lw, padR.lw
				if i > s.First {
					p = st.infos[i-1].lw
				}
				if i+1 < s.Last {
					n = st.infos[i+1].lw
				}
				st.words[t.rec].agg.add(p, n)
			}
		}
	}
	return st
}

// lexTok reports whether the lexicon has marks for a token (lexicon.marks):
// it has a capital, or letters and a capitalised word follows in its
// sentence (next, nil at the end of the sentence).
func lexTok(t, next *tokInfo) bool {
	return t.anyUpper || t.letters && next != nil && next.caps
}

// resize returns s with length n and zero elements, reusing its memory.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// resetHistory forgets the predictions recorded so far.
func (st *docState) resetHistory() {
	for i := range st.words {
		st.words[i].hist = [nTypes]uint16{}
		st.words[i].histPos = 0
	}
}

// sentCtx is what the features of one sentence need.
type sentCtx struct {
	lexWords []wordInfo // the word lexicon's entries (tokInfo.wctx)
	doc      *text.Doc
	infos    []tokInfo // of the whole document, indexed by token
	words    []wordRec
	first    int // token range of the sentence
	last     int
	capsSent bool
}

func (st *docState) sentence(s text.Sentence) sentCtx {
	return sentCtx{lexWords: st.lexWords, doc: st.doc, infos: st.infos, words: st.words, first: s.First, last: s.Last,
		capsSent: capsSentence(st.infos, s.First, s.Last)}
}

// aggCtx is the context of every occurrence of a capitalised word in the
// document (Ratinov & Roth's context aggregation), a few distinct words each
// side.
type aggCtx struct {
	prev, next [maxAgg]uint64
	np, nn     uint8
}

const maxAgg = 4

func (a *aggCtx) add(prev, next uint64) {
	a.np = addDistinct(&a.prev, a.np, prev)
	a.nn = addDistinct(&a.next, a.nn, next)
}

func addDistinct(set *[maxAgg]uint64, n uint8, v uint64) uint8 {
	if n == maxAgg {
		return n
	}
	for _, x := range set[:n] {
		if x == v {
			return n
		}
	}
	set[n] = v
	return n + 1
}

func (c *sentCtx) at(j int) *tokInfo {
	if j < c.first {
		return &padL
	}
	if j >= c.last {
		return &padR
	}
	return &c.infos[j]
}

// static appends the features of token i that do not depend on predictions.
func (c *sentCtx) static(dst []uint32, i int) []uint32 {
	return c.context(c.word(dst, i), i)
}

// word appends the features that depend on token i's word alone (and on
// the document): the same for every occurrence of the word, so the tagger
// scores them once per word and document.
func (c *sentCtx) word(dst []uint32, i int) []uint32 {
	return c.wordDoc(c.wordStatic(dst, i), i)
}

// wordStatic appends the word features that depend on the word's text
// alone, the same in every document.
func (c *sentCtx) wordStatic(dst []uint32, i int) []uint32 {
	t := c.at(i)
	dst = append(dst,
		feat(tBias, 0),
		feat(tWord, t.w),
		feat(tLow+2, t.lw),
		feat(tShape+2, t.shape),
	)
	dst = affixes(dst, c.doc.Tok(i))
	if t.anyUpper {
		if t.wctx > 0 {
			for k, h := range c.lexWords[t.wctx-1].ctx {
				if h != 0 {
					dst = append(dst, feat(tDist+k, h))
				}
			}
		}
	}
	return dst
}

// wordDoc appends the word features that depend on the document.
func (c *sentCtx) wordDoc(dst []uint32, i int) []uint32 {
	t := c.at(i)
	if t.rec < 0 {
		return dst
	}
	if a := &c.words[t.rec].agg; a.np > 0 {
		for _, v := range a.prev[:a.np] {
			dst = append(dst, feat(tAggPrev, v))
		}
		for _, v := range a.next[:a.nn] {
			dst = append(dst, feat(tAggNext, v))
		}
	}
	if t.caps && c.words[t.rec].lowerSeen {
		dst = append(dst, feat(tLowSeen, t.shape))
	}
	return dst
}

// wordCache keeps, across documents, the scores of words' static features
// (wordStatic, and the previous-label features for a previous O) and of
// shape contexts (shapeFeats), for tagBatch: most capitalised words of
// news recur from one article to the next. Direct-mapped by the word's
// hashes; a clash replaces the entry.
type wordCache struct {
	slots  []wordCacheSlot
	shapes []shapeCacheSlot // scores of shapeFeats
	model  *Model
	lex    []lexCacheSlot // what the lexicon says of a word (lexicon.marks)
	lexOf  *lexicon
}

type wordCacheSlot struct {
	w, lw uint64 // the word's exact and lower-case hashes; lw == 0 && w == 0: empty
	used  bool
	sc    [nLabels]int32
}

const (
	wordCacheSize  = 1 << 15
	shapeCacheSize = 1 << 12
)

type shapeCacheSlot struct {
	shapes [5]uint64 // shape-2 .. shape+2
	flags  uint8     // 1: sentence-initial, 2: caps sentence, 4: used
	sc     [nLabels]int32
}

// init allocates the caches on first use and empties them for another
// model.
func (wc *wordCache) init(m *Model) {
	if wc.model != m || wc.slots == nil {
		wc.model = m
		wc.slots = make([]wordCacheSlot, wordCacheSize)
		wc.shapes = make([]shapeCacheSlot, shapeCacheSize)
	}
}

// shapesAt returns the shapes around token i of the sentence [first,
// last) and the shape cache flags of its place (4, | 1 sentence-initial, |
// 2 caps sentence).
func shapesAt(infos []tokInfo, i, first, last int, capsSent bool) ([5]uint64, uint8) {
	var sh [5]uint64
	for k := range sh {
		switch j := i - 2 + k; {
		case j < first:
			sh[k] = padL.shape
		case j >= last:
			sh[k] = padR.shape
		default:
			sh[k] = infos[j].shape
		}
	}
	flags := uint8(4)
	if i == first {
		flags |= 1
	}
	if capsSent {
		flags |= 2
	}
	return sh, flags
}

func shapeHash(sh [5]uint64, flags uint8) uint64 {
	return mix(sh[0] ^ sh[1]*3 ^ sh[2]*5 ^ sh[3]*7 ^ sh[4]*11 ^ uint64(flags))
}

// shapeFeats appends the features of a token that depend on the shapes
// around it alone.
func shapeFeats(dst []uint32, sh [5]uint64, first, capsSent bool) []uint32 {
	dst = append(dst,
		feat(tShape+0, sh[0]),
		feat(tShape+1, sh[1]),
		feat(tShape+3, sh[3]),
		feat(tShape+4, sh[4]),
		feat(tShapeBi0, sh[1]*31+sh[2]),
		feat(tShapeBi1, sh[2]*31+sh[3]),
	)
	if first {
		dst = append(dst, feat(tFirst, sh[2]))
	}
	if capsSent {
		dst = append(dst, feat(tCapsSent, sh[2]))
	}
	return dst
}

// context appends the features of token i that depend on its neighbours
// and its place in the sentence.
func (c *sentCtx) context(dst []uint32, i int) []uint32 {
	t := c.at(i)
	p1, p2, n1, n2 := c.at(i-1), c.at(i-2), c.at(i+1), c.at(i+2)
	dst = append(dst,
		feat(tLow+0, p2.lw),
		feat(tLow+1, p1.lw),
		feat(tLow+3, n1.lw),
		feat(tLow+4, n2.lw),
		feat(tShape+0, p2.shape),
		feat(tShape+1, p1.shape),
		feat(tShape+3, n1.shape),
		feat(tShape+4, n2.shape),
		feat(tShapeBi0, p1.shape*31+t.shape),
		feat(tShapeBi1, t.shape*31+n1.shape),
		feat(tLowBi0, p1.lw*31+t.lw),
		feat(tLowBi1, t.lw*31+n1.lw),
	)
	pos := uint64(0)
	if i == c.first {
		dst = append(dst, feat(tFirst, t.shape))
		pos = 1
	}
	if c.capsSent {
		pos = 2
		dst = append(dst, feat(tCapsSent, t.shape))
	}
	if t.anyUpper {
		dst = append(dst, feat(tCapPrior, uint64(t.prior)*4+pos))
	}
	dst = gazFeats(dst, tGaz, t.gaz)
	dst = gazFeats(dst, tGazPrev, p1.gaz)
	dst = gazFeats(dst, tGazNext, n1.gaz)
	return dst
}

func gazFeats(dst []uint32, tmpl int, marks uint64) []uint32 {
	for marks != 0 {
		b := marks & -marks
		dst = append(dst, feat(tmpl, uint64(b)))
		marks &^= b
	}
	return dst
}

// dynamic appends the features of token i that depend on the labels
// predicted for the tokens before it.
func (c *sentCtx) dynamic(dst []uint32, i int, prev1, prev2 int) []uint32 {
	t := c.at(i)
	dst = append(dst,
		feat(tPrev1, uint64(prev1)),
		feat(tPrev12, uint64(prev2*64+prev1)),
		feat(tPrev1Low, t.lw*64+uint64(prev1)),
		feat(tPrev1Shape, t.shape*64+uint64(prev1)),
	)
	if t.letters && !t.lower {
		if h := &c.words[t.rec].hist; *h != ([nTypes]uint16{}) {
			best, set := 0, uint64(0)
			for k := 1; k < nTypes; k++ {
				if h[k] > h[best] {
					best = k
				}
				if h[k] > 0 {
					set |= 1 << k
				}
			}
			dst = append(dst, feat(tHist, uint64(best)), feat(tHistSet, set),
				feat(tHistPos, uint64(c.words[t.rec].histPos)*8+uint64(best)))
		}
	}
	return dst
}

// record notes the type predicted for token i in the history.
func (c *sentCtx) record(i, label int) {
	t := &c.infos[i]
	if !t.letters || t.lower {
		return
	}
	if label != 0 {
		c.words[t.rec].histPos |= 1 << posOf(label)
	}
	h := &c.words[t.rec].hist
	if h[typeOf(label)] < 65535 {
		h[typeOf(label)]++
	}
}

// capsSentence reports whether a sentence is set in capitals (a headline):
// at least three words and no lower-case letters in its words.
func capsSentence(infos []tokInfo, first, last int) bool {
	words := 0
	for i := first; i < last; i++ {
		if infos[i].letters {
			if infos[i].anyLower {
				return false
			}
			words++
		}
	}
	return words >= 3
}

// plainO reports whether token i is certainly outside any phrase, without
// scoring: no phrase is open and the token has no capital letter (in
// CoNLL-2003 training data 0.2% of phrases start so; training applies the
// same rule) or, when tagging, is a capitalised word the training data
// never has inside a phrase ("The", "March", "However": see
// Model.outside, set by the tagger only). This skips most tokens of
// running text.
func plainO(t *tokInfo, prev int) bool {
	return (!t.anyUpper || t.outside) && closes(prev)
}

// closes reports whether no phrase is open after label prev.
func closes(prev int) bool { return prev == 0 || posOf(prev) == posL || posOf(prev) == posU }

// contextScored is context for the tagger: it appends the features that
// need a table lookup and adds the small-domain ones (capitalisation prior,
// gazetteer marks) to sc from d. Together they are exactly context's.
func (c *sentCtx) contextScored(dst []uint32, i int, sc *[nLabels]int32, m *Model) []uint32 {
	t := c.at(i)
	p1, p2, n1, n2 := c.at(i-1), c.at(i-2), c.at(i+1), c.at(i+2)
	dst = c.contextLow(dst, i)
	dst = shapeFeats(dst, [5]uint64{p2.shape, p1.shape, t.shape, n1.shape, n2.shape}, i == c.first, c.capsSent)
	c.contextDense(sc, i, m.dense)
	return dst
}

// contextLow appends the context features of the words around token i.
func (c *sentCtx) contextLow(dst []uint32, i int) []uint32 {
	t := c.at(i)
	p1, p2, n1, n2 := c.at(i-1), c.at(i-2), c.at(i+1), c.at(i+2)
	return append(dst,
		feat(tLow+0, p2.lw),
		feat(tLow+1, p1.lw),
		feat(tLow+3, n1.lw),
		feat(tLow+4, n2.lw),
		feat(tLowBi0, p1.lw*31+t.lw),
		feat(tLowBi1, t.lw*31+n1.lw),
	)
}

// contextDense adds the small-domain context features of token i
// (capitalisation prior, gazetteer marks) to sc from d.
func (c *sentCtx) contextDense(sc *[nLabels]int32, i int, d *denseTables) {
	t := c.at(i)
	pos := uint64(0)
	if i == c.first {
		pos = 1
	}
	if c.capsSent {
		pos = 2
	}
	if t.anyUpper {
		addVec(sc, &d.capPrior[(uint64(t.prior)*4+pos)&255])
	}
	gazScored(sc, &d.gaz[0], t.gaz)
	gazScored(sc, &d.gaz[1], c.at(i-1).gaz)
	gazScored(sc, &d.gaz[2], c.at(i+1).gaz)
}

func gazScored(sc *[nLabels]int32, tab *[64][nLabels]int32, marks uint64) {
	for marks != 0 {
		addVec(sc, &tab[bits.TrailingZeros64(marks)])
		marks &= marks - 1
	}
}

// dynamicScored is dynamic for the tagger, adding the label-history
// features from d.
func (c *sentCtx) dynamicScored(dst []uint32, i int, prev1, prev2 int, sc *[nLabels]int32, d *denseTables) []uint32 {
	t := c.at(i)
	c.dynamicDense(sc, i, prev1, prev2, d)
	return append(dst,
		feat(tPrev1Low, t.lw*64+uint64(prev1)),
		feat(tPrev1Shape, t.shape*64+uint64(prev1)),
	)
}

// dynamicDense adds the features of the previous labels and the
// prediction history from d.
func (c *sentCtx) dynamicDense(sc *[nLabels]int32, i int, prev1, prev2 int, d *denseTables) {
	t := c.at(i)
	addVec(sc, &d.prev[prev2][prev1])
	if t.letters && !t.lower {
		if h := &c.words[t.rec].hist; *h != ([nTypes]uint16{}) {
			best, set := 0, uint64(0)
			for k := 1; k < nTypes; k++ {
				if h[k] > h[best] {
					best = k
				}
				if h[k] > 0 {
					set |= 1 << k
				}
			}
			addVec(sc, &d.hist[best])
			addVec(sc, &d.histSet[set])
			addVec(sc, &d.histPos[(uint64(c.words[t.rec].histPos)*8+uint64(best))&127])
		}
	}
}
