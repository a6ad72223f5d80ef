package acquire

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	warc "github.com/internetarchive/gowarc"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Coastal Ledger</title>
  <link>https://ledger.example/</link>
  <description>News</description>
  <item>
    <title>Port expansion approved</title>
    <link>https://ledger.example/port</link>
    <pubDate>Fri, 14 Mar 2025 09:30:00 -0500</pubDate>
    <description>The authority voted 7-2.</description>
    <content:encoded><![CDATA[<p>The Bayport Harbor Authority voted 7-2 on Thursday.</p><p>Residents objected.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry returns</title>
    <link>https://ledger.example/ferry</link>
    <pubDate>Sat, 15 Mar 2025 08:00:00 GMT</pubDate>
    <description>Ferry service returns to Pier 4 on Monday.</description>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://ledger.example/empty</link>
  </item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire</title>
  <id>urn:wire</id>
  <updated>2024-09-01T00:00:00Z</updated>
  <entry>
    <title>Troops deployed</title>
    <id>urn:wire:1</id>
    <link href="https://wire.example/1"/>
    <published>2024-08-28T23:30:00+09:00</published>
    <updated>2024-08-29T01:00:00Z</updated>
    <content type="html">&lt;p&gt;Kim Jong Un committed troops.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Update only</title>
    <id>urn:wire:2</id>
    <link href="https://wire.example/2"/>
    <updated>2024-09-01T12:00:00Z</updated>
    <summary>Plain summary text.</summary>
  </entry>
</feed>`

func TestReadFeed(t *testing.T) {
	tests := []struct {
		name, feed string
		want       []got
		published  []string
	}{
		{"rss", rssFeed, []got{
			{name: "f#1", text: "<p>The Bayport Harbor Authority voted 7-2 on Thursday.</p><p>Residents objected.</p>", format: "html", title: "Port expansion approved", url: "https://ledger.example/port"},
			{name: "f#2", text: "Ferry service returns to Pier 4 on Monday.", title: "Ferry returns", url: "https://ledger.example/ferry"},
			{name: "f#3", title: "Empty item", url: "https://ledger.example/empty",
				err: "invalid: f#3: feed item has no content or description (link https://ledger.example/empty; fetch it with the link option)"},
		}, []string{"2025-03-14", "2025-03-15", ""}},
		{"atom", atomFeed, []got{
			{name: "f#1", text: "<p>Kim Jong Un committed troops.</p>", format: "html", title: "Troops deployed", url: "https://wire.example/1"},
			{name: "f#2", text: "Plain summary text.", title: "Update only", url: "https://wire.example/2"},
		}, []string{"2024-08-28", "2024-09-01"}},
		{"malformed", "<rss><channel><item><title>x</ti", []got{
			{name: "f", err: "invalid: f: malformed feed: "},
		}, []string{""}},
	}
	for _, tt := range tests {
		var pub []string
		var gotten []got
		for in, err := range ReadFeed([]byte(tt.feed), "f") {
			pub = append(pub, in.Published)
			gotten = append(gotten, collect(func(y func(Input, error) bool) { y(in, err) })...)
		}
		if len(gotten) != len(tt.want) {
			t.Fatalf("%s: got %+v", tt.name, gotten)
		}
		for i := range gotten {
			w := tt.want[i]
			g := gotten[i]
			if w.err != "" && strings.HasPrefix(g.err, w.err) {
				g.err = w.err
			}
			if g != w || pub[i] != tt.published[i] {
				t.Errorf("%s item %d:\n got %+v %q\nwant %+v %q", tt.name, i, g, pub[i], w, tt.published[i])
			}
		}
	}
}

func TestIsFeed(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{rssFeed, true},
		{atomFeed, true},
		{`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>`, true},
		{"\xef\xbb\xbf<rss version=\"2.0\">", true},
		{`<?xml version="1.0"?><!DOCTYPE html><html><body>x</body></html>`, false},
		{`<html><body><rss>x</rss></body></html>`, false},
		{`<feedback>no</feedback>`, false},
		{"plain text about an rss feed", false},
	}
	for _, tt := range tests {
		if got := isFeed([]byte(tt.in)); got != tt.want {
			t.Errorf("isFeed(%.40q) = %v", tt.in, got)
		}
	}
}

// warcFile builds a WARC with gowarc's writer, one gzip member per record
// when gz is set (the .warc.gz convention).
func warcFile(t *testing.T, gz bool) []byte {
	t.Helper()
	type rec struct {
		typ, uri, ctype, block string
	}
	html := "<html><head><title>Port</title></head><body><article><p>The Bayport Harbor Authority voted on Thursday.</p></article></body></html>"
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte("<p>Compressed page text.</p>"))
	zw.Close()
	latin1 := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners protested.</p></body></html>"
	recs := []rec{
		{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
		{"request", "https://ledger.example/port", "application/http; msgtype=request", "GET /port HTTP/1.1\r\nHost: ledger.example\r\n\r\n"},
		{"response", "https://ledger.example/port", "application/http; msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(html), html)},
		{"response", "https://ledger.example/logo.png", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG"},
		{"response", "https://ledger.example/missing", "application/http; msgtype=response",
			"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found"},
		{"response", "https://ledger.example/gz", "application/http; msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s", zipped.Len(), zipped.String())},
		{"response", "https://ledger.example/chunked", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nHello \r\n6\r\nworld.\r\n0\r\n\r\n"},
		{"response", "https://ledger.example/latin1", "application/http; msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(latin1), latin1)},
		{"resource", "file:///notes.md", "text/markdown", "# Notes\n\nA resource record.\n"},
		{"response", "https://ledger.example/huge", "application/http; msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>%s</p>", strings.Repeat("x", 3000))},
	}
	var out bytes.Buffer
	for _, r := range recs {
		var one bytes.Buffer
		w, err := warc.NewWriter(&one, "test.warc", warc.SHA1, "", "", true, nil)
		if err != nil {
			t.Fatal(err)
		}
		record := warc.NewRecord(t.TempDir(), false)
		record.Header.Set("WARC-Type", r.typ)
		record.Header.Set("WARC-Date", "2025-03-14T15:04:05Z")
		if r.uri != "" {
			record.Header.Set("WARC-Target-URI", r.uri)
		}
		record.Header.Set("Content-Type", r.ctype)
		record.Content.Write([]byte(r.block))
		if _, err := w.WriteRecord(record); err != nil {
			t.Fatal(err)
		}
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(one.Bytes())
			zw.Close()
		} else {
			out.Write(one.Bytes())
		}
	}
	return out.Bytes()
}

func TestReadWARC(t *testing.T) {
	want := []got{
		{name: "w#3", url: "https://ledger.example/port", format: "html",
			text: "<html><head><title>Port</title></head><body><article><p>The Bayport Harbor Authority voted on Thursday.</p></article></body></html>"},
		{name: "w#6", url: "https://ledger.example/gz", format: "html", text: "<p>Compressed page text.</p>"},
		{name: "w#7", url: "https://ledger.example/chunked", text: "Hello world."},
		{name: "w#8", url: "https://ledger.example/latin1", format: "html",
			text: "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café owners protested.</p></body></html>"},
		{name: "w#9", url: "file:///notes.md", format: "markdown", text: "# Notes\n\nA resource record.\n"},
		{name: "w#10", url: "https://ledger.example/huge", format: "html",
			err: "too_large: w#10: input is more than 2.0 KiB, over the size limit of 2.0 KiB (2048 bytes); raise the limit with --max-bytes"},
	}
	for _, gz := range []bool{false, true} {
		data := warcFile(t, gz)
		var pubs []string
		var gotten []got
		for in, err := range ReadWARC(bytes.NewReader(data), "w", 2048) {
			pubs = append(pubs, in.Published)
			gotten = append(gotten, collect(func(y func(Input, error) bool) { y(in, err) })...)
		}
		if fmt.Sprint(gotten) != fmt.Sprint(want) {
			t.Errorf("gz=%v:\n got %+v\nwant %+v", gz, gotten, want)
		}
		for _, p := range pubs {
			if p != "2025-03-14" {
				t.Errorf("published %q", p)
			}
		}
	}
	// Extraction works on what the WARC yields.
	for in, err := range ReadWARC(bytes.NewReader(warcFile(t, true)), "w", 0) {
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Extract(in.Bytes, extract.Options{Name: in.Name, URL: in.URL, Format: in.Format})
		if err != nil || strings.TrimSpace(doc.Text) == "" {
			t.Errorf("%s: %v %q", in.Name, err, doc.Text)
		}
	}
}

func TestReadWARCMalformed(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"garbage", "WARC/1.0\r\nContent-Length: nope\r\n\r\n", "invalid: bad: malformed WARC record 1: "},
		{"truncated", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort", "invalid: bad: malformed WARC record 1: "},
		{"empty", "", "invalid: bad: empty WARC file"},
	}
	for _, tt := range tests {
		gotten := collect(ReadWARC(strings.NewReader(tt.data), "bad", 0))
		if len(gotten) != 1 || !strings.HasPrefix(gotten[0].err, tt.want) {
			t.Errorf("%s: got %+v, want error %q", tt.name, gotten, tt.want)
		}
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func writeFiles(t *testing.T, root string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSources(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{
		"a.txt":               []byte("Plain text article.\n"),
		"b.md":                []byte("# Title\n\nMarkdown.\n"),
		"sub/c.html":          []byte("<p>HTML page.</p>"),
		"sub/deeper/d":        []byte("No extension.\n"),
		".hidden.txt":         []byte("hidden\n"),
		".git/config.txt":     []byte("hidden dir\n"),
		"logo.png":            []byte("\x89PNG\r\n\x1a\n"),
		"style.css":           []byte("body{}"),
		"batch.jsonl":         []byte("{\"id\":\"x1\",\"text\":\"One.\"}\nnot json\n{\"id\":\"x3\",\"text\":\"Three.\",\"date\":\"2024-01-02\"}\n"),
		"news.xml":            []byte(rssFeed),
		"crawl.warc.gz":       warcFile(t, true),
		"paper.pdf":           []byte("%PDF-1.7\n"),
		"big/huge.txt":        []byte(strings.Repeat("a", 3000)),
		"globs/one.txt":       []byte("Glob one.\n"),
		"globs/two.txt":       []byte("Glob two.\n"),
		"globs/three.md":      []byte("Glob three.\n"),
		"stdin-not-read.txt":  []byte("x"),
		"sub/deeper/skip.zip": []byte("PK\x03\x04"),
		"zipped/b.jsonl.gz":   gz("{\"id\":\"z1\",\"text\":\"Zipped line.\"}\n"),
		"zipped/page.html.gz": gz("<p>Zipped page.</p>"),
		"zipped/bomb.txt.gz":  gz(strings.Repeat("a", 5000)),
	})
	in := func(p string) string { return filepath.Join(root, p) }
	stdin := strings.NewReader("{\"id\":\"s1\",\"text\":\"From stdin.\"}\n")
	args := []string{
		in("a.txt"),
		in("missing.txt"),
		in("paper.pdf"), // named explicitly: read, and extract will reject it
		in("globs/*.txt"),
		in("nomatch/*.txt"),
		"-",
		in("batch.jsonl"),
		in("news.xml"),
		in("crawl.warc.gz"),
		in("sub"),
		in("big"),
		in("zipped"),
		in("zipped/page.html.gz"),
		in("zipped/bomb.txt.gz"),
	}
	var gotten []string
	for in, err := range Sources(context.Background(), args, Options{Stdin: stdin, MaxBytes: 2048}) {
		name := strings.TrimPrefix(in.Name, root+string(filepath.Separator))
		line := name
		if in.ID != "" {
			line += " id=" + in.ID
		}
		if err != nil {
			line += " ERR " + sitrep.ErrorCode(err) + " " + strings.ReplaceAll(err.Error(), root+string(filepath.Separator), "")
		} else {
			line += fmt.Sprintf(" %q", truncate(string(in.Bytes), 20))
		}
		gotten = append(gotten, line)
	}
	want := []string{
		`a.txt "Plain text article.\n"`,
		"missing.txt ERR not_found missing.txt: no such file or directory",
		`paper.pdf "%PDF-1.7\n"`,
		`globs/one.txt "Glob one.\n"`,
		`globs/two.txt "Glob two.\n"`,
		"nomatch/*.txt ERR not_found nomatch/*.txt: no files match",
		`stdin:1 id=s1 "From stdin."`,
		`batch.jsonl:1 id=x1 "One."`,
		`batch.jsonl:2 ERR invalid batch.jsonl:2: malformed JSON: a line must be a JSON object, not "not json"`,
		`batch.jsonl:3 id=x3 "Three."`,
		`news.xml#1 "<p>The Bayport Harbo…"`,
		`news.xml#2 "Ferry service return…"`,
		"news.xml#3 ERR invalid news.xml#3: feed item has no content or description (link https://ledger.example/empty; fetch it with the link option)",
		`crawl.warc.gz#3 "<html><head><title>P…"`,
		`crawl.warc.gz#6 "<p>Compressed page t…"`,
		`crawl.warc.gz#7 "Hello world."`,
		`crawl.warc.gz#8 "<html><head><meta ch…"`,
		`crawl.warc.gz#9 "# Notes\n\nA resource …"`,
		"crawl.warc.gz#10 ERR too_large crawl.warc.gz#10: input is more than 2.0 KiB, over the size limit of 2.0 KiB (2048 bytes); raise the limit with --max-bytes",
		`sub/c.html "<p>HTML page.</p>"`,
		`sub/deeper/d "No extension.\n"`,
		"big/huge.txt ERR too_large big/huge.txt: input is 2.9 KiB (3000 bytes), over the size limit of 2.0 KiB (2048 bytes); raise the limit with --max-bytes",
		`zipped/b.jsonl.gz:1 id=z1 "Zipped line."`,
		`zipped/page.html.gz "<p>Zipped page.</p>"`,
		"zipped/bomb.txt.gz ERR too_large zipped/bomb.txt.gz: input is more than 2.0 KiB, over the size limit of 2.0 KiB (2048 bytes); raise the limit with --max-bytes",
	}
	if strings.Join(gotten, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\n\nwant\n%s", strings.Join(gotten, "\n"), strings.Join(want, "\n"))
	}
}

func TestSourcesFolderFormats(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"x.html": []byte("<p>x</p>"), "y.md": []byte("y\n"), "z.txt": []byte("z\n")})
	var formats []string
	for in, err := range Sources(context.Background(), []string{root}, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		formats = append(formats, filepath.Base(in.Name)+"="+in.Format)
	}
	if got := strings.Join(formats, " "); got != "x.html=html y.md=markdown z.txt=" {
		t.Errorf("formats %s", got)
	}
}

func TestSourcesCancel(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"a.txt": []byte("a\n"), "b.txt": []byte("b\n"), "c.txt": []byte("c\n")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range Sources(ctx, []string{root}, Options{}) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("read %d inputs after cancel", n)
	}
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><head><title>Port</title></head><body><p>The authority voted.</p></body></html>")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusFound)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Plain words.\n")
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, "<p>Caf\xe9 cr\xe8me.</p>")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(rssFeed, "https://ledger.example", "http://"+r.Host))
	})
	mux.HandleFunc("/port", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>Full port article.</p>")
	})
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>Full ferry article.</p>")
	})
	mux.HandleFunc("/batch", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		fmt.Fprint(w, "{\"id\":\"u1\",\"text\":\"Remote line.\"}\n")
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", "5000")
		fmt.Fprint(w, strings.Repeat("x", 5000))
	})
	mux.HandleFunc("/bigchunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 5 {
			fmt.Fprint(w, strings.Repeat("x", 1000))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1 only
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchURL(t *testing.T) {
	srv := newServer(t)
	opts := Options{MaxBytes: 4096, Timeout: 300 * time.Millisecond}
	tests := []struct {
		path, wantURL, wantText, wantFormat, wantErr string
	}{
		{"/article", "/article", "<html><head><title>Port</title></head><body><p>The authority voted.</p></body></html>", "html", ""},
		{"/redirect", "/article", "<html><head><title>Port</title></head><body><p>The authority voted.</p></body></html>", "html", ""},
		{"/plain", "/plain", "Plain words.\n", "", ""},
		{"/latin1", "/latin1", "<p>Café crème.</p>", "html", ""},
		{"/pdf", "", "", "", `invalid: URL/pdf: unsupported content type "application/pdf": want HTML, plain text, Markdown or an RSS/Atom feed`},
		{"/big", "", "", "", "too_large: URL/big: input is 4.9 KiB (5000 bytes), over the size limit of 4.0 KiB (4096 bytes)"},
		{"/bigchunked", "", "", "", "too_large: URL/bigchunked: input is more than 4.0 KiB, over the size limit"},
		{"/nowhere", "", "", "", "not_found: URL/nowhere: HTTP 404 Not Found"},
		{"/broken", "", "", "", "unavailable: URL/broken: HTTP 500 Internal Server Error"},
		{"/slow", "", "", "", "unavailable: URL/slow: cannot fetch: no answer within 300ms"},
		{"/feed", "", "", "", "invalid: URL/feed: is an RSS/Atom feed, not one document; use sitrep ingest to read its items"},
	}
	for _, tt := range tests {
		in, err := FetchURL(srv.URL+tt.path, opts)
		g := collect(func(y func(Input, error) bool) { y(in, err) })[0]
		g.err = strings.ReplaceAll(g.err, srv.URL, "URL")
		if tt.wantErr != "" {
			if !strings.HasPrefix(g.err, tt.wantErr) {
				t.Errorf("%s: err %q, want %q", tt.path, g.err, tt.wantErr)
			}
			continue
		}
		if g.err != "" || in.URL != srv.URL+tt.wantURL || in.Name != in.URL || g.text != tt.wantText || in.Format != tt.wantFormat {
			t.Errorf("%s: got %+v", tt.path, g)
		}
	}
	if _, err := FetchURL("http://[::1", opts); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("bad URL: %v", err)
	}
}

func TestSourcesURLs(t *testing.T) {
	srv := newServer(t)
	for _, follow := range []bool{false, true} {
		var lines []string
		for in, err := range Sources(context.Background(), []string{srv.URL + "/feed", srv.URL + "/batch", srv.URL + "/pdf"},
			Options{FetchFeedLinks: follow, Timeout: time.Second}) {
			line := strings.ReplaceAll(in.Name, srv.URL, "URL") + " " + string(in.Bytes) + " " + in.Title + " " + in.Published
			if err != nil {
				line = strings.ReplaceAll(err.Error(), srv.URL, "URL")
			}
			lines = append(lines, line)
		}
		want := []string{
			"URL/feed#1 <p>The Bayport Harbor Authority voted 7-2 on Thursday.</p><p>Residents objected.</p> Port expansion approved 2025-03-14",
			"URL/feed#2 Ferry service returns to Pier 4 on Monday. Ferry returns 2025-03-15",
			"URL/feed#3: feed item has no content or description (link URL/empty; fetch it with the link option)",
			"URL/batch:1 Remote line.  ",
			`URL/pdf: unsupported content type "application/pdf": want HTML, plain text, Markdown or an RSS/Atom feed`,
		}
		if follow {
			want[0] = "URL/feed#1 URL/port <p>Full port article.</p> Port expansion approved 2025-03-14"
			want[1] = "URL/feed#2 URL/ferry <p>Full ferry article.</p> Ferry returns 2025-03-15"
			want[2] = "URL/empty: HTTP 404 Not Found"
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("follow=%v: got\n%s\nwant\n%s", follow, strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	}
}
