package entity

import (
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestNormKeys checks normKeys, which builds every key of a document in one
// buffer, against the key said plainly: lower case, runs of spaces
// squashed, without a leading "the".
func TestNormKeys(t *testing.T) {
	norm := func(s string) string { return strings.TrimPrefix(strings.ToLower(squash(s)), "the ") }
	doc := text.Segment("The United  States and the Kremlin met The Hague.\n" +
		"THE   NEW\tYORK Times quoted Zelenskyy's office in Київ and the  Élysée.\n" +
		"Theodore Roosevelt and the the Netherlands, then “The Guardian”.")
	var ms []mention
	for _, s := range doc.Sentences {
		for first := s.First; first < s.Last; first++ {
			for last := first; last < min(first+4, s.Last); last++ {
				ms = append(ms, mention{first: first, last: last})
			}
		}
	}
	var rs resolveScratch
	rs.normKeys(doc, ms)
	if len(rs.keys) != len(ms) {
		t.Fatalf("%d keys for %d mentions", len(rs.keys), len(ms))
	}
	for i := range ms {
		if want := norm(ms[i].text(doc)); rs.keys[i] != want {
			t.Errorf("key of %q = %q, want %q", ms[i].text(doc), rs.keys[i], want)
		}
	}
}
