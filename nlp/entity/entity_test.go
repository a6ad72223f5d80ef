package entity

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// mkDoc lays out tokenised sentences as text, one line each, and builds the
// text.Doc over them directly.
func mkDoc(sents [][]string) *text.Doc {
	var b strings.Builder
	d := &text.Doc{}
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		first, start := len(d.Tokens), b.Len()
		for ti, w := range s {
			if ti > 0 {
				b.WriteByte(' ')
			}
			st := b.Len()
			b.WriteString(w)
			d.Tokens = append(d.Tokens, text.Token{Start: st, End: b.Len(), Kind: text.Word})
		}
		d.Paragraphs = append(d.Paragraphs, text.Paragraph{Start: start, End: b.Len(), Kind: sitrep.ParagraphText})
		d.Sentences = append(d.Sentences, text.Sentence{Start: start, End: b.Len(), First: first, Last: len(d.Tokens), Paragraph: si})
	}
	d.Text = b.String()
	return d
}

// synth makes n documents from templates with BIO tags; names are drawn
// from pools so that held-out documents combine them anew.
func synth(rng *rand.Rand, n int, people, orgs, places []string) []TrainDoc {
	templates := []string{
		"{PER} visited {LOC} on Monday .",
		"{ORG} said {PER} would resign .",
		"Officials in {LOC} met {PER} .",
		"the board of {ORG} approved the plan .",
		"{PER} , who leads {ORG} , spoke in {LOC} .",
	}
	pick := func(pool []string) string { return pool[rng.Intn(len(pool))] }
	var docs []TrainDoc
	for d := 0; d < n; d++ {
		var sents [][]string
		var tags []string
		for s := 0; s < 3; s++ {
			var words []string
			for _, w := range strings.Fields(templates[rng.Intn(len(templates))]) {
				var name, typ string
				switch w {
				case "{PER}":
					name, typ = pick(people), "PER"
				case "{ORG}":
					name, typ = pick(orgs), "ORG"
				case "{LOC}":
					name, typ = pick(places), "LOC"
				default:
					words = append(words, w)
					tags = append(tags, "O")
					continue
				}
				for k, nw := range strings.Fields(name) {
					words = append(words, nw)
					if k == 0 {
						tags = append(tags, "B-"+typ)
					} else {
						tags = append(tags, "I-"+typ)
					}
				}
			}
			sents = append(sents, words)
		}
		docs = append(docs, TrainDoc{Doc: mkDoc(sents), Tags: tags})
	}
	return docs
}

func TestTrainTiny(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	// made-up names, so that only context and shape can tell their types
	word := func() string {
		syl := []string{"ka", "lo", "mi", "zu", "ren", "tor", "bel", "vas", "qui", "dro"}
		w := ""
		for k := 0; k < 2+rng.Intn(2); k++ {
			w += syl[rng.Intn(len(syl))]
		}
		return strings.ToUpper(w[:1]) + w[1:]
	}
	pool := func(n, words int, suffix string) []string {
		var out []string
		for i := 0; i < n; i++ {
			var ws []string
			for k := 0; k < words; k++ {
				ws = append(ws, word())
			}
			if suffix != "" {
				ws = append(ws, suffix)
			}
			out = append(out, strings.Join(ws, " "))
		}
		return out
	}
	train := synth(rng, 60, pool(20, 2, ""), pool(10, 1, "Corp"), pool(10, 1, ""))
	test := synth(rng, 10, pool(5, 2, ""), pool(3, 1, "Corp"), pool(3, 1, ""))
	m, err := Train(train, TrainOptions{Iterations: 5, Seed: 1, Dev: test})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, f := m.evaluate(train); f < 0.99 {
		t.Errorf("training F1 = %.3f, want >= 0.99", f)
	}
	if _, _, f := m.evaluate(test); f < 0.8 {
		t.Errorf("held-out F1 = %.3f, want >= 0.8", f)
	}
	// the model survives writing and reading, tag for tag
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	lex := defaultLexicon()
	for _, d := range test {
		a := m.tagDoc(newDocState(d.Doc, lex))
		b := m2.tagDoc(newDocState(d.Doc, lex))
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("tags differ after a write and read: %v vs %v", a, b)
		}
	}
	// training is deterministic for a seed
	m3, err := Train(train, TrainOptions{Iterations: 5, Seed: 1, Dev: test})
	if err != nil {
		t.Fatal(err)
	}
	var buf3, buf1 bytes.Buffer
	m3.WriteTo(&buf3)
	m.WriteTo(&buf1)
	if !bytes.Equal(buf1.Bytes(), buf3.Bytes()) {
		t.Error("two trainings with the same seed gave different models")
	}
}

func TestTrainRejectsBadTags(t *testing.T) {
	d := mkDoc([][]string{{"Anna", "left"}})
	for _, tags := range [][]string{{"B-PER"}, {"B-XYZ", "O"}, {"PER", "O"}} {
		if _, err := Train([]TrainDoc{{Doc: d, Tags: tags}}, TrainOptions{Iterations: 1}); err == nil {
			t.Errorf("Train accepted tags %v", tags)
		}
	}
}

func TestBILOU(t *testing.T) {
	d := mkDoc([][]string{{"New", "York", "and", "Paris", "met", "Big", "Blue", "Corp", "Ltd"}})
	tags := []string{"B-LOC", "I-LOC", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "B-ORG"}
	got, err := bilou(d, tags)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range got {
		names = append(names, labelName(int(l)))
	}
	want := "B-LOC L-LOC O U-LOC O B-ORG I-ORG L-ORG U-ORG"
	if s := strings.Join(names, " "); s != want {
		t.Errorf("bilou = %s, want %s", s, want)
	}
	ps := phrases(d, got)
	wantP := []phrase{{0, 2, 3, 0}, {3, 4, 3, 0}, {5, 8, 2, 0}, {8, 9, 2, 0}}
	if !reflect.DeepEqual(ps, wantP) {
		t.Errorf("phrases = %v, want %v", ps, wantP)
	}
}

func TestDecodeConstraints(t *testing.T) {
	bPER, iPER, lPER, uLOC := labelOf(1, posB), labelOf(1, posI), labelOf(1, posL), labelOf(3, posU)
	tests := []struct {
		prev, cur int
		want      bool
	}{
		{0, bPER, true}, {0, iPER, false}, {0, lPER, false}, {bPER, iPER, true}, {bPER, lPER, true},
		{bPER, 0, false}, {bPER, uLOC, false}, {lPER, uLOC, true}, {iPER, labelOf(3, posI), false},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.cur); got != tt.want {
			t.Errorf("allowed(%s, %s) = %v, want %v", labelName(tt.prev), labelName(tt.cur), got, tt.want)
		}
	}
	// the best label at the end of a sentence closes the phrase
	var sc [nLabels]int32
	sc[iPER], sc[lPER] = 10, 5
	if got := bestLabel(&sc, bPER, true); got != lPER {
		t.Errorf("bestLabel at the end = %s, want L-PER", labelName(got))
	}
	// an open phrase whose forced continuation scores below O closes
	sc = [nLabels]int32{}
	sc[0], sc[iPER] = 10, 1
	closed, ok := repair(&sc, bPER, iPER, false)
	if !ok || closed != labelOf(1, posU) {
		t.Errorf("repair = %s, %v; want U-PER, true", labelName(closed), ok)
	}
}

func TestAcronyms(t *testing.T) {
	d := mkDoc([][]string{{"Korean", "Central", "News", "Agency", "of", "the", "North", "KCNA", "U.N."}})
	if got := initials(d, 0, 4); got != "KCNA" {
		t.Errorf("initials = %q", got)
	}
	if got := initials(d, 0, 7); got != "KCNAN" {
		t.Errorf("initials with stop words = %q", got)
	}
	for in, want := range map[string]string{"KCNA": "KCNA", "U.N.": "UN", "Kim": "", "A": "", "G7": ""} {
		if got := acronymOf(in); got != want {
			t.Errorf("acronymOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// entitySummary renders an entity for comparison: type, name, kb and its
// mentions as text/kind.
func entitySummary(e sitrep.Entity) string {
	var ms []string
	for _, m := range e.Mentions {
		ms = append(ms, m.Text+"/"+m.Kind)
	}
	return fmt.Sprintf("%s %q %s [%s]", e.Type, e.Name, e.KB, strings.Join(ms, " "))
}

func TestRecognizeIdentity(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity summaries that must be present
		role map[string]string
	}{
		{
			name: "partial names and titles",
			text: "Admiral Elena Varga, head of the Baltic Fleet Command, met Prime Minister Anders Berg in Oslo on Monday. Varga said the talks went well. Berg agreed.",
			want: []string{
				`PERSON "Elena Varga"  [Elena Varga/name Varga/name]`,
				`PERSON "Anders Berg"  [Anders Berg/name Berg/name]`,
				`GPE "Oslo" geonames:3143244 [Oslo/name]`,
			},
			role: map[string]string{"Elena Varga": "Admiral|head of the Baltic Fleet Command", "Anders Berg": "Prime Minister"},
		},
		{
			name: "short name before the full one",
			text: "Varga warns of storms. Admiral Elena Varga said on Monday that the fleet was ready.",
			want: []string{`PERSON "Elena Varga"  [Varga/name Elena Varga/name]`},
		},
		{
			name: "acronym",
			text: "The Nordic Maritime Safety Agency (NMSA) issued a warning. NMSA officials said ships should avoid the strait.",
			want: []string{`ORG "Nordic Maritime Safety Agency"  [Nordic Maritime Safety Agency/name NMSA/acronym NMSA/acronym]`},
		},
		{
			name: "demonym",
			text: "Norwegian troops crossed into Sweden on Tuesday. Norway said the move was defensive.",
			want: []string{`GPE "Norway" NOR [Norwegian/demonym Norway/name]`, `GPE "Sweden" SWE [Sweden/name]`},
		},
		{
			name: "metonymy by context",
			text: "Moscow has denied the report. The talks will be held in Moscow next week. Washington and its allies believe the Kremlin is providing fuel.",
			want: []string{
				`GPE "Russia" RUS [Moscow/metonym Kremlin/metonym]`,
				`GPE "Moscow" geonames:524901 [Moscow/name]`,
				`GPE "United States" USA [Washington/metonym]`,
			},
		},
		{
			name: "coordinated actors, objects, sources and places",
			text: "Seoul and Washington have agreed to hold talks with Pyongyang. The delegation arrived in Seoul on Friday, according to Tokyo.",
			want: []string{
				`GPE "South Korea" KOR [Seoul/metonym]`, `GPE "United States" USA [Washington/metonym]`,
				`GPE "North Korea" PRK [Pyongyang/metonym]`, `GPE "Seoul" geonames:1835848 [Seoul/name]`,
				`GPE "Japan" JPN [Tokyo/metonym]`,
			},
		},
		{
			name: "countries inside hyphenated words",
			text: "The U.S.-led coalition struck Russian-made air defences near an Iran-backed militia.",
			want: []string{`GPE "United States" USA [U.S./acronym]`, `GPE "Russia" RUS [Russian/demonym]`, `GPE "Iran" IRN [Iran/name]`},
		},
		{
			name: "seat of power as institution and as building",
			text: "White House spokesman Marlin Fitzwater said the talks would go on. He spoke at the White House on Monday.",
			want: []string{`GPE "United States" USA [White House/metonym]`, `FAC "White House"  [White House/name]`},
		},
		{
			name: "title inside a tagged phrase",
			text: "Nordic Shipping Board Vice Chairman Jonas Lindqvist said rates would stay.",
			want: []string{`ORG "Nordic Shipping Board"  [Nordic Shipping Board/name]`, `PERSON "Jonas Lindqvist"  [Jonas Lindqvist/name]`},
			role: map[string]string{"Jonas Lindqvist": "Vice Chairman"},
		},
		{
			name: "named events",
			text: "The parade marks the end of World War II. Ukraine launched the Kursk offensive in August.",
			want: []string{`EVENT "World War II"  [World War II/name]`, `EVENT "Kursk offensive"  [Kursk offensive/name]`, `GPE "Kursk" geonames:538560 [Kursk/name]`},
		},
		{
			name: "gazetteer organisations by name and acronym",
			text: "The United Nations said aid was blocked. U.N. officials and NATO met. The North Atlantic Treaty Organization denied it.",
			want: []string{
				`ORG "United Nations"  [United Nations/name U.N./acronym]`,
				`ORG "North Atlantic Treaty Organization"  [NATO/acronym North Atlantic Treaty Organization/name]`,
			},
		},
		{
			name: "region, one sense per document",
			text: "Fighting continued in Ukraine's Kharkiv region on Monday. Officials in Kharkiv said two people died.",
			want: []string{`GPE "Kharkiv" iso3166-2:UA-63 [Kharkiv/name Kharkiv/name]`, `GPE "Ukraine" UKR [Ukraine/name]`},
		},
		{
			name: "possessive capital and place",
			text: "Beijing's foreign ministry said Chinese diplomats will be in Beijing for the summit.",
			want: []string{`GPE "China" CHN [Beijing/metonym Chinese/demonym]`, `GPE "Beijing" geonames:1816670 [Beijing/name]`},
		},
	}
	r := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := r.Recognize(text.Segment(tt.text))
			got := map[string]bool{}
			roles := map[string]string{}
			for i, e := range ents {
				if e.ID != fmt.Sprintf("e%d", i+1) {
					t.Errorf("entity %d has id %q", i, e.ID)
				}
				got[entitySummary(e)] = true
				roles[e.Name] = strings.Join(e.Roles, "|")
			}
			for _, w := range tt.want {
				if !got[w] {
					var all []string
					for _, e := range ents {
						all = append(all, entitySummary(e))
					}
					t.Errorf("missing %s\ngot:\n%s", w, strings.Join(all, "\n"))
				}
			}
			for name, want := range tt.role {
				if roles[name] != want {
					t.Errorf("roles of %s = %q, want %q", name, roles[name], want)
				}
			}
		})
	}
}

func TestRecognizeEmpty(t *testing.T) {
	r := Default()
	for _, s := range []string{"", "   ", "no names here at all.", "\n\n"} {
		if got := r.Recognize(text.Segment(s)); len(got) != 0 {
			t.Errorf("Recognize(%q) = %v, want none", s, got)
		}
	}
	if got := r.Recognize(nil); got != nil {
		t.Errorf("Recognize(nil) = %v", got)
	}
}

// checkSpans verifies every mention is in bounds, slices back to its text,
// lies in its sentence, and that ids are sequential.
func checkSpans(t *testing.T, doc *text.Doc, ents []sitrep.Entity) {
	t.Helper()
	for i, e := range ents {
		if e.ID != fmt.Sprintf("e%d", i+1) || e.Name == "" || len(e.Mentions) == 0 {
			t.Fatalf("bad entity %d: %+v", i, e)
		}
		for _, m := range e.Mentions {
			sp := sitrep.Span{Start: m.Start, End: m.End}
			if !sp.Valid(len(doc.Text)) || m.Start >= m.End || doc.Text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, doc.Text)
			}
			if m.Sentence < 0 || m.Sentence >= len(doc.Sentences) || !sp.In(sitrep.Span{Start: doc.Sentences[m.Sentence].Start, End: doc.Sentences[m.Sentence].End}) {
				t.Fatalf("mention %+v outside its sentence", m)
			}
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Admiral Elena Varga, head of the Baltic Fleet Command, met Anders Berg in Oslo.",
		"North Korean troops arrived. Pyongyang's forces and the Kremlin's KCNA.",
		"ÉCOLE Polytechnique (EP) and Zürich's mayor. EP said",
		"Kim Jong Un ... Kim Jong, Kim",
		"A B C D E F G H I J K L M N O P",
	} {
		f.Add(s)
	}
	r := Default()
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		checkSpans(t, doc, r.Recognize(doc))
	})
}

func TestRecognizeReutersSpans(t *testing.T) {
	r := Default()
	for _, s := range reuters(t, 200) {
		doc := text.Segment(s)
		checkSpans(t, doc, r.Recognize(doc))
	}
}

// TestRecognizeConcurrent checks that concurrent calls, which share the
// recogniser's scratch pool, give the answers sequential calls give.
func TestRecognizeConcurrent(t *testing.T) {
	texts := []string{
		"Admiral Elena Varga met Prime Minister Anders Berg in Oslo. Varga said Norway would help.",
		"Moscow has denied the report, the Kremlin said. The talks will be held in Moscow.",
		"The Nordic Maritime Safety Agency (NMSA) issued a warning. NMSA officials said ships should wait.",
	}
	r := Default()
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(r.Recognize(text.Segment(s)))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for k := 0; k < 30; k++ {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(r.Recognize(text.Segment(texts[i]))); got != want[i] {
					done <- fmt.Errorf("text %d: got %s, want %s", i, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
