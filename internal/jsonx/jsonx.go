// Package jsonx is sitrep's one door to github.com/goccy/go-json, the JSON
// encoder used where analyses are written in bulk: analyze --jsonl output
// (about 8 bytes of JSON per byte of article) and the analysis blobs of the
// SQL stores. It writes the same bytes as encoding/json for the same values
// (same field order, map key order, float format and string escaping; the
// tests compare the two on real analyses and on odd strings) in about half
// the time. Everything else in sitrep keeps encoding/json.
package jsonx

import (
	"bytes"

	gojson "github.com/goccy/go-json"
)

// Marshal is json.Marshal: compact, with <, > and & escaped.
func Marshal(v any) ([]byte, error) { return gojson.Marshal(v) }

// Unmarshal is json.Unmarshal.
func Unmarshal(data []byte, v any) error { return gojson.Unmarshal(data, v) }

// EncodeLine appends v to buf as one line of JSON Lines, as a
// json.Encoder with SetEscapeHTML(false) writes it: compact, no HTML
// escaping, a newline at the end. On error buf may hold part of a line;
// the caller resets it.
func EncodeLine(buf *bytes.Buffer, v any) error {
	enc := gojson.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
