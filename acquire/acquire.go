// Package acquire is where documents come from: it turns command-line
// arguments (files, folders, globs, "-" for standard input, URLs) and the
// containers they name (JSONL batches, RSS/Atom feeds, WARC archives) into a
// stream of raw Inputs for extract.Extract.
//
// Every source is streamed: folders are walked entry by entry, JSONL is read
// line by line, WARC record by record, so memory stays flat in the number
// of documents. An error about one input (a malformed JSONL line, a binary
// file, an unreachable URL) is yielded in its place and the stream goes on.
package acquire

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

// Input is one raw document and what its source says about it.
type Input struct {
	// Name identifies the input in messages: a file path, a URL, "stdin",
	// "batch.jsonl:12" (line 12), "feed.xml#3" (third item),
	// "crawl.warc.gz#7" (seventh record).
	Name string
	// ID is the batch id of a JSONL line ("id"), "" for other sources.
	ID string
	// Bytes is the raw document, for extract.Extract.
	Bytes []byte
	// URL is where the document lives: the fetched URL (after redirects),
	// a feed item's link, a WARC record's target URI, a JSONL line's "url".
	URL string
	// Date is the document date the user supplied with the input (a JSONL
	// line's "date"), YYYY-MM-DD: the DCT with source sitrep.DCTFlag.
	Date string
	// Published is a date from the source's metadata, YYYY-MM-DD: a feed
	// item's publication date, a WARC record's capture date. Use it when
	// the document's own metadata has none.
	Published string
	// Format is a hint for extract.Options.Format: sitrep.FormatHTML,
	// FormatMarkdown, FormatText, or "" to detect from the content.
	Format string
	// Title is a title from the source (JSONL "title", feed item title).
	Title string
	// Site is the outlet's name when the source knows it better than the
	// document does (a feed's title, a curated corpus's manifest).
	Site string
}

// Options configure Sources and the readers.
type Options struct {
	// MaxBytes is the size limit of one document (a file, a fetched page, a
	// JSONL line's text, a WARC payload); 0 means extract.DefaultMaxBytes,
	// negative means no limit. Containers (JSONL, WARC files) may be larger:
	// they are streamed.
	MaxBytes int
	// Timeout bounds each URL fetch; 0 means 30 seconds.
	Timeout time.Duration
	// Client fetches URLs; nil means a client with Timeout.
	Client *http.Client
	// Stdin is read for the argument "-"; nil means os.Stdin.
	Stdin io.Reader
	// UserAgent is sent with each request; "" means "sitrep/1".
	UserAgent string
	// FetchFeedLinks, when set, fetches each feed item's link and uses the
	// page instead of the item's content or summary (the item's title and
	// date are kept for pages without their own).
	FetchFeedLinks bool
}

func (o Options) maxBytes() int {
	if o.MaxBytes == 0 {
		return extract.DefaultMaxBytes
	}
	return o.MaxBytes
}

// documentExts are the extensions of files taken from a folder walk; other
// files there (images, style sheets, archives) are skipped without a word.
// Files named explicitly are always read.
var documentExts = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true,
	".htm": true, ".xhtml": true, ".shtml": true, ".xml": true, ".rss": true, ".atom": true,
	".jsonl": true, ".ndjson": true, ".warc": true, ".news": true, ".story": true,
}

// Sources yields the inputs named by args, in order: files, folders (walked
// recursively in lexical order, skipping hidden entries and files that are
// not documents by their extension), glob patterns, "-" for standard input,
// and http(s) URLs. A file, standard input or URL holding a JSONL batch, an
// RSS/Atom feed or a WARC archive yields one input per line, item or HTML
// response record. Gzipped files (batch.jsonl.gz, page.html.gz) are read
// through, the size limit applying to the decompressed bytes.
//
// Errors are yielded in place of the input they concern, as *sitrep.Error
// (ENOTFOUND for a missing path or a glob matching nothing, EINVALID,
// ETOOLARGE, EUNAVAILABLE for fetch failures), with the Input's Name (and
// ID, for a JSONL line) set; the stream goes on. Cancelling ctx stops it.
func Sources(ctx context.Context, args []string, opts Options) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		s := &sourcer{ctx: ctx, opts: opts, yield: yield}
		for _, arg := range args {
			if ctx.Err() != nil || !s.arg(arg) {
				return
			}
		}
	}
}

type sourcer struct {
	ctx   context.Context
	opts  Options
	yield func(Input, error) bool
}

func (s *sourcer) fail(name string, err error) bool {
	return s.yield(Input{Name: name}, err)
}

// arg yields the inputs of one argument; false means stop.
func (s *sourcer) arg(arg string) bool {
	switch {
	case arg == "-":
		in := s.opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return s.stream("stdin", "", in, -1)
	case isURL(arg):
		return s.url(arg)
	}
	st, err := os.Stat(arg)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(arg, "*?[") {
			return s.glob(arg)
		}
		return s.fail(arg, pathError(arg, err))
	}
	if st.IsDir() {
		return s.dir(arg)
	}
	return s.file(arg, st.Size())
}

func (s *sourcer) glob(pattern string) bool {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return s.fail(pattern, sitrep.Errorf(sitrep.EINVALID, pattern, "bad glob pattern: %v", err))
	}
	if len(matches) == 0 {
		return s.fail(pattern, sitrep.Errorf(sitrep.ENOTFOUND, pattern, "no files match"))
	}
	for _, m := range matches {
		st, err := os.Stat(m)
		switch {
		case err != nil:
			if !s.fail(m, pathError(m, err)) {
				return false
			}
		case st.IsDir():
			if !s.dir(m) {
				return false
			}
		default:
			if !s.file(m, st.Size()) {
				return false
			}
		}
		if s.ctx.Err() != nil {
			return false
		}
	}
	return true
}

func (s *sourcer) dir(root string) bool {
	ok := true
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if s.ctx.Err() != nil {
			ok = false
			return filepath.SkipAll
		}
		if err != nil {
			if !s.fail(path, pathError(path, err)) {
				ok = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isDocumentName(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil // sockets, devices, pipes
		}
		info, err := os.Stat(path)
		if err != nil {
			if !s.fail(path, pathError(path, err)) {
				ok = false
				return filepath.SkipAll
			}
			return nil
		}
		if info.IsDir() { // a symlink to a folder: not followed, to avoid cycles
			return nil
		}
		if !s.file(path, info.Size()) {
			ok = false
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return s.fail(root, pathError(root, err))
	}
	return ok
}

func isDocumentName(name string) bool {
	low := strings.ToLower(name)
	if strings.HasSuffix(low, ".warc.gz") || strings.HasSuffix(low, ".warc.zst") ||
		strings.HasSuffix(low, ".jsonl.gz") || strings.HasSuffix(low, ".ndjson.gz") {
		return true
	}
	return documentExts[filepath.Ext(low)]
}

func (s *sourcer) file(path string, size int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return s.fail(path, pathError(path, err))
	}
	defer f.Close()
	return s.stream(path, formatOfName(path), f, size)
}

// stream yields the inputs in r: a JSONL batch, a WARC archive, a feed or
// one document, told apart by content (and the name's extension for JSONL
// and WARC). size is r's length when known, else -1.
func (s *sourcer) stream(name, format string, r io.Reader, size int64) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(sniffLen)
	low := strings.ToLower(name)
	if bytes.HasPrefix(head, []byte("\x1f\x8b")) && !isWARC(head) && !strings.HasSuffix(low, ".warc.gz") {
		// A gzipped document or batch (batch.jsonl.gz): read through it.
		// The size limit applies to the decompressed bytes.
		zr, err := gzip.NewReader(br)
		if err != nil {
			return s.fail(name, sitrep.Errorf(sitrep.EINVALID, name, "bad gzip data: %v", err))
		}
		defer zr.Close()
		inner := strings.TrimSuffix(name, filepath.Ext(name))
		return s.stream(name, formatOfName(inner), zr, -1)
	}
	switch {
	case isWARC(head) || strings.HasSuffix(low, ".warc") || strings.HasSuffix(low, ".warc.gz") || strings.HasSuffix(low, ".warc.zst"):
		for in, err := range ReadWARC(br, name, s.opts.MaxBytes) {
			if !s.yield(in, err) || s.ctx.Err() != nil {
				return false
			}
		}
		return true
	case isJSONL(head) || strings.HasSuffix(low, ".jsonl") || strings.HasSuffix(low, ".ndjson"):
		for in, err := range ReadJSONL(br, name, s.opts.MaxBytes) {
			if !s.yield(in, err) || s.ctx.Err() != nil {
				return false
			}
		}
		return true
	}
	max := s.opts.maxBytes()
	if max >= 0 && size > int64(max) {
		return s.fail(name, extract.TooLarge(name, size, max))
	}
	b, err := readAllLimited(br, name, max)
	if err != nil {
		return s.fail(name, err)
	}
	return s.document(Input{Name: name, Bytes: b, Format: format})
}

// document yields in, or the items of in when it is a feed.
func (s *sourcer) document(in Input) bool {
	if !isFeed(in.Bytes) {
		return s.yield(in, nil)
	}
	for item, err := range ReadFeed(in.Bytes, in.Name) {
		if s.opts.FetchFeedLinks && isURL(item.URL) {
			page, ferr := s.fetch(item.URL)
			if ferr != nil {
				err = ferr
				item.Bytes = nil
			} else {
				err = nil
				page.Title = item.Title
				page.Published = item.Published
				page.Name = item.Name + " " + page.Name
				item = page
			}
		}
		if !s.yield(item, err) || s.ctx.Err() != nil {
			return false
		}
	}
	return true
}

func (s *sourcer) url(u string) bool {
	in, err := s.fetch(u)
	if err != nil {
		return s.fail(u, err)
	}
	if isJSONL(in.Bytes) && !isFeed(in.Bytes) {
		for item, err := range ReadJSONL(strings.NewReader(string(in.Bytes)), u, s.opts.MaxBytes) {
			if !s.yield(item, err) {
				return false
			}
		}
		return true
	}
	return s.document(in)
}

func (s *sourcer) fetch(u string) (Input, error) {
	return fetch(s.ctx, u, s.opts)
}

// readAllLimited reads r to the end, failing with ETOOLARGE past max bytes
// (max < 0: no limit).
func readAllLimited(r io.Reader, name string, max int) ([]byte, error) {
	if max >= 0 {
		r = io.LimitReader(r, int64(max)+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, name, "cannot read: %v", err)
	}
	if max >= 0 && len(b) > max {
		return nil, extract.TooLarge(name, -1, max)
	}
	return b, nil
}

// pathError turns an error from the file system into a *sitrep.Error.
func pathError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &sitrep.Error{Code: sitrep.ENOTFOUND, Input: name, Message: "no such file or directory", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: "permission denied", Err: err}
	}
	return &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: fmt.Sprintf("cannot read: %v", err), Err: err}
}

// formatOfName is the format hint of a file name's extension.
func formatOfName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return sitrep.FormatHTML
	case ".md", ".markdown":
		return sitrep.FormatMarkdown
	}
	return ""
}

func isURL(s string) bool {
	low := strings.ToLower(s)
	return strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://")
}
