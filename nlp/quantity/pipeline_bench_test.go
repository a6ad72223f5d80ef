package quantity_test

import (
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/entity"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/quantity"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

// BenchmarkExtractPipeline runs Extract as the analyze pipeline does, with
// the entities, quotes, timexes and modality of the earlier stages
// (computed once, outside the timing), on the first 1,500 Reuters
// articles. cpu-MB/s is comparable with the quantity-MB/cpu-s of
// analyze's BenchmarkStages.
func BenchmarkExtractPipeline(b *testing.B) {
	texts := corpus.Reuters(b, 1500)
	tagger, rec := pos.Default(), entity.Default()
	dct, _ := time.Parse(time.DateOnly, "1987-03-01")
	type input struct {
		doc  *text.Doc
		opts quantity.Options
	}
	in := make([]input, len(texts))
	for i, t := range texts {
		d := text.Segment(t)
		tags := tagger.Tag(d)
		tx := timex.TagWithPOS(d, dct, tags)
		ents := rec.Recognize(d)
		qs := quote.ExtractTagged(d, tags, ents, tx)
		mod := func(sp sitrep.Span) (string, *sitrep.Quote) { return modality.Of(d, sp, qs) }
		in[i] = input{d, quantity.Options{Entities: ents, Quotes: qs, Timexes: tx, Modality: mod}}
	}
	size := corpus.Size(texts)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, x := range in {
			quantity.Extract(x.doc, x.opts)
		}
	}
	corpus.ReportCPU(b, start, size)
}
