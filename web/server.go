// Package web serves sitrep over HTTP: the JSON API under /api/v1/ (with
// its OpenAPI description) and server-rendered HTML pages — the story's
// timeline, the brief, entities, figures, quotes, forecasts, search, each
// stored article annotated, and a page to analyse a pasted article.
// Templates and static files are embedded; nothing is fetched from a CDN.
//
// The server is read-only unless it has a write token: endpoints that store
// require "Authorization: Bearer <token>". Every string from an article is
// escaped by html/template; scripts read data only from the JSON API, never
// from inline script built from data; forms are protected against
// cross-site requests; request bodies and times are bounded.
package web

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
)

// MaxBodyBytes bounds request bodies (an article to analyse, JSON).
const MaxBodyBytes = 4 << 20

// Server is the web UI and JSON API over a store.
type Server struct {
	Store    sitrep.Store
	Analyzer *analyze.Analyzer
	// WriteToken, when set, lets requests bearing it store documents.
	WriteToken string
	// Now is the clock (injected for tests).
	Now func() time.Time
	// Logger receives internal errors; nil logs to the standard logger.
	Logger *log.Logger
	// Timeout bounds the time of one request; New sets 30 seconds.
	Timeout time.Duration
	// CacheTTL is how long GET answers of the JSON API are reused (see
	// respCache); 0 turns the cache off. New sets DefaultCacheTTL.
	CacheTTL time.Duration
	// Concurrency is how many requests may read the store at once; the
	// others wait their turn, first come first served (see admitted).
	// 0 means DefaultConcurrency.
	Concurrency int

	mux          *http.ServeMux
	analyzerOnce sync.Once
	cacheOnce    sync.Once
	cache        *respCache
	heavySlots   chan struct{}
	admitOnce    sync.Once
	admit        *fifo // see admitted
}

// GCPercent is the garbage collector's target (as GOGC) that sitrep serve
// runs with unless GOGC is set: a server's heap is small next to the
// machine's memory, and collecting a quarter as often saved about 5% of
// the CPU of a request in BenchmarkAPILoad's mixed scenario.
const GCPercent = 400

// DefaultCacheTTL is how long the JSON API reuses an answer by default:
// short enough that a store written by another process (sitrep ingest)
// shows its news within seconds.
const DefaultCacheTTL = 5 * time.Second

// New returns a server over st. a may be nil, in which case one is loaded
// on first use of the analyze endpoints.
func New(st sitrep.Store, a *analyze.Analyzer) *Server {
	s := &Server{Store: st, Analyzer: a, Now: time.Now, Timeout: 30 * time.Second, CacheTTL: DefaultCacheTTL, heavySlots: make(chan struct{}, 2)}
	s.routes()
	return s
}

// ServeHTTP implements http.Handler with the security middleware around
// every route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.Timeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// HTTPServer returns an http.Server for s with conservative timeouts.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// apiRoute is one JSON API endpoint; the OpenAPI test checks the list
// against openapi.json both ways.
type apiRoute struct {
	Method, Path string
	handler      http.HandlerFunc
	post         bool // a state-changing POST: behind cross-origin protection
}

func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{"GET", "/api/v1/openapi.json", s.apiOpenAPI, false},
		{"GET", "/api/v1/timeline", s.apiTimeline, false},
		{"GET", "/api/v1/entities", s.apiEntities, false},
		{"GET", "/api/v1/entities/{name}", s.apiEntity, false},
		{"GET", "/api/v1/documents", s.jsonAPI(s.apiDocuments), false},
		{"GET", "/api/v1/documents/{id}", s.jsonAPI(s.apiDocument), false},
		{"POST", "/api/v1/documents", s.apiPutDocument, true},
		{"GET", "/api/v1/claims", s.jsonAPI(s.apiClaims), false},
		{"GET", "/api/v1/quotes", s.jsonAPI(s.apiQuotes), false},
		{"GET", "/api/v1/forecasts", s.jsonAPI(s.apiForecasts), false},
		{"GET", "/api/v1/search", s.jsonAPI(s.apiSearch), false},
		{"GET", "/api/v1/brief", s.jsonAPI(s.apiBrief), false},
		{"GET", "/api/v1/stats", s.jsonAPI(s.apiStats), false},
		{"POST", "/api/v1/analyze", s.apiAnalyze, true},
	}
}

func (s *Server) routes() {
	m := http.NewServeMux()
	cop := http.NewCrossOriginProtection()
	// JSON API.
	for _, rt := range s.apiRoutes() {
		var h http.Handler = rt.handler
		if rt.post {
			h = cop.Handler(h)
		} else {
			h = s.cached(s.admitted(h, s.apiError))
		}
		m.Handle(rt.Method+" "+rt.Path, h)
	}
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		// A known path asked with another method is 405, not 404.
		var allow []string
		for _, method := range []string{"GET", "POST"} {
			probe := r.Clone(r.Context())
			probe.Method = method
			if _, p := s.mux.Handler(probe); p != "/api/" {
				allow = append(allow, method)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.apiError(w, r, &sitrep.Error{Code: "method", Input: r.URL.Path, Message: r.Method + " not allowed: use " + strings.Join(allow, " or ")})
			return
		}
		s.apiError(w, r, sitrep.Errorf(sitrep.ENOTFOUND, r.URL.Path, "no such API endpoint"))
	})
	// Pages.
	page := func(pattern string, h http.HandlerFunc) { m.Handle(pattern, s.admitted(h, s.pageError)) }
	page("GET /{$}", s.pageStory)
	page("GET /brief", s.pageBrief)
	page("GET /entities", s.pageEntities)
	page("GET /entities/{name}", s.pageEntity)
	page("GET /figures", s.pageFigures)
	page("GET /quotes", s.pageQuotes)
	page("GET /forecasts", s.pageForecasts)
	page("GET /search", s.pageSearch)
	page("GET /documents", s.pageDocuments)
	page("GET /documents/{id}", s.pageDocument)
	m.HandleFunc("GET /analyze", s.pageAnalyzeForm)
	m.Handle("POST /analyze", cop.Handler(http.HandlerFunc(s.pageAnalyzePost)))
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, sitrep.Errorf(sitrep.ENOTFOUND, r.URL.Path, "no such page"))
	})
	s.mux = m
}

// cached serves GET answers through the response cache.
func (s *Server) cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.cacheOnce.Do(func() {
			if s.CacheTTL > 0 {
				s.cache = newRespCache(s.CacheTTL, 4096)
			}
		})
		if s.cache == nil {
			h.ServeHTTP(w, r)
			return
		}
		s.cache.serve(w, r, h, s.Now())
	})
}

// stored is called after a write through the server: cached answers are
// stale.
func (s *Server) stored() {
	if s.cache != nil {
		s.cache.clear()
	}
}

func (s *Server) analyzer() *analyze.Analyzer {
	s.analyzerOnce.Do(func() {
		if s.Analyzer == nil {
			s.Analyzer = analyze.New()
		}
	})
	return s.Analyzer
}

// status maps an error to its HTTP status: the one place codes meet HTTP.
func status(err error) int {
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusServiceUnavailable
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	switch sitrep.ErrorCode(err) {
	case sitrep.EINVALID:
		return http.StatusBadRequest
	case sitrep.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case sitrep.ENOTFOUND:
		return http.StatusNotFound
	case sitrep.ECONFLICT:
		return http.StatusConflict
	case sitrep.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case "forbidden":
		return http.StatusForbidden
	case "method":
		return http.StatusMethodNotAllowed
	}
	return http.StatusInternalServerError
}

// publicMessage is what a client may see of err: the message of a
// sitrep.Error, a generic text for anything internal.
func (s *Server) publicMessage(r *http.Request, err error) string {
	code := status(err)
	if code == http.StatusInternalServerError {
		s.logf("%s %s: %v", r.Method, r.URL.Path, err)
		return "internal error"
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Sprintf("request body over the %d-byte limit", mbe.Limit)
	}
	return err.Error()
}

func (s *Server) logf(format string, args ...any) {
	if s.Logger != nil {
		s.Logger.Printf(format, args...)
		return
	}
	log.Printf(format, args...)
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	writeJSON(w, code, map[string]string{"error": s.publicMessage(r, err), "code": errorCode(err)})
}

func errorCode(err error) string {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return sitrep.ETOOLARGE
	}
	return sitrep.ErrorCode(err)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// authorized reports whether r carries the server's write token.
func (s *Server) authorized(r *http.Request) bool {
	if s.WriteToken == "" {
		return false
	}
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) <= len(prefix) || h[:len(prefix)] != prefix {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(h[len(prefix):]), []byte(s.WriteToken)) == 1
}

// intParam reads a non-negative integer query parameter.
func intParam(r *http.Request, name string, def, max int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, sitrep.Errorf(sitrep.EINVALID, name, "must be a non-negative integer, not %q", v)
	}
	if max > 0 && n > max {
		n = max
	}
	return n, nil
}

// dateParam reads an optional YYYY-MM-DD query parameter.
func dateParam(r *http.Request, name string) (string, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", sitrep.Errorf(sitrep.EINVALID, name, "malformed date %q: want YYYY-MM-DD", v)
	}
	return v, nil
}
