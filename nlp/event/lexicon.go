package event

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed types.txt
var typesTxt string

// Type is an event type of the taxonomy.
type Type struct {
	Name        string
	CAMEO       string // default CAMEO code, "" for other
	Description string
}

type entry struct {
	typ   string
	pos   byte // v n o l *
	cond  string
	cameo string // "" = the type's default
	// the condition parsed: its scope (see condList), the bit of its
	// list and the list's name; code is the CAMEO code (cameo or the
	// type's)
	scope byte
	list  listSet
	lname string
	code  string
}

// listSet is a set of word lists, one bit per list (see lexicon.bits).
type listSet uint64

// lexWord is what the lexicon says of one lemma: its entries, the lists
// it is in and the closed classes of extract.go and roles.go it belongs
// to. Extract looks a token's lemma up once (extractor.lexOf).
type lexWord struct {
	entries []entry
	lists   listSet
	flags   lemmaFlags
}

// lemmaFlags mark the lemmas of the closed classes below.
type lemmaFlags uint16

const (
	lfLight lemmaFlags = 1 << iota
	lfSpeechCue
	lfCarrier
	lfPrepLight
	lfAspectual
	lfFigurative
	lfObjectControl
	lfCatenative
	lfPlaceNoun
	lfNounEntry // an entry a noun or adjective can take (pos 'n' or '*')
)

type lexicon struct {
	types   map[string]Type
	order   []string
	entries map[string][]entry
	lists   map[string]map[string]bool
	// bits numbers the lists; words indexes entries, lists and classes
	// by lemma
	bits  map[string]listSet
	words *text.WordMap[*lexWord]
	// the lists Extract names
	troops, commerce, aerial, artillery, smallarms listSet
	// whether "people" is in a list
	people listSet
	// nouns filters the lemmas with an entry a noun or adjective can take
	// (lfNounEntry)
	nouns wordFilter
}

// wordFilter is a Bloom filter of lower-case words, asked of ASCII words
// in any case: 512 bytes, which a document brings into the processor's
// caches at once, where a lexicon's table costs a miss or more a word.
type wordFilter [wordFilterBits / 64]uint64

const wordFilterBits = 1 << 12

// filterBits returns the two bits of a wordFilter for w, an ASCII word,
// from its length and five of its bytes (constant time), each with its
// 0x20 bit set: the same for a letter in either case, so for a word and
// the word lower-cased, with no branch (it only makes a few other bytes
// alike, such as '@' and '`': a few more false positives).
func filterBits(w string) (uint64, uint64) {
	n := len(w)
	h := uint64(w[0])<<32 | uint64(w[n-1])<<24 | uint64(w[n/2])<<16
	if n > 1 {
		h |= uint64(w[1])<<8 | uint64(w[n-2])
	}
	h = mix(uint64(n)<<40 | h | 0x20_2020_2020)
	return h & (wordFilterBits - 1), h >> 32 & (wordFilterBits - 1)
}

// add adds the word w, not empty.
func (f *wordFilter) add(w string) {
	a, b := filterBits(w)
	f[a/64] |= 1 << (a % 64)
	f[b/64] |= 1 << (b % 64)
}

// mayHave reports whether the ASCII word w lower-cased may have been
// added: false means it was not.
func (f *wordFilter) mayHave(w string) bool {
	a, b := filterBits(w)
	return f[a/64]&(1<<(a%64)) != 0 && f[b/64]&(1<<(b%64)) != 0
}

func lowerASCIIByte(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

var lex = sync.OnceValue(func() *lexicon {
	l := &lexicon{types: map[string]Type{}, entries: map[string][]entry{}, lists: map[string]map[string]bool{}}
	for _, line := range strings.Split(typesTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		switch fs[0] {
		case "@":
			t := Type{Name: fs[1], CAMEO: fs[2], Description: strings.Join(fs[3:], " ")}
			if t.CAMEO == "-" {
				t.CAMEO = ""
			}
			l.types[t.Name] = t
			l.order = append(l.order, t.Name)
		case "%":
			m := map[string]bool{}
			for _, w := range fs[2:] {
				m[w] = true
			}
			l.lists[fs[1]] = m
		default:
			if len(fs) < 4 {
				panic("event: bad lexicon line: " + line)
			}
			e := entry{typ: fs[1], pos: fs[2][0], cond: fs[3]}
			if e.typ == "l" { // light verb: "lemma l - -"
				e = entry{pos: 'l'}
			}
			if e.cond == "-" {
				e.cond = ""
			}
			if len(fs) > 4 {
				e.cameo = fs[4]
			}
			l.entries[fs[0]] = append(l.entries[fs[0]], e)
		}
	}
	// "military" covers the troops and weapons lists too.
	for _, k := range []string{"troops", "weapons"} {
		for w := range l.lists[k] {
			l.lists["military"][w] = true
		}
	}
	l.index()
	return l
})

// index numbers the lists, resolves the entries' conditions and codes, and
// builds the per-lemma index words.
func (l *lexicon) index() {
	names := make([]string, 0, len(l.lists))
	for n := range l.lists {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 64 {
		panic("event: more than 64 word lists")
	}
	l.bits = map[string]listSet{}
	for k, n := range names {
		l.bits[n] = 1 << k
	}
	words := map[string]*lexWord{}
	word := func(w string) *lexWord {
		if words[w] == nil {
			words[w] = &lexWord{}
		}
		return words[w]
	}
	for lemma, es := range l.entries {
		for k := range es {
			e := &es[k]
			if e.cond != "" {
				e.scope, e.lname = condList(e.cond)
				e.list = l.bits[e.lname]
			}
			e.code = e.cameo
			if e.code == "" {
				e.code = l.types[e.typ].CAMEO
			}
			switch e.pos {
			case 'l':
				word(lemma).flags |= lfLight
			case 'n', '*':
				word(lemma).flags |= lfNounEntry
			}
		}
		word(lemma).entries = es
	}
	for n, ws := range l.lists {
		for w := range ws {
			word(w).lists |= l.bits[n]
		}
	}
	for _, c := range [...]struct {
		set  map[string]bool
		flag lemmaFlags
	}{{speechCue, lfSpeechCue}, {carrier, lfCarrier}, {prepLight, lfPrepLight}, {aspectual, lfAspectual},
		{figurative, lfFigurative}, {objectControl, lfObjectControl}, {catenative, lfCatenative}, {placeNouns, lfPlaceNoun}} {
		for w := range c.set {
			word(w).flags |= c.flag
		}
	}
	l.words = text.NewWordMap(words)
	for w, lw := range words {
		if lw.flags&lfNounEntry != 0 && w != "" {
			l.nouns.add(w)
		}
	}
	l.troops, l.commerce, l.aerial, l.artillery, l.smallarms = l.bits["troops"], l.bits["commerce"], l.bits["aerial"], l.bits["artillery"], l.bits["smallarms"]
	if w := words["people"]; w != nil {
		l.people = w.lists
	}
}

// noWord is the lexWord of lemmas the lexicon does not know.
var noWord lexWord

// word returns what the lexicon says of lemma.
func (l *lexicon) word(lemma string) *lexWord {
	if w, ok := l.words.Get(lemma); ok {
		return w
	}
	return &noWord
}

// Types returns the taxonomy in its declared order.
func Types() []Type {
	l := lex()
	out := make([]Type, len(l.order))
	for i, n := range l.order {
		out[i] = l.types[n]
	}
	return out
}

// verbEntry reports whether lemma has an entry as a verb (light verbs
// and "never an event" entries included).
func (l *lexicon) verbEntry(lemma string) bool {
	for _, e := range l.entries[lemma] {
		if e.pos == 'v' || e.pos == '*' || e.pos == 'l' || e.pos == 'x' {
			return true
		}
	}
	return false
}

// lookupIn returns the first of the entries es of a lemma matching the
// tag (and, for object-only nouns, asObject) whose condition cond accepts.
func lookupIn(es []entry, tag pos.Tag, asObject bool, cond func(*entry) bool) (entry, bool) {
	for k := range es {
		e := &es[k]
		switch e.pos {
		case 'l':
			continue
		case 'x':
			if !tag.IsVerb() {
				continue
			}
		case 'v':
			if !tag.IsVerb() {
				continue
			}
		case 'n':
			if !tag.IsNoun() && !tag.IsAdj() {
				continue
			}
		case 'o':
			if !asObject {
				continue
			}
		case '*':
		}
		if e.cond != "" && !cond(e) {
			continue
		}
		return *e, true
	}
	return entry{}, false
}

// condList splits a condition into its scope ('s' the subject's head,
// 'a' the verb's arguments or its neighbourhood, 0 the neighbourhood) and
// its word list.
func condList(c string) (scope byte, list string) {
	if len(c) > 2 && c[1] == ':' {
		return c[0], c[2:]
	}
	return 0, c
}
