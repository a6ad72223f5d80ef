// Package quote finds attributed speech and claims in news text: direct
// quotes, indirect speech, "according to …", and belief or evidence cues
// ("officials believe", "satellite imagery indicates"). For each it reports
// the content (what was said or claimed), the source as written, the cue,
// the addressee, the venue, when it was said, and the stance the cue
// expresses (reported, believed, negated).
//
// The extractor is rule-based and works on nlp/text tokens: a reporting
// lexicon (cues.txt, embedded) finds the cues, and the structure around each
// cue decides where its source and content lie:
//
//	X said (that) CONTENT          source before, content after (to the end of the sentence)
//	X told Y in April that CONTENT addressee and adverbials skipped
//	CONTENT, X said.               inverted: content before
//	“CONTENT,” said X.             inverted, source after
//	“A,” X said, “B.”              split quote: two content fragments
//	according to X, CONTENT / CONTENT, according to X.
//	…, saying CONTENT              the main clause's subject
//	NAME: CONTENT                  transcripts
//
// Quoted regions are found first, paragraph by paragraph, in straight or
// curly marks; a paragraph that ends inside an open quote continues it when
// the next paragraph opens with a mark. A cue inside a quoted region is
// speech the quoted speaker reports ("He said: “She told me that …”"): it
// becomes an attribution of its own, marked Nested, with its source and
// content inside the quotation.
//
// Part-of-speech tags (nlp/pos; ExtractTagged takes the pipeline's) tell
// verb uses of ambiguous cue forms from noun uses ("ordered" against "an
// order"), find a main clause's subject for "… and said" and "…, saying",
// and tell a clause from a noun phrase after the cue.
//
// Two senses of attribution: Find with Options.Stance reports PolNeAR's
// wide sense (stance verbs with noun-phrase objects, "X was criticized by
// Y"), for scoring against that corpus; Extract reports speech and claims
// only: a verb cue needs a source and a clause, a quotation or "that" after
// it. The lexicon (cues.txt) was checked against the PolNeAR train split:
// each form's share of uses that head a gold cue is noted where it was the
// reason to add or restrict the form.
//
// Speakers: a source that is an entity mention gives its entity; "he" and
// "she" go to the most recent speaker or sentence subject whose gender
// agrees (by first name, names.txt.gz, else the pronouns resolved to it);
// "the minister said" goes to the most recent person with that role.
package quote

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Extract returns the quotes of doc as sitrep.Quote values with ids "q1",
// "q2", … in text order. entities and timexes may be nil; when given, they
// resolve the speaker (including "he said" to the most recent person named
// as a subject or speaker) and the time the words were said.
//
// Extract reports what a reader takes for speech or a claim: a reporting
// verb needs a source and a clause, quotation or "that" as its content
// ("Russia doesn't show willingness" is no attribution), and speech reported
// inside a quotation is an attribution of its own. The content span of a
// direct quote is the text inside the marks, without the comma that
// English puts before the closing mark.
func Extract(doc *text.Doc, entities []sitrep.Entity, timexes []sitrep.Timex) []sitrep.Quote {
	return ExtractTagged(doc, nil, entities, timexes)
}

// ExtractTagged is Extract given the part-of-speech tags of doc's tokens
// (pos.Tagger.Tag), which it would otherwise compute itself.
func ExtractTagged(doc *text.Doc, tags []pos.Tag, entities []sitrep.Entity, timexes []sitrep.Timex) []sitrep.Quote {
	buf := attributionPool.Get().(*[]Attribution)
	as := find(doc, Options{Tags: tags}, *buf)
	defer func() {
		clear(as) // drop the content arrays
		*buf = as[:0]
		attributionPool.Put(buf)
	}()
	if len(as) == 0 {
		return nil
	}
	res := newResolver(doc, entities)
	n := 0
	for i := range as {
		if reported(doc.Text, &as[i]) {
			n++
		}
	}
	out := make([]sitrep.Quote, 0, n)
	// each quote is built in place in out: a Quote is some 230 bytes
	for i := range as {
		a := &as[i]
		if !reported(doc.Text, a) {
			continue
		}
		h := a.Hull()
		// the complementizer is not part of what was said
		if k := doc.TokenAt(h.Start); k < len(doc.Tokens) && doc.Tokens[k].Start == h.Start && doc.Tok(k) == "that" && k+1 < len(doc.Tokens) && doc.Tokens[k+1].Start < h.End {
			h.Start = doc.Tokens[k+1].Start
		}
		if a.Kind == sitrep.QuoteDirect && len(a.Content) == 1 {
			h = inside(doc.Text, h)
		} else if a.Kind == sitrep.QuoteIndirect && a.Modality == sitrep.ModalityNegated {
			// what a denial covers ends where the writer's own contrasting
			// clause starts; elsewhere such a clause is as often still the
			// speaker's, and "reported" is the safer modality for it
			h.End = contrastCut(doc, h)
		}
		out = append(out, sitrep.Quote{
			ID:       quoteID(len(out) + 1),
			Start:    h.Start,
			End:      h.End,
			Text:     doc.Text[h.Start:h.End],
			Kind:     a.Kind,
			Cue:      sitrep.NewTextSpan(doc.Text, a.Cue),
			Modality: a.Modality,
			Sentence: a.Sentence,
		})
		q := &out[len(out)-1]
		if a.Source.End > a.Source.Start {
			q.Source = sitrep.NewTextSpan(doc.Text, a.Source)
		}
		if a.Addressee.End > a.Addressee.Start {
			q.Addressee = a.Addressee.Of(doc.Text)
		}
		if a.Venue.End > a.Venue.Start {
			q.Venue = a.Venue.Of(doc.Text)
		}
		q.Speaker = res.speaker(a, out[:len(out)-1])
		q.Time = timeOf(doc, a, timexes)
	}
	return out
}

// quoteIDs are the first quote ids, made once.
var quoteIDs = func() (ids [32]string) {
	for i := range ids {
		ids[i] = "q" + strconv.Itoa(i+1)
	}
	return ids
}()

// quoteID returns "q" and n.
func quoteID(n int) string {
	if n <= len(quoteIDs) {
		return quoteIDs[n-1]
	}
	return "q" + strconv.Itoa(n)
}

// attributionPool holds the arrays ExtractTagged has find fill, emptied.
var attributionPool = sync.Pool{New: func() any { return new([]Attribution) }}

// reported reports whether ExtractTagged reports a as a quote: speech or a
// claim with a clause as its content and someone to attribute it to.
func reported(s string, a *Attribution) bool {
	if len(a.Content) == 0 || !a.clause {
		return false
	}
	if a.Source.End <= a.Source.Start && (a.shape == shapeSCT || a.shape == shapeGerund) || expletive(s, a) {
		return false // "it was announced that …": no one to attribute it to
	}
	return true
}

// contrastCut returns where an indirect content that runs on into a
// contrasting clause of the writer's ends: "… whether troops had crossed,
// [but the army wasn't deployed until April]".
func contrastCut(doc *text.Doc, h sitrep.Span) int {
	k := doc.TokenAt(h.Start)
	for ; k+2 < len(doc.Tokens) && doc.Tokens[k+2].End <= h.End; k++ {
		if doc.Tok(k) != "," && doc.Tok(k) != ";" {
			continue
		}
		switch doc.Tok(k + 1) {
		case "but", "while", "although", "though", "whereas", "yet":
			switch w := doc.Tok(k + 2); w {
			case "the", "a", "an", "he", "she", "they", "it", "we", "his", "her", "their", "its", "this", "that", "there":
				return doc.Tokens[k].Start
			default:
				if c := w[0]; c >= 'A' && c <= 'Z' {
					return doc.Tokens[k].Start
				}
			}
		}
	}
	return h.End
}

// expletive reports a passive cue whose "source" is a dummy subject: "It was
// announced that", "It is believed that".
func expletive(s string, a *Attribution) bool {
	src := s[a.Source.Start:a.Source.End]
	if src != "It" && src != "it" && src != "There" && src != "there" {
		return false
	}
	cue := s[a.Cue.Start:a.Cue.End]
	if i := strings.IndexByte(cue, ' '); i > 0 {
		cue = cue[:i]
	}
	switch cue {
	case "is", "was", "has", "had", "have", "been", "be", "will", "would", "may", "might", "could", "can", "isn't", "wasn't":
		return true
	}
	return false
}

// inside narrows a direct quote's span to the text inside its marks, without
// the comma (or the space) before the closing mark: what a reader quotes.
func inside(s string, h sitrep.Span) sitrep.Span {
	in := h
	if n, dir := markAt(s, in.Start); n > 0 && dir&1 != 0 {
		in.Start += n
	} else if strings.HasPrefix(s[in.Start:], "\u2018") {
		in.Start += 3
	}
	if n := closingMark(s, in.Start, in.End); n > 0 {
		in.End -= n
	} else if in.End-3 > in.Start && s[in.End-3:in.End] == "\u2019" {
		in.End -= 3
	}
	for in.End > in.Start && (s[in.End-1] == ',' || s[in.End-1] == ' ' || s[in.End-1] == '\n') {
		in.End--
	}
	for in.Start < in.End && (s[in.Start] == ' ' || s[in.Start] == '\n') {
		in.Start++
	}
	if in.End <= in.Start {
		return h
	}
	return in
}

// timeOf returns the id of a timex in the cue's clause: between the source
// and the content, or right after the cue, and not inside the content.
func timeOf(doc *text.Doc, a *Attribution, timexes []sitrep.Timex) string {
	if len(timexes) == 0 {
		return ""
	}
	lo, hi := a.Cue.Start, a.Cue.End
	if a.Source.End > a.Source.Start {
		lo = min(lo, a.Source.Start)
		hi = max(hi, a.Source.End)
	}
	if a.Adverbial.End > a.Adverbial.Start {
		hi = max(hi, a.Adverbial.End)
	}
	// allow a few words after the cue ("said on Tuesday")
	if k := doc.TokenAt(hi); k < len(doc.Tokens) {
		e := min(k+4, len(doc.Tokens))
		if e > k {
			end := doc.Tokens[e-1].End
			h := a.Hull()
			if end > h.Start && h.Start >= hi {
				end = h.Start
			}
			hi = max(hi, end)
		}
	}
	for _, t := range timexes {
		sp := sitrep.Span{Start: t.Start, End: t.End}
		if sp.Start >= lo && sp.End <= hi {
			inside := false
			for _, c := range a.Content {
				if sp.Overlaps(c) {
					inside = true
				}
			}
			if !inside {
				return t.ID
			}
		}
	}
	return ""
}

// resolver maps sources to entity ids.
type resolver struct {
	doc      *text.Doc
	entities []sitrep.Entity
	// mentions of PERSON entities in text order: entity index and span
	persons []personMention
	genders []int8     // per entity: 0 not yet known, else gender+1
	roles   [][]string // per entity: roleWords, nil until asked
}

type personMention struct {
	ent      int
	span     sitrep.Span
	sentence int // sentenceUnknown until r.sentence looks it up
	pronoun  bool
}

// sentenceUnknown marks a person mention whose sentence was not yet
// looked up: only pronoun sources need it.
const sentenceUnknown = -2

// sentence returns the sentence of person mention i (-1 for none).
func (r *resolver) sentence(i int) int {
	p := &r.persons[i]
	if p.sentence == sentenceUnknown {
		p.sentence = r.doc.SentenceOf(p.span.Start)
	}
	return p.sentence
}

func newResolver(doc *text.Doc, entities []sitrep.Entity) *resolver {
	r := &resolver{doc: doc, entities: entities}
	n := 0
	for _, e := range entities {
		if e.Type == sitrep.EntityPerson {
			n += len(e.Mentions)
		}
	}
	if n > 0 {
		r.persons = make([]personMention, 0, n)
	}
	for ei, e := range entities {
		if e.Type != sitrep.EntityPerson {
			continue
		}
		for _, m := range e.Mentions {
			r.persons = append(r.persons, personMention{ent: ei, span: m.Span(), sentence: sentenceUnknown, pronoun: m.Kind == sitrep.MentionPronoun})
		}
	}
	// insertion sort by start: mention lists are short and nearly sorted
	for i := 1; i < len(r.persons); i++ {
		for j := i; j > 0 && r.persons[j].span.Start < r.persons[j-1].span.Start; j-- {
			r.persons[j], r.persons[j-1] = r.persons[j-1], r.persons[j]
		}
	}
	return r
}

// speaker returns the entity id of a's source. A source that is an entity
// mention (a name, or a pronoun the entity stage already resolved) gives
// that entity, the person preferred, the mention nearest the head (the
// source's end) winning. A bare pronoun goes to the most recent speaker or
// sentence-initial person before it.
func (r *resolver) speaker(a *Attribution, done []sitrep.Quote) string {
	if len(r.entities) == 0 || a.Source.End <= a.Source.Start {
		return ""
	}
	best, bestScore := -1, -1
	for ei, e := range r.entities {
		for _, m := range e.Mentions {
			if !m.Span().Overlaps(a.Source) {
				continue
			}
			score := m.End // nearer the head wins
			if e.Type == sitrep.EntityPerson {
				score += 1 << 30
			} else if e.Type == sitrep.EntityOrg || e.Type == sitrep.EntityGPE {
				score += 1 << 29
			}
			if m.Start == a.Source.Start {
				score += 1 << 28 // the first name of an appositive source is its head
			}
			if score > bestScore {
				best, bestScore = ei, score
			}
		}
	}
	w := a.Source.Of(r.doc.Text)
	g := genderUnknown
	switch w {
	case "he", "He":
		g = genderMale
	case "she", "She":
		g = genderFemale
	}
	if best >= 0 && !(a.Pronoun && (r.entities[best].Type != sitrep.EntityPerson || !r.agrees(best, g))) {
		return r.entities[best].ID
	}
	if !a.Pronoun {
		return r.byRole(a)
	}
	if g == genderUnknown {
		return ""
	}
	// the most recent speaker of an earlier quote, or the person who opens a
	// recent sentence, whichever is later
	cand, candPos := "", -1
	for i := len(done) - 1; i >= 0; i-- {
		q := done[i]
		if q.Speaker != "" && q.Cue.Start < a.Cue.Start {
			if ei := r.index(q.Speaker); ei >= 0 && r.entities[ei].Type == sitrep.EntityPerson && r.agrees(ei, g) {
				cand, candPos = q.Speaker, q.Cue.Start
				break
			}
		}
	}
	si := r.doc.SentenceOf(a.Source.Start)
	for i := len(r.persons) - 1; i >= 0; i-- {
		p := r.persons[i]
		if p.span.Start >= a.Source.Start || p.pronoun {
			continue
		}
		if si-r.sentence(i) > 3 {
			break
		}
		if p.span.Start <= candPos {
			break
		}
		if r.subjectPosition(i) && r.agrees(p.ent, g) {
			return r.entities[p.ent].ID
		}
	}
	return cand
}

func (r *resolver) index(id string) int {
	for i, e := range r.entities {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// Genders, as far as a name or pronoun tells.
const (
	genderUnknown = iota
	genderMale
	genderFemale
)

// gender returns what the text says of entity ei's gender: its first name,
// else the pronouns the entity stage resolved to it.
func (r *resolver) gender(ei int) int {
	if r.genders == nil {
		r.genders = make([]int8, len(r.entities))
	}
	if g := r.genders[ei]; g != 0 {
		return int(g - 1)
	}
	e := &r.entities[ei]
	m, f := 0, 0
	for _, mn := range e.Mentions {
		if mn.Kind != sitrep.MentionPronoun {
			continue
		}
		switch strings.ToLower(mn.Text) {
		case "he", "him", "his", "himself":
			m++
		case "she", "her", "hers", "herself":
			f++
		}
	}
	// the first word of a name of two words or more ("Maria Lopez", not
	// the surname alone), else the pronouns
	g := genderUnknown
	if fs := strings.Fields(e.Name); len(fs) >= 2 {
		g = firstNameGender(fs[0])
	}
	switch {
	case g != genderUnknown:
	case m > f:
		g = genderMale
	case f > m:
		g = genderFemale
	}
	r.genders[ei] = int8(g + 1)
	return g
}

// agrees reports whether entity ei may be referred to with a pronoun of
// gender g: yes unless its gender is known and differs.
func (r *resolver) agrees(ei, g int) bool {
	eg := r.gender(ei)
	return eg == genderUnknown || g == genderUnknown || eg == g
}

// byRole resolves a definite description ("the minister", "the country's
// envoy", "the 70-year-old senator") to the most recent person named before
// it whose roles hold its head noun.
func (r *resolver) byRole(a *Attribution) string {
	src := a.Source.Of(r.doc.Text)
	// Most sources are no definite description: a first word that starts
	// with two ASCII letters other than "th" is none of the, this, that.
	if len(src) >= 2 && isLetter(src[0]) && isLetter(src[1]) && (src[0]|0x20 != 't' || src[1]|0x20 != 'h') {
		return ""
	}
	fs := strings.Fields(src)
	if len(fs) < 2 || len(fs) > 5 {
		return ""
	}
	switch strings.ToLower(fs[0]) {
	case "the", "this", "that":
	default:
		return ""
	}
	head := strings.ToLower(strings.Trim(fs[len(fs)-1], ",.;:"))
	if len(head) < 3 || head[0] < 'a' || head[0] > 'z' {
		return ""
	}
	for i := len(r.persons) - 1; i >= 0; i-- {
		p := r.persons[i]
		if p.span.Start >= a.Source.Start || p.pronoun {
			continue
		}
		if slices.Contains(r.roleWords(p.ent), head) {
			return r.entities[p.ent].ID
		}
		if r.roleAround(p.span, head) {
			return r.entities[p.ent].ID
		}
	}
	return ""
}

// roleWords returns the words of entity ei's roles, lower-cased and
// trimmed of commas and periods, split once per document.
func (r *resolver) roleWords(ei int) []string {
	if r.roles == nil {
		r.roles = make([][]string, len(r.entities))
	}
	if r.roles[ei] == nil {
		ws := []string{} // not nil: done
		for _, role := range r.entities[ei].Roles {
			for _, w := range strings.Fields(strings.ToLower(role)) {
				ws = append(ws, strings.Trim(w, ",."))
			}
		}
		r.roles[ei] = ws
	}
	return r.roles[ei]
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// roleAround reports head in the text around a mention when the entity
// stage gave it no such role: a title just before ("Defense Minister Jan
// Novak") or an apposition just after ("Maria Lopez, the UN envoy,").
func (r *resolver) roleAround(m sitrep.Span, head string) bool {
	d := r.doc
	k := d.TokenAt(m.Start)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if d.Tokens[j].Kind != text.Word {
			break
		}
		if strings.EqualFold(d.Tok(j), head) {
			return true
		}
	}
	e := d.TokenAt(m.End)
	if e >= len(d.Tokens) || d.Tok(e) != "," {
		return false
	}
	for j := e + 1; j < len(d.Tokens) && j <= e+8; j++ {
		w := d.Tok(j)
		if w == "," || w == "." || w == ";" {
			break
		}
		if strings.EqualFold(w, head) {
			return true
		}
	}
	return false
}

// subjectPosition reports whether a mention stands at the start of its
// sentence (after at most a title and a few function words): a likely
// subject.
func (r *resolver) subjectPosition(i int) bool {
	p := r.persons[i]
	si := r.sentence(i)
	if si < 0 {
		return false
	}
	s := r.doc.Sentences[si]
	k := r.doc.TokenAt(p.span.Start)
	if k-s.First <= 3 {
		return true
	}
	// after a fronted adverbial: "On Tuesday, Trump said"
	for j := k - 1; j >= s.First && j >= k-3; j-- {
		if t := r.doc.Tokens[j]; t.Kind == text.Punct && r.doc.Text[t.Start:t.End] == "," {
			return true
		}
	}
	return false
}
