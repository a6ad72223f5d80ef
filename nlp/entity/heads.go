package entity

import (
	"sort"
	"strings"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/gazetteer"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Head-noun and trigger typing. The tagger knows CoNLL's four types and
// often reads "Cyclone Ilusa" or "Buzi River" as a person (a capitalised
// word before a capitalised word); the word that heads or introduces a name
// decides its type better: a storm trigger before a name makes an EVENT, a
// geographic head noun a LOC, a facility head noun a FAC.

// stormWords introduce a named storm ("Cyclone Ilusa", "Hurricane Katrina").
var stormWords = newLowerSet(map[string]bool{
	"cyclone": true, "hurricane": true, "typhoon": true, "storm": true, "depression": true,
})

// stormPrefixes come before a storm word ("Tropical Storm", "Super Typhoon").
var stormPrefixes = newLowerSet(map[string]bool{
	"tropical": true, "subtropical": true, "super": true, "severe": true, "post-tropical": true,
	"extratropical": true, "major": true,
})

// geoHeads end a geographic name ("Buzi River", "Rift Valley").
var geoHeads = newExactSet(map[string]bool{
	"River": true, "Sea": true, "Ocean": true, "Mountains": true, "Mountain": true, "Gulf": true,
	"Bay": true, "Strait": true, "Straits": true, "Peninsula": true, "Valley": true, "Desert": true,
	"Island": true, "Islands": true, "Isles": true, "Hills": true, "Basin": true, "Plateau": true,
	"Delta": true, "Range": true, "Canyon": true, "Glacier": true, "Falls": true, "Lagoon": true,
	"Archipelago": true, "Reef": true, "Highlands": true, "Lake": true, "Estuary": true,
})

// geoFirst start a geographic name ("Lake Chad", "Mount Everest"); those
// marked "of" only before "of" ("Gulf of Aden", "Strait of Hormuz").
var geoFirst = map[string]string{
	"Lake": "", "Mount": "", "Mt.": "", "Mt": "", "Gulf": "of", "Bay": "of", "Strait": "of",
	"Straits": "of", "Sea": "of", "Isle": "of", "Isles": "of", "Cape": "of",
}

// facHeads end a facility's name ("Beira Airport", "Cahora Bassa Dam").
var facHeads = newExactSet(map[string]bool{
	"Airport": true, "Airfield": true, "Airbase": true, "Bridge": true, "Dam": true, "Port": true,
	"Harbour": true, "Harbor": true, "Hospital": true, "Prison": true, "Jail": true, "Penitentiary": true,
	"Highway": true, "Motorway": true, "Expressway": true, "Freeway": true, "Plant": true, "Refinery": true,
	"Terminal": true, "Pipeline": true, "Tunnel": true, "Canal": true, "Stadium": true, "Barracks": true,
	"Reactor": true, "Seaport": true,
})

// orgHeads end an organisation's name, never a person's.
var orgHeads = newExactSet(map[string]bool{
	"Force": true, "Forces": true, "Army": true, "Navy": true, "Ministry": true, "Agency": true,
	"Council": true, "Committee": true, "Commission": true, "Institute": true, "Bank": true,
	"University": true, "Party": true, "Police": true, "Guard": true, "Guards": true, "Corps": true,
	"Authority": true, "Department": true, "Office": true, "Organization": true, "Organisation": true,
	"Association": true, "Federation": true, "Union": true, "Court": true, "Parliament": true,
	"Group": true, "Front": true, "Movement": true, "Brigade": true, "Battalion": true, "Command": true,
})

// institutions are organisation heads whose names go on after "for" or
// "of" ("Ministry of Defence").
var institutions = newExactSet(map[string]bool{
	"Ministry": true, "Agency": true, "Council": true, "Committee": true, "Commission": true,
	"Institute": true, "University": true, "Authority": true, "Department": true, "Office": true,
	"Organization": true, "Organisation": true, "Association": true, "Federation": true, "Court": true,
})

// facNouns after a place name make a facility of it ("the Zaporizhzhia
// nuclear plant", "Kabul airport"), with facMods between them.
var facNouns = newExactSet(map[string]bool{
	"airport": true, "port": true, "seaport": true, "bridge": true, "dam": true, "plant": true,
	"refinery": true, "hospital": true, "prison": true, "jail": true, "highway": true, "airbase": true,
	"reactor": true, "terminal": true, "pipeline": true, "airfield": true,
})

var facMods = newExactSet(map[string]bool{
	"nuclear": true, "power": true, "hydroelectric": true, "hydropower": true, "coal": true,
	"coal-fired": true, "gas": true, "oil": true, "thermal": true, "international": true, "military": true,
	"main": true, "naval": true, "air": true, "container": true, "deep-water": true, "deepwater": true,
	"central": true, "regional": true, "district": true, "general": true, "maximum-security": true,
})

// roadNouns after a road number make a road ("the N6 highway").
var roadNouns = newLowerSet(map[string]bool{
	"highway": true, "road": true, "motorway": true, "expressway": true, "freeway": true, "route": true,
})

// geoNouns after a name make it a natural place ("the Buzi valley");
// adminNouns a governed one ("the Buzi district").
var geoNouns = newExactSet(map[string]bool{
	"river": true, "valley": true, "lake": true, "mountains": true, "desert": true, "delta": true,
	"basin": true, "plateau": true, "peninsula": true, "island": true, "islands": true, "gulf": true,
	"estuary": true, "highlands": true,
})

var adminNouns = newExactSet(map[string]bool{
	"district": true, "region": true, "province": true, "county": true, "municipality": true,
	"prefecture": true, "governorate": true, "oblast": true,
})

// roadCode reports whether w reads as a road number: "N6", "A1", "M25",
// "E40", "I-95".
func roadCode(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	i := 0
	for i < len(w) && w[i] >= 'A' && w[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 2 {
		return false
	}
	if i < len(w) && w[i] == '-' {
		i++
	}
	d := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
		d++
	}
	return d >= 1 && d <= 4 && i == len(w)
}

func isYear(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// refine applies the head-noun and trigger rules to the mentions of a
// document (in text order) and adds facility mentions ("port of Beira",
// "N6 highway", "Zaporizhzhia nuclear plant"). It returns the mentions in
// text order.
func refine(st *docState, ms []mention, g *gazetteer.Gazetteer) []mention {
	doc, infos := st.doc, st.infos
	if len(ms) == 0 && len(doc.Tokens) == 0 {
		return ms
	}
	owner := func(i int) int { // index of the mention covering token i, or -1
		k := sort.Search(len(ms), func(k int) bool { return ms[k].last > i })
		for ; k < len(ms) && ms[k].first <= i; k++ {
			if ms[k].first <= i && i < ms[k].last {
				return k
			}
		}
		return -1
	}
	var extra []mention
	var roads map[string]bool // road numbers named as roads
	var drop []bool           // mentions absorbed by another
	addRoad := func(w string) {
		if roads == nil {
			roads = map[string]bool{}
		}
		roads[w] = true
	}
	dropped := func(k int) bool { return drop != nil && drop[k] }
	for k := range ms {
		m := &ms[k]
		if dropped(k) || m.kind != sitrep.MentionName && m.kind != "" && m.kind != sitrep.MentionAcronym {
			continue
		}
		s := doc.Sentences[m.sent]
		n := m.last - m.first
		first, last := doc.Tok(m.first), doc.Tok(m.last-1)
		switch {
		case m.typ == sitrep.EntityEvent:
			if m.first > s.First && isYear(doc.Tok(m.first-1)) && strings.ToLower(last) == last {
				// "the 2023 Turkey earthquake"
				m.first--
			}
			continue
		case n >= 2 && stormHead(doc, m.first, m.last) > m.first && stormName(doc, stormHead(doc, m.first, m.last), m.last, s):
			// "Cyclone Ilusa", "Super Typhoon Mangkhut" tagged as one
			// phrase
			m.first = stormStart(doc, m.first, s)
			setType(m, sitrep.EntityEvent)
			continue
		case n <= 2 && m.first > s.First && inLower(stormWords, doc.Tok(m.first-1)) && stormName(doc, m.first, m.last, s) && owner(m.first-1) < 0:
			if t := doc.Tok(m.first - 1); startsUpperASCII(t) {
				// "Hurricane" left out of "Hurricane Katrina"
				m.first = stormStart(doc, m.first-1, s)
				setType(m, sitrep.EntityEvent)
			} else if m.kb == "" && m.typ != sitrep.EntityNORP {
				// "cyclone Idai"
				setType(m, sitrep.EntityEvent)
			}
			continue
		}
		if roadCode(first) && n == 1 && m.last < s.Last && inLower(roadNouns, doc.Tok(m.last)) && owner(m.last) < 0 {
			// "the N6 highway"
			addRoad(first)
			m.last++
			setType(m, sitrep.EntityFac)
			continue
		}
		// capitalised words up to a head word the tagger left out: "Beira
		// Airport", "John F. Kennedy International Airport"
		if m.typ != sitrep.EntityNORP {
			for j := m.last; j < s.Last && j-m.last < 3 && owner(j) < 0; j++ {
				w := doc.Tok(j)
				if !startsUpperASCII(w) || inLower(functionWords, w) || doc.Tokens[j].Kind != text.Word || doc.Tokens[j].Is(text.AllCaps) {
					break
				}
				if facHeads.has(w) {
					m.last = j + 1
					setType(m, sitrep.EntityFac)
					last = w
					break
				}
				if geoHeads.has(w) && m.typ != sitrep.EntityPerson && j == m.last {
					m.last = j + 1
					setType(m, sitrep.EntityLoc)
					last = w
					break
				}
			}
		}
		switch {
		case facHeads.has(last) && (m.typ != sitrep.EntityFac || m.kb != "") && !inLower(corpSuffixes, last):
			setType(m, sitrep.EntityFac)
		case first == "Port" && n >= 3 && doc.Tok(m.first+1) == "of":
			// "Port of Beira"
			setType(m, sitrep.EntityFac)
		case orgHeads.has(last) && m.typ == sitrep.EntityPerson && n >= 2:
			// "Defence Force": no person's name ends so
			setType(m, sitrep.EntityOrg)
		case geoHeads.has(last) && m.typ != sitrep.EntityLoc && (m.kb == "" || !isCountryKB(m.kb)) && last != "Lake":
			setType(m, sitrep.EntityLoc)
		case n >= 2 && geoStart(doc, m.first, m.last) && m.typ != sitrep.EntityLoc && m.kb == "":
			setType(m, sitrep.EntityLoc)
		}
		if m.typ == sitrep.EntityFac || m.typ == sitrep.EntityLoc && m.kb == "" {
			// "Beira Central Hospital": the words before the head are the
			// facility's name, even those the tagger gave to another
			// mention
			for j := m.first - 1; j >= s.First && m.first-j <= 3 && (facHeads.has(last) || geoHeads.has(last)); j-- {
				w := doc.Tok(j)
				if !startsUpperASCII(w) || inLower(functionWords, w) || doc.Tokens[j].Kind != text.Word {
					break
				}
				if o := owner(j); o >= 0 {
					if o == k || dropped(o) || ms[o].last != m.first || ms[o].typ == sitrep.EntityPerson || ms[o].typ == sitrep.EntityNORP {
						break
					}
					if ms[o].country != "" && m.country == "" {
						m.country = ms[o].country
					}
					m.first = ms[o].first
					if drop == nil {
						drop = make([]bool, len(ms))
					}
					drop[o] = true
					break
				}
				m.first = j
			}
		}
		// "the Buzi valley", "the Buzi district"
		if m.last < s.Last && m.kb == "" && (n == 1 || m.typ == sitrep.EntityGPE || m.typ == sitrep.EntityMisc) && m.typ != sitrep.EntityNORP && m.typ != sitrep.EntityFac {
			w := doc.Tok(m.last)
			switch {
			case geoNouns.has(w) && !(m.typ == sitrep.EntityMisc && adjectival(doc.Tok(m.last-1))):
				// (but "Arctic island" is an adjective's)
				setType(m, sitrep.EntityLoc)
			case adminNouns.has(w) && m.typ != sitrep.EntityLoc:
				setType(m, sitrep.EntityGPE)
			}
		}
		// a facility named after its place: "the Zaporizhzhia nuclear
		// plant", "Kabul airport"
		if m.typ == sitrep.EntityGPE || m.typ == sitrep.EntityLoc || m.typ == sitrep.EntityOrg || m.typ == sitrep.EntityMisc {
			j := m.last
			for j < s.Last && j-m.last < 2 && facMods.has(doc.Tok(j)) {
				j++
			}
			if j < s.Last && facNouns.has(doc.Tok(j)) && owner(j) < 0 && !(j+1 < s.Last && doc.Tok(j+1) == "of") {
				extra = append(extra, mention{first: m.first, last: j + 1, sent: m.sent, typ: sitrep.EntityFac, kind: sitrep.MentionName, country: m.country})
			}
		}
		// "the National Institute for Disaster Risk Management": an
		// institution's name goes on after "for" or "of"
		if m.typ == sitrep.EntityOrg && orgHeads.has(last) && institutions.has(last) && m.last+1 < s.Last {
			if w := doc.Tok(m.last); w == "for" || w == "of" {
				j := m.last + 1
				if doc.Tok(j) == "the" {
					j++
				}
				end := j
				for end < s.Last && end-j < 5 && startsUpperASCII(doc.Tok(end)) && doc.Tokens[end].Kind == text.Word && !doc.Tokens[end].Is(text.AllCaps) {
					if o := owner(end); o >= 0 && (ms[o].first < j || ms[o].last > s.Last || ms[o].typ == sitrep.EntityPerson) {
						break
					}
					end++
				}
				if end > j && (end == s.Last || !startsUpperASCII(doc.Tok(end))) {
					if drop == nil {
						drop = make([]bool, len(ms))
					}
					for o := k + 1; o < len(ms) && ms[o].first < end; o++ {
						drop[o] = true
					}
					m.last = end
					last = doc.Tok(end - 1)
				}
			}
		}
		// "U.S. Indo-Pacific Command": the organisation's country is
		// mentioned too
		if m.typ == sitrep.EntityOrg && n >= 2 && g != nil && m.kb == "" {
			if c, es := st.longest(g, m.first, m.last-1); c > 0 {
				e := es[0]
				if e.Type == sitrep.EntityGPE && isCountryKB(e.KB) && (e.Kind == sitrep.MentionName || e.Kind == sitrep.MentionAcronym && strings.Contains(doc.Tok(m.first), ".")) {
					extra = append(extra, mention{first: m.first, last: m.first + c, sent: m.sent, typ: sitrep.EntityGPE, kind: e.Kind, kb: e.KB, country: e.KB, canon: e.Name, geo: e.Geo})
				}
			}
		}
		// "the port of Beira"
		if (m.typ == sitrep.EntityGPE || m.typ == sitrep.EntityLoc) && m.first-2 >= s.First && doc.Tok(m.first-1) == "of" {
			if w := doc.Tok(m.first - 2); (w == "port" || w == "Port") && owner(m.first-2) < 0 {
				extra = append(extra, mention{first: m.first - 2, last: m.last, sent: m.sent, typ: sitrep.EntityFac, kind: sitrep.MentionName, country: m.country})
			}
		}
	}
	// roads the tagger missed ("the N6 highway") and road numbers used
	// alone once named as roads ("Without the N6")
	for si, s := range doc.Sentences {
		if st.cls&clsRoad == 0 {
			// (most documents name no road)
			break
		}
		for i := s.First; i+1 < s.Last; i++ {
			if infos[i+1].cls&clsRoad == 0 {
				continue
			}
			if w := doc.Tok(i); roadCode(w) && inLower(roadNouns, doc.Tok(i+1)) && owner(i) < 0 && owner(i+1) < 0 {
				addRoad(w)
				extra = append(extra, mention{first: i, last: i + 2, sent: si, typ: sitrep.EntityFac, kind: sitrep.MentionName})
			}
		}
	}
	// storms the tagger missed: "after cyclone Idai"
	for si, s := range doc.Sentences {
		if st.cls&clsStorm == 0 {
			break
		}
		for i := s.First; i+1 < s.Last; i++ {
			if infos[i].cls&clsStorm == 0 || !inLower(stormWords, doc.Tok(i)) || owner(i) >= 0 || owner(i+1) >= 0 || !stormName(doc, i+1, i+2, s) || inLower(functionWords, doc.Tok(i+1)) {
				continue
			}
			if doc.Tokens[i+1].Kind != text.Word || doc.Tok(i) == "storm" || weekdays.has(doc.Tok(i+1)) || monthNames.has(doc.Tok(i+1)) {
				continue
			}
			first := i + 1
			if startsUpperASCII(doc.Tok(i)) {
				if i == s.First && !startsUpperASCII(doc.Tok(i+1)) {
					continue
				}
				first = stormStart(doc, i, s)
			}
			extra = append(extra, mention{first: first, last: i + 2, sent: si, typ: sitrep.EntityEvent, kind: sitrep.MentionName})
		}
	}
	if len(roads) > 0 {
		for si, s := range doc.Sentences {
			for i := s.First; i < s.Last; i++ {
				if w := doc.Tok(i); roads[w] && owner(i) < 0 && !(i+1 < s.Last && inLower(roadNouns, doc.Tok(i+1))) {
					extra = append(extra, mention{first: i, last: i + 1, sent: si, typ: sitrep.EntityFac, kind: sitrep.MentionName})
				}
			}
		}
	}
	if drop == nil && roads == nil && len(extra) == 0 && sorted(ms) {
		return ms
	}
	out := ms[:0]
	for k := range ms {
		if dropped(k) {
			continue
		}
		if m := &ms[k]; m.last-m.first == 1 && roads[doc.Tok(m.first)] {
			setType(m, sitrep.EntityFac)
		}
		out = append(out, ms[k])
	}
	out = append(out, extra...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].first < out[b].first })
	return out
}

// setType retypes a mention, dropping a gazetteer link of another type
// (the country of a place stays).
func setType(m *mention, typ string) {
	if m.typ == typ {
		return
	}
	m.typ, m.kb, m.canon, m.kind = typ, "", "", sitrep.MentionName
	if typ == sitrep.EntityEvent {
		m.geo, m.country = nil, ""
	}
}

// stormName reports whether tokens [first, last) read as a storm's name:
// capitalised, and not a weapon ("Storm Shadow missiles").
func stormName(doc *text.Doc, first, last int, s text.Sentence) bool {
	if !startsUpperASCII(doc.Tok(first)) || doc.Tokens[first].Is(text.AllCaps) {
		return false
	}
	if last < s.Last {
		switch strings.ToLower(doc.Tok(last)) {
		case "missile", "missiles", "cruise", "drone", "drones", "jet", "jets", "rocket", "rockets":
			return false
		}
	}
	return true
}

// stormHead returns the token of the storm word that a name starts with,
// after its prefixes ("Super Typhoon Mangkhut"), or first when there is
// none.
func stormHead(doc *text.Doc, first, last int) int {
	for i := first; i < last-1 && i-first < 3; i++ {
		w := doc.Tok(i)
		if !startsUpperASCII(w) {
			return first
		}
		if inLower(stormWords, w) {
			return i + 1
		}
		if !inLower(stormPrefixes, w) {
			return first
		}
	}
	return first
}

// stormStart extends a storm's name back over its prefixes ("Tropical
// Storm", "Super Typhoon") from the storm word at token i.
func stormStart(doc *text.Doc, i int, s text.Sentence) int {
	for i > s.First && startsUpperASCII(doc.Tok(i-1)) && inLower(stormPrefixes, doc.Tok(i-1)) {
		i--
	}
	return i
}

// geoStart reports whether a name starts with a geographic word ("Lake
// Chad", "Gulf of Aden").
func geoStart(doc *text.Doc, first, last int) bool {
	next, ok := geoFirst[doc.Tok(first)]
	if !ok {
		return false
	}
	return next == "" || doc.Tok(first+1) == next
}

// adjectival reports whether a name reads as an adjective ("Arctic",
// "Siberian", "Western").
func adjectival(w string) bool {
	return nationalForm(w) || strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "ern")
}

func sorted(ms []mention) bool {
	for k := 1; k < len(ms); k++ {
		if ms[k].first < ms[k-1].first {
			return false
		}
	}
	return true
}

var monthNames = newExactSet(map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true,
})

// lowerSet is a set of lower-case words with a filter on their lengths and
// first letters: most tokens of a text are in no set, and the filter turns
// them away without hashing.
type lowerSet struct {
	m     map[string]bool
	lens  uint64    // bit n: a word of n bytes
	first [4]uint64 // bit c: a word starting with byte c
	ends  [4]uint64 // bit endsBit(w)
}

func newLowerSet(m map[string]bool) *lowerSet {
	s := &lowerSet{m: m}
	for w, ok := range m {
		if !ok || w == "" {
			continue
		}
		if len(w) < 64 {
			s.lens |= 1 << len(w)
		} else {
			s.lens |= 1 << 63
		}
		c := w[0]
		s.first[c>>6] |= 1 << (c & 63)
		b := endsBit(w)
		s.ends[b>>6] |= 1 << (b & 63)
	}
	return s
}

// inLower reports whether set holds w lower-cased: set[strings.ToLower(w)],
// without allocating for short ASCII words.
func inLower(set *lowerSet, w string) bool {
	if w == "" {
		return set.m[""]
	}
	c, e := w[0], w[len(w)-1]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if 'A' <= e && e <= 'Z' {
		e += 'a' - 'A'
	}
	eb := uint8((uint(c)*31+uint(e))*7 + uint(len(w))) // endsBit of the lower-cased word
	if c < utf8.RuneSelf && (set.lens&(1<<min(len(w), 63)) == 0 || set.first[c>>6]&(1<<(c&63)) == 0 || set.ends[eb>>6]&(1<<(eb&63)) == 0) {
		// the filter holds for ASCII words only: lower-casing may
		// change the length and bytes of others
		if isASCII(w) {
			return false
		}
	}
	var b [32]byte
	if len(w) > len(b) {
		return set.m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set.m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set.m[string(b[:len(w)])]
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// exactSet is a set of words with a filter on their lengths and first
// bytes, like lowerSet but matched as written, and a second one on their
// first and last bytes and length together: capitalised words pass the
// first filter easily, and the sets are looked up for every mention.
type exactSet struct {
	m     map[string]bool
	lens  uint64
	first [4]uint64
	ends  [4]uint64 // bit endsBit(w)
}

func newExactSet(m map[string]bool) *exactSet {
	s := &exactSet{m: m}
	for w, ok := range m {
		if !ok || w == "" {
			continue
		}
		s.lens |= 1 << min(len(w), 63)
		s.first[w[0]>>6] |= 1 << (w[0] & 63)
		b := endsBit(w)
		s.ends[b>>6] |= 1 << (b & 63)
	}
	return s
}

// endsBit hashes the first and last bytes and the length of w, not empty,
// to 0..255.
func endsBit(w string) uint8 {
	return uint8((uint(w[0])*31+uint(w[len(w)-1]))*7 + uint(len(w)))
}

func (s *exactSet) has(w string) bool {
	if w == "" || s.lens&(1<<min(len(w), 63)) == 0 || s.first[w[0]>>6]&(1<<(w[0]&63)) == 0 {
		return false
	}
	if b := endsBit(w); s.ends[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	return s.m[w]
}
