package event

import (
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// reuters returns about 2 MB of Reuters-21578 article text.
func reuters(b *testing.B) string { return corpus.ReutersText(b, 2<<20) }

// BenchmarkExtract measures event extraction given the tags (the POS
// tagger runs once, outside the loop, as in the pipeline where its tags
// are shared), with the test entities.
func BenchmarkExtract(b *testing.B) {
	s := reuters(b)
	doc := text.Segment(s)
	opts := Options{Tags: pos.Default().Tag(doc), Entities: entities(doc), Modality: func(sitrep.Span) (string, *sitrep.Quote) { return "", nil }}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	c0, n := cpuTime(), 0
	for b.Loop() {
		Extract(doc, opts)
		n++
	}
	reportCPU(b, c0, n, len(s))
}

// docInput is one article as the benchmarks extract from it.
type docInput struct {
	doc  *text.Doc
	opts Options
}

// docInputs segments and tags texts and finds their test entities, outside
// the benchmarks' timing.
func docInputs(texts []string) []docInput {
	ins := make([]docInput, len(texts))
	for k, s := range texts {
		doc := text.Segment(s)
		ins[k] = docInput{doc, Options{Tags: pos.Default().Tag(doc), Entities: entities(doc), Modality: func(sitrep.Span) (string, *sitrep.Quote) { return "", nil }}}
	}
	return ins
}

// BenchmarkExtractDocs measures event extraction over 1,500 Reuters
// articles one at a time, as the pipeline meets them (each with its own
// segmentation, tags and test entities, made outside the loop).
func BenchmarkExtractDocs(b *testing.B) {
	texts := corpus.Reuters(b, 1500)
	ins := docInputs(texts)
	size := corpus.Size(texts)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	c0, n := cpuTime(), 0
	for b.Loop() {
		for _, x := range ins {
			Extract(x.doc, x.opts)
		}
		n++
	}
	reportCPU(b, c0, n, size)
}

// BenchmarkExtractDocsCold is BenchmarkExtractDocs with the processor's
// caches flushed before each article as the pipeline's other stages flush
// them (4 MB written, then the article and its annotations read, as the
// stage before would have): the detector's tables and caches and the
// lexicons are read from memory, as in analyze's BenchmarkStages. The
// flushing is not counted in cpuMB/s. The articles are extracted once
// before the timer starts (the word caches filled), and through
// extractCold, which a profiler such as callgrind can be told to count
// alone.
func BenchmarkExtractDocsCold(b *testing.B) {
	texts := corpus.Reuters(b, 1500)
	ins := docInputs(texts)
	for _, x := range ins {
		Extract(x.doc, x.opts)
	}
	size := corpus.Size(texts)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cold := corpus.NewCold()
	for b.Loop() {
		for _, x := range ins {
			cold.Evict(x.doc.Text, func() (sum uint64) {
				for _, t := range x.doc.Tokens {
					sum += uint64(t.Start)
				}
				for _, t := range x.opts.Tags {
					sum += uint64(t)
				}
				for _, s := range x.doc.Sentences {
					sum += uint64(s.First)
				}
				for _, e := range x.opts.Entities {
					sum += uint64(len(e.Mentions))
				}
				return sum
			})
			extractCold(x.doc, x.opts)
		}
	}
	cold.Report(b, size)
}

//go:noinline
func extractCold(doc *text.Doc, opts Options) { Extract(doc, opts) }

// BenchmarkDetect measures the trigger detector alone.
func BenchmarkDetect(b *testing.B) {
	s := reuters(b)
	doc := text.Segment(s)
	tags := pos.Default().Tag(doc)
	d := DefaultDetector()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	c0, n := cpuTime(), 0
	for b.Loop() {
		d.Detect(doc, tags)
		n++
	}
	reportCPU(b, c0, n, len(s))
}

// reportCPU reports MB per CPU-second of n runs over size bytes.
func reportCPU(b *testing.B, c0 time.Duration, n, size int) {
	if d := cpuTime() - c0; d > 0 {
		b.ReportMetric(float64(size)*float64(n)/d.Seconds()/1e6, "cpuMB/s")
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("North Korea sent 3,000 troops to Russia's Kursk region, officials said.")
	f.Add("Kim Jong Un, the leader, met Putin and signed a pact in Pyongyang.")
	f.Add("“We will,” he said — launched, in return for")
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		for _, e := range Extract(doc, Options{Entities: entities(doc)}) {
			if !e.Span().Valid(len(s)) || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %+v", e)
			}
			if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
				t.Fatalf("bad sentence %d", e.Sentence)
			}
		}
	})
}
