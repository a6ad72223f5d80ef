package event

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/pos"
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
}

type lexicon struct {
	types   map[string]Type
	order   []string
	entries map[string][]entry
	lists   map[string]map[string]bool
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
	return l
})

// Types returns the taxonomy in its declared order.
func Types() []Type {
	l := lex()
	out := make([]Type, len(l.order))
	for i, n := range l.order {
		out[i] = l.types[n]
	}
	return out
}

// isLight reports whether lemma is a light verb.
func (l *lexicon) isLight(lemma string) bool {
	for _, e := range l.entries[lemma] {
		if e.pos == 'l' {
			return true
		}
	}
	return false
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

// lookup returns the first entry of lemma matching the tag (and, for
// object-only nouns, objectOnly) whose condition cond accepts.
func (l *lexicon) lookup(lemma string, tag pos.Tag, asObject bool, cond func(string) bool) (entry, bool) {
	for _, e := range l.entries[lemma] {
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
		if e.cond != "" && !cond(e.cond) {
			continue
		}
		return e, true
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

func (l *lexicon) cameo(e entry) string {
	if e.cameo != "" {
		return e.cameo
	}
	return l.types[e.typ].CAMEO
}
