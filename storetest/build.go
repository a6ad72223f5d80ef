package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/sitrep-news/sitrep"
)

// builder assembles an analysis by hand, finding each annotation's span by
// its surface text so that every offset is right by construction.
type builder struct {
	a *sitrep.Analysis
}

func newBuilder(doc sitrep.Document) *builder {
	a := &sitrep.Analysis{Document: doc}
	text := doc.Text
	// Sentences end at ". " or at the end of the text; one paragraph each.
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		p := len(a.Paragraphs)
		a.Paragraphs = append(a.Paragraphs, sitrep.Paragraph{Start: start, End: end, Kind: sitrep.ParagraphText})
		a.Sentences = append(a.Sentences, sitrep.Sentence{Start: start, End: end, Paragraph: p})
		start = end
		for start < len(text) && text[start] == ' ' {
			start++
		}
	}
	a.Sections = []sitrep.Section{{Start: 0, End: len(text)}}
	return &builder{a: a}
}

// span returns the n-th (from 0) occurrence of sub in the text.
func (b *builder) span(sub string, n int) sitrep.Span {
	text := b.a.Document.Text
	off := 0
	for {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			panic(fmt.Sprintf("storetest: %q not in text", sub))
		}
		if n == 0 {
			return sitrep.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

func (b *builder) sentenceOf(s sitrep.Span) int {
	for i, sn := range b.a.Sentences {
		if s.Start >= sn.Start && s.Start < sn.End {
			return i
		}
	}
	return -1
}

// entity adds an entity with a mention at every occurrence of each surface.
func (b *builder) entity(id, name, typ, kb string, surfaces ...string) {
	text := b.a.Document.Text
	e := sitrep.Entity{ID: id, Name: name, Type: typ, KB: kb, Mentions: []sitrep.Mention{}}
	for _, s := range surfaces {
		for n := 0; strings.Count(text, s) > n; n++ {
			sp := b.span(s, n)
			e.Mentions = append(e.Mentions, sitrep.Mention{Start: sp.Start, End: sp.End, Text: s, Kind: sitrep.MentionName, Sentence: b.sentenceOf(sp)})
		}
	}
	b.a.Entities = append(b.a.Entities, e)
}

func (b *builder) timex(id, surface, typ, value, earliest, latest string) {
	sp := b.span(surface, 0)
	b.a.Timexes = append(b.a.Timexes, sitrep.Timex{ID: id, Start: sp.Start, End: sp.End, Text: surface, Type: typ, Value: value,
		Anchor: "dct", Earliest: earliest, Latest: latest, Derivation: "explicit", Sentence: b.sentenceOf(sp)})
}

type ev struct {
	id, typ, trigger          string
	actor, target, location   string
	value, earliest, latest   string
	modality, source, summary string
}

func (b *builder) event(e ev) {
	sp := b.span(e.trigger, 0)
	mod := e.modality
	if mod == "" {
		mod = sitrep.ModalityAsserted
	}
	b.a.Events = append(b.a.Events, sitrep.Event{ID: e.id, Type: e.typ, Start: sp.Start, End: sp.End, Text: e.trigger,
		Class: "OCCURRENCE", Lemma: strings.ToLower(e.trigger), Actor: e.actor, Target: e.target, Location: e.location,
		Sentence: b.sentenceOf(sp), Modality: mod, Source: e.source, Summary: e.summary,
		Time: sitrep.EventTime{Value: e.value, Earliest: e.earliest, Latest: e.latest, Anchor: "dct", Derivation: "explicit"}})
}

func (b *builder) quote(id, content, kind, speaker, source, cue string) {
	sp := b.span(content, 0)
	q := sitrep.Quote{ID: id, Start: sp.Start, End: sp.End, Text: content, Kind: kind, Speaker: speaker,
		Modality: sitrep.ModalityReported, Sentence: b.sentenceOf(sp)}
	if source != "" {
		q.Source = sitrep.NewTextSpan(b.a.Document.Text, b.span(source, 0))
	}
	if cue != "" {
		q.Cue = sitrep.NewTextSpan(b.a.Document.Text, b.span(cue, 0))
	}
	b.a.Quotes = append(b.a.Quotes, q)
}

func (b *builder) quantity(id, surface string, value, lo, hi *float64, unit, category, entity string) {
	sp := b.span(surface, 0)
	b.a.Quantities = append(b.a.Quantities, sitrep.Quantity{ID: id, Start: sp.Start, End: sp.End, Text: surface,
		Value: value, Min: lo, Max: hi, Approximate: lo != nil || hi != nil, Unit: unit, Category: category, Entity: entity,
		Modality: sitrep.ModalityReported, Sentence: b.sentenceOf(sp)})
}

func f64(v float64) *float64 { return &v }

// Synthetic returns the i-th of a family of made-up analyses of realistic
// size (about 3 KB of text, 24 sentences, 16 entities with 2 to 4 mentions
// each, 10 events, 4 quotes, 5 figures, 8 timexes). Entity names come from
// a pool of 5,000 with a skewed (Zipf) frequency, as in news; documents are
// dated over the years 2000-2024. The same i gives the same analysis, and
// different i different texts.
func Synthetic(i int) *sitrep.Analysis {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5175e9))
	zipf := rand.NewZipf(rng, 1.1, 4, 4999)
	day := func() string {
		return fmt.Sprintf("%04d-%02d-%02d", 2000+rng.IntN(25), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	dct := day()
	types := []string{sitrep.EntityPerson, sitrep.EntityOrg, sitrep.EntityGPE, sitrep.EntityLoc}
	evTypes := []string{"deploy", "attack", "meet", "say", "sanction", "visit", "arrest", "elect"}
	var sb strings.Builder
	type entPos struct {
		n         int
		positions []sitrep.Span
		sentences []int
	}
	ents := map[int]*entPos{}
	var order []int
	var sentences []sitrep.Sentence
	var triggers []sitrep.Span
	var trigSent []int
	fmt.Fprintf(&sb, "Report %d. ", i)
	sentences = append(sentences, sitrep.Sentence{Start: 0, End: sb.Len() - 1})
	for s := 0; s < 23; s++ {
		start := sb.Len()
		for w := 0; w < 3; w++ {
			n := int(zipf.Uint64())
			name := fmt.Sprintf("Entity%d Name%d", n, n%97)
			p := sb.Len()
			sb.WriteString(name)
			e := ents[n]
			if e == nil {
				if len(ents) >= 16 {
					// Keep to 16 entities: reuse one already named.
					e = ents[order[rng.IntN(len(order))]]
				} else {
					e = &entPos{n: n}
					ents[n] = e
					order = append(order, n)
				}
			}
			if e.n == n {
				e.positions = append(e.positions, sitrep.Span{Start: p, End: sb.Len()})
				e.sentences = append(e.sentences, len(sentences))
			}
			switch w {
			case 0:
				sb.WriteString(" said on Tuesday that forces would ")
				if len(triggers) < 10 && s%2 == 0 {
					t := sb.Len()
					sb.WriteString(evTypes[rng.IntN(len(evTypes))])
					triggers = append(triggers, sitrep.Span{Start: t, End: sb.Len()})
					trigSent = append(trigSent, len(sentences))
				} else {
					sb.WriteString("move")
				}
				sb.WriteString(" near ")
			case 1:
				fmt.Fprintf(&sb, " within %d days, with some %d,000 troops and the support of ", 2+rng.IntN(20), 1+rng.IntN(30))
			case 2:
				sb.WriteString(", officials familiar with the matter told reporters in a briefing")
			}
		}
		sentences = append(sentences, sitrep.Sentence{Start: start, End: sb.Len() + 1})
		sb.WriteString(". ")
	}
	text := strings.TrimSpace(sb.String())
	a := &sitrep.Analysis{
		Document: sitrep.Document{
			Title: fmt.Sprintf("Report %d", i), URL: fmt.Sprintf("https://news.example/%d", i),
			Site: fmt.Sprintf("site%d.example", i%17), Published: dct, DCT: dct, DCTSource: sitrep.DCTMetadata,
			Format: sitrep.FormatText, Text: text,
		},
		Sections: []sitrep.Section{{Start: 0, End: len(text)}},
	}
	for k, s := range sentences {
		a.Paragraphs = append(a.Paragraphs, sitrep.Paragraph{Start: s.Start, End: s.End, Kind: sitrep.ParagraphText})
		s.Paragraph = k
		a.Sentences = append(a.Sentences, s)
	}
	for k, n := range order {
		e := ents[n]
		en := sitrep.Entity{ID: fmt.Sprintf("e%d", k), Name: fmt.Sprintf("Entity%d Name%d", n, n%97), Type: types[n%len(types)]}
		if n%3 == 0 {
			en.KB = fmt.Sprintf("Q%d", n)
		}
		for j, p := range e.positions {
			en.Mentions = append(en.Mentions, sitrep.Mention{Start: p.Start, End: p.End, Text: text[p.Start:p.End], Kind: sitrep.MentionName, Sentence: e.sentences[j]})
		}
		a.Entities = append(a.Entities, en)
	}
	entOf := func(sent int) string { // an entity mentioned in the sentence
		for k, n := range order {
			for _, s := range ents[n].sentences {
				if s == sent {
					return fmt.Sprintf("e%d", k)
				}
			}
		}
		return ""
	}
	for k, t := range triggers {
		d := day()
		a.Events = append(a.Events, sitrep.Event{ID: fmt.Sprintf("ev%d", k), Type: text[t.Start:t.End], Start: t.Start, End: t.End,
			Text: text[t.Start:t.End], Class: "OCCURRENCE", Actor: entOf(trigSent[k]), Target: fmt.Sprintf("e%d", rng.IntN(len(order))),
			Sentence: trigSent[k], Modality: sitrep.ModalityReported, Source: "officials",
			Time:    sitrep.EventTime{Value: d, Earliest: d, Latest: d, Anchor: "dct", Derivation: "explicit"},
			Summary: "someone did something somewhere"})
	}
	for k := 0; k < 8; k++ {
		sp := findNth(text, "on Tuesday", k)
		a.Timexes = append(a.Timexes, sitrep.Timex{ID: fmt.Sprintf("t%d", k), Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End],
			Type: sitrep.TimexDate, Value: dct, Anchor: "dct", Earliest: dct, Latest: dct, Derivation: "dct-relative", Sentence: 1 + k})
	}
	for k := 0; k < 5; k++ {
		sp := findNth(text, ",000 troops", k)
		v := float64(1000 * (k + 1))
		a.Quantities = append(a.Quantities, sitrep.Quantity{ID: fmt.Sprintf("q%d", k), Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End],
			Value: &v, Unit: "troops", Category: "personnel", Entity: "e0", Modality: sitrep.ModalityReported, Source: "officials", Sentence: 1 + k})
	}
	for k := 0; k < 4; k++ {
		sp := findNth(text, "forces would", k)
		cue := findNth(text, "said", k)
		a.Quotes = append(a.Quotes, sitrep.Quote{ID: fmt.Sprintf("qt%d", k), Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End],
			Kind: sitrep.QuoteIndirect, Speaker: "e0", Cue: sitrep.NewTextSpan(text, cue), Modality: sitrep.ModalityReported, Sentence: 1 + k})
	}
	return a
}

// Varied returns Synthetic(i) altered so that its events hold what a store
// must keep exactly: undated and half-dated events, events spanning
// years, an entity in several roles, an event naming an entity the analysis lacks, and quotes,
// backslashes, control characters and non-ASCII text in titles, sites and
// summaries. Some are dated by their DCT only.
func Varied(i int) *sitrep.Analysis {
	a := Synthetic(i)
	switch i % 4 {
	case 1:
		a.Document.Title = "\"Quoted\" \\ title\twith 평양 and \x01 and 😀"
		a.Document.Site = "Site\"1.example"
	case 2:
		a.Document.Published = ""
	}
	for k := range a.Events {
		e := &a.Events[k]
		switch (i + k) % 5 {
		case 0:
			e.Time = sitrep.EventTime{}
		case 1:
			e.Location = e.Actor
			e.Summary = "line one\nline \"two\" — Ünïcode </script>"
		case 2:
			e.Time.Earliest = ""
		case 3:
			e.Actor = "missing"
		case 4:
			e.Time.Latest = fmt.Sprintf("%04d-12-31", 2025+k%3) // spans years
		}
	}
	return a
}

func findNth(text, sub string, n int) sitrep.Span {
	off := 0
	for {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			return sitrep.Span{}
		}
		if n == 0 {
			return sitrep.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}
