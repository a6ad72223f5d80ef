package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bit. Aliases and token runs are compared by hash only: with
// ~10^5 keys a false match has a probability near 10^-14 per probe, and keys
// that collide with each other at load time are merged (the tests check
// there are none).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hasher hashes a run of text twice at once: exactly and case-folded.
// Curly apostrophes hash as straight ones in both.
type hasher struct {
	exact, folded uint64
	n             int // bytes fed
}

func newHasher() hasher { return hasher{exact: fnvOffset, folded: fnvOffset} }

func (h *hasher) byte2(e, f byte) {
	h.exact = (h.exact ^ uint64(e)) * fnvPrime
	h.folded = (h.folded ^ uint64(f)) * fnvPrime
	h.n++
}

// str feeds s. It allocates nothing.
func (h *hasher) str(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f := c
			if 'A' <= c && c <= 'Z' {
				f = c + 'a' - 'A'
			}
			h.byte2(c, f)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' || r == '\u02bc' {
			h.byte2('\'', '\'')
			i += size
			continue
		}
		lr := unicode.ToLower(r)
		if lr == r {
			for k := 0; k < size; k++ {
				h.byte2(s[i+k], s[i+k])
			}
		} else {
			var buf [utf8.UTFMax]byte
			m := utf8.EncodeRune(buf[:], lr)
			for k := 0; k < size; k++ {
				h.exact = (h.exact ^ uint64(s[i+k])) * fnvPrime
			}
			for k := 0; k < m; k++ {
				h.folded = (h.folded ^ uint64(buf[k])) * fnvPrime
			}
			h.n += size
		}
		i += size
	}
}

// isAlnum reports whether byte c belongs to a letter or digit run; every
// byte of a multi-byte rune counts as a letter.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// isSpace reports whether c is ASCII white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// normKey collapses white space runs to one space, trims, and turns curly
// apostrophes into straight ones.
func normKey(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || isSpace(s[i+1])) || c == 0xE2 || c == 0xCA {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && isSpace(byte(r)):
			space = len(b) > 0
			continue
		case r == '\u2019' || r == '\u02bc':
			r = '\''
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// keyHashes returns the exact and folded hashes of key, and calls prefix
// with the hashes of every prefix that ends where a scanner might end a
// token (before a space, or between two bytes that are not both letters or
// digits), so matching can stop as soon as a token run is no alias's prefix.
func keyHashes(key string, prefix func(exact, folded uint64)) (exact, folded uint64) {
	h := newHasher()
	for i := 0; i < len(key); {
		if i > 0 && prefix != nil && key[i-1] != ' ' && (key[i] == ' ' || !(isAlnum(key[i-1]) && isAlnum(key[i]))) {
			prefix(h.exact, h.folded)
		}
		// feed one rune
		size := 1
		if key[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(key[i:])
		}
		h.str(key[i : i+size])
		i += size
	}
	return h.exact, h.folded
}

// table is an open-addressing hash table from a 64-bit hash to an int32
// in [-1, 1<<23), smaller and faster to build and probe than a Go map of the
// same size. A slot is one uint64: the hash's top 40 bits and the value + 1
// in the low 24 (0 marks an empty slot). With the slot index taken from the
// hash's low bits, a key is told apart by about 58 of its bits. A bit filter
// over all keys lets most failed probes (the common case: a token that
// starts no alias) touch only one cache line of a small bitset.
type table struct {
	slots  []uint64
	mask   uint64
	filter []uint64
	fmask  uint64
	n      int
}

const (
	tagMask = uint64(1<<64-1) &^ valMask
	valMask = 1<<24 - 1
)

// tagOf returns the top 40 bits of h, never 0 (0 with value -1 would read
// as an empty slot).
func tagOf(h uint64) uint64 {
	if t := h & tagMask; t != 0 {
		return t
	}
	return 1 << 24
}

func newTable(capacity int) *table {
	size := 1
	for size < capacity*2 {
		size <<= 1
	}
	fsize := 1
	for fsize < capacity*8/64 {
		fsize <<= 1
	}
	return &table{slots: make([]uint64, size), mask: uint64(size - 1),
		filter: make([]uint64, fsize), fmask: uint64(fsize*64 - 1)}
}

// get returns the value for h.
func (t *table) get(h uint64) (int32, bool) {
	b := (h >> 20) & t.fmask
	if t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	tag := tagOf(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&tagMask == tag {
			return int32(s&valMask) - 1, true
		}
	}
}

// put sets h to v (-1 <= v < 1<<24-1); with keep it leaves an existing
// value alone. The table never grows: newTable is given the number of keys.
func (t *table) put(h uint64, v int32, keep bool) {
	if 2*(t.n+1) > len(t.slots) {
		panic("gazetteer: table sized too small")
	}
	tag := tagOf(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = tag | uint64(v+1)
			t.n++
			b := (h >> 20) & t.fmask
			t.filter[b>>6] |= 1 << (b & 63)
			return
		}
		if s&tagMask == tag {
			if !keep {
				t.slots[i] = tag | uint64(v+1)
			}
			return
		}
	}
}
