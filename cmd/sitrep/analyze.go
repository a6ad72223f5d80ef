package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/acquire"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/extract"
	"github.com/sitrep-news/sitrep/internal/jsonx"
)

const analyzeUsage = `analyze [FILE|URL|-] [--date YYYY-MM-DD] [--json]
       sitrep analyze --jsonl IN [--out OUT] [--workers N]

Analyses one document without a store and prints the analysis: a short
brief of the article (its timeline, figures, quotes and entities) by
default, the analysis JSON with --json. The input may be plain text,
Markdown or HTML (detected, or set with --format); "-" or no argument reads
standard input.

With --jsonl, IN (a file or "-") holds one JSON object a line,
{"id": "...", "text": "...", "date": "YYYY-MM-DD", "html": "..."}, and the
output holds one analysis a line, in input order, each with the input's id.
A bad line yields {"id": ..., "error": "..."} in its place and the batch goes
on; the exit status is then 1.

Flags:`

func runAnalyze(env *Env, args []string) error {
	fs := newFlags(env, "analyze", analyzeUsage)
	date := fs.String("date", "", "document creation time `YYYY-MM-DD` (overrides metadata)")
	asJSON := fs.Bool("json", false, "print the analysis as JSON")
	jsonl := fs.String("jsonl", "", "batch mode: read JSONL documents from `IN` (a file or -)")
	out := fs.String("out", "", "batch mode: write JSONL analyses to `OUT` instead of standard output")
	workers := fs.Int("workers", runtime.NumCPU(), "batch mode: analyse on `N` cores")
	maxBytes := fs.Int("max-bytes", extract.DefaultMaxBytes, "reject documents larger than `N` bytes")
	format := fs.String("format", "", "input format: text, markdown or html (default: detect)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *date != "" {
		if _, err := analyze.ParseDate("--date", *date); err != nil {
			return err
		}
	}
	switch *format {
	case "", sitrep.FormatText, sitrep.FormatMarkdown, sitrep.FormatHTML:
	default:
		return sitrep.Errorf(sitrep.EINVALID, "--format", "unknown format %q: want text, markdown or html", *format)
	}
	if *jsonl != "" {
		if len(pos) > 0 {
			return sitrep.Errorf(sitrep.EINVALID, "", "give either --jsonl IN or one document, not both")
		}
		return analyzeBatch(env, *jsonl, *out, *workers, *maxBytes, *date)
	}
	if len(pos) > 1 {
		return sitrep.Errorf(sitrep.EINVALID, "", "analyze takes one document (got %d); use --jsonl or sitrep ingest for several", len(pos))
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	in, err := readOne(env, name, *maxBytes)
	if err != nil {
		return err
	}
	in.Format = *format
	if *date != "" {
		in.Date = *date
	}
	a := analyze.New()
	an, err := analyzeInput(a, in, *maxBytes)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(an)
	}
	writeReport(env.Stdout, an)
	return nil
}

// analyzeInput extracts and analyses one input.
func analyzeInput(a *analyze.Analyzer, in input, maxBytes int) (*sitrep.Analysis, error) {
	doc, err := extract.Extract(in.Bytes, extract.Options{Name: in.Name, URL: in.URL, Format: in.Format, MaxBytes: maxBytes})
	if err != nil {
		return nil, err
	}
	if in.Title != "" && doc.Title == "" {
		doc.Title = in.Title
	}
	if in.Site != "" {
		doc.Site = in.Site
	}
	if in.Date != "" {
		if _, err := analyze.ParseDate(in.Name, in.Date); err != nil {
			return nil, err
		}
		doc.DCT, doc.DCTSource = in.Date, sitrep.DCTFlag
	} else if in.Published != "" && doc.Published == "" {
		doc.Published = in.Published
	}
	an, err := a.Analyze(doc)
	if err != nil {
		return nil, &sitrep.Error{Code: sitrep.ErrorCode(err), Input: in.Name, Message: err.Error(), Err: err}
	}
	an.ID = in.ID
	return an, nil
}

// batchResult is one output line of a batch: the analysis already encoded
// by the worker (so that encoding runs on all cores too), or the error.
type batchResult struct {
	id   string
	line *bytes.Buffer
	err  error
}

// linePool recycles the encoded lines of a batch once they are written.
var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// encodeResult encodes an analysis as one JSONL line, or says why not.
func encodeResult(name string, an *sitrep.Analysis) (*bytes.Buffer, error) {
	buf := linePool.Get().(*bytes.Buffer)
	buf.Reset()
	if err := jsonx.EncodeLine(buf, an); err != nil {
		linePool.Put(buf)
		return nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: name, Message: "cannot encode the analysis: " + err.Error(), Err: err}
	}
	return buf, nil
}

// analyzeBatch streams a JSONL batch through n workers, writing results in
// input order. At most a few documents per worker are in memory at once.
func analyzeBatch(env *Env, inPath, outPath string, n, maxBytes int, date string) error {
	if n < 1 {
		n = 1
	}
	var r io.Reader = env.Stdin
	name := "stdin"
	if inPath != "-" {
		f, err := os.Open(inPath)
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, inPath, "cannot open: %v", unwrapPathError(err))
		}
		defer f.Close()
		r, name = f, inPath
	}
	w := env.Stdout
	if outPath != "" && outPath != "-" {
		f, err := os.Create(outPath)
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, outPath, "cannot create: %v", unwrapPathError(err))
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	a := analyze.New()

	// The reader only splits lines; the workers decode them, analyse and
	// encode, so that nothing but reading and writing bytes is serial.
	type job struct {
		line acquire.JSONLLine
		err  error
		slot chan batchResult
	}
	jobs := make(chan job, n)
	order := make(chan chan batchResult, 4*n)
	go func() {
		defer close(jobs)
		defer close(order)
		for line, err := range acquire.ReadJSONLLines(r, name, maxBytes) {
			slot := make(chan batchResult, 1)
			order <- slot
			jobs <- job{line: line, err: err, slot: slot}
		}
	}()
	for range n {
		go func() {
			for j := range jobs {
				in, err := j.line.Input(), j.err
				if err == nil {
					in, err = j.line.Parse()
				}
				if err != nil {
					j.slot <- batchResult{id: in.ID, err: err}
					continue
				}
				if date != "" && in.Date == "" {
					in.Date = date
				}
				an, err := safeAnalyze(a, in, maxBytes)
				var line *bytes.Buffer
				if err == nil {
					line, err = encodeResult(in.Name, an)
				}
				j.slot <- batchResult{id: in.ID, line: line, err: err}
			}
		}()
	}
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	total, failed := 0, 0
	var werr error
	for slot := range order {
		res := <-slot
		total++
		if werr != nil {
			continue // drain so the workers finish
		}
		if res.err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "sitrep analyze: %v\n", res.err)
			werr = enc.Encode(struct {
				ID    string `json:"id"`
				Error string `json:"error"`
			}{res.id, res.err.Error()})
			continue
		}
		_, werr = bw.Write(res.line.Bytes())
		linePool.Put(res.line)
	}
	if err := bw.Flush(); werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("writing output: %w", werr)
	}
	if failed > 0 {
		return sitrep.Errorf(sitrep.EINVALID, name, "%d of %d documents failed (see their error lines)", failed, total)
	}
	return nil
}

// safeAnalyze turns a panic in any stage into an error for that document,
// so one pathological input never takes a batch down.
func safeAnalyze(a *analyze.Analyzer, in input, maxBytes int) (an *sitrep.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			an, err = nil, &sitrep.Error{Code: sitrep.EINTERNAL, Input: in.Name, Message: fmt.Sprintf("analysis failed: %v (please report this input)", r)}
		}
	}()
	return analyzeInput(a, in, maxBytes)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
