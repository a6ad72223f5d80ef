package quantity

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token kinds of the number lexer.
const (
	tWord  uint8 = iota + 1 // letters (ASCII or Unicode)
	tNum                    // digits with inner , or . between digits, optional exponent
	tPunct                  // any other single rune
)

// token is one lexeme: a byte range, its kind and, for words, its class in
// the number lexicon (an index into numberInfo, kept small because the
// whole text is lexed).
type token struct {
	start, end int
	kind       uint8
	wi         uint8
}

// w returns the token's class in the number lexicon.
func (t token) w() wordInfo { return numberInfo[t.wi] }

// lex splits s into tokens, appending to dst. Whitespace separates tokens
// and is not kept; gaps are recovered from the offsets. It also appends to
// cands the index of every token where Scan must look: the tokens that can
// start a number (digits, number words, "-", "+", non-ASCII marks such as
// "½") and the words that start a URL. The other tokens, most of a text,
// Scan skips without looking at them.
func lex(s string, dst []token, cands []int32) ([]token, []int32) {
	i := 0
	for i < len(s) {
		c := s[i]
		cl := byteClass[c]
		switch {
		case cl == bSpace:
			i++
		case cl == bDigit || c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1])):
			j := i + 1
			for j < len(s) {
				if isDigit(s[j]) {
					j++
					continue
				}
				if (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1]) && j > i && isDigit(s[j-1]) {
					j += 2
					continue
				}
				break
			}
			// exponent: 1e10, 12.32e+14, -12e-1
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				k := j + 1
				if k < len(s) && (s[k] == '+' || s[k] == '-') {
					k++
				}
				if k < len(s) && isDigit(s[k]) {
					for k < len(s) && isDigit(s[k]) {
						k++
					}
					if k >= len(s) || !isLetterByte(s[k]) {
						j = k
					}
				}
			}
			cands = append(cands, int32(len(dst)))
			dst = append(dst, token{start: i, end: j, kind: tNum})
			i = skipSpace(s, j)
		case cl == bLetter:
			// letterRun, with its first step written out: most words end
			// within it, and lex then calls nothing for them (a call
			// makes it save and reload its registers)
			var j int
			if i+9 <= len(s) {
				if other := ^letterBits(load64(s, i+1)) & highs; other != 0 {
					j = i + 1 + bits.TrailingZeros64(other)/8
				} else {
					j = letterRun(s, i+9)
				}
			} else {
				j = letterRun(s, i+1)
			}
			// continue over non-ASCII letters
			for j < len(s) && s[j] >= 0x80 {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
				for j < len(s) && isLetterByte(s[j]) {
					j++
				}
			}
			t := token{start: i, end: j, kind: tWord}
			// most words fail the prefix test: no number word and no URL
			if n := j - i; n == 1 {
				if t.wi = oneLetterWord[c]; t.wi != 0 {
					cands = append(cands, int32(len(dst)))
				}
			} else if n <= 12 && lexPrefix[uint(c&31)<<5|uint(s[i+1]&31)]&(1<<n) != 0 {
				t.wi = lexWord(s, i, j)
				if t.wi != 0 || urlAt(s, i) > 0 {
					cands = append(cands, int32(len(dst)))
				}
			}
			dst = append(dst, t)
			i = skipSpace(s, j)
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				j := i + n
				for j < len(s) {
					if isLetterByte(s[j]) {
						j++
						continue
					}
					if s[j] >= 0x80 {
						r2, n2 := utf8.DecodeRuneInString(s[j:])
						if unicode.IsLetter(r2) {
							j += n2
							continue
						}
					}
					break
				}
				dst = append(dst, token{start: i, end: j, kind: tWord})
				i = j
				continue
			}
			cands = append(cands, int32(len(dst)))
			dst = append(dst, token{start: i, end: i + n, kind: tPunct})
			i += n
		default:
			if c == '-' || c == '+' {
				cands = append(cands, int32(len(dst)))
			}
			dst = append(dst, token{start: i, end: i + 1, kind: tPunct})
			i = skipSpace(s, i+1)
		}
	}
	return dst, cands
}

// skipSpace returns j, or j+1 when a space is at j: most tokens are
// followed by one, which lex then passes without going round its loop.
func skipSpace(s string, j int) int {
	if j < len(s) && s[j] == ' ' {
		j++
	}
	return j
}

// letterRun returns the end of the run of ASCII letters in s from j on.
// It tests eight bytes at a time: most words end within the first eight,
// so the loop exits once per word instead of once per letter.
func letterRun(s string, j int) int {
	for j+8 <= len(s) {
		if other := ^letterBits(load64(s, j)) & highs; other != 0 {
			return j + bits.TrailingZeros64(other)/8
		}
		j += 8
	}
	for j < len(s) && isLetterByte(s[j]) {
		j++
	}
	return j
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// letterBits returns the top bit of each byte of x that is an ASCII
// letter: each byte lower-cased and without its top bit (x|0x20 maps
// 'A'..'Z' onto 'a'..'z' and no other byte onto them); adding 0x80-'a'
// and 0x80-'z'-1 then sets a byte's top bit when it is >= 'a' and > 'z',
// with no carry between bytes (y <= 0x7f).
func letterBits(x uint64) uint64 {
	y := (x | 0x20*ones) &^ highs
	return (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) &^ x & highs
}

// load64 reads s[i:i+8] as a little-endian word (the compiler makes this
// one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lexWord returns numberIndex.GetFold(s[i:j]) for the letters s[i:j].
// A word of up to eight letters is read as one integer, lower-cased at
// once, and looked up in shortNumbers, with no string hashed or compared.
func lexWord(s string, i, j int) uint8 {
	if n := j - i; n <= 8 && i+8 <= len(s) {
		m := ^uint64(0) >> (64 - 8*n)
		x := load64(s, i)&m | 0x20*ones&m
		for h := int(x*0x9e3779b97f4a7c15>>56) & (len(shortNumbers) - 1); ; h = (h + 1) & (len(shortNumbers) - 1) {
			switch e := shortNumbers[h]; e.key {
			case x:
				return e.wi
			case 0:
				return 0
			}
		}
	}
	wi, _ := numberIndex.GetFold(s[i:j])
	return wi
}

// shortNumbers holds the number words of up to eight letters, each as
// its bytes little-endian (the length needs no field: letters are no zero
// bytes), open-addressed by the top byte of the key times a Fibonacci
// constant. lexWord ORs 0x20 into every byte of a word: that lower-cases
// ASCII letters and makes any other byte (a non-ASCII letter, >= 0x80)
// one that no key holds.
var shortNumbers = func() (t [256]struct {
	key uint64
	wi  uint8
}) {
	for w := range numberWords {
		if len(w) > 8 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue // lexWord passes such words to numberIndex
		}
		var x uint64
		for k := len(w) - 1; k >= 0; k-- {
			x = x<<8 | uint64(w[k])
		}
		wi, _ := numberIndex.Get(w)
		h := int(x*0x9e3779b97f4a7c15>>56) & (len(t) - 1)
		for t[h].key != 0 {
			h = (h + 1) & (len(t) - 1)
		}
		t[h].key, t[h].wi = x, wi
	}
	return t
}()

// lexPrefix is prefix2 with the starts of URLs added ("http", "https",
// "www"): the words of two letters or more that lex looks up. It is
// indexed by the low five bits of the first two bytes, which are the same
// for a letter in either case, so that lex needs neither to lower-case
// them nor to check the index. Other second bytes can share a pair's
// entry: lex meets only non-ASCII ones (a word's second byte is a letter),
// and for those the lookups it then makes find nothing.
var lexPrefix = func() (t [32 * 32]uint16) {
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			t[uint(a&31)<<5|uint(b&31)] = prefix2[int(a-'a')*26+int(b-'a')]
		}
	}
	t[uint('h'&31)<<5|uint('t'&31)] |= 1<<4 | 1<<5
	t[uint('w'&31)<<5|uint('w'&31)] |= 1 << 3
	return t
}()

// oneLetterWord holds lookupWord of each one-letter word ("a").
var oneLetterWord = func() (t [256]uint8) {
	for c := range 256 {
		if byteClass[c] == bLetter {
			t[c] = lookupWord(string(rune(c)))
		}
	}
	return t
}()

// byte classes of the lexer
const (
	bOther uint8 = iota
	bSpace
	bDigit
	bLetter
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r\f\v") {
		t[c] = bSpace
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = bDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = bLetter, bLetter
	}
	return t
}()

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// hspace reports whether s[a:b] is empty or only horizontal white space:
// the tokens around it may belong to one number.
//
// One line break counts as space when the next line is not indented: hard-
// wrapped wire copy breaks lines inside phrases ("20,000\ntonnes"), while
// an indented line or a blank line starts a new paragraph.
func hspace(s string, a, b int) bool {
	if b-a > 8 {
		return false
	}
	nl := false
	for k := a; k < b; k++ {
		switch s[k] {
		case ' ', '\t':
		case '\r':
			if k+1 >= b || s[k+1] != '\n' {
				return false
			}
		case '\n':
			if nl || b-k-1 > 1 {
				return false
			}
			nl = true
		default:
			return false
		}
	}
	return true
}

// lowerASCII writes the ASCII-lowercased w into buf and returns it; words
// longer than buf are returned unchanged (they are never number words).
func lowerASCII(w string, buf []byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return buf[:len(w)]
}
