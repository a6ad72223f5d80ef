// Package conll reads CoNLL-2003 named-entity files and scores phrase-level
// precision, recall and F1 the way the shared task's conlleval script does:
// a predicted phrase counts only when its type and both boundaries match a
// gold phrase exactly; totals are micro-averaged over all phrases.
//
// The files are IOB1 (I-XXX everywhere, B-XXX only where two phrases of the
// same type touch); Chunks reads IOB1, IOB2 and BILOU alike, so gold and
// predicted tags need no conversion before scoring. ToBIO converts IOB1 to
// the BIO (IOB2) encoding a tagger trains on.
//
// Doc lays a CoNLL document out as text (tokens joined by spaces, one line
// per sentence) and builds the text.Doc over it directly, so every token's
// byte range maps back to its CoNLL line without re-tokenising.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Token is one line of a CoNLL-2003 file.
type Token struct {
	Word, POS, Chunk, Tag string
}

// Document is the run of sentences between two -DOCSTART- lines.
type Document struct {
	Sentences [][]Token
}

// Read parses a CoNLL-2003 file. Sentences before the first -DOCSTART-
// form a document of their own; a file without -DOCSTART- is one document.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Document
	var sent []Token
	flushSent := func() {
		if len(sent) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			flushSent()
			continue
		}
		f := strings.Fields(l)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, sitrep.Errorf(sitrep.EINVALID, fmt.Sprintf("line %d", line), "want WORD ... TAG, got %q", l)
		}
		t := Token{Word: f[0], Tag: f[len(f)-1]}
		if len(f) >= 4 {
			t.POS, t.Chunk = f[1], f[2]
		}
		sent = append(sent, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// Chunk is a phrase: tokens [Start, End) of a sentence, and its type.
type Chunk struct {
	Start, End int
	Type       string
}

func splitTag(tag string) (prefix byte, typ string) {
	if tag == "" || tag == "O" {
		return 'O', ""
	}
	if len(tag) >= 2 && tag[1] == '-' {
		return tag[0], tag[2:]
	}
	return 'I', tag
}

// Chunks returns the phrases of a tag sequence with conlleval's rules: a
// phrase starts at B, S/U, at an I whose type differs from the previous
// tag's, or after an E/L/S/U/O; it ends before O, B, S/U, a type change, or
// after E/L/S/U.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start := -1
	var prevP byte = 'O'
	prevT := ""
	for i := 0; i <= len(tags); i++ {
		p, t := byte('O'), ""
		if i < len(tags) {
			p, t = splitTag(tags[i])
		}
		// end of the open chunk?
		if start >= 0 {
			end := false
			switch {
			case prevP == 'E' || prevP == 'L' || prevP == 'S' || prevP == 'U':
				end = true
			case p == 'O' || p == 'B' || p == 'S' || p == 'U':
				end = true
			case t != prevT:
				end = true
			}
			if end {
				out = append(out, Chunk{start, i, prevT})
				start = -1
			}
		}
		if p != 'O' && start < 0 {
			start = i
		}
		prevP, prevT = p, t
	}
	return out
}

// ToBIO converts IOB1 (or already BIO) tags to BIO: an I-XXX that does not
// continue a phrase of type XXX becomes B-XXX.
func ToBIO(tags []string) []string {
	out := make([]string, len(tags))
	for _, c := range Chunks(tags) {
		out[c.Start] = "B-" + c.Type
		for i := c.Start + 1; i < c.End; i++ {
			out[i] = "I-" + c.Type
		}
	}
	for i := range out {
		if out[i] == "" {
			out[i] = "O"
		}
	}
	return out
}

// Doc lays d out as text, one line per sentence with tokens joined by
// single spaces, and returns the text.Doc over it (one paragraph and one
// sentence per CoNLL sentence, one token per CoNLL token, in order).
func Doc(d Document) *text.Doc {
	var b strings.Builder
	n := 0
	for _, s := range d.Sentences {
		n += len(s)
		for _, t := range s {
			b.Grow(len(t.Word) + 1)
		}
	}
	doc := &text.Doc{Tokens: make([]text.Token, 0, n)}
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		first := len(doc.Tokens)
		sStart := b.Len()
		for ti, t := range s {
			if ti > 0 {
				b.WriteByte(' ')
			}
			st := b.Len()
			b.WriteString(t.Word)
			kind, flags := classify(t.Word)
			if ti == 0 {
				flags |= text.LineStart
			}
			doc.Tokens = append(doc.Tokens, text.Token{Start: st, End: b.Len(), Kind: kind, Flags: flags})
		}
		doc.Paragraphs = append(doc.Paragraphs, text.Paragraph{Start: sStart, End: b.Len(), Kind: sitrep.ParagraphText})
		doc.Sentences = append(doc.Sentences, text.Sentence{Start: sStart, End: b.Len(), First: first, Last: len(doc.Tokens), Paragraph: si})
	}
	doc.Text = b.String()
	return doc
}

// classify gives a CoNLL token the kind and shape flags the scanner would.
func classify(w string) (text.Kind, uint8) {
	var flags uint8
	letters, upper, digits := 0, 0, 0
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if i == 0 {
					flags |= text.Cap
				}
			}
		case unicode.IsDigit(r):
			digits++
		case r == '.':
			flags |= text.HasPeriod
		case r == '-' && i > 0 && i < len(w)-1:
			flags |= text.HasHyphen
		}
	}
	if digits > 0 {
		flags |= text.HasDigit
	}
	if letters >= 2 && upper == letters {
		flags |= text.AllCaps
	}
	switch {
	case letters > 0:
		return text.Word, flags
	case digits > 0:
		return text.Number, flags
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsPunct(r) {
		return text.Punct, flags
	}
	return text.Symbol, flags
}
