// Package text is sitrep's scanner: it splits a document into paragraphs,
// sentences and tokens, each with byte offsets into the original text, which
// it never rewrites. Every NLP stage works on its output.
//
// Segment is the entry point. It allocates the token, sentence and paragraph
// slices once per document and nothing per token.
package text

import sitrep "github.com/sitrep-news/sitrep"

// Kind classifies a token.
type Kind uint8

const (
	Word   Kind = iota + 1 // letters, possibly with inner hyphens, apostrophes or periods (U.S.)
	Number                 // digits, possibly with , . / : - inside (11,000; 4.2; 8/28/2024; 15:00)
	Punct                  // punctuation, one rune (or an ellipsis "...")
	Symbol                 // other symbols: $ % & + = § ...
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Punct:
		return "Punct"
	case Symbol:
		return "Symbol"
	}
	return "?"
}

// Token flags describe a token's shape.
const (
	Cap       uint8 = 1 << iota // first rune is upper case
	AllCaps                     // every letter is upper case (and there are at least two)
	HasDigit                    // contains a digit
	HasPeriod                   // contains or ends with a period (abbreviations: U.S., Gen.)
	HasHyphen                   // contains an inner hyphen
	LineStart                   // first token on its line
)

// Token is one token: a byte range into the text, its kind and shape flags.
type Token struct {
	Start, End int
	Kind       Kind
	Flags      uint8
}

// Is reports whether all flags f are set on t.
func (t Token) Is(f uint8) bool { return t.Flags&f == f }

// Sentence is a sentence: its byte range and its tokens Doc.Tokens[First:Last].
type Sentence struct {
	Start, End  int
	First, Last int // token index range, half-open
	Paragraph   int // index into Doc.Paragraphs
	Heading     bool
}

// Paragraph is a block of text; Kind is one of sitrep.ParagraphText,
// sitrep.ParagraphHeading, sitrep.ParagraphChrome. Chrome paragraphs (site
// furniture: "Subscribe", "Advertisement") have no sentences.
type Paragraph struct {
	Start, End int
	Kind       string
}

// Doc is a segmented document.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph

	lines []line // the scanner's, kept for SegmentInto
}

// Tok returns the surface text of token i.
func (d *Doc) Tok(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// SentenceText returns the surface text of sentence i.
func (d *Doc) SentenceText(i int) string { s := d.Sentences[i]; return d.Text[s.Start:s.End] }

// SentenceOf returns the index of the sentence containing byte offset off,
// or -1 if off lies outside every sentence (in chrome or between paragraphs).
func (d *Doc) SentenceOf(off int) int {
	lo := d.sentenceAfter(off)
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// sentenceAfter returns the index of the first sentence ending after off,
// or len(d.Sentences).
func (d *Doc) sentenceAfter(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokenAt returns the index of the first token ending after off (the token
// containing off, or the next one), or len(d.Tokens).
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	// Look in the sentence that ends after off first: two short searches
	// touch less memory than one over every token. The tokens just around
	// the sentence confirm that the answer lies inside it.
	if si := d.sentenceAfter(off); si < len(d.Sentences) {
		s := d.Sentences[si]
		if 0 <= s.First && s.First < s.Last && s.Last <= hi && (s.First == 0 || d.Tokens[s.First-1].End <= off) && d.Tokens[s.Last-1].End > off {
			lo, hi = s.First, s.Last-1
		}
	}
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Span returns the byte range of tokens [i, j).
func (d *Doc) Span(i, j int) sitrep.Span {
	if i >= j {
		return sitrep.Span{}
	}
	return sitrep.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
}
