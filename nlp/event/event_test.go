package event

import (
	"os"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// ent describes a hand-made entity for the tests: every whole-word
// occurrence of one of its forms is a mention.
type ent struct {
	id, name, typ, kb string
	forms             []string
}

// gaz stands in for the entity stage: a few names with their forms.
var gaz = []ent{
	{"e1", "North Korea", sitrep.EntityGPE, "PRK", []string{"North Korea", "North Korean", "Pyongyang"}},
	{"e2", "Russia", sitrep.EntityGPE, "RUS", []string{"Russia", "Russian", "the Kremlin", "Kremlin", "Moscow"}},
	{"e3", "Ukraine", sitrep.EntityGPE, "UKR", []string{"Ukraine", "Ukrainian", "Kyiv"}},
	{"e4", "Kim Jong Un", sitrep.EntityPerson, "", []string{"Kim Jong Un", "Kim"}},
	{"e5", "Vladimir Putin", sitrep.EntityPerson, "", []string{"Vladimir Putin", "Putin"}},
	{"e6", "Kursk", sitrep.EntityGPE, "geonames:538560", []string{"Kursk"}},
	{"e7", "Beijing", sitrep.EntityGPE, "geonames:1816670", []string{"Beijing"}},
	{"e8", "China", sitrep.EntityGPE, "CHN", []string{"China", "Chinese"}},
	{"e9", "Donald Trump", sitrep.EntityPerson, "", []string{"Donald Trump", "Trump"}},
	{"e10", "South Korea", sitrep.EntityGPE, "KOR", []string{"South Korea", "South Korean", "Seoul"}},
	{"e11", "United States", sitrep.EntityGPE, "USA", []string{"United States", "Washington", "U.S."}},
	{"e12", "Israel", sitrep.EntityGPE, "ISR", []string{"Israel", "Israeli"}},
	{"e13", "Gaza", sitrep.EntityGPE, "geonames:281133", []string{"Gaza"}},
	{"e14", "Iran", sitrep.EntityGPE, "IRN", []string{"Iran", "Tehran", "Iranian"}},
	{"e15", "European Union", sitrep.EntityOrg, "", []string{"European Union", "EU"}},
	{"e16", "Kharkiv", sitrep.EntityGPE, "geonames:706483", []string{"Kharkiv"}},
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func entities(doc *text.Doc) []sitrep.Entity {
	var out []sitrep.Entity
	t := doc.Text
	for _, g := range gaz {
		e := sitrep.Entity{ID: g.id, Name: g.name, Type: g.typ, KB: g.kb}
		taken := make([]bool, len(t))
		for _, f := range g.forms {
			for off := 0; ; {
				k := strings.Index(t[off:], f)
				if k < 0 {
					break
				}
				s, end := off+k, off+k+len(f)
				off = end
				if s > 0 && isWordByte(t[s-1]) || end < len(t) && isWordByte(t[end]) || taken[s] {
					continue
				}
				for j := s; j < end; j++ {
					taken[j] = true
				}
				e.Mentions = append(e.Mentions, sitrep.Mention{Start: s, End: end, Text: t[s:end], Sentence: doc.SentenceOf(s)})
			}
		}
		if len(e.Mentions) > 0 {
			out = append(out, e)
		}
	}
	return out
}

func extract(s string) (*text.Doc, []sitrep.Event) {
	doc := text.Segment(s)
	return doc, Extract(doc, Options{Entities: entities(doc)})
}

// TestExampleArticle reads the worked example and checks the events the
// brief expects come out of the general code, with the test entities.
func TestExampleArticle(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip(err)
	}
	doc, evs := extract(string(b))
	for _, e := range evs {
		t.Logf("%-5s %-10s %-5s %-14q a=%-4s t=%-4s l=%-4s %-9s %q", e.ID, e.Type, e.CAMEO, e.Text, e.Actor, e.Target, e.Location, e.Modality, e.Summary)
		if doc.Sentences[e.Sentence].Heading {
			t.Errorf("event %q in a heading", e.Text)
		}
	}
	wants := []want{
		{"committed", "commit", "e4", "e2", "", ""},
		{"arrived", "arrive", "e1", "", "e6", ""},
		{"sent", "deploy", "", "", "", ""},
		{"acknowledged", "acknowledge", "", "", "", ""},
		{"sustained", "kill", "-", "e1", "", ""},
		{"supplied", "supply", "e1", "e2", "", ""},
		{"providing", "aid", "e2", "e4", "", ""},
		{"shared", "statement", "", "", "", ""},
		{"meeting", "meet", "e4", "", "", ""},
		{"order", "deploy", "", "", "", ""},
		{"launched", "offensive", "e3", "", "e6", ""},
		{"reported", "statement", "", "", "", ""},
		{"met", "meet", "e4", "e5", "", ""},
		{"sign", "sign", "e4", "", "", ""},
		{"stated", "-", "", "", "", ""}, // a cue of what was said
		{"told", "-", "", "", "", ""},
		{"send", "deploy", "e1", "", "", "possible"},
		{"give", "threaten", "", "e5", "", "future"},
		{"parade", "parade", "e8", "", "e7", ""},
	}
	for _, w := range wants {
		checkEvent(t, "example", evs, w)
	}
}

// checkEvent checks the first event with trigger w.trigger against w.
func checkEvent(t *testing.T, name string, evs []sitrep.Event, w want) {
	t.Helper()
	var got *sitrep.Event
	for i := range evs {
		if evs[i].Text == w.trigger {
			got = &evs[i]
			break
		}
	}
	if w.typ == "-" {
		if got != nil {
			t.Errorf("%s: unexpected event %q (%s)", name, w.trigger, got.Type)
		}
		return
	}
	if got == nil {
		t.Errorf("%s: no event %q", name, w.trigger)
		return
	}
	check := func(field, g, w string) {
		if w == "-" {
			w = "" // must be empty
		} else if w == "" {
			return
		}
		if g != w {
			t.Errorf("%s: event %q: %s = %q, want %q (summary %q)", name, got.Text, field, g, w, got.Summary)
		}
	}
	check("type", got.Type, w.typ)
	check("actor", got.Actor, w.actor)
	check("target", got.Target, w.target)
	check("location", got.Location, w.location)
	check("modality", got.Modality, w.modality)
	if strings.ContainsAny(got.Summary, "\n\t") || strings.Contains(got.Summary, "  ") {
		t.Errorf("%s: event %q: summary %q not squashed", name, got.Text, got.Summary)
	}
	if got.Summary == "" || got.CAMEO == "" && lex().types[got.Type].CAMEO != "" || got.Lemma == "" || got.Class == "" {
		t.Errorf("%s: event %q incomplete: %+v", name, got.Text, *got)
	}
}

// want is the expected frame of one event, found by its trigger text.
type want struct {
	trigger, typ, actor, target, location, modality string
}

func TestForceCodes(t *testing.T) {
	tests := []struct{ text, trigger, code string }{
		{"Iran fired rockets at northern Israel.", "fired", "195"},
		{"Russian tanks attacked the village.", "attacked", "194"},
		{"Gunmen attacked a police station with rifles.", "attacked", "193"},
		{"Israel attacked Gaza.", "attacked", "190"},
	}
	for _, tt := range tests {
		_, evs := extract(tt.text)
		found := false
		for _, e := range evs {
			if e.Text == tt.trigger {
				found = true
				if e.CAMEO != tt.code {
					t.Errorf("%q: %s CAMEO %s, want %s", tt.text, e.Text, e.CAMEO, tt.code)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event %q", tt.text, tt.trigger)
		}
	}
}

func TestFrames(t *testing.T) {
	tests := []struct {
		text string
		want []want
	}{
		{"Iran sent 2,000 troops to Russia last month.",
			[]want{{"sent", "deploy", "e14", "e2", "", "asserted"}}},
		{"Israeli forces shelled Gaza on Tuesday, killing 12 people.",
			[]want{{"shelled", "attack", "e12", "e13", "", "asserted"}, {"killing", "kill", "", "", "", ""}}},
		{"Kyiv launched a major offensive near Kharkiv in May.",
			[]want{{"launched", "offensive", "e3", "", "e16", ""}}},
		{"About 5,000 Iranian soldiers were deployed in Russia's Kursk region.",
			[]want{{"deployed", "deploy", "e14", "", "e6", ""}}},
		{"The weapons were supplied by Iran.",
			[]want{{"supplied", "supply", "e14", "", "", ""}}},
		{"Putin met Kim in Pyongyang and signed a defence treaty.",
			[]want{{"met", "meet", "e5", "e4", "e1", ""}, {"signed", "sign", "e5", "", "", ""}}},
		{"China's foreign ministry accused the United States of provoking the crisis.",
			[]want{{"accused", "accuse", "e8", "e11", "", ""}}},
		{"The European Union imposed new sanctions on Iran.",
			[]want{{"imposed", "sanction", "e15", "e14", "", ""}}},
		{"Russia could send more troops to the front, officials said.",
			[]want{{"send", "deploy", "e2", "", "", "possible"}}},
		{"Ukraine will withdraw its forces from Kursk.",
			[]want{{"withdraw", "withdraw", "e3", "", "", "future"}}},
		{"Israel denied the accusation.",
			[]want{{"denied", "deny", "e12", "", "", ""}}},
		{"Russia's war against Ukraine entered its fourth year as a Russian counteroffensive stalled.",
			[]want{{"counteroffensive", "offensive", "e2", "", "", ""}}},
		{"Iran threatened Israel with retaliation.",
			[]want{{"threatened", "threaten", "e14", "e12", "", ""}}},
		{"Kim Jong Un, the North Korean leader, visited Moscow in September.",
			[]want{{"visited", "visit", "e4", "e2", "", ""}}},
		{"Trump said he would impose sanctions on Iran.",
			[]want{{"impose", "sanction", "e9", "e14", "", "future"}}},
		{"Putin stated on Russian television that the offensive was over.",
			[]want{{"stated", "-", "", "", "", ""}}}, // a cue of what was said: the quote layer's
		{"Russia's invasion of Ukraine began in February 2022.",
			[]want{{"invasion", "capture", "e2", "e3", "", ""}}},
		{"Talks between Israel and Iran collapsed on Friday.",
			[]want{{"Talks", "negotiate", "e12", "e14", "", ""}}},
		{"The Israeli strike on Gaza killed 20 people.",
			[]want{{"strike", "attack", "e12", "e13", "", ""}, {"killed", "kill", "e12", "", "", ""}}},
		{"The president of Russia met Kim on Friday.",
			[]want{{"met", "meet", "e2", "e4", "", ""}}},
		{"Zelensky called on Western allies to supply more air defence systems and accused Moscow of targeting civilians.",
			[]want{{"supply", "supply", "-", "", "", ""}, {"accused", "accuse", "", "e2", "", ""}}},
		{"Trump said he would give Putin a deadline of two weeks before imposing new sanctions on Russia.",
			[]want{{"give", "threaten", "e9", "e5", "", "future"}, {"imposing", "sanction", "e9", "e2", "", "future"}}},
		{"State media showed Kim meeting with families of soldiers killed fighting in Ukraine.",
			[]want{{"killed", "kill", "-", "", "", ""}}},
		{"Families of soldiers killed in the fighting gathered in Kyiv.",
			[]want{{"killed", "kill", "-", "", "", ""}}},
		{"Israel and Iran signed a ceasefire agreement in Cairo.",
			[]want{{"signed", "", "e12", "e14", "", ""}}},
		{"Russian President Vladimir Putin met Kim in Moscow.",
			[]want{{"met", "meet", "e5", "e4", "", ""}}},
		{"Russia annexed Crimea in 2014.", []want{{"annexed", "capture", "e2", "", "", ""}}},
		{"Putin held a phone call with Trump on Tuesday.", []want{{"held", "meet", "e5", "e9", "", ""}}},
		{"Israel imposed a blockade on Gaza.", []want{{"imposed", "attack", "e12", "e13", "", ""}}},
		{"Iran expelled two Israeli diplomats.", []want{{"expelled", "arrest", "e14", "", "", ""}}},
		{"Gunmen kidnapped 20 students in Gaza.", []want{{"kidnapped", "abduct", "", "", "e13", ""}}},
		{"The European Union imposed new sanctions on Iran over its supply of drones to Russia.",
			[]want{{"supply", "supply", "e14", "e2", "", ""}}},
		{"North Korean leader Kim Jong Un and Russian President Vladimir Putin met in Moscow.",
			[]want{{"met", "meet", "e4", "e5", "", ""}}},
		{"Iranian soldiers fighting for Russia have suffered heavy casualties.",
			[]want{{"suffered", "kill", "-", "e14", "", ""}}},
		{"Iran fired rockets at northern Israel.",
			[]want{{"fired", "attack", "e14", "e12", "e12", ""}}},
		{"The United States paused military aid to Ukraine.",
			[]want{{"paused", "reduce", "e11", "e3", "", ""}}},
		{"The Israeli military responded with airstrikes in Gaza.",
			[]want{{"responded", "attack", "e12", "", "e13", ""}}},
		{"Iran announced tonight that its major offensive against Israel had ended.",
			[]want{{"offensive", "offensive", "e14", "e12", "", ""}}},
		{"Iran said its forces had \"liberated\" the town.",
			[]want{{"liberated", "capture", "e14", "", "", ""}}},
		{"Iran said its offensive against Israel in the north had ended after dealing heavy blows.",
			[]want{{"offensive", "offensive", "e14", "e12", "", ""}}},
		{"China held a parade marking the 80th anniversary of Japan's surrender.",
			[]want{{"surrender", "-", "", "", "", ""}}},
		{"Trump spoke with Putin on Monday. He said he would impose sanctions on Iran.",
			[]want{{"said", "-", "", "", "", ""}, {"impose", "sanction", "e9", "e14", "", "future"}}},
		{"Iran announced on Thursday evening in a statement that its\nmajor offensive against Israel in the northern sector had ended\nafter weeks of heavy fighting, the state news agency reported.\nThe agency gave no figures for casualties on either side of it.\n",
			[]want{{"offensive", "offensive", "e14", "e12", "", ""}}},
		{"Thousands of troops arrived in Kharkiv on Monday.",
			[]want{{"arrived", "arrive", "", "", "e16", ""}}},
	}
	for _, tt := range tests {
		_, evs := extract(tt.text)
		for _, e := range evs {
			t.Logf("%-16s %-10s %-5s a=%-4s t=%-4s l=%-4s %-9s %q", e.Text, e.Type, e.CAMEO, e.Actor, e.Target, e.Location, e.Modality, e.Summary)
		}
		for _, w := range tt.want {
			checkEvent(t, tt.text, evs, w)
		}
	}
}
