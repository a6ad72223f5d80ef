package quantity

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Options carries what the other stages found, for the figures' context.
// Every field is optional.
type Options struct {
	// Entities: the entity whose mention lies in a figure's noun phrase
	// ("11,000 North Korean troops") becomes its Entity.
	Entities []sitrep.Entity
	// Quotes: the attribution whose content holds a figure gives its
	// Source, Speaker and Quote.
	Quotes []sitrep.Quote
	// Timexes: numbers inside a timex ("August 28, 2024", "three weeks")
	// are dates and durations, never counts.
	Timexes []sitrep.Timex
	// Scanner, when set, is used for the numbers and keeps its buffers
	// between calls: a worker that extracts from many documents passes
	// the same one (it is not safe for concurrent use).
	Scanner *Scanner
	// Modality, when set, returns the modality of a figure's span and the
	// quote it sits in (nlp/modality.Of fits). Without it the modality is
	// "reported" inside a quote, "possible"/"future" after a modal verb in
	// the clause, else "asserted".
	Modality func(span sitrep.Span) (string, *sitrep.Quote)
}

// figure is a quantity under construction.
type figure struct {
	start, end  int // the figure's span
	numStart    int // where the number proper starts (after the qualifier)
	numEnd      int // where the number (or range, or currency) ends
	tokEnd      int // scanner token after the number
	value       optional
	min, max    optional
	approx      bool
	qualifier   string
	unit, cat   string
	money, pct  bool
	measureSkip bool
	millions    bool // a glued "m" read as million
	beyond      bool // after "passed", "exceeded": the level is above the figure
	// firstNum and lastNum index the figure's first and last number in
	// the Scan result: equal for one number, different for a range
	firstNum, lastNum int
}

// optional is a figure's value, min or max while the figure is built.
// Figures become pointers (Quantity.Value) only when they are kept (most
// numbers of a text are years, dates and ordinals that never are), all
// into one array (setBounds).
type optional struct {
	v  float64
	ok bool
}

func some(v float64) optional { return optional{v, true} }

// approxQuals make a figure approximate.
var approxQuals = [][]string{
	{"an", "estimated"}, {"estimated"}, {"about"}, {"around"}, {"roughly"}, {"nearly"}, {"almost"}, {"some"},
	{"approximately"}, {"approx", "."}, {"close", "to"}, {"more", "or", "less"}, {"circa"}, {"an", "approximate"}, {"upward", "of"}, {"reportedly"},
}

// scannerPool serves Extract calls that bring no Scanner: a scanner's
// token buffer is the size of the text.
var scannerPool = sync.Pool{New: func() any { return new(Scanner) }}

// Extract returns the figures of doc: counts of people and things, money
// and percentages, with qualifier, unit, category, whose and who says so.
// Dates, times, ordinals, ages, durations and identifiers are left out.
func Extract(doc *text.Doc, opts Options) []sitrep.Quantity {
	s := doc.Text
	scp := opts.Scanner
	if scp == nil {
		scp = scannerPool.Get().(*Scanner)
		defer func() { scp.s = ""; scannerPool.Put(scp) }()
	}
	scp.Mode = Mode{Ordinals: true, Vague: true}
	nums := scp.Scan(s)
	sc := scp
	if len(nums) == 0 {
		return nil
	}
	lx := lex3()
	// used, in the scanner's buffer, marks the numbers a range consumed
	sc.used = append(sc.used[:0], make([]bool, len(nums))...)
	used := sc.used
	figs := sc.figs[:0]
	defer func() { clear(figs); sc.figs = figs[:0] }()

	skipTimex := func(a, b int) bool {
		for i := range opts.Timexes {
			t := &opts.Timexes[i]
			if t.Start < b && a < t.End {
				return true
			}
		}
		return false
	}

	// ranges and qualified figures first: they consume their numbers
	sc.rangeL = sc.ranges(nums, sc.rangeL[:0])
	for _, r := range sc.rangeL {
		lo, hi := r.Lo, r.Hi
		if lo >= 0 && nums[lo].Kind == Ordinal || hi >= 0 && nums[hi].Kind == Ordinal {
			continue
		}
		f := figure{start: r.Start, end: r.End, numStart: r.Start, numEnd: r.End}
		last := lo
		if hi > last {
			last = hi
		}
		f.tokEnd = nums[last].tj
		if lo >= 0 && hi >= 0 && lo != hi {
			f.min, f.max = some(r.Min), some(r.Max)
			f.firstNum, f.lastNum = lo, hi
			f.numStart = nums[lo].Start
			if r.QEnd > 0 {
				f.qualifier = s[r.QStart:r.QEnd]
			}
		} else {
			n := lo
			if n < 0 {
				n = hi
			}
			f.firstNum, f.lastNum = n, n
			f.numStart = nums[n].Start
			if r.QEnd > r.QStart {
				f.qualifier = s[r.QStart:r.QEnd]
			}
			if r.HasMin && r.HasMax { // equal to
				f.value = some(r.Min)
			} else if r.HasMin {
				f.min = some(r.Min)
			} else {
				f.max = some(r.Max)
			}
			if nums[n].Vague {
				f.approx = true
			}
		}
		figs = append(figs, f)
		used[f.firstNum], used[f.lastNum] = true, true
	}
	nRanges := len(figs)
	// money, percent, measures annotate numbers (ranges included)
	sc.moneyL, sc.pctL, sc.measL = sc.money(nums, sc.moneyL[:0]), sc.percents(nums, sc.pctL[:0]), sc.measures(nums, sc.measL[:0])
	moneyL, pctL, measL := sc.moneyL, sc.pctL, sc.measL
	// each list is in number order: a binary search finds a number's entry
	moneyOf := func(i int) (Money, bool) {
		k := sort.Search(len(moneyL), func(j int) bool { return moneyL[j].Num >= i })
		if k < len(moneyL) && moneyL[k].Num == i {
			return moneyL[k], true
		}
		return Money{}, false
	}
	pctOf := func(i int) (Percent, bool) {
		k := sort.Search(len(pctL), func(j int) bool { return pctL[j].Num >= i })
		if k < len(pctL) && pctL[k].Num == i {
			return pctL[k], true
		}
		return Percent{}, false
	}
	measOf := func(i int) (Measure, bool) {
		k := sort.Search(len(measL), func(j int) bool { return measL[j].Num >= i })
		if k < len(measL) && measL[k].Num == i {
			return measL[k], true
		}
		return Measure{}, false
	}
	for i, n := range nums {
		if used[i] {
			continue
		}
		f := figure{start: n.Start, end: n.End, numStart: n.Start, numEnd: n.End, tokEnd: n.tj, firstNum: i, lastNum: i}
		if n.Vague {
			f.value, f.min, f.max, f.approx = some(n.Value), some(n.Min), some(n.Max), true
		} else {
			f.value = some(n.Value)
		}
		figs = append(figs, f)
	}
	// the ranges and the other numbers, each in text order, merged by
	// start; when two figures start together, slices.SortFunc orders
	// them, which runs the same pdqsort as sort.Slice (one generated
	// template): they keep the order they always had
	order, ok := sc.mergeFigures(figs, nRanges)
	if !ok {
		slices.SortFunc(figs, func(a, b figure) int { return cmp.Compare(a.start, b.start) })
	}

	// built in the scanner's buffer, copied out at the exact length
	out := sc.qs[:0]
	bounds := sc.bounds[:0] // the value, min and max of each of out
	for i := range figs {
		if order != nil {
			i = int(order[i])
		}
		f := figs[i]
		first := nums[f.firstNum]
		lastN := nums[f.lastNum]
		if first.Kind == Ordinal || lastN.Kind == Ordinal {
			continue
		}
		si := doc.SentenceOf(f.numStart) // numStart stays put below
		if si < 0 {
			continue
		}
		if skipTimex(f.numStart, f.numEnd) {
			continue
		}
		// money, percent, measure
		if m, ok := moneyOf(f.lastNum); ok {
			f.money = true
			if m.Value != lastN.Value && f.firstNum == f.lastNum && !m.Minor {
				f.value = some(m.Value) // "£5m", "3 dollars 50 cents"
			}
			f.unit, f.cat = m.Currency, "money"
			if m.Minor {
				scaleFig(&f, 0.01)
			}
			if m.Start < f.start {
				f.start = m.Start
			}
			if m.End > f.end {
				f.end = m.End
			}
			if m2, ok := moneyOf(f.firstNum); ok && m2.Start < f.start {
				f.start = m2.Start
			}
		} else if m, ok := moneyOf(f.firstNum); ok {
			f.money = true
			f.unit, f.cat = m.Currency, "money"
			if m.Start < f.start {
				f.start = m.Start
			}
			if m.Minor {
				scaleFig(&f, 0.01)
			}
		} else if p, ok := pctOf(f.lastNum); ok {
			f.pct = true
			f.unit, f.cat = "percent", "percent"
			if p.End > f.end {
				f.end = p.End
			}
		} else if lastN.Glued != 0 && s[lastN.End:lastN.Glued] == "m" && lookupUnit(sc, lastN.tj+1) != "" {
			// "1.2m soldiers": a million, not metres
			scaleFig(&f, 1e6)
			f.end = lastN.Glued
			f.tokEnd = lastN.tj + 1
			f.millions = true
		} else if m, ok := measOf(f.lastNum); ok {
			if m.Dimension == "time" {
				continue // a duration: the timex stage owns it
			}
			k := lastN.tj
			if sc.isPunct(k, "-") {
				k++
			}
			if lookupUnit(sc, k) == "" {
				f.unit, f.cat = pluralUnit(m.Unit), "other"
				if m.End > f.end {
					f.end = m.End
				}
				f.measureSkip = true
			}
		}
		if !f.money && !f.pct && !f.measureSkip {
			if (first.Glued != 0 || lastN.Glued != 0) && !f.money && !f.millions {
				continue // "29km" unknown, "5G", "1990s"
			}
			if notCount(sc, nums, f) {
				continue
			}
			unitSearch(sc, &f, lx)
			verbCasualty(sc, &f, first)
			if f.unit == "" && first.Spelled && !first.Vague && first.Value == 1 {
				continue // "one of the", "a half"
			}
			if f.unit == "" && first.Kind == Fraction && first.Spelled && !(f.tokEnd < len(sc.toks) && equalFold(sc.tokText(f.tokEnd), "of")) {
				continue // "the second half", "half an hour"
			}
			if first.Kind == Fraction && first.Spelled && first.ti > 0 {
				switch strings.ToLower(sc.tokText(first.ti - 1)) {
				case "first", "second", "last", "the", "latter", "former", "top", "bottom", "upper", "lower", "third", "fourth":
					continue // "the first half of the season", "the top quarter"
				}
			}
		}
		// qualifier: approximate words right before the figure
		approxQualifier(sc, &f, first)
		// "the death toll has risen to 112": the subject noun is the unit
		var srcStart, srcEnd int
		if !f.money && !f.pct && !f.measureSkip && (f.unit == "" || f.unit == "people" && f.cat == "people") {
			lo := sc.tokenAtOffset(doc.Sentences[si].Start)
			if u, c, a, b := predicateSubject(sc, &f, lo); u != "" && (f.unit == "" || c == "casualties" || c == "displacement") {
				f.unit, f.cat, srcStart, srcEnd = u, c, a, b
				if f.beyond && f.value.ok && !f.min.ok && !f.max.ok && !f.approx {
					f.min, f.value = f.value, optional{} // "the toll passed 100": more than 100
				}
			}
		}
		if f.cat == "" {
			f.cat = "other"
		}
		if f.cat == "health" && f.unit == "cases" && !healthSentence(doc, f.numStart) {
			f.cat = "other" // "14 other cases involving fraud": court cases
		}
		q := sitrep.Quantity{
			Start: f.start, End: f.end, Text: s[f.start:f.end],
			Approximate: f.approx, Qualifier: f.qualifier,
			Unit: f.unit, Category: f.cat, Sentence: si,
		}
		q.Entity = whose(doc, sc, f, opts.Entities)
		// the number itself: its qualifier ("up to") is a modality cue
		// before it, and a quote need only hold the number
		span := sitrep.Span{Start: f.numStart, End: f.numEnd}
		var quote *sitrep.Quote
		if opts.Modality != nil {
			q.Modality, quote = opts.Modality(span)
		} else {
			quote = quoteOf(span, opts.Quotes)
			q.Modality = fallbackModality(doc, span, quote)
			if equalFold(f.qualifier, "up to") && q.Modality != sitrep.ModalityNegated && q.Modality != sitrep.ModalityFuture {
				q.Modality = sitrep.ModalityPossible
			}
		}
		if quote == nil {
			quote = quoteOf(span, opts.Quotes)
		}
		if quote != nil {
			q.Source, q.Speaker, q.Quote = quote.Source.Text, quote.Speaker, quote.ID
		} else if srcEnd > srcStart {
			// "the Red Cross puts the toll at 200": the estimate's subject
			q.Source = s[srcStart:srcEnd]
			if q.Modality == sitrep.ModalityAsserted || q.Modality == "" {
				q.Modality = sitrep.ModalityReported
			}
		}
		if q.Modality == "" {
			q.Modality = sitrep.ModalityAsserted
		}
		// "to 6.5 mln tonnes from 7.1 mln", "rose to $5bn from 4.2 billion":
		// the comparison takes the unit of the figure it is compared with
		if q.Unit == "" && len(out) > 0 && out[len(out)-1].Sentence == q.Sentence && !first.Vague {
			if k := sc.tokenAtOffset(f.start) - 1; k >= 0 {
				switch strings.ToLower(sc.tokText(k)) {
				case "from", "against", "versus", "vs", "than":
					p := &out[len(out)-1]
					if p.Unit != "" && q.Start-p.End < 40 {
						q.Unit, q.Category = p.Unit, p.Category
					}
				}
			}
		}
		// "up to 10,000 more": the unit of the figure before
		if q.Unit == "" && f.tokEnd < len(sc.toks) && sc.near(f.tokEnd-1, f.tokEnd) {
			switch strings.ToLower(sc.tokText(f.tokEnd)) {
			case "more", "additional", "extra", "others", "further":
				for j := len(out) - 1; j >= 0; j-- {
					p := &out[j]
					if q.Sentence-p.Sentence > 1 {
						break
					}
					if p.Unit != "" && p.Category != "money" && p.Category != "percent" && p.Category != "other" {
						q.Unit, q.Category = p.Unit, p.Category
						break
					}
				}
			}
		}
		// "2,300 homes were destroyed and 8,500 damaged": the elided noun
		// of a coordinated participle clause is the previous figure's
		if q.Unit == "" && len(out) > 0 && out[len(out)-1].Sentence == q.Sentence && f.tokEnd < len(sc.toks) {
			p := &out[len(out)-1]
			var buf [16]byte
			k := sc.tokenAtOffset(f.start) - 1
			next := sc.wordAt(f.tokEnd, buf[:])
			if k >= 0 && p.Unit != "" && p.Category != "money" && p.Category != "percent" && strings.HasSuffix(next, "ed") && len(next) > 4 {
				// only after a passive clause: "N homes were destroyed and M damaged"
				aux := sc.wordAt(sc.tokenAtOffset(p.End), buf[:])
				if w := sc.wordAt(k, buf[:]); (w == "and" || w == "while" || w == "but") && (aux == "were" || aux == "was" || aux == "have" || aux == "had" || aux == "are") {
					q.Unit, q.Category = p.Unit, p.Category
				}
			}
		}
		out = append(out, q)
		bounds = append(bounds, f.value, f.min, f.max)
	}
	for i := range out {
		out[i].ID = figureID(i)
	}
	res := make([]sitrep.Quantity, len(out))
	copy(res, out)
	setBounds(res, bounds)
	clear(out)
	sc.qs, sc.bounds = out[:0], bounds[:0]
	return res
}

// mergeFigures orders figs by start when figs[:n] and figs[n:] are each
// sorted and no two figures start together: the sorted order is then the
// only one, the one any sort gives. It merges the two runs (most
// documents have few ranges, often none) and returns the indices of figs
// in that order, or nil when figs is in order already; it reports false
// when it cannot tell the order so.
func (sc *Scanner) mergeFigures(figs []figure, n int) ([]int32, bool) {
	for i := 1; i < len(figs); i++ {
		if i != n && figs[i-1].start >= figs[i].start {
			return nil, false
		}
	}
	if n == 0 || n == len(figs) || figs[n-1].start < figs[n].start {
		return nil, true // in order already
	}
	order := sc.order[:0]
	i, j := 0, n
	for i < n && j < len(figs) {
		switch a, b := figs[i].start, figs[j].start; {
		case a < b:
			order = append(order, int32(i))
			i++
		case b < a:
			order = append(order, int32(j))
			j++
		default:
			return nil, false
		}
	}
	for ; i < n; i++ {
		order = append(order, int32(i))
	}
	for ; j < len(figs); j++ {
		order = append(order, int32(j))
	}
	sc.order = order
	return order, true
}

// setBounds sets the Value, Min and Max of each figure of qs from bounds
// (three a figure), pointing into one array allocated for them all.
func setBounds(qs []sitrep.Quantity, bounds []optional) {
	n := 0
	for _, b := range bounds {
		if b.ok {
			n++
		}
	}
	vals := make([]float64, 0, n)
	ptr := func(b optional) *float64 {
		if !b.ok {
			return nil
		}
		vals = append(vals, b.v)
		return &vals[len(vals)-1]
	}
	for i := range qs {
		b := bounds[3*i : 3*i+3]
		qs[i].Value, qs[i].Min, qs[i].Max = ptr(b[0]), ptr(b[1]), ptr(b[2])
	}
}

// figureIDs holds the first IDs, made once: most documents need no other.
var figureIDs = func() (ids [256]string) {
	for i := range ids {
		ids[i] = "n" + strconv.Itoa(i+1)
	}
	return ids
}()

// figureID returns the ID of the i-th figure of a document: "n1", "n2" ...
func figureID(i int) string {
	if i < len(figureIDs) {
		return figureIDs[i]
	}
	return "n" + strconv.Itoa(i+1)
}

func scaleFig(f *figure, k float64) {
	for _, p := range []*optional{&f.value, &f.min, &f.max} {
		if p.ok {
			p.v *= k
		}
	}
}

// quoteOf returns the innermost quote whose content holds span.
func quoteOf(span sitrep.Span, quotes []sitrep.Quote) *sitrep.Quote {
	var best *sitrep.Quote
	for i := range quotes {
		q := &quotes[i]
		if span.Start >= q.Start && span.End <= q.End && (best == nil || q.End-q.Start < best.End-best.Start) {
			best = q
		}
	}
	return best
}

// fallbackModality is used when no Modality function is given: a modal
// verb earlier in the figure's sentence, else the attribution.
func fallbackModality(doc *text.Doc, span sitrep.Span, q *sitrep.Quote) string {
	si := doc.SentenceOf(span.Start)
	if si >= 0 {
		sent := doc.Sentences[si]
		var buf [12]byte
		// a window of the tokens before the figure, in its sentence
		end := doc.TokenAt(span.Start)
		first := end - 12
		if first < sent.First {
			first = sent.First
		}
		for k := first; k < end && k < sent.Last; k++ {
			t := doc.Tokens[k]
			if t.End-t.Start > 9 || t.End-t.Start < 3 {
				continue
			}
			switch string(lowerASCII(doc.Text[t.Start:t.End], buf[:])) {
			case "could", "may", "might", "possibly", "perhaps":
				return sitrep.ModalityPossible
			case "will", "plans", "plan", "intends", "'ll":
				return sitrep.ModalityFuture
			}
		}
	}
	if q != nil {
		if q.Modality != "" {
			return q.Modality
		}
		return sitrep.ModalityReported
	}
	return sitrep.ModalityAsserted
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// monthTable and idTable are months and idWords for lowerIs.
var monthTable, idTable = text.NewWordMap(months), text.NewWordMap(idWords)

// lowerIs returns m[strings.ToLower(w)].
func lowerIs(m *text.WordMap[bool], w string) bool { v, _ := lowerIn(m, w); return v }

// idWords introduce numbers that name rather than count.
var idWords = map[string]bool{"page": true, "p": true, "pp": true, "section": true, "article": true, "chapter": true, "resolution": true,
	"no": true, "number": true, "paragraph": true, "rule": true, "route": true, "flight": true, "room": true, "highway": true,
	"version": true, "level": true, "phase": true, "stage": true, "grade": true, "model": true, "block": true, "gate": true,
	"platform": true, "channel": true, "line": true, "road": true, "street": true, "floor": true, "bill": true, "act": true,
	"item": true, "unit": true, "district": true, "ward": true, "precinct": true, "category": true, "type": true, "class": true,
	"season": true, "episode": true, "volume": true, "vol": true, "issue": true, "figure": true, "table": true, "appendix": true,
	"apartment": true, "apt": true, "suite": true, "building": true, "division": true, "brigade": true, "regiment": true,
	"battalion": true, "corps": true, "fleet": true, "army": true, "squadron": true, "group": true, "game": true, "round": true, "week": true,
	"day": true, "year": true, "hour": true, "minute": true, "sunday": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "aged": true, "age": true, "ages": true, "noon": true, "midnight": true}

// qualWords may stand capitalised right before a count.
var qualWords = text.NewWordMap(map[string]bool{"about": true, "some": true, "nearly": true, "almost": true, "around": true, "roughly": true,
	"only": true, "just": true, "over": true, "under": true, "more": true, "fewer": true, "less": true, "at": true, "up": true,
	"an": true, "the": true, "all": true, "another": true, "and": true, "but": true, "of": true, "estimated": true, "approximately": true,
	"another's": true, "those": true, "these": true, "its": true, "their": true, "his": true, "her": true, "our": true, "by": true,
	"than": true, "as": true, "to": true, "for": true, "with": true, "in": true, "on": true, "from": true, "between": true})

// notCount reports whether the figure is a date, time, year, age,
// identifier or score rather than a count.
func notCount(sc *Scanner, nums []Number, f figure) bool {
	toks := sc.toks
	n := nums[f.firstNum]
	last := nums[f.lastNum]
	s := sc.s
	ti, tj := n.ti, last.tj
	txt := s[n.Start:n.End]
	if !n.Spelled {
		// digits joined to others by / : or - (dates, times, phone numbers, scores)
		if ti > 0 && sc.adjacent(ti-1, ti) && toks[ti-1].kind == tPunct && strings.Contains("/:-.#", sc.tokText(ti-1)) {
			if ti > 1 && (toks[ti-2].kind == tNum || toks[ti-2].kind == tWord) && sc.adjacent(ti-2, ti-1) || sc.tokText(ti-1) == "#" {
				return true
			}
		}
		if tj < len(toks)-1 && sc.adjacent(tj-1, tj) && toks[tj].kind == tPunct && strings.Contains("/:", sc.tokText(tj)) && sc.adjacent(tj, tj+1) && toks[tj+1].kind == tNum {
			return true
		}
		if tj < len(toks)-1 && f.firstNum == f.lastNum && sc.adjacent(tj-1, tj) && sc.tokText(tj) == "-" && sc.adjacent(tj, tj+1) && toks[tj+1].kind == tNum {
			return true // 3-1, 1995-01
		}
		// glued to a word before: G7, MH17, A320
		if ti > 0 && sc.adjacent(ti-1, ti) && toks[ti-1].kind == tWord {
			return true
		}
		// m/d dates read as fractions (2/26), split years (1987/88)
		if n.Kind == Fraction && f.firstNum == f.lastNum && strings.Count(txt, "/") == 1 {
			parts := strings.SplitN(txt, "/", 2)
			num, den := atof(parts[0]), atof(parts[1])
			if den > 12 && den <= 31 && num <= 12 || num >= den {
				return true
			}
		}
		// years, and ranges of years
		if isYear(txt) && (f.firstNum == f.lastNum || isYear(s[last.Start:last.End])) {
			// "1500 troops" counts; "1986 contracts" is a year
			if !(tj < len(toks) && sc.near(tj-1, tj) && toks[tj].kind == tWord && forceCategory(lookupCategory(sc, tj))) {
				return true
			}
		}
		// a.m., p.m., GMT
		if tj < len(toks) && toks[tj].kind == tWord && sc.near(tj-1, tj) {
			w := strings.ToLower(sc.tokText(tj))
			if w == "a" || w == "p" || w == "am" || w == "pm" || w == "gmt" || w == "utc" || w == "bst" || w == "edt" || w == "est" {
				if w != "a" || tj+1 < len(toks) && sc.isPunct(tj+1, ".") && sc.adjacent(tj, tj+1) {
					return true
				}
			}
		}
	}
	// month before or after: August 28, 28 August
	if ti > 0 && sc.near(ti-1, ti) && lowerIs(monthTable, sc.tokText(ti-1)) {
		return true
	}
	if ti > 1 && sc.isPunct(ti-1, ".") && lowerIs(monthTable, sc.tokText(ti-2)) {
		return true
	}
	if tj < len(toks) && sc.near(tj-1, tj) && lowerIs(monthTable, sc.tokText(tj)) && n.Value >= 1 && n.Value <= 31 {
		if !(equalFold(sc.tokText(tj), "may") && n.Value > 1) || tj+1 < len(toks) && toks[tj+1].kind == tNum {
			return true
		}
	}
	// ages and durations written with hyphens: 45-year-old, three-week
	if tj+2 < len(toks) && sc.isPunct(tj, "-") && sc.adjacent(tj-1, tj) {
		w := strings.ToLower(sc.tokText(tj + 1))
		if is(timeWords, w) || is(timeWords, w+"s") {
			return true
		}
	}
	if tj+1 < len(toks) && sc.near(tj-1, tj) {
		w := strings.ToLower(sc.tokText(tj))
		if (w == "years" || w == "year") && equalFold(sc.tokText(tj+1), "old") {
			return true
		}
	}
	// introduced by an identifier word or a capitalised name: "Resolution 2231", "Boeing 737"
	if ti > 0 && sc.near(ti-1, ti) && toks[ti-1].kind == tWord {
		w := sc.tokText(ti - 1)
		lw := strings.ToLower(w)
		if is(idTable, lw) && lookupUnit(sc, tj) == "" {
			return true
		}
		if w[0] >= 'A' && w[0] <= 'Z' && !is(qualWords, lw) && !n.Spelled && lookupUnit(sc, tj) == "" && !sentenceStartTok(sc, ti-1) {
			return true
		}
	}
	if ti > 1 && sc.isPunct(ti-1, ".") && sc.adjacent(ti-2, ti-1) && lowerIs(idTable, sc.tokText(ti-2)) {
		return true // No. 1, p. 12
	}
	return false
}

func isYear(t string) bool {
	if len(t) != 4 || !isAllDigits(t) {
		return false
	}
	v := atof(t)
	return v >= 1800 && v <= 2100
}

// sentenceStartTok reports whether token k starts a sentence (roughly:
// the text before it ends with sentence punctuation or a line break).
func sentenceStartTok(sc *Scanner, k int) bool {
	if k == 0 {
		return true
	}
	p := sc.tokText(k - 1)
	return p == "." || p == "!" || p == "?" || p == "\"" || p == "“" || strings.ContainsAny(sc.s[sc.toks[k-1].end:sc.toks[k].start], "\n")
}

// lookupCategory returns the category of the counted noun at token k.
func lookupCategory(sc *Scanner, k int) string {
	if k >= len(sc.toks) {
		return ""
	}
	if e, _, ok := sc.phraseAt(k, lex3().units, 4); ok {
		return e.b
	}
	return ""
}

// forceCategory reports whether a category is about forces and their
// losses, where a bare four-digit number is a count, not a year.
func forceCategory(c string) bool {
	switch c {
	case "personnel", "casualties", "munitions", "weapons", "vehicles":
		return true
	}
	return false
}

// pluralUnit returns the plural of a unit of measure: inch -> inches,
// foot -> feet, mile per hour -> miles per hour.
func pluralUnit(u string) string {
	if i := strings.Index(u, " per "); i > 0 {
		return pluralUnit(u[:i]) + u[i:]
	}
	switch {
	case u == "foot":
		return "feet"
	case strings.HasSuffix(u, " foot"):
		return strings.TrimSuffix(u, "foot") + "feet"
	case strings.HasSuffix(u, "s") || strings.HasSuffix(u, "ch") || strings.HasSuffix(u, "sh") || strings.HasSuffix(u, "x"):
		return u + "es"
	case strings.HasSuffix(u, "y") && !strings.HasSuffix(u, "ey"):
		return u[:len(u)-1] + "ies"
	case strings.HasPrefix(u, "degree "):
		return "degrees " + u[len("degree "):]
	}
	return u + "s"
}

// lookupUnit returns the unit of the counted noun at token k, if the
// lexicon knows it.
func lookupUnit(sc *Scanner, k int) string {
	if k >= len(sc.toks) {
		return ""
	}
	lx := lex3()
	if e, _, ok := sc.phraseAt(k, lx.units, 4); ok {
		return e.a
	}
	return ""
}

// skippable words between a number and its noun: "11,000 additional North
// Korean troops", "dozens of homes".
var npFillers = text.NewWordMap(map[string]bool{"additional": true, "more": true, "new": true, "extra": true, "other": true, "of": true, "the": true,
	"their": true, "its": true, "his": true, "her": true, "our": true, "fresh": true, "further": true, "armed": true, "active": true,
	"regular": true, "elite": true, "special": true, "foreign": true, "enemy": true, "allied": true, "heavy": true, "light": true,
	"military": true, "combat": true, "ground": true, "young": true, "innocent": true, "unarmed": true, "local": true, "total": true,
	"ukrainian": true, "russian": true, "american": true, "israeli": true, "palestinian": true, "chinese": true, "iranian": true,
	"u.s.": true, "us": true, "western": true, "troops": false, "long-range": true, "short-range": true, "artillery": false,
	"combat-ready": true, "frontline": true, "front-line": true, "well-trained": true, "trained": true, "battle-hardened": true,
	"those": true, "these": true, "such": true, "fighter": false, "dead": false, "civilian": false, "in": false, "a": false})

// unitSearch finds the counted noun after the figure.
func unitSearch(sc *Scanner, f *figure, lx *lexicons) {
	toks := sc.toks
	k := f.tokEnd
	// dozens of homes, thousands of people
	for step := 0; k < len(toks) && step < 6; step++ {
		if !sc.near(k-1, k) && !(sc.isPunct(k-1, "-") || k > 0 && sc.adjacent(k-1, k)) {
			break
		}
		if toks[k].kind == tPunct {
			if sc.isPunct(k, "-") && sc.adjacent(k-1, k) {
				k++
				continue
			}
			break
		}
		// a measure used as an adjective: "20 500-pound bombs", "two 155mm guns"
		if toks[k].kind == tNum && k+2 < len(toks) && sc.isPunct(k+1, "-") && sc.adjacent(k, k+1) && sc.adjacent(k+1, k+2) && toks[k+2].kind == tWord {
			k += 3
			continue
		}
		if toks[k].kind == tNum && k+1 < len(toks) && sc.adjacent(k, k+1) && toks[k+1].kind == tWord {
			k += 2
			continue
		}
		if toks[k].kind != tWord {
			break
		}
		if e, end, ok := sc.phraseAt(k, lx.units, 4); ok {
			f.unit, f.cat = e.a, e.b
			f.end = toks[end-1].end
			predicateCasualty(sc, f, end)
			return
		}
		w := sc.tokText(k)
		lw := strings.ToLower(w)
		// "two-thirds of Ukrainians": a plural demonym after "of" is who is counted
		if w[0] >= 'A' && w[0] <= 'Z' && k > 0 && equalFold(sc.tokText(k-1), "of") && k-1 == f.tokEnd && len(w) > 4 &&
			(strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ers")) && !(k+1 < len(toks) && toks[k+1].kind == tWord && sc.near(k, k+1) && sc.tokText(k + 1)[0] >= 'A' && sc.tokText(k + 1)[0] <= 'Z') {
			f.unit, f.cat = lw, "people"
			f.end = toks[k].end
			return
		}
		if is(npFillers, lw) || w[0] >= 'A' && w[0] <= 'Z' && !is(qualWords, lw) {
			k++
			continue
		}
		break
	}
	// "3,000 were killed"
	if predicateCasualty(sc, f, f.tokEnd); f.unit != "" {
		f.end = sc.toks[f.tokEnd-1].end
		return
	}
	// a noun we do not know: the first lower-case word after the number
	// (up to three lower-case words: "nine creditor banks")
	k = f.tokEnd
	if k+1 < len(toks) && equalFold(sc.tokText(k), "of") && sc.near(k-1, k) {
		k++ // "scores of villagers"
	}
	for first := k; k < len(toks) && k < first+3 && toks[k].kind == tWord && sc.near(k-1, k); k++ {
		w := sc.tokText(k)
		lw := strings.ToLower(w)
		if w[0] < 'a' || w[0] > 'z' || is(stopWords, lw) || is(functionWords, lw) || is(prepositions, lw) || toks[k].w().cls != cNone {
			break
		}
		if len(w) > 2 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "ous") && !strings.HasSuffix(lw, "is") {
			f.unit, f.cat = lw, "other"
			f.end = toks[k].end
			predicateCasualty(sc, f, k+1)
			return
		}
	}
}

// verbCasualty turns "killed at least 12 people" into a casualty count.
// A bare count takes the verb's unit too ("the outbreak has killed 61").
func verbCasualty(sc *Scanner, f *figure, first Number) {
	if f.cat != "people" && f.cat != "personnel" && f.unit != "" {
		return
	}
	k := sc.tokenAtOffset(f.start) - 1
	var buf [16]byte
	// "killed about 12 people": the approximate qualifier is not yet in the span
	for step := 0; step < 2 && k > 0; step++ {
		switch sc.wordAt(k, buf[:]) {
		case "about", "around", "nearly", "almost", "some", "roughly", "approximately", "estimated", "an", "reportedly":
			k--
			continue
		}
		break
	}
	if k < 0 || sc.toks[k].kind != tWord || !hspace(sc.s, sc.toks[k].end, sc.toks[k+1].start) && !sc.near(k, k+1) {
		return
	}
	switch sc.wordAt(k, buf[:]) {
	case "killed", "killing":
		f.unit, f.cat = "killed", "casualties"
	case "wounded", "wounding":
		f.unit, f.cat = "wounded", "casualties"
	case "injured", "injuring":
		f.unit, f.cat = "wounded", "casualties"
	case "evacuated", "evacuating", "displaced", "displacing", "uprooted", "uprooting":
		f.unit, f.cat = "displaced", "displacement"
	case "infected", "infecting", "sickened":
		f.unit, f.cat = "cases", "health"
	}
}

// predicateCasualty turns "12 people were killed" into a casualty count
// and "9,000 were forced from their homes" into a displacement count: a
// people count, or a bare count whose noun is elided, takes its unit from
// the participle after it (canonical units, see units.txt).
func predicateCasualty(sc *Scanner, f *figure, k int) {
	// things ("3 attacks killed 10") count casualties only in the passive
	// or with "died": "40 villagers were killed"
	passiveOnly := f.cat == "other"
	if f.cat != "people" && f.cat != "personnel" && !passiveOnly && f.unit != "" {
		return
	}
	toks := sc.toks
	aux := false
	var buf [16]byte
	for step := 0; k < len(toks) && step < 4; step++ {
		if toks[k].kind != tWord {
			return
		}
		w := sc.wordAt(k, buf[:])
		if passiveOnly && !aux && w != "were" && w != "was" && w != "been" && w != "have" && w != "had" && w != "died" && w != "are" {
			return
		}
		switch w {
		case "were", "was", "have", "had", "been", "reportedly", "also", "are", "being", "now", "later", "already", "since",
			"remain", "remains", "remained", "still":
			aux = true
			k++
			continue
		case "killed", "died", "dead", "perished", "drowned":
			f.unit, f.cat = "killed", "casualties"
		case "wounded", "injured", "hurt":
			f.unit, f.cat = "wounded", "casualties"
		case "missing":
			if aux {
				f.unit, f.cat = "missing", "casualties"
			}
		case "displaced", "evacuated", "uprooted", "fled", "homeless":
			if w != "fled" || f.cat != "personnel" {
				f.unit, f.cat = "displaced", "displacement"
			}
		case "forced", "driven":
			// "were forced from their homes", "forced to flee"
			n1, n2 := sc.wordAt(k+1, buf[:]), sc.wordAt(k+2, buf[:])
			if n1 == "from" || n1 == "out" || n1 == "to" && (n2 == "flee" || n2 == "leave" || n2 == "evacuate") {
				f.unit, f.cat = "displaced", "displacement"
			}
		case "left", "made", "rendered":
			if aux && sc.wordAt(k+1, buf[:]) == "homeless" {
				f.unit, f.cat = "displaced", "displacement"
			}
		case "lost":
			if sc.wordAt(k+1, buf[:]) == "their" && (sc.wordAt(k+2, buf[:]) == "homes" || sc.wordAt(k+2, buf[:]) == "houses") {
				f.unit, f.cat = "displaced", "displacement"
			} else if sc.wordAt(k+1, buf[:]) == "their" && sc.wordAt(k+2, buf[:]) == "lives" {
				f.unit, f.cat = "killed", "casualties"
			}
		case "infected", "sickened":
			if f.cat != "other" {
				f.unit, f.cat = "cases", "health"
			}
		case "to":
			// "forced 45,000 people to flee"
			if !aux && f.cat != "other" {
				if n1 := sc.wordAt(k+1, buf[:]); n1 == "flee" || n1 == "evacuate" {
					f.unit, f.cat = "displaced", "displacement"
				}
			}
		case "survived":
			if f.cat != "other" {
				f.unit, f.cat = "survivors", "people"
			}
		}
		return
	}
}

// functionWords end the search for an unknown counted noun.
var functionWords = text.NewWordMap(map[string]bool{"of": true, "the": true, "a": true, "an": true, "to": true, "in": true, "on": true, "at": true,
	"for": true, "from": true, "by": true, "with": true, "and": true, "or": true, "but": true, "than": true, "that": true, "which": true,
	"who": true, "will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "be": true, "been": true, "per": true,
	"a.m.": true, "p.m.": true, "more": true, "less": true, "said": true, "says": true, "each": true, "apiece": true, "percent": true})

// prepositions end the search for an unknown counted noun: "a toll of 64
// across three provinces" counts no provinces.
var prepositions = text.NewWordMap(map[string]bool{"across": true, "after": true, "before": true, "during": true, "since": true, "until": true,
	"into": true, "over": true, "under": true, "through": true, "among": true, "against": true, "about": true, "around": true,
	"near": true, "within": true, "without": true, "between": true, "behind": true, "beyond": true, "toward": true, "towards": true,
	"via": true, "amid": true, "despite": true, "upon": true, "like": true, "off": true, "onto": true, "out": true, "up": true,
	"down": true, "last": true, "this": true, "next": true, "along": true, "throughout": true, "inside": true, "outside": true})

// stopWords are never units.
var stopWords = text.NewWordMap(map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "had": true, "have": true, "its": true,
	"this": true, "his": true, "hers": true, "was's": true, "does": true, "as": true, "us": true, "yes": true, "thus": true, "plus": true,
	"less": true, "unless": true, "always": true, "sometimes": true, "besides": true, "towards": true, "afterwards": true, "whereas": true})

// approxQualifier marks approximate figures ("an estimated 11,000").
func approxQualifier(sc *Scanner, f *figure, first Number) {
	k := first.ti
	// the qualifier stands before a range's own qualifier too: "about 20 to 30"
	if f.start < first.Start {
		k = sc.tokenAtOffset(f.start)
	}
	if k == 0 {
		return
	}
	for _, q := range approxQualsEnding(sc.tokText(k - 1)) {
		if b, ok := sc.matchBefore(k, q); ok {
			f.approx = true
			qs := sc.toks[b].start
			if f.qualifier != "" {
				f.qualifier = sc.s[qs:f.start] + f.qualifier
				f.qualifier = strings.Join(strings.Fields(f.qualifier), " ")
			} else {
				f.qualifier = sc.s[qs:sc.toks[k-1].end]
			}
			f.start = qs
			return
		}
	}
}

// approxByLast holds approxQuals by their last word, in list order.
var approxByLast = func() *text.WordMap[[][]string] {
	m := map[string][][]string{}
	for _, q := range approxQuals {
		w := q[len(q)-1]
		m[w] = append(m[w], q)
	}
	return text.NewWordMap(m)
}()

// approxQualsEnding returns the approxQuals, in list order, that can end
// with the word w: those whose last word is w in ASCII lower case, or all
// of them when w is not ASCII (equalFold folds Unicode too).
func approxQualsEnding(w string) [][]string {
	if !isASCII(w) {
		return approxQuals
	}
	var buf [16]byte
	lw := lowerASCII(w, buf[:])
	if lw == nil {
		return nil // longer than any qualifier word
	}
	v, _ := approxByLast.GetBytes(lw)
	return v
}

// tokenAtOffset returns the index of the token starting at or after off.
func (sc *Scanner) tokenAtOffset(off int) int {
	// sort.Search, written out: it runs for most figures, several times
	lo, hi := 0, len(sc.toks)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if sc.toks[h].start < off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// ownVerbs link a subject to the forces or arms it sends, has or loses.
var ownVerbs = text.NewWordMap(map[string]bool{"send": true, "sends": true, "sent": true, "sending": true, "deploy": true, "deploys": true, "deployed": true,
	"deploying": true, "dispatch": true, "dispatched": true, "commit": true, "committed": true, "mobilize": true, "mobilized": true,
	"mobilise": true, "mobilised": true, "field": true, "fielded": true, "fields": true, "has": true, "had": true, "have": true,
	"lost": true, "loses": true, "lose": true, "launched": true, "launches": true, "launch": true, "fired": true, "fires": true, "fire": true,
	"amassed": true, "massed": true, "stationed": true, "moved": true, "transferred": true, "supplied": true, "supplies": true, "supply": true,
	"shipped": true, "delivered": true, "provided": true, "provide": true, "provides": true, "recruited": true, "trained": true, "keeps": true, "kept": true})

// subjectOf reports whether gap, the text between a name and a figure,
// makes the name the figure's owner: a few words with an owning verb and
// no punctuation ("could send up to" has been stripped to "could send ").
func subjectOf(gap, cat string) bool {
	switch cat {
	case "personnel", "munitions", "weapons", "vehicles":
	default:
		return false
	}
	if strings.ContainsAny(gap, ",;:.!?\"“”()") {
		return false
	}
	ws := strings.Fields(gap)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if is(ownVerbs, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// whose picks the entity with a mention in the figure's noun phrase: between
// the number and the unit ("11,000 North Korean troops"), a possessive right
// before ("Russia's 600 tanks"), or "of X" right after the unit.
func whose(doc *text.Doc, sc *Scanner, f figure, ents []sitrep.Entity) string {
	if len(ents) == 0 || f.money || f.pct {
		return ""
	}
	s := doc.Text
	best, bestDist := "", 1<<30
	for i := range ents {
		e := &ents[i]
		for _, m := range e.Mentions {
			if m.End < f.start-40 || m.Start > f.end+8 {
				continue // too far for any case below
			}
			switch {
			case m.Start >= f.numEnd && m.End <= f.end && f.unit != "":
				return e.ID
			case m.End <= f.start && f.start-m.End <= 4 && strings.HasPrefix(strings.TrimLeft(s[m.End:f.start], " "), "'s") || m.End <= f.start && f.start-m.End <= 4 && strings.HasPrefix(s[m.End:f.start], "’s"):
				if d := f.start - m.End; d < bestDist {
					best, bestDist = e.ID, d
				}
			case m.End <= f.start && f.start-m.End <= 40 && subjectOf(s[m.End:f.start], f.cat) && (e.Type == sitrep.EntityGPE || e.Type == sitrep.EntityOrg || e.Type == sitrep.EntityNORP):
				// "North Korea could send up to 30,000 troops"
				if d := f.start - m.End + 50; d < bestDist {
					best, bestDist = e.ID, d
				}
			case m.Start >= f.end && m.Start-f.end <= 8 && f.unit != "":
				gap := strings.TrimSpace(s[f.end:m.Start])
				if gap == "of" || gap == "from" {
					if d := m.Start - f.end + 100; d < bestDist {
						best, bestDist = e.ID, d
					}
				}
			}
		}
	}
	return best
}
