package event

import (
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Roles come from shallow structure: noun-phrase chunks from the tags, the
// subject as the chunk before the verb group, objects and prepositional
// phrases after it, passives ("were sent by"), infinitives and
// coordinations inheriting the governing verb's subject, and for nouns the
// possessor or modifier ("Russia's war", "a Russian offensive") and the
// phrases after ("war against Ukraine", "talks with Kyiv").

// span is a half-open token range [a, b) with the preposition before it.
type phrase struct {
	prep string // lower-cased preposition, "" for a direct object
	a, b int
}

// npInternal reports whether token k can sit inside a noun phrase.
func (x *extractor) npInternal(k int, s text.Sentence) bool {
	switch t := x.tags[k]; {
	case t == pos.DT || t == pos.PDT || t == pos.PRPS || t == pos.CD || t == pos.POS || t == pos.Dollar,
		t.IsAdj(), t.IsNoun():
		return true
	case t == pos.VBN || t == pos.VBG:
		// "an estimated 11,000 troops", "the ruling party"
		return k > s.First && x.tags[k-1] == pos.DT && k+1 < s.Last && (x.tags[k+1] == pos.CD || x.tags[k+1].IsNoun() || x.tags[k+1].IsAdj())
	}
	return false
}

func (x *extractor) isHead(k int) bool {
	t := x.tags[k]
	if t.IsAdj() {
		// a phrase-final adjective is a nominal head: "a major
		// offensive", "the wounded"
		return k+1 >= len(x.tags) || !x.tags[k+1].IsNoun() && !x.tags[k+1].IsAdj() && x.tags[k+1] != pos.CD
	}
	return t.IsNoun() || t == pos.PRP || t == pos.CD || x.entAt[k] >= 0
}

// npLeft returns the first token of the noun phrase ending at token j.
func (x *extractor) npLeft(j int, s text.Sentence) int {
	a := j
	for a > s.First && x.npInternal(a-1, s) && !isDet(x.tags[a]) {
		a--
	}
	return a
}

// npRight returns the end of the noun phrase starting at token k (k itself
// when there is none).
func (x *extractor) npRight(k int, s text.Sentence) int {
	if x.tags[k] == pos.PRP {
		return k + 1
	}
	b := k
	for b < s.Last && (x.npInternal(b, s) || x.entAt[b] >= 0 && b > k) && !(b > k && isDet(x.tags[b])) {
		// After a name only a noun or 's goes on: "North Korean troops",
		// "Russia's Kursk region", but "[Moscow] [next month]".
		if b > k && x.entAt[b-1] >= 0 && x.entAt[b] != x.entAt[b-1] && !x.tags[b].IsNoun() && x.tags[b] != pos.POS {
			break
		}
		b++
	}
	for b > k && !x.isHead(b-1) {
		b--
	}
	return b
}

// isDet: determiners open a noun phrase, never continue one ("in Beijing
// this week" is two phrases).
func isDet(t pos.Tag) bool { return t == pos.DT || t == pos.PDT || t == pos.PRPS }

// clauseAt reports whether a clause starts at token e (a verb group after
// a noun phrase): "after [Pyongyang's forces] sustained", "said [he] would".
func (x *extractor) clauseAt(e int, s text.Sentence) bool {
	for e < s.Last && x.tags[e] == pos.RB {
		e++
	}
	return e < s.Last && (x.tags[e].IsVerb() && x.tags[e] != pos.VBG || x.tags[e] == pos.MD)
}

// reducedRelative reports whether the past form at token i (tagged VBD
// or VBN, no auxiliary) modifies the noun before it: "meeting with
// families of soldiers killed fighting in Russia's war", after a main
// verb, with no object after it.
func (x *extractor) reducedRelative(s text.Sentence, i, group int) bool {
	t := x.tags[i]
	if t != pos.VBD && t != pos.VBN || group != i || i == s.First || !x.tags[i-1].IsNoun() || i+1 >= s.Last {
		return false
	}
	switch n := x.tags[i+1]; {
	case n == pos.VBG:
	case n == pos.IN && (x.is(i+1, "in") || x.is(i+1, "during") || x.is(i+1, "while")):
	default:
		return false
	}
	for k := s.First; k < i-1; k++ {
		if x.tags[k].IsVerb() && !x.isW(k, lwAux) {
			return true
		}
	}
	return false
}

// particle words can end a phrasal verb: "sworn in", "called off".
var particle = map[string]bool{
	"in": true, "out": true, "up": true, "down": true, "off": true, "over": true, "back": true, "away": true, "on": true,
}

// subordinator words take a clause as well as a noun phrase.
var subordinator = map[string]bool{
	"after": true, "before": true, "since": true, "until": true, "till": true, "as": true, "while": true,
	"because": true, "although": true, "though": true, "if": true, "once": true, "unless": true, "whereas": true,
}

// nounPrep are the prepositions that attach to nouns in subjects ("the
// strike on Gaza killed").
var nounPrep = map[string]bool{
	"of": true, "on": true, "against": true, "in": true, "at": true, "with": true, "from": true,
	"for": true, "by": true, "near": true, "over": true, "between": true, "into": true, "to": true,
}

// objectControl verbs pass their object to an infinitive: "called on the
// allies to supply", "ordered the troops to withdraw".
var objectControl = map[string]bool{
	"urge": true, "ask": true, "call": true, "order": true, "tell": true, "force": true, "allow": true,
	"persuade": true, "invite": true, "encourage": true, "press": true, "request": true, "instruct": true,
	"authorize": true, "authorise": true, "pressure": true, "warn": true, "compel": true, "direct": true,
	"permit": true, "appeal": true, "want": true, "expect": true, "help": true,
	"cause": true, "prompt": true, "enable": true, "lead": true,
}

// catenative verbs take a gerund that shares their subject: "began
// withdrawing", "stopped paying".
var catenative = map[string]bool{
	"begin": true, "start": true, "continue": true, "stop": true, "resume": true, "finish": true,
	"keep": true, "cease": true, "quit": true, "complete": true,
}

// quantLeft extends a noun phrase starting at token a over the words that
// qualify its figure: "[at least] 38 people", "[more than] 9,000", "[up to]
// 30,000 troops", "[about] 600 soldiers".
func (x *extractor) quantLeft(a int, s text.Sentence) int {
	if a < s.First || a >= s.Last {
		return a
	}
	if (x.is(a, "least") || x.is(a, "most")) && a-1 >= s.First && x.is(a-1, "at") {
		return a - 1
	}
	if x.tags[a] != pos.CD {
		return a
	}
	if a-2 >= s.First {
		switch w1, w2 := x.low(a-2), x.low(a-1); {
		case w2 == "than" && (w1 == "more" || w1 == "fewer" || w1 == "less"),
			w2 == "to" && w1 == "up",
			w2 == "least" && w1 == "at", w2 == "most" && w1 == "at":
			return a - 2
		case w2 == "as" && w1 == "many" && a-3 >= s.First && x.is(a-3, "as"):
			return a - 3
		}
	}
	if a-1 >= s.First {
		switch x.low(a - 1) {
		case "about", "around", "nearly", "almost", "some", "over", "roughly", "approximately", "only", "just", "under", "below", "above":
			return a - 1
		}
	}
	return a
}

var auxWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"'s": true, "'re": true, "’s": true, "’re": true,
	"has": true, "have": true, "had": true, "having": true, "'ve": true, "’ve": true,
	"do": true, "does": true, "did": true, "get": true, "got": true, "gets": true,
	"not": true, "n't": true, "n’t": true, "never": true,
}

var beWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"get": true, "got": true, "gets": true,
}

// lowFlag marks the closed classes of lower-cased words: auxWords,
// beWords, subordinator, particle, nounPrep.
type lowFlag uint8

const (
	lwKnown lowFlag = 1 << iota // (set once looked up)
	lwAux
	lwBe
	lwSubordinator
	lwParticle
	lwNounPrep
)

// lowClasses indexes the classes of lower-cased words.
var lowClasses = sync.OnceValue(func() *closedWords {
	m := map[string]lowFlag{}
	for _, c := range [...]struct {
		set  map[string]bool
		flag lowFlag
	}{{auxWords, lwAux}, {beWords, lwBe}, {subordinator, lwSubordinator}, {particle, lwParticle}, {nounPrep, lwNounPrep}} {
		for w := range c.set {
			m[w] |= c.flag
		}
	}
	t := &closedWords{all: text.NewWordMap(m)}
	for w, f := range m {
		if isASCII(w) {
			t.add(w, f)
		}
	}
	return t
})

// closedWords holds the classes of the closed-class words. Those in
// ASCII, at most 8 bytes each, are looked up by their bytes read as a
// number, in a table of 2 kB whose slots a document mostly finds in the
// processor's caches after the first look, where a text.WordMap reads
// four or five cache lines for a word (the filter of the first letters
// and lengths, the slots, the key and the value).
type closedWords struct {
	// a bit for each length and first byte of the ASCII words
	// (closedBit), most of the words of a text having none
	filter [4]uint64
	slots  [closedSlots]struct {
		key   uint64 // asNumber of the word, 0 for a free slot
		flags lowFlag
	}
	all *text.WordMap[lowFlag] // every word, for the tokens beyond ASCII
}

const closedSlots = 128

func closedBit(n int, first byte) uint { return (uint(n)<<5 ^ uint(first)) & 255 }

func closedSlot(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 57 }

// asNumber returns the bytes of w lower-cased (ASCII letters), the first
// in the lowest byte, when w has 1 to 8 bytes and no 0 byte (which could
// not be told from the end of a shorter word): ok is false otherwise.
func asNumber(w string) (k uint64, ok bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	for j := len(w) - 1; j >= 0; j-- {
		c := lowerASCIIByte(w[j])
		if c == 0 {
			return 0, false
		}
		k = k<<8 | uint64(c)
	}
	return k, true
}

// add adds the lower-case ASCII word w of classes f.
func (t *closedWords) add(w string, f lowFlag) {
	k, ok := asNumber(w)
	if !ok {
		panic("event: closed-class word " + w + " longer than 8 bytes")
	}
	b := closedBit(len(w), w[0])
	t.filter[b/64] |= 1 << (b % 64)
	i := closedSlot(k)
	for t.slots[i].key != 0 {
		i = (i + 1) & (closedSlots - 1)
	}
	t.slots[i].key, t.slots[i].flags = k, f
}

// foldASCII returns the classes of the ASCII word w lower-cased.
func (t *closedWords) foldASCII(w string) lowFlag {
	if len(w) == 0 || len(w) > 8 {
		return 0
	}
	if b := closedBit(len(w), lowerASCIIByte(w[0])); t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	k, ok := asNumber(w)
	if !ok {
		return 0
	}
	for i := closedSlot(k); ; i = (i + 1) & (closedSlots - 1) {
		switch t.slots[i].key {
		case k:
			return t.slots[i].flags
		case 0:
			return 0
		}
	}
}

// lowFlags returns the classes of the lower-cased token i, looked up once
// per document.
func (x *extractor) lowFlags(i int) lowFlag {
	if f := x.lf[i]; f != 0 {
		return f
	}
	return x.lookLow(i)
}

// lookLow looks the classes of token i up for lowFlags (an ASCII token
// by itself, the table folding its case).
func (x *extractor) lookLow(i int) lowFlag {
	var f lowFlag
	if tok := x.doc.Tok(i); isASCII(tok) {
		f = x.lowc.foldASCII(tok)
	} else {
		f, _ = x.lowc.all.Get(x.low(i))
	}
	f |= lwKnown
	x.lf[i] = f
	return f
}

// isW reports whether the lower-cased token i is in class c.
func (x *extractor) isW(i int, c lowFlag) bool { return x.lowFlags(i)&c != 0 }

// low returns token i lower-cased (strings.ToLower). A token with
// upper-case ASCII letters and no other byte above ASCII is lower-cased
// through lowCache, which spares the allocation for the capitalised words
// met in earlier documents; a lower-case ASCII token is itself. (Nothing is
// kept per token: a document lower-cases a few of its tokens only, and a
// per-token array of strings cleared for every document cost more, in
// cache misses, than lower-casing again.)
func (x *extractor) low(i int) string {
	tok := x.doc.Tok(i)
	for k := 0; k < len(tok); k++ {
		if c := tok[k]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return x.lower(tok)
		}
	}
	return tok
}

// is reports whether token i lower-cased (as low) is w, a lower-case ASCII
// word, without lower-casing the token where it is ASCII.
func (x *extractor) is(i int, w string) bool {
	tok := x.doc.Tok(i)
	if len(tok) <= len(w) {
		// (equal ASCII-folded is equal lower-cased, and a token with
		// other bytes lower-cases to no ASCII word this long)
		return equalLower(tok, w)
	}
	// The only runes beyond ASCII that lower-case into it are İ and the
	// Kelvin sign (to i and k), each longer than what it becomes.
	return hasIK(w) && !isASCII(tok) && x.low(i) == w
}

// hasIK reports whether w has an i or a k.
func hasIK(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] == 'i' || w[k] == 'k' {
			return true
		}
	}
	return false
}

// hasUpperASCII reports whether s has an upper-case ASCII letter.
func hasUpperASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if 'A' <= s[k] && s[k] <= 'Z' {
			return true
		}
	}
	return false
}

// isASCII reports whether s has no byte above ASCII.
func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= 0x80 {
			return false
		}
	}
	return true
}

// lower lower-cases tok, a token with an upper-case ASCII letter or a
// byte above ASCII, for low.
func (x *extractor) lower(tok string) string {
	var h uint32
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		if c >= 0x80 {
			// (strings.ToLower allocates only when a rune changes)
			return strings.ToLower(tok)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = h*31 + uint32(c)
	}
	if x.lowCache == nil {
		x.lowCache = new([lowCacheSlots]string)
	}
	e := &x.lowCache[h&(lowCacheSlots-1)]
	if !equalLower(tok, *e) {
		*e = lowerASCII(tok)
	}
	return *e
}

// lowCacheSlots is the size of an extractor's lowCache, which holds
// lower-cased capitalised words by hash. (A slot holds a word only when the
// token lower-cases to it, so it needs no other key.)
const lowCacheSlots = 1 << 11

// equalLower reports whether the ASCII string tok lower-cased is low.
func equalLower(tok, low string) bool {
	if len(tok) != len(low) {
		return false
	}
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[k] {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases the ASCII string s.
func lowerASCII(s string) string {
	b := []byte(s)
	for k, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// lexOf returns what the lexicon says of the lemma of token i, looked up
// once per document.
func (x *extractor) lexOf(i int) *lexWord {
	if w := x.lw[i]; w != nil {
		return w
	}
	return x.lookLex(i)
}

// lookLex looks the lemma of token i up for lexOf. The lemma of an ASCII
// token tagged neither as a verb, a modal nor a plural noun is the token
// lower-cased (pos.Lemma), which the lexicon's table folds itself: it is
// not made (a capitalised word would be lower-cased through lowCache, two
// cache misses).
func (x *extractor) lookLex(i int) *lexWord {
	if t := x.tags[i]; !t.IsVerb() && t != pos.MD && t != pos.NNS && x.lemmas[i] == "" {
		if tok := x.doc.Tok(i); isASCII(tok) {
			w, ok := x.lex.words.GetFold(tok)
			if !ok {
				w = &noWord
			}
			x.lw[i] = w
			return w
		}
	}
	w := x.lex.word(x.lemma(i))
	x.lw[i] = w
	return w
}

// lemma returns the lemma of token i under its tag, computed once per
// document.
func (x *extractor) lemma(i int) string {
	if l := x.lemmas[i]; l != "" {
		return l
	}
	return x.lemmatize(i)
}

// lemmatize computes the lemma of token i for lemma. A token with upper-case
// ASCII letters is lemmatised from low's string, which pos.Lemma would
// otherwise make anew (it lower-cases such a word with strings.ToLower, as
// low does).
func (x *extractor) lemmatize(i int) string {
	w := x.doc.Tok(i)
	if hasUpperASCII(w) {
		w = x.low(i)
	}
	l := pos.Lemma(w, x.tags[i])
	x.lemmas[i] = l
	return l
}

// subject finds the subject noun phrase of the verb at token i: the chunk
// before its auxiliaries and adverbs. It also returns the first token of
// the verb group and whether the group is passive.
//
// When it borrows the subject of a governing verb ("to sign", "and
// signed", "before announcing"), x.gov is set to that verb's token.
func (x *extractor) subject(s text.Sentence, i, depth int) (a, b, group int, passive bool) {
	if depth == 0 {
		x.gov = -1
	}
	j := i - 1
	be := false
	for j >= s.First {
		t := x.tags[j]
		w := x.lowFlags(j)
		if t == pos.RB || t == pos.MD || t == pos.Quote || w&lwAux != 0 {
			if w&lwBe != 0 {
				be = true
			}
			j--
			continue
		}
		break
	}
	group = j + 1
	// "were sent", and the reduced relative "drones fired by Russia"
	// and "soldiers killed fighting" (a participle right after its noun)
	passive = x.tags[i] == pos.VBN && (be || group == i && (i+1 < s.Last && x.is(i+1, "by") || i > s.First && x.tags[i-1].IsNoun())) ||
		x.reducedRelative(s, i, group)
	if j < s.First {
		return -1, -1, group, passive
	}
	t := x.tags[j]
	switch {
	case t == pos.TO || t == pos.CC:
		// "met Putin to sign", "met Putin and signed": the governing
		// verb's subject.
		if depth < 2 {
			for v := j - 1; v >= s.First && v >= j-12; v-- {
				if x.tags[v].IsVerb() && !x.isW(v, lwAux) {
					if t == pos.CC && v > s.First && x.tags[v-1] == pos.TO {
						continue // "called on allies to supply ... and accused": not the infinitive
					}
					// "urged the allies to supply": object control
					if t == pos.TO && x.lexOf(v).flags&lfObjectControl != 0 {
						k := v + 1
						if k < j && (x.is(k, "on") || x.is(k, "upon")) {
							k++
						}
						if k < j && x.isHead(j-1) && x.npLeft(j-1, s) == k {
							return k, j, group, passive
						}
					}
					a, b, _, _ = x.subject(s, v, depth+1)
					if depth == 0 {
						x.gov = v
					}
					return a, b, group, passive
				}
			}
		}
		return -1, -1, group, passive
	case t == pos.WDT || t == pos.WP || t == pos.IN && x.is(j, "that"):
		// a relative clause: "troops that arrived", "Kim, who met"
		k := j - 1
		if k >= s.First && x.tags[k] == pos.Comma {
			k--
		}
		if k >= s.First && x.isHead(k) {
			return x.npLeft(k, s), k + 1, group, passive
		}
	case t.IsVerb() && x.tags[i] == pos.VBG && depth < 2 && x.lexOf(j).flags&lfCatenative != 0:
		// "the army began withdrawing": the subject and verb group of
		// the catenative verb
		a, b, g, _ := x.subject(s, j, depth+1)
		if depth == 0 {
			x.gov = j
		}
		return a, b, g, passive
	case x.isHead(j):
		a, b := x.subjectNP(s, i, j, group, passive)
		return a, b, group, passive
	case (t == pos.Comma || t == pos.IN && x.isW(j, lwSubordinator) || x.is(j, "without")) && x.tags[i] == pos.VBG && depth < 2:
		// "before announcing": the main clause's subject
		// "shelled Gaza, killing 12": the main clause's subject
		for v := j - 1; v >= s.First && v >= j-15; v-- {
			if x.tags[v].IsVerb() && !x.isW(v, lwAux) {
				a, b, _, _ = x.subject(s, v, depth+1)
				if depth == 0 {
					x.gov = v
				}
				return a, b, group, passive
			}
		}
	case t == pos.Comma && x.relativeBefore(s, j) > s.First:
		// "Repairs to the N6 highway, which the government had promised
		// for March, will not be finished": skip the relative clause.
		k := x.relativeBefore(s, j)
		a, b := x.subjectNP(s, i, k-1, group, passive)
		return a, b, group, passive
	case t == pos.Comma:
		// "Samuel Paparo, head of U.S. Indo-Pacific Command, told": skip
		// an appositive back to the comma that opens it.
		for k := j - 1; k > s.First && k >= j-12; k-- {
			if x.tags[k].IsVerb() || x.tags[k] == pos.MD {
				break
			}
			if x.tags[k] == pos.Comma {
				if x.isHead(k - 1) {
					return x.npLeft(k-1, s), k, group, passive
				}
				break
			}
		}
	}
	return -1, -1, group, passive
}

// subjectNP returns the subject noun phrase [a, b) whose last token j
// comes before the verb group of the verb at token i.
func (x *extractor) subjectNP(s text.Sentence, i, j, group int, passive bool) (a, b int) {
	a = x.npLeft(j, s)
	// "The Israeli strike on Gaza killed": the head noun before the
	// prepositional phrase.
	// (Not for a participle right after its noun: "families of
	// soldiers killed" were killed, not the families.)
	hops, coord := 3, false
	if passive && group == i {
		hops = 0
	}
	for hop := 0; hop < hops && a-2 >= s.First && x.isHead(a-2); hop++ {
		if l := x.npLeft(a-2, s); x.tags[a-1] == pos.CC && x.is(a-1, "and") && x.tags[a-2] != pos.PRP && hop+1 < hops && !coord &&
			l-2 >= s.First && x.tags[l-1] == pos.IN && x.isW(l-1, lwNounPrep) && x.isHead(l-2) &&
			(x.is(l-1, "between") || x.tags[a-2].IsProper() || !isDet(x.tags[a])) {
			// "the highway between Beira and Zimbabwe": a coordination
			// inside the prepositional phrase (but "declared a state of
			// emergency and the army sent" coordinates clauses)
			a = x.npLeft(a-2, s)
			hop, coord = hop-1, true // (not a hop)
			continue
		}
		if x.tags[a-1] != pos.IN && x.tags[a-1] != pos.TO || !x.isW(a-1, lwNounPrep) {
			break
		}
		if x.is(a-1, "of") {
			a = x.npLeft(a-2, s) // "the president of Russia": one phrase
			continue
		}
		j, a = a-2, x.npLeft(a-2, s)
	}
	// "North Korean soldiers fighting for Russia have suffered": the
	// noun the participle phrase modifies.
	if a-3 >= s.First && x.tags[a-1] == pos.IN && x.tags[a-2] == pos.VBG && x.isHead(a-3) && !x.tags[a-3].IsVerb() {
		j, a = a-3, x.npLeft(a-3, s)
	}
	// "Israel and Hamas signed": both conjuncts, but not the object of
	// a clause before ("declared an emergency and the army sent").
	if a-2 >= s.First && x.tags[a-1] == pos.CC && x.is(a-1, "and") && x.isHead(a-2) {
		if l := x.npLeft(a-2, s); l == s.First || !x.tags[l-1].IsVerb() && x.tags[l-1] != pos.IN && x.tags[l-1] != pos.TO ||
			x.tags[l-1] == pos.IN && x.isW(l-1, lwSubordinator) {
			a = l
		}
	}
	return a, j + 1
}

// ofBefore reports whether "of" sits in tokens [a, m): the phrase's head
// comes before its name ("the port of Beira").
func (x *extractor) ofBefore(a, m int) bool {
	for k := a; k < m; k++ {
		if x.is(k, "of") {
			return true
		}
	}
	return false
}

// relativeBefore returns the comma opening a relative clause that the
// comma at token j closes ("X, which ..., will"), when the token before it
// heads a noun phrase; else -1.
func (x *extractor) relativeBefore(s text.Sentence, j int) int {
	for k := j - 1; k > s.First && k >= j-25; k-- {
		switch x.tags[k] {
		case pos.Comma:
			if k+1 < j && (x.tags[k+1] == pos.WDT || x.tags[k+1] == pos.WP) && x.isHead(k-1) {
				return k
			}
			return -1
		case pos.Period, pos.Colon:
			return -1
		}
	}
	return -1
}

// phrases collects the objects and prepositional phrases after token i up
// to the end of its clause (a verb, clause punctuation, or a subordinate
// clause such as "after Pyongyang's forces sustained ...").
func (x *extractor) phrases(s text.Sentence, i int) []phrase {
	out := x.phbuf[:0]
	defer func() { x.phbuf = out[:0] }()
	k := i + 1
	for k < s.Last && len(out) < 5 {
		t := x.tags[k]
		switch {
		case t == pos.RP || t == pos.RB:
			k++
			continue
		case t == pos.CC && len(out) > 0 && k+1 < s.Last && x.npInternal(k+1, s):
			k++
			continue
		case k+2 < s.Last && x.tags[k+2] == pos.CD && x.is(k, "up") && x.is(k+1, "to"):
			// "up to 30,000 troops": the figure's qualifier
			e := x.npRight(k+2, s)
			if x.clauseAt(e, s) {
				return out
			}
			out = append(out, phrase{a: k, b: e})
			k = e
			continue
		case t == pos.IN && (x.is(k, "that") || x.is(k, "whether") || x.is(k, "if") || x.is(k, "because") || x.is(k, "although") || x.is(k, "while")):
			return out // a subordinate clause
		case t == pos.IN || t == pos.TO:
			if k+1 >= s.Last || !x.npInternal(k+1, s) && x.tags[k+1] != pos.PRP {
				if k == i+1 && x.isW(k, lwParticle) && (k+1 >= s.Last || x.tags[k+1] == pos.IN || x.tags[k+1] == pos.Period || x.tags[k+1] == pos.Comma) {
					// "was sworn in on Monday": a particle
					out = append(out, phrase{prep: "~", a: k, b: k + 1})
					k++
					continue
				}
				return out
			}
			e := x.npRight(k+1, s)
			if e == k+1 {
				return out
			}
			if x.isW(k, lwSubordinator) && x.clauseAt(e, s) {
				return out // "after Pyongyang's forces sustained": a clause
			}
			if x.clauseAt(e, s) && x.quantLeft(k+1, s) < k+1 || x.quantLeft(e-1, s) <= k && x.clauseAt(e, s) {
				return out // "says at least 190 people died": a clause
			}
			out = append(out, phrase{prep: x.low(k), a: k + 1, b: e})
			k = e
			continue
		case k+2 < s.Last && x.tags[k+2] == pos.CD && (x.is(k, "more") || x.is(k, "fewer") || x.is(k, "less")) && x.is(k+1, "than"):
			// "more than 400 people": one phrase
			e := x.npRight(k+2, s)
			if x.clauseAt(e, s) {
				return out
			}
			out = append(out, phrase{a: k, b: e})
			k = e
			continue
		case x.npInternal(k, s) || t == pos.PRP:
			e := x.npRight(k, s)
			// "and the World Bank said": a clause, but "between Israel
			// and Iran collapsed" coordinates inside the phrase.
			// A participle right after the object modifies it: "arrested
			// a man suspected of looting".
			if e == k || x.clauseAt(e, s) && !(e < s.Last && x.tags[e] == pos.VBN) && !(k > i+1 && x.tags[k-1] == pos.CC && len(out) > 0 && out[len(out)-1].prep == "between") {
				return out // "said [he] would": the subject of a clause
			}
			out = append(out, phrase{a: k, b: e})
			k = e
			continue
		}
		return out
	}
	return out
}

// npEntity returns the entity of the noun phrase [a, b): that of the
// mention nearest its head, and whether that mention is the head itself.
func (x *extractor) npEntity(a, b int) (ent int, atHead bool) {
	for k := b - 1; k >= a; k-- {
		if e := x.entAt[k]; e >= 0 {
			return int(e), k == b-1
		}
	}
	return -1, false
}

// firstConjunct returns, when tokens [a, b) coordinate two phrases with
// "and", the entity of the first ("German Chancellor Olaf Scholz" in
// "German Chancellor Olaf Scholz and French President Emmanuel Macron"),
// or -1.
func (x *extractor) firstConjunct(a, b int) int {
	for k := a; k < b; k++ {
		if x.tags[k] == pos.CC && x.is(k, "and") {
			e, _ := x.npEntity(a, k)
			return e
		}
	}
	return -1
}

// patientSubject reports whether f's subject undergoes the event: losses
// sustained or suffered.
func patientSubject(f *frame) bool {
	return f.absorbs >= 0 && (f.lemma == "sustain" || f.lemma == "suffer")
}

// force types: what is struck at a place strikes the place.
var force = map[string]bool{"attack": true, "offensive": true, "capture": true}

// symmetric types are done by two sides together.
var symmetric = map[string]bool{
	"meet": true, "negotiate": true, "sign": true, "ceasefire": true, "attack": true,
}

// actorLike: a person, an organisation, a group or a state (a GPE as a
// government: countries, and cities standing for them).
func (x *extractor) actorLike(e int) bool {
	switch x.ents[e].Type {
	case sitrep.EntityPerson, sitrep.EntityOrg, sitrep.EntityNORP, sitrep.EntityGPE:
		return true
	}
	return false
}

// placeLike: somewhere an event can happen.
func (x *extractor) placeLike(e int) bool {
	switch x.ents[e].Type {
	case sitrep.EntityGPE, sitrep.EntityLoc, sitrep.EntityFac:
		return true
	}
	return false
}

// isCountry reports whether e is a state (its KB is an ISO alpha-3 code).
func (x *extractor) isCountry(e int) bool {
	kb := x.ents[e].KB
	return x.ents[e].Type == sitrep.EntityGPE && len(kb) == 3 && strings.ToUpper(kb) == kb
}

var placeNouns = map[string]bool{
	"region": true, "city": true, "province": true, "area": true, "town": true, "village": true,
	"capital": true, "border": true, "oblast": true, "district": true, "state": true, "county": true,
	"territory": true, "port": true, "base": true, "airport": true, "front": true, "zone": true, "coast": true,
}

// locationOf returns the place entity of a phrase headed by a place: "in
// Kursk", "in Russia's Kursk region", not "in Russia's war".
func (x *extractor) locationOf(p phrase) int {
	e, atHead := x.npEntity(p.a, p.b)
	if e < 0 || !x.placeLike(e) {
		return -1
	}
	if atHead || x.lexOf(p.b-1).flags&lfPlaceNoun != 0 {
		return e
	}
	return -1
}

func isLocPrep(p string) bool {
	switch p {
	case "in", "at", "near", "inside", "outside", "across", "into", "around", "outside of":
		return true
	}
	return false
}

func isTargetPrep(p string) bool {
	switch p {
	case "to", "against", "with", "on", "into", "toward", "towards", "upon", "at", "over":
		return true
	}
	return false
}

// inList reports whether the lemma of the head of the phrase ending at b is
// in list.
func (x *extractor) inList(list listSet, b int) bool { return x.lexOf(b-1).lists&list != 0 }

// roleNeed says how much of a frame's roles are needed.
type roleNeed uint8

const (
	allRoles     roleNeed = iota
	actorOnly             // the actor: its event is dropped
	rolesIfActor          // all if it has an actor, else none but that
)

// roles fills the actor, target, location and summary of f.
//
// need says how much of them: all, only the actor (of a verb whose event
// is dropped), or all when there is an actor (a verb typed "other", whose
// event is dropped without one).
func (x *extractor) roles(s text.Sentence, f *frame, before []frame, need roleNeed) {
	i := f.tok
	var ph []phrase
	var sumStart int
	var subjText string
	troopSubject, locInText := false, false
	reporting := f.typ == "statement" || f.typ == "acknowledge" || f.typ == "deny"
	if f.verb {
		a, b, group, passive := x.subject(s, i, 0)
		f.gov = x.gov
		f.passive = passive
		// (the phrases after the verb are read once the actor is known
		// to be needed: nothing in between reads phrases)
		phRead := need == allRoles
		if phRead {
			ph = x.phrases(s, i)
		}
		sumStart = group
		if a >= 0 {
			a = x.quantLeft(a, s)
			if h := x.tags[b-1]; h.IsNoun() || h == pos.CD || h.IsAdj() {
				f.arg = true
			}
			e, atHead := x.npEntity(a, b)
			if e < 0 && b == a+1 && x.tags[a] == pos.PRP {
				// "Trump said he would give": a pronoun subject is the
				// nearest earlier actor of the sentence of its kind.
				e, atHead = x.pronoun(x.low(a), before), true
			}
			if e < 0 && x.tags[a] == pos.PRPS {
				// "its troops had struck": whose troops
				e = x.possessor(a, s)
			}
			troopSubject = x.inList(x.lex.troops, b)
			if atHead && e >= 0 && b-a <= 6 && !x.ofBefore(a, int(x.mentionStart[b-1])) {
				subjText = x.entName(e)
			} else {
				subjText = x.doc.Text[x.doc.Tokens[a].Start:x.doc.Tokens[b-1].End]
			}
			if b != group && (x.tags[group-1] == pos.TO || x.tags[group-1] == pos.CC || x.tags[i] == pos.VBG) {
				// a borrowed subject ("Kim met Putin to sign"): name it
				// by the entity where it is one
				if e >= 0 && atHead {
					subjText = x.entName(e)
				}
				if x.tags[group-1] == pos.TO {
					sumStart = group - 1 // "Kim to sign a pact"
				}
			}
			// Coordinated subjects: the first is the actor; for what two
			// sides do together, the second is the target.
			if first := x.firstConjunct(a, b); first >= 0 && e >= 0 && first != e && x.actorLike(first) && x.actorLike(e) && !passive {
				if symmetric[f.typ] {
					f.target = e
				}
				e, atHead = first, false
				subjText = x.doc.Text[x.doc.Tokens[a].Start:x.doc.Tokens[b-1].End]
			}
			switch {
			case !passive && e >= 0 && patientSubject(f):
				f.target = e // "Pyongyang's forces sustained heavy losses": the side that lost
			case !passive && e >= 0:
				f.actor = e
			case passive && e >= 0 && !atHead && troopSubject:
				f.actor = e // "North Korean troops were sent": the troops' country
			case passive && e >= 0:
				f.target = e
			}
		}
		if passive {
			if !phRead {
				ph, phRead = x.phrases(s, i), true
			}
			for _, p := range ph {
				if p.prep == "by" {
					if e, _ := x.npEntity(p.a, p.b); e >= 0 && x.actorLike(e) {
						f.actor = e
					}
				}
			}
		}
		if need == actorOnly || need == rolesIfActor && f.actor < 0 {
			return
		}
		if !phRead {
			ph = x.phrases(s, i)
		}
		if len(ph) > 0 && ph[0].prep == "" && (x.tags[ph[0].b-1].IsNoun() || x.tags[ph[0].b-1] == pos.CD) {
			f.arg = true
		}
		for n, p := range ph {
			switch {
			case p.prep == "" && n == 0:
				e, atHead := x.npEntity(p.a, p.b)
				if e >= 0 && atHead && (f.typ == "visit" || f.typ == "arrive" || f.typ == "return") && x.placeLike(e) && !x.isCountry(e) {
					f.location = e // "visit Moscow", "reached Kherson"
					locInText = true
				} else if e >= 0 && atHead && x.actorLike(e) && f.target < 0 {
					f.target = e
				}
				if x.inList(x.lex.troops, p.b) {
					troopSubject = true
				}
			case isLocPrep(p.prep) && f.location < 0 && x.locationOf(p) >= 0:
				f.location = x.locationOf(p)
				if force[f.typ] && f.target < 0 && (p.prep == "at" || p.prep == "into" || p.prep == "on") {
					f.target = f.location // "fired rockets at northern Israel"
				}
			case isTargetPrep(p.prep) && f.target < 0 && (!reporting || p.prep == "to"):
				// (what one says "on Korean Central TV" is its venue)
				if e, _ := x.npEntity(p.a, p.b); e >= 0 && x.actorLike(e) && !(p.prep == "at" && x.placeLike(e)) {
					f.target = e
				}
			}
		}
	} else {
		// A noun: its possessor or modifier, then the phrases after it.
		a := x.npLeft(i, s)
		sumStart = a
		for k := i - 1; k >= a; k-- {
			e := x.entAt[k]
			if e < 0 {
				continue
			}
			if x.placeLike(int(e)) && !x.isCountry(int(e)) && x.ents[e].Type != sitrep.EntityGPE || x.ents[e].Type == sitrep.EntityGPE && !x.isCountry(int(e)) && k+1 < i && x.tags[k+1] != pos.POS && x.ents[e].KB != "" {
				if f.location < 0 {
					f.location = int(e)
				}
			} else if f.actor < 0 {
				f.actor = int(e)
			}
			k = int(x.mentionStart[k])
		}
		if f.actor < 0 && x.tags[a] == pos.PRPS {
			f.actor = x.possessor(a, s) // "its supply of drones"
		}
		ph = x.phrases(s, i)
		// Keep only the prepositional phrases (and what coordinates
		// with them).
		for len(ph) > 0 && ph[0].prep == "" {
			ph = ph[1:]
		}
		between := false
		for _, p := range ph {
			e, _ := x.npEntity(p.a, p.b)
			switch {
			case p.prep == "between" && e >= 0 && x.actorLike(e):
				// "talks between Israel and Iran"
				if f.actor < 0 {
					f.actor = e
				} else if f.target < 0 {
					f.target = e
				}
				between = true
			case p.prep == "" && between && e >= 0 && x.actorLike(e) && f.target < 0:
				f.target = e
				between = false
			case p.prep == "by" && e >= 0 && x.actorLike(e) && f.actor < 0:
				f.actor = e
			case isLocPrep(p.prep) && f.location < 0 && x.locationOf(p) >= 0:
				f.location = x.locationOf(p)
			case (isTargetPrep(p.prep) || p.prep == "of" || p.prep == "between") && e >= 0 && x.actorLike(e) && f.target < 0:
				f.target = e
			}
		}
	}
	// What opens or closes at a place is the place's infrastructure:
	// "the port of Beira reopened".
	if (f.typ == "reopen" || f.typ == "close") && f.actor >= 0 && x.placeLike(f.actor) && !x.isCountry(f.actor) {
		if f.location < 0 {
			f.location = f.actor
		}
		f.actor = -1
	}
	// Arrivals and returns of troops are deployments and withdrawals.
	if troopSubject {
		switch f.typ {
		case "arrive":
			f.code = "154"
		case "return":
			f.code = "0874"
		}
	}
	if f.target == f.actor {
		f.target = -1
	}
	// Where the clause says nothing, the nearest "in <place>" of the
	// sentence.
	locInText = locInText || f.location >= 0
	if f.location < 0 {
		f.location = x.nearbyLocation(s, i)
	}
	// The summary quotes the text through the phrases read, at most 3,
	// stopping before a long tail.
	f.subj, f.sumA, f.sumB, f.locInText = subjText, min(sumStart, i), i+1, locInText
	for n, p := range ph {
		if n >= 3 || x.doc.Tokens[p.b-1].End-x.doc.Tokens[f.sumA].Start > 110 {
			break
		}
		f.sumB = p.b
	}
	// A noun's infinitive says what it is about: "the order to put
	// troops on the ground".
	if !f.verb && len(ph) == 0 && i+2 < s.Last && x.tags[i+1] == pos.TO && x.tags[i+2] == pos.VB {
		f.sumB = i + 3
		for n, p := range x.phrases(s, i+2) {
			if n >= 2 || x.doc.Tokens[p.b-1].End-x.doc.Tokens[f.sumA].Start > 110 {
				break
			}
			f.sumB = p.b
		}
	}
}

// pronoun resolves a subject pronoun to the actor of the nearest earlier
// event of the sentence: a person for he/she, anything else for it/they/we.
func (x *extractor) pronoun(p string, before []frame) int {
	person := p == "he" || p == "she"
	if !person && p != "it" && p != "they" && p != "we" {
		return -1
	}
	for k := len(before) - 1; k >= 0; k-- {
		if e := before[k].actor; e >= 0 && (x.ents[e].Type == sitrep.EntityPerson) == person {
			return e
		}
	}
	// Else the last actor of its kind in the sentences before, within
	// the paragraph: "Trump spoke on Monday. He said ...".
	if person {
		return x.lastPerson
	}
	return x.lastOther
}

// possessor resolves the possessive pronoun at token a to the nearest
// earlier mention in the sentence of an actor of its kind: a person for
// his/her, anything else for its/their.
func (x *extractor) possessor(a int, s text.Sentence) int {
	w := x.low(a)
	person := w == "his" || w == "her"
	if !person && w != "its" && w != "their" {
		return -1
	}
	for k := a - 1; k >= s.First; k-- {
		if e := x.entAt[k]; e >= 0 && x.actorLike(int(e)) && (x.ents[e].Type == sitrep.EntityPerson) == person {
			return int(e)
		}
	}
	return -1
}

// nearbyLocation returns the place of the "in/at/near <place>" phrase
// nearest token i in its sentence, within 15 tokens, or -1.
func (x *extractor) nearbyLocation(s text.Sentence, i int) int {
	best, bestD := -1, 16
	for _, p := range x.sentencePlaces(s) {
		d := p.prep - i
		if d < 0 {
			d = -d
		}
		if d >= bestD || x.verbBetween(p.prep, i) {
			continue
		}
		best, bestD = p.ent, d
	}
	return best
}

// place is an "in/at/near <place>" phrase: the preposition's token and the
// place's entity.
type place struct{ prep, ent int }

// sentencePlaces returns the "in/at/near <place>" phrases of sentence s in
// text order, found once per sentence.
func (x *extractor) sentencePlaces(s text.Sentence) []place {
	if x.placesOf == s.First && x.placesKnown {
		return x.places
	}
	x.placesOf, x.placesKnown = s.First, true
	x.places = x.places[:0]
	for k := s.First; k < s.Last-1; k++ {
		if x.tags[k] != pos.IN || !isLocPrep(x.low(k)) {
			continue
		}
		e := x.npRight(k+1, s)
		if e == k+1 {
			continue
		}
		if l := x.locationOf(phrase{a: k + 1, b: e}); l >= 0 {
			x.places = append(x.places, place{k, l})
		}
	}
	return x.places
}

// verbBetween reports whether a main verb or clause punctuation lies strictly between tokens a
// and b (either order): then they are in different clauses.
func (x *extractor) verbBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if t := x.tags[k]; t.IsVerb() && !x.isW(k, lwAux) || t == pos.Comma || t == pos.Colon {
			return true
		}
	}
	return false
}

// appendSquashed appends s with each run of white space (line breaks of
// wrapped wire copy included) as one space.
func appendSquashed(b []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return b
}

// summary writes "who did what to whom where" from the text: the subject
// (by entity name where the subject is a name), the verb group or noun
// phrase as written through its last phrase, and the location if that text
// does not already name it. Runs of white space become one space.
func (x *extractor) summary(f *frame) string {
	b := appendSquashed(x.sbuf[:0], f.subj)
	if f.subj != "" {
		b = append(b, ' ')
	}
	b = appendSquashed(b, x.doc.Text[x.doc.Tokens[f.sumA].Start:x.doc.Tokens[f.sumB-1].End])
	if f.location >= 0 && !f.locInText {
		b = append(b, " ("...)
		b = append(b, x.entName(f.location)...)
		b = append(b, ')')
	}
	x.sbuf = b
	return string(b)
}
