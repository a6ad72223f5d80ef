package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// Lookup returns the entries an alias can refer to, best first: names,
// acronyms and demonyms before metonyms; countries, then curated entries,
// capitals and big cities, regions, other cities; then by population. It
// matches exactly, then case-folded when the phrase starts with a capital,
// then without a leading "the" ("the Kremlin"). It returns nil when nothing
// matches. The returned slice is shared: do not modify it.
func (g *Gazetteer) Lookup(phrase string) []Entry {
	phrase = normKey(strings.TrimSpace(phrase))
	if phrase == "" {
		return nil
	}
	if es := g.lookup(phrase); es != nil {
		return es
	}
	for _, the := range []string{"the ", "The ", "THE "} {
		if rest, ok := strings.CutPrefix(phrase, the); ok {
			return g.lookup(rest)
		}
	}
	return nil
}

func (g *Gazetteer) lookup(key string) []Entry {
	h := newHasher()
	h.str(key)
	ge, gf := g.keys.alias(h.exact, h.folded, startsUpper(key))
	if ge >= 0 {
		return g.group(ge)
	}
	if gf >= 0 {
		return g.group(gf)
	}
	return nil
}

func (g *Gazetteer) group(gi int32) []Entry {
	gr := g.groups[gi]
	return g.entries[gr.lo:gr.hi:gr.hi]
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Longest returns the longest alias that starts at token i and ends within
// tokens [i, end), as its length in tokens and its entries, best first (see
// Lookup). It returns 0, nil when no alias starts at i. Tokens join as
// described in the package doc; a run never crosses non-space text that no
// token covers. A case-folded match wins only when it is longer than every
// exact match and token i is capitalised. It allocates nothing.
func (g *Gazetteer) Longest(doc *text.Doc, i, end int) (n int, entries []Entry) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end {
		return 0, nil
	}
	return g.LongestFrom(doc, i, end, g.start(doc.Tok(i), true, false))
}

// A Start is what the gazetteer knows of a token as the first of a match:
// whether aliases and titles start with it, and the state to go on from.
// StartAt computes it from the token alone, so a caller that sees the
// same words often can keep it and give it to LongestFrom and TitleFrom,
// which then read the tables only for the tokens after the first.
type Start struct {
	exact, folded uint64 // hashes after the token
	e, f, t       int32  // its value as an exact alias, folded alias and title key, absent when absent
	fold          bool   // capitalised: case-folded aliases may match
}

const absent = -2

// StartAt returns the Start of a match at a token whose text is tok.
func (g *Gazetteer) StartAt(tok string) Start { return g.start(tok, true, true) }

// start is StartAt looking up aliases, titles or both.
func (g *Gazetteer) start(tok string, alias, title bool) Start {
	h := newHasher()
	h.str(tok)
	s := Start{exact: h.exact, folded: h.folded, e: absent, f: absent, t: absent, fold: startsUpper(tok)}
	if alias {
		s.e, s.f = g.keys.alias(h.exact, h.folded, s.fold)
	}
	if title {
		if v, ok := g.keys.get(kindTitle, h.folded, h.folded); ok {
			s.t = v
		}
	}
	return s
}

// Alias reports whether an alias can start with the token: where it is
// false, Longest at the token returns 0.
func (s *Start) Alias() bool { return s.e != absent || s.f != absent }

// Title reports whether a title can start with the token: where it is
// false, Title at the token returns 0.
func (s *Start) Title() bool { return s.t != absent }

// LongestFrom is Longest at token i given the Start of token i (from
// StartAt on the token's text).
func (g *Gazetteer) LongestFrom(doc *text.Doc, i, end int, st Start) (n int, entries []Entry) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end || !st.Alias() {
		return 0, nil
	}
	src := doc.Text
	h := hasher{exact: st.exact, folded: st.folded}
	bestE, bestF := int32(-1), int32(-1)
	nE, nF := 0, 0
	if st.e >= 0 {
		bestE, nE = st.e, 1
	}
	if st.f >= 0 {
		bestF, nF = st.f, 1
	}
	for k := i + 1; k < end; k++ {
		t := doc.Tokens[k]
		prev := doc.Tokens[k-1].End
		if t.Start > prev {
			if !allSpace(src[prev:t.Start]) {
				break
			}
			h.byte2(' ', ' ')
		}
		h.str(src[t.Start:t.End])
		ge, gf := g.keys.alias(h.exact, h.folded, st.fold)
		if ge == absent && gf == absent {
			break
		}
		if ge >= 0 {
			bestE, nE = ge, k-i+1
		}
		if gf >= 0 {
			bestF, nF = gf, k-i+1
		}
	}
	if bestF >= 0 && nF > nE {
		return nF, g.group(bestF)
	}
	if bestE >= 0 {
		return nE, g.group(bestE)
	}
	return 0, nil
}

// allSpace reports whether s is white space only: ASCII, no-break (U+00A0)
// and thin spaces (U+2009, U+202F), as news copy has between names.
func allSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case isSpace(s[i]):
		case strings.HasPrefix(s[i:], "\u00a0"):
			i++
		case strings.HasPrefix(s[i:], "\u2009"), strings.HasPrefix(s[i:], "\u202f"):
			i += 2
		default:
			return false
		}
	}
	return true
}

// Title returns the longest person title or role starting at token i within
// tokens [i, end) ("President", "Supreme Leader", "Lt. Gen.", "Defense
// Minister", "spokesperson", "head of"), as its length in tokens and its
// canonical role ("Lt. Gen." -> "Lieutenant General"). Titles match
// case-insensitively, except that ranks, honorifics, royal and religious
// titles and a few others that are common words in lower case ("major",
// "general", "father", "justice") need a capital. A title ending in "of" or "for" ("head of") expects an
// organisation or country next: the caller can try Longest after it. It
// returns 0, "" when no title starts at i. It allocates nothing.
func (g *Gazetteer) Title(doc *text.Doc, i, end int) (n int, role string) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end {
		return 0, ""
	}
	return g.TitleFrom(doc, i, end, g.start(doc.Tok(i), false, true))
}

// TitleFrom is Title at token i given the Start of token i (from StartAt
// on the token's text).
func (g *Gazetteer) TitleFrom(doc *text.Doc, i, end int, st Start) (n int, role string) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end || !st.Title() {
		return 0, ""
	}
	src := doc.Text
	h := hasher{exact: st.exact, folded: st.folded}
	best := int32(-1)
	capital := st.fold
	if ri := st.t; ri >= 0 && (capital || !g.roleCap[ri]) {
		best, n = ri, 1
	}
	for k := i + 1; k < end; k++ {
		t := doc.Tokens[k]
		prev := doc.Tokens[k-1].End
		if t.Start > prev {
			if !allSpace(src[prev:t.Start]) {
				break
			}
			h.byte2(' ', ' ')
		}
		h.str(src[t.Start:t.End])
		ri, ok := g.keys.get(kindTitle, h.folded, h.folded)
		if !ok {
			break
		}
		if ri >= 0 && (capital || !g.roleCap[ri]) {
			best, n = ri, k-i+1
		}
	}
	if best < 0 {
		return 0, ""
	}
	return n, g.roles[best]
}

// Role classes, as RoleClass returns them.
const (
	RoleHonorific  = "honorific"  // Mr., Mrs., Dr., Sir, His Excellency: a courtesy, not a role
	RoleGovernment = "government" // President, Prime Minister, Defense Minister, Senator, spokesperson...
	RoleMilitary   = "military"   // General, Admiral, Colonel, Sergeant...
	RoleSecurity   = "security"   // police and intelligence: Detective, Sheriff, Special Agent...
	RoleReligious  = "religious"  // Pope, Ayatollah, Rabbi...
	RoleRoyal      = "royal"      // King, Queen, Emir, Crown Prince...
	RoleBusiness   = "business"   // Chief Executive, Chairman, Founder, Analyst, Professor...
	RoleOccupation = "occupation" // Journalist, Actor, Coach...
)

// RoleClass returns the class of a canonical role as Title returns it, or
// "" for an unknown role.
func (g *Gazetteer) RoleClass(role string) string { return g.roleClass[role] }

// TitleOf is Title for a phrase: the canonical role of a title, or "".
func (g *Gazetteer) TitleOf(phrase string) string {
	h := newHasher()
	h.str(normKey(strings.TrimSpace(phrase)))
	if ri, ok := g.keys.get(kindTitle, h.folded, h.folded); ok && ri >= 0 {
		return g.roles[ri]
	}
	return ""
}

// Hyphenated returns the longest alias that starts at token i and ends at a
// hyphen inside token i+n-1, within tokens [i, end): "U.S.-led",
// "Russian-made", "North Korean-backed", "Moscow-based" (the scanner keeps
// hyphenated words whole). It returns the number of tokens n, the byte
// offset where the alias ends (at the hyphen), and the entries, best first;
// 0, 0, nil when there is none. Matching is as in Longest. It allocates
// nothing.
func (g *Gazetteer) Hyphenated(doc *text.Doc, i, end int) (n, endByte int, entries []Entry) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end {
		return 0, 0, nil
	}
	src := doc.Text
	fold := startsUpper(src[doc.Tokens[i].Start:doc.Tokens[i].End])
	h := newHasher()
	best := int32(-1)
	bestExact := false
	for k := i; k < end; k++ {
		t := doc.Tokens[k]
		if k > i {
			prev := doc.Tokens[k-1].End
			if t.Start > prev {
				if !allSpace(src[prev:t.Start]) {
					break
				}
				h.byte2(' ', ' ')
			}
		}
		tok := src[t.Start:t.End]
		// Try every inner hyphen of this token as the alias end.
		for p := 1; p < len(tok)-1; p++ {
			if tok[p] != '-' {
				continue
			}
			hp := h
			hp.str(tok[:p])
			ge, gf := g.keys.alias(hp.exact, hp.folded, fold && !bestExact)
			if ge >= 0 {
				best, bestExact, n, endByte = ge, true, k-i+1, t.Start+p
			} else if gf >= 0 {
				best, n, endByte = gf, k-i+1, t.Start+p
			}
		}
		h.str(tok)
		if ge, gf := g.keys.alias(h.exact, h.folded, fold); ge == absent && gf == absent {
			break
		}
	}
	if best < 0 {
		return 0, 0, nil
	}
	return n, endByte, g.group(best)
}
