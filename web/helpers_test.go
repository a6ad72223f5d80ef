package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/demo"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/sqlite"
)

var (
	analyzerOnce sync.Once
	testAnalyzer *analyze.Analyzer
)

func sharedAnalyzer() *analyze.Analyzer {
	analyzerOnce.Do(func() { testAnalyzer = analyze.New() })
	return testAnalyzer
}

// openStore opens an empty SQLite store in a temporary directory.
func openStore(t testing.TB) sitrep.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ingestDemo puts the demo corpus into st the way `sitrep demo` does:
// extract.Extract, then the analyzer, then Put.
func ingestDemo(t testing.TB, st sitrep.Store) []string {
	t.Helper()
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	a := sharedAnalyzer()
	var ids []string
	for _, art := range arts {
		doc, err := extract.Extract(art.Text, extract.Options{Name: art.File, URL: art.URL})
		if err != nil {
			t.Fatalf("%s: %v", art.File, err)
		}
		if doc.Title == "" {
			doc.Title = art.Title
		}
		if doc.Published == "" {
			doc.Published = art.Date
		}
		doc.Site = art.Site // the outlet, as the manifest names it
		an, err := a.Analyze(doc)
		if err != nil {
			t.Fatalf("%s: %v", art.File, err)
		}
		res, err := st.Put(context.Background(), an)
		if err != nil {
			t.Fatalf("%s: %v", art.File, err)
		}
		ids = append(ids, res.ID)
	}
	return ids
}

// demoServer is a server over a store holding the demo corpus.
func demoServer(t testing.TB) (*Server, []string) {
	st := openStore(t)
	ids := ingestDemo(t, st)
	return New(st, sharedAnalyzer()), ids
}

// get performs a GET through the server's handler.
func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func do(h http.Handler, method, path, body string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}
