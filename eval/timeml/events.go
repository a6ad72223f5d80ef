package timeml

import (
	"fmt"
	"io"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/event"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// EventTrainDocs turns TimeML documents into training documents for the
// event trigger detector: the TEXT segmented and tagged, with the EVENT
// extents and classes as gold.
func EventTrainDocs(docs []*Doc) []event.TrainDoc {
	tg := pos.Default()
	out := make([]event.TrainDoc, len(docs))
	for i, d := range docs {
		td := text.Segment(d.Text)
		out[i] = event.TrainDoc{Doc: td, Tags: tg.Tag(td)}
		for _, e := range d.Events {
			out[i].Events = append(out[i].Events, event.Gold{Span: sitrep.Span{Start: e.Start, End: e.End}, Class: e.Class})
		}
	}
	return out
}

// EventScores are the trigger scores over a set of documents.
type EventScores struct {
	Docs, Gold, Predicted int
	Strict, Relaxed       Counts
	// ClassMatches are the relaxed matches whose class is also right.
	ClassMatches int
}

// Counts holds the matched extents of one matching mode.
type Counts struct{ Matched int }

// P, R and F1 of c against the totals of s.
func (s EventScores) PRF(c Counts) (p, r, f float64) {
	if s.Predicted > 0 {
		p = float64(c.Matched) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		r = float64(c.Matched) / float64(s.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// ClassAccuracy is the share of relaxed matches whose class is right.
func (s EventScores) ClassAccuracy() float64 {
	if s.Relaxed.Matched == 0 {
		return 0
	}
	return float64(s.ClassMatches) / float64(s.Relaxed.Matched)
}

// Add accumulates o into s.
func (s *EventScores) Add(o EventScores) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.Strict.Matched += o.Strict.Matched
	s.Relaxed.Matched += o.Relaxed.Matched
	s.ClassMatches += o.ClassMatches
}

// ScoreEvents scores the triggers det finds in each document against its
// EVENT tags: strict (same extent) and relaxed (overlapping, one-to-one)
// matches, and the class over the relaxed matches.
func ScoreEvents(docs []event.TrainDoc, det *event.Detector) EventScores {
	return ScoreTriggers(docs, func(d event.TrainDoc) []event.Trigger { return det.Detect(d.Doc, d.Tags) })
}

// ScoreTriggers scores the triggers find returns for each document (in
// text order) against its EVENT tags.
func ScoreTriggers(docs []event.TrainDoc, find func(event.TrainDoc) []event.Trigger) EventScores {
	var s EventScores
	for _, d := range docs {
		s.Add(scoreDoc(d, find(d)))
	}
	return s
}

// ExtractTriggers returns the triggers of event.Extract with every trigger
// kept (the detector's and the lexicon's), as the pipeline produces them.
func ExtractTriggers(d event.TrainDoc) []event.Trigger { return extractTriggers(d, nil) }

func extractTriggers(d event.TrainDoc, det *event.Detector) []event.Trigger {
	evs := event.Extract(d.Doc, event.Options{Tags: d.Tags, All: true, Detector: det,
		Modality: func(sitrep.Span) (string, *sitrep.Quote) { return "", nil }})
	out := make([]event.Trigger, len(evs))
	for i, e := range evs {
		out[i] = event.Trigger{Token: d.Doc.TokenAt(e.Start), Span: e.Span(), Class: e.Class, Lemma: e.Lemma}
	}
	return out
}

func scoreDoc(d event.TrainDoc, pred []event.Trigger) EventScores {
	s := EventScores{Docs: 1, Gold: len(d.Events), Predicted: len(pred)}
	used := make([]bool, len(pred))
	// Both lists are in text order: walk them together.
	j := 0
	for _, g := range d.Events {
		for j < len(pred) && pred[j].Span.End <= g.Span.Start {
			j++
		}
		for k := j; k < len(pred) && pred[k].Span.Start < g.Span.End; k++ {
			if used[k] || !pred[k].Span.Overlaps(g.Span) {
				continue
			}
			used[k] = true
			s.Relaxed.Matched++
			if pred[k].Span == g.Span {
				s.Strict.Matched++
			}
			if pred[k].Class == g.Class {
				s.ClassMatches++
			}
			break
		}
	}
	return s
}

// CrossValidateEvents trains a detector on k-1 folds of docs (document i
// is in fold i mod k) and scores it on the remaining fold, k times, and
// returns the pooled scores, the per-fold ones, and the pooled scores of
// event.Extract's triggers with each fold's detector.
func CrossValidateEvents(docs []event.TrainDoc, k int, opts event.TrainOptions) (total EventScores, folds []EventScores, extract EventScores) {
	folds = make([]EventScores, k)
	for f := range k {
		var train, test []event.TrainDoc
		for i, d := range docs {
			if i%k == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		det := event.TrainDetector(train, opts)
		folds[f] = ScoreEvents(test, det)
		total.Add(folds[f])
		extract.Add(ScoreTriggers(test, func(d event.TrainDoc) []event.Trigger { return extractTriggers(d, det) }))
	}
	return total, folds, extract
}

// WriteEventScores prints s as a short table under title.
func WriteEventScores(w io.Writer, title string, s EventScores) {
	fmt.Fprintf(w, "%s: %d docs, %d gold events, %d predicted\n", title, s.Docs, s.Gold, s.Predicted)
	for _, m := range []struct {
		name string
		c    Counts
	}{{"strict", s.Strict}, {"relaxed", s.Relaxed}} {
		p, r, f := s.PRF(m.c)
		fmt.Fprintf(w, "  %-8s P %.4f  R %.4f  F1 %.4f\n", m.name, p, r, f)
	}
	fmt.Fprintf(w, "  class accuracy over relaxed matches %.4f (%d/%d)\n", s.ClassAccuracy(), s.ClassMatches, s.Relaxed.Matched)
}
