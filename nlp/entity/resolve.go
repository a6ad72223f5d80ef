package entity

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/gazetteer"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// entity is an entity while resolving.
type entity struct {
	typ, kb, country, canon string
	geo                     *sitrep.Geo
	name                    string   // longest name mention
	words                   []string // tokens of the longest person name
	initials                string   // acronym of the first multi-word name
	ms                      []int
	roles                   []string
}

var stopInitials = newLowerSet(map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "on": true, "in": true, "&": true})

// initials returns the acronym of a multi-word name ("Korean Central News
// Agency" -> "KCNA"), "" for a single word.
func initials(doc *text.Doc, first, last int) string {
	var b [16]byte
	return string(appendInitials(b[:0], doc, first, last))
}

// appendInitials appends initials(doc, first, last) to b, or nothing
// where it is "".
func appendInitials(b []byte, doc *text.Doc, first, last int) []byte {
	if last-first < 2 {
		return b
	}
	start := len(b)
	for i := first; i < last; i++ {
		w := doc.Tok(i)
		if inLower(stopInitials, w) {
			continue
		}
		if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
			return b[:start]
		}
		b = append(b, w[0])
	}
	return b
}

// acronymOf returns the letters of an all-capital token ("KCNA", "U.N." ->
// "UN"), "" if it is not one.
func acronymOf(w string) string {
	letters, dots := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.':
			dots++
		default:
			return ""
		}
	}
	if letters < 2 {
		return ""
	}
	if dots == 0 {
		return w
	}
	b := make([]byte, 0, letters)
	for i := 0; i < len(w); i++ {
		if w[i] != '.' {
			b = append(b, w[i])
		}
	}
	return string(b)
}

// partOf reports whether tokens [first, last) are a proper prefix or suffix
// of the name words.
func partOf(doc *text.Doc, first, last int, words []string) bool {
	n := last - first
	if n >= len(words) {
		return false
	}
	prefix, suffix := true, true
	for k := 0; k < n; k++ {
		w := doc.Tok(first + k)
		prefix = prefix && words[k] == w
		suffix = suffix && words[len(words)-n+k] == w
	}
	return prefix || suffix
}

// extend grows mention mi, a prefix of a person's name, to the whole name
// where the text goes on with the rest of it ("Kim Jong" + "Un"), unless
// another mention starts there.
func extend(doc *text.Doc, ms []mention, mi int, words []string) int {
	m := &ms[mi]
	s := doc.Sentences[m.sent]
	n := m.last - m.first
	for k := 0; k < n; k++ {
		if doc.Tok(m.first+k) != words[k] {
			return m.last
		}
	}
	end := m.first + len(words)
	if end > s.Last || mi+1 < len(ms) && ms[mi+1].first < end {
		return m.last
	}
	for k := n; k < len(words); k++ {
		if doc.Tok(m.first+k) != words[k] {
			return m.last
		}
	}
	return end
}

// family groups types that a name keeps across mentions: the same string
// as a person and as an organisation ("Nice" the club) are two entities.
func family(typ string) string {
	switch typ {
	case sitrep.EntityGPE, sitrep.EntityLoc, sitrep.EntityFac:
		return "L\x00"
	case sitrep.EntityNORP, sitrep.EntityMisc, sitrep.EntityEvent:
		return "M\x00"
	case sitrep.EntityOrg:
		return "O\x00"
	}
	return "P\x00"
}

// squash replaces each run of white space in s by one space: names
// broken across lines ("Penn\nTraffic") are one name.
func squash(s string) string {
	if squashed(s) {
		return s
	}
	return string(appendFields(make([]byte, 0, len(s)), s))
}

// squashed reports whether squash(s) is s.
func squashed(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// appendFields appends strings.Join(strings.Fields(s), " ") to buf.
func appendFields(buf []byte, s string) []byte {
	start := len(buf)
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && len(buf) > start {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return buf
}

var corpSuffixes = newLowerSet(map[string]bool{
	"co": true, "co.": true, "corp": true, "corp.": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "corporation": true, "company": true, "ag": true, "sa": true, "nv": true,
	"gmbh": true, "limited": true, "incorporated": true, "&": true, "and": true, ",": true, ".": true,
})

// orgKey drops corporate suffixes from a normalised organisation name, so
// "Penn Traffic Co" and "Penn Traffic" are one company.
func orgKey(key string) string {
	if simpleSpaces(key) {
		// words joined by single spaces: cut the suffixes off in place
		n := key
		for {
			sp := strings.LastIndexByte(n, ' ')
			if sp < 0 || !corpSuffixes.m[n[sp+1:]] {
				return n
			}
			n = n[:sp]
		}
	}
	f := strings.Fields(key)
	n := len(f)
	for n > 1 && corpSuffixes.m[f[n-1]] {
		n--
	}
	if n == len(f) {
		return key
	}
	return strings.Join(f[:n], " ")
}

// simpleSpaces reports whether s is ASCII words joined by single spaces,
// without spaces at either end: what strings.Fields splits at its spaces.
func simpleSpaces(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// famKey is a name within a type family (see family).
type famKey struct{ fam, key string }

// resolveScratch is resolve's memory, reused across documents.
type resolveScratch struct {
	ents         []entity
	byKB         map[string]int
	byCanon      map[famKey]int // linked without an id: the gazetteer's name in a type family
	byName       map[famKey]int
	byInitials   map[string]int
	personByWord map[string][]int // words of person names -> entities, in order of creation
	ptrs         []*entity        // the entities of resolve, in order of creation
	refs, seen   []personRef      // corefer's
	live         []liveEnt        // output's
	idx          []int
	keys         []string // per mention: the key of its text for exact matching (normKeys)
	keyBuf       []byte
	keyEnds      []int32
}

func (rs *resolveScratch) reset(mentions int) {
	if rs.byKB == nil {
		rs.byKB, rs.byCanon, rs.byName = map[string]int{}, map[famKey]int{}, map[famKey]int{}
		rs.byInitials, rs.personByWord = map[string]int{}, map[string][]int{}
	}
	clear(rs.byKB)
	clear(rs.byCanon)
	clear(rs.byName)
	clear(rs.byInitials)
	clear(rs.personByWord)
	// every mention makes at most one entity and one country: the slab
	// never grows, so pointers into it stay valid
	if cap(rs.ents) < 2*mentions {
		rs.ents = make([]entity, 0, 2*mentions)
	}
	rs.ents = rs.ents[:0]
}

// normKeys sets rs.keys[mi] to the key of mention mi's text for exact
// matching, for every mention: lower case, runs of spaces squashed, without
// a leading "the" (TestNormKeys states it plainly). The keys are one string
// per document: most names need lower-casing,
// and one allocation for the document costs less than one per name (or a
// cache of them across documents, whose map and strings crowd out the
// tagger's tables).
func (rs *resolveScratch) normKeys(doc *text.Doc, ms []mention) {
	buf := rs.keyBuf[:0]
	ends := rs.keyEnds[:0]
	for mi := range ms {
		start := len(buf)
		buf = appendNorm(buf, ms[mi].text(doc))
		if len(buf)-start >= 4 && string(buf[start:start+4]) == "the " {
			// (TrimPrefix: keep the offsets, drop the bytes)
			buf = append(buf[:start], buf[start+4:]...)
		}
		ends = append(ends, int32(len(buf)))
	}
	all := string(buf)
	rs.keys = rs.keys[:0]
	start := 0
	for _, end := range ends {
		rs.keys = append(rs.keys, all[start:end])
		start = int(end)
	}
	rs.keyBuf, rs.keyEnds = buf, ends
}

// appendNorm appends strings.ToLower(squash(s)) to buf.
func appendNorm(buf []byte, s string) []byte {
	if !isASCII(s) {
		return append(buf, strings.ToLower(squash(s))...)
	}
	start := len(buf)
	if squashed(s) {
		buf = append(buf, s...)
	} else {
		buf = appendFields(buf, s)
	}
	for i := start; i < len(buf); i++ {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// resolve groups the mentions of st's document into entities.
func (r *Recognizer) resolve(st *docState, ms []mention) []sitrep.Entity {
	doc := st.doc
	rs := &st.resolve
	rs.reset(len(ms))
	ents := rs.ptrs[:0]
	byKB, byCanon, byName, byInitials, personByWord := rs.byKB, rs.byCanon, rs.byName, rs.byInitials, rs.personByWord
	g := r.lex.g
	alloc := func(e entity) *entity {
		// reuse the slab entry's slices that do not leave resolve
		old := rs.ents[:len(rs.ents)+1][len(rs.ents)]
		e.words, e.ms = old.words[:0], old.ms[:0]
		rs.ents = append(rs.ents, e)
		return &rs.ents[len(rs.ents)-1]
	}
	newEnt := func(m *mention) int {
		e := alloc(entity{typ: m.typ, kb: m.kb, country: m.country, canon: m.canon, geo: m.geo})
		ents = append(ents, e)
		return len(ents) - 1
	}
	countryEnt := func(code string) int {
		if k, ok := byKB[code]; ok {
			return k
		}
		e := alloc(entity{typ: sitrep.EntityGPE, kb: code, country: code})
		if g != nil {
			if c, ok := g.Country(code); ok {
				e.canon, e.geo = c.Name, c.Geo
			}
		}
		ents = append(ents, e)
		byKB[code] = len(ents) - 1
		return len(ents) - 1
	}
	rs.normKeys(doc, ms)
	for mi := range ms {
		m := &ms[mi]
		surface := m.text(doc)
		key := rs.keys[mi]
		if m.typ == sitrep.EntityOrg {
			key = orgKey(key)
		}
		if m.typ == sitrep.EntityFac && m.last-m.first == 2 && roadCode(doc.Tok(m.first)) {
			// "the N6 highway" ... "the N6"
			key = strings.ToLower(doc.Tok(m.first))
		}
		fkey := famKey{family(m.typ), key}
		ei := -1
		switch {
		case m.kind == sitrep.MentionDemonym && m.country != "":
			ei = countryEnt(m.country)
		case m.kind == sitrep.MentionMetonym && m.kb != "":
			ei = countryEnt(m.kb)
		case m.kb != "":
			if isCountryKB(m.kb) && m.typ == sitrep.EntityGPE {
				ei = countryEnt(m.kb)
			} else if k, ok := byKB[m.kb]; ok {
				ei = k
			} else if k, ok := byName[fkey]; ok && m.typ != sitrep.EntityOrg && ents[k].kb != "" && !isCountryKB(ents[k].kb) {
				// one sense per document: "Kursk" after "Kursk region"
				// is the region already named
				ei = k
			} else {
				ei = newEnt(m)
				byKB[m.kb] = ei
			}
		case m.canon != "":
			// linked without an id ("U.N." and "United Nations"): the
			// gazetteer's name is the identity
			ck := famKey{family(m.typ), m.canon}
			if k, ok := byCanon[ck]; ok {
				ei = k
			} else if k, ok := byName[fkey]; ok {
				ei = k
				byCanon[ck] = k
			} else {
				ei = newEnt(m)
				byCanon[ck] = ei
			}
		}
		if ei < 0 {
			if k, ok := byName[fkey]; ok {
				ei = k
			}
		}
		if ei < 0 && m.typ == sitrep.EntityPerson && m.last-m.first <= 3 {
			// a partial person name: "Kim" for "Kim Jong Un", "Paparo" for
			// "Samuel Paparo"; the most recent person wins
			cands := personByWord[doc.Tok(m.first)]
			for c := len(cands) - 1; c >= 0; c-- {
				if k := cands[c]; ents[k].typ == sitrep.EntityPerson && partOf(doc, m.first, m.last, ents[k].words) {
					ei = k
					break
				}
			}
		}
		if ei < 0 && m.last-m.first == 1 && m.kb == "" && (m.typ == sitrep.EntityOrg || m.typ == sitrep.EntityMisc) {
			if a := acronymOf(doc.Tok(m.first)); a != "" {
				if k, ok := byInitials[a]; ok {
					ei = k
					m.kind = sitrep.MentionAcronym
				}
			}
		}
		if ei < 0 {
			ei = newEnt(m)
		}
		m.ent = ei
		e := ents[ei]
		if e.typ == sitrep.EntityPerson && m.typ == sitrep.EntityPerson && len(e.words) > m.last-m.first {
			m.last = extend(doc, ms, mi, e.words)
			surface = m.text(doc)
		}
		if m.last-m.first == 1 && e.initials != "" && m.kind == sitrep.MentionName && acronymOf(doc.Tok(m.first)) == e.initials {
			m.kind = sitrep.MentionAcronym
		}
		e.ms = append(e.ms, mi)
		if m.kind == sitrep.MentionName || m.kind == sitrep.MentionAcronym && e.name == "" {
			if len(surface) > len(e.name) {
				e.name = surface
			}
		}
		if m.typ == sitrep.EntityPerson && m.last-m.first > len(e.words) {
			e.words = e.words[:0]
			for i := m.first; i < m.last; i++ {
				e.words = append(e.words, doc.Tok(i))
				if l := personByWord[doc.Tok(i)]; len(l) == 0 || l[len(l)-1] != ei {
					personByWord[doc.Tok(i)] = append(l, ei)
				}
			}
		}
		if _, ok := byName[fkey]; !ok && m.kind != sitrep.MentionDemonym && m.kind != sitrep.MentionMetonym {
			byName[fkey] = ei
		}
		if m.typ == sitrep.EntityOrg && m.last-m.first > 1 {
			var buf [16]byte
			if b := appendInitials(buf[:0], doc, m.first, m.last); len(b) > 0 {
				// (a string only where one is kept)
				if _, ok := byInitials[string(b)]; !ok || e.initials == "" {
					a := string(b)
					if !ok {
						byInitials[a] = ei
					}
					if e.initials == "" {
						e.initials = a
					}
				}
			}
		}
		if m.typ == sitrep.EntityPerson {
			if role := r.role(st, m); role != "" {
				e.roles = appendRole(e.roles, role)
			}
			if role := apposition(doc, g, m); role != "" {
				e.roles = appendRole(e.roles, role)
			}
		}
	}
	// an acronym used before its expansion ("KCNA ... Korean Central News
	// Agency"): merge the acronym's entity into the expansion's
	for ei, e := range ents {
		if len(e.ms) == 0 || e.typ != sitrep.EntityOrg && e.typ != sitrep.EntityMisc {
			continue
		}
		m := &ms[e.ms[0]]
		if m.last-m.first != 1 {
			continue
		}
		a := acronymOf(doc.Tok(m.first))
		if k, ok := byInitials[a]; ok && a != "" && k != ei && len(ents[k].ms) > 0 && e.kb == "" {
			for _, mi := range e.ms {
				ms[mi].ent = k
				ms[mi].kind = sitrep.MentionAcronym
			}
			ents[k].ms = append(ents[k].ms, e.ms...)
			e.ms = nil
		}
	}
	// a partial person name used before the full one ("Trump says ..."
	// then "President Donald Trump"): merge it into the one later person
	// whose name it starts or ends, when there is exactly one
	for ei, e := range ents {
		if len(e.ms) == 0 || e.typ != sitrep.EntityPerson {
			continue
		}
		target := -1
		m := &ms[e.ms[0]]
		for _, k := range personByWord[doc.Tok(m.first)] {
			o := ents[k]
			if k <= ei || len(o.ms) == 0 || o.typ != sitrep.EntityPerson || len(o.words) <= len(e.words) {
				continue
			}
			if partOf(doc, m.first, m.last, o.words) {
				if target >= 0 {
					target = -2
					break
				}
				target = k
			}
		}
		if target >= 0 {
			o := ents[target]
			for _, mi := range e.ms {
				ms[mi].ent = target
			}
			o.ms = append(o.ms, e.ms...)
			o.roles = append(o.roles, e.roles...)
			e.ms = nil
		}
	}
	rs.ptrs = ents
	ms = r.corefer(st, ents, ms)
	st.ms = ms
	return r.output(doc, rs, ents, ms)
}

func appendRole(roles []string, role string) []string {
	for _, x := range roles {
		if strings.EqualFold(x, role) {
			return roles
		}
	}
	return append(roles, role)
}

// role returns the title right before a person mention ("Admiral Samuel
// Paparo", "Russian President Vladimir Putin"), canonical, or "".
func (r *Recognizer) role(st *docState, m *mention) string {
	if r.lex.g == nil {
		return ""
	}
	s := st.doc.Sentences[m.sent]
	for k := max(m.first-4, s.First); k < m.first; k++ {
		if n, role := r.lex.title(st, k, m.first); n == m.first-k {
			return role
		}
	}
	return ""
}

// apposition returns a role given in an apposition after a person mention:
// "Samuel Paparo, head of U.S. Indo-Pacific Command," -> "head of U.S.
// Indo-Pacific Command".
func apposition(doc *text.Doc, g *gazetteer.Gazetteer, m *mention) string {
	if g == nil {
		return ""
	}
	s := doc.Sentences[m.sent]
	i := m.last
	if i+1 >= s.Last || doc.Tok(i) != "," {
		return ""
	}
	start := i + 1
	j := start
	if w := strings.ToLower(doc.Tok(j)); w == "the" || w == "a" || w == "an" {
		j++
	}
	n, _ := g.Title(doc, j, s.Last)
	if n == 0 {
		return ""
	}
	end := j + n
	for end < s.Last && end-start < 12 {
		w := doc.Tok(end)
		if w == "," || w == "." || w == ";" || w == "said" || w == "says" || w == ")" || w == "(" || w == "--" {
			break
		}
		end++
	}
	if end == s.Last || end-start >= 12 {
		// an apposition closes with a comma or the sentence's end
		if end-start >= 12 {
			return ""
		}
	}
	return doc.Text[doc.Tokens[j].Start:doc.Tokens[end-1].End]
}

// output builds the sitrep entities, dropping merged-away ones.
func (r *Recognizer) output(doc *text.Doc, rs *resolveScratch, ents []*entity, ms []mention) []sitrep.Entity {
	// ids follow the order of first mentions
	first := func(e *entity) int {
		f := len(doc.Tokens)
		for _, mi := range e.ms {
			f = min(f, ms[mi].first)
		}
		return f
	}
	live := rs.live[:0]
	nm := 0
	for _, e := range ents {
		if len(e.ms) > 0 {
			live = append(live, liveEnt{e, first(e)})
			nm += len(e.ms)
		}
	}
	slices.SortStableFunc(live, func(a, b liveEnt) int { return a.first - b.first })
	out := make([]sitrep.Entity, 0, len(live))
	// one array for every entity's mentions, each entity's part capped so
	// that appending to it copies
	all := make([]sitrep.Mention, 0, nm)
	idx := rs.idx[:0]
	for _, le := range live {
		e := le.e
		se := sitrep.Entity{
			ID:      entityID(len(out) + 1),
			Type:    e.typ,
			KB:      e.kb,
			Roles:   e.roles,
			Country: e.country,
			Geo:     e.geo,
		}
		if isCountryKB(e.kb) && e.typ == sitrep.EntityGPE {
			se.Country = ""
		}
		// the name as the text writes it most fully; the gazetteer's
		// name only for an abbreviation ("U.S.") or where the text has no
		// name mention (only "the Kremlin" or "Russian")
		se.Name = e.name
		if e.canon != "" && (e.name == "" || acronymOf(e.name) != "") {
			se.Name = e.canon
		}
		if se.Name == "" {
			m := ms[e.ms[0]]
			se.Name = m.text(doc)
		}
		se.Name = squash(se.Name)
		// mentions in text order
		idx = append(idx[:0], e.ms...)
		sortInts(idx, func(a, b int) bool { return ms[a].first < ms[b].first })
		start := len(all)
		for _, mi := range idx {
			m := &ms[mi]
			sp := m.span(doc)
			all = append(all, sitrep.Mention{
				Start: sp.Start, End: sp.End, Text: doc.Text[sp.Start:sp.End],
				Kind: m.kind, Sentence: m.sent,
			})
		}
		se.Mentions = all[start:len(all):len(all)]
		out = append(out, se)
	}
	rs.live, rs.idx = live, idx
	return out
}

// liveEnt is an entity that output keeps, with its first token.
type liveEnt struct {
	e     *entity
	first int
}

func sortInts(a []int, less func(x, y int) bool) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && less(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// entityID returns "e<n>", without allocating for the first ids.
func entityID(n int) string {
	if n < len(entityIDs) {
		return entityIDs[n]
	}
	return "e" + strconv.Itoa(n)
}

var entityIDs = func() (ids [256]string) {
	for n := range ids {
		ids[n] = "e" + strconv.Itoa(n)
	}
	return ids
}()
