package entity

import (
	"slices"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestCachedScoresSame checks that the tagger's score caches (dense
// tables, word and shape caches shared across documents) change no label.
func TestCachedScoresSame(t *testing.T) {
	r := Default()
	wc := new(wordCache)
	for k, s := range reuters(t, 200) {
		d := text.Segment(s)
		want := slices.Clone(r.model.tagDoc(newDocState(d, r.lex)))
		st := newDocState(d, r.lex)
		st.cache = wc
		if got := r.model.tagDoc(st); !slices.Equal(got, want) {
			t.Fatalf("doc %d: cached labels differ:\n got %v\nwant %v", k, got, want)
		}
	}
}
