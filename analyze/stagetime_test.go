package analyze

import (
	"syscall"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/event"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/quantity"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStages reports each stage's throughput per CPU-second of this
// process (so other load on the machine does not skew it), to show where
// the pipeline's time goes.
func BenchmarkStages(b *testing.B) {
	docs := reuters(b, 1500)
	s := loadStages()
	size := corpus.Size(docs)
	dct, _ := time.Parse(time.DateOnly, "1987-03-01")
	tm := map[string]time.Duration{}
	lap := func(name string, t0 *time.Duration) { c := cpu(); tm[name] += c - *t0; *t0 = c }
	// Segmentation as the pipeline runs it: into one reused document.
	d := new(text.Doc)
	b.ResetTimer()
	for range b.N {
		for _, txt := range docs {
			t0 := cpu()
			text.SegmentInto(d, txt)
			lap("segment", &t0)
			tags := s.tagger.Tag(d)
			lap("pos", &t0)
			tx := timex.TagWithPOS(d, dct, tags)
			lap("timex", &t0)
			ents := s.entities.Recognize(d)
			lap("entity", &t0)
			qs := quote.ExtractTagged(d, tags, ents, tx)
			lap("quote", &t0)
			mod := func(sp sitrep.Span) (string, *sitrep.Quote) { return modality.Of(d, sp, qs) }
			quantity.Extract(d, quantity.Options{Entities: ents, Quotes: qs, Timexes: tx, Modality: mod})
			lap("quantity", &t0)
			evs := event.Extract(d, event.Options{Tags: tags, Entities: ents, Quotes: qs, Modality: mod, Detector: s.events})
			lap("event", &t0)
			timex.Anchor(d, tx, evs, dct)
			lap("anchor", &t0)
		}
	}
	var tot time.Duration
	for k, v := range tm {
		tot += v
		b.ReportMetric(float64(b.N*size)/1e6/v.Seconds(), k+"-MB/cpu-s")
	}
	b.ReportMetric(float64(b.N*size)/1e6/tot.Seconds(), "total-MB/cpu-s")
	b.SetBytes(int64(size))
}
