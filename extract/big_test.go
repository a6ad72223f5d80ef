package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLargePages checks that pages far larger than an article, which
// trafilatura handles in quadratic time, come back quickly through the
// linear fallbacks.
func TestLargePages(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Big</title></head><body><nav><a href=/>Home</a></nav><article>")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d says that officials met on Monday to discuss the budget and the harbor.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	var flat strings.Builder
	for i := 0; i < 40_000; i++ {
		fmt.Fprintf(&flat, "<div><span>x%d</span><a href=/%d>l</a></div>", i, i)
	}
	for name, page := range map[string]string{"paragraphs": b.String(), "elements": flat.String()} {
		start := time.Now()
		doc, err := Extract([]byte(page), Options{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(page), d)
		}
		if name == "paragraphs" && (!strings.Contains(doc.Text, "Paragraph 30000 says") || strings.Contains(doc.Text, "Home") || doc.Title != "Big") {
			t.Errorf("%s: title %q, text %.200q", name, doc.Title, doc.Text)
		}
	}
}
