package text

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// abbrevs are words that keep their period as part of the token. Titles
// (which never end a sentence before a name) are marked true.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "adm": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "maj": true, "cmdr": true, "cmdt": true, "gov": true, "sen": true,
	"rep": true, "rev": true, "pres": true, "gens": true, "sens": true, "reps": true, "messrs": true,
	"hon": true, "fr": true, "mt": true, "ft": true, "st": true, "cpl": true, "pvt": true, "brig": true,
	"supt": true, "insp": true, "det": true, "atty": true, "amb": true, "ald": true,
	// not titles: may end a sentence
	"jr": false, "sr": false, "inc": false, "corp": false, "co": false, "ltd": false, "llc": false,
	"plc": false, "bros": false, "vs": false, "etc": false, "jan": false, "feb": false, "mar": false,
	"apr": false, "jun": false, "jul": false, "aug": false, "sep": false, "sept": false, "oct": false,
	"nov": false, "dec": false, "mon": false, "tue": false, "tues": false, "wed": false, "thu": false,
	"thurs": false, "fri": false, "sat": false, "sun": false, "approx": false, "est": false, "dept": false,
	"univ": false, "assn": false, "av": false, "ave": false, "blvd": false, "rd": false, "no": false,
	"nos": false, "vol": false, "pp": false, "ca": false, "cf": false, "al": false, "govt": false,
	"mln": false, "bln": false, "pct": false, "dlrs": false, "cts": false, "shr": false, "qtr": false,
	"yr": false, "yrs": false, "mo": false, "mos": false, "wk": false, "min": false, "max": false,
	"intl": false, "natl": false, "ga": false, "calif": false, "conn": false, "fla": false, "ill": false,
	"mass": false, "mich": false, "minn": false, "penn": false, "tenn": false, "tex": false, "va": false,
	"wash": false, "wis": false, "ariz": false, "colo": false, "del": false, "ind": false, "kan": false,
	"ky": false, "md": false, "mo.": false, "neb": false, "nev": false, "okla": false, "ore": false,
	"pa": false, "wyo": false, "ala": false, "ark": false,
}

// isTitleAbbrev reports whether an abbreviation token ("Gen.") is a title
// that precedes a name and so never ends a sentence.
func isTitleAbbrev(tok string) bool {
	if len(tok) < 2 || tok[len(tok)-1] != '.' {
		return false
	}
	title, _ := abbrev(tok[:len(tok)-1])
	return title
}

// abbrevTable is abbrevs for lookups of words as written.
var abbrevTable = NewWordMap(abbrevs)

// abbrev looks w up in abbrevs, lower-cased (ASCII), without allocating.
func abbrev(w string) (title, ok bool) { return abbrevTable.GetFold(w) }

// lowerIs reports whether w lower-cased (ASCII) is l, which is lower case.
func lowerIs(w, l string) bool {
	if len(w) != len(l) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != l[i] {
			return false
		}
	}
	return true
}

func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }

// runeAt decodes the rune at i with an ASCII fast path.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetterByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// tokenize appends the tokens of text[start:end] to toks.
func tokenize(text string, start, end int, toks []Token) []Token {
	s := text[:end]
	lineStart := true
	for i := start; i < end; {
		// Dispatch on the first byte: ASCII, most of the text, needs no
		// rune decoding (byteClass says what isSpace, isLetter and
		// isDigitByte say of it).
		var t Token
		plain := false // an ASCII word of letters and digits only
		switch c := s[i]; byteClass[c] {
		case bSpace:
			i++
			continue
		case bNewline:
			lineStart = true
			i++
			continue
		case bLetter:
			t, plain = scanWord(s, i)
		case bDigit:
			t = scanNumber(s, i)
		case bOther:
			t = scanPunct(s, i, rune(c), 1)
		default: // a multi-byte rune
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case isSpace(r):
				i += n
				continue
			case isLetter(r):
				t, plain = scanWord(s, i)
			default:
				t = scanPunct(s, i, r, n)
			}
		}
		if lineStart {
			t.Flags |= LineStart
			lineStart = false
		}
		// Split clitics off words: "Pyongyang's" -> "Pyongyang" "'s",
		// "wasn't" -> "was" "n't".
		if !plain && t.Kind == Word {
			if c := cliticStart(s, t.Start, t.End); c > t.Start {
				toks, t = splitClitic(s, t, c, toks)
			}
		}
		toks = append(toks, t)
		i = t.End
		// the usual single space between tokens, without a trip
		// through the dispatch
		if i < end && s[i] == ' ' {
			i++
		}
	}
	return toks
}

// splitClitic appends to toks the part of word token t before its clitic
// starting at c, and returns the clitic's token. (Out of tokenize, which
// keeps its registers for the usual token.)
func splitClitic(s string, t Token, c int, toks []Token) ([]Token, Token) {
	toks = append(toks, Token{Start: t.Start, End: c, Kind: Word, Flags: shape(s, t.Start, c) | t.Flags&LineStart})
	return toks, Token{Start: c, End: t.End, Kind: Word, Flags: shape(s, c, t.End)}
}

// Classes of a token's first byte, for tokenize.
const (
	bOther   uint8 = iota // ASCII punctuation, symbols and controls
	bSpace                // ASCII space other than '\n'
	bNewline              // '\n'
	bLetter               // ASCII letter
	bDigit                // ASCII digit
	bMulti                // the first byte of a multi-byte rune (or an invalid byte)
)

var byteClass = func() (t [256]uint8) {
	for c := 0x80; c < 256; c++ {
		t[c] = bMulti
	}
	for _, c := range " \t\r\f\v" {
		t[c] = bSpace
	}
	t['\n'] = bNewline
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = bLetter, bLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = bDigit
	}
	return t
}()

// scanWord scans letters with inner hyphens, apostrophes (O'Brien, clitics),
// digits (COVID-19, F-16) and abbreviation periods (U.S., Gen.). plain
// reports a word of ASCII letters and digits only, the common case, whose
// shape it sets on the way.
func scanWord(s string, i int) (t Token, plain bool) {
	start := i
	letters := 0 // letters and digits
	plain = true
	var seen uint8 // the asciiClass bits of the ASCII letters and digits
	for i < len(s) {
		// a run of ASCII letters and digits: eight bytes at a time while
		// they fit, so that most words end in one step without a branch
		// per byte; then one table load per byte
		j := i
		for j+8 <= len(s) {
			// alnumPrefix, written out of inlinable parts
			x := load64(s, j)
			letter, digit := letterBits(x), digitBits(x)
			other := ^(letter | digit) & highBits
			keep := other&-other - 1 // the bytes before the first other
			seen |= classBits(x, letter&keep, digit&keep)
			if other != 0 {
				j += bits.TrailingZeros64(other) >> 3
				goto run
			}
			j += 8
		}
		for j < len(s) {
			k := asciiClass[s[j]]
			if k == 0 {
				break
			}
			seen |= k
			j++
		}
	run:
		letters += j - i
		i = j
		if i >= len(s) || wordEnd[s[i]] {
			break
		}
		r, n := runeAt(s, i)
		if isLetter(r) {
			i += n
			letters++
			plain = false
			continue
		}
		// Inner connectors: a hyphen or apostrophe followed by a letter or digit.
		if (r == '-' || isApostrophe(r) || r == '&') && i+n < len(s) {
			r2, _ := runeAt(s, i+n)
			if isLetter(r2) || (r2 < utf8.RuneSelf && isDigitByte(byte(r2))) {
				if r == '&' && !(i > start && isUpperByte(s[i-1]) && isUpperByte(s[i+1])) {
					break // AT&T, S&P but not "this&that"
				}
				i += n
				plain = false
				continue
			}
		}
		break
	}
	// Abbreviation periods: initials chains (U.S., U.N., e.g., a.m.) and
	// known abbreviations (Gen., Sept., Inc.).
	if i < len(s) && s[i] == '.' {
		w := s[start:i]
		switch {
		case letters == 1 || isInitialChain(w):
			i++
			plain = false
			for i+1 < len(s) && isLetterByte(s[i]) && s[i+1] == '.' {
				i += 2
			}
		default:
			if _, ok := abbrev(w); ok {
				if lowerIs(w, "no") || lowerIs(w, "nos") {
					// "No. 1" but "said no." stays a sentence end.
					if j := i + 1; j+1 < len(s) && s[j] == ' ' && isDigitByte(s[j+1]) {
						i++
						plain = false
					}
				} else {
					i++
					plain = false
				}
			}
		}
	}
	t = Token{Start: start, End: i, Kind: Word}
	if !plain {
		t.Flags = shape(s, start, i)
		return t, false
	}
	// shape, for ASCII letters and digits
	if seen&aDigit != 0 {
		t.Flags |= HasDigit
	}
	if c := s[start]; c >= 'A' && c <= 'Z' {
		t.Flags |= Cap
	}
	// every letter upper case, and at least two of them
	if seen&(aLower|aUpper) == aUpper && twoUpper(s[start:i]) {
		t.Flags |= AllCaps
	}
	return t, true
}

// load64 returns the eight bytes of s at i as a little-endian word (one
// load on the usual targets).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	highBits = 0x8080808080808080
	lowBytes = 0x0101010101010101
)

// inRange sets the high bit of each byte of x that lies in [lo, hi]
// (lo > 0, hi < 0x7f), and may set it in bytes of 0x80 and more. Each
// byte is or-ed with 0x80 first, so that no subtraction borrows from
// the next byte.
func inRange(x uint64, lo, hi byte) uint64 {
	y := x | highBits
	return (y - uint64(lo)*lowBytes) &^ (y - uint64(hi+1)*lowBytes) & highBits
}

// alnumPrefix returns how many of the bytes of x (first byte lowest) are
// ASCII letters or digits before the first that is not, and the
// asciiClass bits of those bytes: asciiClass's loop, eight bytes at once.
func alnumPrefix(x uint64) (int, uint8) {
	letter, digit := letterBits(x), digitBits(x)
	other := ^(letter | digit) & highBits
	keep := other&-other - 1 // the bytes before the first other
	return bits.TrailingZeros64(other) >> 3, classBits(x, letter&keep, digit&keep)
}

// letterBits and digitBits set the high bit of the bytes of x that are
// ASCII letters or digits.
func letterBits(x uint64) uint64 { return inRange(x|0x20*lowBytes, 'a', 'z') &^ x & highBits }
func digitBits(x uint64) uint64  { return inRange(x, '0', '9') &^ x & highBits }

// classBits returns the asciiClass bits of the letters and digits of x
// marked by the high bits of letter and digit.
func classBits(x, letter, digit uint64) uint8 {
	lowerCase := x << 2 // bit 0x20 of each byte, moved to 0x80
	var k uint8
	if letter&lowerCase != 0 {
		k |= aLower
	}
	if letter&^lowerCase != 0 {
		k |= aUpper
	}
	if digit != 0 {
		k |= aDigit
	}
	return k
}

// twoUpper reports whether w has two upper-case ASCII letters.
func twoUpper(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		if isUpperByte(w[i]) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// ASCII byte classes for scanWord's loop, as bits: a plain word's shape
// is read from the union of its bytes' classes.
const (
	aLower uint8 = 1 << iota
	aUpper
	aDigit
)

var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = aLower, aUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	return t
}()

// wordEnd marks the ASCII bytes that end a word after a run of letters
// and digits: all but the inner connectors - ' &.
var wordEnd = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = asciiClass[c] == 0 && c != '-' && c != '\'' && c != '&'
	}
	return t
}()

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// isInitialChain reports whether w is like "U.S" (letters separated by
// periods), which we reach having stopped at its final period.
func isInitialChain(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k%2 == 1 {
			if w[k] != '.' {
				return false
			}
		} else if !isLetterByte(w[k]) {
			return false
		}
	}
	return true
}

// cliticStart returns the offset where a clitic ('s, n't, 're, 've, 'll,
// 'd, 'm, with a straight or curly apostrophe) begins inside word token
// [start,end), or start if none.
func cliticStart(s string, start, end int) int {
	// Find the last apostrophe.
	ap, apLen := -1, 0
	for k := end - 1; k > start; k-- {
		if s[k] == '\'' {
			ap, apLen = k, 1
			break
		}
		if s[k] == 0x99 && k >= start+2 && s[k-1] == 0x80 && s[k-2] == 0xE2 {
			ap, apLen = k-2, 3
			break
		}
	}
	if ap <= start {
		return start
	}
	suf := s[ap+apLen : end]
	switch len(suf) {
	case 1:
		switch suf[0] | 0x20 {
		case 's', 'd', 'm':
			return ap
		case 't':
			if ap-1 > start && s[ap-1]|0x20 == 'n' {
				return ap - 1
			}
		}
	case 2:
		switch suf[0] | 0x20 {
		case 'r', 'v', 'l':
			if l := suf[1] | 0x20; l == 'e' || l == 'l' {
				return ap
			}
		}
	}
	return start
}

// scanNumber scans digits with inner separators (11,000; 4.2; 8/28/2024;
// 15:00; 2024-08-28) and trailing letters (80th, 1990s, 30k, 2bn).
func scanNumber(s string, i int) Token {
	start := i
	for i < len(s) {
		c := s[i]
		if isDigitByte(c) {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == '/' || c == ':' || c == '-') && i+1 < len(s) && isDigitByte(s[i+1]) {
			i++
			continue
		}
		break
	}
	for i < len(s) && isLetterByte(s[i]) {
		i++
	}
	return Token{Start: start, End: i, Kind: Number, Flags: shape(s, start, i)}
}

func scanPunct(s string, i int, r rune, n int) Token {
	start := i
	switch {
	case r == '.' && i+2 < len(s) && s[i+1] == '.' && s[i+2] == '.':
		i += 3
		for i < len(s) && s[i] == '.' {
			i++
		}
		return Token{Start: start, End: i, Kind: Punct}
	case r == '-' && i+1 < len(s) && s[i+1] == '-':
		i += 2
		for i < len(s) && s[i] == '-' {
			i++
		}
		return Token{Start: start, End: i, Kind: Punct}
	case r == '\'' && i+1 < len(s) && isDigitByte(s[i+1]):
		// '90s
		t := scanNumber(s, i+1)
		t.Start = start
		return t
	}
	k := Symbol
	if unicode.IsPunct(r) {
		k = Punct
	}
	if r == utf8.RuneError && n == 1 {
		k = Symbol
	}
	return Token{Start: start, End: i + n, Kind: k}
}

// shape returns the shape flags of a word or number token s[start:end].
// (It returns them rather than setting them through a pointer: the
// tokens of the scanners, whose addresses are never taken, stay in
// registers.)
func shape(s string, start, end int) uint8 {
	var f uint8
	letters, uppers := 0, 0
	first := true
	for i := start; i < end; {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of the text: no rune decoding.
			switch {
			case isDigitByte(c):
				f |= HasDigit
			case c == '.':
				f |= HasPeriod
			case c == '-':
				f |= HasHyphen
			case isLetterByte(c):
				letters++
				if c <= 'Z' {
					uppers++
					if first {
						f |= Cap
					}
				}
			}
			first = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
				if first {
					f |= Cap
				}
			}
		}
		first = false
		i += n
	}
	if letters >= 2 && uppers == letters {
		f |= AllCaps
	}
	return f
}
