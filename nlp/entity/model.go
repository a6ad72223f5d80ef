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
// weights (label and value, quantised to int16), kept sparse in one array
// and found through an open-addressing table keyed by the feature's 32-bit
// hash. Most features carry weight for two or three labels only, so the
// sparse rows keep both the memory touched and the additions per token low.
type Model struct {
	slots   []slot
	shift   uint
	entries []uint32 // label<<16 | uint16(weight), for features with more than two
	n       int      // features
	scale   float32  // weight = value / scale
}

// slot is one feature: its key and its weights, inline when there are at
// most two (most features), so a rare feature costs one cache line.
type slot struct {
	key  uint32
	meta uint32 // count | offset<<5 into entries when count > 2; 0 is empty
	e    [2]uint32
}

// Features returns the number of features the model keeps.
func (m *Model) Features() int { return m.n }

// lookup returns the slot of key, nil if absent.
func (m *Model) lookup(key uint32) *slot {
	mask := uint64(len(m.slots) - 1)
	h := (uint64(key) * 0x9e3779b97f4a7c15) >> m.shift
	for {
		s := &m.slots[h]
		if s.meta == 0 {
			return nil
		}
		if s.key == key {
			return s
		}
		h = (h + 1) & mask
	}
}

func (m *Model) weights(s *slot) []uint32 {
	n := int(s.meta & 31)
	if n <= 2 {
		return s.e[:n]
	}
	off := int(s.meta >> 5)
	return m.entries[off : off+n]
}

// score adds the weights of feats to sc.
func (m *Model) score(sc *[nLabels]int32, feats []uint32) {
	for _, f := range feats {
		s := m.lookup(f)
		if s == nil {
			continue
		}
		for _, e := range m.weights(s) {
			sc[(e>>16)%nLabels] += int32(int16(uint16(e)))
		}
	}
}

// row returns the dense weights of key (nil if absent).
func (m *Model) row(key uint32) []int16 {
	s := m.lookup(key)
	if s == nil {
		return nil
	}
	r := make([]int16, nLabels)
	for _, e := range m.weights(s) {
		r[(e>>16)%nLabels] = int16(uint16(e))
	}
	return r
}

// newModel builds a model from dense rows (nLabels values per key).
func newModel(keys []uint32, rows []int16, scale float32) *Model {
	m := &Model{scale: scale, n: len(keys)}
	size := 2
	for size < len(keys)+len(keys)/2 {
		size <<= 1
	}
	m.slots = make([]slot, size)
	m.shift = uint(64 - bitsLen(size-1))
	mask := uint64(size - 1)
	var tmp []uint32
	for r, k := range keys {
		tmp = tmp[:0]
		for l, v := range rows[r*nLabels : r*nLabels+nLabels] {
			if v != 0 {
				tmp = append(tmp, uint32(l)<<16|uint32(uint16(v)))
			}
		}
		if len(tmp) == 0 {
			m.n--
			continue
		}
		h := (uint64(k) * 0x9e3779b97f4a7c15) >> m.shift
		for m.slots[h].meta != 0 {
			h = (h + 1) & mask
		}
		s := slot{key: k, meta: uint32(len(tmp))}
		if len(tmp) <= 2 {
			copy(s.e[:], tmp)
		} else {
			s.meta |= uint32(len(m.entries)) << 5
			m.entries = append(m.entries, tmp...)
		}
		m.slots[h] = s
	}
	return m
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

// WriteTo writes the model gzip-compressed: header, then per feature in key
// order the key delta, a bit mask of the non-zero labels and their values.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var all []uint32
	for _, s := range m.slots {
		if s.meta != 0 {
			all = append(all, s.key)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	bw.WriteString(magic)
	put(modelVersion)
	put(nLabels)
	put(uint64(len(all)))
	put(uint64(math.Float32bits(m.scale)))
	prev := uint32(0)
	for _, key := range all {
		put(uint64(key - prev))
		prev = key
		r := m.row(key)
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
	if ver != modelVersion || nl != nLabels {
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
	return newModel(keys, rows, math.Float32frombits(uint32(sc))), nil
}

// Pruned returns a copy of m without the features whose weights all fall
// below frac times the largest weight.
func (m *Model) Pruned(frac float64) *Model {
	maxAbs := 0
	for _, s := range m.slots {
		if s.meta == 0 {
			continue
		}
		for _, e := range m.weights(&s) {
			maxAbs = max(maxAbs, abs(int(int16(uint16(e)))))
		}
	}
	thresh := int(frac * float64(maxAbs))
	var keys []uint32
	var rows []int16
	for _, s := range m.slots {
		if s.meta == 0 {
			continue
		}
		row := make([]int16, nLabels)
		keep := false
		for _, e := range m.weights(&s) {
			v := int16(uint16(e))
			row[(e>>16)%nLabels] = v
			keep = keep || abs(int(v)) >= thresh
		}
		if keep {
			keys = append(keys, s.key)
			rows = append(rows, row...)
		}
	}
	return newModel(keys, rows, m.scale)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
