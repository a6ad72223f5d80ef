package kb

import (
	"context"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// Query entry points: each reads what it needs from a sitrep.Store and
// builds the cross-document view. They share the store's filters, so the
// CLI and the web server give the same answers.

// TimelineOf merges the store's events matching f into timeline items.
func TimelineOf(ctx context.Context, st sitrep.Store, f sitrep.EventFilter) ([]TimelineItem, error) {
	evs, err := st.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	return Timeline(evs), nil
}

// ClaimsOf compares the store's figures matching f.
func ClaimsOf(ctx context.Context, st sitrep.Store, f sitrep.QuantityFilter) ([]Claim, error) {
	qs, err := st.Quantities(ctx, f)
	if err != nil {
		return nil, err
	}
	evs, err := st.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		return nil, err
	}
	return Compare(qs, evs), nil
}

// ForecastsOf finds the forecasts among the store's events and settles
// them as of the newest report.
func ForecastsOf(ctx context.Context, st sitrep.Store) ([]Forecast, error) {
	evs, err := st.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		return nil, err
	}
	return Forecasts(evs, newest(evs)), nil
}

func newest(evs []sitrep.StoredEvent) string {
	asOf := ""
	for _, e := range evs {
		if d := docDate(e.Published, e.DCT); d > asOf {
			asOf = d
		}
	}
	return asOf
}

// BriefOf builds the brief on what the store knows — about query, when it
// is not empty: the documents that match it as words, and those in which it
// names an entity.
func BriefOf(ctx context.Context, st sitrep.Store, query string) (Brief, error) {
	docs, err := StoryDocuments(ctx, st, query)
	if err != nil {
		return Brief{}, err
	}
	in := BriefInput{Query: strings.TrimSpace(query)}
	evs, err := st.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		return Brief{}, err
	}
	evs = filterDocs(evs, docs, func(e sitrep.StoredEvent) string { return e.DocumentID })
	in.Timeline = Timeline(evs)
	qs, err := st.Quantities(ctx, sitrep.QuantityFilter{})
	if err != nil {
		return Brief{}, err
	}
	in.Claims = Compare(filterDocs(qs, docs, func(q sitrep.StoredQuantity) string { return q.DocumentID }), evs)
	quotes, err := st.Quotes(ctx, sitrep.QuoteFilter{})
	if err != nil {
		return Brief{}, err
	}
	in.Quotes = filterDocs(quotes, docs, func(q sitrep.StoredQuote) string { return q.DocumentID })
	in.Forecasts = Forecasts(evs, newest(evs))
	if docs != nil {
		in.Documents = len(docs)
	} else {
		stats, err := st.Stats(ctx)
		if err != nil {
			return Brief{}, err
		}
		in.Documents = stats.Documents
	}
	return NewBrief(in), nil
}

// StoryDocuments returns the ids of the documents about query, or nil (all
// documents) when query is empty.
func StoryDocuments(ctx context.Context, st sitrep.Store, query string) (map[string]bool, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	docs := map[string]bool{}
	found, err := st.Search(ctx, query, 10000)
	if err != nil {
		return nil, err
	}
	for _, r := range found {
		docs[r.Document.ID] = true
	}
	evs, err := st.Events(ctx, sitrep.EventFilter{Entity: query, Mentioned: true})
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		docs[e.DocumentID] = true
	}
	return docs, nil
}

func filterDocs[T any](xs []T, docs map[string]bool, id func(T) string) []T {
	if docs == nil {
		return xs
	}
	out := xs[:0:0]
	for _, x := range xs {
		if docs[id(x)] {
			out = append(out, x)
		}
	}
	return out
}

// Profile is everything the store knows about one entity.
type Profile struct {
	Entity   sitrep.EntitySummary    `json:"entity"`
	Aliases  []string                `json:"aliases"`
	Roles    []string                `json:"roles"`
	Timeline []TimelineItem          `json:"timeline"`
	Quotes   []sitrep.StoredQuote    `json:"quotes"`
	Figures  []sitrep.StoredQuantity `json:"figures"`
}

// ProfileOf returns the profile of the entity named name (a name or KB id),
// or ENOTFOUND.
func ProfileOf(ctx context.Context, st sitrep.Store, name string) (Profile, error) {
	ents, err := st.Entities(ctx, sitrep.EntityFilter{Name: name, Limit: 1})
	if err != nil {
		return Profile{}, err
	}
	if len(ents) == 0 {
		return Profile{}, sitrep.Errorf(sitrep.ENOTFOUND, name, "no entity of that name or id in the store")
	}
	p := Profile{Entity: ents[0], Aliases: []string{}, Roles: []string{}}
	ref := p.Entity.Name
	if p.Entity.KB != "" {
		ref = p.Entity.KB
	}
	if p.Timeline, err = TimelineOf(ctx, st, sitrep.EventFilter{Entity: ref, Mentioned: true}); err != nil {
		return Profile{}, err
	}
	if p.Quotes, err = st.Quotes(ctx, sitrep.QuoteFilter{Speaker: ref, Limit: 200}); err != nil {
		return Profile{}, err
	}
	if p.Figures, err = st.Quantities(ctx, sitrep.QuantityFilter{Entity: ref, Limit: 200}); err != nil {
		return Profile{}, err
	}
	// Aliases and roles come from the documents' own entity records.
	seen := map[string]bool{strings.ToLower(p.Entity.Name): true}
	roles := map[string]bool{}
	// A sample of documents is enough to list aliases: the first 25 of
	// the timeline's sources and the quotes, in that order (a map's order
	// would change the aliases from one run to the next).
	var docs []string
	inDocs := map[string]bool{}
	add := func(id string) {
		if !inDocs[id] && len(docs) < 25 {
			inDocs[id] = true
			docs = append(docs, id)
		}
	}
	for _, it := range p.Timeline {
		for _, s := range it.Sources {
			add(s.Document)
		}
	}
	for _, q := range p.Quotes {
		add(q.DocumentID)
	}
	for _, id := range docs {
		an, err := st.Document(ctx, id)
		if err != nil {
			continue
		}
		for _, e := range an.Entities {
			if !sameEntity(e, p.Entity) {
				continue
			}
			for _, m := range e.Mentions {
				if k := strings.ToLower(m.Text); !seen[k] {
					seen[k] = true
					p.Aliases = append(p.Aliases, m.Text)
				}
			}
			for _, r := range e.Roles {
				if !roles[r] {
					roles[r] = true
					p.Roles = append(p.Roles, r)
				}
			}
		}
	}
	return p, nil
}

func sameEntity(e sitrep.Entity, s sitrep.EntitySummary) bool {
	if s.KB != "" {
		return e.KB == s.KB
	}
	return strings.EqualFold(e.Name, s.Name) && e.Type == s.Type
}
