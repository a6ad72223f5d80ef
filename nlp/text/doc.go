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
	ss := d.Sentences
	lo, hi := 0, len(ss) // the answer lies in [lo, hi]
	if len(ss) > 8 {
		g := guess(off, len(ss), len(d.Text))
		if ss[g].End <= off {
			lo = g + 1
			for step := 1; g+step < len(ss); step *= 2 {
				p := g + step
				if ss[p].End > off {
					hi = p
					break
				}
				lo = p + 1
			}
		} else {
			hi = g
			for step := 1; g-step >= 0; step *= 2 {
				p := g - step
				if ss[p].End <= off {
					lo = p + 1
					break
				}
				hi = p
			}
		}
	}
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// guess estimates the index of offset off among n spans spread over a
// text of length size: the searches start there and widen by doubling
// steps, touching a few neighbouring entries instead of one cache line
// per halving of the whole array. Any sorted array gives the right
// answer; an even spread gives it fast.
func guess(off, n, size int) int {
	if off <= 0 || size <= 0 {
		return 0
	}
	g := int(int64(off) * int64(n) / int64(size))
	return min(g, n-1)
}

// TokenAt returns the index of the first token ending after off (the token
// containing off, or the next one), or len(d.Tokens).
//
// Its search is sentenceAfter's, written out again for tokens: one
// function for both, reading ends through a func, took 55% longer on
// every offset of 300 Reuters articles, and the stages call TokenAt often.
func (d *Doc) TokenAt(off int) int {
	ts := d.Tokens
	lo, hi := 0, len(ts) // the answer lies in [lo, hi]
	if len(ts) > 8 {
		g := guess(off, len(ts), len(d.Text))
		if ts[g].End <= off {
			lo = g + 1
			for step := 1; g+step < len(ts); step *= 2 {
				p := g + step
				if ts[p].End > off {
					hi = p
					break
				}
				lo = p + 1
			}
		} else {
			hi = g
			for step := 1; g-step >= 0; step *= 2 {
				p := g - step
				if ts[p].End <= off {
					lo = p + 1
					break
				}
				hi = p
			}
		}
	}
	for lo < hi {
		m := (lo + hi) / 2
		if ts[m].End <= off {
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
