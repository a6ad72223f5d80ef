package quantity

import (
	"testing"

	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// reuters returns up to n articles of the Reuters-21578 sample, skipping
// when the shared corpora are absent.
func reuters(tb testing.TB, n int) []string { return corpus.Reuters(tb, n) }

func BenchmarkExtract(b *testing.B) {
	texts := reuters(b, 1000)
	docs := make([]*text.Doc, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = text.Segment(t)
		size += len(t)
	}
	var sc Scanner
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			Extract(d, Options{Scanner: &sc})
		}
	}
	corpus.ReportCPU(b, start, size)
}

func BenchmarkScan(b *testing.B) {
	texts := reuters(b, 1000)
	size := corpus.Size(texts)
	var sc Scanner
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			sc.Scan(t)
		}
	}
	corpus.ReportCPU(b, start, size)
}

func BenchmarkLex(b *testing.B) {
	texts := reuters(b, 1000)
	size := corpus.Size(texts)
	var toks []token
	var cands []int32
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			toks, cands = lex(t, toks[:0], cands[:0])
		}
	}
	corpus.ReportCPU(b, start, size)
}
