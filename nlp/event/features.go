package event

import (
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Feature templates of the trigger detector. Features are 64-bit hashes of
// a template id and the strings or tags it looks at.
const (
	fBias uint64 = iota + 1
	fWord
	fLemma
	fTag
	fLemmaTag
	fSuf3
	fSuf4
	fWordM1
	fTagM1
	fWordP1
	fTagP1
	fTagM2
	fTagP2
	fTagM1Tag
	fTagTagP1
	fWordM2
	fWordP2
	fCap
	fAux
	fWordWordP1
	fLemmaTagM1
	fLex
)

const maxFeats = 22

// pairFeatures says whether the trigger model has the templates of word
// pairs: the words two before and two after, the word and the next, the
// lemma and the tag before (wordFeatures). They are the only features the
// detector cannot serve from its per-word caches: it would probe the
// model's table for them for each candidate it scores. The embedded model
// has none since 2026-11: in the Stages benchmark the event stage is then
// about 20% faster (event over pos stage in the same runs 1.30 against
// 1.06; the original package 0.68), and 5-fold cross-validation on TBAQ
// gives trigger F1 0.8505 against 0.8531 with them (event.Extract, all
// triggers: 0.8498 against 0.8524; before the POS tagger's ambiguity
// classes, 0.8508 against 0.8500). To have them back, set this true and
// regenerate the model (go generate ./nlp/event).
const pairFeatures = false

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func f1(tpl, a uint64) uint64    { return mix(tpl<<58 ^ a) }
func f2(tpl, a, b uint64) uint64 { return mix(tpl<<58 ^ a ^ mix(b+tpl)) }

// hashLower hashes s lower-cased (ASCII), with typographic apostrophes
// folded, without allocating.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x98 || s[i+2] == 0x99) {
			c = '\''
			i += 2
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashLowerASCII is hashLower for a string it also reports to be pure
// ASCII (then no apostrophe was folded: the hash stands for the
// lower-cased bytes themselves).
func hashLowerASCII(s string) (h uint64, ascii bool) {
	// (the loop for ASCII words, the most; a word with other bytes is
	// hashed again by hashLower, which folds its apostrophes)
	h = fnvOffset
	var all byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		all |= c
		h ^= uint64(foldASCII[c])
		h *= fnvPrime
	}
	if all >= 0x80 {
		return hashLower(s), false
	}
	return h, true
}

// foldASCII lower-cases the ASCII letters and leaves the other bytes (a
// load instead of a comparison, a branch and an addition: hashLowerASCII
// hashes every word of a document).
var foldASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = lowerASCIIByte(byte(c))
	}
	return t
}()

func hashSuffix(s string, n int) uint64 {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return hashLower(s) + uint64(n)
}

var (
	hStart = hashLower("<s>")
	hEnd   = hashLower("</s>")
	hNone  = hashLower("<none>")
	hNum   = hashLower("<num>")
)

// sentCtx holds per-token values of a document for feature extraction,
// and the bounds of the sentence whose tokens it is looking at.
type sentCtx struct {
	doc         *text.Doc
	tags        []pos.Tag
	first, last int      // the sentence (see at)
	words       []uint64 // lower-cased word hashes, per token (see wordAt)
	ascii       []bool   // whether the word is pure ASCII, per token
	lex         func(lemma string, tag pos.Tag) uint64
	lexicon     *lexicon // lex(), set by init (and kept by release)
	// lemmas, when set, caches one lemma per doc token ("" until known)
	lemmas []string
	// cache, when set, memoises word weights across documents (see
	// scoreCache); tmp holds those of a word it does not cache.
	cache *scoreCache
	tmp   selfEntry
	sink  uint64   // what the passes that warm the caches read
	cands []cand   // the candidates of the document
	kept  []scored // those scored
	// unflagged, when lw is set, collects the candidates scored and not
	// flagged, in text order
	unflagged []int
	// typedOnly skips the nouns and adjectives the lexicon cannot type
	// (see skips)
	typedOnly bool
	// lw, when set, records per doc token what the lexicon says of the
	// candidates' lemmas
	lw []*lexWord
}

// init readies c for the tokens of doc, tagged tags.
func (c *sentCtx) init(doc *text.Doc, tags []pos.Tag) {
	c.doc, c.tags = doc, tags
	if c.lexicon == nil {
		c.lexicon = lex()
	}
	n := len(doc.Tokens)
	if cap(c.words) < n {
		c.words = make([]uint64, n, n+n/2)
		c.ascii = make([]bool, n, n+n/2)
	}
	c.words, c.ascii = c.words[:n], c.ascii[:n]
	clear(c.words)
}

// at sets the sentence of the tokens c looks at next: [first, last).
func (c *sentCtx) at(first, last int) { c.first, c.last = first, last }

// word returns the hash of token i, or of the sentence's start or end
// beyond it.
func (c *sentCtx) word(i int) uint64 {
	if i < c.first {
		return hStart
	}
	if i >= c.last {
		return hEnd
	}
	return c.wordAt(i)
}

// wordAt returns the hash of token i, hashed on first use (0 marks a word
// not hashed yet: a hash that is 0 is only hashed again).
func (c *sentCtx) wordAt(i int) uint64 {
	if w := c.words[i]; w != 0 {
		return w
	}
	return c.hashWord(i)
}

// hashWord hashes token i lower-cased, numbers as one word, and records
// the hash and whether the word is ASCII.
func (c *sentCtx) hashWord(i int) uint64 {
	t := c.doc.Tokens[i]
	w, ascii := hNum, false
	if t.Kind != text.Number {
		w, ascii = hashLowerASCII(c.doc.Text[t.Start:t.End])
	}
	c.words[i], c.ascii[i] = w, ascii
	return w
}

func (c *sentCtx) tag(i int) uint64 {
	if i < c.first || i >= c.last {
		return 0
	}
	return uint64(c.tags[i]) + 1
}

func (c *sentCtx) lemma(i int) string {
	if c.lemmas == nil {
		return pos.Lemma(c.doc.Tok(i), c.tags[i])
	}
	if l := c.lemmas[i]; l != "" {
		return l
	}
	l := pos.Lemma(c.doc.Tok(i), c.tags[i])
	c.lemmas[i] = l
	return l
}

// features writes the features of token i into out and returns their number.
func (c *sentCtx) features(out *[maxFeats]uint64, i int) int {
	lem := c.lemma(i)
	t, tm1, tp1 := c.tag(i), c.tag(i-1), c.tag(i+1)
	var wf [nWordFeats]uint64
	c.wordFeatures(&wf, i, lem)
	out[0] = f1(fBias, 0)
	out[1], out[2] = wf[0], wf[1]
	out[3] = f1(fTag, t)
	out[4], out[5], out[6], out[7] = wf[2], wf[3], wf[4], wf[5]
	out[8] = f1(fTagM1, tm1)
	out[9] = wf[6]
	out[10] = f1(fTagP1, tp1)
	out[11] = f1(fTagM2, c.tag(i-2))
	out[12] = f1(fTagP2, c.tag(i+2))
	out[13] = f2(fTagM1Tag, tm1, t)
	out[14] = f2(fTagTagP1, t, tp1)
	out[15] = wf[7]
	out[16] = f1(fCap, c.capValue(i))
	out[17], out[18], out[19] = wf[8], wf[9], wf[10]
	n := 20
	if !pairFeatures {
		// (without the word pairs at 15, 18 and 19)
		out[15], out[16] = f1(fCap, c.capValue(i)), wf[8]
		n = 17
	}
	if c.lex != nil {
		if l := c.lex(lem, c.tags[i]); l != 0 {
			out[n] = f1(fLex, l)
			n++
		}
	}
	return n
}

// capValue is the value of the capitalisation feature of token i: 0, 1
// when capitalised, 2 when capitalised at the start of the sentence.
func (c *sentCtx) capValue(i int) uint64 {
	if c.doc.Tokens[i].Is(text.Cap) {
		if i == c.first {
			return 2
		}
		return 1
	}
	return 0
}

// nWordFeats is the number of features that look at words or lemmas; the
// others look only at tags and capitalisation, whose few values the
// detector scores from dense tables (see Detector.dense).
const nWordFeats = 11

// skips reports whether c skips candidate token i, whose lemma the lexicon
// says w of: with typedOnly, a noun or adjective with no entry that a noun
// or adjective can take. Extract, unless asked for every trigger, drops the
// events of such words unframed (their type is "other"), so their labels
// matter to no one. (Not quite every such word: in "in return for" and "in
// response to" a trigger is an idiom, which Extract frames before dropping
// it.)
func (c *sentCtx) skips(i int, w *lexWord) bool {
	return c.typedOnly && !c.tags[i].IsVerb() && w.flags&lfNounEntry == 0 && !c.inReturnFor(i)
}

// quickSkip reports whether c skips candidate token i (see skips) when i is
// a singular noun or an adjective written in ASCII, whose lemma is the
// word lower-cased (pos.Lemma): the lexicon is asked for the word itself,
// and the word entry, in a cache too large to stay in the processor's
// caches, is not read; the filter lexicon.nouns answers for most words
// before the lexicon's table is read. It records the lexicon's word in c.lw
// when it has looked it up.
func (c *sentCtx) quickSkip(i int) bool {
	if t := c.tags[i]; t != pos.NN && !t.IsAdj() {
		return false
	}
	tok := c.doc.Tok(i)
	for k := 0; k < len(tok); k++ {
		if tok[k] >= 0x80 {
			return false
		}
	}
	if !c.lexicon.nouns.mayHave(tok) {
		// (most: no entry fits, whatever else the lexicon says of the
		// word, which extraction looks up if it needs to)
		return c.typedOnly && !c.inReturnFor(i)
	}
	w, ok := c.lexicon.words.GetFold(tok)
	if !ok {
		w = &noWord
	}
	if !c.skips(i, w) {
		return false
	}
	if c.lw != nil {
		c.lw[i] = w
	}
	return true
}

// inReturnFor reports whether token i sits in an idiom "in _ for" or
// "in _ to" (extractor.typeFrame).
func (c *sentCtx) inReturnFor(i int) bool {
	return i > c.first && i+1 < c.last && equalLower(c.doc.Tok(i-1), "in") &&
		(equalLower(c.doc.Tok(i+1), "for") || equalLower(c.doc.Tok(i+1), "to"))
}

// aux returns the hash of the nearest verb, modal or "to" in the three
// tokens before i, hNone when there is none.
func (c *sentCtx) aux(i int) uint64 {
	for j := i - 1; j >= c.first && j >= i-3; j-- {
		if tg := c.tags[j]; tg.IsVerb() || tg == pos.MD || tg == pos.TO {
			return c.wordAt(j)
		}
	}
	return hNone
}

// wordFeatures writes the features of token i with lemma lem that look at
// words, in the order features places them. The detector caches the
// weights of those that look at one word, per word (see scoreCache): the
// word, its lemma (alone and with the tag), suffixes, the words before and
// after, and the nearest auxiliary before; it probes those of word pairs
// (the words two before and two after, the word and the next, the lemma
// and the tag before) for each candidate it scores.
func (c *sentCtx) wordFeatures(out *[nWordFeats]uint64, i int, lem string) {
	w := c.word(i)
	tok := c.doc.Tok(i)
	lh := hashLower(lem)
	t := c.tag(i)
	out[0] = f1(fWord, w)
	out[1] = f1(fLemma, lh)
	out[2] = f2(fLemmaTag, lh, t)
	out[3] = f1(fSuf3, hashSuffix(tok, 3))
	out[4] = f1(fSuf4, hashSuffix(tok, 4))
	out[5] = f1(fWordM1, c.word(i-1))
	out[6] = f1(fWordP1, c.word(i+1))
	out[7] = f2(fWordM2, c.word(i-2), c.word(i+2))
	out[8] = f1(fAux, c.aux(i))
	out[9] = f2(fWordWordP1, w, c.word(i+1))
	out[10] = f2(fLemmaTagM1, lh, c.tag(i-1))
}
