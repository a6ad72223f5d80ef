package quote

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// region is a stretch of quoted text, its marks included: [Start, End).
// Closed is false when the text ran out (paragraph end with no continuation)
// before a closing mark.
type region struct {
	Start, End int
	Closed     bool
}

// quote marks, as byte sequences.
const (
	ldquo = "\u201c" // “
	rdquo = "\u201d" // ”
)

// markAt reports the double quotation mark starting at byte i of s: its
// length and whether it can only open (1), only close (2) or either (3).
// Single quotes are left alone: they are apostrophes far more often than
// marks, and inside a double-quoted region they only nest.
func markAt(s string, i int) (n int, dir int) {
	switch s[i] {
	case '"':
		return 1, 3
	case '\'':
		if i+1 < len(s) && s[i+1] == '\'' {
			return 2, 3 // '' as typeset by some papers
		}
	case '`':
		if i+1 < len(s) && s[i+1] == '`' {
			return 2, 1
		}
	case 0xe2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x9c:
				return 3, 1
			case 0x9d:
				return 3, 2
			}
		}
	}
	return 0, 0
}

// regions finds the top-level quoted regions of the document, paragraph by
// paragraph. A paragraph that ends inside an open quote continues it when
// the next paragraph opens with a quotation mark (the English convention of
// leaving the closing mark off); otherwise the region ends with the
// paragraph.
// markBytes are the bytes a quotation mark starts with (markAt).
var markBytes = [...]byte{'"', '\'', '`', 0xe2}

func regions(doc *text.Doc, out []region) []region {
	s := doc.Text
	open := -1
	for pi, p := range doc.Paragraphs {
		if p.End > len(s) {
			continue
		}
		i := p.Start
		if open >= 0 {
			// carried over: skip the continuing paragraph's opening mark
			for i < p.End && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			if n, d := markAt(s, i); n > 0 && d&1 != 0 {
				i += n
			}
		}
		var next [len(markBytes)]int // where each mark byte next occurs, from i
		for k := range next {
			next[k] = -1
		}
		for i < p.End {
			// jump to the next byte that may start a mark, found with
			// IndexByte for each kind (each searched again only once
			// passed)
			c := p.End
			for k, b := range markBytes {
				if next[k] < i {
					if j := strings.IndexByte(s[i:p.End], b); j >= 0 {
						next[k] = i + j
					} else {
						next[k] = p.End
					}
				}
				c = min(c, next[k])
			}
			if i = c; i >= p.End {
				break
			}
			n, d := markAt(s, i)
			if n == 0 {
				i++
				continue
			}
			switch {
			case open < 0 && d&1 != 0:
				if d == 3 && i+n < p.End && (s[i+n] == ' ' || s[i+n] == '\n') && i > p.Start && s[i-1] != ' ' {
					break // a stray straight mark that can only close: skip it
				}
				open = i
			case open >= 0 && d&2 != 0:
				out = append(out, region{Start: open, End: i + n, Closed: true})
				open = -1
			}
			i += n
		}
		if open >= 0 {
			if pi+1 < len(doc.Paragraphs) && startsWithOpen(s, doc.Paragraphs[pi+1]) {
				continue
			}
			out = append(out, region{Start: open, End: trimRight(s, open, p.End)})
			open = -1
		}
	}
	return out
}

func startsWithOpen(s string, p text.Paragraph) bool {
	i := p.Start
	for i < p.End && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= p.End {
		return false
	}
	n, d := markAt(s, i)
	return n > 0 && d&1 != 0
}

func trimRight(s string, lo, hi int) int {
	for hi > lo && (s[hi-1] == ' ' || s[hi-1] == '\n' || s[hi-1] == '\r' || s[hi-1] == '\t') {
		hi--
	}
	return hi
}

// regionAt returns the index of the region containing byte off, or -1.
func regionAt(rs []region, off int) int {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := (lo + hi) / 2
		if rs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(rs) && rs[lo].Start <= off {
		return lo
	}
	return -1
}
