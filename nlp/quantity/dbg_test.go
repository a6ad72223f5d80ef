package quantity

import (
	"fmt"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestDbgReuters(t *testing.T) {
	texts := reuters(t, 400)
	for _, s := range texts[300:340] {
		doc := text.Segment(s)
		for _, q := range Extract(doc, Options{}) {
			if q.Category == "money" || q.Category == "percent" {
				continue
			}
			ctx := s[max(0, q.Start-25):min(len(s), q.End+25)]
			fmt.Printf("%-32q v=%v min=%v max=%v %q/%s  ||%q\n", q.Text, p(q.Value), p(q.Min), p(q.Max), q.Unit, q.Category, ctx)
		}
	}
}
