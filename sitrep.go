// Package sitrep holds the domain types of the sitrep news-intelligence
// engine: documents, the spans that tie every extracted fact to its text,
// and the annotations the NLP stages produce (timexes, entities, quantities,
// quotes, events), assembled into one Analysis per document.
//
// Every annotation carries byte offsets into Document.Text, half-open
// [Start, End), and its surface Text equal to Document.Text[Start:End].
// Normalisation never rewrites the text: it works on views of it.
//
// The JSON shape of these types is the public contract (see CONTRACT.md in
// the shared folder and schema/analysis.schema.json in this repository).
package sitrep

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In reports whether s lies entirely inside o.
func (s Span) In(o Span) bool { return s.Start >= o.Start && s.End <= o.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Valid reports whether s is a well-formed span inside a text of length n.
func (s Span) Valid(n int) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= n }

// Of returns the surface text of s in text. It returns "" for an invalid span
// rather than panicking, because annotations may come from stored data.
func (s Span) Of(text string) string {
	if !s.Valid(len(text)) {
		return ""
	}
	return text[s.Start:s.End]
}

// TextSpan is a span together with its surface text, as it appears in JSON.
type TextSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the bare byte range of t.
func (t TextSpan) Span() Span { return Span{t.Start, t.End} }

// NewTextSpan returns the TextSpan of s over text.
func NewTextSpan(text string, s Span) TextSpan {
	return TextSpan{Start: s.Start, End: s.End, Text: s.Of(text)}
}

// IsZero reports whether t is the empty value (no span at all).
func (t TextSpan) IsZero() bool { return t.Start == 0 && t.End == 0 && t.Text == "" }
