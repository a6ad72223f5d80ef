package entity

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestLargeDocument guards against work that grows faster than the text:
// one 1 MB document must take about as long as its parts.
func TestLargeDocument(t *testing.T) {
	texts := reuters(t, 1200)
	big := strings.Join(texts, "\n\n")
	doc := text.Segment(big)
	r := Default()
	start := time.Now()
	ents := r.Recognize(doc)
	el := time.Since(start)
	checkSpans(t, doc, ents)
	if el > 20*time.Second {
		t.Errorf("a %d-byte document took %s", len(big), el)
	}
	t.Logf("%d bytes, %d entities in %s", len(big), len(ents), el)
}
