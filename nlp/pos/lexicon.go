package pos

import "math/bits"

// The lexicon holds every word of the training vocabulary (exact case) with
// what tagging needs of it, computed once at Load:
//
//   - its dictionary tag, if it is a frequent unambiguous word;
//   - its ambiguity class, if it is frequent: the tags it had in training,
//     the only ones the tagger scores for it;
//   - the summed weights of the templates that look only at the word: its
//     own (word, suffixes, shape), and the word seen from the token being
//     tagged as the one to its left (L: word-1, suffix-1) and right (R);
//     and of the word paired with each previous tag.
//
// A token of a known word then costs one table lookup and a few short reads
// instead of a dozen hashed lookups spread over the feature table (only the
// template of the words two to the left and right, a pair, is still looked
// up there), and a token with an ambiguity class only the scores of its few
// tags. Integer
// sums do not depend on their order, so the scores are those of adding the
// features one by one.

// lexWord is what the model file says of a word.
type lexWord struct {
	word  string
	tag   Tag    // dictionary tag; None: scored
	class uint64 // ambiguity class, a bit per tag; 0: every tag
	prevs uint64 // the previous tags with a (previous tag, word) feature
	count int    // in training (the file gives only the order)
}

// The lexicon is one array of uint32 (Tagger.lex) holding a block per word,
// so that a token touches a few adjacent cache lines (its word's block)
// rather than a dozen scattered ones; a table of words (wordTable) points
// to the blocks. A block is
//
//	[0] len(word) | tag<<8 | nPW<<16   tag: dictionary tag or None
//	[1] own | l<<16                    offsets of the runs, from the block
//	[2] r | pw<<16
//	[3] [4] class                      ambiguity class, low half first; 0: every tag
//	[5] [6] the word's tokInfo.w       for the word-pair template
//	[7:] the word, four bytes a word, little endian
//	...  the runs own, l, r
//	pw:  nPW × prev<<24 | offset of its run, then those runs
//
// A run is a bitmap of the tags with a nonzero score (two words, low half
// first) followed by their scores in tag order, so that the score of one
// tag is found by counting bits. The scores are int32s, or, in a run whose
// bitmap has the bit narrow set (most runs), int16s two to a word (low
// half first), so that fewer cache lines hold them. The own run and the (previous tag, word)
// runs hold only the tags of the word's class, and a dictionary word has
// none (it is never scored).
const (
	bHead  = 0
	bOwnL  = 1
	bRPW   = 2
	bClass = 3
	bW     = 5
	bWord  = 7
)

// wordTable maps words to their block and dictionary tag: open addressing
// over their hashes, each slot holding the word's first eight bytes, so
// that a short word is recognised, and a dictionary word tagged, without
// reading its block. The most frequent words have a small table of their
// own, which stays in cache, the others a larger one.
type wordTable struct {
	hot, rest table
}

type table struct {
	mask  uint64
	slots []wordSlot
}

// wordSlot is a word: key is its first eight bytes (little endian, zero
// padded), val its block's offset | len<<32 | tag<<40; val == 0: empty.
type wordSlot struct {
	key, val uint64
}

// nHot is the number of words in the hot table: in news, those cover
// about two thirds of the tokens.
const nHot = 2048

func newTable(n int) table {
	size := uint64(16)
	for size < uint64(n)*3/2 {
		size <<= 1
	}
	return table{mask: size - 1, slots: make([]wordSlot, size)}
}

func (t *table) insert(w string, blk uint32, tag Tag) {
	key, h := wordKey(w)
	i := h & t.mask
	for t.slots[i].val != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = wordSlot{key, uint64(blk) | uint64(len(w))<<32 | uint64(tag)<<40}
}

// wordKey returns the first eight bytes of w and a hash of w.
func wordKey(w string) (key, h uint64) {
	if len(w) >= 8 {
		key = load64(w)
	} else {
		for i := 0; i < len(w); i++ {
			key |= uint64(w[i]) << (8 * i)
		}
	}
	return key, wordHash(w, key)
}

// wordKeyIn is wordKey(text[start:end]), but reads the key's bytes in one
// load where text has eight bytes from start (a token of a document).
func wordKeyIn(text string, start, end int) (key, h uint64) {
	w := text[start:end]
	if len(text)-start < 8 {
		return wordKey(w)
	}
	key = load64(text[start:])
	if len(w) < 8 {
		key &= 1<<(8*len(w)) - 1
	}
	return key, wordHash(w, key)
}

// load64 returns the first eight bytes of s (len(s) >= 8), little endian;
// the compiler makes it one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordHash is the h of wordKey, given w's key.
func wordHash(w string, key uint64) uint64 {
	h := key + uint64(len(w))*lenMix
	for i := 8; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return mix(h)
}

// shortHash is wordHash of a word of n <= 8 bytes and the given key, which
// holds all of it.
func shortHash(key uint64, n int) uint64 { return mix(key + uint64(n)*lenMix) }

const lenMix = 0x9e3779b97f4a7c15

// lookup returns the offset of w's block in lex (0 when w is not in the
// table) and its dictionary tag.
func (t *wordTable) lookup(lex []uint32, w string) (uint32, Tag) {
	if len(w) == 0 || len(w) > 255 {
		return 0, None
	}
	key, h := wordKey(w)
	return t.lookupKey(lex, w, key, h)
}

// lookupKey is lookup given wordKey(w).
func (t *wordTable) lookupKey(lex []uint32, w string, key, h uint64) (uint32, Tag) {
	if len(w) == 0 || len(w) > 255 {
		return 0, None
	}
	v := t.hot.find(lex, w, key, h)
	if v == 0 {
		v = t.rest.find(lex, w, key, h)
	}
	return uint32(v), Tag(v >> 40)
}

// slot returns the first slot a word of hash h may be in.
func (t *table) slot(h uint64) *wordSlot { return &t.slots[h&t.mask] }

// find returns the offset of w's block in lex, 0 when w is not in the table.
func (t *wordTable) find(lex []uint32, w string) uint32 {
	b, _ := t.lookup(lex, w)
	return b
}

func (t *table) find(lex []uint32, w string, key, h uint64) uint64 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.val == 0 {
			return 0
		}
		if s.key == key && int(s.val>>32&0xff) == len(w) && (len(w) <= 8 || sameWord(lex[uint32(s.val):], w)) {
			return s.val
		}
	}
}

// sameWord reports whether the block b holds the word w, whose first eight
// bytes are those of the block's word (the word tables' keys).
func sameWord(b []uint32, w string) bool {
	if int(b[bHead]&0xff) != len(w) {
		return false
	}
	b = b[bWord+2:]
	i := 8
	for ; i+4 <= len(w); i += 4 {
		if b[i/4-2] != uint32(w[i])|uint32(w[i+1])<<8|uint32(w[i+2])<<16|uint32(w[i+3])<<24 {
			return false
		}
	}
	if i < len(w) {
		var x uint32
		for j := i; j < len(w); j++ {
			x |= uint32(w[j]) << (8 * (j - i))
		}
		return b[i/4-2] == x
	}
	return true
}

// typographic are the forms dictKey folds; the lexicon holds them with the
// dictionary tag of their ASCII form and their own features.
var typographic = [...]string{"\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026"}

// dictKey maps typographic punctuation, which the Reuters training text
// lacks, to the ASCII forms it has.
func dictKey(w string) string {
	if len(w) != 3 || w[0] != 0xE2 || w[1] != 0x80 {
		return w
	}
	switch w[2] {
	case 0x9C, 0x9D: // “ ”
		return "\""
	case 0x98, 0x99: // ‘ ’
		return "'"
	case 0x93, 0x94: // – —
		return "--"
	case 0xA6: // …
		return "..."
	}
	return w
}

// buildLexicon fills m.words and m.lex from the model's words (most
// frequent first), and the scores of the templates that look past the
// sentence's ends; the feature table must be loaded.
func (m *Tagger) buildLexicon(words []lexWord) {
	// Typographic punctuation first (it is frequent in today's news),
	// then the model's words but those that duplicate it.
	byWord := map[string]lexWord{}
	for _, lw := range words {
		byWord[lw.word] = lw
	}
	var lws []lexWord
	for _, w := range typographic {
		lw := byWord[w]
		lw.word, lw.tag = w, byWord[dictKey(w)].tag
		lws = append(lws, lw)
	}
	for _, lw := range words {
		if dictKey(lw.word) == lw.word && len(lw.word) > 0 && len(lw.word) < 256 {
			lws = append(lws, lw)
		}
	}
	m.words.hot = newTable(min(nHot, len(lws)))
	m.words.rest = newTable(max(0, len(lws)-nHot))
	// About 100 words a block in the embedded model: one allocation.
	lex := make([]uint32, 1, 100*len(lws)) // offset 0 is no block
	var sc [numTags]int32
	// run appends the run of the features fs restricted to the tags of
	// keep and returns its offset from blk.
	run := func(blk int, keep uint64, fs ...uint64) uint32 {
		sc = [numTags]int32{}
		for _, f := range fs {
			m.add(&sc, f)
		}
		off := uint32(len(lex) - blk)
		var b uint64
		for t, v := range sc {
			if v != 0 && keep&(1<<t) != 0 {
				b |= 1 << t
			}
		}
		var vs []int32
		fits := true
		for c := b; c != 0; c &= c - 1 {
			v := sc[bits.TrailingZeros64(c)]
			vs = append(vs, v)
			fits = fits && v == int32(int16(v))
		}
		if !fits {
			lex = append(lex, uint32(b), uint32(b>>32))
			for _, v := range vs {
				lex = append(lex, uint32(v))
			}
			return off
		}
		b |= narrow
		lex = append(lex, uint32(b), uint32(b>>32))
		for j := 0; j < len(vs); j += 2 {
			x := uint32(uint16(vs[j]))
			if j+1 < len(vs) {
				x |= uint32(vs[j+1]) << 16
			}
			lex = append(lex, x)
		}
		return off
	}
	const all = uint64(1)<<NumTags - 1
	// Every word with features is in the lexicon (Train stores them all),
	// so a word hash not in seen has none.
	m.seen = make(wordSet, seenBits/64)
	for k, lw := range lws {
		w := lw.word
		t := info(w)
		m.seen.add(t.w)
		for len(lex)%16 != 0 { // blocks start a cache line
			lex = append(lex, 0)
		}
		blk := len(lex)
		lex = append(lex, make([]uint32, bWord+(len(w)+3)/4)...)
		for i := 0; i < len(w); i++ {
			lex[blk+bWord+i/4] |= uint32(w[i]) << (8 * (i % 4))
		}
		lex[blk+bClass], lex[blk+bClass+1] = uint32(lw.class), uint32(lw.class>>32)
		lex[blk+bW], lex[blk+bW+1] = uint32(t.w), uint32(t.w>>32)
		// The tagger reads the word's own and (previous tag, word)
		// scores only for the tags of its class, and never for a
		// dictionary word.
		own := lw.class
		if own == 0 {
			own = all
		}
		if lw.tag != None {
			own = 0
		}
		// The own run is that of a token that does not start its
		// sentence; tagSentence corrects the first token's.
		oOwn := run(blk, own, f1(fWord, t.w), f1(fSuf3, t.s3), f1(fSuf2, t.s2), f1(fShape, t.shape), f2(fInitShape, 0, t.shape))
		oL := run(blk, all, f1(fWordM1, t.w), f1(fSuf3M1, t.s3))
		oR := run(blk, all, f1(fWordP1, t.w), f1(fSuf3P1, t.s3))
		var pws []uint32
		for ps := lw.prevs; ps != 0 && own != 0; ps &= ps - 1 {
			pws = append(pws, uint32(bits.TrailingZeros64(ps)))
		}
		oPW := uint32(len(lex) - blk)
		lex = append(lex, make([]uint32, len(pws))...)
		for k, p := range pws {
			off := run(blk, own, f2(fPrevWord, uint64(p)+1, t.w))
			lex[blk+int(oPW)+k] = p<<24 | off
		}
		if len(lex)-blk >= 1<<16 {
			panic("pos: lexicon block too long")
		}
		lex[blk+bHead] = uint32(len(w)) | uint32(lw.tag)<<8 | uint32(len(pws))<<16
		lex[blk+bOwnL] = oOwn | oL<<16
		lex[blk+bRPW] = oR | oPW<<16
		if k < nHot {
			m.words.hot.insert(w, uint32(blk), lw.tag)
		} else {
			m.words.rest.insert(w, uint32(blk), lw.tag)
		}
	}
	// The runs of an unknown word's own templates but the word's: its
	// shape and initial shape (that of a token that does not start its
	// sentence), and its suffixes, for every shape and every pair of
	// suffixes of the vocabulary, which most unknown words have (of
	// Reuters' unknown tokens, 95% and 85%).
	shapes, suffixes := map[runKey]uint32{}, map[runKey]uint32{}
	for _, lw := range lws {
		t := info(lw.word)
		if k := (runKey{t.shape, 0}); k.a != 0 && shapes[k] == 0 {
			shapes[k] = run(0, all, f1(fShape, t.shape), f2(fInitShape, 0, t.shape))
		}
		if k := (runKey{t.s3, t.s2}); k.a != 0 && suffixes[k] == 0 {
			suffixes[k] = run(0, all, f1(fSuf3, t.s3), f1(fSuf2, t.s2))
		}
	}
	m.shapes, m.suffixes = newRunTable(shapes), newRunTable(suffixes)
	m.lex = lex
	m.add(&m.edgeL, f1(fWordM1, hStart))
	m.add(&m.edgeL, f1(fSuf3M1, hStart))
	m.add(&m.edgeR, f1(fWordP1, hEnd))
	m.add(&m.edgeR, f1(fSuf3P1, hEnd))
}

// narrow is the bit of a run's bitmap that says its scores are int16s.
const narrow = 1 << 63

// addRun adds the run at off to scores.
func addRun(scores *[numTags]int32, lex []uint32, off uint32) {
	b := uint64(lex[off]) | uint64(lex[off+1])<<32
	v := lex[off+2:]
	if b&narrow == 0 {
		for j := 0; b != 0; j++ {
			scores[bits.TrailingZeros64(b)] += int32(v[j])
			b &= b - 1
		}
		return
	}
	b &^= narrow
	for j := 0; b != 0; j++ {
		x := v[j]
		scores[bits.TrailingZeros64(b)] += int32(int16(x))
		if b &= b - 1; b == 0 {
			return
		}
		scores[bits.TrailingZeros64(b)] += int32(x) >> 16
		b &= b - 1
	}
}

// addClass adds the scores of the run at off for the tags of class.
func addClass(scores *[numTags]int32, lex []uint32, off uint32, class uint64) {
	b := uint64(lex[off]) | uint64(lex[off+1])<<32
	for c := b & class; c != 0; c &= c - 1 {
		t := bits.TrailingZeros64(c)
		j := uint32(bits.OnesCount64(b & (1<<t - 1)))
		if b&narrow == 0 {
			scores[t] += int32(lex[off+2+j])
		} else {
			scores[t] += int32(lex[off+2+j/2]<<(16-16*(j&1))) >> 16
		}
	}
}

// addDenseClass adds src to dst for the tags of class.
func addDenseClass(dst, src *[numTags]int32, class uint64) {
	for c := class; c != 0; c &= c - 1 {
		t := bits.TrailingZeros64(c)
		dst[t] += src[t]
	}
}

// wordSet is a set of word hashes (tokInfo.w) as a bitmap over their low
// bits: it may say yes wrongly, never no.
type wordSet []uint64

const seenBits = 1 << 18 // 32 KB; the embedded model sets under a tenth

func (s wordSet) add(w uint64) { s[w%seenBits/64] |= 1 << (w % 64) }

func (s wordSet) has(w uint64) bool { return s[w%seenBits/64]&(1<<(w%64)) != 0 }

// runTable maps a pair of hashes to the offset of their run in the lexicon
// (see buildLexicon): open addressing, a first key of 0 is empty.
type runTable struct {
	mask  uint64
	slots []runSlot
}

type runSlot struct {
	a, b uint64
	off  uint32
}

type runKey struct{ a, b uint64 }

func newRunTable(runs map[runKey]uint32) runTable {
	size := uint64(16)
	for size < uint64(len(runs))*2 {
		size <<= 1
	}
	t := runTable{mask: size - 1, slots: make([]runSlot, size)}
	for k, off := range runs {
		i := t.home(k.a, k.b)
		for t.slots[i].a != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = runSlot{k.a, k.b, off}
	}
	return t
}

func (t *runTable) home(a, b uint64) uint64 { return (a ^ b>>32) & t.mask }

// run returns the offset of the run of a and b, 0 if they have none.
func (t *runTable) run(a, b uint64) uint32 {
	for i := t.home(a, b); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.a == a && s.b == b || s.a == 0 {
			return s.off
		}
	}
}
