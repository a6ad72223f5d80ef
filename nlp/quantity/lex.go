package quantity

import (
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
// and is not kept; gaps are recovered from the offsets.
func lex(s string, dst []token) []token {
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
			dst = append(dst, token{start: i, end: j, kind: tNum})
			i = j
		case cl == bLetter:
			j := i + 1
			for j < len(s) && byteClass[s[j]] == bLetter {
				j++
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
			// the prefix test of lookupWord, inline: most words fail it
			if n := j - i; n == 1 || n <= 12 && mayBeNumberWord(s[i], s[i+1], n) {
				t.wi = lookupWord(s[i:j])
			}
			dst = append(dst, t)
			i = j
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
			dst = append(dst, token{start: i, end: i + n, kind: tPunct})
			i += n
		default:
			dst = append(dst, token{start: i, end: i + 1, kind: tPunct})
			i++
		}
	}
	return dst
}

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
