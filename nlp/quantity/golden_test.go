package quantity

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render prints figures one a line, for golden files.
func render(qs []sitrep.Quantity) string {
	var b strings.Builder
	num := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	for _, q := range qs {
		fmt.Fprintf(&b, "%s\t%q\tvalue=%s min=%s max=%s approx=%v qual=%q unit=%q category=%s modality=%s sentence=%d\n",
			q.ID, q.Text, num(q.Value), num(q.Min), num(q.Max), q.Approximate, q.Qualifier, q.Unit, q.Category, q.Modality, q.Sentence)
	}
	return b.String()
}

// TestGolden checks the figures of a made-up article against
// testdata/article.golden (refresh with -update after reviewing the diff).
func TestGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := render(Extract(text.Segment(string(in)), Options{}))
	if *update {
		if err := os.WriteFile("testdata/article.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/article.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("figures differ from testdata/article.golden:\n got:\n%s\nwant:\n%s", got, want)
	}
}
