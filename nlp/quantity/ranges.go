package quantity

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// Bound says how a Range limits its figure.
type Range struct {
	Start, End       int // byte offsets of the whole phrase ("between 10,000 and 12,000")
	Min, Max         float64
	HasMin, HasMax   bool
	MinIncl, MaxIncl bool
	// Lo and Hi index the bounding numbers in the Scan result (-1 when absent).
	Lo, Hi int
	// Qualifier is the qualifying phrase as written ("up to", "more than"),
	// "" for two-number ranges.
	QStart, QEnd int
}

// Percent is a percentage: "40%", "40 percent", "40 per cent", "percent of 10".
type Percent struct {
	Start, End int
	Value      float64 // 40 for 40%
	Num        int     // index of the number in the Scan result
}

// the qualifier phrases, longest first within each bound kind. Symbols are
// single tokens.
type qual struct {
	words []string
	kind  uint8
}

const (
	qGT uint8 = iota + 1 // (x,)
	qGE                  // [x,)
	qLT                  // (,x)
	qLE                  // (,x]
	qEQ                  // [x,x]
	qAbout
)

func q(s string, k uint8) qual { return qual{strings.Fields(s), k} }

var prefixQuals = []qual{
	q("greater than or equal to", qGE), q("more than or equal to", qGE), q("larger than or equal to", qGE), q("higher than or equal to", qGE),
	q("bigger or equal than", qGE), q("larger or equal than", qGE), q("greater or equal than", qGE), q("higher or equal than", qGE), q("more or equal than", qGE),
	q("equal to or more than", qGE), q("equal to or greater than", qGE), q("equal to or higher than", qGE), q("equal to or larger than", qGE), q("at least or equal to", qGE),
	q("less than or equal to", qLE), q("fewer than or equal to", qLE), q("smaller than or equal to", qLE), q("lower than or equal to", qLE),
	q("smaller or equal than", qLE), q("less or equal than", qLE), q("lower or equal than", qLE),
	q("equal to or less than", qLE), q("equal to or fewer than", qLE), q("equal to or lower than", qLE), q("equal to or smaller than", qLE), q("at most or equal to", qLE),
	q("no less than", qGE), q("not less than", qGE), q("no fewer than", qGE), q("not fewer than", qGE), q("no lower than", qGE), q("at least", qGE), q("a minimum of", qGE), q("> =", qGE), q(">=", qGE), q("≥", qGE),
	q("no more than", qLE), q("not more than", qLE), q("no greater than", qLE), q("no higher than", qLE), q("at most", qLE), q("up to", qLE), q("as many as", qLE), q("as much as", qLE), q("a maximum of", qLE), q("< =", qLE), q("<=", qLE), q("≤", qLE),
	q("more than", qGT), q("greater than", qGT), q("larger than", qGT), q("bigger than", qGT), q("higher than", qGT), q("upwards of", qGT), q("in excess of", qGT),
	q("above", qGT), q("over", qGT), q("exceed", qGT), q("exceeds", qGT), q("exceeding", qGT), q("exceeded", qGT), q("surpass", qGT), q("surpasses", qGT), q("surpassing", qGT), q(">", qGT),
	q("less than", qLT), q("fewer than", qLT), q("smaller than", qLT), q("lower than", qLT), q("below", qLT), q("under", qLT), q("<", qLT),
	q("equals to", qEQ), q("equal to", qEQ), q("equaling to", qEQ), q("equalling to", qEQ), q("equals", qEQ), q("equaling", qEQ), q("equalling", qEQ), q("=", qEQ),
}

var suffixQuals = []qual{
	q("or greater than", qGE), q("or more than", qGE), q("or higher than", qGE), q("or larger than", qGE),
	q("or less than", qLE), q("or fewer than", qLE), q("or lower than", qLE), q("or smaller than", qLE),
	q("or more", qGE), q("and more", qGE), q("or greater", qGE), q("or above", qGE), q("or higher", qGE), q("or over", qGE), q("and above", qGE), q("and over", qGE), q("or larger", qGE),
	q("or less", qLE), q("or fewer", qLE), q("or below", qLE), q("or lower", qLE), q("or under", qLE), q("and below", qLE), q("and under", qLE), q("and less", qLE), q("or smaller", qLE),
}

// matchBefore reports whether the tokens just before token k spell words,
// each separated by horizontal space only; it returns the first token.
func (sc *Scanner) matchBefore(k int, words []string) (int, bool) {
	first := k - len(words)
	if first < 0 {
		return 0, false
	}
	for m, w := range words {
		i := first + m
		if !equalFold(sc.tokText(i), w) || !sc.near(i, i+1) && i+1 < len(sc.toks) {
			return 0, false
		}
	}
	return first, true
}

// equalFold is strings.EqualFold, quick to say no for ASCII strings.
func equalFold(t, w string) bool {
	if len(t) > 0 && len(w) > 0 {
		// first bytes ASCII and different in any case: the first runes
		// differ (an ASCII letter folds to no other ASCII byte)
		if a, b := t[0], w[0]; a < 0x80 && b < 0x80 && a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
			return false
		}
	}
	if len(t) != len(w) {
		if isASCII(t) && isASCII(w) {
			return false // as many runes as bytes: lengths differ
		}
		return strings.EqualFold(t, w)
	}
	for i := 0; i < len(t); i++ {
		a, b := t[i], w[i]
		if a == b {
			continue
		}
		if a >= 0x80 || b >= 0x80 {
			return strings.EqualFold(t, w)
		}
		if a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z' {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// matchAfter reports whether the tokens from k on spell words; it returns
// the token after them.
func (sc *Scanner) matchAfter(k int, words []string) (int, bool) {
	if k+len(words) > len(sc.toks) || k == 0 {
		return 0, false
	}
	for m, w := range words {
		i := k + m
		if !equalFold(sc.tokText(i), w) || !sc.near(i-1, i) {
			return 0, false
		}
	}
	return k + len(words), true
}

// prefixQual finds a qualifier right before number n (allowing "the"
// before an ordinal).
func (sc *Scanner) prefixQual(n Number) (uint8, int) {
	k := n.ti
	if k > 0 && equalFold(sc.tokText(k-1), "the") && n.Kind == Ordinal {
		k--
	}
	if k == 0 {
		return 0, -1
	}
	var buf [16]byte
	last := lowerASCII(sc.tokText(k-1), buf[:])
	idx, ok := prefixByLast.GetBytes(last)
	if !ok {
		return 0, -1
	}
	for _, qi := range idx {
		qq := prefixQuals[qi]
		if f, ok := sc.matchBefore(k, qq.words); ok {
			return qq.kind, f
		}
	}
	return 0, -1
}

// prefixByLast indexes prefixQuals by their last word, in list order
// (longest first).
var prefixByLast = func() *text.WordMap[[]int] {
	m := map[string][]int{}
	for i, qq := range prefixQuals {
		w := qq.words[len(qq.words)-1]
		m[w] = append(m[w], i)
	}
	return text.NewWordMap(m)
}()

// Ranges returns the ranges and qualified figures over the numbers of the
// last Scan: "between 10,000 and 12,000", "10,000 to 12,000",
// "10,000-12,000", "from 5 to 10", "up to 30,000", "more than 20",
// "500 or more", "at most 100 and at least 20".
func (sc *Scanner) Ranges(nums []Number) []Range { return sc.ranges(nums, nil) }

// ranges appends the ranges over nums to out (empty).
func (sc *Scanner) ranges(nums []Number, out []Range) []Range {
	sc.inRange = append(sc.inRange[:0], make([]bool, len(nums))...)
	used := sc.inRange
	for i := 0; i < len(nums); i++ {
		if used[i] {
			continue
		}
		a := nums[i]
		if a.Glued != 0 {
			continue
		}
		// two-number ranges
		if i+1 < len(nums) && nums[i+1].Glued == 0 && a.Kind != Ordinal == (nums[i+1].Kind != Ordinal) {
			b := nums[i+1]
			if r, ok := sc.twoNumberRange(i, a, b); ok {
				out = append(out, r)
				used[i], used[i+1] = true, true
				i++
				continue
			}
		}
		kind, f := sc.prefixQual(a)
		r := Range{Lo: -1, Hi: -1, Start: a.Start, End: a.End}
		end := a.tj
		if kind != 0 && (sc.tokText(f) == ">" || sc.tokText(f) == "<") && f > 0 && sc.adjacent(f-1, f) && strings.Contains("<>=", sc.tokText(f-1)) {
			continue // "<>30", "=>30"
		}
		if kind == qEQ {
			// "equal to 5000 or less", "equal to 5000 or more than"
			for _, qq := range suffixQuals {
				if e, ok := sc.matchAfter(a.tj, qq.words); ok {
					if !(len(qq.words) == 3 && i+1 < len(nums) && nums[i+1].ti == e) {
						kind = qq.kind
						end = e
						r.End = sc.toks[e-1].end
					}
					break
				}
			}
		}
		if kind == 0 {
			if a.tj >= len(sc.toks) || !equalFold(sc.tokText(a.tj), "or") && !equalFold(sc.tokText(a.tj), "and") {
				continue
			}
			for _, qq := range suffixQuals {
				if e, ok := sc.matchAfter(a.tj, qq.words); ok {
					kind = qq.kind
					end = e
					// "200 or greater than 190": the suffix belongs to the next number
					if len(qq.words) == 3 && e < len(sc.toks) && sc.near(e-1, e) && i+1 < len(nums) && nums[i+1].ti == e {
						kind = 0
						end = a.tj
					}
					break
				}
			}
			if kind == 0 {
				continue
			}
			r.QStart, r.QEnd = sc.toks[a.tj].start, sc.toks[end-1].end
			r.End = sc.toks[end-1].end
		} else {
			r.Start = sc.toks[f].start
			r.QStart, r.QEnd = sc.toks[f].start, sc.toks[a.ti-1].end
			if a.ti > 0 && equalFold(sc.tokText(a.ti-1), "the") {
				r.QEnd = sc.toks[a.ti-2].end
			}
			// "less than 5000 or equal", "more than 5000 or equal to"
			if e, ok := sc.matchAfter(a.tj, []string{"or", "equal", "to"}); ok {
				if !(i+1 < len(nums) && nums[i+1].ti == e) {
					end = e
				}
			} else if e, ok := sc.matchAfter(a.tj, []string{"or", "equal"}); ok {
				end = e
			}
			if end != a.tj && kind != qEQ && kind != qGE && kind != qLE || end != a.tj && sc.toks[end-1].start > sc.toks[a.tj].start && equalFold(sc.tokText(a.tj), "or") && equalFold(sc.tokText(a.tj+1), "equal") {
				switch kind {
				case qGT:
					kind = qGE
				case qLT:
					kind = qLE
				}
				r.End = sc.toks[end-1].end
			}
		}
		setBound(&r, kind, a.Value, i)
		used[i] = true
		// combine "more than 10 and less than 20", "at most 100 and at least 20"
		if len(out) > 0 {
			p := &out[len(out)-1]
			if sc.joinable(p, &r) {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func setBound(r *Range, kind uint8, v float64, i int) {
	switch kind {
	case qGT, qGE:
		r.Min, r.HasMin, r.MinIncl, r.Lo = v, true, kind == qGE, i
	case qLT, qLE:
		r.Max, r.HasMax, r.MaxIncl, r.Hi = v, true, kind == qLE, i
	case qEQ:
		r.Min, r.HasMin, r.MinIncl, r.Lo = v, true, true, i
		r.Max, r.HasMax, r.MaxIncl, r.Hi = v, true, true, i
	}
}

// joinable merges r into the one-sided range p before it when only "and",
// "but" or a comma stands between them and the bounds are consistent.
func (sc *Scanner) joinable(p, r *Range) bool {
	if p.HasMin == p.HasMax || r.HasMin == r.HasMax || p.HasMin == r.HasMin {
		return false
	}
	gap := strings.TrimSpace(sc.s[p.End:r.Start])
	if gap != "and" && gap != "but" && gap != "," && gap != "and," {
		return false
	}
	lo, hi := p, r
	if r.HasMin {
		lo, hi = r, p
	}
	if lo.Min >= hi.Max {
		return false
	}
	p.Min, p.HasMin, p.MinIncl, p.Lo = lo.Min, true, lo.MinIncl, lo.Lo
	p.Max, p.HasMax, p.MaxIncl, p.Hi = hi.Max, true, hi.MaxIncl, hi.Hi
	p.End = r.End
	return true
}

// twoNumberRange recognises "between A and B", "from A to B", "A to B",
// "A through B", "A-B", "A–B", "A~B".
func (sc *Scanner) twoNumberRange(i int, a, b Number) (Range, bool) {
	r := Range{Lo: i, Hi: i + 1, Start: a.Start, End: b.End, MinIncl: true, HasMin: true, HasMax: true, Min: a.Value, Max: b.Value}
	if a.Mult == 0 && b.Mult > 0 && a.Kind != Ordinal && a.Value > 0 && a.Value*b.Mult <= b.Value {
		// "between 40 and 45 mln": the multiplier scales both bounds
		r.Min = a.Value * b.Mult
		a.Value = r.Min
	}
	if a.Value >= b.Value || a.Value < 0 && a.Kind != Ordinal {
		if !(a.Value < b.Value) {
			return r, false
		}
	}
	gapToks := b.ti - a.tj
	if gapToks < 1 || gapToks > 2 {
		return r, false
	}
	sep := strings.ToLower(sc.tokText(a.tj))
	if gapToks == 2 {
		// "between the tenth and the fifteenth"; "$100-$200", "€5 to €10"
		second := sc.tokText(a.tj + 1)
		sameSym := a.ti > 0 && sc.toks[a.ti-1].kind == tPunct && sc.tokText(a.ti-1) == second && sc.adjacent(a.tj+1, b.ti)
		if !(equalFold(second, "the") && a.Kind == Ordinal) && !sameSym {
			return r, false
		}
	}
	if !sc.near(a.tj-1, a.tj) || !sc.near(a.tj, a.tj+1) {
		return r, false
	}
	prefix := func(w string) bool {
		k := a.ti
		if a.Kind == Ordinal && k > 0 && equalFold(sc.tokText(k-1), "the") {
			k--
		}
		if k > 0 && equalFold(sc.tokText(k-1), w) && sc.near(k-1, k) {
			r.Start = sc.toks[k-1].start
			r.QStart, r.QEnd = r.Start, sc.toks[k-1].end
			return true
		}
		return false
	}
	if (a.Kind == Fraction) != (b.Kind == Fraction) {
		return r, false // "cut by half to 66.2 billion"
	}
	switch sep {
	case "and":
		return r, prefix("between")
	case "to":
		hasFrom := prefix("from")
		// "rose from 5 to 10", "fell 10 to 967,000": a change, not a range
		k := a.ti
		if hasFrom {
			k--
		}
		for m := k - 1; m >= 0 && m >= k-3; m-- {
			if is(changeVerbs, strings.ToLower(sc.tokText(m))) {
				return r, false
			}
		}
		return r, true
	case "through", "thru":
		return r, true
	case "-", "–", "—", "~":
		// a hyphen between digits; not a year-month ("1995-01"), not a
		// phone number ("+1-222-2222")
		if a.Kind == Ordinal || b.Kind == Ordinal || a.Spelled || b.Spelled {
			return r, false
		}
		if a.ti > 0 && sc.adjacent(a.ti-1, a.ti) && sc.toks[a.ti-1].kind == tPunct && strings.Contains("-/+", sc.tokText(a.ti-1)) ||
			b.tj < len(sc.toks) && sc.adjacent(b.tj-1, b.tj) && sc.toks[b.tj].kind == tPunct && strings.Contains("-/", sc.tokText(b.tj)) {
			return r, false
		}
		prefix("from")
		prefix("between")
		return r, true
	}
	return r, false
}

// changeVerbs say that "A to B" is a change from A to B.
var changeVerbs = text.NewWordMap(map[string]bool{"rose": true, "rise": true, "rises": true, "risen": true, "fell": true, "fall": true, "falls": true,
	"fallen": true, "increased": true, "increase": true, "increases": true, "decreased": true, "decrease": true, "cut": true, "cuts": true,
	"raised": true, "raise": true, "dropped": true, "drop": true, "drops": true, "climbed": true, "climb": true, "jumped": true,
	"jump": true, "grew": true, "grow": true, "declined": true, "decline": true, "lowered": true, "lower": true, "reduced": true,
	"reduce": true, "up": true, "down": true, "changed": true, "moved": true, "slipped": true, "surged": true, "soared": true,
	"plunged": true, "tumbled": true, "doubled": true, "halved": true, "widened": true, "narrowed": true, "revised": true, "gained": true})

// Percents returns the percentages over the numbers of the last Scan.
func (sc *Scanner) Percents(nums []Number) []Percent { return sc.percents(nums, nil) }

// percents appends the percentages over nums to out (empty).
func (sc *Scanner) percents(nums []Number, out []Percent) []Percent {
	for i, n := range nums {
		if n.Kind == Ordinal || n.Glued != 0 || n.Vague {
			continue
		}
		k := n.tj
		if k < len(sc.toks) && sc.near(k-1, k) {
			w := strings.ToLower(sc.tokText(k))
			end := 0
			switch w {
			case "%", "percent", "percents", "percentage", "pct", "per-cent":
				end = k + 1
			case "per":
				if k+1 < len(sc.toks) && equalFold(sc.tokText(k+1), "cent") && sc.near(k, k+1) {
					end = k + 2
				}
			}
			if end > 0 {
				out = append(out, Percent{Start: n.Start, End: sc.toks[end-1].end, Value: n.Value, Num: i})
				continue
			}
		}
		// "percent of 10", "per cent of twenty-two"
		if f, ok := sc.matchBefore(n.ti, []string{"percent", "of"}); ok {
			out = append(out, Percent{Start: sc.toks[f].start, End: n.End, Value: n.Value, Num: i})
		} else if f, ok := sc.matchBefore(n.ti, []string{"percents", "of"}); ok {
			out = append(out, Percent{Start: sc.toks[f].start, End: n.End, Value: n.Value, Num: i})
		} else if f, ok := sc.matchBefore(n.ti, []string{"per", "cent", "of"}); ok {
			out = append(out, Percent{Start: sc.toks[f].start, End: n.End, Value: n.Value, Num: i})
		}
	}
	return out
}
