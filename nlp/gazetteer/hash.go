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
}

func newHasher() hasher { return hasher{exact: fnvOffset, folded: fnvOffset} }

func (h *hasher) byte2(e, f byte) {
	h.exact = (h.exact ^ uint64(e)) * fnvPrime
	h.folded = (h.folded ^ uint64(f)) * fnvPrime
}

// str feeds s. It allocates nothing. ASCII text, nearly all of it, is
// hashed in registers by a plain counted loop; from the first other byte
// on, strMixed takes over.
func (h *hasher) str(s string) {
	e, f := h.exact, h.folded
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			h.exact, h.folded = e, f
			h.strMixed(s[i:])
			return
		}
		e = (e ^ uint64(c)) * fnvPrime
		f = (f ^ uint64(asciiLower[c])) * fnvPrime
	}
	h.exact, h.folded = e, f
}

// asciiLower maps an ASCII byte to its lower case.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// strMixed feeds s, rune by rune.
func (h *hasher) strMixed(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h.byte2(c, asciiLower[c])
			i++
			continue
		}
		i += h.rune(s[i:])
	}
}

// rune feeds the non-ASCII rune s starts with and returns its length.
func (h *hasher) rune(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if r == '\u2019' || r == '\u02bc' {
		h.byte2('\'', '\'')
		return size
	}
	lr := unicode.ToLower(r)
	if lr == r {
		for k := 0; k < size; k++ {
			h.byte2(s[k], s[k])
		}
		return size
	}
	var buf [utf8.UTFMax]byte
	m := utf8.EncodeRune(buf[:], lr)
	for k := 0; k < size; k++ {
		h.exact = (h.exact ^ uint64(s[k])) * fnvPrime
	}
	for k := 0; k < m; k++ {
		h.folded = (h.folded ^ uint64(buf[k])) * fnvPrime
	}
	return size
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

// table is an open-addressing hash table of the gazetteer's keys: exact
// aliases, case-folded aliases and (case-folded) titles, with their
// prefixes, each mapped to an int32 in [-1, 1<<24-1). A key is placed by
// its case-folded hash, whatever its kind, so that the exact and folded
// forms of a token run, and a title, are found in the same probe sequence,
// mostly one cache line: a lookup of a run costs one slot line instead of
// one per kind. A slot is one uint64: the top 38 bits of the key's own
// hash (exact or folded, by kind), its kind in 2 bits (0 marks an empty
// slot) and the value + 1 in the low 24. With the slot index taken from the
// folded hash's low bits, a key is told apart by about 57 bits. A bit
// filter over the folded hashes of all keys lets most failed lookups (the
// common case: a token that starts no alias) touch only one cache line of
// a small bitset.
type table struct {
	slots  []uint64
	mask   uint64
	filter []uint64
	fmask  uint64
	n      int
}

// Kinds of key, in a slot's bits 24 and 25.
const (
	kindExact  = 1 << 24
	kindFolded = 2 << 24
	kindTitle  = 3 << 24

	valMask  = 1<<24 - 1
	kindMask = 3 << 24
	tagMask  = uint64(1<<64-1) &^ (kindMask | valMask)
)

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

// get returns the value of the key of kind whose own hash is h and whose
// folded hash is at (h itself for folded keys and titles).
func (t *table) get(kind, h, at uint64) (int32, bool) {
	b := (at >> 20) & t.fmask
	if t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	key := h&tagMask | kind
	for i := at & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^valMask == key {
			return int32(s&valMask) - 1, true
		}
	}
}

// alias returns the values of the exact key e and, with fold, of the
// folded key f of one token run (absent where there is none), probing once.
func (t *table) alias(e, f uint64, fold bool) (ve, vf int32) {
	ve, vf = absent, absent
	b := (f >> 20) & t.fmask
	if t.filter[b>>6]&(1<<(b&63)) == 0 {
		return
	}
	keyE := e&tagMask | kindExact
	keyF := f&tagMask | kindFolded
	if !fold {
		keyF = 0 // matches no slot: empty slots end the loop first
	}
	for i := f & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return
		}
		switch s &^ valMask {
		case keyE:
			ve = int32(s&valMask) - 1
		case keyF:
			vf = int32(s&valMask) - 1
		}
	}
}

// put sets the key of kind with hash h and folded hash at to v
// (-1 <= v < 1<<24-1); with keep it leaves an existing value alone. The
// table never grows: newTable is given the number of keys.
func (t *table) put(kind, h, at uint64, v int32, keep bool) {
	if 2*(t.n+1) > len(t.slots) {
		panic("gazetteer: table sized too small")
	}
	key := h&tagMask | kind
	for i := at & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = key | uint64(v+1)
			t.n++
			b := (at >> 20) & t.fmask
			t.filter[b>>6] |= 1 << (b & 63)
			return
		}
		if s&^valMask == key {
			if !keep {
				t.slots[i] = key | uint64(v+1)
			}
			return
		}
	}
}
