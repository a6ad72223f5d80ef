package timex

import (
	"sync"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// The tagger builds units and runs the grammar only in sentences that may
// hold a time expression: a quarter of Reuters' words are in sentences
// without one, and building their units costs more than the scan that
// finds them. Every pattern of the grammar covers at least one unit that
//   - holds a digit (numbers, 8/28, Q3, FY2025, '90s), other than a
//     number with a decimal point or thousands commas ("1.5", "11,000",
//     the commonest numbers of business news) and other than a plain
//     number that is no year (see smallNumber), or
//   - is a word of a category of triggerCats (month, weekday, unit, ...)
//     other than the number words and ordinals of weakWord, or
//   - is one of the few plain words that some pattern needs besides
//     ("the past", "the present", "the near term", "the latest period",
//     "the sixties").
//
// The other words only extend a match around such a unit ("the", "last",
// "early", "about", "every", "ago", "a.m.", "fiscal", "that", "three",
// "third", "12"): "the last week" needs "week", "a few days ago" "days",
// "the third quarter" "quarter", "12 March" "March". A sentence without
// such a unit yields no match. A new pattern that stands without one needs
// its word here.

// triggerCats are the lexicon categories a time expression needs one of.
var triggerCats = [...]cat{cNum, cNumWord, cOrd, cMonth, cWeekday, cUnit, cSeason, cPart, cDeictic, cSetAdv, cNoon, cHoliday, cHalf}

// triggerPlain are the other words some pattern stands on.
var triggerPlain = [...]string{"past", "present", "term", "period",
	"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}

// triggerSet is the table of trigger words.
type triggerSet struct {
	words *text.WordMap[bool] // the value: a unit only when capitalised
	// prefix holds, for each pair of first letters (lower-cased) of a
	// word, the lengths a trigger starting with them has, and those
	// plus one (a plural, "Fridays"), as bits: most words fail this
	// test, inlined in mayHold, and need no lookup.
	prefix [26 * 26]uint32
}

var (
	trigOnce sync.Once
	trigSet  triggerSet
)

// triggerWords returns the table of trigger words, built once.
func triggerWords() *triggerSet {
	trigOnce.Do(func() {
		m := map[string]bool{}
		for w, l := range buildLexicon() {
			for _, c := range triggerCats {
				if l.k == c && !weakWord(l) {
					m[w] = l.cap
				}
			}
		}
		for _, w := range triggerPlain {
			m[w] = false
		}
		trigSet.words = text.NewWordMap(m)
		for w := range m {
			if len(w) < 2 {
				continue // maybe passes such words
			}
			if a, b := w[0]|0x20, w[1]|0x20; a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' {
				trigSet.prefix[int(a-'a')*26+int(b-'a')] |= 1<<min(len(w), 31) | 1<<min(len(w)+1, 31)
			}
		}
	})
	return &trigSet
}

// maybe reports whether w may be a trigger (has): false only when w
// starts with two ASCII letters that, lower-cased, start no trigger
// of its length or one less.
func (ts *triggerSet) maybe(w string) bool {
	if len(w) < 2 {
		return true
	}
	a, b := w[0]|0x20, w[1]|0x20
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return true
	}
	return ts.prefix[int(a-'a')*26+int(b-'a')]&(1<<min(len(w), 31)) != 0
}

// weakWord reports the number words and ordinals that are no trigger:
// the grammar reads them only as the count of a unit ("three weeks", "the
// first nine months"), the day of a month ("the third of March"), the
// ordinal of a quarter, half or century ("the third quarter", "the first
// half", "the twenty-first century") or the year after a month, season,
// holiday or "the year" ("January nineteen ninety-seven", "the year two
// thousand"), and each of those words is a trigger. What stays a trigger:
// the number words from eleven to twenty (and "dozen"), which begin a
// year spelled out on its own ("nineteen ninety-six", spelledYear), and
// "second", which is also a unit ("ten second delay", unitAt).
func weakWord(l lex) bool {
	switch l.k {
	case cNumWord:
		return l.v < 11 || l.v > 20
	case cOrd:
		return l.v != 2
	}
	return false
}

// mayHold reports whether tokens [first, last) of d may hold a time
// expression: false only when no unit buildUnits makes of them is a
// trigger. Units are the tokens, joined where no space parts them and
// split at hyphens; a joined unit is a trigger only through a token that
// is one ("Aug" "."), as the words of tw are letters only.
func mayHold(d *text.Doc, first, last int, tw *triggerSet) bool {
	txt := d.Text
	for k, tk := range d.Tokens[first:last] {
		switch tk.Kind {
		case text.Number:
			if k > 0 && d.Tokens[first+k-1].End == tk.Start && joinsNext(txt[tk.Start-1]) {
				return true
			}
			if w := txt[tk.Start:tk.End]; !decimalOrComma(w) && !smallNumber(d, w, first+k+1, last) {
				return true
			}
			continue
		case text.Word:
		default:
			continue // a mark: no letter, no digit
		}
		if tk.Flags&text.HasDigit != 0 {
			return true
		}
		w := txt[tk.Start:tk.End]
		if tk.Flags&(text.HasHyphen|text.HasPeriod) == 0 {
			if tw.maybe(w) && tw.has(w) {
				return true
			}
			continue
		}
		// the parts between hyphens, as addChunk splits them, without
		// the final period addUnit drops
		p := 0
		for q := 0; q <= len(w); q++ {
			if q < len(w) && w[q] != '-' {
				continue
			}
			part := w[p:q]
			p = q + 1
			if len(part) > 0 && part[len(part)-1] == '.' {
				part = part[:len(part)-1]
			}
			if len(part) > 0 && tw.has(part) {
				return true
			}
		}
	}
	return false
}

// decimalOrComma reports whether w is digits with a period or comma
// between digits ("1.5", "11,000", "11,000.5"): classifyNumber makes
// such a unit a number of shape shDecimal or shComma, even with more
// glued after it (a unit's shape comes from what follows its first
// digits). The grammar reads such a number only before a unit word
// ("1.5 years", "11,000 years", which is a trigger) and never as a time
// expression of its own, so it is no trigger unless it is glued to the
// token before (joinsNext): then it may be part of a unit that starts
// there.
func decimalOrComma(w string) bool {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	if n == 0 || n+1 >= len(w) || w[n] != '.' && w[n] != ',' || !isDigit(w[n+1]) {
		return false
	}
	for i := n; i < len(w); i++ {
		if c := w[i]; !isDigit(c) && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// smallNumber reports whether the number w, of token next-1 of a
// sentence that ends before token last, is a plain number that is no
// trigger: digits only, not four of them (a year, "1987", or a clock
// time, "by 1000 GMT"), no token glued after it that buildUnits might join
// to it ("8" "-" "28"), and no "am" or "pm" after it ("9 am", "5 p.m.").
// classifyNumber makes it a number of shape shNone with ndig other than
// 4, and the grammar reads such a number only
//   - as the count of a unit ("3 weeks", "the past 12 months", "every 2
//     days"), the unit a trigger,
//   - as the hour before "am"/"pm" (numberExpr) or "in the morning" (a
//     part of the day, a trigger),
//   - as the day of a month before or after it ("12 March", "March 12",
//     "March 5 and 6", the month a trigger), or
//   - as a two-digit year after a month, season, quarter or holiday
//     ("March '87"), each a trigger.
func smallNumber(d *text.Doc, w string, next, last int) bool {
	if len(w) == 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	if next >= last {
		return true
	}
	nt := d.Tokens[next]
	if c := d.Text[nt.Start]; nt.Start == d.Tokens[next-1].End && (isAlnumByte(c) || joinsNext(c)) {
		return false // glued: may join into one unit
	}
	// the unit after it starts at the next token, which may be joined
	// with the tokens glued after it ("A" "." "m")
	return !ampm(d.Text[nt.Start:])
}

// ampm reports whether w may begin with "am" or "pm" as addUnit reads
// them ("am", "PM", "a.m.", "p.m"), or with more letters after them.
func ampm(w string) bool {
	if len(w) < 2 {
		return false
	}
	if c := w[0] | 0x20; c != 'a' && c != 'p' {
		return false
	}
	return w[1]|0x20 == 'm' || len(w) >= 3 && w[1] == '.' && w[2]|0x20 == 'm'
}

// joinsNext reports whether a token ending in c may join a token
// glued after it into one unit (see buildUnits).
func joinsNext(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '/' || c == ':' || c == '-'
}

// has reports whether the word w is a trigger as addUnit reads
// it: case folded, capitalised where the lexicon asks it, and plural
// weekdays ("Fridays"). Words with other bytes than letters are none.
func (tw *triggerSet) has(w string) bool {
	capital := w[0] >= 'A' && w[0] <= 'Z'
	if capOnly, ok := tw.words.GetFold(w); ok {
		return !capOnly || capital
	}
	if capital && len(w) > 2 && w[len(w)-1]|0x20 == 's' {
		_, ok := tw.words.GetFold(w[:len(w)-1])
		return ok
	}
	return false
}
