package web

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
)

// TestSegment: overlapping annotations cut the text at every boundary; each
// segment has the classes of all annotations covering it; the segments
// join back to the paragraph text.
func TestSegment(t *testing.T) {
	text := `He said "Kim sent 11,000 troops" on Monday.`
	i := strings.Index
	q0, q1 := i(text, `"`), strings.LastIndex(text, `"`)+1
	kim := i(text, "Kim")
	fig := i(text, "11,000 troops")
	mon := i(text, "Monday")
	anns := []ann{
		{start: q0, end: q1, kind: "quote", class: "a-quote", title: "quote", label: "— he"},
		{start: kim, end: kim + 3, kind: "ent", class: "a-ent", title: "Kim", href: "/entities/Kim", label: "PER"},
		{start: fig, end: fig + len("11,000 troops"), kind: "fig", class: "a-fig", title: "11000 troops"},
		{start: fig + 7, end: fig + len("11,000 troops"), kind: "ent", class: "a-ent", title: "troops"},
		{start: mon, end: mon + 6, kind: "date", class: "a-date", title: "DATE", label: "2026-01-05"},
	}
	blocks := segment(text, []sitrep.Paragraph{{Start: 0, End: len(text), Kind: "text"}}, anns)
	if len(blocks) != 1 {
		t.Fatalf("%d blocks", len(blocks))
	}
	var got []string
	var joined strings.Builder
	for _, s := range blocks[0].Segs {
		joined.WriteString(s.Text)
		got = append(got, s.Text+"|"+s.Class)
	}
	if joined.String() != text {
		t.Errorf("segments join to %q", joined.String())
	}
	want := []string{
		`He said |`,
		`"|a-quote`,
		`Kim|a-quote a-ent`,
		` sent |a-quote`,
		`11,000 |a-quote a-fig`,
		`troops|a-quote a-fig a-ent`,
		`"|a-quote`,
		` on |`,
		`Monday|a-date`,
		`.|`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range blocks[0].Segs {
		if s.Text == "Kim" && s.Href != "/entities/Kim" {
			t.Errorf("Kim links to %q", s.Href)
		}
		if s.Text == `"` && len(s.Labels) == 1 && s.Labels[0].Text != "— he" {
			t.Errorf("quote label %v", s.Labels)
		}
	}
}

func TestDimMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"## Death toll", "## |md,Death toll|"},
		{"**What officials say**", "**|md,What officials say|,**|md"},
		{"Plain heading", "Plain heading|"},
		{"##", "##|"},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range dimMarkup([]seg{{Text: tt.in}}) {
			got = append(got, s.Text+"|"+s.Class)
		}
		if g := strings.Join(got, ","); g != tt.want {
			t.Errorf("dimMarkup(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("He said \"Kim sent 11,000 troops\" on Monday.", 3, 20, 8, 12)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		n := len(text)
		clamp := func(x int) int {
			if x < 0 {
				x = -x
			}
			if n == 0 {
				return 0
			}
			return x % (n + 1)
		}
		a, b, c, d = clamp(a), clamp(b), clamp(c), clamp(d)
		anns := []ann{{start: min(a, b), end: max(a, b), kind: "x", class: "x"}, {start: min(c, d), end: max(c, d), kind: "y", class: "y", label: "l"}}
		var valid []ann
		for _, x := range anns {
			if x.start < x.end {
				valid = append(valid, x)
			}
		}
		for _, p := range [][]sitrep.Paragraph{{{Start: 0, End: n, Kind: "text"}}, splitParagraphs(text)} {
			var sb strings.Builder
			for _, bl := range segment(text, p, append([]ann(nil), valid...)) {
				for _, s := range bl.Segs {
					if s.Text == "" {
						t.Fatalf("empty segment")
					}
					sb.WriteString(s.Text)
				}
			}
			want := ""
			for _, para := range p {
				if para.Start < para.End {
					want += text[para.Start:para.End]
				}
			}
			if sb.String() != want {
				t.Fatalf("segments join to %q, want %q", sb.String(), want)
			}
		}
	})
}
