package quantity

import (
	"math"
	"strconv"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Kind says what sort of number a Number is.
type Kind uint8

const (
	Integer  Kind = iota + 1 // 11,000; eleven thousand; 30k
	Decimal                  // 4.2; two point five
	Fraction                 // two-thirds; 3/4; a half; one and a half
	Power                    // 1e10; 1.1^23
	Ordinal                  // 80th; third; twenty-first — never a count
)

func (k Kind) String() string {
	switch k {
	case Integer:
		return "integer"
	case Decimal:
		return "decimal"
	case Fraction:
		return "fraction"
	case Power:
		return "power"
	case Ordinal:
		return "ordinal"
	}
	return "?"
}

// Number is one number found in a text: digits, words or both.
type Number struct {
	Start, End int // byte offsets of the number, half-open
	Value      float64
	Kind       Kind
	Spelled    bool // written (at least partly) in words
	// Glued is the end of letters written right after the digits that are
	// not a multiplier ("29km", "1990s"); 0 when there are none. Such
	// numbers are usually measures or identifiers, not counts.
	Glued int
	// Vague marks the plural round-number words used alone ("dozens",
	// "hundreds", "tens of thousands"): Value is the lower figure of the
	// package convention and Max the upper.
	Vague    bool
	Min, Max float64
	// Mult is the multiplier word or suffix the number ends with (1e6 for
	// "45 mln", "1.5 million"), 0 if none: "between 40 and 45 mln" scales
	// both bounds.
	Mult float64
	// token range [ti, tj) in the scanner's tokens
	ti, tj int
}

// Mode selects what the scanner reports.
type Mode struct {
	// Ordinals reports ordinals ("80th", "third") as Numbers of Kind
	// Ordinal; without it they are left out.
	Ordinals bool
	// Vague reports lone plural round words ("dozens", "hundreds",
	// "tens of thousands", "a few hundred") as vague Numbers.
	Vague bool
	// Loose accepts the forms of the Recognizers-Text test suite that are
	// rare and risky in news copy: a spaced single-letter multiplier
	// ("1,674.5 G"), "G" as giga, "X over Y" fractions.
	Loose bool
}

// Scanner finds numbers in text. Its zero value is ready to use; it keeps
// its buffers between calls, so one Scanner serves many texts but is not
// safe for concurrent use.
type Scanner struct {
	Mode  Mode
	s     string
	toks  []token
	cands []int32 // the tokens Scan looks at (see lex)
	out   []Number
	// Extract's buffers
	figs    []figure
	order   []int32 // mergeFigures' result
	qs      []sitrep.Quantity
	bounds  []optional
	rangeL  []Range
	moneyL  []Money
	pctL    []Percent
	measL   []Measure
	used    []bool // the numbers Extract's ranges consumed
	inRange []bool // the numbers ranges consumed
}

// Numbers returns the numbers in s, in text order, with the default mode
// (ordinals and vague words reported).
func Numbers(s string) []Number {
	sc := Scanner{Mode: Mode{Ordinals: true, Vague: true}}
	return append([]Number(nil), sc.Scan(s)...)
}

// Scan returns the numbers in s. The slice is reused by the next call.
func (sc *Scanner) Scan(s string) []Number {
	sc.s = s
	if cap(sc.toks) < len(s)/5 {
		sc.toks = make([]token, 0, len(s)/5+16)
	}
	sc.toks, sc.cands = lex(s, sc.toks[:0], sc.cands[:0])
	sc.out = sc.out[:0]
	urlEnd := -1
	// i is the first token not yet read: the candidates before it belong
	// to a number already parsed. The tokens that are no candidates can
	// start no number.
	i := 0
	for _, c := range sc.cands {
		if int(c) < i {
			continue
		}
		i = int(c)
		t := &sc.toks[i]
		if t.start < urlEnd {
			i++
			continue
		}
		if t.kind == tWord && t.end-t.start <= 5 && (s[t.start]|0x20 == 'h' || s[t.start]|0x20 == 'w') {
			if e := urlAt(s, t.start); e > 0 {
				urlEnd = e
				i++
				continue
			}
		}
		if t.kind == tPunct && t.end-t.start == 1 && s[t.start] != '-' && s[t.start] != '+' {
			i++
			continue
		}
		if t.kind == tWord && t.w().cls == cNone {
			i++
			continue
		}
		n := len(sc.out)
		next := sc.parse(i)
		if next <= i {
			i++
			continue
		}
		if len(sc.out) > n {
			i = next
			continue
		}
		i++
	}
	sc.ratios()
	return sc.out
}

// urlAt returns the end of the URL starting at byte i ("http://",
// "https://", "www."), or 0: numbers inside URLs are not figures.
func urlAt(s string, i int) int {
	rest := s[i:]
	// "http://", "https://" and "www." have a t or w second: most words
	// ("he", "was", "while") fail here
	if len(rest) < 4 || rest[1]|0x20 != 't' && rest[1]|0x20 != 'w' {
		return 0
	}
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return 0
	}
	e := i
	for e < len(s) && s[e] != ' ' && s[e] != '\n' && s[e] != '\t' {
		e++
	}
	return e
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && equalFold(s[:len(p)], p) }

// timeWords follow a number that is a duration, not a denominator
// ("$2000 over 3 years").
var timeWords = text.NewWordMap(map[string]bool{"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true,
	"day": true, "days": true, "hour": true, "hours": true, "minute": true, "minutes": true, "second": true, "seconds": true, "decades": true, "decade": true})

// ratios merges "1 in 5", "two out of five hundred" (and, in loose mode,
// "2000 over 3") into fractions.
func (sc *Scanner) ratios() {
	out := sc.out
	w := 0
	for i := 0; i < len(out); i++ {
		a := out[i]
		if i+1 < len(out) {
			b := out[i+1]
			if a.Kind == Integer && b.Kind == Integer && !a.Vague && !b.Vague && a.Glued == 0 && b.Glued == 0 && b.Value > 0 && a.tj < b.ti {
				gap := ""
				if b.Start-a.End <= 10 {
					gap = ratioGap(sc.s[a.End:b.Start])
				}
				timeAfter := func() bool {
					return b.tj < len(sc.toks) && is(timeWords, strings.ToLower(sc.tokText(b.tj)))
				}
				ok := false
				switch gap {
				case "in", "out of":
					ok = a.Value >= 0 && a.Value < b.Value && (b.Value <= 1000 || b.Spelled) && !timeAfter()
				case "over":
					ok = sc.Mode.Loose && !timeAfter()
				}
				if ok {
					out[w] = Number{Start: a.Start, End: b.End, Value: a.Value / b.Value, Kind: Fraction, Spelled: a.Spelled || b.Spelled, ti: a.ti, tj: b.tj}
					w++
					i++
					continue
				}
			}
		}
		out[w] = a
		w++
	}
	sc.out = out[:w]
}

// ratioGap returns the words between two numbers of a ratio, lower-cased
// and joined by single spaces, when they can be "in", "out of" or "over";
// otherwise a string that is none of these, mostly without allocating.
func ratioGap(g string) string {
	var buf [10]byte
	n := 0
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c >= 0x80:
			return strings.ToLower(strings.Join(strings.Fields(g), " ")) // Unicode spaces and case
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if n > 0 && buf[n-1] != ' ' {
				buf[n] = ' '
				n++
			}
		default:
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
	}
	if n > 0 && buf[n-1] == ' ' {
		n--
	}
	switch string(buf[:n]) {
	case "in":
		return "in"
	case "out of":
		return "out of"
	case "over":
		return "over"
	}
	return "-"
}

// tokText returns the text of token i.
func (sc *Scanner) tokText(i int) string { t := sc.toks[i]; return sc.s[t.start:t.end] }

func (sc *Scanner) isPunct(i int, c string) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == tPunct && sc.tokText(i) == c
}

// adjacent reports whether token j starts where token i ends.
func (sc *Scanner) adjacent(i, j int) bool {
	return i >= 0 && j < len(sc.toks) && sc.toks[i].end == sc.toks[j].start
}

// near reports whether tokens i and j are separated only by horizontal space.
// Most tokens are adjacent or one space apart: those it tells without
// calling hspace.
func (sc *Scanner) near(i, j int) bool {
	if i < 0 || j >= len(sc.toks) {
		return false
	}
	a, b := sc.toks[i].end, sc.toks[j].start
	if b == a || b == a+1 && sc.s[a] == ' ' {
		return true
	}
	return hspace(sc.s, a, b)
}

func (sc *Scanner) emit(n Number) { sc.out = append(sc.out, n) }

// parse tries to read a number starting at token i; it appends what it
// finds and returns the index of the first token after it (or i).
func (sc *Scanner) parse(i int) int {
	toks := sc.toks
	j := i
	neg := false
	// sign
	if toks[j].kind == tWord && toks[j].w().cls == cMinus {
		if j+1 < len(toks) && sc.near(j, j+1) && sc.startsNumber(j+1) {
			neg = true
			j++
		} else {
			return i
		}
	} else if toks[j].kind == tPunct {
		c := sc.tokText(j)
		if c == "+" {
			return i
		}
		if c == "-" || c == "−" {
			if j+1 < len(toks) && toks[j+1].kind == tNum && sc.near(j, j+1) && sc.signContext(j) {
				neg = true
				j++
			} else {
				return i
			}
		} else if v, ok := vulgar.Get(c); ok {
			sc.emit(Number{Start: toks[j].start, End: toks[j].end, Value: v, Kind: Fraction, ti: j, tj: j + 1})
			return j + 1
		} else {
			return i
		}
	}
	n0 := len(sc.out)
	var next int
	if toks[j].kind == tNum {
		next = sc.parseDigits(j)
	} else {
		next = sc.words(j, j, mstate{lastTok: -1})
	}
	if len(sc.out) > n0 && neg {
		o := &sc.out[n0]
		o.Start = toks[i].start
		o.ti = i
		o.Value = -o.Value
	}
	return next
}

// signContext reports whether the '-' at token j can be a minus sign: it
// does not join two numbers or a word and a number ("1000-5000", "SCP-173").
func (sc *Scanner) signContext(j int) bool {
	if j == 0 {
		return true
	}
	p := sc.toks[j-1]
	if p.kind == tNum {
		return false
	}
	if p.kind == tWord {
		if p.end == sc.toks[j].start {
			return false
		}
		return p.w().cls == cNone || p.w().cls == cAnd
	}
	return true
}

// startsNumber reports whether token j can begin a number.
func (sc *Scanner) startsNumber(j int) bool {
	t := sc.toks[j]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		switch t.w().cls {
		case cUnit, cTens, cA, cHalf:
			return true
		}
	}
	return false
}

var vulgar = text.NewWordMap(map[string]float64{"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
	"⅗": 0.6, "⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875})

// digitValue interprets one digit token. It returns the numbers it holds:
// one for "11,000" or "4.2", several for lists and dotted quads
// ("22,24,26", "192.168.1.2"). Offsets are relative to the token.
type digitPart struct {
	a, b  int
	v     float64
	dec   bool
	plain bool // only digits
}

func digitParts(t string, dst []digitPart) []digitPart {
	// one pass: the first e or E, the commas and the dots
	k, commas, dots := -1, 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case 'e', 'E':
			if k < 0 {
				k = i
			}
		case ',':
			commas++
		case '.':
			dots++
		}
	}
	// exponent
	if k > 0 {
		mant, err1 := strconv.ParseFloat(strings.ReplaceAll(t[:k], ",", ""), 64)
		exp, err2 := strconv.Atoi(strings.TrimPrefix(t[k+1:], "+"))
		if err1 == nil && err2 == nil {
			return append(dst, digitPart{0, len(t), mant * math.Pow(10, float64(exp)), true, false})
		}
		return dst
	}
	if commas == 0 && dots == 0 {
		return append(dst, digitPart{0, len(t), atof(t), false, true})
	}
	switch {
	case dots == 0: // commas only
		if thousandsOK(t, ',') || indianOK(t, ',') {
			return append(dst, digitPart{0, len(t), atofWithout(t, ','), false, false})
		}
		if k := strings.IndexByte(t, ','); commas == 1 && len(t)-k-1 <= 2 {
			return append(dst, digitPart{0, len(t), atof(t[:k] + "." + t[k+1:]), true, false})
		}
	case commas == 0: // dots only
		if dots == 1 {
			if t[0] == '.' {
				return append(dst, digitPart{0, len(t), atof("0" + t), true, false})
			}
			return append(dst, digitPart{0, len(t), atof(t), true, false})
		}
		if thousandsOK(t, '.') { // 1.000.000
			return append(dst, digitPart{0, len(t), atofWithout(t, '.'), false, false})
		}
	default:
		lc, ld := strings.LastIndexByte(t, ','), strings.LastIndexByte(t, '.')
		if ld > lc && dots == 1 { // 1,234,567.89
			if thousandsOK(t[:ld], ',') || indianOK(t[:ld], ',') {
				return append(dst, digitPart{0, len(t), atof(strings.ReplaceAll(t, ",", "")), true, false})
			}
		}
		if lc > ld && commas == 1 { // 1.111,11
			if thousandsOK(t[:lc], '.') {
				return append(dst, digitPart{0, len(t), atof(strings.ReplaceAll(t[:lc], ".", "") + "." + t[lc+1:]), true, false})
			}
		}
	}
	// a list: every run of digits is its own number
	for a := 0; a < len(t); {
		if !isDigit(t[a]) {
			a++
			continue
		}
		b := a
		for b < len(t) && isDigit(t[b]) {
			b++
		}
		dst = append(dst, digitPart{a, b, atof(t[a:b]), false, true})
		a = b
	}
	return dst
}

// groupLens calls f with the length of each group of t between seps, in
// order, until f returns false; it reports whether every call returned true.
func groupLens(t string, sep byte, f func(i, n int) bool) bool {
	i, start := 0, 0
	for k := 0; k <= len(t); k++ {
		if k == len(t) || t[k] == sep {
			if !f(i, k-start) {
				return false
			}
			i++
			start = k + 1
		}
	}
	return true
}

// thousandsOK reports western thousands groups: 1-3 digits, then 3s.
func thousandsOK(t string, sep byte) bool {
	return groupLens(t, sep, func(i, n int) bool { return i == 0 && n >= 1 && n <= 3 || i > 0 && n == 3 })
}

// indianOK reports Indian groups (12,34,567): at least three, the first of
// at most 2 digits, the last of 3, the ones between of 2.
func indianOK(t string, sep byte) bool {
	groups := strings.Count(t, string(sep)) + 1
	if groups < 3 {
		return false
	}
	return groupLens(t, sep, func(i, n int) bool {
		switch {
		case i == 0:
			return n <= 2
		case i == groups-1:
			return n == 3
		}
		return n == 2
	})
}

// atof parses s as strconv.ParseFloat does, 0 on error.
func atof(s string) float64 {
	if v, ok := smallInt(s, 0); ok {
		return v
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return v
}

// atofWithout is atof(strings.ReplaceAll(s, string(sep), "")).
func atofWithout(s string, sep byte) float64 {
	if v, ok := smallInt(s, sep); ok {
		return v
	}
	return atof(strings.ReplaceAll(s, string(sep), ""))
}

// smallInt reads s, digits and any sep bytes (0: none), as an integer of
// one to 15 digits. Below 2^53 every integer is a float64, so the value
// is the one ParseFloat gives; it reports false for anything else.
func smallInt(s string, sep byte) (float64, bool) {
	v, n := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == sep && sep != 0 {
			continue
		}
		if c < '0' || c > '9' || n == 15 {
			return 0, false
		}
		v = v*10 + int(c-'0')
		n++
	}
	return float64(v), n > 0
}

func isInt(v float64) bool { return v == math.Trunc(v) && math.Abs(v) < 1e15 }

var ordSuffix = text.NewWordMap(map[string]bool{"st": true, "nd": true, "rd": true, "th": true, "ST": true, "ND": true, "RD": true, "TH": true})

// parseDigits reads a number that begins with the digit token j.
func (sc *Scanner) parseDigits(j int) int {
	toks := sc.toks
	t := toks[j]
	txt := sc.s[t.start:t.end]
	var buf [8]digitPart
	parts := digitParts(txt, buf[:0])
	if len(parts) == 0 {
		return j + 1
	}
	if len(parts) > 1 {
		for _, p := range parts {
			sc.emit(Number{Start: t.start + p.a, End: t.start + p.b, Value: p.v, Kind: Integer, ti: j, tj: j + 1})
		}
		return j + 1
	}
	p := parts[0]
	n := Number{Start: t.start, End: t.end, Value: p.v, Kind: Integer, ti: j, tj: j + 1}
	if p.dec {
		n.Kind = Decimal
	}
	if strings.IndexByte(txt, 'e') >= 0 || strings.IndexByte(txt, 'E') >= 0 {
		n.Kind = Power
	}
	k := j + 1
	// chains of - and / between digits: dates, phone numbers, ranges
	chain := func(i int) bool {
		return i+1 < len(toks) && toks[i].kind == tPunct && sc.adjacent(i-1, i) && sc.adjacent(i, i+1) && toks[i+1].kind == tNum &&
			(sc.tokText(i) == "/" || sc.tokText(i) == "-")
	}
	if sc.isPunct(k, "/") && chain(k) && p.plain {
		prevChain := j >= 2 && toks[j-1].kind == tPunct && sc.adjacent(j-1, j) && sc.adjacent(j-2, j-1) && toks[j-2].kind == tNum
		nextChain := k+3 < len(toks) && chain(k+2)
		if !prevChain && !nextChain {
			den := digitParts(sc.tokText(k+1), buf[:0])
			if len(den) == 1 && den[0].plain && den[0].v != 0 {
				n.Value = p.v / den[0].v
				n.Kind = Fraction
				n.End = toks[k+1].end
				n.tj = k + 2
				k += 2
				// the fraction ends the number
				sc.emit(n)
				return k
			}
		}
	}
	// mixed number: 2 1/4, 10 1/2
	if p.plain && k+2 < len(toks) && toks[k].kind == tNum && sc.near(j, k) && !sc.adjacent(j, k) && sc.isPunct(k+1, "/") && sc.adjacent(k, k+1) && sc.adjacent(k+1, k+2) && toks[k+2].kind == tNum &&
		!(k+4 < len(toks) && sc.isPunct(k+3, "/") && sc.adjacent(k+2, k+3)) {
		num, den := atof(sc.tokText(k)), atof(sc.tokText(k+2))
		if den != 0 && num < den {
			n.Value += num / den
			n.Kind = Fraction
			n.End = toks[k+2].end
			n.tj = k + 3
			sc.emit(n)
			return k + 3
		}
	}
	// hyphenated mixed number in market prices: 11-3/4, 100-1/2 (halves,
	// quarters, eighths ... only: "3-1/2" is 3.5, a score "3-1" stays apart)
	if p.plain && k+3 < len(toks) && sc.isPunct(k, "-") && sc.adjacent(j, k) && sc.adjacent(k, k+1) && toks[k+1].kind == tNum &&
		sc.isPunct(k+2, "/") && sc.adjacent(k+1, k+2) && sc.adjacent(k+2, k+3) && toks[k+3].kind == tNum &&
		!(k+4 < len(toks) && sc.adjacent(k+3, k+4) && (sc.isPunct(k+4, "/") || sc.isPunct(k+4, "-"))) {
		num, den := atof(sc.tokText(k+1)), atof(sc.tokText(k+3))
		switch den {
		case 2, 4, 8, 16, 32, 64:
			if num > 0 && num < den && isAllDigits(sc.tokText(k+1)) {
				n.Value += num / den
				n.Kind = Fraction
				n.End = toks[k+3].end
				n.tj = k + 4
				sc.emit(n)
				return k + 4
			}
		}
	}
	// power: 1.1^23, 2.5^-1, -1.1^--23
	if sc.isPunct(k, "^") && sc.adjacent(j, k) {
		m := k + 1
		neg := false
		for m < len(toks) && (sc.isPunct(m, "-") || sc.isPunct(m, "+")) && sc.adjacent(m-1, m) {
			if sc.isPunct(m, "-") {
				neg = !neg
			}
			m++
		}
		if m < len(toks) && toks[m].kind == tNum && sc.adjacent(m-1, m) {
			e := atof(sc.tokText(m))
			if neg {
				e = -e
			}
			n.Value = math.Pow(n.Value, e)
			n.Kind = Power
			n.End = toks[m].end
			n.tj = m + 1
			sc.emit(n)
			return m + 1
		}
	}
	// 1.3x10^6
	if k+3 < len(toks) && sc.adjacent(j, k) && (toks[k].kind == tWord && (sc.tokText(k) == "x" || sc.tokText(k) == "X") || sc.isPunct(k, "×")) &&
		sc.adjacent(k, k+1) && sc.tokText(k+1) == "10" && sc.isPunct(k+2, "^") && sc.adjacent(k+1, k+2) {
		m := k + 3
		neg := false
		for m < len(toks) && (sc.isPunct(m, "-") || sc.isPunct(m, "+")) && sc.adjacent(m-1, m) {
			neg = sc.isPunct(m, "-") != neg
			m++
		}
		if m < len(toks) && toks[m].kind == tNum && sc.adjacent(m-1, m) {
			e := atof(sc.tokText(m))
			if neg {
				e = -e
			}
			n.Value *= math.Pow(10, e)
			n.Kind = Power
			n.End = toks[m].end
			n.tj = m + 1
			sc.emit(n)
			return m + 1
		}
	}
	// 2½
	if k < len(toks) && toks[k].kind == tPunct && sc.adjacent(j, k) && p.plain {
		if v, ok := vulgar.Get(sc.tokText(k)); ok {
			n.Value += v
			n.Kind = Fraction
			n.End = toks[k].end
			n.tj = k + 1
			sc.emit(n)
			return k + 1
		}
	}
	// glued letters: multiplier, ordinal suffix, or a unit
	if k < len(toks) && toks[k].kind == tWord && sc.adjacent(j, k) {
		w := sc.tokText(k)
		if mult, ok := suffixes.Get(w); ok && (w != "G" || sc.Mode.Loose) {
			n.Value *= mult
			n.Mult = mult
			n.Kind = Integer
			if !isInt(n.Value) {
				n.Kind = Decimal
			}
			n.End = toks[k].end
			n.tj = k + 1
			k++
			return sc.continueWords(n, k)
		}
		if is(ordSuffix, w) && !p.dec {
			if sc.Mode.Ordinals {
				n.Kind = Ordinal
				n.End = toks[k].end
				n.tj = k + 1
				sc.emit(n)
			}
			return k + 1
		}
		if w == "s" || w == "S" { // the 1990s
			n.Glued = toks[k].end
			sc.emit(n)
			return k + 1
		}
		n.Glued = toks[k].end
		sc.emit(n)
		return k + 1
	}
	// space-grouped thousands: 1 234 567, 40 000
	if p.plain && len(txt) <= 3 && !(j > 0 && sc.adjacent(j-1, j) && toks[j-1].kind == tWord) {
		m := k
		for m < len(toks) && toks[m].kind == tNum && isGroupSpace(sc.s[toks[m-1].end:toks[m].start]) &&
			(sc.Mode.Loose || sc.s[toks[m-1].end:toks[m].start] != " ") {
			g := sc.tokText(m)
			if len(g) == 3 && isAllDigits(g) || len(g) > 4 && isAllDigits(g[:3]) && g[3] == '.' && isAllDigits(g[4:]) {
				m++
				if len(g) > 3 {
					break
				}
				continue
			}
			break
		}
		if m > k && !(m < len(toks) && toks[m].kind == tNum && sc.near(m-1, m)) && !(m < len(toks) && sc.adjacent(m-1, m) && (toks[m].kind == tWord || sc.isPunct(m, "-"))) {
			var b strings.Builder
			for q := j; q < m; q++ {
				b.WriteString(sc.tokText(q))
			}
			n.Value = atof(b.String())
			if strings.Contains(b.String(), ".") {
				n.Kind = Decimal
			}
			n.End = toks[m-1].end
			n.tj = m
			k = m
		}
	}
	// spaced multiplier: 2.33 k, 1,674.5 G, 10 bln
	if k < len(toks) && toks[k].kind == tWord && sc.near(k-1, k) && !sc.adjacent(k-1, k) && !(k+1 < len(toks) && toks[k+1].kind == tWord && sc.adjacent(k, k+1)) {
		w := sc.tokText(k)
		if mult, ok := suffixes.Get(w); ok && (len(w) > 1 && w != "mm" || sc.Mode.Loose) {
			n.Value *= mult
			n.Mult = mult
			n.End = toks[k].end
			n.tj = k + 1
			if isInt(n.Value) {
				n.Kind = Integer
			}
			return sc.continueWords(n, k+1)
		}
	}
	return sc.continueWords(n, k)
}

// isGroupSpace reports whether s is one space that can separate digit
// groups: a space, a no-break space or a narrow no-break space.
func isGroupSpace(s string) bool { return s == " " || s == "\u00a0" || s == "\u202f" || s == "\u2009" }

func isAllDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return len(s) > 0
}

// continueWords extends a digit number with number words ("1.5 million",
// "3 hundred and 21", "3 dozens") and emits it.
func (sc *Scanner) continueWords(n Number, k int) int {
	if k < len(sc.toks) && sc.toks[k].kind == tWord && sc.near(k-1, k) {
		c := sc.toks[k].w().cls
		if c == cHundred || c == cScale || c == cDozen {
			st := mstate{cur: n.Value, any: true, hasUnit: true, hasTens: true, digits: true, lastTok: k - 1}
			before := len(sc.out)
			next := sc.words(n.ti, k, st)
			if len(sc.out) > before {
				o := &sc.out[before]
				if o.Kind == Integer && !isInt(o.Value) {
					o.Kind = Decimal
				}
				return next
			}
		}
	}
	sc.emit(n)
	return k
}
