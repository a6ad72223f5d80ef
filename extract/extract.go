// Package extract turns one raw input (plain text, Markdown or HTML bytes)
// into a sitrep.Document: the text every later stage annotates, plus the
// metadata found in the input (title, URL, site, publication date).
//
// Plain text and Markdown are kept byte for byte, so offsets computed on the
// Document point into the user's own file. HTML is reduced to its main
// article text with go-trafilatura (navigation, ads, cookie banners and
// paywall prompts dropped), one block (paragraph, heading, list item) per
// paragraph, blocks separated by a blank line.
//
// Extract validates its input first and rejects what is not a text document
// with a *sitrep.Error naming the input: binary data, invalid UTF-8, empty or
// whitespace-only input, input over the size limit, HTML without text.
package extract

import (
	"bytes"
	"fmt"

	sitrep "github.com/sitrep-news/sitrep"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is 0: 10 MiB,
// far above any news article and low enough to keep memory per worker small.
const DefaultMaxBytes = 10 << 20

// Options tell Extract what it is looking at.
type Options struct {
	// Name identifies the input in error messages: a file path, a URL,
	// "stdin", "batch.jsonl:12".
	Name string
	// URL is where the document came from, if known. It wins over a URL
	// found in the document's own metadata.
	URL string
	// Format is sitrep.FormatText, FormatMarkdown or FormatHTML; "" detects
	// the format from the content.
	Format string
	// MaxBytes is the size limit; 0 means DefaultMaxBytes, a negative value
	// means no limit.
	MaxBytes int
}

func (o Options) limit() int {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Extract validates input and returns its Document. Text, Format and the
// metadata fields (Title, URL, Site, Published) are filled in; ID, DCT and
// Hash are left to the caller.
//
// For plain text and Markdown, Text is the input unchanged except for a
// leading UTF-8 byte order mark, which is dropped. For HTML, Text is the
// extracted article text.
//
// Errors are *sitrep.Error with Code EINVALID (not a text document, bad
// UTF-8, empty, HTML without text) or ETOOLARGE (over the size limit), Input
// set to opts.Name.
func Extract(input []byte, opts Options) (doc sitrep.Document, err error) {
	defer func() {
		// The HTML path runs third-party code; a panic there must never
		// take the batch down with it.
		if r := recover(); r != nil {
			doc = sitrep.Document{}
			err = &sitrep.Error{Code: sitrep.EINTERNAL, Input: opts.Name,
				Message: fmt.Sprintf("extraction failed: %v", r)}
		}
	}()
	if err := Validate(input, opts.Name, opts.limit()); err != nil {
		return sitrep.Document{}, err
	}
	input = bytes.TrimPrefix(input, utf8BOM)

	format := opts.Format
	switch format {
	case "":
		if kind := container(input); kind != "" {
			hint := "use sitrep ingest to read its documents"
			if kind == "a JSONL batch" {
				hint = "use --jsonl to analyse it line by line"
			}
			return sitrep.Document{}, sitrep.Errorf(sitrep.EINVALID, opts.Name,
				"input is %s, not one document; %s", kind, hint)
		}
		format = Detect(input)
	case sitrep.FormatText, sitrep.FormatMarkdown, sitrep.FormatHTML:
	case "md":
		format = sitrep.FormatMarkdown
	case "htm":
		format = sitrep.FormatHTML
	case "txt", "plain":
		format = sitrep.FormatText
	default:
		return sitrep.Document{}, sitrep.Errorf(sitrep.EINVALID, opts.Name,
			"unknown format %q (want text, markdown or html)", opts.Format)
	}

	switch format {
	case sitrep.FormatHTML:
		doc, err = extractHTML(input, opts)
		if err != nil {
			return sitrep.Document{}, err
		}
	case sitrep.FormatMarkdown:
		text := string(input)
		doc = sitrep.Document{Text: text, Title: markdownTitle(text)}
	default:
		text := string(input)
		doc = sitrep.Document{Text: text, Title: textTitle(text)}
	}
	doc.Format = format
	if opts.URL != "" {
		doc.URL = opts.URL
	}
	if doc.Site == "" && doc.URL != "" {
		doc.Site = hostOf(doc.URL)
	}
	doc.Title = trimSiteSuffix(doc.Title, doc.Site)
	if doc.Published == "" {
		doc.Published = dateFromURL(doc.URL)
	}
	return doc, nil
}
