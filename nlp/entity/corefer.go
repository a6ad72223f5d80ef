package entity

import (
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Nominal and pronoun mentions of people, precision before recall:
//
//   - "the president", "the foreign minister", "the envoy" is a nominal
//     mention of the nearest person mentioned before it whose roles hold
//     that title ("President Filipe Nyusi ... the president said");
//   - "he" or "she" is a pronoun mention of the one person mentioned in its
//     sentence before it or in the two sentences before, when there is
//     exactly one (and none when the pronoun sits inside a quotation).

// personRef is a mention of a person entity, in text order.
type personRef struct {
	first, sent, ent int
}

// corefer adds nominal and pronoun mentions to the person entities.
func (r *Recognizer) corefer(st *docState, ents []*entity, ms []mention) []mention {
	doc := st.doc
	g := r.lex.g
	rs := &st.resolve
	refs := rs.refs[:0]
	withRoles := false
	for mi := range ms {
		m := &ms[mi]
		if e := ents[m.ent]; e.typ == sitrep.EntityPerson && len(e.ms) > 0 && m.typ == sitrep.EntityPerson {
			refs = append(refs, personRef{m.first, m.sent, m.ent})
			withRoles = withRoles || len(e.roles) > 0
		}
	}
	rs.refs = refs
	if len(refs) == 0 {
		return ms
	}
	sortRefs(refs)
	seen := rs.seen[:0] // person mentions before the current token
	defer func() { rs.seen = seen }()
	ri := 0
	quote := false       // inside a quotation in this paragraph
	toks := st.corefToks // the quotation marks, "the", "he" and "she"
	next := 0            // the first token not inside a mention found
	for si, s := range doc.Sentences {
		if si == 0 || doc.Sentences[si-1].Paragraph != s.Paragraph {
			quote = false
		}
		for ; len(toks) > 0 && int(toks[0]) < s.Last; toks = toks[1:] {
			i := int(toks[0])
			if i < next {
				continue
			}
			for ri < len(refs) && refs[ri].first <= i {
				seen = append(seen, refs[ri])
				ri++
			}
			w := doc.Tok(i)
			if isQuote(w) {
				quote = !quote
				continue
			}
			switch {
			case (w == "the" || w == "The") && withRoles && g != nil && i+1 < s.Last:
				n, role := r.lex.title(st, i+1, s.Last)
				if w := doc.Tok(i + 1); n == 0 && nominalTitles.has(w) {
					// the gazetteer wants "Minister" capitalised before a
					// name; after "the" the noun is safe
					n, role = 1, g.TitleOf(w)
				}
				if n == 0 || role == "" || !nominalEnd(doc, i+1+n, s) || !lowerTitle(doc, i+1, i+1+n) {
					continue
				}
				if ei := nearestWithRole(ents, seen, role); ei >= 0 {
					ms = append(ms, mention{first: i, last: i + 1 + n, sent: si, typ: sitrep.EntityPerson, kind: sitrep.MentionNominal, ent: ei})
					ents[ei].ms = append(ents[ei].ms, len(ms)-1)
					seen = append(seen, personRef{i, si, ei})
					next = i + n + 1
				}
			case (w == "he" || w == "He" || w == "she" || w == "She") && !quote:
				ei := -1
				for k := len(seen) - 1; k >= 0 && seen[k].sent >= si-2; k-- {
					if ei >= 0 && seen[k].ent != ei {
						ei = -2
						break
					}
					ei = seen[k].ent
				}
				if ei >= 0 {
					ms = append(ms, mention{first: i, last: i + 1, sent: si, typ: sitrep.EntityPerson, kind: sitrep.MentionPronoun, ent: ei})
					ents[ei].ms = append(ents[ei].ms, len(ms)-1)
				}
			}
		}
	}
	return ms
}

// nominalEnd reports whether a title ending before token j stands alone
// as a noun phrase: not "the president of France", not "the President
// Donald Trump".
func nominalEnd(doc *text.Doc, j int, s text.Sentence) bool {
	if j >= s.Last {
		return true
	}
	w := doc.Tok(j)
	if w == "of" || w == "-" || startsUpperASCII(w) && doc.Tokens[j].Kind == text.Word {
		return false
	}
	return true
}

// lowerTitle reports whether the title words read as a common noun
// phrase: lower case, or capitalised as news writes "the President"; never
// "former" or "then" titles.
func lowerTitle(doc *text.Doc, first, last int) bool {
	for k := first; k < last; k++ {
		switch strings.ToLower(doc.Tok(k)) {
		case "former", "then", "ex", "late", "outgoing", "new", "next":
			return false
		}
	}
	return true
}

// nearestWithRole returns the entity of the latest person mention in seen
// whose roles hold role, or -1.
func nearestWithRole(ents []*entity, seen []personRef, role string) int {
	for k := len(seen) - 1; k >= 0; k-- {
		ei := seen[k].ent
		for _, r := range ents[ei].roles {
			if roleFits(role, r) {
				return ei
			}
		}
	}
	return -1
}

// roleFits reports whether a title used alone ("Minister") names a role a
// person holds ("Foreign Minister"): the title's words are all in the role
// and its head is the role's first or last word, and the role is no
// deputy's or former one.
func roleFits(title, role string) bool {
	if isASCII(title) && isASCII(role) && !strings.EqualFold(lastWord(title), lastWord(role)) && !strings.EqualFold(firstWord(role), lastWord(title)) {
		// (the test on the head below, without allocating)
		return false
	}
	tw := strings.Fields(strings.ToLower(title))
	rw := strings.Fields(strings.ToLower(role))
	if len(tw) == 0 || len(rw) == 0 {
		return false
	}
	head := tw[len(tw)-1]
	if rw[len(rw)-1] != head && rw[0] != head {
		return false
	}
	has := func(ws []string, x string) bool {
		for _, w := range ws {
			if w == x {
				return true
			}
		}
		return false
	}
	for _, w := range tw {
		if !has(rw, w) {
			return false
		}
	}
	for _, w := range []string{"vice", "deputy", "former", "assistant", "under", "acting", "vice-president", "deputy-minister"} {
		if has(rw, w) && !has(tw, w) {
			return false
		}
	}
	return true
}

func isQuote(w string) bool {
	return w == `"` || w == "“" || w == "”" || w == "``" || w == "''"
}

func sortRefs(a []personRef) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].first < a[j-1].first; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// nominalTitles are lower-case titles that name a role after "the" ("the
// minister", "the secretary") though the gazetteer wants them capitalised
// before a name.
var nominalTitles = newExactSet(map[string]bool{
	"minister": true, "secretary": true, "governor": true, "mayor": true, "chancellor": true,
	"ambassador": true, "commander": true, "senator": true, "premier": true, "envoy": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true,
})

// lastWord and firstWord return the last and first word of an ASCII
// string, as strings.Fields splits it ("" for none).
func lastWord(s string) string {
	s = strings.TrimRight(s, asciiSpace)
	if i := strings.LastIndexAny(s, asciiSpace); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, asciiSpace)
	if i := strings.IndexAny(s, asciiSpace); i >= 0 {
		return s[:i]
	}
	return s
}

const asciiSpace = " \t\n\v\f\r"
