package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// CoNLL types, in label order. Labels are BILOU: 0 is O, then for type k
// (1..4) B, I, L, U at 4*(k-1)+1 .. 4*(k-1)+4.
const (
	nTypes  = 5 // O, PER, ORG, LOC, MISC
	nLabels = 1 + 4*(nTypes-1)
)

var typeNames = [nTypes]string{"O", "PER", "ORG", "LOC", "MISC"}

const (
	posB = iota
	posI
	posL
	posU
)

func typeOf(label int) int {
	if label == 0 {
		return 0
	}
	return (label-1)/4 + 1
}

func posOf(label int) int { return (label - 1) % 4 }

func labelOf(typ, pos int) int { return 1 + 4*(typ-1) + pos }

func typeIndex(name string) int {
	for k, n := range typeNames {
		if n == name {
			return k
		}
	}
	return -1
}

// allowed reports whether label cur may follow label prev (BILOU).
func allowed(prev, cur int) bool {
	open := prev != 0 && (posOf(prev) == posB || posOf(prev) == posI)
	if open {
		return cur != 0 && typeOf(cur) == typeOf(prev) && (posOf(cur) == posI || posOf(cur) == posL)
	}
	return cur == 0 || posOf(cur) == posB || posOf(cur) == posU
}

// Model is a trained averaged-perceptron tagger: per feature, its non-zero
// weights (label and value, quantised to int16). Lookups go through an
// open-addressing table of 8-byte slots, each holding a 21-bit fingerprint
// of the feature's 32-bit hash and, for most features, their one or two
// weights inline, so a rare feature costs one cache miss and the table
// stays small enough to stay in cache; the other features' slots hold a
// mask of their labels and where their weights start in weights. (A fingerprint clash between a
// feature absent from the model and a present one has odds of about 1 in
// 2 million per lookup; the tagger shrugs it off.)
type Model struct {
	slots   []uint64
	shift   uint
	weights []int16  // weights of features with more than two, in label order
	keys    []uint32 // the features and their dense rows, for writing and pruning
	rows    []int16
	n       int     // features
	scale   float32 // weight = value / scale
	dense   *denseTables
	outside wordSet // capitalised words (tokInfo.w) never inside a phrase in the training data
}

// nameNext reports whether a token after a word can make a name of it: a
// capitalised word or a possessive.
func nameNext(next *tokInfo) bool {
	return next.anyUpper || next.lw == possessive.lw || next.lw == apostrophe.lw
}

var (
	possessive = info("'s")
	apostrophe = info("'")
)

// wordSet is a set of word hashes (open addressing, 0 marks an empty
// slot, so the hash 0 is never a member).
type wordSet struct {
	keys []uint64
	list []uint64 // the members, sorted
}

func newWordSet(ws []uint64) wordSet {
	list := make([]uint64, 0, len(ws))
	for _, w := range ws {
		if w != 0 {
			list = append(list, w)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	size := 16
	for size < 4*len(list) {
		size <<= 1
	}
	s := wordSet{keys: make([]uint64, size), list: list}
	mask := uint64(size - 1)
	for _, w := range list {
		i := mix(w) & mask
		for s.keys[i] != 0 && s.keys[i] != w {
			i = (i + 1) & mask
		}
		s.keys[i] = w
	}
	return s
}

func (s *wordSet) has(w uint64) bool {
	if len(s.list) == 0 || w == 0 {
		return false
	}
	mask := uint64(len(s.keys) - 1)
	for i := mix(w) & mask; ; i = (i + 1) & mask {
		switch s.keys[i] {
		case w:
			return true
		case 0:
			return false
		}
	}
}

// markOutside sets tokInfo.outside on the capitalised words of st that
// the model's training data never has inside a phrase, unless a
// capitalised word or a possessive follows (nameNext): the data says the
// word is no name by itself, but names of several words may still start
// with it in news ("Farm Credit Administration", "Tax Reform Act"), and a
// possessive makes a name of it ("Total's refining subsidiary").
func (m *Model) markOutside(st *docState) {
	for _, s := range st.doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			t := &st.infos[i]
			t.outside = t.anyUpper && m.outside.has(t.w) && (i+1 == s.Last || !nameNext(&st.infos[i+1]))
		}
	}
}

// denseTables holds the summed weights of the features whose values come
// from a small domain (previous labels, history, gazetteer marks,
// capitalisation prior), computed once per model: the tagger adds a
// vector instead of looking the features up token by token. Weights are
// integers, so the sums are exactly those of scoring the features.
type denseTables struct {
	prev     [nLabels][nLabels][nLabels]int32 // [prev2][prev1]: tPrev1 + tPrev12
	hist     [nTypes][nLabels]int32
	histSet  [1 << nTypes][nLabels]int32
	histPos  [16 * 8][nLabels]int32
	gaz      [3][64][nLabels]int32 // tGaz, tGazPrev, tGazNext by mark bit
	capPrior [256][nLabels]int32
}

func (m *Model) buildDense() {
	d := new(denseTables)
	one := func(v *[nLabels]int32, fs ...uint32) { m.score(v, fs) }
	for p2 := 0; p2 < nLabels; p2++ {
		for p1 := 0; p1 < nLabels; p1++ {
			one(&d.prev[p2][p1], feat(tPrev1, uint64(p1)), feat(tPrev12, uint64(p2*64+p1)))
		}
	}
	for k := range d.hist {
		one(&d.hist[k], feat(tHist, uint64(k)))
	}
	for k := range d.histSet {
		one(&d.histSet[k], feat(tHistSet, uint64(k)))
	}
	for k := range d.histPos {
		one(&d.histPos[k], feat(tHistPos, uint64(k)))
	}
	for t, tmpl := range [3]int{tGaz, tGazPrev, tGazNext} {
		for b := range 64 {
			one(&d.gaz[t][b], feat(tmpl, uint64(1)<<b))
		}
	}
	for k := range d.capPrior {
		one(&d.capPrior[k], feat(tCapPrior, uint64(k)))
	}
	m.dense = d
}

// addVec adds v to sc (unrolled: the compiler does not unroll loops, and
// a loop costs more than twice as many instructions).
func addVec(sc, v *[nLabels]int32) {
	sc[0] += v[0]
	sc[1] += v[1]
	sc[2] += v[2]
	sc[3] += v[3]
	sc[4] += v[4]
	sc[5] += v[5]
	sc[6] += v[6]
	sc[7] += v[7]
	sc[8] += v[8]
	sc[9] += v[9]
	sc[10] += v[10]
	sc[11] += v[11]
	sc[12] += v[12]
	sc[13] += v[13]
	sc[14] += v[14]
	sc[15] += v[15]
	sc[16] += v[16]
}

// Slot layout: fingerprint in bits 43-63, the overflow flag in bit 42;
// inline, two weights as (label+1)<<16 | uint16(weight) in bits 0-20 and
// 21-41 (label+1 == 0: none); overflow, the label mask in bits 25-41 and
// the offset into weights in bits 0-24.
const (
	fpBits    = 21
	fpMask    = 1<<fpBits - 1
	entryBits = 21
	overflow  = 1 << 42
	maskShift = 25
	offMask   = 1<<maskShift - 1
)

// Features returns the number of features the model keeps.
func (m *Model) Features() int { return m.n }

// lookup returns the slot of key, 0 if absent.
func (m *Model) lookup(key uint32) uint64 {
	mask := uint64(len(m.slots) - 1)
	h := (uint64(key) * 0x9e3779b97f4a7c15) >> m.shift
	fp := uint64(key) & fpMask
	for {
		s := m.slots[h]
		if s == 0 || s>>43 == fp {
			return s
		}
		h = (h + 1) & mask
	}
}

// score adds the weights of feats to sc (see scoreInto).
func (m *Model) score(sc *[nLabels]int32, feats []uint32) {
	var acc [1]accVec
	for len(feats) > 0 {
		n := min(len(feats), len(zeroDst))
		m.scoreInto(acc[:], feats[:n], zeroDst[:n])
		feats = feats[n:]
	}
	addVec(sc, acc[0].labels())
}

// zeroDst sends every feature to one vector (score).
var zeroDst [64]int32

// Features with at least minFull non-zero weights keep a full row, zeros
// included (mask allLabels): scoring adds it label by label without
// reading the mask bit by bit, and most of the features a document looks
// up are such dense ones.
const (
	minFull     = 8
	allLabels   = 1<<nLabels - 1
	lineWeights = 32 // int16 weights in a 64-byte cache line
)

// newModel builds a model from dense rows (nLabels values per key).
func newModel(keys []uint32, rows []int16, scale float32) *Model {
	m := &Model{scale: scale, keys: make([]uint32, 0, len(keys)), rows: make([]int16, 0, len(rows))}
	// at most a third full: a lookup that misses its home slot probes on
	// (at two thirds it probed 7 slots on average, often into the next
	// cache line)
	size := 2
	for size < 3*len(keys) {
		size <<= 1
	}
	m.slots = make([]uint64, size)
	m.shift = uint(64 - bitsLen(size-1))
	mask := uint64(size - 1)
	// Out-of-line weights: every full row starts a 64-byte line (of
	// lineWeights weights), so that the load of its first weight brings
	// all of it; the other rows fill the rest of those lines, densest
	// first, and then follow, densest first: features with many non-zero
	// weights are the frequent ones (every training error on them added a
	// label), so the weights read most share few cache lines. (The
	// weights start a line: the runtime aligns large allocations to
	// pages.)
	offset := make([]int, len(keys))
	count := make([]uint8, len(keys))
	var byCount [nLabels + 1][]int // rows stored out of line, by count
	nw := 0
	for r := range keys {
		c := nnz(rows[r*nLabels : r*nLabels+nLabels])
		if c >= minFull {
			c = nLabels
		}
		count[r] = uint8(c)
		if c > 2 {
			byCount[c] = append(byCount[c], r)
			nw += c
		}
	}
	full := len(byCount[nLabels])
	m.weights = make([]int16, full*lineWeights+nw)
	put := func(r, at int) int {
		offset[r] = at
		for _, v := range rows[r*nLabels : r*nLabels+nLabels] {
			if v != 0 || count[r] == nLabels {
				m.weights[at] = v
				at++
			}
		}
		return at
	}
	for k, r := range byCount[nLabels] {
		at := put(r, k*lineWeights)
		for free := lineWeights - nLabels; free > 2; {
			c := min(free, nLabels-1)
			for c > 2 && len(byCount[c]) == 0 {
				c--
			}
			if c <= 2 {
				break
			}
			at = put(byCount[c][0], at)
			byCount[c] = byCount[c][1:]
			free -= c
		}
	}
	at := full * lineWeights
	for c := nLabels - 1; c > 2; c-- {
		for _, r := range byCount[c] {
			at = put(r, at)
		}
	}
	m.weights = m.weights[:at]
	var tmp []uint32
	for r, k := range keys {
		row := rows[r*nLabels : r*nLabels+nLabels]
		tmp = tmp[:0]
		labels := uint64(0)
		for l, v := range row {
			if v != 0 {
				tmp = append(tmp, uint32(l+1)<<16|uint32(uint16(v)))
				labels |= 1 << l
			}
		}
		if count[r] == nLabels {
			labels = allLabels
		}
		if len(tmp) == 0 {
			continue
		}
		m.keys = append(m.keys, k)
		m.rows = append(m.rows, row...)
		h := (uint64(k) * 0x9e3779b97f4a7c15) >> m.shift
		for m.slots[h] != 0 {
			h = (h + 1) & mask
		}
		s := uint64(k&fpMask) << 43
		if len(tmp) <= 2 {
			s |= uint64(tmp[0])
			if len(tmp) == 2 {
				s |= uint64(tmp[1]) << entryBits
			}
		} else {
			s |= overflow | labels<<maskShift | uint64(offset[r])
		}
		m.slots[h] = s
	}
	m.n = len(m.keys)
	m.buildDense()
	return m
}

// nnz returns the number of non-zero weights in row.
func nnz(row []int16) int {
	n := 0
	for _, v := range row {
		if v != 0 {
			n++
		}
	}
	return n
}

func bitsLen(x int) int {
	n := 0
	for x > 0 {
		n++
		x >>= 1
	}
	return n
}

const magic = "sitrep-ner\x00"

// Model file versions: 2 adds the words never inside a phrase.
const (
	modelVersion1 = 1
	modelVersion  = 2
)

// WriteTo writes the model gzip-compressed: header, then per feature in key
// order the key delta, a bit mask of the non-zero labels and their values.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	order := make([]int, len(m.keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return m.keys[order[i]] < m.keys[order[j]] })
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	bw.WriteString(magic)
	put(modelVersion)
	put(nLabels)
	put(uint64(len(m.keys)))
	put(uint64(math.Float32bits(m.scale)))
	prev := uint32(0)
	for _, i := range order {
		key := m.keys[i]
		put(uint64(key - prev))
		prev = key
		r := m.rows[i*nLabels : i*nLabels+nLabels]
		mask := uint64(0)
		for k, v := range r {
			if v != 0 {
				mask |= 1 << k
			}
		}
		put(mask)
		for _, v := range r {
			if v != 0 {
				n := binary.PutVarint(buf[:], int64(v))
				bw.Write(buf[:n])
			}
		}
	}
	put(uint64(len(m.outside.list)))
	prev64 := uint64(0)
	for _, w := range m.outside.list {
		put(w - prev64)
		prev64 = w
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner model: bad magic")
	}
	get := func() uint64 {
		v, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	ver, nl, n, sc := get(), get(), get(), get()
	if err != nil {
		return nil, fmt.Errorf("ner model header: %w", err)
	}
	if ver != modelVersion && ver != modelVersion1 || nl != nLabels {
		return nil, fmt.Errorf("ner model: version %d with %d labels, want version %d with %d", ver, nl, modelVersion, nLabels)
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("ner model: %d features is too many", n)
	}
	keys := make([]uint32, n)
	rows := make([]int16, int(n)*nLabels)
	key := uint32(0)
	for i := range keys {
		key += uint32(get())
		keys[i] = key
		mask := get()
		for k := 0; k < nLabels; k++ {
			if mask&(1<<k) != 0 {
				v, e := binary.ReadVarint(br)
				if e != nil {
					return nil, fmt.Errorf("ner model: %w", e)
				}
				rows[i*nLabels+k] = int16(v)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("ner model: %w", err)
		}
	}
	m := newModel(keys, rows, math.Float32frombits(uint32(sc)))
	if ver >= 2 {
		n := get()
		if err != nil || n > 1<<20 {
			return nil, fmt.Errorf("ner model: bad word list (%d words): %v", n, err)
		}
		ws := make([]uint64, n)
		w := uint64(0)
		for i := range ws {
			w += get()
			ws[i] = w
		}
		if err != nil {
			return nil, fmt.Errorf("ner model: %w", err)
		}
		m.outside = newWordSet(ws)
	}
	return m, nil
}

// Pruned returns a copy of m without the features whose weights all fall
// below frac times the largest weight.
func (m *Model) Pruned(frac float64) *Model {
	maxAbs := 0
	for _, v := range m.rows {
		maxAbs = max(maxAbs, abs(int(v)))
	}
	thresh := int(frac * float64(maxAbs))
	var keys []uint32
	var rows []int16
	for i, k := range m.keys {
		row := m.rows[i*nLabels : i*nLabels+nLabels]
		for _, v := range row {
			if abs(int(v)) >= thresh {
				keys = append(keys, k)
				rows = append(rows, row...)
				break
			}
		}
	}
	p := newModel(keys, rows, m.scale)
	p.outside = m.outside
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
