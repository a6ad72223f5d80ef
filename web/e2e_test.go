package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser drives the UI in headless Chromium: the story page for the
// demo corpus, a click on a timeline item and its sources, an article
// view, and a screenshot of every page. It runs when SITREP_TEST_CHROMIUM
// names the browser; screenshots go to SITREP_SCREENSHOTS (default a
// temporary directory).
func TestBrowser(t *testing.T) {
	exe := os.Getenv("SITREP_TEST_CHROMIUM")
	if exe == "" {
		t.Skip("SITREP_TEST_CHROMIUM is not set")
	}
	shots := os.Getenv("SITREP_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	s, _ := demoServer(t)
	srv := httptest.NewServer(s) // 127.0.0.1:0: loopback only
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	// Collect console errors: a CSP violation or a script exception fails the test.
	var mu sync.Mutex
	var problems []string
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				problems = append(problems, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(c, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	shot := func(name string) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		png, err := chromedp.Run(c, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		s, err := chromedp.Run(c, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// The story page: the timeline renders from the API.
	step("story page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".tl-item")))
	shot("story.png")
	// Click a timeline item: its sources appear, linking to article views.
	step("click an item", chromedp.Click(chromedp.CSS(".tl-item"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("#detail ul.sources li a")))
	detail := text("#detail")
	if !strings.Contains(detail, "Sources") {
		t.Errorf("detail panel lacks sources: %q", detail)
	}
	src := text("#detail ul.sources li a")
	if src == "" {
		t.Errorf("source without a title")
	}
	step("scroll to the detail", chromedp.ScrollIntoView(chromedp.CSS("#detail")))
	shot("story-detail.png")
	// Zoom in: the time axis gets wider.
	width := func() float64 {
		w, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("#timeline .canvas").getBoundingClientRect().width`))
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	w0 := width()
	step("zoom in", chromedp.Click(chromedp.CSS("#zoom-in")), chromedp.Click(chromedp.CSS("#zoom-in")))
	if w1 := width(); w1 <= w0 {
		t.Errorf("zoom in: canvas width %v, was %v", w1, w0)
	}
	step("fit", chromedp.Click(chromedp.CSS("#zoom-fit")))
	// Filter by type: only items of that type remain.
	typ, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const s = document.getElementById("f-type");
		s.selectedIndex = 1; s.dispatchEvent(new Event("change")); return s.value; })()`))
	if err != nil || typ == "" {
		t.Fatalf("type filter: %q %v", typ, err)
	}
	others, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#timeline .tl-item:not(.ty-`+typ+`)").length`))
	if err != nil || others != 0 {
		t.Errorf("type filter %s: %d items of other types (%v)", typ, others, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(() => { const s = document.getElementById("f-type");
		s.selectedIndex = 0; s.dispatchEvent(new Event("change")); return 0; })()`)); err != nil {
		t.Fatal(err)
	}
	// Follow the source to the article view.
	step("open the source", chromedp.Click(chromedp.CSS("#detail ul.sources li a"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(".doc-text")))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "/documents/d") {
		t.Errorf("source link led to %q (%v)", loc, err)
	}
	if h := text(".doc-head h1"); !strings.EqualFold(h, strings.TrimSpace(src)) {
		t.Errorf("article view title %q, source title %q", h, src)
	}
	shot("article.png")

	pages := []struct{ path, wait, file string }{
		{"/brief", ".brief-sec", "brief.png"},
		{"/entities", ".ent-group", "entities.png"},
		{"/figures", ".page-head", "figures.png"},
		{"/quotes", ".page-head", "quotes.png"},
		{"/forecasts", ".page-head", "forecasts.png"},
		{"/search?q=cyclone+Beira", "ol.results li", "search.png"},
		{"/documents", "ol.results li", "documents.png"},
	}
	for _, p := range pages {
		step(p.path, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
		shot(p.file)
	}
	// An entity page, reached from the entities list.
	step("entity page", chromedp.Navigate(srv.URL+"/entities"),
		chromedp.Click(chromedp.CSS(".ent-list a"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS("article.entity")))
	shot("entity.png")

	// The analyse page: paste an article, submit the form (with its CSRF
	// token), see it annotated.
	sample := "Beira, Mozambique — The government said on Monday that 1,200 troops would be sent to Sofala province by Friday. " +
		"\"We will not leave anyone behind,\" President Daniel Chapo told reporters in Maputo on 12 January 2026."
	step("analyze form", chromedp.Navigate(srv.URL+"/analyze"), chromedp.WaitVisible(chromedp.CSS("#a-text")),
		chromedp.SetValue(chromedp.CSS("#a-text"), sample), chromedp.SetValue(chromedp.CSS(`input[name="date"]`), "2026-01-12"),
		chromedp.Click(chromedp.CSS("button.primary"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS(".doc-text")))
	if got := text(".doc-text"); !strings.Contains(got, "Sofala") {
		t.Errorf("analysed text not shown: %q", got)
	}
	// Upload the worked example article, when the shared examples are there.
	if example, err := filepath.Abs("../../shared/examples/kim-troops-russia.txt"); err == nil {
		if _, err := os.Stat(example); err == nil {
			step("upload the example", chromedp.Navigate(srv.URL+"/analyze"), chromedp.WaitVisible(chromedp.CSS("#a-text")),
				chromedp.SetUploadFiles(chromedp.CSS(`input[type="file"]`), []string{example}),
				chromedp.SetValue(chromedp.CSS(`input[name="date"]`), "2025-09-01"),
				chromedp.Click(chromedp.CSS("button.primary"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS(".doc-text")))
			if got := text(".doc-text"); !strings.Contains(got, "troops") {
				t.Errorf("uploaded example not shown: %.200q", got)
			}
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, document.querySelector(".doc-head").getBoundingClientRect().top + window.scrollY - 70), 0`)); err != nil {
		t.Fatal(err)
	}
	shot("analyze.png")

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("screenshots in %s", shots)
}
