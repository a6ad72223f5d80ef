package pos

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed model.bin.gz
var embedded []byte

// Tagger is a trained tagger. It is immutable and safe for concurrent use.
type Tagger struct {
	words wordTable // the vocabulary, exact case (see lexicon.go)
	seen  wordSet   // the tokInfo.w of the vocabulary
	lex   []uint32  // the words' blocks
	mask  uint64
	slots []slot   // open addressing over feature hashes
	ents  []uint32 // per feature: runs of tag<<24 | uint24(weight)
	// hist[p][p2] is the score vector of the features that depend only
	// on the tag history (bias, previous tag, tag before that, the pair
	// of them), precomputed, less the row's minimum: adding the same
	// number to every tag's score changes no argmax, and so a row fits
	// in uint16s, padded to two cache lines (the table, 270 KB, is
	// mostly out of cache). A model whose rows do not fit (none so far)
	// has them in wide instead, and hist all zero.
	hist *[numTags][numTags][histRow]uint16
	wide *[numTags][numTags][numTags]int32
	// edgeL is the score of the word-1 templates at a sentence's first
	// token, edgeR of the word+1 ones at its last.
	edgeL, edgeR [numTags]int32
	scratch      sync.Pool // of *scratch

	// shapes and suffixes hold the scores of the shape and the suffix
	// templates, by shape and by pair of suffixes (see buildLexicon)
	shapes, suffixes runTable
}

type slot struct {
	key uint32 // high half of the feature hash; 0 = empty
	// A feature with up to three weights holds them here, each as
	// inline | tag<<16 | uint16(weight) (0: none), saving a cache miss;
	// otherwise w[0] is offset<<8 | count into ents.
	w [3]uint32
}

const inline = 1 << 31

// histRow is the length of a row of Tagger.hist: 128 bytes, and the table
// is page-aligned (a large allocation).
const histRow = 64

// history returns the tag-history scores after tags prev2, prev (see
// Tagger.hist) for the tags to be added to st, adding them to st itself
// in the fallback of a wide table.
func (m *Tagger) history(st *[numTags]int32, prev, prev2 Tag) *[histRow]uint16 {
	if m.wide != nil {
		addScores(st, &m.wide[prev][prev2])
	}
	return &m.hist[prev][prev2]
}

// addInline adds an inline weight (see slot) to scores.
func addInline(scores *[numTags]int32, e uint32) {
	scores[(e>>16)&0x7f] += int32(int16(e))
}

var (
	defaultOnce sync.Once
	defaultTag  *Tagger
)

// Default returns the embedded tagger, parsed on first use.
func Default() *Tagger {
	defaultOnce.Do(func() {
		t, err := Load(bytes.NewReader(embedded))
		if err != nil {
			panic("pos: embedded model: " + err.Error())
		}
		defaultTag = t
	})
	return defaultTag
}

// Tag tags every token of doc, sentence by sentence, and returns one tag
// per doc.Tokens. Tokens outside sentences (chrome) are tagged too, as
// one-token sentences.
func (m *Tagger) Tag(doc *text.Doc) []Tag {
	tags := make([]Tag, len(doc.Tokens))
	sc := m.scratch.Get().(*scratch)
	rs := sc.ranges[:0]
	eachSentence(doc, func(first, last int) { rs = append(rs, [2]int{first, last}) })
	sc.ranges = rs
	// Sentences are tagged in chunks of about chunkTokens tokens, so that
	// what the passes of tagChunk bring into cache is still there when it
	// is used.
	for r := 0; r < len(rs); {
		first, q := rs[r][0], r+1
		for q < len(rs) && rs[q][1]-first <= chunkTokens {
			q++
		}
		m.tagChunk(doc, rs[r:q], tags, sc)
		r = q
	}
	m.scratch.Put(sc)
	return tags
}

const chunkTokens = 1024

// tagChunk tags the sentences rs (token ranges of doc, in order and
// adjacent) into tags.
func (m *Tagger) tagChunk(doc *text.Doc, rs [][2]int, tags []Tag, sc *scratch) {
	base := rs[0][0]
	toks := sc.tokens(rs[len(rs)-1][1] - base)
	// The tables are mostly out of cache when a document comes (other
	// stages ran since the last one), so every token's table slots are
	// read first in a pass whose loads do not wait for each other: the
	// processor overlaps their misses. (So are the words' blocks, when
	// their hashes are read, and the runs, in tagSentence.)
	var touch uint64
	for i := range toks {
		t := doc.Tokens[base+i]
		tk := &toks[i]
		if n := t.End - t.Start; n <= 8 && len(doc.Text)-t.Start >= 8 {
			// wordKeyIn's commonest case, without a call
			tk.key = load64(doc.Text[t.Start:]) & (1<<(8*n) - 1)
			tk.h = shortHash(tk.key, n)
		} else {
			tk.key, tk.h = wordKeyIn(doc.Text, t.Start, t.End)
		}
		// The hot table mostly is in cache; the large one is read
		// only for a word not found in the hot one's first slot.
		// That slot is kept for look, which mostly needs no other.
		tk.hot = 0
		if s := m.words.hot.slot(tk.h); s.key == tk.key && s.val != 0 {
			tk.hot = s.val
			touch += s.val
		} else {
			touch += m.words.rest.slot(tk.h).val
		}
	}
	for _, r := range rs {
		for i := r[0]; i < r[1]; i++ {
			t, tk := doc.Tokens[i], &toks[i-base]
			// look's commonest case, here without a call: a short
			// word of the hot table that needs no tokInfo
			if v, n := tk.hot, t.End-t.Start; v != 0 && int(v>>32&0xff) == n && n <= 8 && (i != r[0] || Tag(v>>40) != None) {
				tk.blk, tk.unseen = uint32(v), false
				tags[i] = Tag(v >> 40)
				continue
			}
			tags[i] = m.look(doc.Text[t.Start:t.End], tk, i == r[0])
		}
	}
	// A known word's info.w is read from its block only for the word-pair
	// feature of a scored token two to its left or right (the chunk's
	// neighbours, a superset of the sentence's), so that the block of a
	// dictionary word among dictionary words is not read at all.
	lex, ts := m.lex, tags[base:base+len(toks)]
	for i := range toks {
		tk := &toks[i]
		if b := tk.blk; b != 0 && (i > 1 && ts[i-2] == None || i+2 < len(ts) && ts[i+2] == None) {
			tk.info.w = uint64(lex[b+bW]) | uint64(lex[b+bW+1])<<32
		}
	}
	sc.touch = touch
	for _, r := range rs {
		m.tagSentence(toks[r[0]-base:r[1]-base], tags[r[0]:r[1]], sc)
	}
}

// eachSentence calls f with the token range of every sentence of doc, and
// of every token outside sentences (chrome) as a one-token sentence.
func eachSentence(doc *text.Doc, f func(first, last int)) {
	next := 0
	for _, s := range doc.Sentences {
		for ; next < s.First; next++ {
			f(next, next+1)
		}
		f(s.First, s.Last)
		next = s.Last
	}
	for ; next < len(doc.Tokens); next++ {
		f(next, next+1)
	}
}

// TagWords tags one sentence given as words (for training tools and tests).
func (m *Tagger) TagWords(words []string) []Tag {
	sc := m.scratch.Get().(*scratch)
	toks := sc.tokens(len(words))
	tags := make([]Tag, len(words))
	for i, w := range words {
		tk := &toks[i]
		tk.key, tk.h = wordKey(w)
		tk.hot = 0
		tags[i] = m.look(w, tk, i == 0)
		if b := tk.blk; b != 0 {
			tk.info.w = uint64(m.lex[b+bW]) | uint64(m.lex[b+bW+1])<<32
		}
	}
	m.tagSentence(toks, tags, sc)
	m.scratch.Put(sc)
	return tags
}

// token is what tagSentence needs of a token: its lexicon block, and its
// hashes if the word is not in the lexicon or starts the sentence.
type token struct {
	key uint64 // wordKey of the word
	h   uint64
	// hot is the word's hot table slot's val where that slot's key is
	// the word's (see tagChunk), else 0
	hot   uint64
	pair  uint64 // the word-pair feature, set when the token is scored
	class uint64 // the word's ambiguity class, set when it is scored
	blk   uint32 // 0: not in the lexicon
	// unseen: a word outside the lexicon whose lower-cased form training
	// never saw either, so that no word feature looks at it
	unseen bool
	noPair bool // the word-pair feature cannot be in the model
	// info is set when blk == 0 or the token is first and scored;
	// info.w (from the block when blk != 0, then set by tagChunk only
	// where a scored token's word-pair template reads it)
	info tokInfo
}

// look fills tk for word (its key, h and hot set) and returns its
// dictionary tag, None when the tagger must score it.
func (m *Tagger) look(word string, tk *token, first bool) Tag {
	var b uint32
	var tag Tag
	if v := tk.hot; v != 0 && int(v>>32&0xff) == len(word) && (len(word) <= 8 || sameWord(m.lex[uint32(v):], word)) {
		b, tag = uint32(v), Tag(v>>40)
	} else {
		b, tag = m.words.lookupKey(m.lex, word, tk.key, tk.h)
	}
	if b != 0 {
		tk.blk = b
		tk.unseen = false
		if first && tag == None { // for its shape (see tagSentence)
			tk.info = info(word)
		}
		return tag
	}
	tk.blk = 0
	tk.class = 0
	tk.info = info(word)
	// No feature looks at a word (lower-cased) that training never saw.
	tk.unseen = !m.seen.has(tk.info.w)
	return None
}

// scratch holds one sentence's per-token buffers; Tag reuses them through
// the tagger's pool.
type scratch struct {
	ranges [][2]int // sentences
	toks   []token
	static [][numTags]int32
	touch  uint64 // keeps the loads that bring the tables into cache
}

func (s *scratch) tokens(n int) []token {
	if cap(s.toks) < n {
		s.toks = make([]token, n, 2*n)
	}
	return s.toks[:n]
}

// tagSentence fills the tags that are None (not from the dictionary) greedily
// left to right. The scores of the templates that do not look at the
// previous tags are summed for every token first, from the lexicon where
// the words are known; the left-to-right pass then adds the tag-history
// scores and the (previous tag, word) feature. A token whose word has an
// ambiguity class is scored for the tags of its class only, every other
// token for every tag.
func (m *Tagger) tagSentence(toks []token, tags []Tag, sc *scratch) {
	n := len(toks)
	if cap(sc.static) < n {
		sc.static = make([][numTags]int32, n, 2*n)
	}
	static := sc.static[:n]
	lex := m.lex
	// First what the scoring will read, in a pass whose loads do not wait
	// for each other, so that their cache misses overlap: the runs of
	// the known words, the feature slots of the others, and the slot of
	// each scored token's word-pair feature.
	var touch uint64
	for i := range toks {
		tk := &toks[i]
		if b := tk.blk; b != 0 {
			// Its runs as a left neighbour (L) and as a right one (R)
			// are read only for a scored token to its right and left.
			if tags[i] == None {
				h1, h2 := lex[b+bOwnL], lex[b+bRPW]
				touch += uint64(lex[b+h1&0xffff] + lex[b+h2>>16])
			}
			if i+1 < n && tags[i+1] == None {
				touch += uint64(lex[b+lex[b+bOwnL]>>16])
			}
			if i > 0 && tags[i-1] == None {
				touch += uint64(lex[b+lex[b+bRPW]&0xffff])
			}
		} else {
			t := &tk.info
			for _, f := range [...]uint64{f1(fSuf3M1, t.s3), f1(fSuf3P1, t.s3)} {
				touch += uint64(m.slots[f&m.mask].key)
			}
			touch += uint64(m.suffixes.slots[m.suffixes.home(t.s3, t.s2)].off + m.shapes.slots[m.shapes.home(t.shape, 0)].off)
			if !tk.unseen {
				for _, f := range [...]uint64{f1(fWord, t.w), f1(fWordM1, t.w), f1(fWordP1, t.w)} {
					touch += uint64(m.slots[f&m.mask].key)
				}
			}
		}
		if tags[i] == None {
			wm2, wp2 := hStart2, hEnd2
			if i > 1 {
				wm2 = toks[i-2].info.w
			}
			if i+2 < n {
				wp2 = toks[i+2].info.w
			}
			tk.pair, tk.noPair = f2(fWordM2, wm2, wp2), false
			if i > 1 && toks[i-2].unseen || i+2 < n && toks[i+2].unseen {
				tk.noPair = true // pairs are of words training saw
			} else {
				touch += uint64(m.slots[tk.pair&m.mask].key)
			}
			// The tag-history scores, where the dictionary gave the
			// previous two tags: the left-to-right pass would wait
			// for them token after token.
			if (i == 0 || tags[i-1] != None) && (i < 2 || tags[i-2] != None) {
				prev, prev2 := None, None
				if i > 0 {
					prev = tags[i-1]
				}
				if i > 1 {
					prev2 = tags[i-2]
				}
				ps := &m.hist[prev][prev2]
				touch += uint64(ps[0] + ps[32])
			}
		}
	}
	sc.touch += touch
	for i := range toks {
		if tags[i] != None {
			continue
		}
		st := &static[i]
		*st = [numTags]int32{}
		tk := &toks[i]
		if b := tk.blk; b != 0 {
			tk.class = uint64(lex[b+bClass]) | uint64(lex[b+bClass+1])<<32
			// The own run is restricted to the class already.
			addRun(st, lex, b+lex[b+bOwnL]&0xffff)
			if i == 0 { // the run holds the shape feature of later tokens
				m.addSign(st, f2(fInitShape, 0, tk.info.shape), -1)
				m.add(st, f2(fInitShape, 1, tk.info.shape))
			}
		} else {
			t := &tk.info
			init := uint64(0)
			if i == 0 {
				init = 1
			}
			if !tk.unseen {
				m.add(st, f1(fWord, t.w))
			}
			if o := m.suffixes.run(t.s3, t.s2); o != 0 {
				addRun(st, lex, o)
			} else {
				m.add(st, f1(fSuf3, t.s3))
				m.add(st, f1(fSuf2, t.s2))
			}
			if o := m.shapes.run(t.shape, 0); o != 0 && i != 0 {
				addRun(st, lex, o)
			} else {
				m.add(st, f1(fShape, t.shape))
				m.add(st, f2(fInitShape, init, t.shape))
			}
		}
		if !tk.noPair {
			m.add(st, tk.pair)
		}
		// The neighbours' runs: a word's scores as the token's left
		// and right neighbour.
		if tk.class != 0 {
			m.addNeighbours(st, toks, i, tk.class)
			continue
		}
		if i == 0 {
			addScores(st, &m.edgeL)
		} else if b := toks[i-1].blk; b != 0 {
			addRun(st, lex, b+lex[b+bOwnL]>>16)
		} else {
			t := &toks[i-1].info
			if !toks[i-1].unseen {
				m.add(st, f1(fWordM1, t.w))
			}
			m.add(st, f1(fSuf3M1, t.s3))
		}
		if i+1 == n {
			addScores(st, &m.edgeR)
		} else if b := toks[i+1].blk; b != 0 {
			addRun(st, lex, b+lex[b+bRPW]&0xffff)
		} else {
			t := &toks[i+1].info
			if !toks[i+1].unseen {
				m.add(st, f1(fWordP1, t.w))
			}
			m.add(st, f1(fSuf3P1, t.s3))
		}
	}
	prev, prev2 := None, None
	for i := range toks {
		if tags[i] == None {
			st := &static[i]
			tk := &toks[i]
			if class := tk.class; class != 0 {
				ps := m.history(st, prev, prev2)
				for c := class; c != 0; c &= c - 1 {
					t := bits.TrailingZeros64(c)
					st[t] += int32(ps[t])
				}
				m.addPrevWord(st, tk.blk, prev)
				best, max := None, int32(0)
				for c := class; c != 0; c &= c - 1 {
					t := Tag(bits.TrailingZeros64(c))
					if best == None || st[t] > max {
						best, max = t, st[t]
					}
				}
				tags[i] = best
			} else {
				if tk.blk != 0 {
					m.addPrevWord(st, tk.blk, prev)
				} else if !tk.unseen {
					m.add(st, f2(fPrevWord, uint64(prev)+1, tk.info.w))
				}
				// The tag-history scores are added while looking for
				// the best tag, which the loop keeps in a register.
				ps := m.history(st, prev, prev2)
				best, max := 1, st[1]+int32(ps[1])
				for t := 2; t < NumTags; t++ {
					if v := st[t] + int32(ps[t]); v > max {
						best, max = t, v
					}
				}
				tags[i] = Tag(best)
			}
		}
		prev2, prev = prev, tags[i]
	}
}

// addNeighbours adds to st, for the tags of class, the scores of the
// templates that look at the neighbours of token i.
func (m *Tagger) addNeighbours(st *[numTags]int32, toks []token, i int, class uint64) {
	lex := m.lex
	if i == 0 {
		addDenseClass(st, &m.edgeL, class)
	} else if b := toks[i-1].blk; b != 0 {
		addClass(st, lex, b+lex[b+bOwnL]>>16, class)
	} else {
		t := &toks[i-1].info
		if !toks[i-1].unseen {
			m.add(st, f1(fWordM1, t.w))
		}
		m.add(st, f1(fSuf3M1, t.s3))
	}
	if i+1 == len(toks) {
		addDenseClass(st, &m.edgeR, class)
	} else if b := toks[i+1].blk; b != 0 {
		addClass(st, lex, b+lex[b+bRPW]&0xffff, class)
	} else {
		t := &toks[i+1].info
		if !toks[i+1].unseen {
			m.add(st, f1(fWordP1, t.w))
		}
		m.add(st, f1(fSuf3P1, t.s3))
	}
}

// addPrevWord adds the scores of the (previous tag, word) feature of the
// word of block b (restricted to its class when it has one).
func (m *Tagger) addPrevWord(st *[numTags]int32, b uint32, prev Tag) {
	lex := m.lex
	pw := b + lex[b+bRPW]>>16
	for _, e := range lex[pw : pw+lex[b+bHead]>>16&0xff] {
		if Tag(e>>24) == prev {
			addRun(st, lex, b+e&0xffffff)
			return
		}
	}
}

func addScores(dst, src *[numTags]int32) {
	for t := range dst {
		dst[t] += src[t]
	}
}

// add adds the weights of feature f to scores.
func (m *Tagger) add(scores *[numTags]int32, f uint64) {
	i := f & m.mask
	key := uint32(f>>32) | 1
	for {
		s := &m.slots[i]
		if s.key == key {
			if a := s.w[0]; a&inline != 0 { // weights stored in the slot
				addInline(scores, a)
				if b := s.w[1]; b != 0 {
					addInline(scores, b)
					if c := s.w[2]; c != 0 {
						addInline(scores, c)
					}
				}
				return
			}
			off, n := s.w[0]>>8, s.w[0]&0xff
			for _, e := range m.ents[off : off+n] {
				scores[e>>24] += int32(e<<8) >> 8
			}
			return
		}
		if s.key == 0 {
			return
		}
		i = (i + 1) & m.mask
	}
}

// addSign adds sign times the weights of feature f to scores.
func (m *Tagger) addSign(scores *[numTags]int32, f uint64, sign int32) {
	var v [numTags]int32
	m.add(&v, f)
	for t := range v {
		scores[t] += sign * v[t]
	}
}

// Model file format (gzip-compressed, little endian):
//   "POS2" | u32 nword | nword × (u8 len, bytes, u8 tag, u64 class, u64 prevs) |
//   u32 nfeat | nfeat × (u64 hash, u8 n, n × (u8 tag, i16 weight))
// The words are the vocabulary, most frequent first, the tag their
// dictionary tag or None (0), the class their ambiguity class (a bit per
// tag) or 0, prevs the previous tags p for which there is a feature of p
// and the word (which Load would otherwise look for, 45 lookups a word).
// Features are sorted by hash, so the file is a deterministic function of
// the weights.

const magic = "POS2"

// weights is a trained model before packing: features to per-tag weights.
type weights struct {
	words map[string]lexWord // the vocabulary (key and word are the same)
	feats map[uint64][]tagWeight
}

type tagWeight struct {
	tag Tag
	w   int16
}

// Save writes the model in its compressed binary form.
func (w *weights) save(out io.Writer) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	var b [8]byte
	u32 := func(v uint32) { binary.LittleEndian.PutUint32(b[:4], v); bw.Write(b[:4]) }
	// The most frequent words first: the tagger lays out its lexicon in
	// this order, so that the words most tokens are lie together.
	words := make([]string, 0, len(w.words))
	for k := range w.words {
		words = append(words, k)
	}
	sort.Slice(words, func(i, j int) bool {
		a, b := w.words[words[i]], w.words[words[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return words[i] < words[j]
	})
	u32(uint32(len(words)))
	for _, k := range words {
		bw.WriteByte(byte(len(k)))
		bw.WriteString(k)
		lw := w.words[k]
		bw.WriteByte(byte(lw.tag))
		binary.LittleEndian.PutUint64(b[:], lw.class)
		bw.Write(b[:])
		var prevs uint64
		for p := None; p < numTags; p++ {
			if _, ok := w.feats[f2(fPrevWord, uint64(p)+1, info(k).w)]; ok {
				prevs |= 1 << p
			}
		}
		binary.LittleEndian.PutUint64(b[:], prevs)
		bw.Write(b[:])
	}
	keys := make([]uint64, 0, len(w.feats))
	for k := range w.feats {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	u32(uint32(len(keys)))
	for _, k := range keys {
		binary.LittleEndian.PutUint64(b[:], k)
		bw.Write(b[:])
		tw := w.feats[k]
		bw.WriteByte(byte(len(tw)))
		for _, e := range tw {
			bw.WriteByte(byte(e.tag))
			binary.LittleEndian.PutUint16(b[:2], uint16(e.w))
			bw.Write(b[:2])
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by the trainer.
func Load(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if len(data) < 8 || string(data[:4]) != magic {
		return nil, errors.New("not a pos model")
	}
	p := 4
	bad := fmt.Errorf("pos model truncated")
	u32 := func() (uint32, bool) {
		if p+4 > len(data) {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(data[p:])
		p += 4
		return v, true
	}
	nd, ok := u32()
	if !ok {
		return nil, bad
	}
	m := &Tagger{}
	words := make([]lexWord, 0, nd)
	m.scratch.New = func() any { return new(scratch) }
	for range nd {
		if p >= len(data) {
			return nil, bad
		}
		l := int(data[p])
		p++
		if p+l+17 > len(data) {
			return nil, bad
		}
		tg, class, prevs := Tag(data[p+l]), binary.LittleEndian.Uint64(data[p+l+1:]), binary.LittleEndian.Uint64(data[p+l+9:])
		if tg >= numTags || class>>numTags != 0 || prevs>>numTags != 0 {
			return nil, fmt.Errorf("pos model: bad tag %d, class %x or prevs %x", tg, class, prevs)
		}
		if l > 0 {
			words = append(words, lexWord{word: string(data[p : p+l]), tag: tg, class: class, prevs: prevs})
		}
		p += l + 17
	}
	nf, ok := u32()
	if !ok {
		return nil, bad
	}
	size := uint64(1)
	for size < uint64(nf)*2 {
		size <<= 1
	}
	m.mask = size - 1
	m.slots = make([]slot, size)
	for range nf {
		if p+9 > len(data) {
			return nil, bad
		}
		key := binary.LittleEndian.Uint64(data[p:])
		n := int(data[p+8])
		p += 9
		if p+3*n > len(data) {
			return nil, bad
		}
		var sl slot
		if n > len(sl.w) {
			sl.w[0] = uint32(len(m.ents))<<8 | uint32(n)
		}
		for j := 0; j < n; j++ {
			tg := uint32(data[p])
			w := int32(int16(binary.LittleEndian.Uint16(data[p+1:])))
			p += 3
			if tg >= uint32(numTags) {
				return nil, fmt.Errorf("pos model: bad tag %d", tg)
			}
			if n <= len(sl.w) {
				sl.w[j] = inline | tg<<16 | uint32(uint16(int16(w)))
			} else {
				m.ents = append(m.ents, tg<<24|uint32(w)&0xffffff)
			}
		}
		i := key & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		sl.key = uint32(key>>32) | 1
		m.slots[i] = sl
	}
	var infos [1]tokInfo
	var feats [maxFeats]uint64
	wide := new([numTags][numTags][numTags]int32)
	m.hist = new([numTags][numTags][histRow]uint16)
	for p := None; p < numTags; p++ {
		for p2 := None; p2 < numTags; p2++ {
			features(&feats, infos[:], 0, p, p2)
			sc := &wide[p][p2]
			for _, f := range feats[:nDense] {
				m.add(sc, f)
			}
			m.add(sc, feats[iPrevPrev2])
			lo, hi := sc[0], sc[0]
			for _, v := range sc {
				lo, hi = min(lo, v), max(hi, v)
			}
			if hi-lo > math.MaxUint16 {
				m.wide = wide
			}
			for t, v := range sc {
				m.hist[p][p2][t] = uint16(v - lo)
			}
		}
	}
	if m.wide != nil {
		*m.hist = [numTags][numTags][histRow]uint16{}
	}
	m.buildLexicon(words)
	return m, nil
}

// quantize maps averaged float weights to int16 with one scale for the
// whole model (the argmax only needs relative scores), dropping weights that
// round to zero.
func quantize(feats map[uint64][]floatWeight) map[uint64][]tagWeight {
	maxAbs := 0.0
	for _, fw := range feats {
		for _, e := range fw {
			maxAbs = math.Max(maxAbs, math.Abs(e.w))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	out := make(map[uint64][]tagWeight, len(feats))
	for k, fw := range feats {
		var tw []tagWeight
		for _, e := range fw {
			q := math.Round(e.w * scale)
			if math.Abs(q) < pruneBelow {
				continue
			}
			tw = append(tw, tagWeight{e.tag, int16(q)})
		}
		if len(tw) > 0 {
			sort.Slice(tw, func(i, j int) bool { return tw[i].tag < tw[j].tag })
			out[k] = tw
		}
	}
	return out
}

// pruneBelow drops quantized weights this small: they never change an argmax
// in practice and make up most of the model.
const pruneBelow = 400

type floatWeight struct {
	tag Tag
	w   float64
}
