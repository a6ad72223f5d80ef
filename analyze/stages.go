package analyze

import (
	"sync"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/entity"
	"github.com/sitrep-news/sitrep/nlp/event"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/quantity"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

// stages holds the loaded models; they are read-only and shared by every
// goroutine that analyses.
type stages struct {
	entities *entity.Recognizer
	tagger   *pos.Tagger
	events   *event.Detector
	// numbers pools quantity scanners, which reuse their buffers across
	// documents; each goroutine takes one for the length of a document.
	numbers *sync.Pool
	// docs pools segmented documents, whose arrays Analyze reuses.
	docs *sync.Pool
}

func loadStages() stages {
	s := stages{
		numbers: &sync.Pool{New: func() any { return &quantity.Scanner{} }},
		docs:    &sync.Pool{New: func() any { return new(text.Doc) }},
	}
	// The three models decode independently; on more than one core,
	// loading them side by side shortens the start of a one-document run.
	var wg sync.WaitGroup
	wg.Go(func() { s.tagger = pos.Default() })
	wg.Go(func() { s.events = event.DefaultDetector() })
	s.entities = entity.Default()
	wg.Wait()
	return s
}

// dctFree holds what the stages that do not look at the DCT found (the
// tags and the entities), so that a rerun with an inferred DCT reuses them.
type dctFree struct {
	tags     []pos.Tag
	entities []sitrep.Entity
	done     bool
}

// run runs every extractor over d with the given DCT (zero when unknown) and
// fills an's annotation slices. The order matters: attributions need the
// entities (speakers) and timexes (when it was said); figures and events
// need attributions (source, modality); anchoring needs events. free
// carries the tags and entities from one run over d to the next.
func (s stages) run(d *text.Doc, dct time.Time, an *sitrep.Analysis, free *dctFree) {
	if !free.done {
		free.tags = s.tagger.Tag(d)
	}
	tags := free.tags
	an.Timexes = nonNil(timex.TagWithPOS(d, dct, tags))
	if !free.done {
		free.entities = nonNil(s.entities.Recognize(d))
		free.done = true
	}
	an.Entities = free.entities
	an.Quotes = nonNil(quote.ExtractTagged(d, tags, an.Entities, an.Timexes))
	for i := range an.Quotes {
		if an.Quotes[i].Modality == "" {
			an.Quotes[i].Modality = sitrep.ModalityReported
		}
	}
	mod := func(sp sitrep.Span) (string, *sitrep.Quote) { return modality.Of(d, sp, an.Quotes) }
	sc := s.numbers.Get().(*quantity.Scanner)
	an.Quantities = nonNil(quantity.Extract(d, quantity.Options{
		Entities: an.Entities, Quotes: an.Quotes, Timexes: an.Timexes, Modality: mod, Scanner: sc,
	}))
	s.numbers.Put(sc)
	an.Events = nonNil(event.Extract(d, event.Options{
		Tags: tags, Entities: an.Entities, Quotes: an.Quotes, Modality: mod, Detector: s.events,
	}))
	an.Events = dropCueEvents(an.Events, an.Quotes)
	links, times := timex.AnchorWithQuotes(d, an.Timexes, an.Events, an.Quotes, dct)
	for i := range an.Events {
		if i < len(times) {
			an.Events[i].Time = times[i]
		}
		futureWindow(&an.Events[i], dct)
	}
	an.TLinks = nonNil(links)
}

// futureWindow moves a forecast that the text does not date from the
// "happened by the article's date" fallback to "after the article's date":
// what a source says will or may happen has not happened yet.
func futureWindow(e *sitrep.Event, dct time.Time) {
	if dct.IsZero() || e.Time.Derivation != "dct" {
		return
	}
	if e.Modality != sitrep.ModalityFuture && e.Modality != sitrep.ModalityPossible {
		return
	}
	e.Time = sitrep.EventTime{
		Value:      "FUTURE_REF",
		Earliest:   dct.Format(time.DateOnly),
		Latest:     "",
		Anchor:     "dct",
		Derivation: "dct (" + e.Modality + ": after the article's date)",
	}
}

// dropCueEvents removes statement events whose trigger is the reporting
// cue of an attribution ("said", "told"): the quote already records who
// said what and when, and as events they would crowd the timeline with
// "X said". Statements that are news in themselves ("state media shared a
// photo", "troops were first reported") are not cues and stay.
func dropCueEvents(evs []sitrep.Event, quotes []sitrep.Quote) []sitrep.Event {
	out := evs[:0]
	for _, e := range evs {
		cue := false
		if e.Type == "statement" {
			for _, q := range quotes {
				if !q.Cue.IsZero() && e.Span().Overlaps(q.Cue.Span()) {
					cue = true
					break
				}
			}
		}
		if !cue {
			out = append(out, e)
		}
	}
	// Ids stay as the extractor gave them (ev1, ev2, ...): gaps are fine,
	// and they keep links from other annotations valid.
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// inferDCT picks a DCT from the text's own dates: the latest full date it
// mentions (news reports recent events, so the latest date mentioned is the
// best single guess for when it was written).
func (s stages) inferDCT(an *sitrep.Analysis) (time.Time, bool) {
	var best time.Time
	for _, t := range an.Timexes {
		if t.Type != sitrep.TimexDate || len(t.Value) != 10 {
			continue
		}
		v, err := time.Parse(time.DateOnly, t.Value)
		if err == nil && v.After(best) {
			best = v
		}
	}
	return best, !best.IsZero()
}
