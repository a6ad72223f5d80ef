package sqlite

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetWords is how many words a snippet shows.
const snippetWords = 16

// snippet returns about snippetWords words of a found document around the
// best run of the query's words, those words in [brackets], "…" where the
// text goes on: from the text, or from the title when the text shows none
// of the words. It stands in for FTS5's snippet(), which tokenizes the
// whole document in SQLite's (transpiled) tokenizer, a third of the cost
// of a search; words match as the index matches them, ignoring case and
// the common English endings (a light stemmer, not Porter's: a word
// matched only through a rarer ending is shown unmarked).
func snippet(text, title string, words []string) string {
	var want []string // distinct stems of the query's words
	for _, w := range words {
		if st := stem(w); !slices.Contains(want, st) {
			want = append(want, st)
		}
	}
	if s, ok := snippetOf(text, want); ok {
		return s
	}
	if s, ok := snippetOf(title, want); ok {
		return s
	}
	s, _ := snippetOf(text, want)
	return s
}

// nextWord returns the bounds of the first word of text at or after i;
// start == len(text) when there is none.
func nextWord(text string, i int) (start, end int) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	start = i
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return start, i
}

// hit is a word of the text that matches a query word.
type hit struct{ tok, word int } // token number, index in want

// snippetOf makes the snippet of one text; ok reports whether it marks a
// word. It reads the text twice, without keeping its words: once to find
// the hits, once to write the chosen window.
func snippetOf(text string, want []string) (string, bool) {
	var hits []hit
	ntok := 0
	var buf [64]byte
	for i := 0; ; ntok++ {
		start, end := nextWord(text, i)
		if start == len(text) {
			break
		}
		if w := matchWord(text[start:end], want, &buf); w >= 0 {
			hits = append(hits, hit{ntok, w})
		}
		i = end
	}
	if ntok == 0 {
		return "", false
	}
	// The window with the most distinct query words, then the most hits,
	// then the earliest; it starts a little before its first hit.
	best, bestScore := 0, -1
	for h := range hits {
		start := max(0, min(hits[h].tok-2, ntok-snippetWords))
		var seen uint64
		n, distinct := 0, 0
		for k := h; k < len(hits) && hits[k].tok < start+snippetWords; k++ {
			if bit := uint64(1) << (hits[k].word % 64); seen&bit == 0 {
				seen |= bit
				distinct++
			}
			n++
		}
		if score := 100*distinct + n; score > bestScore {
			best, bestScore = start, score
		}
	}
	last := min(ntok, best+snippetWords) // the window is tokens [best, last)
	var b strings.Builder
	b.Grow(160)
	if best > 0 {
		b.WriteString("…")
	}
	h := 0
	prevEnd := -1
	for i, k := 0, 0; k < last; k++ {
		start, end := nextWord(text, i)
		i = end
		if k < best {
			continue
		}
		switch {
		case prevEnd >= 0:
			b.WriteString(text[prevEnd:start])
		case best == 0:
			b.WriteString(strings.TrimLeftFunc(text[:start], unicode.IsSpace))
		}
		prevEnd = end
		for h < len(hits) && hits[h].tok < k {
			h++
		}
		if h < len(hits) && hits[h].tok == k {
			b.WriteString("[" + text[start:end] + "]")
		} else {
			b.WriteString(text[start:end])
		}
	}
	if last < ntok {
		b.WriteString("…")
	} else {
		b.WriteString(strings.TrimRightFunc(text[prevEnd:], unicode.IsSpace))
	}
	return b.String(), bestScore >= 0
}

// matchWord returns the index in want of the stem of word, or -1. An ASCII
// word is folded in buf, without allocating.
func matchWord(word string, want []string, buf *[64]byte) int {
	var st string
	ascii := len(word) <= len(buf)
	for i := 0; ascii && i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
		} else if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if ascii {
		b := stemLower(buf[:len(word)])
		for i, w := range want {
			if string(b) == w {
				return i
			}
		}
		return -1
	}
	st = stem(word)
	return slices.Index(want, st)
}

// isWordRune: a word is a run of letters and digits, as the query's
// words (sqlstore.Words) and the index's tokens.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stem folds a word for matching: lower case, without a plural or
// past or progressive ending.
func stem(w string) string {
	return string(stemLower([]byte(strings.ToLower(w))))
}

// stemLower is stem of a word already in lower case.
func stemLower(w []byte) []byte {
	has := func(suf string) bool { return len(w) >= len(suf) && string(w[len(w)-len(suf):]) == suf }
	switch {
	case len(w) > 4 && has("ies"):
		w = append(w[:len(w)-3], 'y')
	case len(w) > 4 && has("sses"):
		w = w[:len(w)-2]
	case len(w) > 5 && has("ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && has("ed"):
		w = w[:len(w)-2]
	case len(w) > 3 && has("s") && !has("ss") && !has("us"):
		w = w[:len(w)-1]
	}
	return w
}
