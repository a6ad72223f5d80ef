package quantity

import (
	"io/fs"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep/internal/corpus"
)

// TestLexSound checks lex against lexRef, the lexer as it was before lex
// read the first eight letters of a word inline, passed the space after a
// token without going round its loop and indexed its prefix table by five
// bits a byte: the same tokens and candidates on every file of the eval
// corpora (../shared/eval), as written, upper- and lower-cased, and on
// random bytes.
func TestLexSound(t *testing.T) {
	var texts []string
	root := corpus.Shared(t, "eval")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		b = b[:min(len(b), 4<<20)]
		for len(b) > 0 {
			n := min(len(b), 1<<16)
			texts = append(texts, string(b[:n]))
			b = b[n:]
		}
		return nil
	})
	if len(texts) < 100 {
		t.Fatalf("only %d texts", len(texts))
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("aAbBhHtTwWzZ09 .,-+\n\t\xc3\xa9\xbd\xe2\x80\x94:/")
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		texts = append(texts, string(b))
	}
	var toks, refToks []token
	var cands, refCands []int32
	for _, s := range texts {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
			toks, cands = lex(v, toks[:0], cands[:0])
			refToks, refCands = lexRef(v, refToks[:0], refCands[:0])
			if !slices.Equal(toks, refToks) || !slices.Equal(cands, refCands) {
				t.Fatalf("lex and lexRef differ on %q", v[:min(len(v), 200)])
			}
		}
	}
}

func lexRef(s string, dst []token, cands []int32) ([]token, []int32) {
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
			i = j
		case cl == bLetter:
			j := letterRunRef(s, i+1)
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
			} else if a, b := c|0x20, s[i+1]|0x20; n <= 12 && b >= 'a' && b <= 'z' && lexPrefixRef[int(a-'a')*26+int(b-'a')]&(1<<n) != 0 {
				t.wi, _ = numberIndex.GetFold(s[i:j])
				if t.wi != 0 || urlAt(s, i) > 0 {
					cands = append(cands, int32(len(dst)))
				}
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
			cands = append(cands, int32(len(dst)))
			dst = append(dst, token{start: i, end: i + n, kind: tPunct})
			i += n
		default:
			if c == '-' || c == '+' {
				cands = append(cands, int32(len(dst)))
			}
			dst = append(dst, token{start: i, end: i + 1, kind: tPunct})
			i++
		}
	}
	return dst, cands
}

// letterRun returns the end of the run of ASCII letters in s from j on.
// It tests eight bytes at a time: most words end within the first eight,
// so the loop exits once per word instead of once per letter.
func letterRunRef(s string, j int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for j+8 <= len(s) {
		x := load64(s, j)
		// each byte lower-cased and without its top bit (x|0x20 maps
		// 'A'..'Z' onto 'a'..'z' and no other byte onto them); adding
		// 0x80-'a' and 0x80-'z'-1 then sets a byte's top bit when it is
		// >= 'a' and > 'z', with no carry between bytes (y <= 0x7f)
		y := (x | 0x20*ones) &^ highs
		letters := (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) &^ x & highs
		if other := ^letters & highs; other != 0 {
			return j + bits.TrailingZeros64(other)/8
		}
		j += 8
	}
	for j < len(s) && isLetterByte(s[j]) {
		j++
	}
	return j
}

var lexPrefixRef = func() [26 * 26]uint16 {
	t := prefix2
	t[int('h'-'a')*26+int('t'-'a')] |= 1<<4 | 1<<5
	t[int('w'-'a')*26+int('w'-'a')] |= 1 << 3
	return t
}()

// TestLexWord checks lexWord against numberIndex.GetFold on every number
// word, upper-cased, capitalised, one letter short and long, glued to a
// non-ASCII letter, at the end of a text and inside one.
func TestLexWord(t *testing.T) {
	var ws []string
	for w := range numberWords {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[:len(w)-1], w+"s", w+"é", "é"+w, w+"x")
	}
	for _, w := range ws {
		if len(w) < 2 {
			continue
		}
		want, _ := numberIndex.GetFold(w)
		for _, s := range []string{w, w + " and so on", "x " + w + " more text here"} {
			i := strings.Index(s, w)
			if got := lexWord(s, i, i+len(w)); got != want {
				t.Fatalf("lexWord(%q) = %d, want %d", w, got, want)
			}
		}
	}
}
