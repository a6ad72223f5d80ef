package entity

import (
	"bytes"
	"testing"

	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// reuters returns up to n articles of the Reuters-21578 sample, skipping the
// test when the shared corpora are absent.
func reuters(tb testing.TB, n int) []string { return corpus.Reuters(tb, n) }

func BenchmarkRecognize(b *testing.B) {
	texts := reuters(b, 300)
	docs := make([]*text.Doc, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = text.Segment(t)
		size += len(t)
	}
	r := Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			r.Recognize(d)
		}
	}
}

func BenchmarkLoadModel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadWordLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadWordLexicon()
	}
}
