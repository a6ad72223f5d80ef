package acquire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

// DefaultTimeout bounds one URL fetch when Options.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// FetchURL fetches one document over http or https: a GET with a timeout,
// a size limit and a content type check. The Input has the final URL (after
// redirects) as URL and Name, the body transcoded to UTF-8 when the server
// declares another charset, and a Format hint from the content type.
//
// Errors are *sitrep.Error: EINVALID for a malformed URL, an unsupported
// content type (images, PDF, …) or a feed (use Sources for feeds);
// ETOOLARGE past Options.MaxBytes; ENOTFOUND for HTTP 404 and 410;
// EUNAVAILABLE for network failures, timeouts and other HTTP errors.
func FetchURL(url string, opts Options) (Input, error) {
	return FetchURLContext(context.Background(), url, opts)
}

// FetchURLContext is FetchURL with a context.
func FetchURLContext(ctx context.Context, url string, opts Options) (Input, error) {
	in, err := fetch(ctx, url, opts)
	if err != nil {
		return Input{Name: url}, err
	}
	if isFeed(in.Bytes) {
		return Input{Name: url}, sitrep.Errorf(sitrep.EINVALID, url,
			"is an RSS/Atom feed, not one document; use sitrep ingest to read its items")
	}
	return in, nil
}

// acceptedTypes are the content types fetched documents may have; ""
// (no Content-Type) is accepted too and judged by its content.
var acceptedTypes = map[string]string{
	"text/html":             sitrep.FormatHTML,
	"application/xhtml+xml": sitrep.FormatHTML,
	"text/plain":            "",
	"text/markdown":         sitrep.FormatMarkdown,
	"text/x-markdown":       sitrep.FormatMarkdown,
	"application/rss+xml":   "",
	"application/atom+xml":  "",
	"application/rdf+xml":   "",
	"application/xml":       "",
	"text/xml":              "",
	"application/x-ndjson":  "",
	"application/jsonl":     "",
	"application/x-jsonl":   "",
}

func fetch(ctx context.Context, url string, opts Options) (Input, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{Timeout: timeout}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Input{}, &sitrep.Error{Code: sitrep.EINVALID, Input: url, Message: fmt.Sprintf("bad URL: %v", err), Err: err}
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = "sitrep/1"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/markdown,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		msg := fmt.Sprintf("cannot fetch: %v", err)
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			msg = fmt.Sprintf("cannot fetch: no answer within %v", timeout)
		}
		return Input{}, &sitrep.Error{Code: sitrep.EUNAVAILABLE, Input: url, Message: msg, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		code := sitrep.EUNAVAILABLE
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = sitrep.ENOTFOUND
		}
		return Input{}, sitrep.Errorf(code, url, "HTTP %s", resp.Status)
	}
	ctype := resp.Header.Get("Content-Type")
	mediaType, params, _ := mime.ParseMediaType(ctype)
	format, ok := acceptedTypes[mediaType]
	if !ok && mediaType != "" && !strings.HasPrefix(mediaType, "text/") {
		return Input{}, sitrep.Errorf(sitrep.EINVALID, url,
			"unsupported content type %q: want HTML, plain text, Markdown or an RSS/Atom feed", mediaType)
	}
	max := opts.maxBytes()
	if max >= 0 && resp.ContentLength > int64(max) {
		return Input{}, extract.TooLarge(url, resp.ContentLength, max)
	}
	body, err := readAllLimited(resp.Body, url, max)
	if err != nil {
		if sitrep.ErrorCode(err) == sitrep.EINVALID && isTimeout(errors.Unwrap(err)) {
			return Input{}, sitrep.Errorf(sitrep.EUNAVAILABLE, url, "cannot fetch: no answer within %v", timeout)
		}
		return Input{}, err
	}
	final := url
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	body = toUTF8(body, params["charset"], format == sitrep.FormatHTML)
	return Input{Name: final, URL: final, Bytes: body, Format: format}, nil
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// toUTF8 transcodes body to UTF-8 when it is not UTF-8 already and its
// charset is declared: by the Content-Type header or, for HTML, by a <meta>
// element. Undeclared bytes are left alone for extract to reject.
func toUTF8(body []byte, label string, isHTML bool) []byte {
	if utf8.Valid(body) {
		return body
	}
	if label == "" && isHTML {
		label = metaCharset(body)
	}
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return body
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(body))
	if err != nil {
		return body
	}
	out, err := io.ReadAll(r)
	if err != nil || !utf8.Valid(out) {
		return body
	}
	return out
}

// metaCharset finds the charset an HTML page declares in its head:
// <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">.
func metaCharset(body []byte) string {
	head := bytes.ToLower(body[:min(len(body), 4096)])
	i := bytes.Index(head, []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(head[i+len("charset="):], "\"' ")
	j := 0
	for j < len(rest) && (rest[j] == '-' || rest[j] == '_' || rest[j] == ':' || rest[j] == '.' ||
		(rest[j] >= 'a' && rest[j] <= 'z') || (rest[j] >= '0' && rest[j] <= '9')) {
		j++
	}
	return string(rest[:j])
}
