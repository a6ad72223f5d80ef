package event

import (
	"strconv"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/modality"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Options are the inputs Extract takes from the other stages. All are
// optional.
type Options struct {
	// Tags has one part-of-speech tag per doc.Tokens; nil tags the
	// document with pos.Default().
	Tags []pos.Tag
	// Entities resolve actors, targets and locations to entity ids
	// through their mentions.
	Entities []sitrep.Entity
	// Quotes are the attributions; events inside one get its source.
	Quotes []sitrep.Quote
	// Modality returns the modality of a span and the attribution it sits
	// in; nil uses modality.Of over Quotes.
	Modality func(sitrep.Span) (string, *sitrep.Quote)
	// Detector finds the triggers; nil uses DefaultDetector().
	Detector *Detector
	// All keeps every trigger, the nouns a light verb took its type from
	// ("launched" a "counteroffensive") included. By default Extract keeps
	// the events of the taxonomy, one per light-verb construction, and
	// "other" events only when they are verbs with an entity as actor and
	// another as target or location.
	All bool
}

// Extract returns the event mentions of doc in text order, with ids "ev1",
// "ev2", ...: the trigger, its TimeML class, lemma, type and CAMEO code,
// the actor, target and location entity ids, the sentence, modality and
// source, and a one-line summary. Time is left for the temporal layer.
func Extract(doc *text.Doc, opts Options) []sitrep.Event { return extractWith(doc, opts, true) }

// extractWith is Extract; skip lets the detector skip the candidates whose
// labels cannot change the result (sentCtx.typedOnly) and frames skip the
// roles no event has (extractor.lazyRoles).
func extractWith(doc *text.Doc, opts Options, skip bool) []sitrep.Event {
	tags := opts.Tags
	if len(tags) != len(doc.Tokens) {
		tags = pos.Default().Tag(doc)
	}
	det := opts.Detector
	if det == nil {
		det = DefaultDetector()
	}
	x := det.extractor(doc, tags, opts.Entities)
	defer det.release(x)
	tags = headlineVerbs(doc, tags, x.lex)
	x.tags = tags
	x.mapEntities()
	x.ctx.lemmas, x.ctx.lw = x.lemmas, x.lw
	x.ctx.typedOnly = skip && !opts.All
	x.lazyRoles = skip && !opts.All
	trig := det.detect(doc, tags, &x.ctx, x.trig[:0])
	defer func() {
		clear(trig)
		x.trig = trig[:0]
	}()
	// (events are collected in a buffer of the extractor and copied out
	// at the end: most triggers are dropped, and the buffer spares sizing
	// a slice of these large structs for all of them)
	out := x.evBuf[:0]
	ti := 0
	cands, lexbuf := x.candBuf[:0], x.lexBuf[:0]
	gov := x.govBuf[:0] // per event: the token of its governing verb, -1
	// (the buffers are cleared for the next document as far as this one
	// filled them, the most candidates of a sentence: beyond, they are
	// zero already)
	most := 0
	defer func() {
		clear(cands[:min(most, cap(cands))])
		clear(lexbuf[:min(most, cap(lexbuf))])
		x.candBuf, x.lexBuf, x.govBuf = cands[:0], lexbuf[:0], gov[:0]
	}()
	para := -1
	unflagged, ui := x.ctx.unflagged, 0
	for si, s := range doc.Sentences {
		// The detector's triggers in this sentence, plus lexicon words it
		// missed.
		cands = cands[:0]
		for ti < len(trig) && trig[ti].Token < s.Last {
			cands = append(cands, trig[ti])
			ti++
		}
		u := ui
		for ui < len(unflagged) && unflagged[ui] < s.Last {
			ui++
		}
		lexbuf = x.addLexical(s, cands, unflagged[u:ui], lexbuf[:0])
		cands, lexbuf = lexbuf, cands
		most = max(most, len(cands))
		if s.Paragraph != para {
			para, x.lastPerson, x.lastOther = s.Paragraph, -1, -1
		}
		frames := x.frames(s, cands, opts.All)
		for k := range frames {
			if e := frames[k].actor; e >= 0 && !frames[k].skip {
				if x.ents[e].Type == sitrep.EntityPerson {
					x.lastPerson = e
				} else {
					x.lastOther = e
				}
			}
		}
		for k := range frames {
			f := &frames[k]
			if f.absorbed && !opts.All || f.typ == "x" || f.skip {
				continue
			}
			// Section headings ("What People Have Said") name no events
			// unless they say who did what.
			if s.Heading && f.actor < 0 && f.target < 0 {
				continue
			}
			if !opts.All && f.typ == "other" && !(f.actor >= 0 && (f.target >= 0 || f.location >= 0)) {
				continue
			}
			if !opts.All && f.actor < 0 && f.target < 0 && f.location < 0 {
				if needs, argOK := needsParticipant(f.typ); needs && !(f.arg && argOK) {
					continue
				}
			}
			if !opts.All && x.dropsAnyway(s, f) {
				continue
			}
			out = append(out, x.event(f, si))
			gov = append(gov, f.gov)
		}
	}
	buf := out
	out = make([]sitrep.Event, len(buf))
	copy(out, buf)
	clear(buf)
	x.evBuf = buf[:0]
	mod := opts.Modality
	if mod == nil {
		mod = func(sp sitrep.Span) (string, *sitrep.Quote) { return modality.Of(doc, sp, opts.Quotes) }
	}
	for i := range out {
		e := &out[i]
		e.ID = "ev" + strconv.Itoa(i+1)
		m, q := mod(e.Span())
		if m == "" {
			m = sitrep.ModalityAsserted
		}
		// An event governed by another ("would give ... before
		// announcing", "could send ... and deploy") shares its
		// uncertainty when it has none of its own.
		if g := gov[i]; g >= 0 && (m == sitrep.ModalityAsserted || m == sitrep.ModalityReported) {
			for j := i - 1; j >= 0 && out[j].Sentence == e.Sentence; j-- {
				if x.doc.TokenAt(out[j].Start) == g {
					if mj := out[j].Modality; mj == sitrep.ModalityFuture || mj == sitrep.ModalityPossible {
						m = mj
					}
					break
				}
			}
		}
		e.Modality = m
		if q != nil {
			e.Quote = q.ID
			e.Source = q.Source.Text
		}
	}
	return out
}

// simplePresent reports whether the verb at token i is a simple present
// with no auxiliary: "leads", "publish".
func (x *extractor) simplePresent(s text.Sentence, i int) bool {
	if t := x.tags[i]; t != pos.VBZ && t != pos.VBP {
		return false
	}
	return i == s.First || !x.tags[i-1].IsVerb() && x.tags[i-1] != pos.MD && !x.isW(i-1, lwAux)
}

// dropsAnyway reports whether Extract, unless asked for every trigger,
// drops the event of f whatever its roles: frames computes no more of
// those roles than the actor, which pronouns after it may refer to.
func (x *extractor) dropsAnyway(s text.Sentence, f *frame) bool {
	// Saying is the attribution layer's: "X said (that) ...", "Y told
	// reporters" are cues of what was said, not events of a timeline
	// (analyze drops the cues its quotes found; these are dropped even
	// when no quote was found).
	if f.typ == "statement" && x.lexOf(f.tok).flags&lfSpeechCue != 0 {
		return true
	}
	// A state ("X leads the institute", "the company publishes a
	// newspaper") is no event of a timeline; outside headlines the simple
	// present of an untyped verb or a statement is habitual.
	if f.typ == "other" && (f.class == "STATE" || f.class == "I_STATE") {
		return true
	}
	if (f.typ == "other" || f.typ == "statement") && !s.Heading && x.simplePresent(s, f.tok) {
		return true
	}
	// Nor is a participle after "remain" or "stay": "roads stay closed".
	if f.verb && f.tok > s.First && (x.tags[f.tok] == pos.VBN || x.tags[f.tok] == pos.VBD) {
		if l := x.lemma(f.tok - 1); l == "remain" || l == "stay" {
			return true
		}
	}
	return false
}

// speechCue are the verbs of saying whose content is what was said.
var speechCue = map[string]bool{
	"say": true, "tell": true, "add": true, "note": true, "stress": true, "insist": true, "assert": true,
	"explain": true, "comment": true, "reply": true, "argue": true, "state": true, "reiterate": true,
	"remark": true, "quote": true, "emphasize": true, "emphasise": true, "cite": true, "indicate": true,
	"describe": true, "elaborate": true, "maintain": true, "affirm": true, "talk": true, "speak": true,
	"predict": true, "estimate": true, "tout": true, "hint": true, "suggest": true, "observe": true,
	"reaffirm": true,
}

// carrier nouns take the event of their modifier: "bankruptcy
// protection", "a rescue operation", "a takeover bid".
var carrier = map[string]bool{
	"protection": true, "proceeding": true, "proceedings": true, "process": true, "operation": true,
	"effort": true, "campaign": true, "plan": true, "programme": true, "program": true, "order": true,
	"bid": true, "attempt": true, "mission": true,
}

// prepLight are the light verbs whose event noun follows a preposition:
// "went on strike", "responded with airstrikes", "agreed to a ceasefire",
// "filed for bankruptcy".
var prepLight = map[string]bool{"go": true, "respond": true, "retaliate": true, "agree": true, "file": true}

// headlineVerbs returns tags with the main verb of headings read as a
// verb where the tagger, trained on running text, read a noun: headlines
// drop articles and use the present ("Mozambique reopens N6 highway",
// "Donors pledge $120 million", "Cholera spreads in Sofala"). The first
// noun after a noun that the lexicon knows as a verb, in a heading with no
// verb before it, followed by what starts an object or a phrase, is taken
// as the verb. tags is copied before it changes.
func headlineVerbs(doc *text.Doc, tags []pos.Tag, l *lexicon) []pos.Tag {
	copied := false
	for _, s := range doc.Sentences {
		if !s.Heading {
			continue
		}
		for i := s.First + 1; i+1 < s.Last; i++ {
			t := tags[i]
			if t.IsVerb() || t == pos.MD {
				break
			}
			if t != pos.NN && t != pos.NNS || !tags[i-1].IsNoun() {
				continue
			}
			switch tags[i+1] {
			case pos.DT, pos.CD, pos.Dollar, pos.NNP, pos.NNPS, pos.IN, pos.PRPS, pos.JJ:
			default:
				continue
			}
			vt := pos.VBP
			if t == pos.NNS {
				vt = pos.VBZ
			}
			if !l.verbEntry(pos.Lemma(doc.Tok(i), vt)) {
				continue
			}
			if !copied {
				tags = append([]pos.Tag(nil), tags...)
				copied = true
			}
			tags[i] = vt
			break
		}
	}
	return tags
}

// aspectual verbs say when their subject's event begins, goes on or ends.
var aspectual = map[string]bool{
	"begin": true, "start": true, "end": true, "continue": true, "resume": true, "erupt": true, "reopen": true,
	"conclude": true,
}

// needsParticipant reports whether events of type typ say nothing
// without an actor, target or location ("the annual meeting", "talks",
// "their demands", "a return"), and if so whether a verb says enough with
// a common noun as subject or object (argOK): "donors pledged $120
// million", "the port reopened", "prices fell", "more than 9,000 were
// forced from their homes"; the others ("officials met", "analysts
// warned") need a name. (A switch rather than maps: Extract asks it for
// about ten frames a document, and a map's buckets are out of the
// processor's caches each time.)
func needsParticipant(typ string) (needs, argOK bool) {
	switch typ {
	case "meet", "negotiate", "appeal", "deny", "demand", "criticize", "accuse", "visit", "protest", "threaten":
		return true, false
	case "aid", "arrive", "return",
		"disaster", "outbreak", "displace", "rescue", "reopen", "close",
		"build", "complete", "election", "appoint", "resign", "charge",
		"court", "release", "strike", "acquire", "divest", "layoff",
		"bankruptcy", "market", "rates", "vote":
		return true, true
	}
	return false, false
}

type extractor struct {
	// what starts anew with each document (extractor sets it)
	docState
	lex *lexicon
	// entAt[i] is the index of the entity with a mention covering token
	// i, or -1; mentionStart[i] is the first token of that mention (set
	// only where entAt is not -1).
	entAt        []int32
	mentionStart []int32
	// the places of the sentence starting at token placesOf
	places []place
	// per token: the lemma under its tag, filled on first use
	lemmas []string
	// per token: what the lexicon says of the lemma, nil until looked up
	lw []*lexWord
	// per token: the closed classes of the lower-cased word (lowFlags)
	lf []lowFlag
	// capitalised words lower-cased, kept from document to document
	lowCache *[lowCacheSlots]string
	lowc     *closedWords
	ctx      sentCtx   // the detector's, with its buffer
	trig     []Trigger // the detector's triggers
	// Extract's: a sentence's candidates, twice, and the events'
	// governing verbs
	candBuf, lexBuf []Trigger
	govBuf          []int
	evBuf           []sitrep.Event
	fbuf            []frame
	phbuf           []phrase
	sbuf            []byte
}

// docState is the state of an extractor that is the document's.
type docState struct {
	doc  *text.Doc
	tags []pos.Tag
	ents []sitrep.Entity
	gov  int // set by subject: the verb whose subject it borrowed, or -1
	// the last actors seen in the paragraph, for pronouns
	lastPerson, lastOther int
	// whether the sentence starting at token milFirst has a military word
	milFirst int
	milKnown bool
	milN     int
	// the sentence of places
	placesOf    int
	placesKnown bool
	// lazyRoles lets frames skip the roles of events Extract drops
	lazyRoles bool
}

// extractor returns an idle extractor of the detector, or a new one, for
// doc, its per-token buffers sized and cleared; release gives it back.
// (The fields are set one by one, not as a new extractor: that one is
// built on the stack, some 800 bytes, and copied.)
func (d *Detector) extractor(doc *text.Doc, tags []pos.Tag, ents []sitrep.Entity) *extractor {
	x := d.take()
	n := len(doc.Tokens)
	if n > keepTokens && n > cap(x.lemmas) {
		if b, _ := d.big.Get().(*tokenBufs); b != nil {
			x.lemmas, x.lw, x.lf, x.entAt, x.mentionStart = b.lemmas, b.lw, b.lf, b.entAt, b.mentionStart
		}
	}
	x.docState = docState{doc: doc, tags: tags, ents: ents}
	if x.lex == nil {
		// (once: the lexicons are for good, and asking their sync.Once
		// for them reads a cache line of its own for each document)
		x.lex, x.lowc = lex(), lowClasses()
	}
	x.lemmas, x.lw, x.lf = grow(x.lemmas, n), grow(x.lw, n), grow(x.lf, n)
	// (entAt is set by mapEntities, and mentionStart read only where
	// entAt holds an entity: neither is cleared)
	x.entAt, x.mentionStart = resize(x.entAt, n), resize(x.mentionStart, n)
	x.places, x.fbuf, x.phbuf, x.sbuf, x.trig = x.places[:0], x.fbuf[:0], x.phbuf[:0], x.sbuf[:0], x.trig[:0]
	// (x.ctx is as release left it, or zero)
	return x
}

func (d *Detector) release(x *extractor) {
	// Drop the references to the document; keep the buffers.
	x.docState = docState{}
	x.ctx = sentCtx{words: x.ctx.words[:0], ascii: x.ctx.ascii[:0], lexicon: x.ctx.lexicon, cache: x.ctx.cache, cands: x.ctx.cands[:0], kept: x.ctx.kept[:0], unflagged: x.ctx.unflagged[:0]}
	if cap(x.ctx.words) > keepTokens {
		x.ctx.words, x.ctx.ascii, x.ctx.cands, x.ctx.unflagged = nil, nil, nil, nil
	}
	// (Extract cleared the triggers; the frames are cleared as far as
	// the document filled them, see frames)
	clear(x.fbuf)
	x.fbuf = x.fbuf[:0]
	clear(x.phbuf[:cap(x.phbuf)])
	if cap(x.lemmas) > keepTokens {
		// An idle extractor is kept for good: not the buffers of a
		// book-length document, which go to a pool that garbage
		// collections empty.
		clear(x.lemmas[:cap(x.lemmas)])
		clear(x.lw[:cap(x.lw)])
		d.big.Put(&tokenBufs{x.lemmas, x.lw, x.lf, x.entAt, x.mentionStart})
		x.lemmas, x.lw, x.lf, x.entAt, x.mentionStart = nil, nil, nil, nil, nil
		x.trig, x.evBuf = nil, nil
	}
	d.mu.Lock()
	if len(d.free) < cap(d.free) {
		d.free = append(d.free, x)
	}
	d.mu.Unlock()
}

// take returns an idle extractor of the detector, or a new one.
func (d *Detector) take() *extractor {
	d.mu.Lock()
	if n := len(d.free); n > 0 {
		x := d.free[n-1]
		d.free[n-1] = nil
		d.free = d.free[:n-1]
		d.mu.Unlock()
		return x
	}
	d.mu.Unlock()
	return new(extractor)
}

// keepTokens is the size of the largest per-token buffers an idle
// extractor keeps.
const keepTokens = 1 << 16

// tokenBufs are an extractor's per-token buffers.
type tokenBufs struct {
	lemmas              []string
	lw                  []*lexWord
	lf                  []lowFlag
	entAt, mentionStart []int32
}

// grow returns b resized to n zero values, reusing its array when it is
// large enough.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// resize returns b resized to n values, reusing its array when it is
// large enough; the values are those the array held.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

func (x *extractor) mapEntities() {
	n := len(x.doc.Tokens)
	for i := range x.entAt {
		x.entAt[i] = -1
	}
	for ei, e := range x.ents {
		for _, m := range e.Mentions {
			a := x.doc.TokenAt(m.Start)
			for j := a; j < n && x.doc.Tokens[j].Start < m.End; j++ {
				x.entAt[j] = int32(ei)
				x.mentionStart[j] = int32(a)
			}
		}
	}
}

// addLexical adds the words of sentence s the lexicon types as events on
// their own (verbs, and nouns such as "counteroffensive" or "parade") that
// the detector did not flag, keeping text order: of the candidates it
// scored and did not flag, unflagged, in text order. (The candidates it
// skipped are nouns and adjectives no entry of which a noun or adjective
// takes, sentCtx.skips: none of them could be added.)
func (x *extractor) addLexical(s text.Sentence, cands []Trigger, unflagged []int, out []Trigger) []Trigger {
	ci := 0
	for _, i := range unflagged {
		for ci < len(cands) && cands[ci].Token < i {
			out = append(out, cands[ci])
			ci++
		}
		t := x.tags[i]
		es := x.lexOf(i).entries
		if len(es) == 0 {
			continue
		}
		lem := x.lemma(i)
		e, ok := lookupIn(es, t, false, func(e *entry) bool { return x.cond(s, i, e) })
		if !ok || t.IsAdj() && lem != "counteroffensive" && lem != "offensive" {
			continue
		}
		class := "OCCURRENCE"
		if e.typ == "statement" {
			class = "REPORTING"
		}
		out = append(out, Trigger{Token: i, Span: x.doc.Span(i, i+1), Class: class, Lemma: lem})
	}
	return append(out, cands[ci:]...)
}

// cond reports whether a word of list c occurs near token i: in the six
// tokens after it or the four before; for "military", anywhere in the
// sentence. "s:list" asks for the head of the verb's subject ("prices
// fell"), "a:list" for that of its subject or object or a word nearby
// ("the port reopened", "closed the plant"); "money" also takes a
// currency sign, unless the sentence is about a deal.
func (x *extractor) cond(s text.Sentence, i int, c *entry) bool {
	list, name := c.list, c.lname
	switch c.scope {
	case 's':
		return x.tags[i].IsVerb() && x.subjectHeadIn(s, i, list)
	case 'o':
		if !x.tags[i].IsVerb() {
			return false
		}
		if x.objectHeadIn(s, i, list) {
			return true
		}
		gov := x.gov
		_, _, _, passive := x.subject(s, i, 1)
		x.gov = gov
		return passive && x.subjectHeadIn(s, i, list)
	case 'a':
		if x.tags[i].IsVerb() && (x.subjectHeadIn(s, i, list) || x.objectHeadIn(s, i, list)) {
			return true
		}
	}
	lo, hi := max(s.First, i-4), min(s.Last, i+7)
	if name == "military" {
		// Counted once per sentence. A trigger with common figurative
		// uses does not count for itself ("fight for a tax increase",
		// "a battle for control", "sales were hit"); "strikes" does.
		if x.milFirst != s.First || !x.milKnown {
			x.milFirst, x.milKnown = s.First, true
			x.milN = x.countIn(list, s.First, s.Last)
		}
		n := x.milN
		if t := x.tags[i]; t.IsNoun() || t.IsAdj() || t.IsVerb() {
			if w := x.lexOf(i); w.flags&lfFigurative != 0 && w.lists&list != 0 {
				n--
			}
		}
		return n > 0
	}
	if name == "labor" {
		// a strike by anyone the sentence names as labour: "transport
		// strikes ... undermined the unions"
		return x.anyIn(list, s.First, s.Last, i, false)
	}
	if name == "money" {
		// (financing a deal is business, not aid)
		if x.anyIn(x.lex.commerce, s.First, s.Last, i, false) {
			return false
		}
		for j := i + 1; j < hi; j++ {
			if x.tags[j] == pos.Dollar {
				return true
			}
		}
	}
	return x.anyIn(list, lo, hi, i, false)
}

// subjectHeadIn reports whether the head of the subject of the verb at
// token i has its lemma in list.
func (x *extractor) subjectHeadIn(s text.Sentence, i int, list listSet) bool {
	gov := x.gov
	a, b, _, _ := x.subject(s, i, 1)
	x.gov = gov
	if a >= 0 && b > a && x.tags[b-1] == pos.CD && list&x.lex.people != 0 {
		return true // "12 were injured"
	}
	if a < 0 || b <= a || !x.tags[b-1].IsNoun() {
		return false
	}
	// A name is headed by any of its words: "Cyclone Ilusa".
	for k := b - 1; k >= a; k-- {
		if x.lemmaIn(k, list) {
			return true
		}
		if k < b-1 && !x.tags[k].IsProper() || !x.tags[k].IsProper() {
			break
		}
	}
	return false
}

// lemmaIn reports whether the lemma of noun k is in list; a capitalised
// plural tagged as a name counts as a plural ("Shares fell").
func (x *extractor) lemmaIn(k int, list listSet) bool {
	if x.lexOf(k).lists&list != 0 {
		return true
	}
	return x.tags[k].IsProper() && x.lex.word(pos.Lemma(x.doc.Tok(k), pos.NNS)).lists&list != 0
}

// objectHeadIn reports whether the head of the direct object of the verb
// at token i has its lemma in list.
func (x *extractor) objectHeadIn(s text.Sentence, i int, list listSet) bool {
	for _, p := range x.phrases(s, i) {
		if p.prep == "~" {
			continue // a particle: "shut down the plant"
		}
		if p.prep != "" {
			break
		}
		// the last noun: "a deal late on Friday" is headed by "deal"
		for k := p.b - 1; k >= p.a; k-- {
			if x.tags[k].IsNoun() {
				return x.lemmaIn(k, list)
			}
		}
		break
	}
	return false
}

// figurative are the military words common in other senses.
var figurative = map[string]bool{
	"fight": true, "battle": true, "push": true, "advance": true, "hit": true, "wound": true, "die": true,
	"front": true, "war": true, "enemy": true, "offensive": true,
}

// countIn counts the nouns, adjectives and verbs in tokens [lo, hi) whose
// lemma is in list.
func (x *extractor) countIn(list listSet, lo, hi int) int {
	n := 0
	for j := lo; j < hi; j++ {
		t := x.tags[j]
		if (t.IsNoun() || t.IsAdj() || t.IsVerb()) && x.lexOf(j).lists&list != 0 {
			n++
		}
	}
	return n
}

// anyIn reports whether a noun or adjective (or, with verbs, a verb) in
// tokens [lo, hi), other than skip, has its lemma in list.
func (x *extractor) anyIn(list listSet, lo, hi, skip int, verbs bool) bool {
	for j := lo; j < hi; j++ {
		if j == skip {
			continue
		}
		t := x.tags[j]
		if !t.IsNoun() && !t.IsAdj() && !(verbs && t.IsVerb()) {
			continue
		}
		if x.lexOf(j).lists&list != 0 {
			return true
		}
	}
	return false
}

// frame is a trigger with its type and roles, before it becomes an Event.
type frame struct {
	tok                     int
	class, lemma, typ, code string
	verb, passive           bool
	actor, target, location int // entity indexes, -1 none
	absorbed                bool
	arg                     bool // a verb with a noun (or figure) as subject or object
	skip                    bool // not worth framing: an "other" noun when only typed events are kept
	absorbs                 int  // token of the object noun a light verb took its type from, -1
	gov                     int  // token of the verb whose subject it borrowed, -1
	// the summary's parts: the subject as written or named, the first
	// and end token of the text it quotes, and whether that text names
	// the location
	subj       string
	sumA, sumB int
	locInText  bool
}

func (x *extractor) event(f *frame, si int) sitrep.Event {
	sp := x.doc.Span(f.tok, f.tok+1)
	e := sitrep.Event{
		Type: f.typ, Start: sp.Start, End: sp.End, Text: sp.Of(x.doc.Text),
		Class: f.class, CAMEO: f.code, Lemma: f.lemma, Sentence: si, Summary: x.summary(f),
	}
	e.Actor, e.Target, e.Location = x.entID(f.actor), x.entID(f.target), x.entID(f.location)
	return e
}

func (x *extractor) entID(i int) string {
	if i < 0 {
		return ""
	}
	return x.ents[i].ID
}

func (x *extractor) entName(i int) string {
	if x.ents[i].Name != "" {
		return x.ents[i].Name
	}
	if len(x.ents[i].Mentions) > 0 {
		return x.ents[i].Mentions[0].Text
	}
	return x.ents[i].ID
}

// frames types the triggers of sentence s and finds their roles. Unless
// all is set, "other" nouns are typed but not framed: they are dropped.
func (x *extractor) frames(s text.Sentence, cands []Trigger, all bool) []frame {
	if cap(x.fbuf) < len(cands) {
		x.fbuf = make([]frame, len(cands), 2*len(cands))
	}
	// (x.fbuf's length is the most frames of a sentence of the
	// document: what release clears)
	if len(x.fbuf) < len(cands) {
		x.fbuf = x.fbuf[:len(cands)]
	}
	fs := x.fbuf[:len(cands)]
	for k, c := range cands {
		fs[k] = frame{tok: c.Token, class: c.Class, lemma: c.Lemma, typ: "other", actor: -1, target: -1, location: -1, absorbs: -1, gov: -1}
		fs[k].verb = x.tags[c.Token].IsVerb()
	}
	for k := range fs {
		x.typeFrame(s, &fs[k])
	}
	// A light verb that took its type from its object absorbs the noun's
	// own event.
	for k := range fs {
		if fs[k].absorbs >= 0 {
			for j := range fs {
				if fs[j].tok == fs[k].absorbs {
					fs[j].absorbed = true
				}
			}
		}
	}
	for k := range fs {
		f := &fs[k]
		if !all && (f.typ == "other" && !f.verb || !f.verb && x.commemorated(s, f.tok)) {
			f.skip = true
		}
		// A noun modifying another names no event of its own: "rescue
		// teams", "aid flights", "election campaign".
		if !all && !f.verb && f.tok+1 < s.Last && (x.tags[f.tok+1] == pos.NN || x.tags[f.tok+1] == pos.NNS) {
			f.skip = true
		}
		// ... coordinated ("its merger and acquisition department"), or
		// a gerund between nouns ("the tax writing committees").
		if k := f.tok; !all && k+3 < s.Last && !f.verb && x.tags[k+1] == pos.CC && x.tags[k+2] == pos.NN && (x.tags[k+3] == pos.NN || x.tags[k+3] == pos.NNS) ||
			!all && x.tags[k] == pos.VBG && k > s.First && k+1 < s.Last && x.tags[k-1] == pos.NN && (x.tags[k+1] == pos.NN || x.tags[k+1] == pos.NNS) {
			f.skip = true
		}
		// A participle between a determiner or preposition and a noun is
		// an adjective: "in flooded districts", "the jailed leader".
		if k := f.tok; !all && (x.tags[k] == pos.VBN || x.tags[k] == pos.VBD) && k > s.First && k+1 < s.Last &&
			(x.tags[k-1] == pos.DT || x.tags[k-1] == pos.IN || x.tags[k-1] == pos.PRPS) && (x.tags[k+1] == pos.NN || x.tags[k+1] == pos.NNS) {
			f.skip = true
		}
		if (all || !f.absorbed) && !f.skip {
			// A verb whose event is dropped needs no roles but its
			// actor, nor one typed "other" without an actor.
			need := allRoles
			if x.lazyRoles && f.verb {
				if f.typ == "x" || x.dropsAnyway(s, f) {
					need = actorOnly
				} else if f.typ == "other" {
					need = rolesIfActor
				}
			}
			x.roles(s, f, fs[:k], need)
		}
	}
	return fs
}

// refineForce refines the generic code of force (190) by the weapons the
// clause names: aerial (195), artillery (194), small arms (193).
func (x *extractor) refineForce(s text.Sentence, f *frame) {
	if f.code != "190" {
		return
	}
	lo, hi := max(s.First, f.tok-3), min(s.Last, f.tok+8)
	for _, r := range [...]struct {
		list listSet
		code string
	}{{x.lex.aerial, "195"}, {x.lex.artillery, "194"}, {x.lex.smallarms, "193"}} {
		if x.anyIn(r.list, lo, hi, -1, false) {
			f.code = r.code
			return
		}
	}
}

// commemorated reports whether the noun at token i names a past event
// being remembered: "the 80th anniversary of Japan's surrender".
func (x *extractor) commemorated(s text.Sentence, i int) bool {
	a := x.npLeft(i, s)
	if a-2 < s.First || !x.is(a-1, "of") {
		return false
	}
	switch x.lemma(a - 2) {
	case "anniversary", "memory", "commemoration", "remembrance", "centenary", "centennial":
		return true
	}
	return false
}

// typeFrame sets the type and CAMEO code of f.
func (x *extractor) typeFrame(s text.Sentence, f *frame) {
	i := f.tok
	t := x.tags[i]
	cond := func(c *entry) bool { return x.cond(s, i, c) }
	self := x.lexOf(i)
	if t.IsVerb() && self.flags&lfLight != 0 {
		// The type of the first typed noun in the verb's object.
		nounSeen := false
		for j := i + 1; j < s.Last && j <= i+10; j++ {
			tj := x.tags[j]
			if tj.IsVerb() || tj == pos.Period || tj == pos.Colon || tj == pos.Comma && j > i+1 ||
				tj == pos.WDT || tj == pos.IN && (x.is(j, "that") || x.isW(j, lwSubordinator)) {
				break // "announced tonight that its offensive ...": another clause
			}
			if (tj == pos.IN || tj == pos.TO) && !nounSeen && self.flags&lfPrepLight == 0 {
				break // "hold to its pact", "paid on signature": not the object
			}
			if tj.IsNoun() {
				nounSeen = true // "took part in the talks"
			}
			// (a phrase-final adjective is a mistagged noun: "made
			// landfall near")
			if !tj.IsNoun() && !(tj.IsAdj() && (strings.Contains(x.low(j), "offensive") || x.isHead(j))) || tj.IsProper() {
				continue
			}
			if j+1 < s.Last && (x.tags[j+1] == pos.NN || x.tags[j+1] == pos.NNS) && x.lexOf(j+1).flags&lfCarrier == 0 {
				continue // a modifier: "reopen the merger case" is about the case
			}
			if e, ok := lookupIn(x.lexOf(j).entries, tj, true, func(c *entry) bool { return x.cond(s, j, c) }); ok {
				f.typ, f.code, f.absorbs = e.typ, e.code, j
				// A light verb's own typed entry can refine the code
				// ("launch" + weapons is an aerial attack).
				if e2, ok := lookupIn(self.entries, t, false, cond); ok && e2.typ == e.typ {
					f.code = e2.code
				}
				x.refineForce(s, f)
				return
			}
		}
	}
	// An aspectual verb with no typed object takes the type of its
	// subject: "the outbreak began in late February", "the strike ended".
	if t.IsVerb() && self.flags&lfAspectual != 0 {
		gov := x.gov
		a, b, _, _ := x.subject(s, i, 1)
		x.gov = gov
		if a >= 0 && b > a && x.tags[b-1].IsNoun() && !x.tags[b-1].IsProper() {
			h := b - 1
			if e, ok := lookupIn(x.lexOf(h).entries, x.tags[h], true, func(c *entry) bool { return x.cond(s, h, c) }); ok && e.typ != "statement" {
				f.typ, f.code, f.absorbs = e.typ, e.code, h
				return
			}
		}
	}
	// Idioms: "in return for", "in response to".
	if i > s.First && x.is(i-1, "in") && i+1 < s.Last && (x.is(i+1, "for") || x.is(i+1, "to")) {
		f.typ = "x"
		return
	}
	if e, ok := lookupIn(self.entries, t, false, cond); ok {
		f.typ, f.code = e.typ, e.code
		x.refineForce(s, f)
		return
	}
	// (but a light verb is no statement: "gave no details")
	if f.class == "REPORTING" && t.IsVerb() && self.flags&lfLight == 0 {
		f.typ, f.code = "statement", x.lex.types["statement"].CAMEO
	}
}
