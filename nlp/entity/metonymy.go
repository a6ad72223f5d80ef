package entity

import (
	"strings"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// Metonymy is decided by context: a capital or seat of power used as an
// actor stands for its country's government, used as a place it stays a
// place. These word lists are the cues.

// locPreps before a name make it a place.
var locPreps = newExactSet(map[string]bool{
	"in": true, "at": true, "from": true, "to": true, "into": true, "near": true, "outside": true,
	"around": true, "across": true, "via": true, "toward": true, "towards": true, "through": true,
	"inside": true, "within": true, "of": true, "visit": true, "visited": true, "visiting": true,
	"for": true, "over": true, "on": true, "arrived": true, "reached": true,
})

// auxVerbs after a name make it a subject.
var auxVerbs = newExactSet(map[string]bool{
	"is": true, "was": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"could": true, "can": true, "may": true, "might": true, "must": true, "should": true, "did": true,
	"does": true, "were": true, "are": true, "said": true, "says": true, "wants": true, "hopes": true,
})

// adverbs may stand between a subject and its verb.
var adverbs = newExactSet(map[string]bool{
	"also": true, "reportedly": true, "again": true, "now": true, "still": true, "already": true,
	"then": true, "later": true, "too": true, "has": false, "allegedly": true, "repeatedly": true,
	"never": true, "recently": true, "previously": true, "officially": true, "quickly": true,
})

// actorAt reports whether the phrase at tokens [first, last) of sentence s
// is used as an actor: possessive ("Pyongyang's forces"), subject of a verb
// ("Pyongyang also supplied", "Seoul and Washington have agreed"), "X and
// its allies", the source in "according to X", or the object of a verb or
// of "with", "against", "between" ("talks with Washington", "urged
// Beijing").
func actorAt(doc *text.Doc, first, last int, s text.Sentence) bool {
	if p := first - 1; p >= s.First {
		w := strings.ToLower(doc.Tok(p))
		if actorPreps.has(w) || w == "to" && p > s.First && strings.EqualFold(doc.Tok(p-1), "according") {
			return true
		}
		if locPreps.has(w) || placeVerbs.has(w) {
			return false
		}
		if isVerbish(w) {
			return true
		}
	}
	j := last
	// coordinated names: "Seoul and Washington have agreed"
	for k := 0; k < 3 && j+1 < s.Last; k++ {
		w := doc.Tok(j)
		if w != "and" && w != "," || !startsUpperASCII(doc.Tok(j+1)) {
			break
		}
		j += 2
		for j < s.Last && startsUpperASCII(doc.Tok(j)) {
			j++
		}
	}
	if j >= s.Last {
		return false
	}
	w := doc.Tok(j)
	if w == "'s" || w == "’s" || w == "'" || w == "’" {
		return j == last
	}
	if j == last && inLower(spokesWords, w) {
		// "White House spokesman", "Kremlin officials"
		return true
	}
	if w == "and" && j+1 < s.Last {
		n := doc.Tok(j + 1)
		if n == "its" || n == "their" {
			return true
		}
	}
	for k := 0; k < 3 && j < s.Last; k++ {
		w = doc.Tok(j)
		if adverbs.has(w) {
			j++
			continue
		}
		return auxVerbs.has(w) || isVerbish(w)
	}
	return false
}

// spokesWords after a seat of power make it the institution.
var spokesWords = newLowerSet(map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true, "officials": true,
	"aide": true, "aides": true, "adviser": true, "advisers": true, "advisor": true, "advisors": true,
	"source": true, "sources": true, "press": true, "chief": true, "statement": true,
})

// actorPreps before a seat of power make it a party, not a place.
var actorPreps = newExactSet(map[string]bool{"with": true, "against": true, "between": true, "urged": true, "accused": true})

// placeVerbs before a name take a place as their object.
var placeVerbs = newExactSet(map[string]bool{
	"visited": true, "visits": true, "reached": true, "reaches": true, "entered": true, "enters": true,
	"left": true, "leaves": true, "arrived": true, "arrives": true, "landed": true, "lands": true,
	"struck": true, "strikes": true, "hit": true, "hits": true, "bombed": true, "shelled": true,
	"captured": true, "captures": true, "flew": true, "returned": true, "returns": true, "based": true,
})

// isVerbish guesses a finite verb from its form: a lower-case word ending
// in -ed or -s (not -ss, -us, -is).
func isVerbish(w string) bool {
	if len(w) < 4 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ed"):
		return true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return true
	}
	return false
}

// placeAt reports whether the phrase is used as a place: after a locative
// preposition (possibly with "the" between) or a verb of movement or
// attack ("visited", "struck").
func placeAt(doc *text.Doc, first, sentFirst int) bool {
	j := first - 1
	if j >= sentFirst && strings.EqualFold(doc.Tok(j), "the") {
		j--
	}
	if j < sentFirst {
		return false
	}
	w := strings.ToLower(doc.Tok(j))
	if w == "to" && j > sentFirst && strings.EqualFold(doc.Tok(j-1), "according") {
		return false
	}
	return locPreps.has(w) || placeVerbs.has(w)
}
