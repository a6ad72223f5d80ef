package event

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// referenceDetect labels the candidates of doc the plain way: every
// feature of every candidate probed in the model's hash table, no dense
// tables and no cache.
func referenceDetect(d *Detector, doc *text.Doc, tags []pos.Tag) []Trigger {
	var out []Trigger
	var ctx sentCtx
	ctx.init(doc, tags)
	for _, s := range doc.Sentences {
		ctx.at(s.First, s.Last)
		for i := s.First; i < s.Last; i++ {
			if !candidate(tags[i]) || doc.Tokens[i].Kind != text.Word {
				continue
			}
			var feats [maxFeats]uint64
			n := ctx.features(&feats, i)
			var scores row
			if lab := d.sum(&scores, feats[:n]); lab != 0 {
				out = append(out, Trigger{Token: i, Span: doc.Span(i, i+1), Class: Classes[lab], Lemma: ctx.lemma(i)})
			}
		}
	}
	return out
}

// TestDetectMatchesReference checks that the dense tables and the word
// cache change no label: over Reuters articles, detected one after another
// through one cache (words met again come from it), and over text with
// typographic apostrophes and accented capitals, whose words bypass it.
func TestDetectMatchesReference(t *testing.T) {
	texts := corpus.Reuters(t, 400)
	texts = append(texts,
		"He didn’t say. He didn't say. They don’t expect ÉCOLE or École to reopen; the Café closed.",
		"Workers STRIKED and Strikes spread; the STRIKES ended. “We won’t,” she said — officials’ talks failed.")
	d := DefaultDetector()
	tagger := pos.Default()
	for round := range 2 {
		for _, s := range texts {
			doc := text.Segment(s)
			tags := tagger.Tag(doc)
			want := referenceDetect(d, doc, tags)
			got := d.Detect(doc, tags)
			if len(got) != len(want) {
				t.Fatalf("round %d: %d triggers, reference %d in %.60q", round, len(got), len(want), s)
			}
			for k := range got {
				if got[k] != want[k] {
					t.Fatalf("round %d: trigger %+v, reference %+v", round, got[k], want[k])
				}
			}
		}
	}
}

// sum adds the weights of feats to scores and returns the best label.
func (d *Detector) sum(scores *[numLabels]int32, feats []uint64) int {
	for _, f := range feats {
		if r := d.row(f); r != nil {
			for l := range scores {
				scores[l] += int32(r[l])
			}
		}
	}
	return argmax(scores)
}

// TestLowMatchesToLower checks extractor.low, with its cache of
// capitalised words kept across documents, against strings.ToLower.
func TestLowMatchesToLower(t *testing.T) {
	d := DefaultDetector()
	for _, s := range []string{
		"The THE the tHe İstanbul ÉCOLE École \u212Aelvin U.S. McDonald's IN In in.",
		"In THE The Us US us uS İSTANBUL Kelvin \u212A MCDONALD'S Don’t DON’T.",
	} {
		doc := text.Segment(s)
		x := d.extractor(doc, pos.Default().Tag(doc), nil)
		for i := range doc.Tokens {
			for range 2 {
				if got, want := x.low(i), strings.ToLower(doc.Tok(i)); got != want {
					t.Errorf("low(%q) = %q, want %q", doc.Tok(i), got, want)
				}
			}
		}
		d.release(x)
	}
}

// TestIsMatchesLow checks x.is against comparing the lower-cased token,
// for tokens with capitals, İ and the Kelvin sign (which lower-case to
// ASCII letters).
func TestIsMatchesLow(t *testing.T) {
	d := DefaultDetector()
	words := []string{"in", "if", "it", "kit", "key", "of", "and", "the", "at", "least", "inn"}
	for _, s := range []string{
		"İn IN In in İf Key Kit KİT İnn kit Of AND The AT Least at least İt it.",
		"İstanbul ÉCOLE Kelvin Don’t IN inn İNN.",
	} {
		doc := text.Segment(s)
		x := d.extractor(doc, pos.Default().Tag(doc), nil)
		for i := range doc.Tokens {
			for _, w := range words {
				if got, want := x.is(i, w), strings.ToLower(doc.Tok(i)) == w; got != want {
					t.Errorf("is(%q, %q) = %v, want %v", doc.Tok(i), w, got, want)
				}
			}
		}
		d.release(x)
	}
}

// TestSkippedCandidatesChangeNothing checks that Extract, whose detector
// skips the nouns and adjectives the lexicon does not know, gives the
// events it gives when every candidate is scored, over Reuters articles
// with the test entities.
func TestSkippedCandidatesChangeNothing(t *testing.T) {
	n := 0
	for _, s := range corpus.Reuters(t, 600) {
		doc := text.Segment(s)
		opts := Options{Tags: pos.Default().Tag(doc), Entities: entities(doc)}
		got, want := extractWith(doc, opts, true), extractWith(doc, opts, false)
		if len(got) != len(want) {
			t.Fatalf("%d events, %d when every candidate is scored, in %.80q", len(got), len(want), s)
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("event %+v, %+v when every candidate is scored", got[k], want[k])
			}
		}
		n += len(got)
	}
	if n < 100 {
		t.Fatalf("only %d events", n)
	}
}

// TestExtractConcurrentSame checks that goroutines extracting at once,
// each with extractors (and caches) the detector hands around, get the
// events of a sequential run.
func TestExtractConcurrentSame(t *testing.T) {
	texts := corpus.Reuters(t, 200)
	docs := make([]*text.Doc, len(texts))
	opts := make([]Options, len(texts))
	want := make([][]sitrep.Event, len(texts))
	for k, s := range texts {
		docs[k] = text.Segment(s)
		opts[k] = Options{Tags: pos.Default().Tag(docs[k]), Entities: entities(docs[k])}
		want[k] = Extract(docs[k], opts[k])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				k = (k + 50*g) % len(docs)
				got := Extract(docs[k], opts[k])
				if len(got) != len(want[k]) {
					errs <- fmt.Sprintf("doc %d: %d events, sequentially %d", k, len(got), len(want[k]))
					return
				}
				for j := range got {
					if got[j] != want[k][j] {
						errs <- fmt.Sprintf("doc %d: %+v, sequentially %+v", k, got[j], want[k][j])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestHashLowerASCII checks hashLowerASCII against hashLower, and its
// report of ASCII words.
func TestHashLowerASCII(t *testing.T) {
	for _, s := range []string{"", "a", "Said", "SAID", "said", "McDonald's", "U.S.", "Zürich", "Don’t", "DON’T", "don‘t", "İstanbul", "\u212Aelvin", "@#[]`{", "x\xe2\x80"} {
		h, ascii := hashLowerASCII(s)
		if want := hashLower(s); h != want {
			t.Errorf("hashLowerASCII(%q) = %x, hashLower %x", s, h, want)
		}
		if ascii != isASCII(s) {
			t.Errorf("hashLowerASCII(%q) ASCII %v", s, ascii)
		}
	}
}
