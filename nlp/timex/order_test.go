package timex

import (
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// quoteOf builds an attribution by hand: content and cue by their text,
// the speech time by the text of its timex (or none).
func quoteOf(t *testing.T, d *text.Doc, tx []sitrep.Timex, content, cue, when string) sitrep.Quote {
	t.Helper()
	c := strings.Index(d.Text, content)
	k := strings.Index(d.Text, cue)
	if c < 0 || k < 0 {
		t.Fatalf("%q or %q not in text", content, cue)
	}
	q := sitrep.Quote{ID: "q1", Start: c, End: c + len(content), Text: content,
		Cue: sitrep.NewTextSpan(d.Text, sitrep.Span{Start: k, End: k + len(cue)}), Sentence: d.SentenceOf(c)}
	for _, x := range tx {
		if when != "" && x.Text == when {
			q.Time = x.ID
		}
	}
	if when != "" && q.Time == "" {
		t.Fatalf("no timex %q in %+v", when, tx)
	}
	return q
}

func TestAnchorWithQuotes(t *testing.T) {
	dct := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name, src, content, cue, when string
		trig                          [][2]string
		want                          []string // per event: value earliest latest, "dct" for the fallback
		link                          string   // "e1 REL e2" among the links, or ""
	}{
		{"speech date is not the content's",
			"DNA tests link a doctor to the killing of a nurse, an official said Friday.", "DNA tests link a doctor to the killing of a nurse", "said", "Friday",
			[][2]string{{"to the", "killing"}, {"official", "said"}},
			[]string{"dct", "2024-03-08 2024-03-08 2024-03-08"}, ""},
		{"reported past: at or before the speech day",
			"Police said on Monday that rebels attacked the town.", "rebels attacked the town", "said", "Monday",
			[][2]string{{"Police", "said"}, {"rebels", "attacked"}},
			[]string{"2024-03-11 2024-03-11 2024-03-11", "PAST_REF  2024-03-11"}, "e2 BEFORE e1"},
		{"reported future: at or after the speech day",
			"The minister said on Monday that troops will withdraw.", "troops will withdraw", "said", "Monday",
			[][2]string{{"minister", "said"}, {"troops will", "withdraw"}},
			[]string{"2024-03-11 2024-03-11 2024-03-11", "FUTURE_REF 2024-03-11 "}, "e2 AFTER e1"},
		{"content with its own date",
			"Officials said on Monday that rebels attacked the town on Saturday.", "rebels attacked the town on Saturday", "said", "Monday",
			[][2]string{{"Officials", "said"}, {"rebels", "attacked"}},
			[]string{"2024-03-11 2024-03-11 2024-03-11", "2024-03-09 2024-03-09 2024-03-09"}, "e2 BEFORE e1"},
		{"reported present: it holds as they speak",
			"Officials said on Monday that the army is advancing.", "the army is advancing", "said", "Monday",
			[][2]string{{"Officials", "said"}, {"is ", "advancing"}},
			[]string{"2024-03-11 2024-03-11 2024-03-11", "dct"}, "e2 INCLUDES e1"},
		{"undated speech: the DCT fallback stands",
			"Rebels attacked the town, police said.", "Rebels attacked the town", "said", "",
			[][2]string{{"Rebels", "attacked"}, {"police", "said"}},
			[]string{"dct", "dct"}, "e1 BEFORE e2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := text.Segment(tc.src)
			tx := Tag(d, dct)
			evs := triggers(t, d, tc.trig)
			q := quoteOf(t, d, tx, tc.content, tc.cue, tc.when)
			links, times := AnchorWithQuotes(d, tx, evs, []sitrep.Quote{q}, dct)
			for i, w := range tc.want {
				got := times[i].Value + " " + times[i].Earliest + " " + times[i].Latest
				if w == "dct" {
					got = times[i].Derivation
				}
				if got != w {
					t.Errorf("%s: got %q (%s), want %q", evs[i].Text, got, times[i].Derivation, w)
				}
			}
			if tc.link != "" && !hasLink(links, tc.link) {
				t.Errorf("links %+v, want %s", links, tc.link)
			}
		})
	}
}

func hasLink(links []sitrep.TLink, want string) bool {
	for _, l := range links {
		if l.From+" "+l.Rel+" "+l.To == want {
			return true
		}
	}
	return false
}

// TestAnchorOrders: signal words and tenses order events with no date.
func TestAnchorOrders(t *testing.T) {
	dct := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		src  string
		trig [][2]string
		link string // "" when no link between e1 and e2 is right
	}{
		{"Crowds gathered after the vote ended.", [][2]string{{"Crowds", "gathered"}, {"vote", "ended"}}, "e1 AFTER e2"},
		{"After the vote ended, crowds gathered.", [][2]string{{"vote", "ended"}, {"crowds", "gathered"}}, "e2 AFTER e1"},
		{"Troops withdrew before the talks began.", [][2]string{{"Troops", "withdrew"}, {"talks", "began"}}, "e1 BEFORE e2"},
		{"The army shelled the town prior to the assault.", [][2]string{{"army", "shelled"}, {"the", "assault"}}, "e1 BEFORE e2"},
		{"Rebels seized the airport, then attacked the port.", [][2]string{{"Rebels", "seized"}, {"then", "attacked"}}, "e2 AFTER e1"},
		{"The gunman had fled when police arrived.", [][2]string{{"gunman had", "fled"}, {"police", "arrived"}}, "e1 BEFORE e2"},
		{"The rebels agreed to withdraw.", [][2]string{{"rebels", "agreed"}, {"to ", "withdraw"}}, "e1 BEFORE e2"},
		{"The following day, crowds gathered and sang.", [][2]string{{"crowds", "gathered"}, {"and", "sang"}}, ""},
	}
	for _, tc := range tests {
		d := text.Segment(tc.src)
		evs := triggers(t, d, tc.trig)
		for i := range evs {
			evs[i].Lemma = strings.TrimSuffix(strings.TrimSuffix(evs[i].Text, "ed"), "d")
		}
		links, _ := Anchor(d, Tag(d, dct), evs, dct)
		if tc.link == "" {
			for _, l := range links {
				if l.From[0] == 'e' && l.To[0] == 'e' {
					t.Errorf("%q: unexpected link %+v", tc.src, l)
				}
			}
			continue
		}
		if !hasLink(links, tc.link) {
			t.Errorf("%q: links %+v, want %s", tc.src, links, tc.link)
		}
	}
}

func TestAspectOf(t *testing.T) {
	tests := []struct {
		src, trig, lemma string
		want             aspect
	}{
		{"Rebels attacked the town.", "attacked", "attack", aspPast},
		{"Rebels had attacked the town.", "attacked", "attack", aspPastPerfect},
		{"Rebels have not attacked the town.", "attacked", "attack", aspPerfect},
		{"Rebels will attack the town.", "attack", "attack", aspFuture},
		{"Rebels may have attacked the town.", "attacked", "attack", aspPast},
		{"Rebels are attacking the town.", "attacking", "attack", aspProgressive},
		{"The town was attacked.", "attacked", "attack", aspPast},
		{"Rebels plan to attack the town.", "attack", "attack", aspNone},
		{"The attack was repelled.", "attack", "attack", aspNone},
		{"He says rebels left.", "says", "say", aspPresent},
		{"He went home.", "went", "go", aspPast},
		{"Rebels attacked the town and killed three people.", "killed", "kill", aspPast},
		{"The killed soldiers were buried.", "killed", "kill", aspNone},
	}
	for _, tc := range tests {
		d := text.Segment(tc.src)
		evs := triggers(t, d, [][2]string{{"", tc.trig}})
		evs[0].Lemma = tc.lemma
		a := &anchorer{d: d, ev: evs}
		if got := a.aspectOf(0); got != tc.want {
			t.Errorf("%q %s: got %d, want %d", tc.src, tc.trig, got, tc.want)
		}
	}
}

// BenchmarkAnchorWithQuotes anchors Reuters stories with stand-in events
// (every past-tense word) and attributions (a sentence's words before
// "said"), as the pipeline calls it after tagging.
func BenchmarkAnchorWithQuotes(b *testing.B) {
	docs := reuters(b, 2000)
	type input struct {
		d   *text.Doc
		tx  []sitrep.Timex
		evs []sitrep.Event
		qs  []sitrep.Quote
	}
	dct := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	in := make([]input, len(docs))
	n := 0
	for i, s := range docs {
		d := text.Segment(s)
		in[i] = input{d: d, tx: Tag(d, dct)}
		for k, tok := range d.Tokens {
			w := s[tok.Start:tok.End]
			if w == "said" {
				st := d.Sentences[d.SentenceOf(tok.Start)]
				if st.Start < tok.Start {
					in[i].qs = append(in[i].qs, sitrep.Quote{ID: "q" + itoa(k), Start: st.Start, End: tok.Start,
						Cue: sitrep.NewTextSpan(s, sitrep.Span{Start: tok.Start, End: tok.End})})
				}
			}
			if tok.Kind == text.Word && (strings.HasSuffix(w, "ed") || w == "said") {
				in[i].evs = append(in[i].evs, sitrep.Event{ID: "e" + itoa(k), Start: tok.Start, End: tok.End, Text: w,
					Lemma: strings.TrimSuffix(w, "ed"), Sentence: d.SentenceOf(tok.Start)})
			}
		}
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, x := range in {
			AnchorWithQuotes(x.d, x.tx, x.evs, x.qs, dct)
		}
	}
}

// TestAnchorReports: a report comes after what the sentences around it
// tell, unless that is a forecast or the dates say otherwise.
func TestAnchorReports(t *testing.T) {
	dct := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)
	d := text.Segment("Rebels attacked the town. The army said troops will return. Police had arrested a man on March 14, 2024, and crowds gathered.")
	evs := triggers(t, d, [][2]string{{"Rebels", "attacked"}, {"army", "said"}, {"troops will", "return"}, {"Police", "arrested"}, {"and crowds", "gathered"}})
	evs[1].Class = "REPORTING"
	evs[1].Lemma, evs[0].Lemma, evs[2].Lemma, evs[3].Lemma, evs[4].Lemma = "say", "attack", "return", "arrest", "gather"
	links, _ := Anchor(d, Tag(d, dct), evs, dct)
	if !hasLink(links, "e1 BEFORE e2") {
		t.Errorf("links %+v, want e1 BEFORE e2", links)
	}
	for _, l := range links {
		if l.From == "e3" && l.To == "e2" {
			t.Errorf("a forecast linked before its report: %+v", l)
		}
		if l.From == "e5" {
			t.Errorf("the story going on after the report: %+v", l)
		}
	}
	if !hasLink(links, "e4 BEFORE e2") {
		t.Errorf("links %+v, want e4 BEFORE e2 (a past perfect after an undated report)", links)
	}
}
