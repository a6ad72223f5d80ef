package text

import "testing"

// TestPlainWordShape checks the shape that scanWord sets on plain words
// against shape itself, and that plain words hold no clitic.
func TestPlainWordShape(t *testing.T) {
	texts := append([]string{
		"IBM and AT&T said Q3 profit rose; COVID-19 hit F-16 makers. U.S. Gen. Smith's No. 1 plan isn't mine.",
		"aB Ab AB a A x1 X1 1x ÉCOLE école naïve 'tis o'clock",
	}, reuters(t, 300)...)
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			if !isLetterByte(s[i]) || i > 0 && (isLetterByte(s[i-1]) || isDigitByte(s[i-1])) {
				continue
			}
			tok, plain := scanWord(s, i)
			if !plain {
				continue
			}
			want := Token{Start: tok.Start, End: tok.End, Kind: Word, Flags: shape(s, tok.Start, tok.End)}
			if tok != want {
				t.Fatalf("%q: scanWord %+v, shape %+v", s[tok.Start:tok.End], tok, want)
			}
			if c := cliticStart(s, tok.Start, tok.End); c != tok.Start {
				t.Fatalf("%q: a plain word with a clitic", s[tok.Start:tok.End])
			}
		}
	}
}

// TestAlnumPrefix compares alnumPrefix with asciiClass's byte loop on
// words of bytes around the class boundaries.
func TestAlnumPrefix(t *testing.T) {
	edges := []byte{0, ' ', '/', '0', '5', '9', ':', '@', 'A', 'M', 'Z', '[', '`', 'a', 'q', 'z', '{', 0x7f, 0x80, 0xaf, 0xc0, 0xe2, 0xff}
	check := func(s string) {
		t.Helper()
		wantN, wantK := 0, uint8(0)
		for wantN < 8 && asciiClass[s[wantN]] != 0 {
			wantK |= asciiClass[s[wantN]]
			wantN++
		}
		if n, k := alnumPrefix(load64(s, 0)); n != wantN || k != wantK {
			t.Fatalf("%q: alnumPrefix = %d, %b; want %d, %b", s, n, k, wantN, wantK)
		}
	}
	// every byte at every position among letters
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			b := []byte("abcdWXYZ")
			b[pos] = byte(c)
			check(string(b))
		}
	}
	var b [8]byte
	seed := uint32(1)
	for n := 0; n < 200000; n++ {
		for i := range b {
			seed = seed*1664525 + 1013904223
			// mostly letters and digits, so that long prefixes occur
			if seed>>28 < 11 {
				b[i] = "aZ3kQ9mB"[seed>>24&7]
			} else {
				b[i] = edges[int(seed>>16)%len(edges)]
			}
		}
		check(string(b[:]))
	}
}
