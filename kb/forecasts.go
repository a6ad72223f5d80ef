package kb

import (
	"sort"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

// Forecast statuses.
const (
	ForecastOpen    = "open"    // not yet due, not yet reported as done
	ForecastMet     = "met"     // a later report says it happened
	ForecastOverdue = "overdue" // past its due date with no report that it happened
)

// Forecast is something a source expects or threatens (a future or possible
// event), kept as an open item with its due date until later reports settle
// it.
type Forecast struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Text     string   `json:"text"`
	Modality string   `json:"modality"` // future or possible
	Actors   []string `json:"actors"`
	// Due is the latest day the forecast allows (YYYY-MM-DD); "" when the
	// text gives no deadline.
	Due      string  `json:"due"`
	DueValue string  `json:"due_value"` // the TIMEX3 value of the deadline
	Status   string  `json:"status"`
	Source   Source  `json:"source"`
	Evidence *Source `json:"evidence,omitempty"` // the later report that settled it
}

// Forecasts finds the forecasts among events and settles each against the
// events reported after it, as of the given day (YYYY-MM-DD; usually the
// newest document's date, so the status reads "as of the latest report").
// Open and overdue forecasts come first, soonest due first.
func Forecasts(events []sitrep.StoredEvent, asOf string) []Forecast {
	events = append([]sitrep.StoredEvent(nil), events...)
	sort.SliceStable(events, func(i, j int) bool { return eventLess(&events[i], &events[j]) })
	out := []Forecast{}
	for i := range events {
		e := &events[i]
		if e.Modality != sitrep.ModalityFuture && e.Modality != sitrep.ModalityPossible {
			continue
		}
		f := Forecast{
			ID: e.DocumentID + "-" + e.ID, Type: e.Type, Text: e.Summary, Modality: e.Modality, Actors: []string{},
			Status: ForecastOpen,
			Source: Source{Document: e.DocumentID, Title: e.Title, URL: e.URL, Site: e.Site,
				Published: docDate(e.Published, e.DCT), Sentence: e.SentenceText},
		}
		if f.Text == "" {
			f.Text = oneLine(e.SentenceText, 160)
		}
		if e.ActorName != "" {
			f.Actors = append(f.Actors, e.ActorName)
		}
		if precision(e.Time) >= 2 && e.Time.Latest > f.Source.Published {
			f.Due, f.DueValue = e.Time.Latest, e.Time.Value
		}
		if ev := settle(e, events, f.Source.Published); ev != nil {
			f.Status, f.Evidence = ForecastMet, ev
		} else if f.Due != "" && asOf != "" && asOf > f.Due {
			f.Status = ForecastOverdue
		}
		out = append(out, f)
	}
	rank := map[string]int{ForecastOverdue: 0, ForecastOpen: 1, ForecastMet: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if (a.Due == "") != (b.Due == "") {
			return a.Due != ""
		}
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		return a.ID < b.ID
	})
	return out
}

// settle looks for a report, published after the forecast, that the
// forecast event happened: same type, compatible participants, stated as
// fact or reported, dated no earlier than the forecast was made.
func settle(f *sitrep.StoredEvent, events []sitrep.StoredEvent, made string) *Source {
	for i := range events {
		e := &events[i]
		pub := docDate(e.Published, e.DCT)
		if e.Type != f.Type || e.DocumentID == f.DocumentID || pub <= made {
			continue
		}
		if e.Modality != sitrep.ModalityAsserted && e.Modality != sitrep.ModalityReported {
			continue
		}
		if !compatible(key(f.ActorKB, f.ActorName), key(e.ActorKB, e.ActorName)) ||
			!compatible(key(f.TargetKB, f.TargetName), key(e.TargetKB, e.TargetName)) ||
			!compatible(key(f.LocationKB, f.LocationName), key(e.LocationKB, e.LocationName)) {
			continue
		}
		// Ties beyond the type: a shared participant.
		if !(f.ActorName != "" && key(f.ActorKB, f.ActorName) == key(e.ActorKB, e.ActorName) ||
			f.TargetName != "" && key(f.TargetKB, f.TargetName) == key(e.TargetKB, e.TargetName) ||
			f.LocationName != "" && key(f.LocationKB, f.LocationName) == key(e.LocationKB, e.LocationName)) {
			continue
		}
		if e.Time.Latest != "" && e.Time.Latest < made {
			continue
		}
		return &Source{Document: e.DocumentID, Title: e.Title, URL: e.URL, Site: e.Site, Published: pub, Sentence: e.SentenceText}
	}
	return nil
}

// Today returns the date of t as YYYY-MM-DD.
func Today(t time.Time) string { return t.Format(time.DateOnly) }
