package web

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/kb"
)

//go:embed openapi.json
var openAPI []byte

// Default and maximum page sizes of the list endpoints.
const (
	defaultLimit = 200
	maxLimit     = 2000

	defaultTimelineItems  = 50
	defaultTimelineEvents = 2000
	maxTimelineEvents     = 20000
)

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// timelineFilter reads the timeline's query parameters.
func timelineFilter(r *http.Request) (sitrep.EventFilter, error) {
	q := r.URL.Query()
	f := sitrep.EventFilter{
		Entity: strings.TrimSpace(q.Get("entity")),
		// As `sitrep timeline --entity`: events the entity takes part in;
		// mentioned=true widens to events whose sentence names it.
		Mentioned: q.Get("mentioned") == "true",
		Type:      strings.TrimSpace(q.Get("type")),
		Source:    strings.TrimSpace(q.Get("source")),
	}
	var err error
	if f.From, err = dateParam(r, "from"); err != nil {
		return f, err
	}
	if f.To, err = dateParam(r, "to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, sitrep.Errorf(sitrep.EINVALID, "from", "%s is after to=%s", f.From, f.To)
	}
	return f, nil
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	f, err := timelineFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	q := r.URL.Query()
	limit := defaultTimelineItems
	if q.Get("limit") != "" {
		if limit, err = intParam(r, "limit", 0, maxLimit*5); err != nil {
			s.apiError(w, r, err)
			return
		}
	}
	cursor := q.Get("cursor")
	if cursor != "" {
		if _, err := time.Parse(time.DateOnly, cursor); err != nil {
			s.apiError(w, r, sitrep.Errorf(sitrep.EINVALID, "cursor", "malformed cursor %q: use the one X-Sitrep-Next gives", cursor))
			return
		}
	}
	// Bound the work of one request: at most this many event mentions,
	// earliest first, are merged; later ones are reached with from=.
	bound, err := intParam(r, "events", defaultTimelineEvents, maxTimelineEvents)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if bound == 0 {
		bound = defaultTimelineEvents
	}
	var st sitrep.Store = s.Store
	if f == (sitrep.EventFilter{}) && cursor == "" && q.Get("all") != "true" {
		// The whole story: on a large store, that of the newest articles.
		ws, done, err := s.windowed(r, "")
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		defer done()
		if win, ok := ws.(*windowStore); ok {
			st = win
			w.Header().Set("X-Sitrep-Window", "documents="+strconv.Itoa(len(win.ids)))
		}
	}
	page, err := timelinePage(r.Context(), st, f, cursor, limit, bound)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if _, win := st.(*windowStore); win && page.next != "" {
		// A window's pages would not be the same window: its first
		// page is all it gives (filter by entity or dates for more).
		page.next, page.truncated = "", true
	}
	if page.truncated {
		w.Header().Set("X-Sitrep-Truncated", "events="+strconv.Itoa(bound))
	}
	if page.next != "" {
		nq := r.URL.Query()
		nq.Set("cursor", page.next)
		w.Header().Set("X-Sitrep-Next", r.URL.Path+"?"+nq.Encode())
	}
	writeJSON(w, http.StatusOK, page.items)
}

// timelineResult is a page of a timeline.
type timelineResult struct {
	items     []kb.TimelineItem
	next      string // the cursor of the next page; "" on the last
	truncated bool   // the events bound was reached
}

// timelinePage builds the page of the timeline of f that starts at cursor
// (a day: items placed on or after it), with at most limit items (0: no
// limit), merging at most bound event mentions.
//
// Pages are cut between days, and an item goes on a page only when no
// later mention can join it, so the pages of a timeline hold the items one
// request for all of it would give. Mentions come in time order and items
// merge mentions whose time intervals overlap, so an item is complete when
// it ends before the earliest bound of the last mention read: events are
// read in growing batches until a page of complete items is in. Undated
// items come after every dated one, on a page only when the dated items
// fit before them (a cursor selects dated items only).
func timelinePage(ctx context.Context, st sitrep.Store, f sitrep.EventFilter, cursor string, limit, bound int) (timelineResult, error) {
	if cursor != "" && cursor > f.From {
		// Read from the earliest bound of the mentions that reach the
		// cursor's day, so that the items they join before it are
		// built as on the pages before (and then left out), not
		// listed again without them; again from there, a few times.
		from := cursor
		for range 3 {
			g := f
			g.From, g.Limit = from, 1
			evs, err := st.Events(ctx, g)
			if err != nil {
				return timelineResult{}, err
			}
			if len(evs) == 0 || evs[0].Time.Earliest == "" || evs[0].Time.Earliest >= from {
				break
			}
			from = max(evs[0].Time.Earliest, f.From)
		}
		f.From = from
	}
	n := bound
	if _, win := st.(*windowStore); limit > 0 && !win {
		// A page of items takes a few more mentions than items (some
		// merge; the last items may not be complete yet). A windowed
		// store reads its documents whole: one batch.
		n = min(bound, max(32, limit+limit/4+8))
	}
	for {
		f.Limit = n
		evs, err := st.Events(ctx, f)
		if err != nil {
			return timelineResult{}, err
		}
		items := kb.Timeline(evs)
		if cursor != "" {
			items = slices.DeleteFunc(items, func(it kb.TimelineItem) bool {
				k := timelineKey(it)
				return k == "" || k < cursor
			})
		}
		all := len(evs) < n // every event of the filter was read
		if all && (limit == 0 || len(items) <= limit) {
			return timelineResult{items: items}, nil
		}
		// The complete items: a prefix of the time order.
		done := len(items)
		if !all {
			// "" when the last mention read is undated: every dated
			// item is complete.
			last := evs[len(evs)-1].Time.Earliest
			done = 0
			for done < len(items) {
				it := &items[done]
				if timelineKey(*it) == "" || last != "" && !(it.Latest != "" && it.Latest < last) {
					break
				}
				done++
			}
		}
		end := done
		if limit > 0 && end > limit {
			end = limit
		}
		// Cut before the day of the first item left out, so that the
		// next page starts with that day.
		cut, next, k := end, "", ""
		if end < len(items) {
			k = timelineKey(items[end])
		}
		if k != "" {
			next = k
			for cut > 0 && timelineKey(items[cut-1]) == k {
				cut--
			}
			if cut == 0 && end == limit {
				// More than a page on the first day: give the day whole.
				c := end
				for c < done && timelineKey(items[c]) == k {
					c++
				}
				switch {
				case c == len(items):
					cut, next = c, ""
				case timelineKey(items[c]) == "":
					cut, next = c, ""
				case timelineKey(items[c]) != k:
					cut, next = c, timelineKey(items[c])
				}
				// Else the day goes on past the complete items: read more.
			}
		}
		if cut > 0 || n == bound {
			if cut == 0 {
				// No clean cut within the bound: the first items,
				// cut short.
				cut, next = len(items), ""
				if limit > 0 && cut > limit {
					cut = limit
				}
			}
			return timelineResult{items: items[:cut], next: next, truncated: next == "" && (cut < len(items) || !all)}, nil
		}
		n = min(bound, 2*n)
	}
}

// timelineKey is the day an item is placed at (kb's order): its earliest
// bound, or its latest when dated only by its report; "" for an item kb
// places after all the others (undated, or "after" its report's date).
func timelineKey(it kb.TimelineItem) string {
	k := it.Earliest
	if strings.HasPrefix(it.Derivation, "dct") {
		k = it.Latest
	}
	if len(k) > 10 {
		k = k[:10]
	}
	return k
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", defaultLimit, maxLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	q := r.URL.Query()
	ents, err := s.Store.Entities(r.Context(), sitrep.EntityFilter{
		Contains: strings.TrimSpace(q.Get("q")), Type: strings.ToUpper(strings.TrimSpace(q.Get("type"))), Limit: limit})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if ents == nil {
		ents = []sitrep.EntitySummary{}
	}
	writeJSON(w, http.StatusOK, ents)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	st, done, err := s.windowed(r, r.PathValue("name"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p, err := kb.ProfileOf(r.Context(), st, r.PathValue("name"))
	done()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, nonNilProfile(p))
}

func nonNilProfile(p kb.Profile) kb.Profile {
	if p.Timeline == nil {
		p.Timeline = []kb.TimelineItem{}
	}
	if p.Quotes == nil {
		p.Quotes = []sitrep.StoredQuote{}
	}
	if p.Figures == nil {
		p.Figures = []sitrep.StoredQuantity{}
	}
	return p
}

func documentFilter(r *http.Request) (sitrep.DocumentFilter, error) {
	var f sitrep.DocumentFilter
	var err error
	if f.From, err = dateParam(r, "from"); err != nil {
		return f, err
	}
	if f.To, err = dateParam(r, "to"); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(r, "limit", defaultLimit, maxLimit); err != nil {
		return f, err
	}
	if f.Offset, err = intParam(r, "offset", 0, 0); err != nil {
		return f, err
	}
	f.URL = r.URL.Query().Get("url")
	return f, nil
}

func (s *Server) apiDocuments(r *http.Request) (any, error) {
	f, err := documentFilter(r)
	if err != nil {
		return nil, err
	}
	docs, err := s.Store.Documents(r.Context(), f)
	return nonEmpty(docs), err
}

func (s *Server) apiDocument(r *http.Request) (any, error) {
	return s.Store.Document(r.Context(), r.PathValue("id"))
}

// BatchLine is the request body of POST /api/v1/analyze and
// POST /api/v1/documents: one line of an `analyze --jsonl` batch.
type BatchLine struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	HTML  string `json:"html"`
	Date  string `json:"date"`
	URL   string `json:"url"`
	Title string `json:"title"`
}

// readBatchLine decodes a JSON request body.
func readBatchLine(r *http.Request) (BatchLine, error) {
	var in BatchLine
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return in, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&in); err != nil {
		return in, sitrep.Errorf(sitrep.EINVALID, "request body", "malformed JSON: %v", err)
	}
	return in, nil
}

// analyzeLine extracts and analyses one batch line, as `sitrep analyze
// --jsonl` does.
func (s *Server) analyzeLine(in BatchLine) (an *sitrep.Analysis, err error) {
	name := "request"
	if in.ID != "" {
		name = in.ID
	}
	defer func() {
		if p := recover(); p != nil {
			an, err = nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: name, Message: fmt.Sprintf("analysis failed: %v", p)}
		}
	}()
	raw, format := in.Text, sitrep.FormatText
	switch {
	case in.Text != "" && in.HTML != "":
		return nil, sitrep.Errorf(sitrep.EINVALID, name, "give either text or html, not both")
	case in.HTML != "":
		raw, format = in.HTML, sitrep.FormatHTML
	case strings.TrimSpace(in.Text) == "":
		return nil, sitrep.Errorf(sitrep.EINVALID, name, "no text: give text or html")
	}
	doc, err := extract.Extract([]byte(raw), extract.Options{Name: name, URL: in.URL, Format: format, MaxBytes: MaxBodyBytes})
	if err != nil {
		return nil, err
	}
	if in.Title != "" && doc.Title == "" {
		doc.Title = in.Title
	}
	if in.Date != "" {
		if _, err := analyze.ParseDate(name, in.Date); err != nil {
			return nil, err
		}
		doc.DCT, doc.DCTSource = in.Date, sitrep.DCTFlag
	}
	an, err = s.analyzer().Analyze(doc)
	if err != nil {
		return nil, &sitrep.Error{Code: sitrep.ErrorCode(err), Input: name, Message: err.Error(), Err: err}
	}
	an.ID = in.ID
	return an, nil
}

func (s *Server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	in, err := readBatchLine(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	an, err := s.analyzeLine(in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, an)
}

// errForbidden is returned by the endpoints that store when the request
// lacks the write token.
var errForbidden = &sitrep.Error{Code: "forbidden", Message: "this server is read-only without its write token (Authorization: Bearer TOKEN)"}

func (s *Server) apiPutDocument(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		s.apiError(w, r, errForbidden)
		return
	}
	in, err := readBatchLine(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	an, err := s.analyzeLine(in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	res, err := s.Store.Put(r.Context(), an)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	code := http.StatusOK
	if res.Created {
		code = http.StatusCreated
		s.stored()
	}
	w.Header().Set("Location", "/api/v1/documents/"+res.ID)
	writeJSON(w, code, res)
}

// jsonAPI adapts a handler that returns a value or an error: the value is
// written as JSON with 200, the error through apiError. Most endpoints are
// a filter read from the query, one store or kb call, and its answer.
func (s *Server) jsonAPI(h func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// nonEmpty makes a nil list an empty one, so JSON carries [] not null.
func nonEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// dateRange reads the optional from and to query parameters.
func dateRange(r *http.Request) (from, to string, err error) {
	if from, err = dateParam(r, "from"); err != nil {
		return "", "", err
	}
	to, err = dateParam(r, "to")
	return from, to, err
}

func (s *Server) apiClaims(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := sitrep.QuantityFilter{Entity: q.Get("entity"), Category: q.Get("category"), Unit: q.Get("unit"), DocumentID: q.Get("document")}
	var err error
	if f.From, f.To, err = dateRange(r); err != nil {
		return nil, err
	}
	st, done, err := s.windowed(r, f.Entity)
	if err != nil {
		return nil, err
	}
	defer done()
	claims, err := kb.ClaimsOf(r.Context(), st, f)
	return nonEmpty(claims), err
}

func (s *Server) apiQuotes(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := sitrep.QuoteFilter{Speaker: q.Get("speaker"), DocumentID: q.Get("document")}
	var err error
	if f.From, f.To, err = dateRange(r); err != nil {
		return nil, err
	}
	if f.Limit, err = intParam(r, "limit", defaultLimit, maxLimit); err != nil {
		return nil, err
	}
	quotes, err := s.Store.Quotes(r.Context(), f)
	return nonEmpty(quotes), err
}

func (s *Server) apiForecasts(r *http.Request) (any, error) {
	st, done, err := s.windowed(r, "")
	if err != nil {
		return nil, err
	}
	defer done()
	fs, err := kb.ForecastsOf(r.Context(), st)
	return nonEmpty(fs), err
}

func (s *Server) apiSearch(r *http.Request) (any, error) {
	limit, err := intParam(r, "limit", 20, 200)
	if err != nil {
		return nil, err
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, sitrep.Errorf(sitrep.EINVALID, "q", "missing search query")
	}
	res, err := s.Store.Search(r.Context(), q, limit)
	return nonEmpty(res), err
}

func (s *Server) apiBrief(r *http.Request) (any, error) {
	q := r.URL.Query().Get("q")
	st, done, err := s.windowed(r, q)
	if err != nil {
		return nil, err
	}
	defer done()
	b, err := kb.BriefOf(r.Context(), st, q)
	return nonNilBrief(b), err
}

func nonNilBrief(b kb.Brief) kb.Brief {
	for _, p := range []*[]kb.BriefItem{&b.WhyItMatters, &b.WhatToKnow, &b.WhatPeopleSaid, &b.WhatsNext} {
		if *p == nil {
			*p = []kb.BriefItem{}
		}
	}
	return b
}

func (s *Server) apiStats(r *http.Request) (any, error) {
	return s.Store.Stats(r.Context())
}
