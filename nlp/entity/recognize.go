package entity

import (
	"bytes"
	_ "embed"
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
	// caches holds the tagger's score caches between documents; unlike
	// the pool, a garbage collection does not empty it. A cache holds only
	// sums of the model's weights, so it never changes a result.
	caches chan *wordCache
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
	return &Recognizer{model: m, lex: newLexicon(g), pool: &sync.Pool{New: func() any { return new(docState) }},
		caches: make(chan *wordCache, 8)}
}

// mention is a mention while resolving.
type mention struct {
	first, last int // tokens
	end         int // byte end when the mention ends inside its last token ("U.S." in "U.S.-led"), else 0
	sent        int
	typ         string // sitrep type of the mention
	kind        string
	kb, country string
	geo         *sitrep.Geo
	canon       string // canonical name from the gazetteer, "" if none
	ent         int
}

func (m *mention) span(doc *text.Doc) sitrep.Span {
	sp := doc.Span(m.first, m.last)
	if m.end > 0 {
		sp.End = m.end
	}
	return sp
}

func (m *mention) text(doc *text.Doc) string {
	sp := m.span(doc)
	return doc.Text[sp.Start:sp.End]
}

// Recognize tags every sentence of doc (chrome paragraphs have none), builds
// mentions, types and links them with the gazetteer, and groups them into
// one entity per real-world identity. Entity ids are "e1", "e2", ... in
// order of first mention.
func (r *Recognizer) Recognize(doc *text.Doc) []sitrep.Entity {
	if doc == nil || len(doc.Sentences) == 0 {
		return nil
	}
	st := r.state()
	labels := r.model.tagDoc(st.init(doc, r.lex))
	ms := headingFilter(doc, r.mentions(st, labels))
	ents := r.resolve(st, ms)
	r.release(st)
	return ents
}

// state returns a pooled document state with a score cache.
func (r *Recognizer) state() *docState {
	st := r.pool.Get().(*docState)
	select {
	case st.cache = <-r.caches:
	default:
		st.cache = new(wordCache)
	}
	return st
}

// release returns st and its cache for the next document.
func (r *Recognizer) release(st *docState) {
	select {
	case r.caches <- st.cache:
	default:
	}
	st.doc, st.cache = nil, nil
	r.pool.Put(st)
}

// Phrase is a tagged phrase with its CoNLL type (PER, ORG, LOC, MISC), for
// scoring the tagger alone.
type Phrase struct {
	First, Last int // tokens [First, Last)
	Type        string
}

// Tag returns the tagger's phrases in doc, before typing and linking.
func (r *Recognizer) Tag(doc *text.Doc) []Phrase {
	st := r.state()
	ps := phrases(doc, r.model.tagDoc(st.init(doc, r.lex)))
	r.release(st)
	out := make([]Phrase, len(ps))
	for i, p := range ps {
		out[i] = Phrase{p.first, p.last, typeNames[p.typ]}
	}
	return out
}

var facWords = newExactSet(map[string]bool{
	"Airport": true, "Bridge": true, "Palace": true, "Square": true, "Stadium": true, "Tower": true,
	"Base": true, "Dam": true, "Plant": true, "Station": true, "Hospital": true, "Embassy": true,
	"Building": true, "Street": true, "Avenue": true, "Prison": true, "Cathedral": true, "Mosque": true,
	"Church": true, "Temple": true, "Arena": true, "Park": true, "Harbour": true, "Harbor": true,
})

var geoWords = newExactSet(map[string]bool{
	"River": true, "Sea": true, "Ocean": true, "Mountains": true, "Mount": true, "Lake": true,
	"Gulf": true, "Bay": true, "Strait": true, "Peninsula": true, "Valley": true, "Desert": true,
	"Island": true, "Islands": true, "Coast": true, "Basin": true, "Channel": true, "Plateau": true,
	"Europe": true, "Asia": true, "Africa": true, "East": true, "West": true, "Hills": true,
})

// regionWords after a place name make it the region ("Kursk region").
var regionWords = newExactSet(map[string]bool{
	"region": true, "oblast": true, "province": true, "state": true, "county": true, "district": true,
	"prefecture": true, "governorate": true, "territory": true,
})

var eventWords = newExactSet(map[string]bool{
	"War": true, "Olympics": true, "Games": true, "Cup": true, "Championship": true, "Championships": true,
	"Summit": true, "Offensive": true, "Revolution": true, "Crisis": true, "Open": true, "Tour": true,
	"Festival": true, "Expo": true, "Grand": true, "Prix": true, "Marathon": true, "Uprising": true,
})

// mentions turns the tagger's phrases into typed, linked mentions and adds
// gazetteer-only mentions of countries, demonyms and seats of power used
// as actors.
func (r *Recognizer) mentions(st *docState, labels []uint8) []mention {
	doc := st.doc
	st.phrases = vote(doc, rawPhrases(st.phrases[:0], doc, labels))
	ps := st.phrases
	ms := st.ms[:0]
	g := r.lex.g
	pi := 0
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			if pi < len(ps) && ps[pi].first == i {
				p := ps[pi]
				pi++
				for p.last-p.first > 1 && lowerWord(doc.Tok(p.last-1)) {
					// "Defence Force said": a name ends in a name word
					p.last--
				}
				for p.last-p.first > 1 && weekdays.has(doc.Tok(p.last-1)) {
					// "Ecuador Tuesday": a date is no part of a name
					p.last--
				}
				if onlySuffixes(doc, p.first, p.last) {
					// "Co" or "Co Inc" alone is the tail of a name cut short
					i = p.last
					continue
				}
				if k, n := innerTitle(st, r.lex, p.first, p.last); n > 0 {
					// "Federal Reserve Board Vice Chairman Manuel Johnson": an
					// organisation, a title, a person
					ms = append(ms, r.typed(st, p.first, k, si, 2))
					ms = append(ms, r.typed(st, k+n, p.last, si, 1))
					i = p.last
					continue
				}
				typ := p.typ
				event := p.last < s.Last && eventNouns.has(doc.Tok(p.last)) && (typ == 3 || typ == 4)
				if event && typ == 4 && namesPlace(r.lookup(st, p.first, p.last)) {
					// "the Kursk offensive": Kursk is the place
					typ = 3
				}
				ms = append(ms, r.typed(st, p.first, p.last, si, typ))
				if event {
					// ... and the offensive an event of its own
					ms = append(ms, mention{first: p.first, last: p.last + 1, sent: si, typ: sitrep.EntityEvent, kind: sitrep.MentionName})
				}
				if g != nil && p.last-p.first == 1 && ms[len(ms)-1].kb == "" {
					// "Russian-made" (MISC) also names Russia
					if m, ok := hyphenMention(doc, g, p.first, p.last, si); ok {
						ms = append(ms, m)
					}
				}
				i = p.last
				continue
			}
			// gazetteer-only mentions, which start with a capital: skip to
			// the next one before the next phrase
			end := s.Last
			if pi < len(ps) {
				end = min(end, ps[pi].first)
			}
			for i < end && !upperStartAt(doc, i) {
				i++
			}
			if i == end {
				continue
			}
			ti := doc.Tok(i)
			if g != nil && startsUpperASCII(ti) {
				if m, ok := hyphenMention(doc, g, i, s.Last, si); ok && (pi >= len(ps) || ps[pi].first >= m.last) {
					ms = append(ms, m)
					i = m.last
					continue
				}
			}
			if g != nil && startsUpperASCII(ti) {
				n, es := st.longest(g, i, s.Last)
				if n > 0 && (pi >= len(ps) || ps[pi].first >= i+n) {
					if m, ok := gazOnly(doc, i, i+n, si, es); ok {
						ms = append(ms, m)
						i += n
						continue
					}
				}
				if st.infos[i].cls&clsGroup != 0 && inLower(groupWords, ti) && !doc.Tokens[i].Is(text.AllCaps) {
					// "Democrats", "Sunni": groups the tagger left out
					ms = append(ms, mention{first: i, last: i + 1, sent: si, typ: sitrep.EntityNORP, kind: sitrep.MentionName})
				}
			}
			i++
		}
	}
	return refine(st, ms, g)
}

// innerTitle finds a person title inside a phrase, between a capitalised
// name before it and one after it: the token where it starts and its
// length, or 0, 0.
func innerTitle(st *docState, l *lexicon, first, last int) (int, int) {
	doc := st.doc
	if l.g == nil || last-first < 4 {
		return 0, 0
	}
	for k := first + 1; k < last-1; k++ {
		if !startsUpperASCII(doc.Tok(k)) {
			continue
		}
		if n, _ := l.title(st, k, last); n > 0 && k+n < last && startsUpperASCII(doc.Tok(k+n)) {
			return k, n
		}
	}
	return 0, 0
}

var weekdays = newExactSet(map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true,
})

// onlySuffixes reports whether tokens [first, last) are all corporate
// suffixes ("Co", "Inc").
func onlySuffixes(doc *text.Doc, first, last int) bool {
	for i := first; i < last; i++ {
		if !inLower(corpSuffixes, doc.Tok(i)) {
			return false
		}
	}
	return true
}

// namesPlace reports whether an alias names a country, city or region.
func namesPlace(es []gazetteer.Entry) bool {
	for _, e := range es {
		if e.Type == sitrep.EntityGPE && e.Kind != sitrep.MentionMetonym && e.Kind != sitrep.MentionDemonym {
			return true
		}
	}
	return false
}

// hyphenMention returns the country, demonym or seat of power that starts
// a hyphenated word at token i ("U.S.-led", "Russian-made", "North
// Korean-backed"), as a mention ending at the hyphen.
func hyphenMention(doc *text.Doc, g *gazetteer.Gazetteer, i, end, si int) (mention, bool) {
	if !doc.Tokens[i].Is(text.HasHyphen) && !(i+1 < end && doc.Tokens[i+1].Is(text.HasHyphen)) {
		return mention{}, false
	}
	n, byteEnd, es := g.Hyphenated(doc, i, end)
	if n == 0 {
		return mention{}, false
	}
	m, ok := gazOnly(doc, i, i+n, si, es)
	if e := es[0]; !ok && e.Kind == sitrep.MentionAcronym && isCountryKB(e.KB) {
		// "US-led": a bare country acronym is safe before a hyphen
		m = mention{first: i, last: i + n, sent: si, kind: e.Kind, typ: sitrep.EntityGPE, kb: e.KB, country: e.KB, canon: e.Name, geo: e.Geo}
		ok = true
	}
	m.end = byteEnd
	return m, ok
}

// upperStartAt is startsUpperASCII(doc.Tok(i)), reading one byte.
func upperStartAt(doc *text.Doc, i int) bool {
	t := &doc.Tokens[i]
	if t.Start >= t.End {
		return false
	}
	c := doc.Text[t.Start]
	return c >= 'A' && c <= 'Z' || c >= 0x80
}

func startsUpperASCII(s string) bool {
	return s != "" && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 0x80)
}

// gazOnly decides whether an alias the tagger left out is a mention worth
// keeping: a country name, a demonym, or a seat of power used as an actor.
func gazOnly(doc *text.Doc, first, last, si int, es []gazetteer.Entry) (mention, bool) {
	s := doc.Sentences[si]
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

// eventNouns after a place or name make a named event: "the Kursk
// offensive", "the Gaza war".
var eventNouns = newExactSet(map[string]bool{
	"offensive": true, "counteroffensive": true, "counter-offensive": true, "invasion": true, "war": true,
	"incursion": true, "uprising": true, "massacre": true, "siege": true, "blockade": true, "campaign": true,
	"summit": true, "crisis": true, "bombing": true, "bombings": true, "earthquake": true, "referendum": true,
})

// lookup returns the gazetteer entries of exactly tokens [first, last).
func (r *Recognizer) lookup(st *docState, first, last int) []gazetteer.Entry {
	if r.lex.g == nil {
		return nil
	}
	if n, es := st.longest(r.lex.g, first, last); n == last-first {
		return es
	}
	return nil
}

// typed types and links a tagged phrase.
func (r *Recognizer) typed(st *docState, first, last, si, conll int) mention {
	doc := st.doc
	m := mention{first: first, last: last, sent: si, kind: sitrep.MentionName}
	es := r.lookup(st, first, last)
	lastWord := doc.Tok(last - 1)
	s := doc.Sentences[si]
	if conll != 2 && last-first > 1 && inLower(corpSuffixes, lastWord) && startsUpperASCII(lastWord) {
		// "Duke Power Co" is a company, whatever the tagger thought
		conll = 2
	}
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
		if m.kb == "" && m.canon == "" && !namesPlace(es) {
			// "the Kremlin" tagged ORG: the government it stands for (but
			// "Washington" the team stays an organisation)
			for _, e := range es {
				if e.Kind == sitrep.MentionMetonym && e.Country != "" {
					m.typ, m.kb, m.country, m.kind = sitrep.EntityGPE, e.Country, e.Country, sitrep.MentionMetonym
					break
				}
			}
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
		region := last < s.Last && regionWords.has(doc.Tok(last))
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
		case facWords.has(lastWord):
			m.typ = sitrep.EntityFac
		case geoWords.has(lastWord) || geoWords.has(doc.Tok(first)):
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
		case eventWords.has(lastWord) && last-first > 1:
			m.typ = sitrep.EntityEvent
		case last-first == 1 && (inLower(groupWords, lastWord) || nationalForm(lastWord)):
			m.typ = sitrep.EntityNORP
		default:
			m.typ = sitrep.EntityMisc
		}
		return m
	}
}

// groupWords name religious and political groups (NORP).
var groupWords = newLowerSet(map[string]bool{
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
})

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
	var title []bool // allocated at the first title-case heading
	for si, s := range doc.Sentences {
		if s.Heading && titleCase(doc, s) {
			if title == nil {
				title = make([]bool, len(doc.Sentences))
			}
			title[si] = true
		}
	}
	if title == nil {
		return ms
	}
	body := map[string]bool{}
	for _, m := range ms {
		if !title[m.sent] {
			body[m.text(doc)] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if title[m.sent] && m.kb == "" && m.country == "" &&
			!body[m.text(doc)] {
			continue
		}
		out = append(out, m)
	}
	return out
}

var functionWords = newLowerSet(map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "for": true, "at": true, "by": true, "with": true, "from": true, "is": true, "vs": true,
})

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
		if !startsUpperASCII(w) && !functionWords.m[w] {
			return false
		}
	}
	return words >= 2
}

// lowerWord reports whether w is a word of lower-case letters.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
