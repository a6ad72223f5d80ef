// Package timex finds temporal expressions in English text and normalises
// them to TIMEX3 (TimeML / TempEval-3): type, value and mod, with the
// earliest and latest day each date can mean and a derivation that says
// how the value was found. It also anchors events in time (Anchor).
//
// Tag is the entry point. It runs a token-based matcher over the scanner's
// tokens with small lexicons (month and weekday names, number words, time
// units, relative and fuzzy modifiers), so its cost is one map lookup per
// token plus the grammar around the few temporal words. TagWithPOS is the
// same with part-of-speech tags, which decide the tense that places
// weekdays and underspecified dates better than word lists do.
//
// Conventions follow TimeBank/TempEval-3 practice where the guidelines
// leave a choice: "three days later" is a DURATION with the adverb outside
// (Anchor reads the offset), "a year earlier" a DATE at the granularity of
// the date it counts from, "two to three weeks" one DURATION valued at its
// lower bound, "Friday night" a TIME ("1998-02-13TNI"), weekdays resolved
// against the DCT by tense ("until"/"by" look ahead, "since" back).
package timex

import (
	"strconv"
	"sync"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// TIMEX3 types.
const (
	TypeDate     = sitrep.TimexDate
	TypeTime     = sitrep.TimexTime
	TypeDuration = sitrep.TimexDuration
	TypeSet      = sitrep.TimexSet
)

type tagger struct {
	scratch
	d      *text.Doc
	dct    time.Time
	dctS   string // dct formatted, once needed
	hasDCT bool
	us     []unit
	ref    pt
	refID  string
	hasRef bool
	// the last day-level date: "the next day" counts from it
	refDay    pt
	refDayID  string
	hasRefDay bool
	// the last full date written out with its year, and its sentence: an
	// underspecified date later in that sentence takes that year
	// ("began on Aug. 6, 2024, and by mid-August")
	refYear     int
	refYearSent int
	refYearID   string
	sent        int
	cueAt       int       // unit of the last tense cue found
	tags        []pos.Tag // part-of-speech tags of doc.Tokens, or nil
}

// Tag returns the temporal expressions of doc in text order, with ids "t1",
// "t2", ... and Sentence the index into doc.Sentences. dct is the reference
// time (the document creation time in news); when it is zero, relative
// expressions stay underspecified ("XXXX-04") and get no bounds.
//
// Underspecified dates take their year from the DCT with the tense around
// them deciding between the last occurrence (past) and the next (future);
// anaphoric ones ("a year earlier", "the following day") are resolved
// against the previous date in the text.
func Tag(doc *text.Doc, dct time.Time) []sitrep.Timex {
	return TagWithPOS(doc, dct, nil)
}

// TagWithPOS is Tag with the part-of-speech tags of doc.Tokens (from
// pos.Tagger.Tag), which decide the tense that places weekdays and
// underspecified dates: a past-tense verb (VBD), a perfect (has/had +
// VBN), a modal or "is to" + VB; nouns such as "plans" are no cue. With
// tags nil, or of another length, it is Tag, whose tense comes from word
// lists and "-ed" endings.
func TagWithPOS(doc *text.Doc, dct time.Time, tags []pos.Tag) []sitrep.Timex {
	return tagDoc(doc, dct, tags, true)
}

// tagDoc is TagWithPOS; with skip it passes over the sentences that
// mayHold rules out and the units that noMatch does (tests compare it
// with and without).
func tagDoc(doc *text.Doc, dct time.Time, tags []pos.Tag, skip bool) []sitrep.Timex {
	if len(tags) != len(doc.Tokens) {
		tags = nil
	}
	t := &tagger{d: doc, dct: dct, hasDCT: !dct.IsZero(), refYearSent: -10, tags: tags}
	if t.hasDCT {
		t.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 12, 0, 0, 0, time.UTC)
	}
	longest := 0
	for _, s := range doc.Sentences {
		longest = max(longest, s.Last-s.First)
	}
	sp := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sp)
	if need := longest + longest/4 + 4; cap(sp.units) < need {
		sp.units = make([]unit, 0, need)
	}
	if sp.key == nil {
		sp.key = make([]byte, 0, 32)
	}
	t.scratch = *sp
	defer func() { *sp = t.scratch }()
	tw := triggerWords()
	for si, s := range doc.Sentences {
		if s.First >= s.Last || skip && !mayHold(doc, s.First, s.Last, tw) {
			continue
		}
		t.sent = si
		t.buildUnits(doc, s.First, s.Last)
		t.us = t.scratch.units
		for i := 0; i < len(t.us); {
			u := &t.us[i]
			if u.k == cNone && u.shape == shNone || u.hyph || u.k == cVerbCue || u.k == cPrep && u.v != prAt || u.k == cAnd || u.k == cOf || u.k == cOr || skip && t.noMatch(i) {
				i++
				continue
			}
			m, ok := t.matchAt(i)
			if !ok || m.j <= i || m.j < len(t.us) && t.us[m.j].hyph && m.j > m.i {
				i++
				continue
			}
			t.out = append(t.out, t.emit(m, si, len(t.out)+1))
			i = m.j
		}
	}
	if len(t.out) == 0 {
		return nil
	}
	// the timexes are gathered in the pooled buffer and copied once
	// into a slice of their number: one allocation per document
	out := append([]sitrep.Timex(nil), t.out...)
	clear(t.out) // drop the buffer's references to the text
	t.out = t.out[:0]
	return out
}

// noMatch reports an article or a plain number at unit i before a word of
// no category, at which matchAt finds nothing: two fifths of the units it
// would be tried at. Neither is a quantifier or a fuzzy modifier
// (quantPrefix, fuzzy). After "a" or "an" matchCore would read a
// duration, which needs a unit ("a week", durationOrAgo); after "the"
// the only such words theExpr reads are those of the list ("the present",
// "the near term", "the comparable year-ago quarter", "the period a year
// ago", "the sixties"). A number of other than four digits (no year) is
// read before "am"/"pm", "in the" and a part of the day, a month, "of" and
// a month, or a unit (after "to"/"or" and a number, "1/2", "more" or
// "trading": numberExpr, durationOrAgo), none of them a word of no
// category, or as the second day of "March 5 and 6", which no word may
// follow (secondDay): "3 pct", "10 mln" are none.
func (t *tagger) noMatch(i int) bool {
	u := &t.us[i]
	if u.k == cNum {
		if u.shape != shNone || u.ndig == 0 || u.ndig == 4 || i+1 >= len(t.us) {
			return false
		}
		n := &t.us[i+1]
		return n.k == cNone && n.shape == shNone && n.word
	}
	if u.k != cDet || t.k(i+1) != cNone {
		return false
	}
	if u.v == 1 {
		return true
	}
	switch w := t.word(i + 1); w {
	case "period", "corresponding", "comparable", "year-ago", "year-earlier", "same",
		"near", "short", "long", "full", "whole", "entire", "present":
		return false
	default:
		return decadeWord(w) == 0
	}
}

func (t *tagger) emit(m match, si, n int) sitrep.Timex {
	start, end := t.us[m.i].start, t.us[m.j-1].end
	x := sitrep.Timex{
		ID:    timexID(n),
		Start: start, End: end, Text: t.d.Text[start:end],
		Type: m.typ, Value: m.val, Mod: m.mod,
		Derivation: m.deriv,
		Sentence:   si,
	}
	if x.Derivation == "" {
		x.Derivation = "explicit"
	}
	switch m.anchor {
	case anchorDCT:
		x.Anchor = "dct"
	case anchorRef:
		x.Anchor = t.refID
	case anchorRefDay:
		x.Anchor = t.refDayID
	case anchorYear:
		x.Anchor = t.refYearID
	}
	if m.typ == TypeDate || m.typ == TypeTime {
		if m.hasPt {
			if lo, hi, ok := m.p.bounds(); ok && m.p.known() {
				lo, hi = narrow(lo, hi, m.mod)
				if !lo.IsZero() {
					x.Earliest = formatYMD(lo)
				}
				if !hi.IsZero() {
					if hi.Equal(lo) && x.Earliest != "" && hi.Location() == lo.Location() {
						x.Latest = x.Earliest // the same day: one string
					} else {
						x.Latest = formatYMD(hi)
					}
				}
			}
			if m.p.known() && m.p.g >= gYear && !m.shifted {
				t.ref, t.refID, t.hasRef = m.p, x.ID, true
				if m.p.g >= gDay {
					t.refDay, t.refDayID, t.hasRefDay = m.p, x.ID, true
				}
				if m.anchor == anchorNone && m.p.g >= gDay && m.p.g <= gMinute {
					t.refYear, t.refYearSent, t.refYearID = m.p.y, si, x.ID
				}
			}
		} else if t.hasDCT {
			d := t.dctYMD()
			switch m.val {
			case "PRESENT_REF":
				x.Earliest, x.Latest = d, d
			case "PAST_REF":
				x.Latest = d
			case "FUTURE_REF":
				x.Earliest = d
			}
		}
	}
	return x
}

// timexIDs holds the first ids, "t1", "t2", ... (timexIDs[0] is unused),
// so that emitting a timex allocates no id.
var timexIDs = func() (ids [128]string) {
	for n := 1; n < len(ids); n++ {
		ids[n] = "t" + strconv.Itoa(n)
	}
	return ids
}()

// timexID returns "t" followed by n.
func timexID(n int) string {
	if n < len(timexIDs) {
		return timexIDs[n]
	}
	return "t" + strconv.Itoa(n)
}

// dctYMD returns the DCT as YYYY-MM-DD, formatted once per document.
func (t *tagger) dctYMD() string {
	if t.dctS == "" {
		t.dctS = formatYMD(t.dct)
	}
	return t.dctS
}

// scratchPool keeps the unit buffers between documents: TagWithPOS is
// called once per document, from many goroutines.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// formatYMD is t.Format(ymd) without the layout interpreter, for the
// years it can write as four digits.
func formatYMD(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(ymd)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
