package entity

import (
	"slices"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestCachedScoresSame checks that the tagger's score caches (dense
// tables, word, shape and lexicon caches shared across documents, batched
// scoring) change no feature and no label.
func TestCachedScoresSame(t *testing.T) {
	r := Default()
	wc := new(wordCache)
	for k, s := range reuters(t, 200) {
		d := text.Segment(s)
		ref := newDocState(d, r.lex)
		st := new(docState)
		st.cache = wc
		st.init(d, r.lex)
		if !slices.Equal(st.infos, ref.infos) {
			t.Fatalf("doc %d: token infos differ with the lexicon cache", k)
		}
		want := slices.Clone(r.model.tagDoc(ref))
		for i := range ref.gaz {
			if ref.gaz[i].n != st.gaz[i].n || len(ref.gaz[i].es) != len(st.gaz[i].es) {
				t.Fatalf("doc %d token %d: gazetteer hit %v, want %v", k, i, st.gaz[i], ref.gaz[i])
			}
		}
		if got := r.model.tagDoc(st); !slices.Equal(got, want) {
			t.Fatalf("doc %d: cached labels differ:\n got %v\nwant %v", k, got, want)
		}
	}
}
