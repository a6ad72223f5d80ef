package polnear

import (
	"strings"
	"testing"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

const line = `{"id": "a1", "annotator": "x", "text": "“Déjà vu,” Ann said, “again.”", "attributions": [{"id": "E1", "type": "Attribution", "source": {"fragments": [[11, 14]], "text": "Ann"}, "cue": {"fragments": [[15, 19]], "text": "said"}, "content": {"fragments": [[0, 10], [21, 29]], "text": "“Déjà vu,” “again.”"}}]}
{"id": "a1", "annotator": "y", "text": "“Déjà vu,” Ann said, “again.”", "attributions": []}
`

func TestReadConvertsCodePoints(t *testing.T) {
	docs, err := Read(strings.NewReader(line), "test", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d docs, want the first annotator only", len(docs))
	}
	d := docs[0]
	a := d.Attributions[0]
	if got := a.Source[0].Of(d.Text); got != "Ann" {
		t.Errorf("source = %q", got)
	}
	if got := a.Content[1].Of(d.Text); got != "“again.”" {
		t.Errorf("content[1] = %q", got)
	}
	all, _ := Read(strings.NewReader(line), "test", true)
	if len(all) != 2 {
		t.Errorf("all annotators: got %d docs, want 2", len(all))
	}
}

func TestScore(t *testing.T) {
	docs, _ := Read(strings.NewReader(line), "test", false)
	d := docs[0]
	g := d.Attributions[0]
	pred := []Attribution{{
		Content: Span{g.Content[0]},                                              // one fragment of two: overlap, not exact
		Source:  g.Source,                                                        // exact
		Cue:     Span{sitrep.Span{Start: g.Cue[0].Start, End: g.Cue[0].End + 1}}, // "said,": overlap only
	}, {
		Cue: Span{sitrep.Span{Start: 0, End: 3}}, // overlaps nothing of role cue
	}}
	s := NewScore()
	s.Add(d.Text, d.Attributions, pred)
	for _, c := range []struct {
		name string
		got  *Counts
		p, r float64
	}{
		{"overlap content", s.Overlap["content"], 1, 1},
		{"exact content", s.Exact["content"], 0, 0},
		{"exact source", s.Exact["source"], 1, 1},
		{"overlap cue", s.Overlap["cue"], 0.5, 1},
		{"exact cue", s.Exact["cue"], 0, 0},
	} {
		if c.got.P() != c.p || c.got.R() != c.r {
			t.Errorf("%s: P %.2f R %.2f, want %.2f %.2f", c.name, c.got.P(), c.got.R(), c.p, c.r)
		}
	}
}

// FuzzRead checks that any input either fails with an error or gives spans
// inside the text that start and end on character boundaries, and that
// scoring the gold against itself never fails.
func FuzzRead(f *testing.F) {
	f.Add(line)
	f.Add(`{"text":"ab","attributions":[{"cue":{"fragments":[[2,1],[-1,3],[0,9]]}}]}`)
	f.Add("{\"text\":\"\xff\xfe\",\"attributions\":[{\"content\":{\"fragments\":[[0,1]]}}]}\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := Read(strings.NewReader(s), "fuzz", true)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, a := range d.Attributions {
				for _, r := range Roles {
					for _, sp := range a.Role(r) {
						if !sp.Valid(len(d.Text)) || !utf8.RuneStart(byteAt(d.Text, sp.Start)) || !utf8.RuneStart(byteAt(d.Text, sp.End)) {
							t.Fatalf("%s span %v bad in %q", r, sp, d.Text)
						}
					}
				}
			}
			sc := NewScore()
			sc.Add(d.Text, d.Attributions, d.Attributions)
		}
	})
}

// byteAt is the byte at i, or an ASCII byte at the end of s.
func byteAt(s string, i int) byte {
	if i >= len(s) {
		return ' '
	}
	return s[i]
}
