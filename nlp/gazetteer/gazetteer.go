package gazetteer

import (
	"cmp"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
)

//go:embed data/countries.tsv data/places.tsv data/entities.tsv data/titles.tsv
var dataFS embed.FS

// Entry is one entity a matched alias can refer to, seen through that alias.
type Entry struct {
	Name string // canonical name of the entity: "North Korea", "Pyongyang", "NATO"
	// Type is the type of a mention made with this alias: sitrep.EntityGPE,
	// EntityLoc, EntityFac, EntityOrg, EntityEvent, EntityPerson, or
	// EntityNORP for a demonym ("North Korean" is NORP, linked to North Korea).
	Type string
	// KB is the knowledge-base id: ISO 3166-1 alpha-3 for a country ("PRK"),
	// "geonames:<id>" for a city, "iso3166-2:<code>" for a region
	// ("iso3166-2:RU-KRS"), "wikidata:<Q-id>" or "" for curated entries.
	KB string
	// Country is the alpha-3 code of the country the entity belongs to
	// ("PRK" for Pyongyang and for "North Korean"), "" when none (NATO).
	Country string
	// Kind is how the alias refers: sitrep.MentionName, MentionAcronym,
	// MentionDemonym, or MentionMetonym (a capital or seat of power standing
	// for a country's government: "Pyongyang", "the Kremlin", "Washington").
	Kind       string
	Geo        *sitrep.Geo // nil when unknown; shared, do not modify
	Population int         // 0 when unknown
}

// Gazetteer is an immutable set of aliases, entities and titles. It is safe
// for concurrent use.
type Gazetteer struct {
	entries   []Entry           // grouped by alias hash, best first within a group
	groups    []group           // index -> entries[lo:hi]
	keys      *table            // exact and case-folded alias hash -> group index, or -1 for an alias prefix only; title hash -> role
	country   map[string]int32  // alpha-3 and alpha-2 -> index into entries of the country's name entry
	roles     []string          // canonical role names
	roleCap   []bool            // the role needs a capitalised first token
	roleClass map[string]string // role -> class (honorific, government, military...)
	counts    map[string]int    // entities per type, for tests and reports

	byKBOnce sync.Once
	byKB     map[string]int32 // KB id -> index into entries of a name entry
	places   int              // cities and regions
}

type group struct{ lo, hi int32 }

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the embedded data, parsed on the
// first call. It panics if the embedded data is corrupt, which the package
// tests rule out.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := load()
		if err != nil {
			panic("gazetteer: embedded data: " + err.Error())
		}
		defaultGaz = g
	})
	return defaultGaz
}

// entity is an entity while loading.
type entity struct {
	typ, kb, country, name string
	geo                    *sitrep.Geo
	pop                    int
	tier                   int // lower ranks first: country, curated, capital/big city, region/seat, city
}

type alias struct {
	ent  int32
	kind string
	key  string
}

type builder struct {
	ents    []entity
	aliases []alias
	geos    []sitrep.Geo
	g       *Gazetteer
}

func load() (*Gazetteer, error) {
	b, err := build()
	if err != nil {
		return nil, err
	}
	return b.g, nil
}

func build() (*builder, error) {
	b := &builder{g: &Gazetteer{
		country: make(map[string]int32, 600),
		counts:  map[string]int{},
	}}
	b.geos = make([]sitrep.Geo, 0, 40000)
	b.ents = make([]entity, 0, 40000)
	b.aliases = make([]alias, 0, 120000)
	for _, name := range []string{"data/countries.tsv", "data/entities.tsv", "data/places.tsv"} {
		raw, err := dataFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := b.parseEntities(name, string(raw)); err != nil {
			return nil, err
		}
	}
	raw, err := dataFS.ReadFile("data/titles.tsv")
	if err != nil {
		return nil, err
	}
	b.index(len(raw) / 2) // more than the titles and their prefixes
	if err := b.g.parseTitles(string(raw)); err != nil {
		return nil, err
	}
	return b, nil
}

var kinds = map[string]string{
	"n": sitrep.MentionName,
	"a": sitrep.MentionAcronym,
	"d": sitrep.MentionDemonym,
	"m": sitrep.MentionMetonym,
}

func (b *builder) parseEntities(file, data string) error {
	for ln := 1; data != ""; ln++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		var f [9]string
		n := 0
		for n < len(f) {
			var ok bool
			f[n], line, ok = strings.Cut(line, "\t")
			n++
			if !ok {
				break
			}
		}
		if n < 4 || f[0] == "" || f[3] == "" {
			return fmt.Errorf("%s:%d: want TYPE KB COUNTRY NAME ...", file, ln)
		}
		e := entity{typ: f[0], kb: f[1], country: f[2], name: f[3]}
		if f[4] != "" || f[5] != "" {
			lat, err1 := strconv.ParseFloat(f[4], 64)
			lon, err2 := strconv.ParseFloat(f[5], 64)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("%s:%d: bad coordinates %q %q", file, ln, f[4], f[5])
			}
			b.geos = append(b.geos, sitrep.Geo{Lat: lat, Lon: lon})
			e.geo = &b.geos[len(b.geos)-1]
			if cap(b.geos) == len(b.geos) {
				// keep earlier pointers valid: start a new slab
				b.geos = make([]sitrep.Geo, 0, 10000)
			}
		}
		if f[6] != "" {
			p, err := strconv.Atoi(f[6])
			if err != nil {
				return fmt.Errorf("%s:%d: bad population %q", file, ln, f[6])
			}
			e.pop = p
		}
		switch feat := f[8]; {
		case feat == "PCL":
			e.tier = 0
		case feat == "":
			e.tier = 1
		case feat == "PPLC" || e.pop >= 1000000:
			e.tier = 2
		case feat == "ADM" || feat == "PPLA":
			e.tier = 3
		default:
			e.tier = 4
		}
		id := int32(len(b.ents))
		b.ents = append(b.ents, e)
		b.g.counts[e.typ]++
		if strings.HasPrefix(e.kb, "geonames:") || strings.HasPrefix(e.kb, "iso3166-2:") {
			b.g.places++
		}
		b.aliases = append(b.aliases, alias{ent: id, kind: sitrep.MentionName, key: normKey(e.name)})
		for al := f[7]; al != ""; {
			var a string
			a, al, _ = strings.Cut(al, "|")
			k, v, ok := strings.Cut(a, ":")
			if !ok || v == "" {
				return fmt.Errorf("%s:%d: bad alias %q", file, ln, a)
			}
			if k == "2" {
				if e.typ == sitrep.EntityGPE && e.tier == 0 {
					b.g.country[v] = -1 - id // resolved in index
				}
				continue
			}
			kind, ok := kinds[k]
			if !ok {
				return fmt.Errorf("%s:%d: bad alias kind %q", file, ln, k)
			}
			b.aliases = append(b.aliases, alias{ent: id, kind: kind, key: normKey(v)})
		}
		if e.tier == 0 && e.typ == sitrep.EntityGPE {
			b.g.country[e.kb] = -1 - id
		}
	}
	return nil
}

func kindRank(k string) int {
	if k == sitrep.MentionMetonym {
		return 1
	}
	return 0
}

// entry makes the Entry for alias a.
func (b *builder) entry(a alias) Entry {
	e := &b.ents[a.ent]
	typ := e.typ
	if a.kind == sitrep.MentionDemonym {
		typ = sitrep.EntityNORP
	}
	return Entry{Name: e.name, Type: typ, KB: e.kb, Country: e.country, Kind: a.kind, Geo: e.geo, Population: e.pop}
}

// index builds the exact and folded alias tables from b.aliases. Each
// table maps a hash to a group of entries, best first: names before
// metonyms, then by tier, then by population, then by order in the data.
func (b *builder) index(titles int) {
	g := b.g
	n := len(b.aliases)
	// Hash every alias and every prefix first, to size the tables.
	hashE := make([]uint64, n)
	hashF := make([]uint64, n)
	noFold := make([]bool, n)
	var prefixes []uint64 // exact, folded pairs, and 1 where folded too
	for i, a := range b.aliases {
		e := &b.ents[a.ent]
		// Case-folded matching would turn acronyms in text ("ICO", "GAO",
		// "EST") into places: short acronyms and short names of places other
		// than countries, capitals and big cities match in their own case only.
		nf := a.kind == sitrep.MentionAcronym && len(a.key) <= 3 || e.tier >= 3 && len(a.key) <= 4
		noFold[i] = nf
		hashE[i], hashF[i] = keyHashes(a.key, func(pe, pf uint64) {
			fold := uint64(1)
			if nf {
				fold = 0
			}
			prefixes = append(prefixes, pe, pf, fold)
		})
	}
	g.keys = newTable(2*(n+len(prefixes)/3) + titles)
	for k := 0; k < len(prefixes); k += 3 {
		g.keys.put(kindExact, prefixes[k], prefixes[k+1], -1, true)
		if prefixes[k+2] != 0 {
			g.keys.put(kindFolded, prefixes[k+1], prefixes[k+1], -1, true)
		}
	}
	ranks := make([]uint64, n)
	gidE := make([]int32, n) // group of each alias as an exact key
	gidF := make([]int32, n) // as a folded key, -1 for none
	var sizes []int32        // aliases per group, exact and folded groups numbered together
	assign := func(kind, h, at uint64) int32 {
		v, ok := g.keys.get(kind, h, at)
		if !ok || v < 0 {
			v = int32(len(sizes))
			sizes = append(sizes, 0)
			g.keys.put(kind, h, at, v, false)
		}
		sizes[v]++
		return v
	}
	for i, a := range b.aliases {
		e := &b.ents[a.ent]
		he, hf := hashE[i], hashF[i]
		pop := uint64(e.pop)
		if pop > 1<<31-1 {
			pop = 1<<31 - 1
		}
		ranks[i] = uint64(kindRank(a.kind))<<62 | uint64(e.tier)<<58 | (1<<31-1-pop)<<26 | uint64(a.ent)&(1<<26-1)
		gidE[i] = assign(kindExact, he, hf)
		gidF[i] = -1
		if !noFold[i] {
			gidF[i] = assign(kindFolded, hf, hf)
		}
	}
	// Counting sort of alias indices by group, then a small sort per group.
	start := make([]int32, len(sizes)+1)
	for k, c := range sizes {
		start[k+1] = start[k] + c
	}
	members := make([]int32, start[len(sizes)])
	fill := append([]int32(nil), start[:len(sizes)]...)
	for i := range b.aliases {
		members[fill[gidE[i]]] = int32(i)
		fill[gidE[i]]++
		if gidF[i] >= 0 {
			members[fill[gidF[i]]] = int32(i)
			fill[gidF[i]]++
		}
	}
	g.entries = make([]Entry, 0, len(b.aliases)+len(b.aliases)/8+len(g.country))
	g.groups = make([]group, len(sizes))
	for k := range sizes {
		m := members[start[k]:start[k+1]]
		// A folded group holding exactly the aliases of one exact group (the
		// usual case) shares that group's entries; it was built earlier,
		// since an alias gets its exact group before its folded one.
		if e := gidE[m[0]]; e != int32(k) && sizes[e] == int32(len(m)) {
			same := true
			for _, ai := range m[1:] {
				same = same && gidE[ai] == e
			}
			if same {
				g.groups[k] = g.groups[e]
				continue
			}
		}
		if len(m) > 1 {
			slices.SortFunc(m, func(x, y int32) int { return cmp.Compare(ranks[x], ranks[y]) })
		}
		lo := int32(len(g.entries))
		for j, ai := range m {
			a := b.aliases[ai]
			dup := false
			for _, prev := range m[:j] {
				if b.aliases[prev].ent == a.ent {
					dup = true // the same entity through two spellings that fold together
					break
				}
			}
			if !dup {
				g.entries = append(g.entries, b.entry(a))
			}
		}
		g.groups[k] = group{lo, int32(len(g.entries))}
	}
	// Countries: point at an entry naming the country by its canonical name.
	for code, v := range g.country {
		id := -1 - v
		e := b.ents[id]
		ent := Entry{Name: e.name, Type: e.typ, KB: e.kb, Country: e.country, Kind: sitrep.MentionName, Geo: e.geo}
		g.entries = append(g.entries, ent)
		g.country[code] = int32(len(g.entries) - 1)
	}
}

func (g *Gazetteer) parseTitles(data string) error {
	g.roleClass = make(map[string]string, 1024)
	roleIdx := map[string]int32{}
	for ln := 1; data != ""; ln++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		role, rest, ok1 := strings.Cut(line, "\t")
		class, rest, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || role == "" || class == "" {
			return fmt.Errorf("data/titles.tsv:%d: want ROLE<TAB>CLASS<TAB>alias|alias", ln)
		}
		// Ranks, honorifics and the like are common words in lower case
		// ("major", "general", "father"): they need a capital, as does a
		// role whose class is marked with "!".
		class, bang := strings.CutSuffix(class, "!")
		capital := bang || class == "honorific" || class == "military" || class == "royal" || class == "religious"
		ri, ok := roleIdx[role]
		if !ok {
			ri = int32(len(g.roles))
			g.roles = append(g.roles, role)
			g.roleCap = append(g.roleCap, capital)
			g.roleClass[role] = class
			roleIdx[role] = ri
		}
		for _, a := range append(strings.Split(rest, "|"), role) {
			if a = normKey(strings.TrimSpace(a)); a == "" {
				continue
			}
			_, hf := keyHashes(a, func(_, pf uint64) { g.keys.put(kindTitle, pf, pf, -1, true) })
			if old, ok := g.keys.get(kindTitle, hf, hf); !ok || old < 0 {
				g.keys.put(kindTitle, hf, hf, ri, false)
			}
		}
	}
	return nil
}

// Country returns the entry of a country by its ISO 3166-1 alpha-3 or
// alpha-2 code ("PRK", "KP"), with Kind sitrep.MentionName.
func (g *Gazetteer) Country(code string) (Entry, bool) {
	i, ok := g.country[code]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// ByKB returns the entity with knowledge-base id kb ("PRK",
// "geonames:1871859", "iso3166-2:RU-KRS") as a name entry. The index is
// built on the first call.
func (g *Gazetteer) ByKB(kb string) (Entry, bool) {
	g.byKBOnce.Do(func() {
		g.byKB = make(map[string]int32, g.places+len(g.country))
		for i := range g.entries {
			e := &g.entries[i]
			if e.KB == "" || e.Kind != sitrep.MentionName {
				continue
			}
			if _, ok := g.byKB[e.KB]; !ok {
				g.byKB[e.KB] = int32(i)
			}
		}
	})
	i, ok := g.byKB[kb]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Counts returns the number of entities per type, and the number of places
// (cities and regions) among them.
func (g *Gazetteer) Counts() (perType map[string]int, places int) {
	m := make(map[string]int, len(g.counts))
	for k, v := range g.counts {
		m[k] = v
	}
	return m, g.places
}
