package quantity

import "strings"

// Money is an amount of money: "$2.3bn", "€5 million", "11 trillion won",
// "USD 350". Value is the amount as written (1.20 for "1.20 cents", with
// Minor set: the unit is the hundredth of Currency).
type Money struct {
	Start, End int
	Value      float64
	Currency   string // ISO 4217 code
	Minor      bool   // cents, pence
	Num        int    // index of the number in the Scan result
}

// Measure is a number with a unit of measure: "ten miles", "3-inch",
// "500,000 barrels", "75ml".
type Measure struct {
	Start, End int
	Value      float64
	Unit       string // kilometre, pound, barrel ...
	Dimension  string // length, weight, volume, area, time ...
	Num        int
}

// Money returns the amounts of money over the numbers of the last Scan.
func (sc *Scanner) Money(nums []Number) []Money { return sc.money(nums, nil) }

// money appends the amounts of money over nums to out (empty).
func (sc *Scanner) money(nums []Number, out []Money) []Money {
	lx := lex3()
	for i, n := range nums {
		if n.Kind == Ordinal || n.Vague {
			continue
		}
		if len(out) > 0 && out[len(out)-1].End > n.Start {
			continue // the cents of the amount before: "17 USD 25"
		}
		m := Money{Start: n.Start, End: n.End, Value: n.Value, Num: i}
		// "£5m": a lower-case m after an amount is a million
		if n.Glued != 0 && sc.s[n.End:n.Glued] == "m" && n.ti > 0 && lx.preLast.Has(sc.tokText(n.ti-1)) && sc.adjacent(n.ti-1, n.ti) {
			m.Value *= 1e6
			m.End = n.Glued
			n.Glued = 0
		}
		// glued code after: 115USD
		if n.Glued != 0 {
			if e, ok := lx.currency.m[strings.ToLower(sc.s[n.End:n.Glued])]; ok && e.b != "pre" {
				m.End, m.Currency = n.Glued, e.a
				out = append(out, m)
			}
			continue
		}
		// before: $, US$, € ..., GBP
		// a symbol right after the number that does not open the next amount: "10 €"
		postSym := false
		if k := n.tj; k < len(sc.toks) && sc.toks[k].kind == tPunct && sc.near(k-1, k) && !(k+1 < len(sc.toks) && sc.toks[k+1].kind == tNum && sc.near(k, k+1)) {
			if e, ok := lx.currency.m[sc.tokText(k)]; ok && e.b == "both" {
				postSym = true
			}
		}
		if n.ti > 0 && !postSym && sc.preCurrency(n.ti-1) {
			if e, first, ok := sc.phraseBefore(n.ti, lx.currency, 4); ok && e.b != "post" && sc.near(n.ti-1, n.ti) && !sc.lowerCode(first, n.ti) &&
				!(len(out) > 0 && out[len(out)-1].End > sc.toks[first].start) { // "10 rmb 20 usd": rmb is taken
				m.Start, m.Currency = sc.toks[first].start, e.a
				// "$10 dollars": the name after stays outside
				out = append(out, m)
				continue
			}
		}
		// after: dollars, swiss francs, yen; "12-cent"
		k := n.tj
		if k < len(sc.toks) && sc.isPunct(k, "-") && sc.adjacent(k-1, k) && k+1 < len(sc.toks) && sc.adjacent(k, k+1) {
			k++
		}
		if k < len(sc.toks) && sc.near(k-1, k) {
			if e, end, ok := sc.phraseAt(k, lx.currency, 4); ok && e.b != "pre" && !sc.lowerCode(k, end) {
				w := strings.ToLower(sc.tokText(end - 1))
				// "a 500-pound bomb", "200 pounds of explosives": weight
				if (w == "pound" || w == "pounds") && (k > n.tj || end < len(sc.toks) && equalFold(sc.tokText(end), "of")) {
					continue
				}
				m.End, m.Currency = sc.toks[end-1].end, e.a
				m.Minor = w == "cents" || w == "cent" || w == "pence" || w == "penny" || w == "cts" || w == "ct"
				// "75 USD million": the scale after a code
				if n.Mult == 0 && end < len(sc.toks) && sc.near(end-1, end) && sc.toks[end].kind == tWord && !m.Minor {
					if x := scaleWord(sc.tokText(end)); x != 0 {
						m.Value *= x
						m.End = sc.toks[end].end
						end++
					}
				}
				if !m.Minor {
					sc.minorPart(&m, nums, i, end)
				}
				out = append(out, m)
			}
		}
	}
	return out
}

// preCurrency reports whether token k, lower-cased, ends a currency form
// written before numbers.
func (sc *Scanner) preCurrency(k int) bool {
	ok, _ := lowerIn(lex3().preLast, sc.tokText(k))
	return ok
}

// Measures returns the numbers with a unit of measure after them.
func (sc *Scanner) Measures(nums []Number) []Measure { return sc.measures(nums, nil) }

// measures appends the numbers with a unit of measure to out (empty).
func (sc *Scanner) measures(nums []Number, out []Measure) []Measure {
	lx := lex3()
	for i, n := range nums {
		if n.Kind == Ordinal || n.Vague {
			continue
		}
		if len(out) > 0 && out[len(out)-1].End > n.Start {
			continue // the inches of "5 feet 2 inches"
		}
		m := Measure{Start: n.Start, End: n.End, Value: n.Value, Num: i}
		if n.Glued != 0 {
			g := sc.s[n.End:n.Glued]
			// identifiers: "scp173m", "scp-173m", "24703m212"
			if n.Glued < len(sc.s) && (isDigit(sc.s[n.Glued]) || isLetterByte(sc.s[n.Glued])) {
				continue
			}
			if b := n.Start; b > 0 && (isLetterByte(sc.s[b-1]) || b > 1 && sc.s[b-1] == '-' && isLetterByte(sc.s[b-2])) {
				continue
			}
			if len(g) == 1 && g != "L" && (g[0] < 'a' || g[0] > 'z') {
				continue // "5G", "3D": not grams
			}
			if e, ok := lx.measures.m[strings.ToLower(g)]; ok {
				m.End, m.Unit, m.Dimension = n.Glued, e.a, e.b
				sc.perUnit(&m)
				out = append(out, m)
			}
			continue
		}
		k := n.tj
		if k < len(sc.toks) && sc.isPunct(k, "-") && sc.adjacent(k-1, k) && k+1 < len(sc.toks) && sc.adjacent(k, k+1) {
			k++
		}
		if k < len(sc.toks) && sc.near(k-1, k) {
			if e, end, ok := sc.phraseAt(k, lx.measures, 3); ok {
				// single letters only when glued or abbreviations are unambiguous
				w := sc.tokText(k)
				if end == k+1 && len(w) == 1 && !sc.adjacent(k-1, k) {
					continue
				}
				m.End, m.Unit, m.Dimension = sc.toks[end-1].end, e.a, e.b
				sc.compoundMeasure(&m, nums, i, end)
				sc.perUnit(&m)
				out = append(out, m)
			}
		}
	}
	return out
}

// minorPart extends an amount with its cents: "3 dollars 50 cents",
// "thirteen dollars and forty-five cents", "15 dollars and 50". k is the
// token after the currency name.
func (sc *Scanner) minorPart(m *Money, nums []Number, i, k int) {
	if i+1 >= len(nums) || k >= len(sc.toks) {
		return
	}
	if sc.isCls(k, cAnd) && sc.near(k-1, k) {
		k++
	}
	c := nums[i+1]
	if c.ti != k || !sc.near(k-1, k) || c.Kind != Integer || c.Value <= 0 || c.Value >= 100 || c.Mult != 0 {
		return
	}
	end := c.tj
	if end < len(sc.toks) && sc.near(end-1, end) {
		switch strings.ToLower(sc.tokText(end)) {
		case "cents", "cent", "pence", "penny", "c":
			end++
		}
	}
	// "15 dollars and 15 percent" is not an amount
	if end == c.tj && end < len(sc.toks) && sc.near(end-1, end) && sc.toks[end].kind == tWord {
		return
	}
	m.Value += c.Value / 100
	m.End = sc.toks[end-1].end
}

// compoundMeasure extends "5 feet" to "5 feet 2 inches" and "5 ft 2 in".
func (sc *Scanner) compoundMeasure(m *Measure, nums []Number, i, k int) {
	if m.Unit != "foot" || i+1 >= len(nums) || k >= len(sc.toks) {
		return
	}
	if sc.isCls(k, cAnd) && sc.near(k-1, k) {
		k++
	}
	c := nums[i+1]
	e := c.tj
	if c.ti != k || !sc.near(k-1, k) || c.Value < 0 || c.Value >= 12 || e >= len(sc.toks) || !sc.near(e-1, e) {
		return
	}
	switch strings.ToLower(sc.tokText(e)) {
	case "inches", "inch", "in":
		m.Value += c.Value / 12
		m.End = sc.toks[e].end
	}
}

// lowerCode reports whether tokens [a, b) are a three-letter currency code
// that is also an English word, written in lower case ("try 5 times", "a
// cad"): those count only in capitals.
func (sc *Scanner) lowerCode(a, b int) bool {
	if b-a != 1 {
		return false
	}
	w := sc.tokText(a)
	if len(w) != 3 || sc.toks[a].kind != tWord {
		return false
	}
	switch strings.ToLower(w) {
	case "try", "cad", "rub": // codes that are also English words
		return w != strings.ToUpper(w)
	}
	return false
}

// scaleWord returns the multiplier a scale word stands for ("million",
// "bn", "mln"), or 0.
func scaleWord(w string) float64 {
	if x, ok := suffixes.Get(w); ok && len(w) > 1 {
		return x
	}
	switch strings.ToLower(w) {
	case "thousand":
		return 1e3
	case "million", "millions":
		return 1e6
	case "billion", "billions":
		return 1e9
	case "trillion", "trillions":
		return 1e12
	}
	return 0
}

// perUnit extends a measure by the unit it is divided by: "50 meters per
// millisecond", "10km/hr", "50 centimeters/millisecond".
func (sc *Scanner) perUnit(m *Measure) {
	lx := lex3()
	k := sc.tokenAtOffset(m.End)
	if k+1 >= len(sc.toks) || sc.toks[k].start != m.End && !sc.near(k-1, k) {
		return
	}
	var e entry
	end := 0
	ok := false
	switch {
	case sc.isPunct(k, "/") && sc.toks[k].start == m.End && sc.adjacent(k, k+1) && sc.toks[k+1].kind == tWord:
		if e, ok = lx.measures.m[strings.ToLower(sc.tokText(k+1))]; ok {
			end = k + 2
		}
	case equalFold(sc.tokText(k), "per") && sc.near(k, k+1):
		e, end, ok = sc.phraseAt(k+1, lx.measures, 3)
	}
	if !ok || strings.Contains(m.Unit, " per ") {
		return
	}
	m.End = sc.toks[end-1].end
	m.Unit += " per " + e.a
	m.Dimension = "rate"
}
