package acquire

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"strconv"
	"strings"

	warc "github.com/internetarchive/gowarc"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

// ReadWARC streams a WARC file (plain, or gzipped record by record) and
// yields one Input per successful (2xx) HTTP "response" record, or
// "resource" record, whose content type is HTML, XHTML, plain text or
// Markdown: named "NAME#N" (N counts records from 1), with the
// WARC-Target-URI as URL, the capture date (WARC-Date) as Published, and
// the payload, decoded from gzip or deflate and transcoded to UTF-8 when
// its charset is declared, as Bytes. Other records (requests, metadata,
// images, redirects, errors) are skipped.
//
// A payload over maxBytes (0: extract.DefaultMaxBytes; negative: no limit)
// or a response that does not parse yields an error for that record and
// reading goes on; a WARC that cannot be read further yields EINVALID and
// ends the stream.
func ReadWARC(r io.Reader, name string, maxBytes int) iter.Seq2[Input, error] {
	if maxBytes == 0 {
		maxBytes = extract.DefaultMaxBytes
	}
	return func(yield func(Input, error) bool) {
		wr, err := warc.NewReader(r)
		if err != nil {
			yield(Input{Name: name}, &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: "cannot read WARC: " + err.Error(), Err: err})
			return
		}
		defer wr.Close()
		for n := 1; ; n++ {
			rec, err := wr.ReadRecord()
			if err == io.EOF && n > 1 { // a clean end; a wrapped EOF is a truncated record
				return
			}
			if err != nil {
				msg := fmt.Sprintf("malformed WARC record %d: %v", n, err)
				if n == 1 && err == io.EOF {
					msg = "empty WARC file"
				}
				yield(Input{Name: name}, &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: msg, Err: err})
				return
			}
			in, ok, err := warcRecord(rec, name+"#"+strconv.Itoa(n), maxBytes)
			rec.Content.Close()
			if (ok || err != nil) && !yield(in, err) {
				return
			}
		}
	}
}

// warcRecord turns one record into an Input; ok is false for records that
// hold no document.
func warcRecord(rec *warc.Record, name string, maxBytes int) (in Input, ok bool, err error) {
	h := rec.Header
	in = Input{Name: name, URL: strings.Trim(h.Get("WARC-Target-URI"), "<> ")}
	if d, ok := extract.ParseDate(h.Get("WARC-Date")); ok {
		in.Published = d
	}
	var body io.Reader
	var ctype, encoding string
	switch strings.ToLower(h.Get("WARC-Type")) {
	case "response":
		if mt, _, _ := mime.ParseMediaType(h.Get("Content-Type")); mt != "application/http" {
			return in, false, nil // e.g. a DNS record
		}
		resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
		if err != nil {
			return in, false, &sitrep.Error{Code: sitrep.EINVALID, Input: name,
				Message: "malformed HTTP response in WARC record: " + err.Error(), Err: err}
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return in, false, nil
		}
		ctype, encoding, body = resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"), resp.Body
	case "resource":
		ctype, body = h.Get("Content-Type"), rec.Content
	default:
		return in, false, nil
	}
	mt, params, _ := mime.ParseMediaType(ctype)
	format, accepted := acceptedTypes[mt]
	if !accepted || strings.Contains(mt, "xml") && mt != "application/xhtml+xml" || strings.Contains(mt, "json") {
		return in, false, nil
	}
	in.Format = format
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return in, true, &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: "bad gzip payload: " + err.Error(), Err: err}
		}
		defer zr.Close()
		body = zr
	case "deflate":
		fr := flate.NewReader(body)
		defer fr.Close()
		body = fr
	default:
		return in, true, sitrep.Errorf(sitrep.EINVALID, name, "unsupported content encoding %q", encoding)
	}
	b, err := readAllLimited(body, name, maxBytes)
	if err != nil {
		return in, true, err
	}
	in.Bytes = toUTF8(b, params["charset"], format == sitrep.FormatHTML)
	return in, true, nil
}
