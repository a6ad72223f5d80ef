// Package modality says how sure a text is of an event or a figure: asserted
// by the article, reported or believed by someone, possible, future, or
// negated. It looks at the cues in a small window of the span's clause and
// at the attribution (quote) the span sits in.
//
// Precedence: negated > possible/future (the nearer cue wins) > the
// attribution's modality (reported, believed, negated) > asserted.
//
// Cues, all within the span's clause (the window stops at clause
// punctuation and at words that open another clause):
//
//	possible: could, may, might, possibly, perhaps, likely, probably, "up to"
//	future:   will, 'll, shall, "plans to", "is expected to", "is set to",
//	          "going to", "intends to", "aims to"; would after a reporting verb
//	          ("said he would") — elsewhere would is possible
//	negated:  not, n't, never, no, denied, without, failed to, refused to
//
// Negation counts only when it scopes over the span: it stands before the
// span in its clause with no reporting verb between them ("did not say
// troops crossed" does not deny the crossing), or is "no" or "without"
// right before the span. "Not … until X" asserts that the event happened
// at X: "wasn't acknowledged until April", "did not arrive until Monday"
// are not negated.
package modality

import (
	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// window is how many tokens before the span Of looks at.
const window = 8

// Of returns the modality of span and the quote whose content holds it
// (nil when the article itself asserts it).
func Of(doc *text.Doc, span sitrep.Span, quotes []sitrep.Quote) (string, *sitrep.Quote) {
	var q *sitrep.Quote
	for i := range quotes {
		c := sitrep.Span{Start: quotes[i].Start, End: quotes[i].End}
		if span.Start >= c.Start && span.End <= c.End {
			// the innermost (shortest) wins
			if q == nil || c.Len() < q.End-q.Start {
				q = &quotes[i]
			}
		}
	}
	m := cues(doc, span)
	if m != "" {
		return m, q
	}
	if q != nil && q.Modality != "" {
		return q.Modality, q
	}
	if q != nil {
		return sitrep.ModalityReported, q
	}
	return sitrep.ModalityAsserted, nil
}

// cues scans the tokens before span (and the two after, for "up to" and
// "not" after an auxiliary) within its clause.
func cues(doc *text.Doc, span sitrep.Span) string {
	k := doc.TokenAt(span.Start)
	if k >= len(doc.Tokens) {
		return ""
	}
	si := doc.SentenceOf(doc.Tokens[k].Start)
	first := 0
	if si >= 0 {
		first = doc.Sentences[si].First
	}
	neg, mod := "", ""
	modDist := 1 << 30
	reported := false // a reporting verb stands between the token and the span
	for j := k - 1; j >= first && j >= k-window; j-- {
		info := tokInfo(doc, j)
		if info.brk {
			break
		}
		var c string
		switch int(info.class) {
		case cNeg:
			if neg == "" && !reported && !notOnly(doc, j) && (!weakNeg(doc.Tok(j)) || j >= k-5) {
				neg = sitrep.ModalityNegated
			}
			continue
		case cReport:
			reported = true
			continue
		case cPossible:
			c = sitrep.ModalityPossible
		case cFuture:
			c = sitrep.ModalityFuture
		case cWould:
			c = sitrep.ModalityPossible
			if reportedBefore(doc, first, j) {
				c = sitrep.ModalityFuture
			}
		case cTo:
			// "plans to", "expected to", "set to", "going to"
			if j > first {
				switch tokInfo(doc, j-1).class {
				case cPlan:
					c = sitrep.ModalityFuture
				case cFail:
					if neg == "" {
						neg = sitrep.ModalityNegated
					}
					continue
				}
			}
		case cUp:
			// "up to 30,000": the figure's own qualifier
			if j+1 < len(doc.Tokens) && doc.Tok(j+1) == "to" && j+2 >= k {
				c = sitrep.ModalityPossible
			}
		}
		if c != "" && k-j < modDist {
			mod, modDist = c, k-j
		}
	}
	if neg != "" && !untilAfter(doc, span) {
		return neg
	}
	return mod
}

// notOnly reports "not only", "not just", "not least" at token j: emphasis,
// not negation.
func notOnly(doc *text.Doc, j int) bool {
	if j+1 >= len(doc.Tokens) {
		return false
	}
	switch doc.Tok(j + 1) {
	case "only", "just", "least", "merely", "simply":
		return true
	}
	return false
}

// weakNeg reports negators that deny only what they stand close before:
// "no troops", "no troops would be sent", "without support".
func weakNeg(w string) bool {
	switch w {
	case "no", "No", "without", "Without", "neither", "Neither", "nor":
		return true
	}
	return false
}

// untilAfter reports "until" or "till" a few tokens after the span in its
// clause: "not … until X" says the event did happen, at X.
func untilAfter(doc *text.Doc, span sitrep.Span) bool {
	k := doc.TokenAt(span.End)
	for j := k; j < len(doc.Tokens) && j < k+6; j++ {
		w := doc.Tok(j)
		if doc.Tokens[j].Start < span.End {
			continue
		}
		switch w {
		case "until", "Until", "till", "til":
			return true
		case ",", ";", ":", ".", "—", "and", "but", "because", "which", "who", "that":
			return false
		}
	}
	return false
}

// reportedBefore reports a reporting verb shortly before token j: "said he
// would", "told lawmakers it would".
func reportedBefore(doc *text.Doc, first, j int) bool {
	for i := j - 1; i >= first && i >= j-5; i-- {
		if tokInfo(doc, i).class == cReport {
			return true
		}
	}
	return false
}

// clauseBreaks end the span's clause looking back (compared as written).
var clauseBreaks = []string{",", ";", ":", "(", ")", "—", "–", "“", "”", "\"", "but", "and", "or", "because", "while", "although", "though",
	"which", "who", "whom", "where", "when", "after", "before", "since", "if", "unless", "whereas",
	"that", "whether", "until", "than", "how", "what", "why"}

// Word classes.
const (
	cNone = iota
	cNeg
	cPossible
	cFuture
	cWould
	cTo
	cPlan
	cFail
	cUp
	cReport
)

// classWords are the cue words of each class, in lower case; a capital
// first letter (sentence-initial) keeps the class.
var classWords = [...][]string{
	cNeg:      {"not", "n't", "n’t", "never", "no", "denied", "denies", "deny", "without", "neither", "nor"},
	cPossible: {"could", "may", "might", "possibly", "perhaps", "likely", "probably", "potentially", "reportedly", "allegedly", "can"},
	cFuture:   {"will", "'ll", "’ll", "shall", "wo"},
	cWould:    {"would", "'d", "’d"},
	cTo:       {"to"},
	cPlan: {"plans", "planned", "plan", "planning", "expected", "set", "going", "intends", "intended", "aims", "aimed", "scheduled", "due", "poised", "about",
		"preparing", "prepares", "threatened", "threatens", "vowed", "promised", "pledged"},
	cFail: {"failed", "fails", "refused", "refuses", "declined"},
	cUp:   {"up"},
	cReport: {"said", "says", "say", "told", "tell", "added", "stated", "announced", "warned", "claimed", "insisted", "believed", "believe",
		"thought", "think", "predicted", "estimated", "argued", "noted", "confirm", "confirmed", "know", "knew", "expect"},
}

// wordInfo is what the cue scan needs of a token: whether it ends the
// clause and its class.
type wordInfo struct {
	brk   bool
	class uint8
}

// wordInfos maps tokens, as written, to their wordInfo.
var wordInfos = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	for c, ws := range classWords {
		for _, w := range ws {
			forms := []string{w}
			if w[0] >= 'a' && w[0] <= 'z' {
				forms = append(forms, string(w[0]-'a'+'A')+w[1:])
			}
			for _, f := range forms {
				if i := m[f]; i.class == cNone {
					i.class = uint8(c)
					m[f] = i
				}
			}
		}
	}
	for _, w := range clauseBreaks {
		i := m[w]
		i.brk = true
		m[w] = i
	}
	return m
}()

// words is wordInfos as a WordMap, for the tokens longer than eight bytes
// (see tokInfo).
var words = text.NewWordMap(wordInfos)

// tokInfo returns words' wordInfo of token j of doc (the zero wordInfo
// for the other tokens). Most tokens have seven bytes or fewer: those are
// read as one integer and looked up in shortKeys, with no string hashed or
// compared; the longer ones go to words.
func tokInfo(doc *text.Doc, j int) wordInfo {
	t := doc.Tokens[j]
	n := t.End - t.Start
	if n > 7 || n <= 0 {
		i, _ := words.Get(doc.Text[t.Start:t.End])
		return i
	}
	var x uint64
	if s := doc.Text; t.Start+8 <= len(s) {
		x = load64(s, t.Start) & (1<<(8*n) - 1)
	} else {
		for k := n - 1; k >= 0; k-- {
			x = x<<8 | uint64(s[t.Start+k])
		}
	}
	x |= uint64(n) << 56
	hx := x * 0x9e3779b97f4a7c15
	if shortFilter[hx>>60]&(1<<(hx>>54&63)) == 0 {
		return wordInfo{} // most tokens: two cache lines tell
	}
	for h := int(hx>>45) & (len(shortKeys) - 1); ; h = (h + 1) & (len(shortKeys) - 1) {
		switch shortKeys[h] {
		case x:
			return shortInfos[h]
		case 0:
			return wordInfo{}
		}
	}
}

// shortKeys holds the keys of wordInfos of up to seven bytes, each packed
// into an integer (see shortKey; 0 marks a free slot), open-addressed by
// bits 45-53 of the key times a Fibonacci constant and at most half full;
// shortInfos holds their wordInfo, slot for slot. shortFilter has, for
// each key, the bit that the top ten bits of that product select:
// those 128 bytes answer most tokens, that are no key.
var shortKeys, shortInfos, shortFilter = func() (keys [512]uint64, infos [512]wordInfo, filter [16]uint64) {
	for w, info := range wordInfos {
		if len(w) > 7 {
			continue
		}
		x := shortKey(w)
		hx := x * 0x9e3779b97f4a7c15
		filter[hx>>60] |= 1 << (hx >> 54 & 63)
		h := int(hx>>45) & (len(keys) - 1)
		for keys[h] != 0 {
			h = (h + 1) & (len(keys) - 1)
		}
		keys[h], infos[h] = x, info
	}
	return keys, infos, filter
}()

// shortKey packs a word of one to seven bytes into an integer: its bytes
// little-endian, its length in the top byte.
func shortKey(w string) uint64 {
	var x uint64
	for k := len(w) - 1; k >= 0; k-- {
		x = x<<8 | uint64(w[k])
	}
	return x | uint64(len(w))<<56
}

// load64 returns the eight bytes of s at i as a little-endian word (one
// load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
