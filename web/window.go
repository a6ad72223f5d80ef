package web

import (
	"context"
	"iter"
	"net/http"
	"sort"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// The brief, the forecasts and the figure comparisons read everything the
// store knows, which is fine for a story of a few hundred articles and far
// too slow for a request on a store of many thousands. On a large store the
// server computes them over a window: the newest WindowDocs articles, or,
// for a query, the newest articles about it. The kb functions run
// unchanged over a windowStore, a view of the store restricted to those
// documents, so the web and the CLI share one definition of each.

// WindowDocs is the most articles a brief, forecast list or figure
// comparison draws on in one request.
const WindowDocs = 200

// windowStore is st seen through a set of documents: the queries across
// documents are answered document by document. Other methods pass
// through.
type windowStore struct {
	sitrep.Store
	ids []string // newest first
	in  map[string]bool
}

// window returns the store to compute cross-document views on for query:
// st itself when it is small, else a windowStore over the newest documents
// (about query, when given).
func (s *Server) window(ctx context.Context, query string) (sitrep.Store, error) {
	stats, err := s.Store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	if stats.Documents <= WindowDocs {
		return s.Store, nil
	}
	query = strings.TrimSpace(query)
	var docs []sitrep.Document
	if query == "" {
		if docs, err = s.Store.Documents(ctx, sitrep.DocumentFilter{Limit: WindowDocs}); err != nil {
			return nil, err
		}
	} else {
		found, err := s.Store.Search(ctx, query, WindowDocs)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, r := range found {
			seen[r.Document.ID] = true
			docs = append(docs, r.Document)
		}
		evs, err := s.Store.Events(ctx, sitrep.EventFilter{Entity: query, Mentioned: true, Limit: 4 * WindowDocs})
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if !seen[e.DocumentID] {
				seen[e.DocumentID] = true
				docs = append(docs, sitrep.Document{ID: e.DocumentID, Published: e.Published, DCT: e.DCT})
			}
		}
		sort.SliceStable(docs, func(i, j int) bool { return docDay(docs[i]) > docDay(docs[j]) })
		if len(docs) > WindowDocs {
			docs = docs[:WindowDocs]
		}
	}
	w := &windowStore{Store: s.Store, in: map[string]bool{}}
	for _, d := range docs {
		w.ids = append(w.ids, d.ID)
		w.in[d.ID] = true
	}
	return w, nil
}

func docDay(d sitrep.Document) string {
	if len(d.Published) >= 10 {
		return d.Published[:10]
	}
	return d.DCT
}

func (w *windowStore) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	st, err := w.Store.Stats(ctx)
	st.Documents = len(w.ids)
	return st, err
}

func (w *windowStore) Documents(ctx context.Context, f sitrep.DocumentFilter) ([]sitrep.Document, error) {
	docs, err := w.Store.Documents(ctx, f)
	return keep(docs, w.in, func(d sitrep.Document) string { return d.ID }), err
}

func (w *windowStore) Analyses(ctx context.Context, f sitrep.DocumentFilter) iter.Seq2[*sitrep.Analysis, error] {
	return func(yield func(*sitrep.Analysis, error) bool) {
		for a, err := range w.Store.Analyses(ctx, f) {
			if err != nil || w.in[a.Document.ID] {
				if !yield(a, err) || err != nil {
					return
				}
			}
		}
	}
}

func (w *windowStore) Search(ctx context.Context, query string, limit int) ([]sitrep.SearchResult, error) {
	if limit <= 0 || limit > WindowDocs {
		limit = WindowDocs
	}
	res, err := w.Store.Search(ctx, query, limit)
	return keep(res, w.in, func(r sitrep.SearchResult) string { return r.Document.ID }), err
}

// perDocument runs q for each document of the window (or the one f names).
func perDocument[T any](ctx context.Context, w *windowStore, docID string, limit int, q func(id string) ([]T, error)) ([]T, error) {
	ids := w.ids
	if docID != "" {
		if !w.in[docID] {
			return []T{}, nil
		}
		ids = []string{docID}
	}
	out := []T{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		xs, err := q(id)
		if err != nil {
			return nil, err
		}
		out = append(out, xs...)
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (w *windowStore) Events(ctx context.Context, f sitrep.EventFilter) ([]sitrep.StoredEvent, error) {
	if f.Entity != "" && f.DocumentID == "" {
		// Selective already: one query, kept to the window.
		evs, err := w.Store.Events(ctx, f)
		return keep(evs, w.in, func(e sitrep.StoredEvent) string { return e.DocumentID }), err
	}
	evs, err := perDocument(ctx, w, f.DocumentID, 0, func(id string) ([]sitrep.StoredEvent, error) {
		g := f
		g.DocumentID, g.Limit = id, 0
		return w.Store.Events(ctx, g)
	})
	if err != nil {
		return nil, err
	}
	// Time order across documents, as Store.Events promises.
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i].Time.Earliest, evs[j].Time.Earliest
		if (a == "") != (b == "") {
			return a != ""
		}
		return a < b
	})
	if f.Limit > 0 && len(evs) > f.Limit {
		evs = evs[:f.Limit]
	}
	return evs, nil
}

func (w *windowStore) Quotes(ctx context.Context, f sitrep.QuoteFilter) ([]sitrep.StoredQuote, error) {
	if f.Speaker != "" && f.DocumentID == "" {
		qs, err := w.Store.Quotes(ctx, f)
		return keep(qs, w.in, func(q sitrep.StoredQuote) string { return q.DocumentID }), err
	}
	return perDocument(ctx, w, f.DocumentID, f.Limit, func(id string) ([]sitrep.StoredQuote, error) {
		g := f
		g.DocumentID, g.Limit = id, 0
		return w.Store.Quotes(ctx, g)
	})
}

func (w *windowStore) Quantities(ctx context.Context, f sitrep.QuantityFilter) ([]sitrep.StoredQuantity, error) {
	if f.Entity != "" && f.DocumentID == "" {
		qs, err := w.Store.Quantities(ctx, f)
		return keep(qs, w.in, func(q sitrep.StoredQuantity) string { return q.DocumentID }), err
	}
	return perDocument(ctx, w, f.DocumentID, f.Limit, func(id string) ([]sitrep.StoredQuantity, error) {
		g := f
		g.DocumentID, g.Limit = id, 0
		return w.Store.Quantities(ctx, g)
	})
}

func (w *windowStore) Entities(ctx context.Context, f sitrep.EntityFilter) ([]sitrep.EntitySummary, error) {
	return w.Store.Entities(ctx, f)
}

func keep[T any](xs []T, in map[string]bool, id func(T) string) []T {
	out := xs[:0:0]
	for _, x := range xs {
		if in[id(x)] {
			out = append(out, x)
		}
	}
	return out
}

// heavy admits a few window computations at a time, so a burst of brief
// requests cannot take every core; the others wait their turn or give up
// with their request.
func (s *Server) heavy(r *http.Request) (release func(), err error) {
	select {
	case s.heavySlots <- struct{}{}:
		return func() { <-s.heavySlots }, nil
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}

// windowed admits a heavy computation and returns the store to run it on;
// the caller calls done when finished.
func (s *Server) windowed(r *http.Request, query string) (st sitrep.Store, done func(), err error) {
	leaveAdmission(r)
	release, err := s.heavy(r)
	if err != nil {
		return nil, nil, err
	}
	st, err = s.window(r.Context(), query)
	if err != nil {
		release()
		return nil, nil, err
	}
	return st, release, nil
}
