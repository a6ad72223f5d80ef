package acquire

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
)

// checkStream fails unless every error of a reader's stream is a
// sitrep.Error naming the input and every document has bytes.
func checkStream(t *testing.T, name string, in Input, err error) {
	t.Helper()
	if !strings.HasPrefix(in.Name, name) {
		t.Fatalf("input named %q, want a name under %q", in.Name, name)
	}
	if err != nil {
		var e *sitrep.Error
		if !errors.As(err, &e) || !strings.HasPrefix(e.Input, name) || e.Code == sitrep.EINTERNAL {
			t.Fatalf("err = %#v", err)
		}
	}
}

// FuzzReadWARC checks that no WARC, however malformed, panics or hangs the
// reader, and that its errors are EINVALID errors naming the input.
func FuzzReadWARC(f *testing.F) {
	rec := func(typ, ctype, block string) string {
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-03-14T15:04:05Z\r\nWARC-Target-URI: https://ledger.example/a\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, ctype, len(block), block)
	}
	html := "<p>The Bayport Harbor Authority voted on Thursday.</p>"
	for _, s := range []string{
		rec("response", "application/http; msgtype=response", fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(html), html)),
		rec("response", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nHello \r\n0\r\n\r\n"),
		rec("response", "application/http", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08"),
		rec("resource", "text/markdown", "# Notes\n\nA resource record.\n") + rec("warcinfo", "application/warc-fields", "software: x\r\n"),
		"WARC/1.0\r\nContent-Length: nope\r\n\r\n",
		"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for in, err := range ReadWARC(bytes.NewReader(data), "w", 4096) {
			checkStream(t, "w", in, err)
		}
	})
}

// FuzzReadFeed checks that no feed, however malformed, panics the reader,
// and that its errors are EINVALID errors naming the input.
func FuzzReadFeed(f *testing.F) {
	for _, s := range []string{
		rssFeed, atomFeed,
		`<rss version="2.0"><channel><item><title>a</title></item><item><description><![CDATA[<p>x</p>]]></description><pubDate>Mon, 99 Foo 2025</pubDate></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;p&gt;y</content><updated>2025-13-45T00:00:00Z</updated></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>z</link></item></rdf:RDF>`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"content_html":"<p>j</p>"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for in, err := range ReadFeed(data, "f") {
			checkStream(t, "f", in, err)
			if err == nil && len(in.Bytes) == 0 {
				t.Fatalf("%s: empty item without error", in.Name)
			}
		}
	})
}
