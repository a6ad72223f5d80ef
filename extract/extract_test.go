package extract

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		format string
		max    int
		code   string
		want   string // substring of the message
	}{
		{"empty", "", "", 0, sitrep.EINVALID, "empty input"},
		{"whitespace", " \n\t\r\n  \n", "", 0, sitrep.EINVALID, "only whitespace (8 bytes)"},
		{"unicode whitespace", "\u00a0\u2003\n", "", 0, sitrep.EINVALID, "only whitespace"},
		{"bom only", "\xef\xbb\xbf\n", "", 0, sitrep.EINVALID, "only whitespace"},
		{"nul", "hello\x00world", "", 0, sitrep.EINVALID, "NUL byte at byte offset 5"},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "", 0, sitrep.EINVALID, "binary file (PDF)"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", "", 0, sitrep.EINVALID, "binary file (ZIP archive"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", 0, sitrep.EINVALID, "binary file (PNG image)"},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00", "", 0, sitrep.EINVALID, "binary file (gzip)"},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", "", 0, sitrep.EINVALID, "binary file (JPEG image)"},
		{"elf", "\x7fELF\x02\x01\x01", "", 0, sitrep.EINVALID, "binary file (ELF executable)"},
		{"utf16", "\xff\xfeh\x00i\x00", "", 0, sitrep.EINVALID, "UTF-16"},
		{"invalid utf8", "Seoul said \xe9t\xe9 was hot", "", 0, sitrep.EINVALID, "invalid UTF-8 at byte offset 11 (byte 0xe9)"},
		{"truncated rune", "abc\xe2\x82", "", 0, sitrep.EINVALID, "invalid UTF-8 at byte offset 3"},
		{"control bytes", "a\x01b\x02c\x03d\x04e\x05f\x06", "", 0, sitrep.EINVALID, "control bytes"},
		{"too large", strings.Repeat("word ", 30), "", 100, sitrep.ETOOLARGE,
			"input is 150 B (150 bytes), over the size limit of 100 B (100 bytes); raise the limit with --max-bytes"},
		{"too large default", strings.Repeat("a", DefaultMaxBytes+1), "", 0, sitrep.ETOOLARGE, "over the size limit of 10.0 MiB"},
		{"html without text", "<html><head><title>T</title><script>var a = 1;</script></head><body><img src=x></body></html>",
			"", 0, sitrep.EINVALID, "HTML page has no readable text"},
		{"html empty body", "<!doctype html><html><body>   </body></html>", "", 0, sitrep.EINVALID, "no readable text"},
		{"feed", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "", 0, sitrep.EINVALID,
			"input is an RSS/Atom feed, not one document; use sitrep ingest to read its documents"},
		{"warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n", "", 0, sitrep.EINVALID, "input is a WARC archive, not one document"},
		{"jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n", "", 0, sitrep.EINVALID,
			"input is a JSONL batch, not one document; use --jsonl to analyse it line by line"},
		{"unknown format", "hello", "pdf", 0, sitrep.EINVALID, `unknown format "pdf"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.input), Options{Name: "in/" + tt.name, Format: tt.format, MaxBytes: tt.max})
			var e *sitrep.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *sitrep.Error", err, err)
			}
			if e.Code != tt.code || e.Input != "in/"+tt.name || !strings.Contains(e.Message, tt.want) {
				t.Errorf("got {%s %q %q}, want {%s %q …%q…}", e.Code, e.Input, e.Message, tt.code, "in/"+tt.name, tt.want)
			}
		})
	}
}

func TestControlBytesTolerated(t *testing.T) {
	// One stray escape in a long text is not binary.
	in := "Officials said on Monday that the talks would resume.\x1b Negotiators met in Geneva for three hours.\n"
	if _, err := Extract([]byte(in), Options{Name: "x"}); err != nil {
		t.Fatal(err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"plain", "Showers continued throughout the week in\nthe Bahia cocoa zone.\n", sitrep.FormatText},
		{"reuters tickers", "STANDARD OIL <SRD> TO FORM UNIT\nBP <BP> and Exxon <XON> said ...\n", sitrep.FormatText},
		{"doctype", "\n  <!DOCTYPE html><html><body><p>x</p></body></html>", sitrep.FormatHTML},
		{"html tag", "<HTML><BODY>x</BODY></HTML>", sitrep.FormatHTML},
		{"fragment", "<p>First.</p><p>Second.</p>", sitrep.FormatHTML},
		{"tags in body", "Some text<br>\nmore <b>bold</b> and <i>it</i> and <a href=x>link</a>", sitrep.FormatHTML},
		{"company names", "<Metal Traders Australasia Ltd> said a\nnewly-formed subsidiary, the <Austmet Ltd> group,\n", sitrep.FormatText},
		{"div-like name", "<Diversified Diagnostic Industries Inc>\nsaid it has received approval.\n", sitrep.FormatText},
		{"p-like ticker", "<P and G Co> said on Monday it would sell the unit.\n", sitrep.FormatText},
		{"fragment unclosed", "<p>First paragraph\n<p>Second paragraph</p>", sitrep.FormatHTML},
		{"one tag in prose", "Use the <b> element for bold.\n", sitrep.FormatText},
		{"atx heading", "# Title\n\nBody text.\n", sitrep.FormatMarkdown},
		{"bold line", "Intro line.\n**Why It Matters**\nBody.\n", sitrep.FormatMarkdown},
		{"link", "See [the report](https://example.org/r) for details.\n", sitrep.FormatMarkdown},
		{"list", "Points:\n- one thing\n- another thing\n", sitrep.FormatMarkdown},
		{"hashtag", "#breaking news today\nmore text\n", sitrep.FormatText},
		{"single dash", "- a quote fragment\nthen prose.\n", sitrep.FormatText},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.input)); got != tt.want {
			t.Errorf("%s: Detect = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTextAndMarkdown(t *testing.T) {
	tests := []struct {
		name, input, format, title, text string
	}{
		{"headline", "Port Expansion Approved\n\nThe authority voted on Thursday.\n", sitrep.FormatText, "Port Expansion Approved", ""},
		{"no blank line", "Showers continued throughout the week in\nthe Bahia cocoa zone.\n", sitrep.FormatText, "", ""},
		{"sentence first", "The authority voted on Thursday.\n\nMore.\n", sitrep.FormatText, "", ""},
		{"bom dropped", "\xef\xbb\xbfHello there.\n", sitrep.FormatText, "", "Hello there.\n"},
		{"md title", "Intro\n\n# Big News Today #\n\n## Section\n\nText.\n", sitrep.FormatMarkdown, "Big News Today", ""},
		{"md setext", "Big News\n========\n\n**Why It Matters**\nText.\n", sitrep.FormatMarkdown, "Big News", ""},
		{"md bold only", "Login to Continue Learning\n**Why It Matters**\nText.\n", sitrep.FormatMarkdown, "", ""},
	}
	for _, tt := range tests {
		doc, err := Extract([]byte(tt.input), Options{Name: tt.name})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := tt.text
		if want == "" {
			want = tt.input
		}
		if doc.Format != tt.format || doc.Title != tt.title || doc.Text != want {
			t.Errorf("%s: got format %q title %q text %q, want %q %q %q", tt.name, doc.Format, doc.Title, doc.Text, tt.format, tt.title, want)
		}
	}
}

func TestExampleArticleUnchanged(t *testing.T) {
	b, err := os.ReadFile("../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip("shared examples absent")
	}
	doc, err := Extract(b, Options{Name: "kim", URL: "https://news.example.org/a/1"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(b) || doc.Format != sitrep.FormatMarkdown || doc.Site != "news.example.org" {
		t.Errorf("format %q site %q, text unchanged %v", doc.Format, doc.Site, doc.Text == string(b))
	}
}

func TestNewsPage(t *testing.T) {
	b, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(b, Options{Name: "news.html"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != sitrep.FormatHTML {
		t.Errorf("format %q", doc.Format)
	}
	if want := "Harbor Authority Approves Port Expansion After Two-Year Review"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	if doc.Site != "The Coastal Ledger" || doc.Published != "2025-03-14" ||
		doc.URL != "https://www.coastal-ledger.example/news/2025/03/port-expansion" {
		t.Errorf("site %q published %q url %q", doc.Site, doc.Published, doc.URL)
	}
	for _, keep := range []string{
		"The Bayport Harbor Authority voted 7-2 on Thursday",
		"\n\nOpposition from residents\n\n", // heading on its own line
		`"We have waited two years for answers about dredging`,
		"public hearing on the permit application on April 2.",
	} {
		if !strings.Contains(doc.Text, keep) {
			t.Errorf("text lacks %q", keep)
		}
	}
	for _, drop := range []string{"cookie", "Accept all", "Advertisement", "Subscribe", "free articles",
		"Related stories", "Ferry service", "Privacy Policy", "All rights reserved", "Sports", "dataLayer"} {
		if strings.Contains(doc.Text, drop) {
			t.Errorf("text keeps chrome %q", drop)
		}
	}
	// Paragraphs are separated by blank lines, never glued together.
	if strings.Contains(doc.Text, "2023.The plan") || strings.Contains(doc.Text, "\n\n\n") {
		t.Errorf("bad paragraph breaks in %q", doc.Text)
	}
	// The URL given by the caller wins over the page's own.
	doc, err = Extract(b, Options{Name: "news.html", URL: "https://mirror.example.net/p"})
	if err != nil || doc.URL != "https://mirror.example.net/p" {
		t.Errorf("url %q err %v", doc.URL, err)
	}
}

func TestFallbacks(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
		not         []string
		title, date string
	}{
		{"tiny page", `<html><head><title>Short note</title><meta name="date" content="2024-08-28"></head><body><p>Troops arrived on Monday.</p></body></html>`,
			[]string{"Troops arrived on Monday."}, nil, "Short note", "2024-08-28"},
		{"broken", `<p>Hello <b>world</i></div></span><p>Second paragraph<td>cell</table></p></p></b><<>><p>Third & last`,
			[]string{"Hello world", "Second paragraph", "Third & last"}, nil, "", ""},
		{"text in body", "<html><body>Just a line of text<br>and another</body></html>",
			[]string{"Just a line of text\nand another"}, nil, "", ""},
		{"fragment", "<p>Officials said <a href='/x'>the talks</a> would resume.</p>\n<p>Second.</p>",
			[]string{"Officials said the talks would resume.\n\nSecond."}, nil, "", ""},
		{"nav only skipped", `<html><body><nav><a href="/">Home</a></nav><div>Body text here.</div><footer>Legal</footer></body></html>`,
			[]string{"Body text here."}, []string{"Home", "Legal"}, "", ""},
		{"br story with JSON-LD", mustRead("testdata/brstory.html"),
			[]string{"the district said.\n\nSuperintendent Ana Ruiz", "mountain routes.\n\n\"We will reassess"},
			[]string{"Log in", "newsletter", "Great reporting", "Comments"}, "Storm closes schools across the valley", "2024-11-05"},
		{"page in a form", `<html><body><form id="aspnetForm"><nav><a href="/">Home</a></nav><p>The council met.</p><input type="text" value="search"></form></body></html>`,
			[]string{"The council met."}, []string{"Home", "search"}, "", ""},
		{"unclosed comment", "<html><body><p>Visible text.</p><!-- never closed <p>hidden</p>",
			[]string{"Visible text."}, []string{"hidden"}, "", ""},
	}
	for _, tt := range tests {
		doc, err := Extract([]byte(tt.input), Options{Name: tt.name, Format: sitrep.FormatHTML})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(doc.Text, w) {
				t.Errorf("%s: text %q lacks %q", tt.name, doc.Text, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(doc.Text, w) {
				t.Errorf("%s: text %q keeps %q", tt.name, doc.Text, w)
			}
		}
		if doc.Title != tt.title || doc.Published != tt.date {
			t.Errorf("%s: title %q date %q, want %q %q", tt.name, doc.Title, doc.Published, tt.title, tt.date)
		}
	}
}

func mustRead(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestMetadataCleanup(t *testing.T) {
	tests := []struct {
		name, input, url, title, site, date string
	}{
		{"site suffix", `<html><head><title>Storm Closes Schools | Valley Herald</title><meta property="og:site_name" content="Valley Herald"></head><body><p>Snow.</p></body></html>`,
			"", "Storm Closes Schools", "Valley Herald", ""},
		{"site prefix", `<html><head><title>Valley Herald - Storm Closes Schools</title><meta property="og:site_name" content="Valley Herald"></head><body><p>Snow.</p></body></html>`,
			"", "Storm Closes Schools", "Valley Herald", ""},
		{"url date", `<html><head><title>Storm</title></head><body><p>Snow.</p></body></html>`,
			"https://www.herald.example/news/2024/11/05/storm-closes-schools", "Storm", "herald.example", "2024-11-05"},
		{"url not a date", `<p>Snow.</p>`, "https://herald.example/2024/13/05/x", "", "herald.example", ""},
		{"text with url date", "Snow fell.\n", "https://herald.example/2024-11-05/snow.html", "", "herald.example", "2024-11-05"},
	}
	for _, tt := range tests {
		doc, err := Extract([]byte(tt.input), Options{Name: tt.name, URL: tt.url})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if doc.Title != tt.title || doc.Site != tt.site || doc.Published != tt.date {
			t.Errorf("%s: got %q %q %q, want %q %q %q", tt.name, doc.Title, doc.Site, doc.Published, tt.title, tt.site, tt.date)
		}
	}
}

func TestDeeplyNestedHTML(t *testing.T) {
	const n = 100_000
	for _, tag := range []string{"div", "b", "table"} {
		in := "<html><head><title>Deep</title></head><body>" + strings.Repeat("<"+tag+">", n) +
			"<p>The bottom of the well.</p>" + strings.Repeat("</"+tag+">", n) + "</body></html>"
		start := time.Now()
		doc, err := Extract([]byte(in), Options{Name: "deep-" + tag})
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if !strings.Contains(doc.Text, "The bottom of the well.") {
			t.Errorf("%s: text %q", tag, doc.Text)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", tag, d)
		}
	}
	// Deep and empty: a clear error, not a crash.
	in := strings.Repeat("<div>", n) + strings.Repeat("</div>", n)
	_, err := Extract([]byte(in), Options{Name: "deep-empty"})
	if sitrep.ErrorCode(err) != sitrep.EINVALID || !strings.Contains(err.Error(), "deep-empty: HTML page has no readable text") {
		t.Errorf("err = %v", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-08-28", "2024-08-28"},
		{"2024-08-28T23:30:00-05:00", "2024-08-28"},
		{"2024-08-28 10:00:00", "2024-08-28"},
		{"Wed, 28 Aug 2024 14:00:00 GMT", "2024-08-28"},
		{"Wed, 28 Aug 2024 14:00:00 +0900", "2024-08-28"},
		{"August 28, 2024", "2024-08-28"},
		{"28 August 2024", "2024-08-28"},
		{"2024/08/28", "2024-08-28"},
		{"2024-02-30", ""},
		{"2024-13-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	seeds := []string{
		"<html><body><p>Hello</p></body></html>",
		"<p>a<b>b</p>c</b>",
		"<div><div><div>x",
		"<!doctype html><title>t</title><article><h1>H</h1><p>Para one.</p><p>Para two.</p></article>",
		"<table><tr><td>1<td>2</table>",
		"<pre>  keep\n  lines </pre>",
		"<p>&#0;&#xD800;&amp;&nbsp;&lt;</p>",
		"<svg><p>in svg</p></svg><math><mi>x</mi></math>",
	}
	if b, err := os.ReadFile("testdata/news.html"); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Add("# Title\n\nText.", true)
	f.Fuzz(func(t *testing.T, in string, detect bool) {
		format := sitrep.FormatHTML
		if detect {
			format = ""
		}
		doc, err := Extract([]byte(in), Options{Name: "fuzz", Format: format})
		if err != nil {
			var e *sitrep.Error
			if !errors.As(err, &e) || e.Input != "fuzz" || e.Code == sitrep.EINTERNAL {
				t.Fatalf("err = %#v", err)
			}
			return
		}
		if !utf8.ValidString(doc.Text) || strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("bad text %q", doc.Text)
		}
		if !utf8.ValidString(doc.Title) || !utf8.ValidString(doc.Site) {
			t.Fatalf("bad metadata %q %q", doc.Title, doc.Site)
		}
	})
}

// reutersHTML wraps Reuters articles in a news-page template, for
// benchmarks on real text; nil when the corpus is absent.
func reutersHTML(tb testing.TB, n int) [][]byte {
	f, err := os.Open(corpus.Shared(tb, "eval/news/reuters21578.jsonl"))
	if err != nil {
		tb.Skip("reuters corpus absent")
	}
	defer f.Close()
	var pages [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(pages) < n {
		var a struct{ Title, Date, Text string }
		if json.Unmarshal(sc.Bytes(), &a) != nil || len(a.Text) < 500 {
			continue
		}
		var body strings.Builder
		for _, p := range strings.Split(a.Text, "\n    ") {
			fmt.Fprintf(&body, "<p>%s</p>\n", htmlEscape(p))
		}
		page := fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title>
<meta property="article:published_time" content="%sT10:00:00Z"><meta property="og:site_name" content="Wire">
</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies.</div><main><article><h1>%s</h1>%s</article></main>
<footer><p>Copyright Wire</p></footer></body></html>`, htmlEscape(a.Title), a.Date, htmlEscape(a.Title), body.String())
		pages = append(pages, []byte(page))
	}
	return pages
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func BenchmarkExtractHTML(b *testing.B) {
	pages := reutersHTML(b, 200)
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	b.ReportAllocs()
	b.SetBytes(int64(total))
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p, Options{Name: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	corpus.ReportCPU(b, start, total)
}

func BenchmarkExtractText(b *testing.B) {
	f, err := os.ReadFile(corpus.Shared(b, "eval/news/reuters21578.jsonl"))
	if err != nil {
		b.Skip("reuters corpus absent")
	}
	var texts [][]byte
	total := 0
	for line := range strings.Lines(string(f)) {
		var a struct{ Text string }
		if json.Unmarshal([]byte(line), &a) == nil && a.Text != "" {
			texts = append(texts, []byte(a.Text))
			total += len(a.Text)
		}
		if len(texts) == 2000 {
			break
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(total))
	b.ResetTimer()
	start := corpus.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			if _, err := Extract(t, Options{Name: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	corpus.ReportCPU(b, start, total)
}
