package timex

import (
	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// unit is one word or number of a sentence as the grammar sees it. Units
// are built from the scanner's tokens: adjacent tokens with no space between
// them that form one number or abbreviation ("8" "/" "28", "a" "." "m" ".")
// are joined, and hyphenated words are split into their parts, marked hyph,
// so "mid-2024" and "third-quarter" read like "mid 2024" and "third quarter"
// while matches still cover whole words.
type unit struct {
	start, end int // byte offsets into the text
	k          cat
	v          int
	num        int  // value of a plain digit string, -1 otherwise
	ndig       int  // number of digits of a plain digit string
	hyph       bool // joined to the previous unit by a hyphen
	joined     bool // no space before it (after a hyphen or another token)
	cap        bool // first letter upper case
	period     bool // ends with a period
	word       bool // has a letter
	abbr       bool // an abbreviation (Aug, Sept)
	shape      uint8
	tok        int32 // index of the scanner token it comes from
}

// shapes of number units with separators.
const (
	shNone    uint8 = iota
	shSlash         // 8/28/2024, 8/28
	shISO           // 2024-08-28
	shColon         // 15:00, 9:30:15
	shDecade        // 1990s, 90s
	shOrd           // 28th
	shQuarter       // Q3
	shFY            // FY2025
	shDecimal       // 4.2
	shComma         // 11,000
)

type scratch struct {
	units []unit
	key   []byte
	out   []sitrep.Timex // the document's timexes, copied out at the end
}

// buildUnits fills s.units for tokens [first, last) of d.
func (s *scratch) buildUnits(d *text.Doc, first, last int) {
	s.units = s.units[:0]
	txt := d.Text
	lx := lexicon()
	i := first
	for i < last {
		t := d.Tokens[i]
		start, end := t.Start, t.End
		j := i + 1
		// join a run of tokens with no gap whose joints are inner
		// separators between alphanumerics: 8/28/2024, a.m., 15:00, U.S.
		for j < last && d.Tokens[j].Start == end {
			nt := d.Tokens[j]
			c := txt[nt.Start]
			if isAlnumByte(c) {
				// 1990 + s, 28 + th: glue letters to digits without space
				if isAlnumByte(txt[end-1]) || txt[end-1] == '.' || txt[end-1] == '/' || txt[end-1] == ':' || txt[end-1] == '-' {
					end = nt.End
					j++
					continue
				}
				break
			}
			if nt.End-nt.Start == 1 && (c == '.' || c == '/' || c == ':' || c == '-') {
				// a separator joins if an alphanumeric follows without gap,
				// or (a period) if it closes an abbreviation
				if j+1 < last && d.Tokens[j+1].Start == nt.End && isAlnumByte(txt[d.Tokens[j+1].Start]) {
					end = nt.End
					j++
					continue
				}
				if c == '.' && closesAbbrev(txt[start:end], lx) {
					end = nt.End
					j++
				}
			}
			break
		}
		// a token that already holds a trailing period which is not part of
		// an abbreviation ("1990." from a coarse scanner) gives it back
		if end-start > 1 && txt[end-1] == '.' && !closesAbbrev(txt[start:end-1], lx) && !hasInnerPeriod(txt[start:end-1]) {
			end--
		}
		n := len(s.units)
		s.addChunk(txt, start, end, lx)
		for ; n < len(s.units); n++ {
			s.units[n].tok = int32(i)
		}
		i = j
	}
}

func hasInnerPeriod(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}

func closesAbbrev(w string, lx *text.WordMap[lex]) bool {
	if hasInnerPeriod(w) {
		return true // a.m, U.S
	}
	if len(w) > 5 || len(w) == 0 {
		return false
	}
	var b [8]byte
	n := 0
	for i := 0; i < len(w); i++ {
		b[n] = lower(w[i])
		n++
	}
	l, ok := lx.GetBytes(b[:n])
	return ok && l.abbr
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// addChunk adds the units of txt[start:end], splitting hyphenated words.
func (s *scratch) addChunk(txt string, start, end int, lx *text.WordMap[lex]) {
	w := txt[start:end]
	// split at hyphens between letters (mid-2024, third-quarter,
	// twenty-five), but keep digit-hyphen-digit (2024-08-28) whole
	if hasHyphenSplit(w) {
		p := start
		first := true
		for q := start; q <= end; q++ {
			if q == end || (txt[q] == '-' && !(q > start && isDigit(txt[q-1]) && q+1 < end && isDigit(txt[q+1]))) {
				if q > p {
					s.addUnit(txt, p, q, lx, !first)
					s.units[len(s.units)-1].joined = !first
					first = false
				}
				p = q + 1
			}
		}
		return
	}
	s.addUnit(txt, start, end, lx, false)
}

func hasHyphenSplit(w string) bool {
	for i := 1; i+1 < len(w); i++ {
		if w[i] == '-' && !(isDigit(w[i-1]) && isDigit(w[i+1])) {
			return true
		}
	}
	return false
}

func (s *scratch) addUnit(txt string, start, end int, lx *text.WordMap[lex], hyph bool) {
	// the unit is zeroed and filled in place: a literal appended is
	// built on the stack and copied, and the copy's wide loads of the
	// narrow stores just made stall (store forwarding fails): that
	// stall was a tenth of the samples of buildUnits
	n := len(s.units)
	if n < cap(s.units) {
		s.units = s.units[:n+1]
	} else {
		s.units = append(s.units, unit{})
	}
	u := &s.units[n]
	*u = unit{}
	u.start, u.end, u.num, u.hyph = start, end, -1, hyph
	w := txt[start:end]
	c0 := w[0]
	if len(w) == 1 && !isAlnumByte(c0) {
		u.period = c0 == '.' // a mark: no key of the lexicon
		return
	}
	u.cap = c0 >= 'A' && c0 <= 'Z'
	u.period = w[len(w)-1] == '.'
	if isDigit(c0) {
		classifyNumber(u, w)
		return
	}
	// most words are ASCII letters only: their key is the word
	// lower-cased, which the table folds on the fly
	alpha := true
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			alpha = false
			break
		}
	}
	if alpha {
		u.word = true
		if l, ok := lookupLetters(lx, w); ok {
			if !l.cap || u.cap {
				u.k, u.v, u.abbr = l.k, int(l.v), l.abbr
			}
			if u.k == cAMPM && len(w) == 2 {
				// bare "am"/"pm": only after a number, checked by the grammar
				u.v = int(l.v)
			}
		} else if u.cap && len(w) > 2 && w[len(w)-1]|0x20 == 's' {
			// Fridays, Mondays (a set)
			if l, ok := lx.GetFold(w[:len(w)-1]); ok && l.k == cWeekday {
				u.k, u.v, u.shape = cWeekday, int(l.v), shDecade // plural marker
			}
		}
		return
	}
	// lexicon key: lower case, periods dropped except inner ones of a.m/p.m
	s.key = s.key[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '.' && i == len(w)-1 {
			continue
		}
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 { // ’
			s.key = append(s.key, '\'')
			i += 2
			continue
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			u.word = true
		}
		s.key = append(s.key, lower(c))
	}
	if l, ok := lx.GetBytes(s.key); ok {
		if !l.cap || u.cap {
			u.k, u.v, u.abbr = l.k, int(l.v), l.abbr
		}
		if u.k == cAMPM && len(s.key) == 2 && !u.period {
			// bare "am"/"pm": only after a number, checked by the grammar
			u.v = int(l.v)
		}
	} else if len(s.key) == 2 && (s.key[0] == 'q' || s.key[0] == 'h') && s.key[1] >= '1' && s.key[1] <= '4' {
		u.k, u.shape, u.v = cMisc, shQuarter, int(s.key[1]-'0')
		if s.key[0] == 'h' {
			u.v += 10
		}
	} else if len(s.key) == 6 && s.key[0] == 'f' && s.key[1] == 'y' && allDigits(string(s.key[2:])) {
		u.shape, u.num = shFY, atoi(string(s.key[2:]))
	} else if u.cap && len(s.key) > 2 && s.key[len(s.key)-1] == 's' {
		// Fridays, Mondays (a set)
		if l, ok := lx.GetBytes(s.key[:len(s.key)-1]); ok && l.k == cWeekday {
			u.k, u.v, u.shape = cWeekday, int(l.v), shDecade // plural marker
		}
	} else if len(s.key) >= 3 && s.key[0] == '\'' && isDigit(s.key[1]) {
		classifyNumber(u, string(s.key[1:]))
		if u.shape != shDecade {
			u.k, u.shape, u.num = cNone, shNone, -1
		}
	}
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

func atoi(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return n
		}
		n = n*10 + int(w[i]-'0')
		if n > 1e9 {
			return n
		}
	}
	return n
}

// classifyNumber sets the number shape and value of a unit starting with a digit.
func classifyNumber(u *unit, w string) {
	u.k = cNum
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	if n == len(w) {
		u.num, u.ndig = atoi(w), n
		return
	}
	rest := w[n:]
	switch {
	case rest == "s" || rest == "'s":
		u.shape, u.num, u.ndig = shDecade, atoi(w), n
	case rest == "st" || rest == "nd" || rest == "rd" || rest == "th":
		u.shape, u.num, u.ndig = shOrd, atoi(w), n
		u.k, u.v = cOrd, u.num
	case rest[0] == '/':
		u.shape = shSlash
	case rest[0] == ':':
		u.shape = shColon
	case rest[0] == '-' && n == 4:
		u.shape = shISO
	case rest[0] == '.':
		u.shape = shDecimal
	case rest[0] == ',':
		u.shape = shComma
	}
}
