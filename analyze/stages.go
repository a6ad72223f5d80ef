package analyze

import (
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// stages holds the loaded extractors.
type stages struct{}

func loadStages() stages { return stages{} }

// run runs every extractor over d with the given DCT (zero when unknown) and
// fills an's annotation slices.
func (s stages) run(d *text.Doc, dct time.Time, an *sitrep.Analysis) {
	an.Timexes = []sitrep.Timex{}
	an.Entities = []sitrep.Entity{}
	an.Quantities = []sitrep.Quantity{}
	an.Quotes = []sitrep.Quote{}
	an.Events = []sitrep.Event{}
	an.TLinks = []sitrep.TLink{}
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
