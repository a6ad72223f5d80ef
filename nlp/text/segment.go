package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

// Segment splits text into paragraphs, sentences and tokens. The text is not
// modified; every span is a byte range into it. Chrome paragraphs (site
// furniture) get no tokens and no sentences.
//
// It segments into a pooled Doc and copies the results into arrays of
// their exact length: the copies need no zeroing and are a sixth smaller
// than the estimates SegmentInto allocates, which costs less than
// allocating those (in page faults, clearing and collections).
func Segment(text string) *Doc {
	scratch := scratchDocs.Get().(*Doc)
	SegmentInto(scratch, text)
	d := &Doc{
		Text:       text,
		Tokens:     exact(scratch.Tokens),
		Sentences:  exact(scratch.Sentences),
		Paragraphs: exact(scratch.Paragraphs),
	}
	scratch.Text = ""
	scratchDocs.Put(scratch)
	return d
}

// scratchDocs are the Docs that Segment segments into.
var scratchDocs = sync.Pool{New: func() any { return new(Doc) }}

// exact returns a copy of s of its length, not nil.
func exact[T any](s []T) []T {
	if len(s) == 0 {
		return []T{}
	}
	return append([]T(nil), s...)
}

// SegmentInto segments text as Segment does into d, overwriting what d
// held and reusing its arrays when they are large enough: batch work that
// keeps a pool of Docs allocates nothing per document here. It returns d.
func SegmentInto(d *Doc, text string) *Doc {
	d.Text = text
	d.Tokens = reuse(d.Tokens, len(text)/5+8)
	d.lines = reuse(d.lines, strings.Count(text, "\n")+1)
	d.Paragraphs, d.lines = paragraphs(text, reuse(d.Paragraphs, len(text)/200+4), d.lines)
	d.Sentences = reuse(d.Sentences, len(text)/100+4)
	for pi := range d.Paragraphs {
		p := d.Paragraphs[pi]
		if p.Kind == sitrep.ParagraphChrome {
			continue
		}
		start, end := p.Start, p.End
		if p.Kind == sitrep.ParagraphHeading {
			start, end = headingContent(text, start, end)
		}
		first := len(d.Tokens)
		d.Tokens = tokenize(text, start, end, d.Tokens)
		if p.Kind == sitrep.ParagraphHeading {
			if len(d.Tokens) > first {
				d.Sentences = append(d.Sentences, Sentence{
					Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End,
					First: first, Last: len(d.Tokens), Paragraph: pi, Heading: true,
				})
			}
			continue
		}
		d.Sentences = sentences(d, first, len(d.Tokens), pi, d.Sentences)
	}
	return d
}

// ---- paragraphs ----

// line is a line of the text: end excludes "\n" and a trailing "\r";
// [ts, te) is the line without its leading and trailing space, found once
// for the several passes that look at it.
type line struct{ start, end, ts, te int }

// reuse returns b emptied, or a new slice of capacity n when b's is less.
func reuse[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, 0, n)
	}
	return b[:0]
}

// paragraphs appends the paragraphs of text to out, collecting its lines in
// lines (returned for reuse).
func paragraphs(text string, out []Paragraph, lines []line) ([]Paragraph, []line) {
	// Collect lines.
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		next := len(text) + 1
		if j >= 0 {
			end = i + j
			next = end + 1
		}
		e := end
		if e > i && text[e-1] == '\r' {
			e--
		}
		ts, te := trimSpace(text, i, e)
		lines = append(lines, line{i, e, ts, te})
		i = next
	}
	wrapped, width := isWrapped(text, lines)
	pStart, pEnd := -1, -1
	flush := func() {
		if pStart >= 0 {
			out = append(out, Paragraph{Start: pStart, End: pEnd, Kind: sitrep.ParagraphText})
			pStart = -1
		}
	}
	for li, ln := range lines {
		s, e := ln.ts, ln.te
		if s == e {
			flush()
			continue
		}
		if !wrapped {
			flush()
			out = append(out, Paragraph{Start: s, End: e, Kind: lineKind(text[s:e])})
			continue
		}
		// Wrapped copy: a line joins the running paragraph unless it is
		// indented (a new paragraph in wire copy) or the paragraph is done.
		indented := s > ln.start && (text[ln.start] == ' ' || text[ln.start] == '\t')
		if pStart >= 0 && indented {
			flush()
		}
		// Inside a running paragraph only chrome counts: skip the rest
		// of lineKind for the lines of wrapped prose.
		var k string
		if pStart < 0 {
			k = lineKind(text[s:e])
		} else if isChrome(text[s:e]) {
			k = sitrep.ParagraphChrome
		}
		if k != sitrep.ParagraphText && k != "" && (pStart < 0 || k == sitrep.ParagraphChrome) {
			// A heading or chrome line stands alone unless it continues a paragraph.
			nextBlank := li+1 >= len(lines) || lines[li+1].ts == lines[li+1].te
			nextIndented := li+1 < len(lines) && lines[li+1].start < lines[li+1].end &&
				(text[lines[li+1].start] == ' ' || text[lines[li+1].start] == '\t')
			// A short line ends a wrapped paragraph only when it reads as a
			// heading: the next line does not continue its sentence in
			// lower case, and its words are mostly capitalised.
			short := e-s < width/2 && !nextLower(text, lines, li+1) && titleLike(text[s:e])
			if k == sitrep.ParagraphChrome || nextBlank || nextIndented || short {
				flush()
				out = append(out, Paragraph{Start: s, End: e, Kind: k})
				continue
			}
		}
		if pStart < 0 {
			pStart = s
		}
		pEnd = e
		// A short line ending a sentence closes its paragraph.
		if e-ln.start < width*6/10 && endsSentence(text[s:e]) {
			flush()
		}
	}
	flush()
	return out, lines
}

// nextLower reports whether line li starts with a lower-case letter: it
// continues the sentence of the line before.
func nextLower(text string, lines []line, li int) bool {
	if li >= len(lines) {
		return false
	}
	s, e := lines[li].ts, lines[li].te
	if s == e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[s:e])
	return unicode.IsLower(r)
}

// titleLike reports whether most words of s (ignoring short function
// words) start with a capital or a digit, as headlines and table rows do.
func titleLike(s string) bool {
	caps, n := 0, 0
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if len(w) <= 3 && unicode.IsLower(r) {
			continue // of, the, and, to, in
		}
		n++
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
			caps++
		}
	}
	return n > 0 && caps*3 >= n*2
}

// isWrapped decides whether text is hard-wrapped at a fixed width (wire copy,
// e-mail): most lines are of similar length below ~100 columns and many end
// mid-sentence. It returns the typical width.
func isWrapped(text string, lines []line) (bool, int) {
	n, short, long, open, maxLen := 0, 0, 0, 0, 0
	for _, ln := range lines {
		l := ln.end - ln.start
		if l == 0 || ln.ts == ln.te {
			continue
		}
		n++
		if l <= 100 {
			short++
		}
		if l >= 40 {
			long++
		}
		if l > maxLen {
			maxLen = l
		}
		if !endsSentence(text[ln.ts:ln.te]) {
			open++
		}
	}
	if n < 3 || maxLen > 110 {
		return false, maxLen
	}
	return short*10 >= n*9 && long*2 >= n && open*10 >= n*3, maxLen
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		c := text[s]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			s++
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if unicode.IsSpace(r) || r == 0xFEFF {
				s += n
				continue
			}
		}
		break
	}
	for e > s {
		c := text[e-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			e--
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if unicode.IsSpace(r) {
				e -= n
				continue
			}
		}
		break
	}
	return s, e
}

// endsSentence reports whether a line ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			// ASCII, most lines: the cases below without decoding
			switch c {
			case '"', '\'', ')', ']', '*', '_':
				s = s[:len(s)-1]
				continue
			case '.', '!', '?', ':', ';':
				return true
			}
			return false
		}
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', ')', ']', '*', '_':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', '…', ':', ';':
			return true
		}
		return false
	}
	return false
}

// lineKind classifies a single-line paragraph: site chrome, a heading
// (Markdown "#", a bold line, or a short line without final punctuation),
// or text.
func lineKind(s string) string {
	if isChrome(s) {
		return sitrep.ParagraphChrome
	}
	if strings.HasPrefix(s, "#") {
		t := strings.TrimLeft(s, "#")
		if len(t) < len(s) && len(s)-len(t) <= 6 && (t == "" || t[0] == ' ') {
			return sitrep.ParagraphHeading
		}
	}
	if len(s) > 4 && (strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") ||
		strings.HasPrefix(s, "__") && strings.HasSuffix(s, "__")) && !strings.Contains(s[2:len(s)-2], "**") {
		return sitrep.ParagraphHeading
	}
	if len(s) <= 120 && !endsSentence(s) && !moreWords(s, 14) {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return sitrep.ParagraphHeading
		}
	}
	return sitrep.ParagraphText
}

// moreWords reports whether s has more than max words (separated by
// spaces or tabs), reading no further than the word after the max-th.
func moreWords(s string, max int) bool {
	// Words are at most separators plus one: most lines have too few
	// separators to need the count.
	if strings.Count(s, " ") < max && strings.IndexByte(s, '\t') < 0 {
		return false
	}
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t'
		if !sp && !in {
			n++
			if n > max {
				return true
			}
		}
		in = !sp
	}
	return false
}

// chromeLines are the whole-line texts of site furniture, compared after
// lower-casing and trimming punctuation. Kept short and generic: prompts,
// sharing widgets, ad slots and wire sign-offs.
var chromeLines = map[string]bool{
	"advertisement": true, "advertising": true, "sponsored": true, "sponsored content": true,
	"ad": true, "story continues below advertisement": true, "continue reading below": true,
	"subscribe": true, "subscribe now": true, "subscribe today": true, "sign up": true, "sign in": true,
	"log in": true, "login": true, "register": true, "login to continue learning": true,
	"login to continue reading": true, "log in to continue reading": true, "sign in to continue reading": true,
	"subscribe to continue reading": true, "continue reading": true, "read more": true, "read more:": true,
	"share": true, "share this": true, "share this article": true, "share this story": true, "tweet": true,
	"email": true, "print": true, "comments": true, "comment": true, "related": true, "related articles": true,
	"related stories": true, "related content": true, "recommended": true, "most read": true, "trending": true,
	"skip to content": true, "skip to main content": true, "back to top": true, "menu": true, "close": true,
	"accept": true, "accept cookies": true, "accept all cookies": true, "we use cookies": true,
	"newsletter": true, "sign up for our newsletter": true, "follow us": true, "watch": true, "listen": true,
	"listen to this article": true, "reuter": true, "reuters": true, "getty images": true, "ap photo": true,
	"image": true, "photo": true, "video": true, "loading": true, "loading...": true, "click here": true,
	"you may also like": true, "more from": true, "get the app": true, "open in app": true,
}

// chromeTable is chromeLines for lookups of the line as written.
var chromeTable = NewWordMap(chromeLines)

func isChrome(s string) bool {
	if len(s) > 60 {
		return false
	}
	// Trim the furniture around the words (as strings.Trim with the
	// cutset " \t.!|•·-–—*_#>[]()"), then look up lower-cased. The
	// cutset has no letters, so trimming before lower-casing is the same.
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf && !chromeTrimASCII[c] {
			break // most lines start with a letter: no decoding
		}
		r, n := utf8.DecodeRuneInString(s)
		if !chromeTrim(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf && !chromeTrimASCII[c] {
			break
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !chromeTrim(r) {
			break
		}
		s = s[:len(s)-n]
	}
	chrome, _ := chromeTable.GetFold(s)
	return chrome
}

// chromeTrimASCII is chromeTrim for ASCII bytes.
var chromeTrimASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = chromeTrim(rune(c))
	}
	return t
}()

func chromeTrim(r rune) bool {
	switch r {
	case ' ', '\t', '.', '!', '|', '•', '·', '-', '–', '—', '*', '_', '#', '>', '[', ']', '(', ')':
		return true
	}
	return false
}

// headingContent strips Markdown heading markup ("## ", "**…**") from a
// heading paragraph so its tokens are the words alone.
func headingContent(text string, s, e int) (int, int) {
	for s < e && text[s] == '#' {
		s++
	}
	for s+1 < e && (text[s:s+2] == "**" || text[s:s+2] == "__") {
		s += 2
	}
	for e-2 > s && (text[e-2:e] == "**" || text[e-2:e] == "__") {
		e -= 2
	}
	return trimSpace(text, s, e)
}
