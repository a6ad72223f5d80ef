package quote

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed cues.txt
var cuesData string

// names.txt.gz: "female NAME…" and "male NAME…" lines of lower-case first
// names; see its header for the source and licence.
//
//go:embed names.txt.gz
var namesData []byte

// nameList is one line of names.txt.gz: a gender and its names, in byte
// order.
type nameList struct {
	gender int8
	names  []string
}

// firstNames reads names.txt.gz, once. Its lines are kept as sorted
// lists searched by halves: the few lookups a document makes (one per
// person named) do not pay for building a table of 30,000 names, which
// took 100 million instructions, some 18 ms, at the first document.
var firstNames = sync.OnceValue(func() []nameList {
	zr, err := gzip.NewReader(bytes.NewReader(namesData))
	if err != nil {
		return nil
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil
	}
	var ls []nameList
	for line := range strings.SplitSeq(string(b), "\n") {
		fs := strings.Fields(line)
		if len(fs) < 2 || fs[0][0] == '#' {
			continue
		}
		l := nameList{gender: genderMale, names: fs[1:]}
		if fs[0] == "female" {
			l.gender = genderFemale
		}
		if !slices.IsSorted(l.names) {
			slices.Sort(l.names)
		}
		ls = append(ls, l)
	}
	return ls
})

// firstNameGender returns the usual gender of a first name, read with
// its ASCII letters lower-cased, genderUnknown when the list does not
// hold it (a name on two lines has the later line's gender).
func firstNameGender(name string) int {
	if len(name) > 32 {
		return genderUnknown // no first name is that long
	}
	var buf [32]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	key := string(buf[:len(name)])
	g := genderUnknown
	for _, l := range firstNames() {
		if _, ok := slices.BinarySearch(l.names, key); ok {
			g = int(l.gender)
		}
	}
	return g
}

// cueEntry is what the lexicon knows about one reporting-verb form.
type cueEntry struct {
	modality  string // sitrep.ModalityReported, Believed or Negated
	addressee bool   // takes an addressee before its content: told lawmakers that
	stance    bool   // a stance cue (supported, sought): PolNeAR's wider sense
	gerund    bool   // an -ing form: ", saying …" shares the main clause's subject
	quoted    bool   // only before a colon or a quotation: "Cruz continued: …"
	raising   bool   // "X seemed to …": X is content, there is no source
	that      bool   // only before "that", a colon or a quotation
	verb      bool   // only where the tagger says verb: "ordered", not "an order"
	noun      bool   // also where the tagger says noun or adjective
	as        bool   // only with "as" after its object: "sees Trump as a threat"
	particle  bool   // only with a particle after it: "spoke about"
	adj       bool   // an adjective after "be", before that/to/about/of: "is confident that"
}

// Word classes used by the structural rules, as bits.
const (
	wAux     uint16 = 1 << iota // may stand between a subject and its verb: has, also, would
	wBarrier                    // cannot lie inside a source noun phrase: that, but, because
	wPrep                       // opens an adverbial after a cue: on, in, at
	wTime                       // a time word: Tuesday, week, April
	wClause                     // may open a complement clause: he, the, it
	wRel                        // relative pronoun standing as a source: who, which
	wDet                        // determiner, possessive pronoun
	wConj                       // and, or
	wPronoun                    // he, she, they: a source to resolve
	wThat                       // that
	wNeg                        // not, n't, never
)

var wordClasses = map[uint16]string{
	wAux: "has have had 've 's 'd ’ve ’s ’d n't n’t not also later then previously recently repeatedly publicly often once again would will could " +
		"did does do is are was were never just already still first further privately explicitly strongly " +
		"has since since frequently initially originally subsequently quickly immediately widely long ultimately " +
		"eventually finally personally flatly bluntly firmly openly sharply simply only even been now yet",
	wBarrier: "that but because when while as if since although though after before where so yet or whether than until " +
		"unless meanwhile however whom whose what how why and nor also not n't n’t never to -- — – ; : ( ) [ ] \" “ ” ''" +
		" is are was were be been being has have had do does did will would can could may might should must",
	wPrep:    "on in at during to via through from before after over with by for last this earlier while",
	wTime:    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year morning afternoon evening night january february march april may june july august september october november december earlier later recently last this next",
	wClause:  "he she it they we i you there this these those the a an his her their its our my some many most no one several",
	wRel:     "who which",
	wDet:     "the a an his her their its our my this that these those some many several all both each every any no",
	wConj:    "and or",
	wPronoun: "he she they we i it you",
	wThat:    "that",
	wNeg:     "not n't n’t never no",
}

// lexicon is the parsed reporting-cue data plus the word classes, in one
// table looked up case-insensitively (ASCII) once for every token.
type lexicon struct {
	words *text.WordMap[lexWord]
	cues  []cueEntry // lexWord.cue indexes it from 1
	// lookup answers most words without the table: the one-byte
	// words (marks, "a"; a tenth of news text) from an array of their
	// entries, the two- and three-letter words (a third) from a small
	// table that stays in cache, and nearly all longer words that are no key
	// from a bit set (a miss costs a hash and a probe of the table,
	// and three in four longer words miss).
	one   [256]lexWord    // the entry of each one-byte word
	short [256]shortEntry // the two- and three-letter words of ASCII letters, by text.ShortSlot
	long  [1 << 10]uint64 // longBit of each key longer than three bytes
}

type shortEntry struct {
	key uint32 // text.ShortKey of the word, 0 for a free slot
	l   lexWord
}

// lookup returns lx.words.GetFold(w)'s entry, the zero lexWord for none.
func (lx *lexicon) lookup(w string) lexWord {
	switch n := len(w); {
	case n == 1:
		return lx.one[w[0]]
	case n <= 3:
		if k, ok := text.ShortKey(w); ok {
			for i := text.ShortSlot(k); lx.short[i].key != 0; i = (i + 1) % len(lx.short) {
				if lx.short[i].key == k {
					return lx.short[i].l
				}
			}
			return lexWord{}
		}
	default:
		if b := longBit(w); lx.long[b/64]&(1<<(b%64)) == 0 {
			return lexWord{}
		}
	}
	l, _ := lx.words.GetFold(w)
	return l
}

// longBit hashes w's length and five of its bytes (the first two, the
// middle one and the last two, each with bit 5 set, which lower-cases
// ASCII letters and merges some other bytes) to a bit of lexicon.long:
// a word that equals a key lower-cased has that key's bit.
func longBit(w string) uint64 {
	n := len(w)
	h := uint64(w[0]|0x20) | uint64(w[1]|0x20)<<8 | uint64(w[n/2]|0x20)<<16 | uint64(w[n-2]|0x20)<<24 | uint64(w[n-1]|0x20)<<32 | uint64(n)<<40
	return h * 0x9e3779b97f4a7c15 >> (64 - 16)
}

// lexWord is what the lexicon knows about a word: its classes and its cue
// form (an index into lexicon.cues plus one, 0 when it is none), in 4
// bytes, so that the table stays small in cache.
type lexWord struct {
	flags uint16
	cue   uint16
}

// cue returns the cue form of l, nil when it is none.
func (lx *lexicon) cue(l lexWord) *cueEntry {
	if l.cue == 0 {
		return nil
	}
	return &lx.cues[l.cue-1]
}

var defaultLexicon = sync.OnceValue(func() *lexicon { return parseLexicon(cuesData) })

func parseLexicon(data string) *lexicon {
	cues, words := map[string]*cueEntry{}, map[string]uint16{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		e := cueEntry{modality: sitrep.ModalityReported}
		switch f[0] {
		case "believed":
			e.modality = sitrep.ModalityBelieved
		case "negated":
			e.modality = sitrep.ModalityNegated
		}
		e.addressee = strings.Contains(f[1], "a")
		e.stance = strings.Contains(f[1], "s")
		e.quoted = strings.Contains(f[1], "q")
		e.raising = strings.Contains(f[1], "r")
		e.that = strings.Contains(f[1], "t")
		e.verb = strings.Contains(f[1], "v")
		e.noun = strings.Contains(f[1], "n")
		e.as = strings.Contains(f[1], "x")
		e.particle = strings.Contains(f[1], "p")
		e.adj = strings.Contains(f[1], "j")
		for _, form := range f[2:] {
			if _, dup := cues[form]; dup {
				continue
			}
			g := e
			g.gerund = strings.HasSuffix(form, "ing")
			cues[form] = &g
		}
	}
	for bit, list := range wordClasses {
		for _, w := range strings.Fields(list) {
			words[w] |= bit
		}
	}
	lx := &lexicon{}
	all := make(map[string]lexWord, len(cues)+len(words))
	for w, e := range cues {
		if len(lx.cues) == 1<<16-1 {
			panic("quote: more than 65535 cue forms")
		}
		lx.cues = append(lx.cues, *e)
		all[w] = lexWord{cue: uint16(len(lx.cues))}
	}
	for w, f := range words {
		l := all[w]
		l.flags = f
		all[w] = l
	}
	lx.words = foldTable(all)
	for c := range lx.one {
		lx.one[c], _ = lx.words.GetFold(string([]byte{byte(c)}))
	}
	for w, l := range all { // the keys are lower case
		if k, ok := text.ShortKey(w); ok && len(w) > 1 { // one-byte words are in lx.one
			i := text.ShortSlot(k)
			for lx.short[i].key != 0 {
				i = (i + 1) % len(lx.short)
			}
			lx.short[i] = shortEntry{k, l}
		} else if len(w) > 3 {
			b := longBit(w)
			lx.long[b/64] |= 1 << (b % 64)
		}
	}
	return lx
}

// foldTable builds the table that looks words up in m lower-cased
// (ASCII). Words longer than 32 bytes are never looked up.
func foldTable[V any](m map[string]V) *text.WordMap[V] {
	for k := range m {
		if len(k) > 32 {
			delete(m, k)
		}
	}
	return text.NewWordMap(m)
}
