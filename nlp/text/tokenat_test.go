package text

import (
	"strings"
	"testing"
)

// TestTokenAt compares TokenAt and SentenceOf with linear scans at every
// offset, on segmented text and on hand-built Docs whose sentences do not
// cover their tokens or whose tokens bunch at one end.
func TestTokenAt(t *testing.T) {
	docs := []*Doc{
		{Text: "ab cd ef", Tokens: []Token{{0, 2, Word, 0}, {3, 5, Word, 0}, {6, 8, Word, 0}},
			Sentences: []Sentence{{Start: 3, End: 5, First: 1, Last: 2}}},
		{Text: "ab cd ef", Tokens: []Token{{0, 2, Word, 0}, {3, 5, Word, 0}, {6, 8, Word, 0}},
			Sentences: []Sentence{{Start: 0, End: 8, First: 0, Last: 1}}},
		Segment(""),
		{Text: strings.Repeat("x", 200) + " a b c d e f g h i j k l",
			Tokens: []Token{{200, 202, Word, 0}, {202, 204, Word, 0}, {204, 206, Word, 0}, {206, 208, Word, 0}, {208, 210, Word, 0},
				{210, 212, Word, 0}, {212, 214, Word, 0}, {214, 216, Word, 0}, {216, 218, Word, 0}, {218, 220, Word, 0}, {220, 222, Word, 0}}},
		Segment("Subscribe\nFloods hit the coast.\n\n## Heading\nRain fell. It stopped."),
	}
	for _, s := range reuters(t, 100) {
		docs = append(docs, Segment(s))
	}
	for _, d := range docs {
		for off := -1; off <= len(d.Text)+1; off++ {
			want := len(d.Tokens)
			for i, tok := range d.Tokens {
				if tok.End > off {
					want = i
					break
				}
			}
			if got := d.TokenAt(off); got != want {
				t.Fatalf("%q: TokenAt(%d) = %d, want %d", d.Text[:min(len(d.Text), 40)], off, got, want)
			}
			wantS := -1
			for i, s := range d.Sentences {
				if s.End > off {
					if s.Start <= off {
						wantS = i
					}
					break
				}
			}
			if got := d.SentenceOf(off); got != wantS {
				t.Fatalf("%q: SentenceOf(%d) = %d, want %d", d.Text[:min(len(d.Text), 40)], off, got, wantS)
			}
		}
	}
}
