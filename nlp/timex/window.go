package timex

import (
	"strconv"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// Windows from the speech time: a duration that sets a deadline ("within
// two weeks", "a timeline of a couple of weeks", "a ten-day ultimatum") or
// a delay ("will decide in ten days", "after two weeks") in a clause about
// the future places the clause's future events from the time the words
// were said: the day the sentence names before the duration, else the
// DCT. "Within" and deadline nouns give the window from that day to the
// end of the duration; "in" and "after" a window around its end. Both are
// widened by the vagueness of the unit (±3 days for weeks).

// window kinds.
const (
	winWithin = iota + 1 // within, deadline of: [base, base+d]
	winIn                // in, after: around base+d
)

// deadlineNoun reports words that make a following or preceding duration a
// deadline.
func deadlineNoun(w string) bool {
	switch w {
	case "deadline", "deadlines", "timeline", "timeframe", "ultimatum", "window", "grace":
		return true
	}
	return false
}

// futureCue reports words that put a clause in the future or the
// hypothetical.
func futureCue(w string) bool {
	switch w {
	case "will", "would", "'ll", "shall", "wo", "going", "plans", "plan", "planned", "intends", "intend",
		"expects", "expected", "could", "may", "might", "must", "should", "threatened", "threatens",
		"vowed", "vows", "promised", "promises", "warned", "warns", "deadline", "ultimatum", "timeline":
		return true
	}
	return false
}

func isQuoteTok(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''", "'", "‘", "’", "(":
		return true
	}
	return false
}

// windowKind reads the words around duration x and returns its window
// kind and signal token, or 0.
func (a *anchorer) windowKind(x sitrep.Timex) (kind, sig int) {
	first := a.d.TokenAt(x.Start)
	s := a.d.Sentences[x.Sentence]
	k := first - 1
	for k > s.First && (isQuoteTok(a.word(k)) || a.word(k) == "about" || a.word(k) == "around" || a.word(k) == "roughly" || a.word(k) == "some" || a.word(k) == "just" || a.word(k) == "only") {
		k--
	}
	if k < s.First {
		return 0, -1
	}
	lowText := strings.ToLower(x.Text)
	next := strings.HasPrefix(lowText, "the next ") || strings.HasPrefix(lowText, "the coming ")
	switch p := a.word(k); {
	case p == "within":
		return winWithin, k
	case (p == "in" || p == "over" || p == "during") && next:
		return winWithin, k
	case p == "in" || p == "after":
		return winIn, k
	case p == "of" && deadlineNoun(a.word(k-1)):
		return winWithin, k - 1
	}
	e := a.d.TokenAt(x.End)
	for e < s.Last && isQuoteTok(a.word(e)) {
		e++
	}
	if e < s.Last && deadlineNoun(a.word(e)) {
		return winWithin, e // "a two-week deadline"
	}
	return 0, -1
}

// futureBefore reports whether a future cue comes before byte offset off
// in sentence si.
func (a *anchorer) futureBefore(si, off int) bool {
	if si < 0 || si >= len(a.d.Sentences) {
		return false
	}
	s := a.d.Sentences[si]
	for k := s.First; k < s.Last && a.d.Tokens[k].Start < off; k++ {
		w := a.word(k)
		if futureCue(w) || w == "to" && (a.word(k-1) == "set" || a.word(k-1) == "due" || a.word(k-1) == "is" || a.word(k-1) == "are") {
			return true
		}
	}
	return false
}

func reportingEvent(e sitrep.Event) bool {
	if e.Class == "REPORTING" {
		return true
	}
	switch strings.ToLower(e.Text) {
	case "said", "says", "say", "told", "tells", "stated", "announced", "added", "according":
		return true
	}
	return false
}

// futureEvent reports whether event ev is about the future: the events
// layer's modality when it has one, else a future cue before the trigger.
func (a *anchorer) futureEvent(ev sitrep.Event) bool {
	if ev.Modality != "" {
		return ev.Modality == sitrep.ModalityFuture || ev.Modality == sitrep.ModalityPossible
	}
	return a.futureBefore(ev.Sentence, ev.Start)
}

// windows gives the undated future events of a sentence with a deadline
// or delay their window, and records the relation.
func (a *anchorer) windows() {
	for _, x := range a.tx {
		if x.Type != TypeDuration || x.Sentence < 0 || x.Sentence >= len(a.d.Sentences) {
			continue
		}
		off, vague, known := durationDays(x.Value)
		few := false
		if !known {
			// "within weeks", "in the coming months": a few units, taken
			// as up to three, counted as a deadline
			if u := vagueUnitDays(x.Value); u > 0 {
				off, few = 3*u, true
			}
		}
		if off <= 0 {
			continue
		}
		kind, sig := a.windowKind(x)
		if kind == 0 {
			continue
		}
		if few {
			kind = winWithin
		}
		// the speech time: the last day the sentence names before the
		// duration, else the DCT
		base, baseID, baseVal := 0, "dct", ""
		if !a.dct.IsZero() {
			base, baseVal = dayNum(a.dct), formatYMD(a.dct)
		}
		for _, y := range a.tx {
			if y.Sentence == x.Sentence && y.End <= x.Start && (y.Type == TypeDate || y.Type == TypeTime) && y.Earliest != "" && y.Earliest == y.Latest {
				base, _ = parseDay(y.Earliest)
				baseID, baseVal = y.ID, y.Earliest
			}
		}
		if baseVal == "" {
			continue // no DCT and no date: nothing to count from
		}
		lo, hi := base+off-vague, base+off+vague
		how := "in"
		if kind == winWithin {
			lo, how = base, "within"
		}
		if sig >= 0 && deadlineNoun(a.word(sig)) {
			how = a.word(sig)
		}
		sigSpan := sitrep.NewTextSpan(a.d.Text, sitrep.Span{Start: a.d.Tokens[sig].Start, End: a.d.Tokens[sig].End})
		for _, e := range a.eventsIn(x.Sentence) {
			ev := a.ev[e]
			// an event dated only by the speech day ("said on Friday he
			// would impose sanctions within two weeks") is not at that day
			bySpeech := a.iv[e].ok && baseID != "dct" && a.out[e].Anchor == baseID && ev.Time.Earliest == ""
			if a.iv[e].ok && !bySpeech || reportingEvent(ev) {
				continue
			}
			if !a.futureEvent(ev) {
				continue
			}
			a.iv[e] = interval{lo, hi, true}
			from := "DCT " + baseVal
			if baseID != "dct" {
				from = baseID + " " + baseVal
			}
			value, durText := formatYMD(dayOf(base+off)), x.Value
			if few {
				value, durText = "FUTURE_REF", x.Value+" (a few: up to "+strconv.Itoa(off)+" days)"
			}
			a.out[e] = sitrep.EventTime{
				Value:      value,
				Earliest:   formatYMD(dayOf(lo)),
				Latest:     formatYMD(dayOf(hi)),
				Anchor:     baseID,
				Derivation: from + " plus " + durText + " (" + how + ": " + windowWhy(kind) + ", ±" + strconv.Itoa(vague) + " days)",
			}
			rel := "IS_INCLUDED"
			if kind == winIn {
				rel = "AFTER"
			}
			a.extra = append(a.extra, sitrep.TLink{From: ev.ID, To: x.ID, Rel: rel, Offset: x.Value, Signal: sigSpan})
		}
	}
}

// vagueUnitDays is the length in days of the unit of a vague duration
// ("PXW" -> 7), or 0.
func vagueUnitDays(v string) int {
	switch v {
	case "PXD":
		return 1
	case "PXW":
		return 7
	case "PXM":
		return 30
	case "PXQ":
		return 91
	case "PXY":
		return 365
	}
	return 0
}

func windowWhy(kind int) string {
	if kind == winWithin {
		return "a deadline from the speech time"
	}
	return "a delay from the speech time"
}
