package quantity

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// This file gives a unit to figures that have no noun after them, from
// the clause they complete:
//
//   - a predicate figure takes the unit of its subject or object noun:
//     "the death toll has risen to 112", "casualties reached 40", "the
//     number of displaced rose to 9,000", "puts the toll at more than 200",
//     "a death toll of 112" (subjects.txt lists the nouns; "number of X"
//     takes X's unit from units.txt);
//   - a bare count whose noun is elided takes its unit from the verb after
//     it: "more than 9,000 were forced from their homes" (displaced), "190
//     died" (killed); see predicateCasualty.
//
// A figure whose object noun follows an estimating verb ("the government
// puts the toll at 131") is attributed to that verb's subject.

// levelVerbs link a subject noun to the level it reaches: "the toll rose
// to 112", "stands at 164", "reached 40".
var levelVerbs = text.NewWordMap(map[string]bool{
	"rise": true, "rises": true, "rose": true, "risen": true, "rising": true,
	"climb": true, "climbs": true, "climbed": true, "climbing": true,
	"reach": true, "reaches": true, "reached": true, "reaching": true,
	"stand": true, "stands": true, "stood": true, "standing": true,
	"pass": true, "passes": true, "passed": true, "passing": true,
	"exceed": true, "exceeds": true, "exceeded": true, "exceeding": true,
	"top": true, "tops": true, "topped": true, "topping": true,
	"hit": true, "hits": true, "hitting": true,
	"surpass": true, "surpasses": true, "surpassed": true,
	"jump": true, "jumps": true, "jumped": true, "jumping": true,
	"increase": true, "increases": true, "increased": true, "increasing": true,
	"grow": true, "grows": true, "grew": true, "grown": true, "growing": true,
	"total": true, "totals": true, "totalled": true, "totaled": true, "totalling": true, "totaling": true,
	"near": true, "nears": true, "neared": true, "nearing": true,
	"approach": true, "approaches": true, "approached": true, "approaching": true,
	"fall": true, "falls": true, "fell": true, "fallen": true, "falling": true,
	"drop": true, "drops": true, "dropped": true, "dropping": true,
	"decline": true, "declines": true, "declined": true,
	"remain": true, "remains": true, "remained": true, "remaining": true,
	"revised": true, "raised": true, "lowered": true, "soared": true, "soars": true, "mounted": true, "mounts": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "stay": true, "stays": true, "stayed": true,
})

// revisionVerbs move a figure "up to" or "down to" a new level.
var revisionVerbs = text.NewWordMap(map[string]bool{"revised": true, "revises": true, "raised": true, "raises": true, "pushed": true,
	"pushes": true, "pushing": true, "brought": true, "brings": true, "bringing": true, "taking": true, "took": true,
	"takes": true, "lowered": true, "moved": true, "went": true, "goes": true, "gone": true})

// thresholdVerbs say the level is beyond the figure: "the toll passed
// 100" is at least 100, not 100.
var thresholdVerbs = text.NewWordMap(map[string]bool{
	"pass": true, "passes": true, "passed": true, "passing": true, "exceed": true, "exceeds": true, "exceeded": true,
	"exceeding": true, "top": true, "tops": true, "topped": true, "topping": true, "surpass": true, "surpasses": true,
	"surpassed": true,
})

// verbFillers may stand between a subject and its level verb, or between
// the verb and its preposition: "has now risen", "was revised up to".
var verbFillers = text.NewWordMap(map[string]bool{
	"has": true, "have": true, "had": true, "been": true, "is": true, "was": true, "are": true, "were": true,
	"now": true, "already": true, "further": true, "officially": true, "reportedly": true, "since": true, "also": true,
	"then": true, "later": true, "up": true, "upward": true, "upwards": true, "down": true, "downward": true,
	"could": true, "may": true, "might": true, "will": true, "would": true, "expected": true, "likely": true, "to": true,
	"be": true, "feared": true, "set": true, "sharply": true, "steadily": true, "quickly": true, "so": true, "far": true,
})

// estimateVerbs put an object noun at a figure, and make their subject
// the figure's source: "the Red Cross puts the toll at 200".
var estimateVerbs = text.NewWordMap(map[string]bool{
	"put": true, "puts": true, "putting": true, "place": true, "places": true, "placed": true, "placing": true,
	"estimate": true, "estimates": true, "estimated": true, "estimating": true, "give": true, "gives": true, "gave": true,
	"set": true, "sets": true, "raised": true, "raises": true, "raise": true, "revised": true, "revises": true,
	"lowered": true, "lowers": true, "fixed": true, "fixes": true,
})

// subjectStops end the search for a subject noun: a new clause begins.
var subjectStops = text.NewWordMap(map[string]bool{
	"that": true, "while": true, "when": true, "after": true, "before": true,
	"because": true, "but": true, "as": true, "said": true, "says": true, "say": true, "if": true, "whereas": true,
})

// npDeterminers may open the object noun phrase of an estimating verb.
var npDeterminers = text.NewWordMap(map[string]bool{
	"the": true, "its": true, "their": true, "his": true, "her": true, "a": true, "an": true, "official": true,
	"overall": true, "total": true, "final": true, "latest": true, "new": true, "confirmed": true, "provisional": true,
})

// wordAt returns token k lower-cased when it is a word, else "".
func (sc *Scanner) wordAt(k int, buf []byte) string {
	if k < 0 || k >= len(sc.toks) || sc.toks[k].kind != tWord {
		return ""
	}
	t := sc.tokText(k)
	if len(t) > len(buf) {
		return strings.ToLower(t)
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= 'A' && c <= 'Z' {
			return string(lowerASCII(t, buf))
		}
	}
	return t // already lower case: no copy
}

// predicateSubject finds the subject or object noun that gives figure f
// its unit when no noun follows the number. lo is the first token the
// search may look at (the sentence's start). It returns the unit and
// category and, after an estimating verb, the byte span of the verb's
// subject (srcStart < srcEnd) as the figure's source.
func predicateSubject(sc *Scanner, f *figure, lo int) (unit, cat string, srcStart, srcEnd int) {
	lx := lex3()
	var buf [24]byte
	k0 := sc.tokenAtOffset(f.start)
	k := k0 - 1
	if k < lo {
		return "", "", 0, 0
	}
	prep := sc.wordAt(k, buf[:])
	switch prep {
	case "to", "at", "of", "from":
		k--
	default:
		prep = ""
	}
	if w := sc.wordAt(k0, buf[:]); is(levelVerbs, w) && k0 < sc.tokenAtOffset(f.numStart) {
		// the verb was read as the qualifier: "the toll now exceeds 1,000"
		k, prep = k0, ""
	} else if (w == "up" || w == "down") && sc.wordAt(k0+1, buf[:]) == "to" && f.max.ok && !f.value.ok {
		// "revised the death toll up to 73" is 73, not at most 73
		if e, first, ok := sc.phraseBefore(k0, lex3().subjects, 3); ok && first >= lo {
			f.value, f.max, f.qualifier, f.start = f.max, optional{}, "", f.numStart
			srcStart, srcEnd = estimateSource(sc, first, lo)
			return e.a, e.b, srcStart, srcEnd
		} else if is(revisionVerbs, sc.wordAt(k0-1, buf[:])) {
			// "the toll was revised up to 73"
			f.value, f.max, f.qualifier, f.start = f.max, optional{}, "", f.numStart
			k, prep = k0-1, ""
		}
	}
	if k < lo {
		return "", "", 0, 0
	}
	// object pattern: "puts the death toll at 131", "a death toll of 112"
	if prep == "at" || prep == "of" {
		if e, first, ok := sc.phraseBefore(k+1, lx.subjects, 3); ok && first >= lo {
			unit, cat = e.a, e.b
			head := strings.ToLower(sc.tokText(k))
			tally := strings.Contains(head, "toll") || head == "count" || head == "caseload" || head == "figures"
			if prep == "of" && !tally {
				return "", "", 0, 0 // "the dead of 1990": only tolls take "of"
			}
			if w := sc.wordAt(first-1, buf[:]); !tally && !is(npDeterminers, w) && w != "of" {
				return "", "", 0, 0 // "found dead at 40 Main Street"
			}
			if prep == "at" {
				srcStart, srcEnd = estimateSource(sc, first, lo)
			}
			return unit, cat, srcStart, srcEnd
		}
	}
	// skip "from 100" in "rose from 100 to 112"
	if prep == "to" && k-1 >= lo && sc.toks[k].kind == tNum && sc.wordAt(k-1, buf[:]) == "from" {
		k -= 2
	}
	// fillers between the verb and the preposition: "revised up to"
	for k >= lo && is(verbFillers, sc.wordAt(k, buf[:])) && !is(levelVerbs, sc.wordAt(k, buf[:])) {
		k--
	}
	if k < lo || !is(levelVerbs, sc.wordAt(k, buf[:])) {
		return "", "", 0, 0
	}
	verb := k
	f.beyond = is(thresholdVerbs, sc.wordAt(verb, buf[:])) && prep == ""
	k--
	for k >= lo && is(verbFillers, sc.wordAt(k, buf[:])) {
		k--
	}
	// the subject noun: the nearest known one within a few words
	for j := k; j >= lo && j > verb-10; j-- {
		t := sc.toks[j]
		if t.kind == tNum {
			break
		}
		if t.kind == tPunct {
			if c := sc.tokText(j); c == "-" || c == "'" || c == "’" {
				continue
			}
			break
		}
		w := sc.wordAt(j, buf[:])
		if is(subjectStops, w) {
			break
		}
		if e, _, ok := sc.phraseBefore(j+1, lx.subjects, 3); ok {
			return e.a, e.b, 0, 0
		}
		// "the number of people killed", "the total number of employees"
		if (w == "number" || w == "tally" || w == "count") && j+2 <= k && sc.wordAt(j+1, buf[:]) == "of" {
			if e, end, ok := sc.phraseAt(j+2, lx.units, 4); ok {
				g := figure{unit: e.a, cat: e.b}
				predicateCasualty(sc, &g, end)
				return g.unit, g.cat, 0, 0
			}
			return "", "", 0, 0
		}
	}
	return "", "", 0, 0
}

// estimateSource returns the byte span of the subject of an estimating
// verb before the object noun phrase starting at token first: "The
// government now puts [the death toll] at 131" -> "The government".
func estimateSource(sc *Scanner, first, lo int) (int, int) {
	var buf [24]byte
	k := first - 1
	for k >= lo {
		w := sc.wordAt(k, buf[:])
		if !is(npDeterminers, w) && w != "of" && w != "number" && w != "count" && w != "tally" {
			break
		}
		k--
	}
	if k < lo || !is(estimateVerbs, sc.wordAt(k, buf[:])) {
		return 0, 0
	}
	k--
	for k >= lo && is(verbFillers, sc.wordAt(k, buf[:])) {
		k--
	}
	end := k
	for k >= lo && end-k < 6 {
		t := sc.toks[k]
		if t.kind == tPunct {
			if c := sc.tokText(k); c == "'" || c == "’" || c == "." || c == "-" {
				k--
				continue
			}
			break
		}
		if t.kind != tWord || is(subjectStops, sc.wordAt(k, buf[:])) || is(functionWords, sc.wordAt(k, buf[:])) && sc.wordAt(k, buf[:]) != "the" && sc.wordAt(k, buf[:]) != "of" {
			break
		}
		k--
	}
	start := k + 1
	for start <= end && (sc.toks[start].kind != tWord || sc.wordAt(start, buf[:]) == "of") {
		start++
	}
	if start > end {
		return 0, 0
	}
	return sc.toks[start].start, sc.toks[end].end
}

// healthWords mark a sentence about disease, where "cases" are patients,
// not lawsuits or crates.
var healthWords = text.NewWordMap(map[string]bool{
	"cholera": true, "measles": true, "malaria": true, "dengue": true, "ebola": true, "covid": true, "covid-19": true,
	"coronavirus": true, "virus": true, "viral": true, "flu": true, "influenza": true, "mpox": true, "polio": true,
	"typhoid": true, "tuberculosis": true, "diarrhoea": true, "diarrhea": true, "hepatitis": true, "infection": true,
	"infections": true, "infected": true, "disease": true, "diseases": true, "outbreak": true, "outbreaks": true,
	"epidemic": true, "pandemic": true, "health": true, "hospital": true, "hospitals": true, "patients": true,
	"clinic": true, "clinics": true, "confirmed": true, "suspected": true, "tested": true, "positive": true,
	"deaths": true, "vaccine": true, "vaccination": true, "symptoms": true, "illness": true, "aids": true, "hiv": true,
})

// healthSentence reports whether the sentence holding off speaks of
// disease.
func healthSentence(doc *text.Doc, off int) bool {
	si := doc.SentenceOf(off)
	if si < 0 {
		return false
	}
	var buf [16]byte
	sent := doc.Sentences[si]
	for k := sent.First; k < sent.Last; k++ {
		t := doc.Tokens[k]
		if n := t.End - t.Start; n < 3 || n > len(buf) {
			continue
		}
		if v, _ := healthWords.GetBytes(lowerASCII(doc.Text[t.Start:t.End], buf[:])); v {
			return true
		}
	}
	return false
}
