package web

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

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
	limit, err := intParam(r, "limit", 0, maxLimit*5)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	// Bound the work of one request: at most this many event mentions,
	// earliest first, are merged; later ones are reached with from=.
	if f.Limit, err = intParam(r, "events", defaultTimelineEvents, maxTimelineEvents); err != nil {
		s.apiError(w, r, err)
		return
	}
	if f.Limit == 0 {
		f.Limit = defaultTimelineEvents
	}
	var st sitrep.Store = s.Store
	if f == (sitrep.EventFilter{Limit: f.Limit}) && r.URL.Query().Get("all") != "true" {
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
	evs, err := st.Events(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if len(evs) == f.Limit {
		w.Header().Set("X-Sitrep-Truncated", "events="+strconv.Itoa(f.Limit))
	}
	items := kb.Timeline(evs)
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	writeJSON(w, http.StatusOK, items)
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

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	f, err := documentFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	docs, err := s.Store.Documents(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if docs == nil {
		docs = []sitrep.Document{}
	}
	writeJSON(w, http.StatusOK, docs)
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	an, err := s.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, an)
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

func (s *Server) apiClaims(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := sitrep.QuantityFilter{Entity: q.Get("entity"), Category: q.Get("category"), Unit: q.Get("unit"), DocumentID: q.Get("document")}
	var err error
	if f.From, err = dateParam(r, "from"); err != nil {
		s.apiError(w, r, err)
		return
	}
	if f.To, err = dateParam(r, "to"); err != nil {
		s.apiError(w, r, err)
		return
	}
	st, done, err := s.windowed(r, f.Entity)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	claims, err := kb.ClaimsOf(r.Context(), st, f)
	done()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if claims == nil {
		claims = []kb.Claim{}
	}
	writeJSON(w, http.StatusOK, claims)
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := sitrep.QuoteFilter{Speaker: q.Get("speaker"), DocumentID: q.Get("document")}
	var err error
	if f.From, err = dateParam(r, "from"); err != nil {
		s.apiError(w, r, err)
		return
	}
	if f.To, err = dateParam(r, "to"); err != nil {
		s.apiError(w, r, err)
		return
	}
	if f.Limit, err = intParam(r, "limit", defaultLimit, maxLimit); err != nil {
		s.apiError(w, r, err)
		return
	}
	quotes, err := s.Store.Quotes(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if quotes == nil {
		quotes = []sitrep.StoredQuote{}
	}
	writeJSON(w, http.StatusOK, quotes)
}

func (s *Server) apiForecasts(w http.ResponseWriter, r *http.Request) {
	st, done, err := s.windowed(r, "")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	fs, err := kb.ForecastsOf(r.Context(), st)
	done()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if fs == nil {
		fs = []kb.Forecast{}
	}
	writeJSON(w, http.StatusOK, fs)
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 20, 200)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.apiError(w, r, sitrep.Errorf(sitrep.EINVALID, "q", "missing search query"))
		return
	}
	res, err := s.Store.Search(r.Context(), q, limit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if res == nil {
		res = []sitrep.SearchResult{}
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiBrief(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	st, done, err := s.windowed(r, q)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	b, err := kb.BriefOf(r.Context(), st, q)
	done()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, nonNilBrief(b))
}

func nonNilBrief(b kb.Brief) kb.Brief {
	for _, p := range []*[]kb.BriefItem{&b.WhyItMatters, &b.WhatToKnow, &b.WhatPeopleSaid, &b.WhatsNext} {
		if *p == nil {
			*p = []kb.BriefItem{}
		}
	}
	return b
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
