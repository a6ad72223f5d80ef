package timeml

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/entity"
	"github.com/sitrep-news/sitrep/nlp/event"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/quote"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
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

// OrderPair is one MATRES pair: two verb events of a document by their
// MAKEINSTANCE ids (numeric part) and the relation of their start points
// (BEFORE, AFTER, EQUAL, VAGUE).
type OrderPair struct {
	DocID, EIID1, EIID2, Rel string
}

// ReadMATRES reads MATRES pair files (docid, verb1, verb2, eiid1, eiid2,
// relation, tab separated).
func ReadMATRES(r io.Reader) ([]OrderPair, error) {
	var out []OrderPair
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if len(f) < 6 {
			continue
		}
		out = append(out, OrderPair{DocID: f[0], EIID1: f[3], EIID2: f[4], Rel: f[5]})
	}
	return out, sc.Err()
}

// OrderScores count, per rule that decided, the pairs sitrep ordered and
// those it ordered as the gold does. Rules, in the order they are tried:
// "signal" (a TLink the anchoring found with a signal word: "after",
// "before", "then", "three weeks after", "since"), "reported" (a reported
// event against its reporting verb), "report" (what the sentences around
// a reporting event tell happened before the report; dates, where both
// events have them, come first), "infinitive" (a verb before the
// to-infinitive it governs: "agreed to withdraw"), "pastperf" (a past perfect before the
// simple past of its sentence), "tlink" (any other TLink), "explicit"
// (disjoint day intervals of dates in the events' own clauses), "speech"
// (intervals where one side is bounded by a dated speech time), "interval"
// (disjoint day intervals derived otherwise: relations, the lead date),
// "tense" (one event is a forecast after the article's date, the other
// happened by it).
type OrderScores struct {
	Pairs, Matched int            // gold pairs; those whose two events sitrep found
	ByGold         map[string]int // gold pairs per relation
	Decided        map[string]int // per rule
	Correct        map[string]int // per rule
	DecidedVague   int            // decisions on pairs the gold calls VAGUE (counted as wrong)
}

// orderRules lists the rules of OrderScores in the order they are tried.
var orderRules = []string{"signal", "reported", "report", "infinitive", "pastperf", "tlink", "explicit", "speech", "interval", "tense"}

// orderDoc is one document run through the event and temporal layers as
// the pipeline runs them.
type orderDoc struct {
	evs  []sitrep.Event
	rel  map[[2]string]string // TLink relation by (from, to) event ids
	rule map[[2]string]string // the rule name of that TLink
	dct  time.Time
	// intervals: the gold relates whole intervals (INCLUDES ...), not
	// start points
	intervals bool
}

// runOrderDoc runs the layers over d: event.Extract with every trigger,
// timex.TagWithPOS, entities and attributions (nlp/quote), modality over
// them, and timex.AnchorWithQuotes.
func runOrderDoc(d *Doc, tg *pos.Tagger, rec *entity.Recognizer) orderDoc {
	var dct time.Time
	if len(d.DCT) >= 10 {
		dct, _ = time.Parse(time.DateOnly, d.DCT[:10])
	}
	td := text.Segment(d.Text)
	tags := tg.Tag(td)
	tx := timex.TagWithPOS(td, dct, tags)
	ents := rec.Recognize(td)
	qs := quote.ExtractTagged(td, tags, ents, tx)
	for i := range qs {
		if qs[i].Modality == "" {
			qs[i].Modality = sitrep.ModalityReported
		}
	}
	mod := func(sp sitrep.Span) (string, *sitrep.Quote) { return modality.Of(td, sp, qs) }
	evs := event.Extract(td, event.Options{Tags: tags, All: true, Entities: ents, Quotes: qs, Modality: mod})
	links, times := timex.AnchorWithQuotes(td, tx, evs, qs, dct)
	for i := range evs {
		if i < len(times) {
			evs[i].Time = times[i]
		}
	}
	cues := map[sitrep.Span]bool{}
	for _, q := range qs {
		cues[q.Cue.Span()] = true
	}
	rep, inf := map[string]bool{}, map[string]bool{}
	for _, e := range evs {
		rep[e.ID] = e.Class == "REPORTING"
		if k := td.TokenAt(e.Start); k > 0 && strings.EqualFold(td.Tok(k-1), "to") {
			inf[e.ID] = true
		}
	}
	o := orderDoc{evs: evs, rel: map[[2]string]string{}, rule: map[[2]string]string{}, dct: dct}
	for _, l := range links {
		k := [2]string{l.From, l.To}
		o.rel[k] = l.Rel
		switch {
		case l.Signal.End > l.Signal.Start && cues[l.Signal.Span()]:
			o.rule[k] = "reported"
		case l.Signal.End > l.Signal.Start:
			o.rule[k] = "signal"
		case l.Rel == "BEFORE" && rep[l.To]:
			o.rule[k] = "report"
		case l.Rel == "BEFORE" && inf[l.To]:
			o.rule[k] = "infinitive"
		case l.Rel == "BEFORE":
			o.rule[k] = "pastperf"
		default:
			o.rule[k] = "tlink"
		}
	}
	return o
}

// find is the index of the event of o that overlaps the gold extent, or -1.
func (o *orderDoc) find(ge *Event) int {
	if ge == nil {
		return -1
	}
	for k := range o.evs {
		if o.evs[k].Start < ge.End && ge.Start < o.evs[k].End {
			return k
		}
	}
	return -1
}

// ScoreOrder runs the event and temporal layers as the pipeline runs them
// (see runOrderDoc) on each document that has MATRES pairs and compares
// the order sitrep gives two events with the pair's relation.
func ScoreOrder(docs []*Doc, pairs []OrderPair) OrderScores {
	s := OrderScores{ByGold: map[string]int{}, Decided: map[string]int{}, Correct: map[string]int{}}
	byDoc := map[string][]OrderPair{}
	for _, p := range pairs {
		byDoc[p.DocID] = append(byDoc[p.DocID], p)
	}
	tg, rec := pos.Default(), entity.Default()
	for _, d := range docs {
		ps := byDoc[d.DocID]
		if len(ps) == 0 {
			ps = byDoc[strings.TrimSuffix(filepath.Base(d.Path), ".tml")]
		}
		if len(ps) == 0 {
			continue
		}
		o := runOrderDoc(d, tg, rec)
		for _, p := range ps {
			s.Pairs++
			s.ByGold[p.Rel]++
			a, b := o.find(d.EventByEIID("ei"+p.EIID1)), o.find(d.EventByEIID("ei"+p.EIID2))
			if a < 0 || b < 0 {
				continue
			}
			s.Matched++
			got, rule := o.order(a, b)
			if got == "" {
				continue
			}
			s.Decided[rule]++
			if p.Rel == "VAGUE" {
				s.DecidedVague++
			}
			if got == p.Rel {
				s.Correct[rule]++
			}
		}
	}
	return s
}

// order orders the start points of events a and b of o: BEFORE, AFTER or
// EQUAL, with the rule that decided, or "" when sitrep cannot tell.
func (o *orderDoc) order(ai, bi int) (string, string) {
	a, b := &o.evs[ai], &o.evs[bi]
	weak := o.rule[[2]string{a.ID, b.ID}] == "report" || o.rule[[2]string{b.ID, a.ID}] == "report"
	if weak {
		// a report's default order yields to dates the text gives
		if got, rule := o.byInterval(a, b); got != "" {
			return got, rule
		}
	}
	// start points: what includes another starts before it
	inverse := map[string]string{"BEFORE": "AFTER", "AFTER": "BEFORE", "SIMULTANEOUS": "EQUAL", "INCLUDES": "AFTER", "IS_INCLUDED": "BEFORE"}
	if r, ok := o.rel[[2]string{a.ID, b.ID}]; ok {
		switch r {
		case "BEFORE", "AFTER":
			return r, o.rule[[2]string{a.ID, b.ID}]
		case "SIMULTANEOUS":
			return "EQUAL", o.rule[[2]string{a.ID, b.ID}]
		case "INCLUDES":
			return o.startOrder("BEFORE"), o.rule[[2]string{a.ID, b.ID}]
		case "IS_INCLUDED":
			return o.startOrder("AFTER"), o.rule[[2]string{a.ID, b.ID}]
		}
	}
	if r, ok := o.rel[[2]string{b.ID, a.ID}]; ok {
		if v := inverse[r]; v != "" {
			if r == "INCLUDES" || r == "IS_INCLUDED" {
				v = o.startOrder(v)
			}
			return v, o.rule[[2]string{b.ID, a.ID}]
		}
	}
	if got, rule := o.byInterval(a, b); got != "" || known(a) && known(b) {
		return got, rule
	}
	if o.dct.IsZero() {
		return "", ""
	}
	dct := o.dct
	// Tense: what will happen comes after what happened. What may happen
	// is left out: "may have prevented", "could be" are no forecasts.
	future := func(e *sitrep.Event) bool {
		return e.Modality == sitrep.ModalityFuture
	}
	past := func(e *sitrep.Event) bool {
		return !future(e) && (e.Modality == sitrep.ModalityAsserted || e.Modality == sitrep.ModalityReported) &&
			(known(e) && e.Time.Latest != "" && e.Time.Latest <= dct.Format(time.DateOnly) || !known(e))
	}
	switch {
	case future(a) && past(b) && !future(b):
		return "AFTER", "tense"
	case future(b) && past(a) && !future(a):
		return "BEFORE", "tense"
	}
	return "", ""
}

// startOrder is the order of start points a containment implies (MATRES),
// or the containment itself where the gold has intervals (TimeBank-Dense).
func (o *orderDoc) startOrder(v string) string {
	if !o.intervals {
		return v
	}
	if v == "BEFORE" {
		return "INCLUDES"
	}
	return "IS_INCLUDED"
}

// known reports whether e has a time the text gives (not the DCT window).
func known(e *sitrep.Event) bool {
	return (e.Time.Earliest != "" || e.Time.Latest != "") && !strings.HasPrefix(e.Time.Derivation, "dct")
}

// byInterval orders a and b by disjoint day intervals, or "".
func (o *orderDoc) byInterval(a, b *sitrep.Event) (string, string) {
	if known(a) && known(b) {
		rule := "interval"
		switch {
		case strings.HasPrefix(a.Time.Derivation, "explicit") && strings.HasPrefix(b.Time.Derivation, "explicit"):
			rule = "explicit"
		case strings.HasPrefix(a.Time.Derivation, "reported") || strings.HasPrefix(b.Time.Derivation, "reported"):
			rule = "speech"
		}
		switch {
		case a.Time.Latest != "" && b.Time.Earliest != "" && a.Time.Latest < b.Time.Earliest:
			return "BEFORE", rule
		case b.Time.Latest != "" && a.Time.Earliest != "" && b.Time.Latest < a.Time.Earliest:
			return "AFTER", rule
		}
		return "", ""
	}
	return "", ""
}

// WriteOrderScores prints s: coverage (pairs decided) and accuracy per
// rule and overall.
func WriteOrderScores(w io.Writer, title string, s OrderScores) {
	fmt.Fprintf(w, "%s: %d pairs (BEFORE %d, AFTER %d, EQUAL %d, VAGUE %d", title, s.Pairs, s.ByGold["BEFORE"], s.ByGold["AFTER"], s.ByGold["EQUAL"], s.ByGold["VAGUE"])
	if n := s.ByGold["INCLUDES"] + s.ByGold["IS_INCLUDED"]; n > 0 {
		fmt.Fprintf(w, ", INCLUDES or IS_INCLUDED %d", n)
	}
	fmt.Fprintf(w, "), both events found in %d\n", s.Matched)
	dec, cor := 0, 0
	for _, r := range orderRules {
		dec += s.Decided[r]
		cor += s.Correct[r]
		fmt.Fprintf(w, "  %-10s decided %5d  accuracy %.4f\n", r, s.Decided[r], ratio(s.Correct[r], s.Decided[r]))
	}
	fmt.Fprintf(w, "  all        decided %5d  accuracy %.4f  coverage %.4f of pairs (%d decided on VAGUE pairs, counted wrong)\n",
		dec, ratio(cor, dec), ratio(dec, s.Pairs), s.DecidedVague)
}
