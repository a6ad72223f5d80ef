package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
)

func sentTexts(d *Doc) []string {
	out := make([]string, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = d.SentenceText(i)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbrev titles", "Adm. Jane Doe met Gen. Li Wei on Tuesday. They spoke for an hour.",
			[]string{"Adm. Jane Doe met Gen. Li Wei on Tuesday.", "They spoke for an hour."}},
		{"U.S. mid-sentence", "The U.S. Navy sent two ships. Officials confirmed it.",
			[]string{"The U.S. Navy sent two ships.", "Officials confirmed it."}},
		{"U.S. at end", "Troops returned to the U.S. The move surprised allies.",
			[]string{"Troops returned to the U.S.", "The move surprised allies."}},
		{"month abbrev", "The talks began on Sept. 4 in Geneva. Nothing was agreed.",
			[]string{"The talks began on Sept. 4 in Geneva.", "Nothing was agreed."}},
		{"initials", "John F. Kennedy was elected in 1960. He was 43.",
			[]string{"John F. Kennedy was elected in 1960.", "He was 43."}},
		{"numbers", "About 11,000 troops and 4.2 million rounds were sent. More followed.",
			[]string{"About 11,000 troops and 4.2 million rounds were sent.", "More followed."}},
		{"closing quote", "“We will win.” The minister left. He said: \"No comment.\" Then he went.",
			[]string{"“We will win.”", "The minister left.", "He said: \"No comment.\"", "Then he went."}},
		{"question in quote", "“Why now?” she asked. Nobody knew.",
			[]string{"“Why now?” she asked.", "Nobody knew."}},
		{"ellipsis", "He paused... Then he spoke again.",
			[]string{"He paused...", "Then he spoke again."}},
		{"jr", "Martin Luther King Jr. spoke in 1963. Crowds gathered.",
			[]string{"Martin Luther King Jr. spoke in 1963.", "Crowds gathered."}},
		{"heading line", "Why It Matters\nThe war goes on. Talks stalled.",
			[]string{"Why It Matters", "The war goes on.", "Talks stalled."}},
		{"markdown headings", "## What to Know\n**What's Next**\nTalks resume.",
			[]string{"What to Know", "What's Next", "Talks resume."}},
		{"chrome dropped", "Subscribe\nAdvertisement\nThe talks resumed.",
			[]string{"The talks resumed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentTexts(Segment(tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pyongyang’s forces wasn’t there", "Pyongyang|’s|forces|was|n’t|there"},
		{"The U.S. sent 11,000 troops on 8/28/2024.", "The|U.S.|sent|11,000|troops|on|8/28/2024|."},
		{"Indo-Pacific COVID-19 F-16s at 15:00 GMT", "Indo-Pacific|COVID-19|F-16s|at|15:00|GMT"},
		{"the 80th anniversary in the 1990s ($4.5bn)", "the|80th|anniversary|in|the|1990s|(|$|4.5bn|)"},
		{"O'Brien said AT&T can't", "O'Brien|said|AT&T|ca|n't"},
		{"“heroes” — Gen. Li", "“|heroes|”|—|Gen.|Li"},
	}
	for _, tt := range tests {
		d := Segment(tt.in)
		var got []string
		for i := range d.Tokens {
			got = append(got, d.Tok(i))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.in, g, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	// Hard-wrapped wire copy: indented lines start paragraphs, wrapped lines join.
	wire := "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary, Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos.\n Reuter\n"
	d := Segment(wire)
	var kinds []string
	for _, p := range d.Paragraphs {
		kinds = append(kinds, p.Kind)
	}
	if got := strings.Join(kinds, ","); got != "text,text,text,chrome" {
		t.Fatalf("paragraph kinds = %s", got)
	}
	if len(d.Sentences) != 3 {
		t.Fatalf("got %d sentences: %q", len(d.Sentences), sentTexts(d))
	}
	if d.Sentences[0].Paragraph != 0 || d.Sentences[2].Paragraph != 2 {
		t.Errorf("sentence paragraphs wrong: %+v", d.Sentences)
	}
	// A short first line that the next line continues is no heading.
	wire2 := "BankAmerica Corp is not under\npressure to act quickly on its proposed equity offering and\nwould do well to delay it, analysts said on Wednesday in New\nYork, pointing to the bank's weak earnings outlook this year.\n    The bank declined comment.\n"
	d = Segment(wire2)
	if d.Paragraphs[0].Kind != sitrep.ParagraphText || len(d.Sentences) != 2 {
		t.Fatalf("wrapped lead line: %+v %q", d.Paragraphs, sentTexts(d))
	}
	// Unwrapped web copy: each line is a paragraph.
	web := "Login to Continue Learning\nNorth Korea sent troops to Russia on August 28, 2024, according to officials who spoke on condition of anonymity.\n**Why It Matters**\nThe deployment was the first of its kind in decades, analysts said on Monday in Seoul."
	d = Segment(web)
	kinds = kinds[:0]
	for _, p := range d.Paragraphs {
		kinds = append(kinds, p.Kind)
	}
	if got := strings.Join(kinds, ","); got != "chrome,text,heading,text" {
		t.Fatalf("paragraph kinds = %s", got)
	}
}

// checkDoc verifies the invariants every Doc must keep.
func checkDoc(t testing.TB, d *Doc) {
	n := len(d.Text)
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.Start >= tok.End || tok.End > n {
			t.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, tok.Start, tok.End, prev, n)
		}
		if utf8.ValidString(d.Text) && !utf8.ValidString(d.Text[tok.Start:tok.End]) {
			t.Fatalf("token %d splits a rune: %q", i, d.Text[tok.Start:tok.End])
		}
		prev = tok.End
	}
	for i, s := range d.Sentences {
		if s.First >= s.Last || s.Last > len(d.Tokens) || s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d inconsistent: %+v", i, s)
		}
		if i > 0 && d.Sentences[i-1].Last != s.First && d.Paragraphs[s.Paragraph].Kind != sitrep.ParagraphChrome && d.Sentences[i-1].Paragraph == s.Paragraph {
			t.Fatalf("sentence %d does not follow %d", i, i-1)
		}
		p := d.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d outside its paragraph", i)
		}
	}
	for i, p := range d.Paragraphs {
		if p.Start < 0 || p.Start >= p.End || p.End > n || (i > 0 && p.Start < d.Paragraphs[i-1].End) {
			t.Fatalf("paragraph %d bad: %+v", i, p)
		}
	}
}

func TestExampleArticle(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip("example article not present")
	}
	d := Segment(string(b))
	checkDoc(t, d)
	if d.Paragraphs[0].Kind != sitrep.ParagraphChrome {
		t.Errorf("first line should be chrome: %+v", d.Paragraphs[0])
	}
	headings := 0
	for _, s := range d.Sentences {
		if s.Heading {
			headings++
		}
	}
	if headings != 4 {
		t.Errorf("headings = %d, want 4", headings)
	}
	if len(d.Sentences) < 17 || len(d.Sentences) > 21 {
		t.Errorf("sentences = %d: %q", len(d.Sentences), sentTexts(d))
	}
}

func reuters(tb testing.TB, max int) []string { return corpus.Reuters(tb, max) }

func TestReutersInvariants(t *testing.T) {
	for _, txt := range reuters(t, 2000) {
		checkDoc(t, Segment(txt))
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("Adm. Jane Doe met Gen. Li on Tuesday. “We will win,” she said.\n\n## Next\nU.S. troops...")
	f.Add("line one\n    indented\nwrapped text goes on and on\n Reuter\n")
	f.Add("**Bold**\n\x00\xff odd bytes 4.2.1 '90s n't")
	f.Fuzz(func(t *testing.T, s string) {
		checkDoc(t, Segment(s))
	})
}

func BenchmarkSegment(b *testing.B) {
	docs := reuters(b, 5000)
	size := corpus.Size(docs)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Segment(d)
		}
	}
}

// TestSegmentIntoReuse segments documents of different sizes into one Doc
// in turn: each result must equal a fresh Segment of the same text.
func TestSegmentIntoReuse(t *testing.T) {
	texts := []string{
		"A long first paragraph. It has two sentences.\n\n## Heading\nMore text follows here, officials said.",
		"Short.",
		"",
		"Subscribe\nFloods hit the coast\nRain fell for days.\n\nA second paragraph ends.",
	}
	texts = append(texts, reuters(t, 50)...)
	var d Doc
	for i, txt := range texts {
		got, want := SegmentInto(&d, txt), Segment(txt)
		if !equalDocs(got, want) {
			t.Fatalf("text %d: SegmentInto differs from Segment", i)
		}
	}
}

func equalDocs(a, b *Doc) bool {
	if a.Text != b.Text || len(a.Tokens) != len(b.Tokens) || len(a.Sentences) != len(b.Sentences) || len(a.Paragraphs) != len(b.Paragraphs) {
		return false
	}
	for i := range a.Tokens {
		if a.Tokens[i] != b.Tokens[i] {
			return false
		}
	}
	for i := range a.Sentences {
		if a.Sentences[i] != b.Sentences[i] {
			return false
		}
	}
	for i := range a.Paragraphs {
		if a.Paragraphs[i] != b.Paragraphs[i] {
			return false
		}
	}
	return true
}

// BenchmarkSegmentInto segments into one reused Doc, as analyze does with
// its pool: no allocation per document once the arrays are large enough.
func BenchmarkSegmentInto(b *testing.B) {
	docs := reuters(b, 5000)
	size := corpus.Size(docs)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var d Doc
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, txt := range docs {
			SegmentInto(&d, txt)
		}
	}
}
