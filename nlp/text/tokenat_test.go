package text

import "testing"

// TestTokenAt compares TokenAt with a linear scan at every offset, on
// segmented text and on a hand-built Doc whose sentences do not cover
// its tokens.
func TestTokenAt(t *testing.T) {
	docs := []*Doc{
		{Text: "ab cd ef", Tokens: []Token{{0, 2, Word, 0}, {3, 5, Word, 0}, {6, 8, Word, 0}},
			Sentences: []Sentence{{Start: 3, End: 5, First: 1, Last: 2}}},
		{Text: "ab cd ef", Tokens: []Token{{0, 2, Word, 0}, {3, 5, Word, 0}, {6, 8, Word, 0}},
			Sentences: []Sentence{{Start: 0, End: 8, First: 0, Last: 1}}},
		Segment(""),
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
		}
	}
}
