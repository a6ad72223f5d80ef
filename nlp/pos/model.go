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
	"sort"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed model.bin.gz
var embedded []byte

// Tagger is a trained tagger. It is immutable and safe for concurrent use.
type Tagger struct {
	dict  wordTable // frequent unambiguous words, exact case
	mask  uint64
	slots []slot   // open addressing over feature hashes
	ents  []uint32 // per feature: runs of tag<<24 | uint24(weight)
	// prevScores[p][p2] is the score vector of the features that depend
	// only on the tag history (bias, previous tag, tag before that, the
	// pair of them), precomputed.
	prevScores [numTags][numTags][numTags]int32
	scratch    sync.Pool // of *scratch
}

type slot struct {
	key uint32 // high half of the feature hash; 0 = empty
	// A feature with up to three weights holds them here, each as
	// inline | tag<<16 | uint16(weight) (0: none), saving a cache miss;
	// otherwise w[0] is offset<<8 | count into ents.
	w [3]uint32
}

const inline = 1 << 31

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
	next := 0
	tagRange := func(first, last int) {
		infos := sc.infos(last - first)
		for i := first; i < last; i++ {
			t := doc.Tokens[i]
			w := doc.Text[t.Start:t.End]
			tags[i] = m.dict.get(dictKey(w)) // None when not a dictionary word
			infos[i-first] = info(w)
		}
		m.tagSentence(infos, tags[first:last], sc)
	}
	for _, s := range doc.Sentences {
		for ; next < s.First; next++ {
			tagRange(next, next+1)
		}
		tagRange(s.First, s.Last)
		next = s.Last
	}
	for ; next < len(doc.Tokens); next++ {
		tagRange(next, next+1)
	}
	m.scratch.Put(sc)
	return tags
}

// wordTable maps words to tags: open addressing over their hashes, the
// words in one string. A lookup reads one small table, cheaper than a map.
type wordTable struct {
	mask  uint64
	slots []wordSlot
	words string
}

type wordSlot struct {
	fp  uint32 // high half of the word's hash
	off uint32 // the word is words[off:off+n]; n == 0: empty slot
	n   uint8
	tag Tag
}

func newWordTable(dict map[string]Tag) wordTable {
	size := uint64(16)
	for size < uint64(len(dict))*2 {
		size <<= 1
	}
	keys := make([]string, 0, len(dict))
	for w := range dict {
		if len(w) > 0 && len(w) < 256 {
			keys = append(keys, w)
		}
	}
	sort.Strings(keys)
	t := wordTable{mask: size - 1, slots: make([]wordSlot, size)}
	var b []byte
	for _, w := range keys {
		h := hashString(w)
		i := h & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{fp: uint32(h >> 32), off: uint32(len(b)), n: uint8(len(w)), tag: dict[w]}
		b = append(b, w...)
	}
	t.words = string(b)
	return t
}

// get returns the tag of w, None when w is not in the table.
func (t *wordTable) get(w string) Tag {
	if len(w) == 0 || len(w) > 255 || len(t.slots) == 0 {
		return None
	}
	h := hashString(w)
	fp := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.n == 0 {
			return None
		}
		if s.fp == fp && int(s.n) == len(w) && t.words[s.off:s.off+uint32(s.n)] == w {
			return s.tag
		}
	}
}

// scratch holds one sentence's per-token buffers; Tag reuses them through
// the tagger's pool.
type scratch struct {
	info   []tokInfo
	static [][numTags]int32
	feats  []uint64
	touch  uint32 // keeps the prefetching loads
}

func (s *scratch) infos(n int) []tokInfo {
	if cap(s.info) < n {
		s.info = make([]tokInfo, n, 2*n)
	}
	return s.info[:n]
}

// TagWords tags one sentence given as words (for training tools and tests).
func (m *Tagger) TagWords(words []string) []Tag {
	sc := m.scratch.Get().(*scratch)
	infos := sc.infos(len(words))
	tags := make([]Tag, len(words))
	for i, w := range words {
		infos[i] = info(w)
		tags[i] = m.dict.get(dictKey(w))
	}
	m.tagSentence(infos, tags, sc)
	m.scratch.Put(sc)
	return tags
}

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

// tagSentence fills the tags that are None (not from the dictionary) greedily
// left to right. The features that do not look at the previous tags are
// summed for every token first, in one pass whose table lookups are
// independent of each other (the processor overlaps their cache misses);
// the left-to-right pass then adds only the tag-history scores and the one
// feature that pairs the previous tag with the word. Integer sums do not
// depend on their order, so the tags are those of scoring each token's
// features in turn.
func (m *Tagger) tagSentence(infos []tokInfo, tags []Tag, sc *scratch) {
	if cap(sc.static) < len(infos) {
		sc.static = make([][numTags]int32, len(infos), 2*len(infos))
	}
	static := sc.static[:len(infos)]
	// The features of every token to score, then one pass that only
	// reads their slots: the loads are independent of each other and of
	// any branch, so the processor issues them together and the scoring
	// pass after finds them in cache.
	fs := sc.feats[:0]
	var feats [maxFeats]uint64
	for i := range infos {
		if tags[i] != None {
			continue
		}
		staticFeatures(&feats, infos, i)
		fs = append(fs, feats[:nStatic]...)
	}
	sc.feats = fs
	var touch uint32
	for _, f := range fs {
		touch += m.slots[f&m.mask].key
	}
	sc.touch = touch
	k := 0
	for i := range infos {
		if tags[i] != None {
			continue
		}
		st := &static[i]
		*st = [numTags]int32{}
		for _, f := range fs[k : k+nStatic] {
			m.add(st, f)
		}
		k += nStatic
	}
	prev, prev2 := None, None
	for i := range infos {
		if tags[i] == None {
			scores := &m.prevScores[prev][prev2]
			st := &static[i]
			for t := range st {
				st[t] += scores[t]
			}
			m.add(st, f2(fPrevWord, uint64(prev)+1, infos[i].w))
			best := Tag(1)
			for t := Tag(2); t < numTags; t++ {
				if st[t] > st[best] {
					best = t
				}
			}
			tags[i] = best
		}
		prev2, prev = prev, tags[i]
	}
}

// add adds the weights of feature f to scores.
func (m *Tagger) add(scores *[numTags]int32, f uint64) {
	{
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
					break
				}
				off, n := s.w[0]>>8, s.w[0]&0xff
				for _, e := range m.ents[off : off+n] {
					scores[e>>24] += int32(e<<8) >> 8
				}
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
}

// Model file format (gzip-compressed, little endian):
//   "POS1" | u32 ndict | ndict × (u8 len, bytes, u8 tag) |
//   u32 nfeat | nfeat × (u64 hash, u8 n, n × (u8 tag, i16 weight))
// Features are sorted by hash, so the file is a deterministic function of
// the weights.

const magic = "POS1"

// weights is a trained model before packing: features to per-tag weights.
type weights struct {
	dict  map[string]Tag
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
	words := make([]string, 0, len(w.dict))
	for k := range w.dict {
		words = append(words, k)
	}
	sort.Strings(words)
	u32(uint32(len(words)))
	for _, k := range words {
		bw.WriteByte(byte(len(k)))
		bw.WriteString(k)
		bw.WriteByte(byte(w.dict[k]))
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
	dict := make(map[string]Tag, nd)
	m.scratch.New = func() any { return new(scratch) }
	for range nd {
		if p >= len(data) {
			return nil, bad
		}
		l := int(data[p])
		p++
		if p+l+1 > len(data) {
			return nil, bad
		}
		if l > 0 {
			dict[string(data[p:p+l])] = Tag(data[p+l])
		}
		p += l + 1
	}
	m.dict = newWordTable(dict)
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
	for p := None; p < numTags; p++ {
		for p2 := None; p2 < numTags; p2++ {
			features(&feats, infos[:], 0, p, p2)
			sc := &m.prevScores[p][p2]
			for _, f := range feats[:nDense] {
				m.add(sc, f)
			}
			m.add(sc, feats[iPrevPrev2])
		}
	}
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
