package kb

import (
	"bytes"
	"math"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
)

// FuzzStory runs the cross-document layers (timeline, claims, forecasts,
// brief) over events and figures whose dates, modality and values come
// from the fuzzer, as a store holding any analysis could hand them over:
// none may panic, and the brief must render.
func FuzzStory(f *testing.F) {
	f.Add("2026-01-16", "2026-01-16", "2026-03", "2026-03-31", "2026-01-14", sitrep.ModalityFuture, 300.0, "troops")
	f.Add("", "2026-01-16", "2026-13-45", "", "", sitrep.ModalityAsserted, math.Inf(1), "")
	f.Add("9999-12-31", "0000-01-01", "x", "2026-W05", "bad", "", math.NaN(), "%")
	f.Fuzz(func(t *testing.T, e1, l1, e2, l2, published, mod string, v float64, unit string) {
		a := sitrep.StoredEvent{
			Event: sitrep.Event{ID: "ev1", Type: "visit", Text: "visited", Modality: mod, Summary: "Kim visited",
				Time: sitrep.EventTime{Value: e1, Earliest: e1, Latest: l1, Derivation: "explicit: t1 " + e1}},
			DocumentID: "a", Title: "A", Published: published, DCT: published, SentenceText: "Kim visited.", ActorName: "Kim",
		}
		b := a
		b.DocumentID, b.ID, b.Time = "b", "ev2", sitrep.EventTime{Value: e2, Earliest: e2, Latest: l2}
		c := b
		c.DocumentID, c.Published, c.DCT, c.Modality = "c", l2, l2, sitrep.ModalityAsserted
		evs := []sitrep.StoredEvent{a, b, c}
		v2 := v * 2
		qs := []sitrep.StoredQuantity{
			{Quantity: sitrep.Quantity{ID: "n1", Text: "x", Value: &v, Unit: unit, Category: "troops"}, DocumentID: "a", Published: published},
			{Quantity: sitrep.Quantity{ID: "n1", Text: "y", Value: &v2, Unit: unit, Category: "troops", Approximate: true}, DocumentID: "b", Published: e2},
		}
		tl := Timeline(evs)
		cl := Compare(qs, evs)
		fc := Forecasts(evs, l1)
		br := NewBrief(BriefInput{Query: unit, Documents: 3, Timeline: tl, Claims: cl, Forecasts: fc})
		var buf bytes.Buffer
		if err := br.WriteMarkdown(&buf); err != nil {
			t.Fatal(err)
		}
		if err := br.WriteHTML(&buf); err != nil {
			t.Fatal(err)
		}
		FormatAmount(v, unit)
	})
}
