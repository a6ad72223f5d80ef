package analyze

import (
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
)

func TestDCTResolution(t *testing.T) {
	a := New()
	tests := []struct {
		name      string
		doc       sitrep.Document
		wantDCT   string
		wantSrc   string
		wantError bool
	}{
		{"flag", sitrep.Document{Text: "Talks resumed on Monday.", DCT: "2024-05-06"}, "2024-05-06", sitrep.DCTFlag, false},
		{"metadata", sitrep.Document{Text: "Talks resumed on Monday.", Published: "2024-05-06T10:00:00Z"}, "2024-05-06", sitrep.DCTMetadata, false},
		{"text", sitrep.Document{Text: "The deal was signed on March 3, 2021. Talks began on February 2, 2021."}, "2021-03-03", sitrep.DCTText, false},
		{"none", sitrep.Document{Text: "Talks resumed on Monday."}, "", sitrep.DCTNone, false},
		{"bad flag", sitrep.Document{Text: "x", DCT: "03/05/2024"}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an, err := a.Analyze(tt.doc)
			if (err != nil) != tt.wantError {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				return
			}
			if an.Document.DCT != tt.wantDCT || an.Document.DCTSource != tt.wantSrc {
				t.Errorf("dct %q from %q, want %q from %q", an.Document.DCT, an.Document.DCTSource, tt.wantDCT, tt.wantSrc)
			}
			if err := an.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSections(t *testing.T) {
	an, err := New().Analyze(sitrep.Document{Text: "Lead paragraph here.\n**Why It Matters**\nIt matters.\n## What's Next\nMore talks."})
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range an.Sections {
		heads = append(heads, s.Heading.Text)
	}
	want := []string{"", "Why It Matters", "What's Next"}
	if len(heads) != len(want) {
		t.Fatalf("sections %q, want %q", heads, want)
	}
	for i := range want {
		if heads[i] != want[i] {
			t.Errorf("section %d heading %q, want %q", i, heads[i], want[i])
		}
	}
}

func reuters(tb testing.TB, max int) []string { return corpus.Reuters(tb, max) }

// TestReutersInvariants runs the whole pipeline over real wire copy and
// checks every span and reference.
func TestReutersInvariants(t *testing.T) {
	a := New()
	for _, txt := range reuters(t, 300) {
		an, err := a.Analyze(sitrep.Document{Text: txt, DCT: "1987-03-01"})
		if err != nil {
			t.Fatal(err)
		}
		if err := an.Check(); err != nil {
			t.Fatalf("%v\n%s", err, txt)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("North Korea sent 3,000 troops to Russia on August 28, 2024, officials said. “We will win,” Kim said.")
	f.Add("**Why**\nUp to 30,000 could follow next week, according to Kyiv.")
	a := New()
	f.Fuzz(func(t *testing.T, s string) {
		an, err := a.Analyze(sitrep.Document{Text: s, DCT: "2025-09-01"})
		if err != nil {
			t.Fatal(err)
		}
		if err := an.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	docs := reuters(b, 2000)
	size := corpus.Size(docs)
	a := New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			a.Analyze(sitrep.Document{Text: d, DCT: "1987-03-01"})
		}
	}
}

func TestTitleFromLeadHeading(t *testing.T) {
	a := New()
	for _, tt := range []struct{ in, want string }{
		{"Subscribe\nFloods hit the coast\nRain fell for days, officials said.", "Floods hit the coast"},
		{"## Floods hit the coast\nRain fell for days.", "Floods hit the coast"},
		{"Rain fell for days, officials said.\nMore rain is expected", ""},
	} {
		an, _ := a.Analyze(sitrep.Document{Text: tt.in})
		if an.Document.Title != tt.want {
			t.Errorf("%q: title %q, want %q", tt.in, an.Document.Title, tt.want)
		}
	}
	an, _ := a.Analyze(sitrep.Document{Text: "Floods\nRain fell.", Title: "Given title"})
	if an.Document.Title != "Given title" {
		t.Errorf("a given title must be kept, got %q", an.Document.Title)
	}
}
