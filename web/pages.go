package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		fsrv.ServeHTTP(w, r)
	})
}

var templateFuncs = template.FuncMap{
	"cite":      citeSource,
	"day":       prettyDay,
	"entityURL": entityURL,
	"docURL":    func(id string) string { return "/documents/" + url.PathEscape(id) },
	"snippet":   snippetParts,
	"lower":     strings.ToLower,
	"join":      strings.Join,
	"add":       func(a, b int) int { return a + b },
	"modality":  modalityLabel,
}

var (
	templatesOnce sync.Once
	pageTemplates map[string]*template.Template
)

// templates parses every page with the layout, once.
func templates() map[string]*template.Template {
	templatesOnce.Do(func() {
		pageTemplates = map[string]*template.Template{}
		names, err := fs.Glob(templateFS, "templates/*.html")
		if err != nil {
			panic(err)
		}
		for _, n := range names {
			base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
			if base == "layout" || strings.HasPrefix(base, "_") {
				continue
			}
			t := template.New(base).Funcs(templateFuncs)
			t = template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/_*.html", n))
			pageTemplates[base] = t
		}
	})
	return pageTemplates
}

// page is what every page template gets.
type page struct {
	Title string
	Nav   string // the nav entry to highlight
	Stats sitrep.StoreStats
	CSRF  string
	Data  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, p page) {
	t := templates()[name]
	if t == nil {
		s.pageError(w, r, sitrep.Errorf(sitrep.EINTERNAL, name, "no template"))
		return
	}
	if p.Nav == "" {
		p.Nav = name
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.logf("render %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// pageError renders an error page with the error's status.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	s.render(w, r, code, "error", page{Title: http.StatusText(code), Nav: "-", Data: struct {
		Code    int
		Status  string
		Message string
	}{code, http.StatusText(code), s.publicMessage(r, err)}})
}

// Template helpers.

func citeSource(src kb.Source) string {
	name := src.Site
	if name == "" {
		name = src.Title
	}
	if name == "" {
		name = src.Document
	}
	if src.Published != "" {
		return name + ", " + prettyDay(src.Published)
	}
	return name
}

// prettyDay turns YYYY-MM-DD (or YYYY-MM) into "11 Jan 2026"; other values
// are returned as they are.
func prettyDay(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format("2 Jan 2006")
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.Format("Jan 2006")
	}
	return s
}

func entityURL(name string) string { return "/entities/" + url.PathEscape(name) }

func modalityLabel(m string) string {
	switch m {
	case sitrep.ModalityAsserted, "":
		return ""
	case sitrep.ModalityFuture:
		return "expected"
	}
	return m
}

type snipPart struct {
	Text  string
	Match bool
}

// snippetParts splits a search snippet with [bracketed] matches.
func snippetParts(s string) []snipPart {
	var out []snipPart
	for s != "" {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			out = append(out, snipPart{Text: s})
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			out = append(out, snipPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, snipPart{Text: s[:i]})
		}
		out = append(out, snipPart{Text: s[i+1 : i+j], Match: true})
		s = s[i+j+1:]
	}
	return out
}

func (s *Server) stats(r *http.Request) sitrep.StoreStats {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		s.logf("stats: %v", err)
	}
	return st
}

// Pages.

type storyData struct {
	Entities []sitrep.EntitySummary
	Entity   string
	Type     string
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	ents, err := s.Store.Entities(r.Context(), sitrep.EntityFilter{Limit: 80})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q := r.URL.Query()
	s.render(w, r, http.StatusOK, "story", page{Title: "Story", Stats: s.stats(r),
		Data: storyData{Entities: ents, Entity: q.Get("entity"), Type: q.Get("type")}})
}

func (s *Server) pageBrief(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	st, done, err := s.windowed(r, q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	b, err := kb.BriefOf(r.Context(), st, q)
	done()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "brief", page{Title: "Brief", Stats: s.stats(r), Data: b})
}

type entityGroup struct {
	Type     string
	Label    string
	Entities []sitrep.EntitySummary
}

var entityTypeLabels = map[string]string{
	sitrep.EntityPerson: "People", sitrep.EntityOrg: "Organisations", sitrep.EntityGPE: "Countries, cities, states",
	sitrep.EntityLoc: "Places", sitrep.EntityFac: "Facilities", sitrep.EntityNORP: "Groups and nationalities",
	sitrep.EntityEvent: "Named events", sitrep.EntityMisc: "Other",
}

var entityTypeOrder = []string{sitrep.EntityPerson, sitrep.EntityOrg, sitrep.EntityGPE, sitrep.EntityLoc,
	sitrep.EntityFac, sitrep.EntityNORP, sitrep.EntityEvent, sitrep.EntityMisc}

func (s *Server) pageEntities(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	ents, err := s.Store.Entities(r.Context(), sitrep.EntityFilter{Contains: q, Limit: 600})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	by := map[string][]sitrep.EntitySummary{}
	for _, e := range ents {
		by[e.Type] = append(by[e.Type], e)
	}
	var groups []entityGroup
	for _, t := range entityTypeOrder {
		if len(by[t]) > 0 {
			groups = append(groups, entityGroup{Type: t, Label: entityTypeLabels[t], Entities: by[t]})
			delete(by, t)
		}
	}
	for t, es := range by {
		groups = append(groups, entityGroup{Type: t, Label: t, Entities: es})
	}
	s.render(w, r, http.StatusOK, "entities", page{Title: "Entities", Stats: s.stats(r), Data: struct {
		Query  string
		Groups []entityGroup
		Count  int
	}{q, groups, len(ents)}})
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	st, done, err := s.windowed(r, r.PathValue("name"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p, err := kb.ProfileOf(r.Context(), st, r.PathValue("name"))
	done()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", page{Title: p.Entity.Name, Nav: "entities", Stats: s.stats(r), Data: struct {
		P      kb.Profile
		Label  string
		Quotes []quoteGroup
	}{p, entityTypeLabels[p.Entity.Type], groupQuotes(p.Quotes)}})
}

func (s *Server) pageFigures(w http.ResponseWriter, r *http.Request) {
	st, done, err := s.windowed(r, "")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	claims, err := kb.ClaimsOf(r.Context(), st, sitrep.QuantityFilter{Limit: 5000})
	done()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	sort.SliceStable(claims, func(i, j int) bool { return len(claims[i].Figures) > len(claims[j].Figures) })
	var charts []figureChart
	var single []kb.Claim
	for _, c := range claims {
		if len(c.Figures) >= 2 {
			charts = append(charts, chartOf(c))
		} else if len(c.Figures) == 1 {
			single = append(single, c)
		}
	}
	// A page a reader can take in: the most reported measures first.
	total := len(charts) + len(single)
	if len(charts) > maxCharts {
		charts = charts[:maxCharts]
	}
	if len(single) > maxSingles {
		single = single[:maxSingles]
	}
	s.render(w, r, http.StatusOK, "figures", page{Title: "Figures", Stats: s.stats(r), Data: struct {
		Charts []figureChart
		Single []kb.Claim
		Shown  int
		Total  int
	}{charts, single, len(charts) + len(single), total}})
}

// quoteGroup is one speaker's statements.
const (
	maxCharts  = 40
	maxSingles = 200
)

type quoteGroup struct {
	Speaker string
	Entity  string // the speaker's entity name for a link, "" when none
	Quotes  []sitrep.StoredQuote
}

func groupQuotes(qs []sitrep.StoredQuote) []quoteGroup {
	idx := map[string]int{}
	var out []quoteGroup
	for _, q := range qs {
		name, ent := q.SpeakerName, q.SpeakerName
		if name == "" {
			name = strings.TrimSpace(q.Source.Text)
		}
		if name == "" {
			name = "Unattributed"
		}
		k := strings.ToLower(name)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, quoteGroup{Speaker: name, Entity: ent})
		}
		out[i].Quotes = append(out[i].Quotes, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Quotes) > len(out[j].Quotes) })
	return out
}

func (s *Server) pageQuotes(w http.ResponseWriter, r *http.Request) {
	speaker := strings.TrimSpace(r.URL.Query().Get("speaker"))
	qs, err := s.Store.Quotes(r.Context(), sitrep.QuoteFilter{Speaker: speaker, Limit: 1000})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "quotes", page{Title: "Quotes", Stats: s.stats(r), Data: struct {
		Speaker string
		Groups  []quoteGroup
		Count   int
	}{speaker, groupQuotes(qs), len(qs)}})
}

func (s *Server) pageForecasts(w http.ResponseWriter, r *http.Request) {
	st, done, err := s.windowed(r, "")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	fs, err := kb.ForecastsOf(r.Context(), st)
	done()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Status]++
	}
	s.render(w, r, http.StatusOK, "forecasts", page{Title: "Forecasts", Stats: s.stats(r), Data: struct {
		Forecasts []kb.Forecast
		Counts    map[string]int
	}{fs, counts}})
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	var res []sitrep.SearchResult
	var ents []sitrep.EntitySummary
	if q != "" {
		var err error
		if res, err = s.Store.Search(r.Context(), q, 50); err != nil {
			s.pageError(w, r, err)
			return
		}
		if ents, err = s.Store.Entities(r.Context(), sitrep.EntityFilter{Contains: q, Limit: 12}); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "search", page{Title: "Search", Stats: s.stats(r), Data: struct {
		Query    string
		Results  []sitrep.SearchResult
		Entities []sitrep.EntitySummary
	}{q, res, ents}})
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) {
	f, err := documentFilter(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	docs, err := s.Store.Documents(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	next := ""
	if len(docs) == f.Limit {
		next = "/documents?offset=" + strconv.Itoa(f.Offset+f.Limit)
	}
	s.render(w, r, http.StatusOK, "documents", page{Title: "Articles", Stats: s.stats(r), Data: struct {
		Documents []sitrep.Document
		Next      string
	}{docs, next}})
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	an, err := s.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "document", page{Title: docTitle(an.Document), Nav: "documents", Stats: s.stats(r),
		Data: articleOf(an, true)})
}

func docTitle(d sitrep.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return "Article " + d.ID
}

type analyzeData struct {
	Text    string
	Date    string
	Error   string
	Article *article
}

func (s *Server) pageAnalyzeForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "analyze", page{Title: "Analyse an article", CSRF: s.csrfToken(w, r), Data: analyzeData{}})
}

func (s *Server) pageAnalyzePost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(MaxBodyBytes); err != nil && err != http.ErrNotMultipart {
		s.pageError(w, r, formError(err))
		return
	}
	if !s.checkCSRF(r) {
		s.pageError(w, r, errCSRF)
		return
	}
	d := analyzeData{Text: r.FormValue("text"), Date: strings.TrimSpace(r.FormValue("date"))}
	in := BatchLine{ID: "pasted", Text: d.Text, Date: d.Date, URL: strings.TrimSpace(r.FormValue("url"))}
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(f); err != nil {
			s.pageError(w, r, formError(err))
			return
		}
		in.ID = hdr.Filename
		in.Text = ""
		if looksHTML(buf.Bytes()) {
			in.HTML = buf.String()
		} else {
			in.Text = buf.String()
		}
	}
	code := http.StatusOK
	an, err := s.analyzeLine(in)
	if err != nil {
		code = status(err)
		d.Error = s.publicMessage(r, err)
	} else {
		a := articleOf(an, false)
		d.Article = &a
	}
	s.render(w, r, code, "analyze", page{Title: "Analyse an article", CSRF: s.csrfToken(w, r), Data: d})
}

func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<body") || strings.Contains(head, "<p>")
}

func formError(err error) error {
	if _, ok := err.(*http.MaxBytesError); ok {
		return err
	}
	if strings.Contains(err.Error(), "too large") {
		return sitrep.Errorf(sitrep.ETOOLARGE, "form", "the upload is over the %d-byte limit", MaxBodyBytes)
	}
	return sitrep.Errorf(sitrep.EINVALID, "form", "%v", err)
}
