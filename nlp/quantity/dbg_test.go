package quantity

import (
	"fmt"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestDbgReuters(t *testing.T) {
	texts := reuters(t, 60)
	for _, s := range texts[40:60] {
		doc := text.Segment(s)
		for _, q := range Extract(doc, Options{}) {
			fmt.Printf("%-45q v=%v min=%v max=%v ~%v %q/%s\n", q.Text, p(q.Value), p(q.Min), p(q.Max), q.Approximate, q.Unit, q.Category)
		}
	}
}
