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
//     the commonest numbers of business news), or
//   - is a word of a category of triggerCats (month, weekday, unit, ...), or
//   - is one of the few plain words that some pattern needs besides
//     ("the past", "the present", "the near term", "the latest period",
//     "the sixties").
//
// The other words only extend a match around such a unit ("the", "last",
// "early", "about", "every", "ago", "a.m.", "fiscal", "that"): "the last
// week" needs "week", "a few days ago" "days". A sentence without such a
// unit yields no match. A new pattern that stands without one needs its
// word here.

// triggerCats are the lexicon categories a time expression needs one of.
var triggerCats = [...]cat{cNum, cNumWord, cOrd, cMonth, cWeekday, cUnit, cSeason, cPart, cDeictic, cSetAdv, cNoon, cHoliday, cHalf}

// triggerPlain are the other words some pattern stands on.
var triggerPlain = [...]string{"past", "present", "term", "period",
	"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}

var (
	trigOnce sync.Once
	trigMap  *text.WordMap[bool] // the value: a unit only when capitalised
)

// triggerWords returns the table of trigger words, built once.
func triggerWords() *text.WordMap[bool] {
	trigOnce.Do(func() {
		m := map[string]bool{}
		for w, l := range buildLexicon() {
			for _, c := range triggerCats {
				if l.k == c {
					m[w] = l.cap
				}
			}
		}
		for _, w := range triggerPlain {
			m[w] = false
		}
		trigMap = text.NewWordMap(m)
	})
	return trigMap
}

// mayHold reports whether tokens [first, last) of d may hold a time
// expression: false only when no unit buildUnits makes of them is a
// trigger. Units are the tokens, joined where no space parts them and
// split at hyphens; a joined unit is a trigger only through a token that
// is one ("Aug" "."), as the words of tw are letters only.
func mayHold(d *text.Doc, first, last int, tw *text.WordMap[bool]) bool {
	txt := d.Text
	for k, tk := range d.Tokens[first:last] {
		switch tk.Kind {
		case text.Number:
			if k > 0 && d.Tokens[first+k-1].End == tk.Start && joinsNext(txt[tk.Start-1]) || !decimalOrComma(txt[tk.Start:tk.End]) {
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
			if triggerWord(w, tw) {
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
			if len(part) > 0 && triggerWord(part, tw) {
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

// joinsNext reports whether a token ending in c may join a token
// glued after it into one unit (see buildUnits).
func joinsNext(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '/' || c == ':' || c == '-'
}

// triggerWord reports whether the word w is a trigger as addUnit reads
// it: case folded, capitalised where the lexicon asks it, and plural
// weekdays ("Fridays"). Words with other bytes than letters are none.
func triggerWord(w string, tw *text.WordMap[bool]) bool {
	capital := w[0] >= 'A' && w[0] <= 'Z'
	if capOnly, ok := tw.GetFold(w); ok {
		return !capOnly || capital
	}
	if capital && len(w) > 2 && w[len(w)-1]|0x20 == 's' {
		_, ok := tw.GetFold(w[:len(w)-1])
		return ok
	}
	return false
}
