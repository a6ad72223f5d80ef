package gazetteer

import (
	"runtime"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestEmbeddedData(t *testing.T) {
	b, err := build()
	if err != nil {
		t.Fatal(err)
	}
	g := b.g
	countries := 0
	for code := range g.country {
		if len(code) == 3 {
			countries++
		}
	}
	if countries < 240 {
		t.Errorf("countries = %d, want >= 240", countries)
	}
	if g.places < 20000 {
		t.Errorf("places = %d, want >= 20000", g.places)
	}
	counts, _ := g.Counts()
	for _, typ := range []string{sitrep.EntityOrg, sitrep.EntityLoc, sitrep.EntityFac, sitrep.EntityEvent, sitrep.EntityNORP} {
		if counts[typ] < 20 {
			t.Errorf("%s entities = %d, want >= 20", typ, counts[typ])
		}
	}
	if len(g.roles) < 100 {
		t.Errorf("roles = %d, want >= 100", len(g.roles))
	}
	// Distinct keys must not share a hash (they would be merged), nor the
	// top bits of their exact hashes that the table keeps.
	seen := map[uint64]string{}
	tags := map[uint64]string{}
	for _, a := range b.aliases {
		h, _ := keyHashes(a.key, nil)
		if k, ok := seen[h]; ok && k != a.key {
			t.Errorf("hash collision: %q and %q", k, a.key)
		}
		seen[h] = a.key
		if k, ok := tags[h&tagMask]; ok && k != a.key {
			t.Errorf("tag collision: %q and %q", k, a.key)
		}
		tags[h&tagMask] = a.key
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		phrase         string
		name, typ, kb  string
		country, kind  string
		anyName, anyKB string // an entry further down the list, when set
	}{
		{"North Korea", "North Korea", sitrep.EntityGPE, "PRK", "PRK", sitrep.MentionName, "", ""},
		{"DPRK", "North Korea", sitrep.EntityGPE, "PRK", "PRK", sitrep.MentionAcronym, "", ""},
		{"Democratic People's Republic of Korea", "North Korea", sitrep.EntityGPE, "PRK", "PRK", sitrep.MentionName, "", ""},
		{"Democratic People\u2019s Republic of Korea", "North Korea", sitrep.EntityGPE, "PRK", "PRK", sitrep.MentionName, "", ""},
		{"North Korean", "North Korea", sitrep.EntityNORP, "PRK", "PRK", sitrep.MentionDemonym, "", ""},
		{"North Koreans", "North Korea", sitrep.EntityNORP, "PRK", "PRK", sitrep.MentionDemonym, "", ""},
		{"NORTH KOREA", "North Korea", sitrep.EntityGPE, "PRK", "PRK", sitrep.MentionName, "", ""},
		{"U.S.", "United States", sitrep.EntityGPE, "USA", "USA", sitrep.MentionAcronym, "", ""},
		{"US", "United States", sitrep.EntityGPE, "USA", "USA", sitrep.MentionAcronym, "", ""},
		{"United States of America", "United States", sitrep.EntityGPE, "USA", "USA", sitrep.MentionName, "", ""},
		{"the United States", "United States", sitrep.EntityGPE, "USA", "USA", sitrep.MentionName, "", ""},
		{"America", "United States", sitrep.EntityGPE, "USA", "USA", sitrep.MentionName, "", ""},
		{"American", "United States", sitrep.EntityNORP, "USA", "USA", sitrep.MentionDemonym, "", ""},
		{"UK", "United Kingdom", sitrep.EntityGPE, "GBR", "GBR", sitrep.MentionAcronym, "", ""},
		{"Britain", "United Kingdom", sitrep.EntityGPE, "GBR", "GBR", sitrep.MentionName, "", ""},
		{"British", "United Kingdom", sitrep.EntityNORP, "GBR", "GBR", sitrep.MentionDemonym, "", ""},
		{"Russian Federation", "Russia", sitrep.EntityGPE, "RUS", "RUS", sitrep.MentionName, "", ""},
		{"Ukrainian", "Ukraine", sitrep.EntityNORP, "UKR", "UKR", sitrep.MentionDemonym, "", ""},
		{"Chinese", "China", sitrep.EntityNORP, "CHN", "CHN", sitrep.MentionDemonym, "", ""},
		// Capitals: the city first, the country as a metonym further down.
		{"Pyongyang", "Pyongyang", sitrep.EntityGPE, "geonames:1871859", "PRK", sitrep.MentionName, "North Korea", "PRK"},
		{"Moscow", "Moscow", sitrep.EntityGPE, "geonames:524901", "RUS", sitrep.MentionName, "Russia", "RUS"},
		{"Kyiv", "Kyiv", sitrep.EntityGPE, "geonames:703448", "UKR", sitrep.MentionName, "Ukraine", "UKR"},
		{"Kiev", "Kyiv", sitrep.EntityGPE, "geonames:703448", "UKR", sitrep.MentionName, "Ukraine", "UKR"},
		{"Beijing", "Beijing", sitrep.EntityGPE, "geonames:1816670", "CHN", sitrep.MentionName, "China", "CHN"},
		{"Washington", "Washington, D.C.", sitrep.EntityGPE, "geonames:4140963", "USA", sitrep.MentionName, "United States", "USA"},
		// Seats of power.
		{"the Kremlin", "Kremlin", sitrep.EntityFac, "", "RUS", sitrep.MentionName, "Russia", "RUS"},
		{"Kremlin", "Kremlin", sitrep.EntityFac, "", "RUS", sitrep.MentionName, "Russia", "RUS"},
		{"Downing Street", "10 Downing Street", sitrep.EntityFac, "", "GBR", sitrep.MentionName, "United Kingdom", "GBR"},
		{"White House", "White House", sitrep.EntityFac, "", "USA", sitrep.MentionName, "United States", "USA"},
		// Places.
		{"Kursk", "Kursk", sitrep.EntityGPE, "geonames:538560", "RUS", sitrep.MentionName, "Kursk", "iso3166-2:RU-KRS"},
		{"Kursk region", "Kursk", sitrep.EntityGPE, "iso3166-2:RU-KRS", "RUS", sitrep.MentionName, "", ""},
		{"Kursk Oblast", "Kursk", sitrep.EntityGPE, "iso3166-2:RU-KRS", "RUS", sitrep.MentionName, "", ""},
		{"California", "California", sitrep.EntityGPE, "iso3166-2:US-CA", "USA", sitrep.MentionName, "", ""},
		{"Sao Paulo", "São Paulo", sitrep.EntityGPE, "geonames:3448439", "BRA", sitrep.MentionName, "", ""},
		// Organisations and events.
		{"NATO", "North Atlantic Treaty Organization", sitrep.EntityOrg, "", "", sitrep.MentionAcronym, "", ""},
		{"Nato", "North Atlantic Treaty Organization", sitrep.EntityOrg, "", "", sitrep.MentionAcronym, "", ""},
		{"KCNA", "Korean Central News Agency", sitrep.EntityOrg, "", "PRK", sitrep.MentionAcronym, "", ""},
		{"Korean Central TV", "Korean Central Television", sitrep.EntityOrg, "", "PRK", sitrep.MentionName, "", ""},
		{"U.S. Indo-Pacific Command", "United States Indo-Pacific Command", sitrep.EntityOrg, "", "USA", sitrep.MentionName, "", ""},
		{"IAEA", "International Atomic Energy Agency", sitrep.EntityOrg, "", "", sitrep.MentionAcronym, "", ""},
		{"Reuters", "Reuters", sitrep.EntityOrg, "", "GBR", sitrep.MentionName, "", ""},
		{"World War II", "World War II", sitrep.EntityEvent, "", "", sitrep.MentionName, "", ""},
		{"Korean War", "Korean War", sitrep.EntityEvent, "", "", sitrep.MentionName, "", ""},
	}
	for _, tt := range tests {
		es := g.Lookup(tt.phrase)
		if len(es) == 0 {
			t.Errorf("Lookup(%q) = nothing", tt.phrase)
			continue
		}
		got := es[0]
		if got.Name != tt.name || got.Type != tt.typ || got.KB != tt.kb || got.Country != tt.country || got.Kind != tt.kind {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %s %q %s %s", tt.phrase, got, tt.name, tt.typ, tt.kb, tt.country, tt.kind)
		}
		if tt.anyName != "" {
			found := false
			for _, e := range es[1:] {
				found = found || e.Name == tt.anyName && e.KB == tt.anyKB
			}
			if !found {
				t.Errorf("Lookup(%q) = %+v, want also %s %s", tt.phrase, es, tt.anyName, tt.anyKB)
			}
		}
	}
	for _, phrase := range []string{"us", "Us", "the", "said", "", "   ", "Kim"} {
		if es := g.Lookup(phrase); len(es) != 0 {
			t.Errorf("Lookup(%q) = %+v, want nothing", phrase, es)
		}
	}
}

func TestCountry(t *testing.T) {
	g := Default()
	for _, tt := range []struct{ code, name string }{{"PRK", "North Korea"}, {"KP", "North Korea"}, {"USA", "United States"}, {"GBR", "United Kingdom"}, {"RU", "Russia"}} {
		e, ok := g.Country(tt.code)
		if !ok || e.Name != tt.name || e.Kind != sitrep.MentionName || e.Type != sitrep.EntityGPE || e.Geo == nil {
			t.Errorf("Country(%q) = %+v, %v; want %s", tt.code, e, ok, tt.name)
		}
	}
	if _, ok := g.Country("XXX"); ok {
		t.Error(`Country("XXX") found`)
	}
	for _, tt := range []struct{ kb, name string }{{"PRK", "North Korea"}, {"geonames:1871859", "Pyongyang"}, {"iso3166-2:RU-KRS", "Kursk"}} {
		if e, ok := g.ByKB(tt.kb); !ok || e.Name != tt.name || e.KB != tt.kb {
			t.Errorf("ByKB(%q) = %+v, %v; want %s", tt.kb, e, ok, tt.name)
		}
	}
	if _, ok := g.ByKB("geonames:0"); ok {
		t.Error(`ByKB("geonames:0") found`)
	}
}

type span struct {
	text, name, kind string
}

func TestLongest(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []span
	}{
		{"North Korean troops fought in Russia's Kursk region, Pyongyang said.", []span{
			{"North Korean", "North Korea", sitrep.MentionDemonym},
			{"Russia", "Russia", sitrep.MentionName},
			{"Kursk region", "Kursk", sitrep.MentionName},
			{"Pyongyang", "Pyongyang", sitrep.MentionName},
		}},
		{"The Kremlin and Washington met at the U.S. Indo-Pacific Command.", []span{
			{"Kremlin", "Kremlin", sitrep.MentionName},
			{"Washington", "Washington, D.C.", sitrep.MentionName},
			{"U.S. Indo-Pacific Command", "United States Indo-Pacific Command", sitrep.MentionName},
		}},
		{"NATO and the  United\nStates of America", []span{
			{"NATO", "North Atlantic Treaty Organization", sitrep.MentionAcronym},
			{"United\nStates of America", "United States", sitrep.MentionName},
		}},
		{"Kim\u00a0Jong Un met NATO\u00a0officials in North\u00a0Korea.", []span{
			{"Kim\u00a0Jong Un", "Kim Jong Un", sitrep.MentionName},
			{"NATO", "North Atlantic Treaty Organization", sitrep.MentionAcronym},
			{"North\u00a0Korea", "North Korea", sitrep.MentionName},
		}},
		{"Curly: the Democratic People\u2019s Republic of Korea.", []span{
			{"Democratic People\u2019s Republic of Korea", "North Korea", sitrep.MentionName},
		}},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		var got []span
		for i := 0; i < len(doc.Tokens); {
			n, es := g.Longest(doc, i, len(doc.Tokens))
			if n == 0 {
				i++
				continue
			}
			sp := doc.Span(i, i+n)
			if !sp.Valid(len(tt.text)) {
				t.Fatalf("%q: span %v out of range", tt.text, sp)
			}
			got = append(got, span{tt.text[sp.Start:sp.End], es[0].Name, es[0].Kind})
			i += n
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			continue
		}
		for k := range got {
			if got[k] != tt.want[k] {
				t.Errorf("%q: got[%d] = %v, want %v", tt.text, k, got[k], tt.want[k])
			}
		}
	}
}

func TestTitle(t *testing.T) {
	g := Default()
	tests := []struct{ text, title, role string }{
		{"Supreme Leader Kim Jong Un", "Supreme Leader", "Supreme Leader"},
		{"Adm. Samuel Paparo", "Adm.", "Admiral"},
		{"Lt. Gen. Jane Doe", "Lt. Gen.", "Lieutenant General"},
		{"President Vladimir Putin", "President", "President"},
		{"Defense Minister Andrei Belousov", "Defense Minister", "Defense Minister"},
		{"defence minister Andrei Belousov", "defence minister", "Defense Minister"},
		{"spokesperson John Kirby", "spokesperson", "Spokesperson"},
		{"head of U.S. Indo-Pacific Command", "head of", "Head of"},
		{"Secretary of State Marco Rubio", "Secretary of State", "Secretary of State"},
		{"Gen. Jane Doe", "Gen.", "General"},
		{"Dr. Jane Doe", "Dr.", "Dr."},
		{"Mr Smith", "Mr", "Mr."},
		{"troops crossed", "", ""},
		{"major powers", "", ""},
		{"general election", "", ""},
		{"Major Tom", "Major", "Major"},
		{"leader Kim Jong Un", "leader", "Leader"},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		n, role := g.Title(doc, 0, len(doc.Tokens))
		got := ""
		if n > 0 {
			sp := doc.Span(0, n)
			got = tt.text[sp.Start:sp.End]
		}
		if got != tt.title || role != tt.role {
			t.Errorf("Title(%q) = %q %q, want %q %q", tt.text, got, role, tt.title, tt.role)
		}
	}
	if r := g.TitleOf("Gen."); r != "General" {
		t.Errorf("TitleOf(Gen.) = %q", r)
	}
	for role, class := range map[string]string{"Mr.": RoleHonorific, "General": RoleMilitary, "Supreme Leader": RoleGovernment, "Chief Executive": RoleBusiness, "Pope": RoleReligious, "nonsense": ""} {
		if got := g.RoleClass(role); got != class {
			t.Errorf("RoleClass(%q) = %q, want %q", role, got, class)
		}
	}
}

func TestHyphenated(t *testing.T) {
	g := Default()
	tests := []struct{ text, alias, name string }{
		{"U.S.-led coalition", "U.S.", "United States"},
		{"Russian-made drones", "Russian", "Russia"},
		{"North Korean-backed", "North Korean", "North Korea"},
		{"Moscow-based analyst", "Moscow", "Moscow"},
		{"NATO-led force", "NATO", "North Atlantic Treaty Organization"},
		{"well-known", "", ""},
		{"Russia said", "", ""},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		n, end, es := g.Hyphenated(doc, 0, len(doc.Tokens))
		got, name := "", ""
		if n > 0 {
			got, name = tt.text[doc.Tokens[0].Start:end], es[0].Name
			if end <= doc.Tokens[n-1].Start || end >= doc.Tokens[n-1].End {
				t.Errorf("Hyphenated(%q): end %d not inside token %d", tt.text, end, n-1)
			}
		} else if n, es := g.Longest(doc, 0, len(doc.Tokens)); n > 0 && n < len(doc.Tokens) && doc.Tok(n) == "-" {
			// A scanner that splits the hyphen off: Longest finds the alias.
			got, name = tt.text[doc.Tokens[0].Start:doc.Tokens[n-1].End], es[0].Name
		}
		if got != tt.alias || name != tt.name {
			t.Errorf("Hyphenated(%q) = %q %q, want %q %q", tt.text, got, name, tt.alias, tt.name)
		}
	}
}

// spaceDoc splits s at spaces only, as a scanner that keeps hyphenated
// words and "U.S." whole would.
func spaceDoc(s string) *text.Doc {
	d := &text.Doc{Text: s}
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		d.Tokens = append(d.Tokens, text.Token{Start: i, End: j, Kind: text.Word})
		i = j
	}
	return d
}

func TestHyphenatedWholeTokens(t *testing.T) {
	g := Default()
	tests := []struct{ text, alias, name string }{
		{"U.S.-led coalition", "U.S.", "United States"},
		{"Russian-made drones", "Russian", "Russia"},
		{"North Korean-backed", "North Korean", "North Korea"},
		{"Kremlin-backed media", "Kremlin", "Kremlin"},
		{"well-known", "", ""},
		{"Russia said", "", ""},
	}
	for _, tt := range tests {
		doc := spaceDoc(tt.text)
		n, end, es := g.Hyphenated(doc, 0, len(doc.Tokens))
		got, name := "", ""
		if n > 0 {
			got, name = tt.text[:end], es[0].Name
		}
		if got != tt.alias || name != tt.name {
			t.Errorf("Hyphenated(%q) = %q %q, want %q %q", tt.text, got, name, tt.alias, tt.name)
		}
	}
	// Longest on whole tokens: "U.S." is one token.
	doc := spaceDoc("the U.S. Indo-Pacific Command said")
	if n, es := g.Longest(doc, 1, len(doc.Tokens)); n != 3 || es[0].Name != "United States Indo-Pacific Command" {
		t.Errorf("Longest on whole tokens = %d %v", n, es)
	}
}

func FuzzLongest(f *testing.F) {
	for _, s := range []string{"North Korean troops in Kursk", "U.S.-led NATO", "the Kremlin’s", "Lt. Gen. X", "\xff\xfe Kyiv"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		for i := range doc.Tokens {
			n, es := g.Longest(doc, i, len(doc.Tokens))
			if n < 0 || i+n > len(doc.Tokens) || (n > 0) != (len(es) > 0) {
				t.Fatalf("Longest(%q, %d) = %d, %d entries", s, i, n, len(es))
			}
			if n > 0 {
				sp := doc.Span(i, i+n)
				if !sp.Valid(len(s)) {
					t.Fatalf("span %v out of %d", sp, len(s))
				}
			}
			if n, _ := g.Title(doc, i, len(doc.Tokens)); n < 0 || i+n > len(doc.Tokens) {
				t.Fatalf("Title(%q, %d) = %d", s, i, n)
			}
			if n, end, _ := g.Hyphenated(doc, i, len(doc.Tokens)); n > 0 && (i+n > len(doc.Tokens) || end <= doc.Tokens[i].Start || end > len(s) || s[end] != '-') {
				t.Fatalf("Hyphenated(%q, %d) = %d, %d", s, i, n, end)
			}
		}
	})
}

// cpuMeter reports the benchmark's thread CPU time per op (cpu-ms/op) and,
// with bytes, its CPU throughput (cpu-MB/s), beside Go's wall-clock numbers,
// which a busy shared machine inflates. Background GC on other threads is
// not counted.
type cpuMeter struct {
	b     *testing.B
	start time.Duration
	ok    bool
}

func startCPU(b *testing.B) *cpuMeter {
	runtime.LockOSThread()
	m := &cpuMeter{b: b}
	m.start, m.ok = threadCPU()
	return m
}

func (m *cpuMeter) stop(bytes int) {
	end, ok := threadCPU()
	runtime.UnlockOSThread()
	if !m.ok || !ok || m.b.N == 0 {
		return
	}
	per := (end - m.start) / time.Duration(m.b.N)
	m.b.ReportMetric(float64(per)/1e6, "cpu-ms/op")
	if bytes > 0 && per > 0 {
		m.b.ReportMetric(float64(bytes)/1e6/per.Seconds(), "cpu-MB/s")
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	m := startCPU(b)
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
	m.stop(0)
}

// reuters reads about max bytes of Reuters-21578 article text, or skips.
func reuters(b *testing.B, max int) string { return corpus.ReutersText(b, max) }

func BenchmarkLongest(b *testing.B) {
	src := reuters(b, 2<<20)
	doc := text.Segment(src)
	g := Default()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	m := startCPU(b)
	for b.Loop() {
		for _, s := range doc.Sentences {
			for i := s.First; i < s.Last; i++ {
				g.Longest(doc, i, s.Last)
				g.Title(doc, i, s.Last)
			}
		}
	}
	m.stop(len(src))
}

// TestStartAt checks that a Start never says no where Longest or Title
// finds a match starting at the token, says yes to names and titles, and
// that LongestFrom and TitleFrom agree with Longest and Title.
func TestStartAt(t *testing.T) {
	g := Default()
	texts := []string{
		"North Korean troops fought in Russia's Kursk region, Pyongyang said.",
		"The Kremlin and Washington met at the U.S. Indo-Pacific Command.",
		"NORTH KOREA and the United States of America; Defense Minister Lloyd Austin and the spokesperson.",
		"Curly: the Democratic People\u2019s Republic of Korea, Lt. Gen. Smith, head of the army.",
	}
	for _, tx := range texts {
		doc := text.Segment(tx)
		for i := range doc.Tokens {
			st := g.StartAt(doc.Tok(i))
			n, es := g.Longest(doc, i, len(doc.Tokens))
			if n > 0 && !st.Alias() {
				t.Errorf("%q: Longest matches %d tokens at %q, Alias says no", tx, n, doc.Tok(i))
			}
			if n2, es2 := g.LongestFrom(doc, i, len(doc.Tokens), st); n2 != n || len(es2) != len(es) || n > 0 && es2[0] != es[0] {
				t.Errorf("%q at %q: LongestFrom %d %v, Longest %d %v", tx, doc.Tok(i), n2, es2, n, es)
			}
			m, role := g.Title(doc, i, len(doc.Tokens))
			if m > 0 && !st.Title() {
				t.Errorf("%q: Title matches %d tokens at %q, Title says no", tx, m, doc.Tok(i))
			}
			if m2, role2 := g.TitleFrom(doc, i, len(doc.Tokens), st); m2 != m || role2 != role {
				t.Errorf("%q at %q: TitleFrom %d %q, Title %d %q", tx, doc.Tok(i), m2, role2, m, role)
			}
		}
	}
	for _, w := range []string{"North", "Pyongyang", "NORTH", "United"} {
		if st := g.StartAt(w); !st.Alias() {
			t.Errorf("StartAt(%q).Alias() = false", w)
		}
	}
	for _, w := range []string{"Defense", "spokesperson", "Lt."} {
		if st := g.StartAt(w); !st.Title() {
			t.Errorf("StartAt(%q).Title() = false", w)
		}
	}
	if st := g.StartAt("xylophonist"); st.Alias() || st.Title() {
		t.Errorf("StartAt(xylophonist) = %+v", st)
	}
}
