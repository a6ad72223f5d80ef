package text

import "sort"

// WordMap is a read-only table from words to values for the lexicons of
// the NLP stages, built once from a Go map. Most words of a text are in no
// lexicon, so a lookup is made for the miss: a cheap hash of the word and,
// mostly, one probe of an open-addressed table that is at most half full.
// Fold lookups lower-case ASCII letters on the fly, so callers need no
// buffer and nothing is allocated.
//
// The table is compact, because the stages run one after the other on
// each document and a lexicon is mostly out of cache when its stage
// starts: each slot is 8 bytes (the hash and the entry), the keys are one
// string and the values one array, shortest keys first.
//
// The zero WordMap is empty. It is safe for concurrent lookups.
type WordMap[V any] struct {
	slots    []uint64 // hash<<32 | entry; 0 marks a free slot
	mask     uint32
	keys     string   // every key, concatenated
	spans    []uint32 // spans[e] is start<<8 | length of key e in keys
	vals     []V
	empty    bool // the empty string is a key
	emptyVal V
	maxLen   int // longest key
	// prefix holds, for each pair of ASCII letters (lower-cased) that
	// starts a key, the set of those keys' lengths as bits (31 for 31 and
	// more): most words of a text fail this test and need no hashing.
	prefix [26 * 26]uint32
	// first holds the first bytes of the keys, as bits: a word starting
	// with a digit or a mark no key starts with is answered at once.
	first [4]uint64
}

// NewWordMap builds the table of the entries of m.
func NewWordMap[V any](m map[string]V) *WordMap[V] {
	t := &WordMap[V]{}
	words := make([]string, 0, len(m))
	for k, v := range m {
		if k == "" {
			t.empty, t.emptyVal = true, v
			continue
		}
		words = append(words, k)
	}
	// shortest first: the function words that make most hits share
	// the first cache lines of spans, keys and values
	sort.Slice(words, func(a, b int) bool {
		if len(words[a]) != len(words[b]) {
			return len(words[a]) < len(words[b])
		}
		return words[a] < words[b]
	})
	size := 8
	for size < 2*len(words) {
		size *= 2
	}
	t.slots = make([]uint64, size)
	t.mask = uint32(size - 1)
	t.spans = make([]uint32, len(words))
	t.vals = make([]V, len(words))
	keys := make([]byte, 0, len(words)*8)
	for e, k := range words {
		if len(k) > 255 || len(keys) >= 1<<24 {
			panic("text.NewWordMap: a key longer than 255 bytes or keys over 16 MB")
		}
		t.spans[e], t.vals[e] = uint32(len(keys))<<8|uint32(len(k)), m[k]
		keys = append(keys, k...)
		t.maxLen = max(t.maxLen, len(k))
		t.first[k[0]>>6] |= 1 << (k[0] & 63)
		if len(k) >= 2 && isLetterByte(k[0]) && isLetterByte(k[1]) {
			t.prefix[prefixSlot(k[0], k[1])] |= lengthBit(len(k))
		}
		h := hashWord(k)
		for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i] == 0 {
				t.slots[i] = uint64(h)<<32 | uint64(e)
				break
			}
		}
	}
	t.keys = string(keys)
	return t
}

func prefixSlot(a, b byte) int { return int(a|0x20-'a')*26 + int(b|0x20-'a') }

func lengthBit(n int) uint32 { return 1 << min(n, 31) }

// rejects reports whether no key can equal a word of length n starting
// with a and b, or that word lower-cased: the first test of every lookup.
func (t *WordMap[V]) rejects(a, b byte, n int) bool {
	return isLetterByte(a) && isLetterByte(b) && t.prefix[prefixSlot(a, b)]&lengthBit(n) == 0
}

// key returns the key of entry e.
func (t *WordMap[V]) key(e uint32) string {
	sp := t.spans[e]
	return t.keys[sp>>8 : sp>>8+sp&0xff]
}

// hashWord hashes w from its length and five of its bytes (the first
// two, the middle one and the last two): constant time, and enough to
// spread lexicon words; equal hashes are confirmed by comparing the keys.
// hashFold hashes w with those bytes' ASCII letters lower-cased. The two
// agree on words without upper-case ASCII letters.
func hashWord(w string) uint32 {
	n := len(w)
	h := uint32(n)<<24 ^ uint32(w[0]) ^ uint32(w[n-1])<<8 ^ uint32(w[n/2])<<16
	if n > 1 {
		h = h*31 + uint32(w[1])<<4 ^ uint32(w[n-2])<<12
	}
	return mixHash(h)
}

func hashFold(w string) uint32 {
	n := len(w)
	h := uint32(n)<<24 ^ uint32(fold(w[0])) ^ uint32(fold(w[n-1]))<<8 ^ uint32(fold(w[n/2]))<<16
	if n > 1 {
		h = h*31 + uint32(fold(w[1]))<<4 ^ uint32(fold(w[n-2]))<<12
	}
	return mixHash(h)
}

func hashBytes(w []byte) uint32 {
	n := len(w)
	h := uint32(n)<<24 ^ uint32(w[0]) ^ uint32(w[n-1])<<8 ^ uint32(w[n/2])<<16
	if n > 1 {
		h = h*31 + uint32(w[1])<<4 ^ uint32(w[n-2])<<12
	}
	return mixHash(h)
}

func fold(c byte) byte { return lowerTable[c] }

// lowerTable lower-cases ASCII letters and leaves every other byte.
var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

func mixHash(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	return h | 1 // never 0, so that a used slot is never 0
}

// Get returns the value of the key w (exact match).
func (t *WordMap[V]) Get(w string) (V, bool) {
	var zero V
	if t == nil || len(w) > t.maxLen {
		return zero, false
	}
	if w == "" {
		return t.emptyVal, t.empty
	}
	if c := w[0]; t.first[c>>6]&(1<<(c&63)) == 0 || len(w) >= 2 && t.rejects(c, w[1], len(w)) {
		return zero, false
	}
	h := hashWord(w)
	for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return zero, false
		}
		if uint32(s>>32) == h && t.key(uint32(s)) == w {
			return t.vals[uint32(s)], true
		}
	}
}

// Has reports whether w is a key (exact match).
func (t *WordMap[V]) Has(w string) bool { _, ok := t.Get(w); return ok }

// GetFold returns the value of the key equal to w with its ASCII letters
// lower-cased: keys holding upper-case ASCII letters are never found.
// Other bytes compare as they are.
func (t *WordMap[V]) GetFold(w string) (V, bool) {
	var zero V
	if t == nil || len(w) > t.maxLen {
		return zero, false
	}
	if w == "" {
		return t.emptyVal, t.empty
	}
	if c := fold(w[0]); t.first[c>>6]&(1<<(c&63)) == 0 || len(w) >= 2 && t.rejects(c, w[1], len(w)) {
		return zero, false
	}
	h := hashFold(w)
	for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return zero, false
		}
		if uint32(s>>32) == h && equalFold(t.key(uint32(s)), w) {
			return t.vals[uint32(s)], true
		}
	}
}

// HasFold reports whether w lower-cased (ASCII) is a key.
func (t *WordMap[V]) HasFold(w string) bool { _, ok := t.GetFold(w); return ok }

// GetBytes is Get for a word held in a byte slice (a lower-cased key
// built by the caller); it does not allocate.
func (t *WordMap[V]) GetBytes(w []byte) (V, bool) {
	var zero V
	if t == nil || len(w) > t.maxLen {
		return zero, false
	}
	if len(w) == 0 {
		return t.emptyVal, t.empty
	}
	if c := w[0]; t.first[c>>6]&(1<<(c&63)) == 0 || len(w) >= 2 && t.rejects(c, w[1], len(w)) {
		return zero, false
	}
	h := hashBytes(w)
	for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return zero, false
		}
		if uint32(s>>32) == h && t.key(uint32(s)) == string(w) {
			return t.vals[uint32(s)], true
		}
	}
}

// equalFold reports whether key equals w with w's ASCII letters
// lower-cased.
func equalFold(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if key[i] != lowerTable[w[i]] {
			return false
		}
	}
	return true
}

// ShortKey packs a word of one to three ASCII letters, lower-cased, into a
// number (never 0), and reports false for any other word. Stages keep their
// commonest short words (the, of, a, ago, said) in small tables under these
// keys, which stay in cache where a WordMap lookup costs a hash, a probe
// and a compare.
func ShortKey(w string) (uint32, bool) {
	if len(w) == 0 || len(w) > 3 {
		return 0, false
	}
	k := uint32(0)
	for i := len(w) - 1; i >= 0; i-- {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return 0, false
		}
		k = k<<8 | uint32(c)
	}
	return k, true
}

// ShortSlot is the home slot of ShortKey k in a table of 256 slots.
func ShortSlot(k uint32) int { return int(k * 0x9e3779b1 >> 24) }
