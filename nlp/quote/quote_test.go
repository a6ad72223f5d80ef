package quote

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/entity"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
	"github.com/sitrep-news/sitrep/nlp/timex"
)

// want describes the one quote a test sentence must yield (fields left
// empty are not checked).
type want struct {
	content, source, cue, addressee, venue, kind, modality string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want want
	}{
		{"subject-verb direct with venue",
			"Maria Lopez declared on national radio: “We will never give up our land.”",
			want{content: "We will never give up our land.", source: "Maria Lopez", cue: "declared", venue: "on national radio", kind: sitrep.QuoteDirect, modality: sitrep.ModalityReported}},
		{"appositive source, addressee, that-clause",
			"General Tom Baker, head of the Northern Command, told senators in May that the new radar network is a costly mistake.",
			want{content: "the new radar network is a costly mistake", source: "General Tom Baker, head of the Northern Command,", cue: "told", addressee: "senators", kind: sitrep.QuoteIndirect}},
		{"said he would, mixed",
			"Prime Minister Ana Silva said she would give the rebels “a few more days” before ordering new sanctions.",
			want{source: "Prime Minister Ana Silva", cue: "said", kind: sitrep.QuoteMixed}},
		{"according to, after",
			"About 5,000 soldiers had crossed the border by early May, according to Polish officials.",
			want{content: "About 5,000 soldiers had crossed the border by early May", source: "Polish officials", cue: "according to"}},
		{"according to an assessment",
			"The army could lose up to 2,000 tanks this year, according to an assessment by Britain’s defence ministry.",
			want{source: "an assessment by Britain’s defence ministry", cue: "according to"}},
		{"according to, before",
			"According to the mayor, the bridge will reopen next week.",
			want{content: "the bridge will reopen next week", source: "the mayor", cue: "According to"}},
		{"belief",
			"Berlin and its partners believe the regime is hiding fuel in the north.",
			want{content: "the regime is hiding fuel in the north", source: "Berlin and its partners", cue: "believe", modality: sitrep.ModalityBelieved}},
		{"evidence",
			"Radar data and witness videos indicate that the plane turned back twice.",
			want{source: "Radar data and witness videos", cue: "indicate", modality: sitrep.ModalityBelieved}},
		{"inverted, officials said",
			"The convoy was hit twice near the border, officials said.",
			want{content: "The convoy was hit twice near the border", source: "officials", cue: "said"}},
		{"inverted, said the official",
			"“We are not leaving,” said a senior official.",
			want{content: "We are not leaving", source: "a senior official", cue: "said", kind: sitrep.QuoteDirect}},
		{"denial",
			"The ministry denied that any troops had been sent.",
			want{source: "The ministry", cue: "denied", modality: sitrep.ModalityNegated}},
		{"estimate",
			"Analysts estimate the fleet has shrunk by a third.",
			want{content: "the fleet has shrunk by a third", source: "Analysts", cue: "estimate", modality: sitrep.ModalityBelieved}},
		{"warned",
			"The agency warned that prices will rise again.",
			want{source: "The agency", cue: "warned"}},
		{"said on a day",
			"Sources said on Tuesday the talks had stalled.",
			want{content: "the talks had stalled", source: "Sources", cue: "said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := text.Segment(tt.text)
			qs := Extract(doc, nil, nil)
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			q := qs[0]
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("content", q.Text, tt.want.content)
			check("source", q.Source.Text, tt.want.source)
			check("cue", q.Cue.Text, tt.want.cue)
			check("addressee", q.Addressee, tt.want.addressee)
			check("venue", q.Venue, tt.want.venue)
			check("kind", q.Kind, tt.want.kind)
			check("modality", q.Modality, tt.want.modality)
			checkSpans(t, tt.text, q)
		})
	}
}

func checkSpans(t *testing.T, s string, q sitrep.Quote) {
	t.Helper()
	if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
		t.Errorf("content span [%d,%d) does not slice to %q", q.Start, q.End, q.Text)
	}
	for _, ts := range []sitrep.TextSpan{q.Source, q.Cue} {
		if ts.IsZero() {
			continue
		}
		if ts.Start < 0 || ts.End > len(s) || ts.Start > ts.End || s[ts.Start:ts.End] != ts.Text {
			t.Errorf("span [%d,%d) does not slice to %q", ts.Start, ts.End, ts.Text)
		}
	}
}

func TestMultiParagraphQuote(t *testing.T) {
	s := "The minister spoke for an hour. She said:\n“We have rebuilt the port.\n“And we will rebuild the railway,” she added.\nThe crowd cheered."
	doc := text.Segment(s)
	rs := regions(doc, nil)
	if len(rs) != 1 {
		t.Fatalf("got %d regions, want 1 spanning two paragraphs: %v", len(rs), rs)
	}
	if got := s[rs[0].Start:rs[0].End]; !strings.HasPrefix(got, "“We have") || !strings.HasSuffix(got, "railway,”") {
		t.Errorf("region = %q", got)
	}
	qs := Extract(doc, nil, nil)
	found := false
	for _, q := range qs {
		if q.Cue.Text == "added" {
			found = true
			if !strings.HasPrefix(q.Text, "We have rebuilt") || !strings.HasSuffix(q.Text, "the railway") || q.Kind != sitrep.QuoteDirect {
				t.Errorf("added: content %q kind %s, want the whole two-paragraph quote", q.Text, q.Kind)
			}
		}
	}
	if !found {
		t.Errorf("no quote with cue added: %+v", qs)
	}
}

func TestSplitQuote(t *testing.T) {
	s := "“The talks failed,” the envoy said, “and nobody is surprised.” Then she left."
	doc := text.Segment(s)
	as := Find(doc, Options{})
	if len(as) != 1 {
		t.Fatalf("got %d attributions, want 1", len(as))
	}
	a := as[0]
	if len(a.Content) != 2 {
		t.Fatalf("got %d content fragments, want 2: %v", len(a.Content), a.Content)
	}
	if got := a.Content[1].Of(s); got != "“and nobody is surprised.”" {
		t.Errorf("second fragment = %q", got)
	}
	if got := a.Source.Of(s); got != "the envoy" {
		t.Errorf("source = %q", got)
	}
}

func TestNestedCueInsideQuote(t *testing.T) {
	tests := []struct {
		text string
		want []string // cue/source/content of each quote, in order
	}{
		{"“My brother said they would come,” the farmer told reporters.",
			[]string{"said/My brother/they would come", "told/the farmer/My brother said they would come"}},
		{"He said: “She told me that the army had left.”",
			[]string{"said:/He/She told me that the army had left.", "told/She/the army had left"}},
		{"He said: 'She told me \"no\".'",
			[]string{"said:/He/'She told me \"no\".'", "told/She/no"}},
		// no source, or a noun phrase as content: no nested attribution
		{"“We heard the reports and believed them,” the mayor said.",
			[]string{"said/the mayor/We heard the reports and believed them"}},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		var got []string
		for _, q := range Extract(doc, nil, nil) {
			got = append(got, q.Cue.Text+"/"+q.Source.Text+"/"+q.Text)
			if tt.text[q.Start:q.End] != q.Text {
				t.Errorf("%q: span [%d,%d) does not slice to %q", tt.text, q.Start, q.End, q.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestNegatedContentEndsAtContrast(t *testing.T) {
	s := "The minister did not say whether troops had crossed the river, but the army wasn’t deployed until April."
	qs := Extract(text.Segment(s), nil, nil)
	if len(qs) != 1 || qs[0].Text != "whether troops had crossed the river" || qs[0].Modality != sitrep.ModalityNegated {
		t.Errorf("got %+v", qs)
	}
}

func TestNoAttribution(t *testing.T) {
	for _, s := range []string{
		"This was the country’s first foreign military involvement and wasn’t acknowledged until April.",
		"He gave the rebels two weeks before announcing new punitive measures if the junta doesn’t show willingness to end the war.",
		"It was announced that the talks had failed.",
		"The company announced new measures on Monday.",
	} {
		if qs := Extract(text.Segment(s), nil, nil); len(qs) != 0 {
			t.Errorf("%q: got %+v, want no quote", s, qs)
		}
	}
}

func TestSpeaker(t *testing.T) {
	s := "Defense Minister Jan Novak visited the base on Monday. He said the army was ready."
	doc := text.Segment(s)
	i := strings.Index(s, "Jan Novak")
	ents := []sitrep.Entity{
		{ID: "e1", Name: "Jan Novak", Type: sitrep.EntityPerson, Mentions: []sitrep.Mention{{Start: i, End: i + len("Jan Novak"), Text: "Jan Novak", Sentence: 0}}},
	}
	j := strings.Index(s, "Monday")
	tx := []sitrep.Timex{{ID: "t1", Start: j, End: j + 6, Text: "Monday"}}
	qs := Extract(doc, ents, tx)
	if len(qs) != 1 {
		t.Fatalf("got %d quotes", len(qs))
	}
	if qs[0].Speaker != "e1" {
		t.Errorf("speaker = %q, want e1", qs[0].Speaker)
	}
	if qs[0].Time != "" {
		t.Errorf("time = %q, want none (the timex is in another sentence)", qs[0].Time)
	}

	s2 := "Jan Novak told reporters on Monday that the army was ready."
	k := strings.Index(s2, "Monday")
	qs = Extract(text.Segment(s2), []sitrep.Entity{{ID: "e1", Type: sitrep.EntityPerson, Mentions: []sitrep.Mention{{Start: 0, End: 9}}}},
		[]sitrep.Timex{{ID: "t1", Start: k, End: k + 6}})
	if len(qs) != 1 || qs[0].Time != "t1" || qs[0].Speaker != "e1" {
		t.Errorf("got %+v, want time t1 speaker e1", qs)
	}
}

func TestExampleArticle(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip("example article not present")
	}
	s := string(b)
	qs := Extract(text.Segment(s), nil, nil)
	find := func(cue, contentHas string) *sitrep.Quote {
		for i := range qs {
			if qs[i].Cue.Text == cue && strings.Contains(qs[i].Text, contentHas) {
				return &qs[i]
			}
		}
		t.Errorf("no quote with cue %q and content containing %q", cue, contentHas)
		return nil
	}
	if q := find("stated", "We will regard the war"); q != nil {
		if q.Venue != "on Korean Central TV" || q.Kind != sitrep.QuoteDirect || q.Source.Text != "Kim Jong Un" {
			t.Errorf("Kim quote: %+v", q)
		}
	}
	if q := find("told", "military assistance"); q != nil {
		if q.Addressee != "lawmakers" || !strings.HasPrefix(q.Source.Text, "Admiral Samuel Paparo") || !strings.HasPrefix(q.Text, "North Korea’s military assistance") {
			t.Errorf("Paparo quote: %+v", q)
		}
	}
	if q := find("said", "a couple of weeks"); q != nil && q.Source.Text != "President Donald Trump" {
		t.Errorf("Trump quote: %+v", q)
	}
	if q := find("according to", "11,000"); q != nil && q.Source.Text != "South Korean officials" {
		t.Errorf("11,000: %+v", q)
	}
	if q := find("according to", "30,000"); q != nil && q.Source.Text != "an assessment by Ukraine’s defense intelligence agency" {
		t.Errorf("30,000: %+v", q)
	}
	if q := find("believe", "Kremlin"); q != nil && (q.Source.Text != "Washington and its allies" || q.Modality != sitrep.ModalityBelieved) {
		t.Errorf("believe: %+v", q)
	}
	if q := find("indicate", "missiles"); q != nil && q.Source.Text != "Satellite imagery and battlefield photos" {
		t.Errorf("indicate: %+v", q)
	}
	for _, q := range qs {
		checkSpans(t, s, q)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will win,” he said. “And soon.”",
		"According to officials, 300 troops left.\n\"Nothing\nmore",
		"TAPPER: Do you think so?\nKim said: “a",
		"''Yes,'' she said, ''it is.''",
		"X told Y that",
		"He said: 'She told me \"no\".'",
		"“They told us ‘we will never leave,’” the mayor said.",
		"“My brother said",
		"said Robert Klein, chairman of",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		for _, q := range Extract(doc, nil, nil) {
			checkSpans(t, s, q)
		}
		for _, a := range Find(doc, Options{Stance: true}) {
			for _, c := range a.Content {
				if !c.Valid(len(s)) {
					t.Fatalf("fragment %v out of bounds", c)
				}
			}
		}
	})
}

// reuters returns about max bytes of Reuters-21578 text, or skips.
func reuters(tb testing.TB, max int) string { return corpus.ReutersText(tb, max) }

func BenchmarkExtract(b *testing.B) {
	s := reuters(b, 2<<20)
	if s == "" {
		b.Skip("reuters21578.jsonl not present")
	}
	doc := text.Segment(s)
	// the pipeline tags once for every stage (analyze passes the tags)
	tags := pos.Default().Tag(doc)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		ExtractTagged(doc, tags, nil, nil)
	}
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(len(s))*float64(b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}

// BenchmarkExtractDocs extracts the quotes of Reuters stories one by one,
// as the pipeline does: with the tags, entities and timexes of each.
func BenchmarkExtractDocs(b *testing.B) {
	texts := corpus.Reuters(b, 2000)
	type input struct {
		d    *text.Doc
		tags []pos.Tag
		ents []sitrep.Entity
		tx   []sitrep.Timex
	}
	dct := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	in := make([]input, len(texts))
	for i, s := range texts {
		d := text.Segment(s)
		tags := pos.Default().Tag(d)
		in[i] = input{d, tags, entity.Default().Recognize(d), timex.TagWithPOS(d, dct, tags)}
	}
	defaultLexicon() // the tables are loaded once, outside the measurement
	firstNames()
	b.SetBytes(int64(corpus.Size(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, x := range in {
			ExtractTagged(x.d, x.tags, x.ents, x.tx)
		}
	}
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(corpus.Size(texts))*float64(b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}

// persons builds PERSON entities for the named people of s, each mention of
// a name (or of its last word) a mention; roles by name.
func persons(s string, names []string, roles map[string][]string) []sitrep.Entity {
	var ents []sitrep.Entity
	for i, n := range names {
		e := sitrep.Entity{ID: "e" + strconv.Itoa(i+1), Name: n, Type: sitrep.EntityPerson, Roles: roles[n]}
		for off := 0; ; {
			j := strings.Index(s[off:], n)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, sitrep.Mention{Start: off + j, End: off + j + len(n), Text: n, Kind: sitrep.MentionName})
			off += j + len(n)
		}
		ents = append(ents, e)
	}
	return ents
}

func TestSpeakerAgreementAndRole(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		roles map[string][]string
		want  []string // speaker of each quote
	}{
		{"John Smith met the rebels on Monday. Maria Lopez arrived later. He said the talks had failed.",
			[]string{"John Smith", "Maria Lopez"}, nil, []string{"e1"}},
		{"John Smith met the rebels on Monday. Maria Lopez arrived later. She said the talks had failed.",
			[]string{"John Smith", "Maria Lopez"}, nil, []string{"e2"}},
		{"Defense Minister Jan Novak visited the base. Heavy rain fell all day. The minister said the army was ready.",
			[]string{"Jan Novak"}, map[string][]string{"Jan Novak": {"Defense Minister"}}, []string{"e1"}},
		{"Maria Lopez, the UN envoy, met Jan Novak, the defence minister. The envoy said the talks had failed.",
			[]string{"Maria Lopez", "Jan Novak"}, map[string][]string{"Maria Lopez": {"the UN envoy"}, "Jan Novak": {"the defence minister"}}, []string{"e1"}},
		// the apposition names the role, the entity stage did not
		{"Maria Lopez, the UN envoy, met Jan Novak on Monday. “We are ready,” the envoy said.",
			[]string{"Maria Lopez", "Jan Novak"}, nil, []string{"e1"}},
		// no role matches: no speaker
		{"Jan Novak visited the base. The spokesman said the army was ready.",
			[]string{"Jan Novak"}, map[string][]string{"Jan Novak": {"Defense Minister"}}, []string{""}},
	}
	for _, tt := range tests {
		ents := persons(tt.text, tt.names, tt.roles)
		var got []string
		for _, q := range Extract(text.Segment(tt.text), ents, nil) {
			got = append(got, q.Speaker)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: speakers %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSpeakerOverridesDisagreeingPronoun(t *testing.T) {
	// the entity stage resolved "She" to a man: the pronoun's gender wins
	s := "Maria Lopez met Samuel Baker on Monday. She said the talks had failed."
	ents := persons(s, []string{"Maria Lopez", "Samuel Baker"}, nil)
	i := strings.Index(s, "She")
	ents[1].Mentions = append(ents[1].Mentions, sitrep.Mention{Start: i, End: i + 3, Text: "She", Kind: sitrep.MentionPronoun})
	qs := Extract(text.Segment(s), ents, nil)
	if len(qs) != 1 || qs[0].Speaker != "e1" {
		t.Errorf("got %+v, want one quote by e1", qs)
	}
}

func TestFirstNameGender(t *testing.T) {
	for _, tt := range []struct {
		name string
		want int
	}{{"Maria", genderFemale}, {"John", genderMale}, {"Samuel", genderMale}, {"Kim", genderUnknown}, {"Zzyzx", genderUnknown}} {
		if got := firstNameGender(tt.name); got != tt.want {
			t.Errorf("firstNameGender(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestFindPolNeAR checks the PolNeAR-sense attributions Find reports with
// Options.Stance: cue extents, sources with appositions, passive agents.
func TestFindPolNeAR(t *testing.T) {
	tests := []struct {
		text                 string
		cue, source, content string
	}{
		{"The senator talked about the economy on Monday.", "talked about", "The senator", "the economy on Monday"},
		{"The mayor pointed to the new budget figures.", "pointed to", "The mayor", "the new budget figures"},
		{"Democrats see the governor as a liability.", "see", "Democrats", "the governor as a liability"},
		{"The governor declined to comment on the report.", "declined", "The governor", "to comment on the report"},
		{"The senator has declined to endorse the nominee.", "to endorse", "The senator", "the nominee"},
		{"Lewandowski continued to assert that he never touched her.", "continued to assert", "Lewandowski", "that he never touched her"},
		{"“We will win,” said Robert Klein, chairman of the state party.", "said", "Robert Klein, chairman of the state party", "“We will win,”"},
		{"“We will win,” said Mona Lamberson, 59, of Philadelphia.", "said", "Mona Lamberson", "“We will win,”"},
		{"Clinton, clearly frustrated, said the debate was over.", "said", "Clinton", "the debate was over"},
		{"The plan was criticized by several governors.", "was criticized by", "several governors", "The plan"},
		{"The judge rubbed his chin and said the case was closed.", "said", "The judge", "the case was closed"},
		{"“It’s fine,” Trump said on Thursday during a speech at the council.", "said", "Trump", "“It’s fine,”"},
		{"Officials are confident that the dam will hold.", "are confident", "Officials", "that the dam will hold"},
		{"More than nine of 10 Republicans say the party is divided.", "say", "More than nine of 10 Republicans", "the party is divided"},
		{"The governor urged lawmakers to pass the budget.", "urged", "The governor", "lawmakers to pass the budget"},
		{"Governor Mary Fallin (R-OK) said the party was united.", "said", "Governor Mary Fallin (R-OK)", "the party was united"},
		{"The groups who wrote to her on Thursday say the plan is unfair.", "say", "The groups who wrote to her on Thursday", "the plan is unfair"},
		{"Marco Rubio says, win or lose, he is staying in the race.", "says", "Marco Rubio", "win or lose, he is staying in the race"},
		{"As the Times noted, the senator raised more than $1 million.", "noted", "the Times", "the senator raised more than $1 million"},
		{"“I heard parts of his speech,\" Trump said. \"He wants to give away our country.”", "said", "Trump", "“I heard parts of his speech,\"|\"He wants to give away our country.”"},
		{"“They need each other,” he said of the two men, “because neither can win alone.”", "said", "he", "“They need each other,”|“because neither can win alone.”"},
		{"“The benefit of being from here,” Traynor said, \"is being for whoever we want.\"", "said", "Traynor", "“The benefit of being from here,”|\"is being for whoever we want.\""},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		var got []string
		ok := false
		for _, a := range Find(doc, Options{Stance: true}) {
			var cs []string
			for _, c := range a.Content {
				cs = append(cs, c.Of(tt.text))
			}
			g := a.Cue.Of(tt.text) + "/" + a.Source.Of(tt.text) + "/" + strings.Join(cs, "|")
			got = append(got, g)
			if g == tt.cue+"/"+tt.source+"/"+tt.content {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.cue+"/"+tt.source+"/"+tt.content)
		}
	}
}

// TestLookup: the lexicon's short-cuts (lexicon.lookup) answer as its
// table does, for every key in any case and for words that are none.
func TestLookup(t *testing.T) {
	lx := defaultLexicon()
	words := []string{"", "a", "A", "I", "--", "'s", "’s", "n't", "N'T", "the", "The", "THE", "tHe", "to", "said", "SAID", "Said",
		"told", "according", "zzz", "qq", "x", "7", "1987", "a.m.", "U.S.", "—", "“", "”", "(", ";", "é", "éé", "ab1", "a-b"}
	for c := range 256 {
		words = append(words, string([]byte{byte(c)}), string([]byte{'a', byte(c)}), string([]byte{byte(c), 'a', 'b'}), string([]byte{'s', 'a', 'i', byte(c)}))
	}
	for _, s := range []string{cuesData, wordClasses[wAux] + " " + wordClasses[wBarrier] + " " + wordClasses[wTime] + " " + wordClasses[wClause] + " " + wordClasses[wDet]} {
		for _, w := range strings.Fields(s) {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[:len(w)-1])
		}
	}
	for _, w := range words {
		want, _ := lx.words.GetFold(w)
		if got := lx.lookup(w); got != want {
			t.Errorf("lookup(%q) = %v, want %v", w, got, want)
		}
	}
}
