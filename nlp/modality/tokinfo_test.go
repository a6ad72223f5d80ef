package modality

import (
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestTokInfo checks tokInfo, which reads tokens of up to eight bytes as
// one integer, against the WordMap lookup it replaces: on every token of
// Reuters articles as written, upper- and lower-cased, on every key and
// its case variants, and on each of them alone and at the end of a text
// (where fewer than eight bytes follow the token).
func TestTokInfo(t *testing.T) {
	var texts []string
	for w := range wordInfos {
		texts = append(texts, w, w+" x", "x "+w, strings.ToUpper(w), strings.ToLower(w), w+"s", w[:len(w)-1], w+"\x00")
	}
	texts = append(texts, "\x00", "a\x00b", "to\x00", "Zürich", "n’t", "’ll won’t", "don't", "12345678", "123456789")
	for _, s := range corpus.Reuters(t, 300) {
		texts = append(texts, s, strings.ToUpper(s), strings.ToLower(s))
	}
	n := 0
	for _, s := range texts {
		doc := text.Segment(s)
		for j, tok := range doc.Tokens {
			want, _ := words.Get(s[tok.Start:tok.End])
			if got := tokInfo(doc, j); got != want {
				t.Fatalf("tokInfo(%q) = %+v, want %+v", s[tok.Start:tok.End], got, want)
			}
			n++
		}
	}
	if n < 100000 {
		t.Fatalf("only %d tokens checked", n)
	}
}
