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
			want := Token{Start: tok.Start, End: tok.End, Kind: Word}
			shape(s, &want)
			if tok != want {
				t.Fatalf("%q: scanWord %+v, shape %+v", s[tok.Start:tok.End], tok, want)
			}
			if c := cliticStart(s, tok.Start, tok.End); c != tok.Start {
				t.Fatalf("%q: a plain word with a clitic", s[tok.Start:tok.End])
			}
		}
	}
}
