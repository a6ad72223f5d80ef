package entity

import (
	"bytes"
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/gazetteer"
	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed model/ner.bin.gz
var embeddedModel []byte

// Recognizer finds the entities of a document. It is immutable and safe for
// concurrent use.
type Recognizer struct {
	model *Model
	lex   *lexicon
	pool  *sync.Pool // of *docState: per-document scratch
}

var (
	defaultOnce sync.Once
	defaultRec  *Recognizer
)

// Default returns the recogniser with the embedded model and the default
// gazetteer, loaded on the first call. It panics if the embedded model is
// corrupt, which the package tests rule out.
func Default() *Recognizer {
	defaultOnce.Do(func() {
		m, err := ReadModel(bytes.NewReader(embeddedModel))
		if err != nil {
			panic("entity: embedded model: " + err.Error())
		}
		defaultRec = New(m, gazetteer.Default())
	})
	return defaultRec
}

// New returns a recogniser with model m and gazetteer g (which must be the
// one the model was trained with for best results).
func New(m *Model, g *gazetteer.Gazetteer) *Recognizer {
	return &Recognizer{model: m, lex: newLexicon(g), pool: &sync.Pool{New: func() any { return new(docState) }}}
}

// mention is a mention while resolving.
type mention struct {
	first, last int // tokens
	sent        int
	typ         string // sitrep type of the mention
	kind        string
	kb, country string
	geo         *sitrep.Geo
	canon       string // canonical name from the gazetteer, "" if none
	ent         int
}

// Recognize tags every sentence of doc (chrome paragraphs have none), builds
// mentions, types and links them with the gazetteer, and groups them into
// one entity per real-world identity. Entity ids are "e1", "e2", ... in
// order of first mention.
func (r *Recognizer) Recognize(doc *text.Doc) []sitrep.Entity {
	if doc == nil || len(doc.Sentences) == 0 {
		return nil
	}
	st := r.pool.Get().(*docState)
	labels := r.model.tagDoc(st.init(doc, r.lex))
	ms := headingFilter(doc, r.mentions(doc, labels))
	st.doc = nil
	r.pool.Put(st)
	return r.resolve(doc, ms)
}

// Phrase is a tagged phrase with its CoNLL type (PER, ORG, LOC, MISC), for
// scoring the tagger alone.
type Phrase struct {
	First, Last int // tokens [First, Last)
	Type        string
}

// Tag returns the tagger's phrases in doc, before typing and linking.
func (r *Recognizer) Tag(doc *text.Doc) []Phrase {
	ps := phrases(doc, r.model.tagDoc(newDocState(doc, r.lex)))
	out := make([]Phrase, len(ps))
	for i, p := range ps {
		out[i] = Phrase{p.first, p.last, typeNames[p.typ]}
	}
	return out
}

var locPreps = map[string]bool{
	"in": true, "at": true, "from": true, "to": true, "into": true, "near": true, "outside": true,
	"around": true, "across": true, "via": true, "toward": true, "towards": true, "through": true,
	"inside": true, "within": true, "of": true, "visit": true, "visited": true, "visiting": true,
	"for": true, "over": true, "on": true, "arrived": true, "reached": true,
}

var auxVerbs = map[string]bool{
	"is": true, "was": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"could": true, "can": true, "may": true, "might": true, "must": true, "should": true, "did": true,
	"does": true, "were": true, "are": true, "said": true, "says": true, "wants": true, "hopes": true,
}

var adverbs = map[string]bool{
	"also": true, "reportedly": true, "again": true, "now": true, "still": true, "already": true,
	"then": true, "later": true, "too": true, "has": false, "allegedly": true, "repeatedly": true,
	"never": true, "recently": true, "previously": true, "officially": true, "quickly": true,
}

// actorAt reports whether the phrase at tokens [first, last) of sentence s
// is used as an actor: possessive ("Pyongyang's forces"), subject of a verb
// ("Pyongyang also supplied", "Seoul and Washington have agreed"), "X and
// its allies", the source in "according to X", or the object of a verb or
// of "with", "against", "between" ("talks with Washington", "urged
// Beijing").
func actorAt(doc *text.Doc, first, last int, s text.Sentence) bool {
	if p := first - 1; p >= s.First {
		w := strings.ToLower(doc.Tok(p))
		if actorPreps[w] || w == "to" && p > s.First && strings.EqualFold(doc.Tok(p-1), "according") {
			return true
		}
		if locPreps[w] || placeVerbs[w] {
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
	if w == "and" && j+1 < s.Last {
		n := doc.Tok(j + 1)
		if n == "its" || n == "their" {
			return true
		}
	}
	for k := 0; k < 3 && j < s.Last; k++ {
		w = doc.Tok(j)
		if adverbs[w] {
			j++
			continue
		}
		return auxVerbs[w] || isVerbish(w)
	}
	return false
}

// actorPreps before a seat of power make it a party, not a place.
var actorPreps = map[string]bool{"with": true, "against": true, "between": true, "urged": true, "accused": true}

// placeVerbs before a name take a place as their object.
var placeVerbs = map[string]bool{
	"visited": true, "visits": true, "reached": true, "reaches": true, "entered": true, "enters": true,
	"left": true, "leaves": true, "arrived": true, "arrives": true, "landed": true, "lands": true,
	"struck": true, "strikes": true, "hit": true, "hits": true, "bombed": true, "shelled": true,
	"captured": true, "captures": true, "flew": true, "returned": true, "returns": true, "based": true,
}

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
	return locPreps[w] || placeVerbs[w]
}

var facWords = map[string]bool{
	"Airport": true, "Bridge": true, "Palace": true, "Square": true, "Stadium": true, "Tower": true,
	"Base": true, "Dam": true, "Plant": true, "Station": true, "Hospital": true, "Embassy": true,
	"Building": true, "Street": true, "Avenue": true, "Prison": true, "Cathedral": true, "Mosque": true,
	"Church": true, "Temple": true, "Arena": true, "Park": true, "Harbour": true, "Harbor": true,
}

var geoWords = map[string]bool{
	"River": true, "Sea": true, "Ocean": true, "Mountains": true, "Mount": true, "Lake": true,
	"Gulf": true, "Bay": true, "Strait": true, "Peninsula": true, "Valley": true, "Desert": true,
	"Island": true, "Islands": true, "Coast": true, "Basin": true, "Channel": true, "Plateau": true,
	"Europe": true, "Asia": true, "Africa": true, "East": true, "West": true, "Hills": true,
}

// regionWords after a place name make it the region ("Kursk region").
var regionWords = map[string]bool{
	"region": true, "oblast": true, "province": true, "state": true, "county": true, "district": true,
	"prefecture": true, "governorate": true, "territory": true,
}

var eventWords = map[string]bool{
	"War": true, "Olympics": true, "Games": true, "Cup": true, "Championship": true, "Championships": true,
	"Summit": true, "Offensive": true, "Revolution": true, "Crisis": true, "Open": true, "Tour": true,
	"Festival": true, "Expo": true, "Grand": true, "Prix": true, "Marathon": true, "Uprising": true,
}

// mentions turns the tagger's phrases into typed, linked mentions and adds
// gazetteer-only mentions of countries, demonyms and seats of power used
// as actors.
func (r *Recognizer) mentions(doc *text.Doc, labels []uint8) []mention {
	ps := phrases(doc, labels)
	var ms []mention
	g := r.lex.g
	pi := 0
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			if pi < len(ps) && ps[pi].first == i {
				p := ps[pi]
				pi++
				ms = append(ms, r.typed(doc, p.first, p.last, si, p.typ))
				i = p.last
				continue
			}
			// gazetteer-only mentions
			ti := doc.Tok(i)
			if g != nil && startsUpperASCII(ti) {
				n, es := g.Longest(doc, i, s.Last)
				if n > 0 && (pi >= len(ps) || ps[pi].first >= i+n) {
					if m, ok := gazOnly(doc, i, i+n, si, es); ok {
						ms = append(ms, m)
						i += n
						continue
					}
				}
			}
			i++
		}
	}
	return ms
}

func startsUpperASCII(s string) bool {
	return s != "" && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 0x80)
}

// gazOnly decides whether an alias the tagger left out is a mention worth
// keeping: a country name, a demonym, or a seat of power used as an actor.
func gazOnly(doc *text.Doc, first, last, si int, es []gazetteer.Entry) (mention, bool) {
	s := doc.Sentences[si]
	// a single capitalised word at the start of a sentence is often a
	// common word; only accept it when it is not also seen in lower case
	e := es[0]
	m := mention{first: first, last: last, sent: si, kind: e.Kind}
	switch {
	case e.Kind == sitrep.MentionDemonym:
		m.typ, m.country = sitrep.EntityNORP, e.Country
		return m, true
	case e.Type == sitrep.EntityGPE && isCountryKB(e.KB) && e.Kind != sitrep.MentionMetonym &&
		!(e.Kind == sitrep.MentionAcronym && last-first == 1 && !strings.Contains(doc.Tok(first), ".")):
		m.typ, m.kb, m.country, m.canon, m.geo = sitrep.EntityGPE, e.KB, e.KB, e.Name, e.Geo
		return m, true
	}
	for _, e := range es {
		if e.Kind == sitrep.MentionMetonym && e.Country != "" && actorAt(doc, first, last, s) && !placeAt(doc, first, s.First) {
			m.kind, m.typ, m.kb, m.country = sitrep.MentionMetonym, sitrep.EntityGPE, e.Country, e.Country
			return m, true
		}
	}
	return m, false
}

// typed types and links a tagged phrase.
func (r *Recognizer) typed(doc *text.Doc, first, last, si, conll int) mention {
	m := mention{first: first, last: last, sent: si, kind: sitrep.MentionName}
	var es []gazetteer.Entry
	if g := r.lex.g; g != nil {
		if n, found := g.Longest(doc, first, last); n == last-first {
			es = found
		}
	}
	lastWord := doc.Tok(last - 1)
	s := doc.Sentences[si]
	switch conll {
	case 1: // PER
		m.typ = sitrep.EntityPerson
		return m
	case 2: // ORG
		m.typ = sitrep.EntityOrg
		for _, e := range es {
			if e.Type == sitrep.EntityOrg {
				m.kb, m.country, m.canon, m.kind = e.KB, e.Country, e.Name, e.Kind
				break
			}
		}
		if m.kb == "" && len(es) > 0 && es[0].Kind == sitrep.MentionMetonym && es[0].Country != "" {
			// "the Kremlin" tagged ORG: the government it stands for
			e := es[0]
			m.typ, m.kb, m.country, m.kind = sitrep.EntityGPE, e.Country, e.Country, sitrep.MentionMetonym
		}
		return m
	case 3: // LOC
		// a seat of power used as an actor stands for its country
		for _, e := range es {
			if e.Kind == sitrep.MentionMetonym && e.Country != "" {
				if actorAt(doc, first, last, s) && !placeAt(doc, first, s.First) {
					m.typ, m.kb, m.country, m.kind = sitrep.EntityGPE, e.Country, e.Country, sitrep.MentionMetonym
					return m
				}
			}
		}
		// "Kursk region": the region, not its capital city
		region := last < s.Last && regionWords[doc.Tok(last)]
		for pass := 0; pass < 2; pass++ {
			for _, e := range es {
				if e.Kind == sitrep.MentionMetonym || e.Kind == sitrep.MentionDemonym {
					continue
				}
				if pass == 0 && (!region || !strings.HasPrefix(e.KB, "iso3166-2:")) {
					continue
				}
				switch e.Type {
				case sitrep.EntityGPE, sitrep.EntityLoc, sitrep.EntityFac:
					m.typ, m.kb, m.country, m.canon, m.geo, m.kind = e.Type, e.KB, e.Country, e.Name, e.Geo, e.Kind
					return m
				}
			}
		}
		switch {
		case facWords[lastWord]:
			m.typ = sitrep.EntityFac
		case geoWords[lastWord] || geoWords[doc.Tok(first)]:
			m.typ = sitrep.EntityLoc
		default:
			// unknown towns and regions: most named places in news are
			// governed ones
			m.typ = sitrep.EntityGPE
		}
		return m
	default: // MISC
		for _, e := range es {
			switch {
			case e.Kind == sitrep.MentionDemonym || e.Type == sitrep.EntityNORP:
				m.typ, m.country, m.kind = sitrep.EntityNORP, e.Country, sitrep.MentionDemonym
				return m
			case e.Type == sitrep.EntityEvent:
				m.typ, m.kb, m.canon = sitrep.EntityEvent, e.KB, e.Name
				return m
			}
		}
		switch {
		case eventWords[lastWord] && last-first > 1:
			m.typ = sitrep.EntityEvent
		case last-first == 1 && (groupWords[strings.ToLower(lastWord)] || nationalForm(lastWord)):
			m.typ = sitrep.EntityNORP
		default:
			m.typ = sitrep.EntityMisc
		}
		return m
	}
}

// groupWords name religious and political groups (NORP).
var groupWords = map[string]bool{
	"muslim": true, "muslims": true, "christian": true, "christians": true, "jewish": true, "jew": true,
	"jews": true, "catholic": true, "catholics": true, "protestant": true, "protestants": true,
	"sunni": true, "sunnis": true, "shiite": true, "shiites": true, "shia": true, "hindu": true,
	"hindus": true, "buddhist": true, "buddhists": true, "sikh": true, "sikhs": true, "orthodox": true,
	"islamist": true, "islamists": true, "democrat": true, "democrats": true, "republican": true,
	"republicans": true, "communist": true, "communists": true, "socialist": true, "socialists": true,
	"conservative": true, "conservatives": true, "liberal": true, "liberals": true, "labour": false,
	"kurd": true, "kurds": true, "kurdish": true, "arab": true, "arabs": true, "latino": true,
	"latinos": true, "hispanic": true, "hispanics": true, "uyghur": true, "uyghurs": true, "uighur": true,
	"uighurs": true, "rohingya": true, "pashtun": true, "tamil": true, "tamils": true, "basque": true,
	"basques": true, "catalan": true, "catalans": true, "palestinian": true, "palestinians": true,
}

// nationalForm guesses a nationality or people adjective from its ending
// ("Chechen", "Tibetan", "Congolese", "Flemish"), for single-word MISC
// names the gazetteer does not know.
func nationalForm(w string) bool {
	if len(w) < 5 || !startsUpperASCII(w) {
		return false
	}
	for _, suf := range []string{"ian", "ians", "ean", "eans", "ese", "ish", "an", "ans"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// headingFilter drops mentions in title-case headings ("What People Have
// Said"), where every word is capitalised and the tagger sees names everywhere,
// unless the gazetteer links them or the same name occurs in running text.
func headingFilter(doc *text.Doc, ms []mention) []mention {
	title := make([]bool, len(doc.Sentences))
	hasTitle := false
	for si, s := range doc.Sentences {
		if s.Heading && titleCase(doc, s) {
			title[si], hasTitle = true, true
		}
	}
	if !hasTitle {
		return ms
	}
	body := map[string]bool{}
	for _, m := range ms {
		if !title[m.sent] {
			body[doc.Text[doc.Tokens[m.first].Start:doc.Tokens[m.last-1].End]] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if title[m.sent] && m.kb == "" && m.country == "" &&
			!body[doc.Text[doc.Tokens[m.first].Start:doc.Tokens[m.last-1].End]] {
			continue
		}
		out = append(out, m)
	}
	return out
}

var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "for": true, "at": true, "by": true, "with": true, "from": true, "is": true, "vs": true,
}

// titleCase reports whether every word of a sentence is capitalised but
// for short function words ("What to Know"), as in headings.
func titleCase(doc *text.Doc, s text.Sentence) bool {
	words := 0
	for i := s.First; i < s.Last; i++ {
		w := doc.Tok(i)
		if doc.Tokens[i].Kind != text.Word {
			continue
		}
		words++
		if !startsUpperASCII(w) && !functionWords[w] {
			return false
		}
	}
	return words >= 2
}

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

var stopInitials = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "on": true, "in": true, "&": true}

// initials returns the acronym of a multi-word name ("Korean Central News
// Agency" -> "KCNA"), "" for a single word.
func initials(doc *text.Doc, first, last int) string {
	if last-first < 2 {
		return ""
	}
	var b strings.Builder
	for i := first; i < last; i++ {
		w := doc.Tok(i)
		if stopInitials[strings.ToLower(w)] {
			continue
		}
		if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
			return ""
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// acronymOf returns the letters of an all-capital token ("KCNA", "U.N." ->
// "UN"), "" if it is not one.
func acronymOf(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c)
		case c == '.':
		default:
			return ""
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
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
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

var corpSuffixes = map[string]bool{
	"co": true, "co.": true, "corp": true, "corp.": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "corporation": true, "company": true, "ag": true, "sa": true, "nv": true,
	"gmbh": true, "limited": true, "incorporated": true, "&": true, "and": true, ",": true, ".": true,
}

// orgKey drops corporate suffixes from a normalised organisation name, so
// "Penn Traffic Co" and "Penn Traffic" are one company.
func orgKey(key string) string {
	f := strings.Fields(key)
	n := len(f)
	for n > 1 && corpSuffixes[f[n-1]] {
		n--
	}
	if n == len(f) {
		return key
	}
	return strings.Join(f[:n], " ")
}

// normName is the key of a name for exact matching: lower case, without a
// leading "the".
func normName(s string) string {
	s = strings.ToLower(squash(s))
	s = strings.TrimPrefix(s, "the ")
	return s
}

// resolve groups mentions into entities.
func (r *Recognizer) resolve(doc *text.Doc, ms []mention) []sitrep.Entity {
	var ents []*entity
	byKB := map[string]int{}
	byName := map[string]int{}
	byInitials := map[string]int{}
	personByWord := map[string][]int{} // words of person names -> entities, in order of creation
	g := r.lex.g
	newEnt := func(m *mention) int {
		e := &entity{typ: m.typ, kb: m.kb, country: m.country, canon: m.canon, geo: m.geo}
		ents = append(ents, e)
		return len(ents) - 1
	}
	countryEnt := func(code string) int {
		if k, ok := byKB[code]; ok {
			return k
		}
		e := &entity{typ: sitrep.EntityGPE, kb: code, country: code}
		if g != nil {
			if c, ok := g.Country(code); ok {
				e.canon, e.geo = c.Name, c.Geo
			}
		}
		ents = append(ents, e)
		byKB[code] = len(ents) - 1
		return len(ents) - 1
	}
	for mi := range ms {
		m := &ms[mi]
		surface := doc.Text[doc.Tokens[m.first].Start:doc.Tokens[m.last-1].End]
		key := normName(surface)
		if m.typ == sitrep.EntityOrg {
			key = orgKey(key)
		}
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
			} else if k, ok := byName[family(m.typ)+key]; ok && m.typ != sitrep.EntityOrg && ents[k].kb != "" && !isCountryKB(ents[k].kb) {
				// one sense per document: "Kursk" after "Kursk region"
				// is the region already named
				ei = k
			} else {
				ei = newEnt(m)
				byKB[m.kb] = ei
			}
		}
		if ei < 0 {
			if k, ok := byName[family(m.typ)+key]; ok {
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
			surface = doc.Text[doc.Tokens[m.first].Start:doc.Tokens[m.last-1].End]
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
		if _, ok := byName[family(m.typ)+key]; !ok && m.kind != sitrep.MentionDemonym && m.kind != sitrep.MentionMetonym {
			byName[family(m.typ)+key] = ei
		}
		if a := initials(doc, m.first, m.last); a != "" && m.typ == sitrep.EntityOrg {
			if _, ok := byInitials[a]; !ok {
				byInitials[a] = ei
			}
			if e.initials == "" {
				e.initials = a
			}
		}
		if m.typ == sitrep.EntityPerson {
			if role := r.role(doc, m); role != "" {
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
	return r.output(doc, ents, ms)
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
func (r *Recognizer) role(doc *text.Doc, m *mention) string {
	g := r.lex.g
	if g == nil {
		return ""
	}
	s := doc.Sentences[m.sent]
	for k := max(m.first-4, s.First); k < m.first; k++ {
		if n, role := g.Title(doc, k, m.first); n == m.first-k {
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
func (r *Recognizer) output(doc *text.Doc, ents []*entity, ms []mention) []sitrep.Entity {
	// ids follow the order of first mentions
	first := func(e *entity) int {
		f := len(doc.Tokens)
		for _, mi := range e.ms {
			f = min(f, ms[mi].first)
		}
		return f
	}
	live := make([]*entity, 0, len(ents))
	for _, e := range ents {
		if len(e.ms) > 0 {
			live = append(live, e)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return first(live[i]) < first(live[j]) })
	out := make([]sitrep.Entity, 0, len(live))
	for _, e := range live {
		se := sitrep.Entity{
			ID:      "e" + strconv.Itoa(len(out)+1),
			Type:    e.typ,
			KB:      e.kb,
			Roles:   e.roles,
			Country: e.country,
			Geo:     e.geo,
		}
		if isCountryKB(e.kb) && e.typ == sitrep.EntityGPE {
			se.Country = ""
		}
		se.Name = e.name
		if e.canon != "" && (e.kb != "" || se.Name == "") {
			se.Name = e.canon
		}
		if se.Name == "" {
			m := ms[e.ms[0]]
			se.Name = doc.Text[doc.Tokens[m.first].Start:doc.Tokens[m.last-1].End]
		}
		se.Name = squash(se.Name)
		// mentions in text order
		idx := append([]int(nil), e.ms...)
		sortInts(idx, func(a, b int) bool { return ms[a].first < ms[b].first })
		se.Mentions = make([]sitrep.Mention, 0, len(idx))
		for _, mi := range idx {
			m := ms[mi]
			sp := doc.Span(m.first, m.last)
			se.Mentions = append(se.Mentions, sitrep.Mention{
				Start: sp.Start, End: sp.End, Text: doc.Text[sp.Start:sp.End],
				Kind: m.kind, Sentence: m.sent,
			})
		}
		out = append(out, se)
	}
	return out
}

func sortInts(a []int, less func(x, y int) bool) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && less(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
