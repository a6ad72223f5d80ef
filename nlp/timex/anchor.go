package timex

import (
	"github.com/sitrep-news/sitrep/internal/civil"
	"sort"
	"strconv"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Anchor places events in time. It returns the temporal relations the
// text states between events ("the order came three weeks after Ukraine
// launched a counteroffensive": came AFTER launched, offset P3W; "since
// the invasion": BEGUN_BY) and one EventTime per event, in the order of
// events.
//
// Each event first takes the DATE or TIME of its own clause (the part of
// its sentence on its side of a relation signal). The relations then form
// a small constraint graph over day intervals, solved to a fixpoint so
// chains propagate: an anchor event is its governor's interval shifted by
// the offset and widened by the vagueness of the unit (±3 days for weeks,
// ±15 for months). A governor of a relation that has no date of its own
// takes the lead date of the article (its first explicit date: news
// states its main event first), marked as an assumption in the
// derivation. Events with no information get the DCT window: value "",
// earliest = DCT minus one month, latest = DCT, derivation "dct" ("dct
// (possible, past tense: ...)" for an uncertain event told in a past
// tense, "may have prevented": done by the DCT, not a forecast).
//
// A duration that sets a deadline or a delay in a clause about the future
// ("would impose sanctions within two weeks", "a timeline of a couple of
// weeks", "will decide in ten days") gives the clause's future events a
// window counted from the speech time (the day the sentence names before
// it, else the DCT): see windows. A future event "by March 20" may happen
// any day from the DCT up to that date; "a week later" with no event to
// count from counts from the last date named. "Since" gives an interval, not only an
// order: "has continued since March 1" runs from March 1 up to the DCT, and
// so does an event "since" a dated one.
//
// Events whose Time.Earliest is already set (by coreference in the events
// layer, say) count as known and are not changed.
//
// A date dates the events of its own clause only: not across a relative
// pronoun, semicolon, dash or quotation mark, and not beyond 12 tokens.
// Besides the relations with offsets, the links order events the text
// orders without dates: signal words ("A after B", "A before|until|prior
// to B", "After B, A", "A, then B"), a past perfect before the simple
// past next to it, a verb before the to-infinitive it governs ("agreed to
// withdraw"), and a reporting event ("said", Class REPORTING) after the
// non-future events of its own sentence, the sentence before, and the
// reported (quoted or perfect) events of the sentence after (news reports
// what has happened). Rels are TimeML's: BEFORE and AFTER, SIMULTANEOUS,
// INCLUDES, BEGUN_BY.
func Anchor(doc *text.Doc, timexes []sitrep.Timex, events []sitrep.Event, dct time.Time) ([]sitrep.TLink, []sitrep.EventTime) {
	return AnchorWithQuotes(doc, timexes, events, nil, dct)
}

// AnchorWithQuotes is Anchor that knows the attributions of the text
// (nlp/quote): the date of a reporting clause belongs to the speech event,
// not to what is reported. In "DNA tests link a doctor to the killing, an
// official said Friday", Friday dates "said" (and any other event outside
// the quote's content) but not the killing. A timex and an event pair up
// only when both sit in the same quote's content or both outside every
// content.
//
// An event in a quote's content with no date of its own is bounded by the
// speech time when the text dates the speech (the quote's time, or the
// date of its cue event): what is reported as done happened at or before
// it was said (earliest unknown, latest the speech day); what is reported
// as to come (will, would, could ...) comes at or after it (earliest the
// speech day, latest unknown). With no dated speech the DCT fallback
// stands, as for any undated event. The relation to the cue event, where
// it is among events, is a TLink (BEFORE for reported past and perfect
// tenses, AFTER for reported futures).
func AnchorWithQuotes(doc *text.Doc, timexes []sitrep.Timex, events []sitrep.Event, quotes []sitrep.Quote, dct time.Time) ([]sitrep.TLink, []sitrep.EventTime) {
	a := &anchorer{d: doc, tx: timexes, ev: events, q: quotes, dct: dct}
	return a.run()
}

type interval struct {
	lo, hi int // days since the Unix epoch
	ok     bool
}

type relation struct {
	gov, anc int // event indexes; gov -1: the lead date stands in (govTx)
	govTx    int // timex index when gov is -1
	dir      int // +1: gov after anchor, -1: gov before anchor, 0: since
	off      int // days
	vague    int // days of vagueness
	offset   string
	signal   sitrep.TextSpan
	known    bool // offset known
}

type anchorer struct {
	d   *text.Doc
	tx  []sitrep.Timex
	ev  []sitrep.Event
	q   []sitrep.Quote
	dct time.Time

	rels  []relation
	extra []sitrep.TLink // links that are no relation between events (windows)
	iv    []interval
	out   []sitrep.EventTime
	split map[int]int // sentence -> byte offset of its first relation signal
	// purpose marks the events purposes linked to their governor
	purpose map[int]bool
}

func dayNum(t time.Time) int { return int(t.Unix() / 86400) }

func dayOf(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

func parseDay(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	// the dates the tagger writes, without the layout interpreter;
	// anything else (or a day the month lacks) takes time.Parse
	if len(s) == 10 {
		if n, ok := civil.Day(s); ok {
			return n, true
		}
	}
	t, err := time.Parse(ymd, s)
	if err != nil {
		return 0, false
	}
	return dayNum(t), true
}

// events of sentence s in text order (indexes into a.ev).
func (a *anchorer) eventsIn(s int) []int {
	var out []int
	for i, e := range a.ev {
		if e.Sentence == s {
			out = append(out, i)
		}
	}
	sort.Slice(out, func(x, y int) bool { return a.ev[out[x]].Start < a.ev[out[y]].Start })
	return out
}

func (a *anchorer) word(i int) string {
	if i < 0 || i >= len(a.d.Tokens) {
		return ""
	}
	return strings.ToLower(a.d.Tok(i))
}

func (a *anchorer) run() ([]sitrep.TLink, []sitrep.EventTime) {
	a.split = map[int]int{}
	a.findRelations()
	a.iv = make([]interval, len(a.ev))
	a.out = make([]sitrep.EventTime, len(a.ev))
	a.baseTimes()
	a.windows()
	a.solve()
	a.purposes()
	a.laterFromDate()
	a.reported()
	a.fallback()
	a.orders()
	a.reports()
	var links []sitrep.TLink
	for _, r := range a.rels {
		rel := "AFTER"
		switch {
		case r.dir < 0:
			rel = "BEFORE"
		case r.dir == 0:
			rel = "BEGUN_BY"
		}
		from := ""
		if r.gov >= 0 {
			from = a.ev[r.gov].ID
		} else {
			from = a.tx[r.govTx].ID
		}
		links = append(links, sitrep.TLink{From: from, To: a.ev[r.anc].ID, Rel: rel, Offset: r.offset, Signal: r.signal})
	}
	links = append(links, a.extra...)
	return links, a.out
}

// findRelations reads "<DURATION> after|before <clause>", "<DURATION>
// later|earlier" and "since <event>".
func (a *anchorer) findRelations() {
	anchors := map[int]bool{}
	for _, x := range a.tx {
		if x.Type != TypeDuration || x.Sentence < 0 || x.Sentence >= len(a.d.Sentences) {
			continue
		}
		s := a.d.Sentences[x.Sentence]
		k := a.d.TokenAt(x.End)
		if k >= s.Last {
			continue
		}
		sig := a.word(k)
		dir := 0
		switch sig {
		case "after", "later":
			dir = 1
		case "before", "earlier":
			dir = -1
		case "prior":
			if a.word(k+1) == "to" {
				dir = -1
			}
		default:
			continue
		}
		off, vague, known := durationDays(x.Value)
		evs := a.eventsIn(x.Sentence)
		sigSpan := sitrep.NewTextSpan(a.d.Text, sitrep.Span{Start: a.d.Tokens[k].Start, End: a.d.Tokens[k].End})
		gov, anc := -1, -1
		if sig == "after" || sig == "before" || sig == "prior" {
			for _, e := range evs {
				if a.ev[e].Start >= sigSpan.End && anc < 0 {
					anc = e
				}
				if a.ev[e].End <= x.Start && !anchors[e] {
					gov = e
				}
			}
			if gov < 0 && anc >= 0 {
				// "Three weeks after the invasion, troops crossed": the
				// main event follows the comma that closes the anchor's clause
				comma := -1
				for q := a.d.TokenAt(a.ev[anc].End); q < s.Last; q++ {
					if a.d.Tok(q) == "," {
						comma = a.d.Tokens[q].End
						break
					}
				}
				for _, e := range evs {
					if comma >= 0 && a.ev[e].Start > comma {
						gov = e
						break
					}
				}
			}
			if _, seen := a.split[x.Sentence]; !seen {
				a.split[x.Sentence] = x.Start
			}
		} else {
			// "a week later": the anchor is the last event before this sentence
			for _, e := range evs {
				if a.ev[e].Start >= sigSpan.End {
					gov = e
					break
				}
			}
			if gov < 0 && len(evs) > 0 {
				gov = evs[0]
			}
			for i, e := range a.ev {
				if e.Sentence < x.Sentence && (anc < 0 || e.Start > a.ev[anc].Start) {
					anc = i
				}
			}
		}
		govTx := -1
		if gov < 0 && anc >= 0 && (sig == "after" || sig == "before" || sig == "prior") {
			// "This order was issued two months after Kim met": the
			// governor is no event we know; the lead date stands in
			govTx = a.leadTimex()
			if govTx < 0 || a.tx[govTx].Sentence == x.Sentence {
				continue
			}
		} else if gov < 0 || anc < 0 || gov == anc {
			continue
		}
		anchors[anc] = true
		r := relation{gov: gov, govTx: govTx, anc: anc, dir: dir, off: off, vague: vague, known: known, offset: x.Value, signal: sigSpan}
		a.rels = append(a.rels, r)
	}
	// since <event>: an event before it governs one after it
	for si, s := range a.d.Sentences {
		if len(a.ev) < 2 {
			break
		}
		for k := s.First; k < s.Last; k++ {
			// a token that folds to "since" in five bytes is ASCII
			// (no other spelling is as short): most fail on the first
			if tk := a.d.Tokens[k]; tk.End-tk.Start != 5 || a.d.Text[tk.Start]|0x20 != 's' || !strings.EqualFold(a.d.Tok(k), "since") {
				continue
			}
			evs := a.eventsIn(si)
			gov, anc := -1, -1
			end := a.d.Tokens[k].End
			for _, e := range evs {
				if a.ev[e].End <= a.d.Tokens[k].Start {
					gov = e
				}
				if anc < 0 && a.ev[e].Start >= end && a.ev[e].Start-end < 40 {
					anc = e
				}
			}
			if gov < 0 || anc < 0 {
				continue
			}
			if _, seen := a.split[si]; !seen {
				a.split[si] = a.d.Tokens[k].Start // the date after "since" is the anchor's
			}
			a.rels = append(a.rels, relation{gov: gov, govTx: -1, anc: anc, dir: 0, signal: sitrep.NewTextSpan(a.d.Text, sitrep.Span{Start: a.d.Tokens[k].Start, End: end})})
		}
	}
}

// durationDays turns a TIMEX3 duration into days and the vagueness of its
// unit; known is false for "PXW" and the like.
func durationDays(v string) (days, vague int, known bool) {
	if len(v) < 3 || v[0] != 'P' {
		return 0, 0, false
	}
	body := v[1:]
	timePart := false
	if body[0] == 'T' {
		timePart = true
		body = body[1:]
	}
	n := 0
	i := 0
	for i < len(body) && isDigit(body[i]) {
		n = n*10 + int(body[i]-'0')
		i++
	}
	if i == 0 || i >= len(body) {
		unit := body[len(body)-1:]
		return 0, unitVague(unit, timePart), false
	}
	unit := body[i:]
	if timePart {
		return 0, 0, true // hours and minutes: the same day
	}
	switch unit {
	case "D":
		return n, unitVague(unit, false), true
	case "W":
		return 7 * n, 3, true
	case "M":
		return n * 30, 15, true
	case "Q":
		return n * 91, 30, true
	case "Y":
		return n * 365, 180, true
	case "DE":
		return n * 3652, 365, true
	}
	return 0, 0, false
}

func unitVague(unit string, timePart bool) int {
	if timePart {
		return 0
	}
	switch unit {
	case "D":
		return 0
	case "W":
		return 3
	case "M":
		return 15
	case "Q":
		return 30
	}
	return 180
}

// baseTimes gives each event the DATE or TIME of its clause.
func (a *anchorer) baseTimes() {
	for i, e := range a.ev {
		if e.Time.Earliest != "" || e.Time.Latest != "" {
			lo, ok1 := parseDay(e.Time.Earliest)
			hi, ok2 := parseDay(e.Time.Latest)
			if !ok1 {
				lo = hi
			}
			if !ok2 {
				hi = lo
			}
			a.iv[i] = interval{lo, hi, ok1 || ok2}
			a.out[i] = e.Time
			continue
		}
		split, hasSplit := a.split[e.Sentence]
		best, bestD := -1, 1<<30
		for k, x := range a.tx {
			if x.Sentence != e.Sentence || x.Type != TypeDate && x.Type != TypeTime || x.Earliest == "" || x.Latest == "" {
				continue
			}
			if hasSplit && (x.Start < split) != (e.Start < split) {
				continue // across "three weeks after": another clause
			}
			if a.contentOf(x.Start) != a.contentOf(e.Start) {
				continue // "..., an official said Friday": the speech's date
			}
			if a.clauseBreak(sitrep.Span{Start: x.Start, End: x.End}, e.Span()) {
				continue // "said Josefa Gonzalez, who left Cuba in 1962"
			}
			d := x.Start - e.End
			if d < 0 {
				d = e.Start - x.End
			}
			if d < bestD {
				best, bestD = k, d
			}
		}
		if best < 0 || a.tokensApart(a.tx[best].Start, a.tx[best].End, e.Start, e.End) > maxDateReach {
			continue
		}
		x := a.tx[best]
		lo, _ := parseDay(x.Earliest)
		hi, _ := parseDay(x.Latest)
		if k := a.d.TokenAt(x.Start) - 1; k >= 0 && a.word(k) == "since" && !a.dct.IsZero() && dayNum(a.dct) > hi {
			// "has continued since March 1": from that date up to the DCT
			a.iv[i] = interval{lo, dayNum(a.dct), true}
			a.out[i] = sitrep.EventTime{Value: x.Value, Earliest: x.Earliest, Latest: formatYMD(a.dct), Anchor: x.ID,
				Derivation: "since " + x.ID + " " + x.Value + ": from then up to the DCT " + formatYMD(a.dct)}
			continue
		}
		if k := a.d.TokenAt(x.Start) - 1; k >= 0 && (a.word(k) == "by" || a.word(k) == "before") && !a.dct.IsZero() && dayNum(a.dct) < hi && a.futureEvent(e) {
			// "will withdraw by March 1": a deadline, any day from the
			// speech time up to it
			base := dayNum(a.dct)
			a.iv[i] = interval{min(base, lo), hi, true}
			a.out[i] = sitrep.EventTime{Value: x.Value, Earliest: formatYMD(dayOf(min(base, lo))), Latest: x.Latest, Anchor: x.ID,
				Derivation: a.word(k) + " " + x.ID + " " + x.Value + ": a deadline, from the DCT " + formatYMD(a.dct) + " up to it"}
			continue
		}
		a.iv[i] = interval{lo, hi, true}
		a.out[i] = sitrep.EventTime{Value: x.Value, Earliest: x.Earliest, Latest: x.Latest, Anchor: x.ID, Derivation: "explicit: " + x.ID + " " + x.Value}
	}
}

// leadTimex is the article's first explicit date (index into a.tx), or -1.
func (a *anchorer) leadTimex() int {
	for k, x := range a.tx {
		if (x.Type == TypeDate || x.Type == TypeTime) && x.Earliest != "" && x.Latest != "" && x.Anchor == "" {
			return k
		}
	}
	return -1
}

// solve propagates intervals through the relations until nothing changes.
func (a *anchorer) solve() {
	lead := a.leadTimex()
	// a governor with no date of its own takes the lead date
	for _, r := range a.rels {
		if r.gov < 0 {
			if !a.iv[r.anc].ok && r.known {
				x := a.tx[r.govTx]
				lo, _ := parseDay(x.Earliest)
				hi, _ := parseDay(x.Latest)
				shift := r.dir * r.off
				a.iv[r.anc] = interval{lo - shift - r.vague, hi - shift + r.vague, true}
				et := a.derivedFrom(r.anc, x.Value, x.ID, -shift, r)
				et.Derivation += " from the lead date (assumed: the article's main event)"
				a.out[r.anc] = et
			}
			continue
		}
		if a.iv[r.gov].ok || a.iv[r.anc].ok || lead < 0 || r.dir == 0 || !r.known {
			continue
		}
		x := a.tx[lead]
		lo, _ := parseDay(x.Earliest)
		hi, _ := parseDay(x.Latest)
		a.iv[r.gov] = interval{lo, hi, true}
		a.out[r.gov] = sitrep.EventTime{Value: x.Value, Earliest: x.Earliest, Latest: x.Latest, Anchor: x.ID,
			Derivation: "lead date " + x.ID + " " + x.Value + " (assumed: the article's main event)"}
	}
	for round := 0; round < 8; round++ {
		changed := false
		for _, r := range a.rels {
			if r.dir == 0 && r.gov >= 0 && a.iv[r.anc].ok && !a.iv[r.gov].ok && !a.dct.IsZero() {
				// "fighting has continued since the invasion": from the
				// anchor's start up to the DCT
				an := a.iv[r.anc]
				if hi := dayNum(a.dct); hi >= an.lo {
					a.iv[r.gov] = interval{an.lo, hi, true}
					base := a.out[r.anc].Value
					if base == "" {
						base = formatYMD(dayOf(an.lo))
					}
					a.out[r.gov] = sitrep.EventTime{Value: base, Earliest: formatYMD(dayOf(an.lo)), Latest: formatYMD(dayOf(hi)), Anchor: a.ev[r.anc].ID,
						Derivation: "since " + a.ev[r.anc].ID + " " + base + ": from then up to the DCT " + formatYMD(a.dct)}
					changed = true
				}
				continue
			}
			if !r.known || r.dir == 0 || r.gov < 0 {
				continue // vague offsets give an order, no interval
			}
			g, an := a.iv[r.gov], a.iv[r.anc]
			shift := r.dir * r.off
			if g.ok && !an.ok {
				a.iv[r.anc] = interval{g.lo - shift - r.vague, g.hi - shift + r.vague, true}
				a.out[r.anc] = a.derived(r.anc, r.gov, -shift, r)
				changed = true
			} else if an.ok && !g.ok {
				a.iv[r.gov] = interval{an.lo + shift - r.vague, an.hi + shift + r.vague, true}
				a.out[r.gov] = a.derived(r.gov, r.anc, shift, r)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// purposes dates an undated event that is the purpose or result of a dated
// one in its sentence by a to-infinitive ("Kim met Putin to sign a pact",
// "troops were sent to reinforce the front"): the two happen together, as
// far as the text says. The infinitive must follow the governing trigger
// within the same clause (no comma, semicolon or other trigger between).
func (a *anchorer) purposes() {
	for i, e := range a.ev {
		if a.iv[i].ok {
			continue
		}
		ti := a.d.TokenAt(e.Start)
		if ti <= 0 || ti >= len(a.d.Tokens) || a.word(ti-1) != "to" {
			continue
		}
		// The governing event: the nearest earlier trigger in the sentence.
		gov := -1
		for j := i - 1; j >= 0; j-- {
			if a.ev[j].Sentence != e.Sentence {
				break
			}
			if a.ev[j].End <= e.Start {
				gov = j
				break
			}
		}
		if gov < 0 || !a.iv[gov].ok {
			continue
		}
		clause := true
		for k := a.d.TokenAt(a.ev[gov].End); k < ti-1; k++ {
			switch a.word(k) {
			case ",", ";", ":", "(", ")", "—", "–", "and", "but", "which", "who", "that":
				clause = false
			}
		}
		if !clause || ti-1-a.d.TokenAt(a.ev[gov].End) > 8 {
			continue
		}
		a.iv[i] = a.iv[gov]
		g := a.out[gov]
		a.out[i] = sitrep.EventTime{Value: g.Value, Earliest: g.Earliest, Latest: g.Latest, Anchor: a.ev[gov].ID,
			Derivation: "purpose of " + a.ev[gov].ID + " (to-infinitive): same time as it"}
		a.extra = append(a.extra, sitrep.TLink{From: e.ID, To: a.ev[gov].ID, Rel: "SIMULTANEOUS"})
		if a.purpose == nil {
			a.purpose = map[int]bool{}
		}
		a.purpose[i] = true
	}
}

// derived fills the EventTime of event i from event j shifted by shift days.
func (a *anchorer) derived(i, j, shift int, r relation) sitrep.EventTime {
	base := a.out[j].Value
	if base == "" {
		base = formatYMD(dayOf((a.iv[j].lo + a.iv[j].hi) / 2))
	}
	return a.derivedFrom(i, base, a.ev[j].ID, shift, r)
}

// derivedFrom fills the EventTime of event i from a base value (named by
// anchor) shifted by shift days; a.iv[i] already holds the interval.
func (a *anchorer) derivedFrom(i int, base, anchor string, shift int, r relation) sitrep.EventTime {
	iv := a.iv[i]
	mid := dayOf((iv.lo + iv.hi) / 2)
	word := "plus"
	if shift < 0 {
		word = "minus"
	}
	sig := "after"
	if r.dir < 0 {
		sig = "before"
	}
	return sitrep.EventTime{
		Value:      formatYMD(mid),
		Earliest:   formatYMD(dayOf(iv.lo)),
		Latest:     formatYMD(dayOf(iv.hi)),
		Anchor:     anchor,
		Derivation: base + " " + word + " " + r.offset + " (" + sig + ", ±" + strconv.Itoa(r.vague) + " days)",
	}
}

// laterFromDate places the undated events of a sentence with "<duration>
// later|earlier" (no anchor event found) from the last date the text named
// before it: "The ceasefire collapsed on March 1. A week later, fighting
// resumed" with no event detected for the collapse.
func (a *anchorer) laterFromDate() {
	for _, x := range a.tx {
		if x.Type != TypeDuration || x.Sentence < 0 || x.Sentence >= len(a.d.Sentences) {
			continue
		}
		k := a.d.TokenAt(x.End)
		if k >= a.d.Sentences[x.Sentence].Last {
			continue
		}
		dir := 0
		switch a.word(k) {
		case "later":
			dir = 1
		case "earlier":
			dir = -1
		default:
			continue
		}
		off, vague, known := durationDays(x.Value)
		if !known {
			continue
		}
		prev := -1
		for i, y := range a.tx {
			if y.End <= x.Start && (y.Type == TypeDate || y.Type == TypeTime) && y.Earliest != "" && y.Latest != "" {
				prev = i
			}
		}
		if prev < 0 {
			continue
		}
		y := a.tx[prev]
		lo, _ := parseDay(y.Earliest)
		hi, _ := parseDay(y.Latest)
		shift := dir * off
		r := relation{dir: dir, off: off, vague: vague, offset: x.Value}
		for _, e := range a.eventsIn(x.Sentence) {
			if a.iv[e].ok {
				continue
			}
			a.iv[e] = interval{lo + shift - vague, hi + shift + vague, true}
			a.out[e] = a.derivedFrom(e, y.Value, y.ID, shift, r)
		}
	}
}

// fallback gives events with no information the DCT window.
func (a *anchorer) fallback() {
	if a.dct.IsZero() {
		return
	}
	for i := range a.ev {
		if a.iv[i].ok {
			continue
		}
		d := time.Date(a.dct.Year(), a.dct.Month(), a.dct.Day(), 12, 0, 0, 0, time.UTC)
		how := "dct"
		if m := a.ev[i].Modality; m == sitrep.ModalityPossible || m == sitrep.ModalityFuture {
			switch a.aspectOf(i) {
			case aspPast, aspPerfect, aspPastPerfect:
				// "may have prevented", "allegedly rented": uncertain, but
				// done by the article's date, not to come
				how = "dct (" + m + ", past tense: by the article's date)"
			}
		}
		a.out[i] = sitrep.EventTime{Value: "", Earliest: formatYMD(d.AddDate(0, -1, 0)), Latest: formatYMD(d), Anchor: "dct", Derivation: how}
	}
}
