package text

import (
	"unicode"
	"unicode/utf8"
)

// starters are words that, capitalised after an abbreviation ("in the U.S.
// The ..."), very likely begin a new sentence. Names never are.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"But": true, "And": true, "Or": true, "So": true, "Yet": true, "However": true, "Meanwhile": true,
	"In": true, "On": true, "At": true, "As": true, "After": true, "Before": true, "When": true,
	"While": true, "If": true, "His": true, "Her": true, "Its": true, "Their": true, "Our": true,
	"My": true, "Some": true, "Many": true, "Most": true, "Officials": true, "Both": true, "Also": true,
	"Since": true, "Still": true, "Now": true, "Then": true, "Last": true, "Earlier": true, "Later": true,
	"For": true, "What": true, "Why": true, "How": true, "Who": true, "Analysts": true, "Experts": true,
}

// starterTable is starters for lookups.
var starterTable = NewWordMap(starters)

// sentences appends the sentences of tokens [first, last) of one paragraph.
func sentences(d *Doc, first, last, para int, out []Sentence) []Sentence {
	text := d.Text
	toks := d.Tokens[:last]
	begin := first
	quotes := 0 // straight double quotes seen in the current sentence
	for i := first; i < len(toks); i++ {
		// Most tokens neither end a sentence nor are a quote mark: a
		// table of their last bytes tells at once. (A token starting
		// with a period, which terminal also reads, is "." or an
		// ellipsis, and so ends with one.)
		if !sentenceByte[text[toks[i].End-1]] {
			continue
		}
		t := toks[i]
		tok := text[t.Start:t.End]
		if tok == "\"" {
			quotes++
		}
		end, ok := terminal(tok, t)
		if !ok || i+1 >= last {
			continue
		}
		// Absorb closing quotes and brackets after the terminal.
		j := i + 1
		for j < last {
			c := text[toks[j].Start:toks[j].End]
			if c == "”" || c == "’" || c == ")" || c == "]" || c == "'" ||
				(c == "\"" && quotes%2 == 1) {
				if c == "\"" {
					quotes++
				}
				j++
				continue
			}
			break
		}
		if j >= last {
			break
		}
		if !startsSentence(text, toks, j, last, tok, end) {
			continue
		}
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[j-1].End, First: begin, Last: j, Paragraph: para})
		begin = j
		quotes = 0
		i = j - 1
	}
	if begin < last {
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[last-1].End, First: begin, Last: last, Paragraph: para})
	}
	return out
}

// sentenceByte marks the last bytes of the tokens sentences looks at: a
// straight double quote and those terminal accepts (with those starting
// with a period).
var sentenceByte = [256]bool{'"': true, '.': true, '!': true, '?': true, 0xa6: true}

// terminal reports whether token could end a sentence, and of which kind:
// 1 plain terminal (. ! ? …), 2 an abbreviation with its period (U.S.).
func terminal(tok string, t Token) (int, bool) {
	if tok == "" {
		return 0, false
	}
	// most tokens end in none of the bytes a terminal ends in
	switch tok[len(tok)-1] {
	case '.', '!', '?', 0xa6: // 0xa6 ends "…"
	default:
		if tok[0] != '.' {
			return 0, false
		}
	}
	switch tok {
	case ".", "!", "?", "…", "?!", "!!":
		return 1, true
	}
	if t.Kind == Punct && len(tok) >= 3 && tok[0] == '.' {
		return 1, true // ellipsis
	}
	if t.Kind == Word && len(tok) > 1 && tok[len(tok)-1] == '.' {
		if isTitleAbbrev(tok) {
			return 0, false
		}
		return 2, true
	}
	return 0, false
}

// startsSentence decides whether token j begins a new sentence after a
// terminal of the given kind.
func startsSentence(text string, toks []Token, j, last int, prev string, kind int) bool {
	t := toks[j]
	w := text[t.Start:t.End]
	r, _ := utf8.DecodeRuneInString(w)
	// An opening quote or bracket: look at what follows it.
	if (r == '"' || r == '“' || r == '‘' || r == '(' || r == '\'') && j+1 < last {
		n := toks[j+1]
		r2, _ := utf8.DecodeRuneInString(text[n.Start:n.End])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	if r == '-' || r == '—' || r == '•' || r == '*' {
		return kind == 1
	}
	if kind == 2 {
		// After an abbreviation: only a clear sentence starter.
		if len(prev) == 2 && prev[0] >= 'A' && prev[0] <= 'Z' {
			// A single initial ("John F. Kennedy") almost never ends a sentence.
			return false
		}
		return starterTable.Has(w)
	}
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	return false
}
