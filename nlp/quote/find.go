package quote

import (
	"strings"
	"sync"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Structures an attribution can have around its cue.
const (
	shapeSCT       = iota // Source Cue Content: "X said (that) …"
	shapeTSC              // Content, Source Cue: "…, officials said."
	shapeTCS              // Content, Cue Source: "…,” said the official."
	shapeAccording        // "according to X"
	shapeGerund           // "…, saying …": the main clause's subject
	shapeColon            // transcript: "TAPPER: …"
	shapePassive          // "X was criticized by Y": content before, source after
)

// Attribution is one attribution with everything Find knows about it. The
// content may come in fragments ("“…,” he said, “…”").
type Attribution struct {
	Content   []sitrep.Span // in text order, at least one
	Source    sitrep.Span   // zero when the text names no source
	Cue       sitrep.Span
	Addressee sitrep.Span
	Venue     sitrep.Span
	Adverbial sitrep.Span // the adverbials between the cue and the content ("in April")
	Kind      string
	Modality  string
	Stance    bool // the cue is a stance cue (Options.Stance)
	// Nested is set when the cue lies inside another attribution's content:
	// speech reported within reported speech.
	Nested   bool
	Sentence int // sentence of the first content fragment
	Pronoun  bool
	shape    int
	inner    bool // the cue lies inside a quotation
	clause   bool // the content is a clause or a quotation, not a noun phrase
	cueTok   int
	left     int // leftmost byte of the source/cue clause, for truncation
}

// Hull returns the span from the first content fragment's start to the last
// one's end.
func (a *Attribution) Hull() sitrep.Span {
	if len(a.Content) == 0 {
		return sitrep.Span{}
	}
	return sitrep.Span{Start: a.Content[0].Start, End: a.Content[len(a.Content)-1].End}
}

// Options select what Find reports.
type Options struct {
	// Stance adds stance cues (supported, sought, criticized …), which the
	// PolNeAR scheme counts as attributions but a reader of "what people
	// said" does not expect.
	Stance bool
	// Tags are the part-of-speech tags of doc's tokens (pos.Tagger.Tag);
	// Find tags the document itself when they are nil or do not fit.
	Tags []pos.Tag
}

// scanner holds one document's state during Find.
type scanner struct {
	doc *text.Doc
	s   string
	lx  *lexicon
	opt Options
	rs  []region
	// lex holds per token its word classes and, for a word token, its
	// cue form (lexWord.cue 0 for none)
	lex   []lexWord
	words []string // per token, its text without glued quotation marks
	// cands are the word tokens with a cue form or "according", in
	// order: the only tokens where an attribution's cue may stand
	cands []int32

	tags []pos.Tag
	// inner is the quoted region the cue being handled lies in, -1 when
	// none: tokens of that region count as unquoted for it.
	inner int
}

// Find returns the attributions in doc, in the order of their cues.
func Find(doc *text.Doc, opt Options) []Attribution { return find(doc, opt, nil) }

// find is Find appending to out[:0], so that ExtractTagged can reuse one
// array between documents instead of growing a new one in each.
func find(doc *text.Doc, opt Options, out []Attribution) []Attribution {
	sc := scanner{doc: doc, s: doc.Text, lx: defaultLexicon(), opt: opt, tags: opt.Tags, inner: -1}
	if len(sc.tags) != len(doc.Tokens) {
		sc.tags = pos.Default().Tag(doc)
	}
	buf := findPool.Get().(*findBuffers)
	defer buf.put(&sc)
	sc.rs = regions(doc, buf.rs[:0])
	n := len(doc.Tokens)
	sc.lex, sc.words = grow(buf.lex, n), grow(buf.words, n)
	sc.cands = buf.cands[:0]
	for i, t := range doc.Tokens {
		w := sc.s[t.Start:t.End]
		if mayHaveMarks(w) {
			w = trimMarks(w)
		}
		sc.words[i] = w
		l := sc.lx.lookup(w)
		if t.Kind != text.Word {
			l.cue = 0
		} else if l.cue != 0 || len(w) == 9 && (w == "according" || w == "According") {
			sc.cands = append(sc.cands, int32(i))
		}
		sc.lex[i] = l
	}
	out = out[:0]
	p := 0 // the first candidate of the sentence
	for si, sent := range doc.Sentences {
		for p > 0 && int(sc.cands[p-1]) >= sent.First {
			p-- // a sentence before the last one (not from text.Segment)
		}
		for p < len(sc.cands) && int(sc.cands[p]) < sent.First {
			p++
		}
		q := p
		for q < len(sc.cands) && int(sc.cands[q]) < sent.Last {
			q++
		}
		out = sc.sentence(si, out, sc.cands[p:q])
		p = q
	}
	sc.finish(out)
	return out
}

// findBuffers are a scanner's per-token arrays, kept between documents.
type findBuffers struct {
	rs    []region
	lex   []lexWord
	words []string
	cands []int32
}

var findPool = sync.Pool{New: func() any { return new(findBuffers) }}

// put returns sc's arrays to the pool, without the words, which point
// into the document's text.
func (b *findBuffers) put(sc *scanner) {
	clear(sc.words)
	b.rs, b.lex, b.words, b.cands = sc.rs, sc.lex, sc.words, sc.cands
	findPool.Put(b)
}

// grow returns s with length n, reallocated when its capacity is short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// word returns token i's text with quotation marks glued to it trimmed.
func (sc *scanner) word(i int) string { return sc.words[i] }

// mayHaveMarks reports whether trimMarks may trim w: most tokens neither
// start with a mark's first byte nor end with the last byte of a curly
// double quote (e2 80 9c, e2 80 9d). It is inlined in find's loop over
// every token, which trimMarks is not.
func mayHaveMarks(w string) bool {
	return len(w) == 0 || markStart[w[0]] || w[len(w)-1]&^1 == 0x9c
}

// markStart holds the first bytes of the quotation marks (markAt).
var markStart = [256]bool{'"': true, '\'': true, '`': true, 0xe2: true}

// trimMarks trims the quotation marks glued to a token.
func trimMarks(w string) string {
	if !mayHaveMarks(w) {
		return w
	}
	for len(w) > 0 {
		if n, _ := markAt(w, 0); n > 0 && n < len(w) {
			w = w[n:]
			continue
		}
		break
	}
	for len(w) >= 3 && (w[len(w)-3:] == rdquo || w[len(w)-3:] == ldquo) {
		w = w[:len(w)-3]
	}
	return w
}

func (sc *scanner) is(i int, bit uint16) bool { return sc.lex[i].flags&bit != 0 }

func (sc *scanner) tokIs(i int, w string) bool {
	return sc.s[sc.doc.Tokens[i].Start:sc.doc.Tokens[i].End] == w
}

// inQuote reports whether token i lies inside a quoted region.
func (sc *scanner) inQuote(i int) bool {
	t := sc.doc.Tokens[i]
	r := regionAt(sc.rs, t.Start)
	return r >= 0 && sc.rs[r].Start < t.Start && r != sc.inner
}

func (sc *scanner) isPunct(i int, c byte) bool {
	t := sc.doc.Tokens[i]
	return t.End-t.Start == 1 && sc.s[t.Start] == c
}

// isComma reports whether token i is a comma.
func (sc *scanner) isComma(i int) bool { return sc.isPunct(i, ',') }

// isMark reports whether token i is (only) a quotation mark.
func (sc *scanner) isMark(i int) bool {
	t := sc.doc.Tokens[i]
	n, _ := markAt(sc.s, t.Start)
	return n > 0 && n == t.End-t.Start
}

// cueAt reports the cue form at token i.
func (sc *scanner) cueAt(i int) (cueEntry, bool) {
	p := sc.lx.cue(sc.lex[i])
	if p == nil || (p.stance && !sc.opt.Stance) {
		return cueEntry{}, false
	}
	e := *p
	if e.verb && !sc.tags[i].IsVerb() {
		return cueEntry{}, false
	}
	return e, true
}

// isCueAt reports an unconditional cue form at token i (not one that is a
// cue only before a colon, "that", "as" or a particle).
func (sc *scanner) isCueAt(i int) bool {
	e, ok := sc.cueAt(i)
	return ok && !e.quoted && !e.that && !e.as && !e.particle && !e.adj
}

// isLowerWord reports whether token i is a word starting in lower case.
func (sc *scanner) isLowerWord(i int) bool {
	t := sc.doc.Tokens[i]
	c := sc.s[t.Start]
	return t.Kind == text.Word && c >= 'a' && c <= 'z'
}

func (sc *scanner) isCap(i int) bool {
	t := sc.doc.Tokens[i]
	w := sc.word(i)
	return t.Kind == text.Word && len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z'
}

// isAdverb: an -ly word standing between subject and verb.
func (sc *scanner) isAdverb(i int) bool {
	if sc.is(i, wAux) {
		return true
	}
	w := sc.word(i)
	return sc.isLowerWord(i) && len(w) > 4 && w[len(w)-2:] == "ly" && w != "family" && w != "rally" && w != "ally"
}

// sentence finds the attributions whose cue lies in sentence si, at one
// of the candidate tokens cands (sc.cands of the sentence).
func (sc *scanner) sentence(si int, out []Attribution, cands []int32) []Attribution {
	d := sc.doc
	sent := d.Sentences[si]
	first := len(out)
	// transcript speaker: "TAPPER: …" at the start of a paragraph
	if a, ok := sc.colon(si); ok {
		out = append(out, a)
	}
	next := sent.First // the tokens before it are handled
	for _, c := range cands {
		i := int(c)
		if i < next {
			continue
		}
		w := sc.word(i)
		if len(w) == 9 && (w == "according" || w == "According") && i+1 < sent.Last && sc.word(i+1) == "to" {
			if sc.inQuote(i) {
				continue
			}
			if a, ok := sc.according(si, i); ok {
				out = append(out, a)
			}
			next = i + 2 // "to" is done too
			continue
		}
		e, ok := sc.cueAt(i)
		if !ok {
			continue
		}
		if sc.inQuote(i) {
			// speech reported within a quotation: "He said: “She told me
			// that …”"
			if a, ok := sc.innerCue(si, i, e); ok {
				out = append(out, a)
			}
			continue
		}
		// a cue directly after another ("said, adding" aside) belongs to it:
		// "reportedly told", "went on to say"
		if a, ok := sc.verbCue(si, i, e, out[first:]); ok {
			out = append(out, a)
		}
	}
	return out
}

// innerCue handles a reporting verb at token i inside a quoted region: an
// attribution with its source inside the same quotation and its content
// clipped to the quotation, marked Nested. Only "X said/told … that",
// "X said: “…”" and "X told me “…”" shapes with a source count.
func (sc *scanner) innerCue(si, i int, e cueEntry) (Attribution, bool) {
	t := sc.doc.Tokens[i]
	r := regionAt(sc.rs, t.Start)
	if r < 0 || e.stance || e.raising {
		return Attribution{}, false
	}
	sc.inner = r
	a, ok := sc.verbCue(si, i, e, nil)
	sc.inner = -1
	if !ok || a.shape != shapeSCT || a.Source.End <= a.Source.Start || a.Source.Start < sc.rs[r].Start {
		return Attribution{}, false
	}
	in := sc.rs[r].End
	if n := closingMark(sc.s, sc.rs[r].Start, in); n > 0 {
		in -= n
	}
	var cs []sitrep.Span
	for _, c := range a.Content {
		if c.Start >= in {
			break
		}
		c.End = sc.trimEnd(c.Start, min(c.End, in))
		if c.End > c.Start {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return Attribution{}, false
	}
	a.Content = cs
	a.Nested = true
	a.inner = true
	return a, true
}

// innerKind is the kind of an attribution inside a quotation: direct when
// its content is itself a quotation in marks, indirect otherwise.
func (sc *scanner) innerKind(a *Attribution) string {
	c := a.Content[0]
	if r := regionAt(sc.rs, c.Start); r >= 0 && sc.rs[r].Start == c.Start && sc.rs[r].End >= c.End-1 {
		return sitrep.QuoteDirect
	}
	if e := sc.singleQuoted(c.Start, c.End+1); e > 0 && e >= c.End-1 {
		return sitrep.QuoteDirect
	}
	return sitrep.QuoteIndirect
}

// closingMark returns the length of the quotation mark that ends s[:end],
// 0 when none does.
func closingMark(s string, start, end int) int {
	for _, n := range []int{3, 2, 1} {
		if end-n > start {
			if m, dir := markAt(s, end-n); m == n && dir&2 != 0 {
				return n
			}
		}
	}
	return 0
}

// colon handles "NAME: content" at the start of a paragraph.
func (sc *scanner) colon(si int) (Attribution, bool) {
	d := sc.doc
	sent := d.Sentences[si]
	if si > 0 && d.Sentences[si-1].Paragraph == sent.Paragraph {
		return Attribution{}, false
	}
	for k := sent.First; k < sent.Last && k < sent.First+4; k++ {
		if sc.isPunct(k, ':') {
			if k == sent.First {
				return Attribution{}, false
			}
			// "TAPPER:", "John McCain:", "Clinton camp:" — a short name
			if !sc.isCap(sent.First) || sc.is(sent.First, wBarrier|wClause|wPrep|wTime) {
				return Attribution{}, false
			}
			switch strings.ToLower(sc.word(sent.First)) {
			case "note", "update", "editor", "photo", "watch", "read", "related", "correction", "warning", "breaking", "q", "a", "question", "answer", "why", "what", "how", "here", "source", "video", "map", "chart":
				return Attribution{}, false
			}
			for j := sent.First; j < k; j++ {
				if d.Tokens[j].Kind == text.Number || sc.is(j, wBarrier) {
					return Attribution{}, false
				}
				if _, ok := sc.cueAt(j); ok {
					return Attribution{}, false
				}
			}
			p := d.Paragraphs[sent.Paragraph]
			cs := d.Tokens[k].End
			for cs < p.End && sc.s[cs] == ' ' {
				cs++
			}
			ce := trimRight(sc.s, cs, p.End)
			if ce <= cs {
				return Attribution{}, false
			}
			return Attribution{
				Content:  []sitrep.Span{{Start: cs, End: sc.trimEnd(cs, ce)}},
				Source:   d.Span(sent.First, k),
				Cue:      d.Span(k, k+1),
				Modality: sitrep.ModalityReported,
				Sentence: si,
				shape:    shapeColon,
				cueTok:   k,
				left:     d.Tokens[sent.First].Start,
			}, true
		}
	}
	return Attribution{}, false
}

// according handles "according to X".
func (sc *scanner) according(si, i int) (Attribution, bool) {
	d := sc.doc
	sent := d.Sentences[si]
	a := Attribution{Modality: sitrep.ModalityReported, Sentence: si, shape: shapeAccording, cueTok: i}
	a.Cue = d.Span(i, i+2)
	a.left = d.Tokens[i].Start
	// the source runs to the next comma, dash, parenthesis or the end
	j := i + 2
	k := j
	for k < sent.Last && k < j+20 && !sc.isComma(k) && !sc.is(k, wBarrier&^wConj) && d.Tokens[k].Kind != text.Punct {
		k++
	}
	for k < sent.Last && k < j+20 && d.Tokens[k].Kind == text.Word && sc.is(k, wThat) {
		break
	}
	if k == j {
		return a, false
	}
	a.Source = d.Span(j, k)
	// clause-initial: "According to X, CONTENT"
	start := i
	for start > sent.First && (sc.is(start-1, wConj|wBarrier) || sc.isComma(start-1)) && start-1 >= sent.First && !sc.isMark(start-1) {
		start--
	}
	if start == sent.First {
		cs := k
		if cs < sent.Last && sc.isComma(cs) {
			cs++
		}
		if cs >= sent.Last {
			return a, false
		}
		a.Content = []sitrep.Span{sc.after(si, cs)}
		return a, true
	}
	// otherwise the content is what comes before: "…, according to X."
	end := i
	if sc.isComma(end - 1) {
		end--
	}
	if end <= sent.First {
		return a, false
	}
	a.Content = []sitrep.Span{sc.before(si, d.Tokens[end-1].End, d.Tokens[end].Start)}
	return a, a.Content[0].End > a.Content[0].Start
}

// verbCue handles a reporting verb at token i.
func (sc *scanner) verbCue(si, i int, e cueEntry, prev []Attribution) (Attribution, bool) {
	d := sc.doc
	sent := d.Sentences[si]
	a := Attribution{Modality: e.modality, Stance: e.stance, Sentence: si, cueTok: i}
	ce := i + 1
	// particles that belong to the cue: "pointed out", "called for",
	// "talked about"
	if ce < sent.Last && sc.particle(i, ce) {
		ce++
	}
	a.Cue = d.Span(i, ce)
	if e.particle && ce == i+1 {
		return a, false
	}
	if e.as && !sc.asAfter(ce, sent.Last) {
		return a, false
	}
	if e.adj && !(sc.passive(sent.First, i) && ce < sent.Last && (sc.tokIs(ce, "that") || sc.tokIs(ce, "to") || sc.tokIs(ce, "about") || sc.tokIs(ce, "of"))) {
		return a, false
	}
	if e.that && !(ce < sent.Last && (sc.is(ce, wThat) || sc.isPunct(ce, ':') || sc.opensQuote(ce))) {
		return a, false
	}
	if e.quoted && !(ce < sent.Last && (sc.isPunct(ce, ':') || sc.opensQuote(ce)) || ce == sent.Last && sc.quoteAfter(d.Tokens[ce-1].End)) {
		return a, false
	}
	if e.modality == sitrep.ModalityNegated || sc.negatedBefore(sent.First, i) {
		a.Modality = sitrep.ModalityNegated
	}
	// where the cue's clause starts: skip auxiliaries and adverbs back
	b := i
	for b > sent.First && sc.isAdverb(b-1) && !sc.isComma(b-1) {
		b--
	}
	// PolNeAR-style cue extent: auxiliaries and adverbs before the verb
	// ("has also said"), and "about", "of", "in a statement", a weekday or
	// a colon after it
	for ce < sent.Last {
		switch w := sc.word(ce); {
		case w == ":":
			ce++
			continue
		case sc.tags[ce] == pos.RB && strings.HasSuffix(w, "ly") && ce+1 < sent.Last &&
			(sc.tokIs(ce+1, "that") || sc.isPunct(ce+1, ':') || sc.opensQuote(ce+1)):
			// "said privately that", "wrote repeatedly:"
			ce++
			continue
		case sc.is(ce, wTime) && sc.isCap(ce) && !sc.is(ce, wClause):
			ce++
			continue
		case w == "in" && ce+2 < sent.Last && sc.is(ce+1, wDet) && (sc.word(ce+2) == "statement" || sc.word(ce+2) == "interview"):
			ce += 3
			continue
		}
		break
	}
	a.Cue = d.Span(b, ce)
	// an infinitive's "to" is part of the cue: "declined [to say]"
	if b == i && b > sent.First && sc.tags[b-1] == pos.TO {
		a.Cue.Start = d.Tokens[b-1].Start
		// and the verb it complements: "[continued to assert]", "[went on
		// to say]", "[has refused to endorse]"
		v := b - 2
		if v > sent.First && sc.tokIs(v, "on") {
			v--
		}
		if v >= sent.First && sc.tags[v].IsVerb() && !sc.inQuote(v) && !sc.isCueAt(v) {
			for v > sent.First && sc.isAdverb(v-1) && !sc.isComma(v-1) {
				v--
			}
			a.Cue.Start = d.Tokens[v].Start
		}
	}
	if i > sent.First && sc.is(i-1, wDet) && !sc.is(i-1, wPronoun|wThat) {
		return a, false // "an estimated 11,000": an adjective
	}
	if sc.opt.Stance && ce < sent.Last && sc.tokIs(ce, "by") && sc.passive(sent.First, i) {
		if a, ok := sc.passiveBy(si, b, ce, a); ok {
			return a, true
		}
	}
	if !e.adj && sc.passive(sent.First, i) && (ce >= sent.Last || sc.isPunct(ce, '.') || sc.isComma(ce) || sc.is(ce, wTime) ||
		sc.tokIs(ce, "until") || sc.tokIs(ce, "on") || sc.tokIs(ce, "in") || sc.tokIs(ce, "at") || sc.tokIs(ce, "since")) {
		return a, false // "wasn't acknowledged until April": no content
	}
	if e.raising {
		// "[Trump] seemed [to enjoy it]", "[the president] is expected [to sign]"
		if ce >= sent.Last || !sc.tokIs(ce, "to") {
			return a, false
		}
		sb, se, ok := sc.sourceBefore(sent.First, b)
		if !ok {
			return a, false
		}
		a.shape = shapeSCT
		a.left = d.Tokens[sb].Start
		a.Content = []sitrep.Span{d.Span(sb, se), sc.after(si, ce)}
		return a, true
	}
	afterSep := b > sent.First && (sc.isComma(b-1) || sc.closesQuote(b-1))
	if e.gerund && afterSep && b == i {
		// "…, saying …": the subject is the main clause's
		a.shape = shapeGerund
		a.left = d.Tokens[b-1].Start
		if len(prev) > 0 && prev[len(prev)-1].Source.End > prev[len(prev)-1].Source.Start {
			a.Source = prev[len(prev)-1].Source
		} else if s, ok := sc.subject(si, b-1); ok {
			a.Source = s
		}
		cs := sc.skipAdverbials(si, ce, e, &a)
		if cs >= sent.Last && !sc.quoteAfter(cs) {
			return a, false
		}
		a.Content = []sitrep.Span{sc.after(si, cs)}
		return a, a.Content[0].End > a.Content[0].Start
	}
	if afterSep && ce < sent.Last && !sc.is(ce, wThat) && !sc.isPunct(ce, ':') && !sc.isComma(ce) && !sc.opensQuote(ce) && !sc.is(ce, wPronoun) {
		// "…,” said the official." — the source follows the cue
		j := ce
		for j < sent.Last && sc.is(j, wTime) && sc.isCap(j) {
			j++ // said Tuesday
		}
		k := j
		for k < sent.Last && !sc.isComma(k) && !sc.isPunct(k, '.') && !sc.opensQuote(k) && !(sc.is(k, wPrep) && !sc.tokIs(k, "of") && !sc.tokIs(k, "for")) && (d.Tokens[k].Kind != text.Punct || sc.tokIs(k, "/")) {
			k++
		}
		ends := k == sent.Last || sc.isPunct(k, '.') || sc.isComma(k) || sc.opensQuote(k) || d.Tokens[k].Kind == text.Punct
		if k > j && ends && sc.contentBefore(si, b-1, &a) && !sc.cueWithin(a.Content[0]) {
			a.shape = shapeTCS
			// "said Robert Klein, chairman of the institute." — the
			// apposition runs to the end of the sentence
			if k+1 < sent.Last && sc.isComma(k) && sc.apposition(k+1) && !sc.opensQuote(k+1) && !sc.fragmentAfter(&a, k+1) {
				m := k + 1
				for m < sent.Last && !sc.opensQuote(m) && !sc.isPunct(m, ';') && !(m == sent.Last-1 && d.Tokens[m].Kind == text.Punct) {
					m++
				}
				for m > k+1 && (sc.isComma(m-1) || sc.isPunct(m-1, '.') || sc.isMark(m-1)) {
					m--
				}
				if m > k+1 && m-k < 40 {
					k = m
				}
			}
			a.Source = d.Span(j, k)
			a.left = d.Tokens[b-1].Start
			sc.continuation(si, k, &a)
			return a, true
		}
	}
	// the source before the cue
	sb, se, ok := sc.sourceBefore(sent.First, b)
	if ok {
		a.Source = d.Span(sb, se)
		if sc.is(sb, wPronoun) && sb+1 == se {
			a.Pronoun = true
		}
		colon := sc.s[a.Cue.End-1] == ':' || ce < sent.Last && sc.isPunct(ce, ':')
		quoteBefore := sb > sent.First && sc.closesQuote(sb-1) || sb == sent.First && sb > 0 && sc.closesQuote(sb-1)
		if (sb > sent.First && (sc.isComma(sb-1) || sc.closesQuote(sb-1)) ||
			sb == sent.First && sb > 0 && sc.closesQuote(sb-1) && si > 0 && d.Sentences[si-1].Paragraph == sent.Paragraph) &&
			!colon && (sc.endsClause(si, ce) ||
			// "“…,” Clinton said on Thursday during a speech at …":
			// adverbials, not content, follow the cue
			quoteBefore && ce < sent.Last && (sc.tags[ce] == pos.IN || sc.tags[ce] == pos.TO || sc.tags[ce] == pos.RB) &&
				!sc.is(ce, wThat|wClause) && !sc.tokIs(ce, "if") && !sc.tokIs(ce, "whether")) {
			// "…, officials said." — content before
			if sc.contentBefore(si, sb-1, &a) {
				a.shape = shapeTSC
				a.left = d.Tokens[sb-1].Start
				end := sc.skipTail(si, ce)
				if e.addressee {
					k := ce
					for k < end && !sc.is(k, wPrep|wTime) {
						k++
					}
					if k > ce {
						a.Addressee = d.Span(ce, k)
					}
				}
				sc.continuation(si, end, &a)
				return a, true
			}
		}
	} else if len(prev) > 0 && b > sent.First && sc.is(b-1, wConj) && prev[len(prev)-1].Source.End > prev[len(prev)-1].Source.Start {
		// "… and said": the previous clause's subject
		a.Source = prev[len(prev)-1].Source
	} else if b > sent.First && (sc.is(b-1, wConj) || a.Cue.Start < d.Tokens[b].Start) && !sc.passive(sent.First, i) {
		// "The judge rubbed his chin and then said", "Clinton took to
		// Twitter to say": the main clause's subject
		if s, ok := sc.subject(si, b); ok && s.End <= d.Tokens[b].Start {
			a.Source = s
		}
	}
	a.shape = shapeSCT
	a.left = d.Tokens[i].Start
	if ok {
		a.left = d.Tokens[sb].Start
	}
	if ok && ce+1 < sent.Last && sc.isComma(ce) && sb > sent.First && strings.EqualFold(sc.word(sb-1), "as") {
		// "As the Times noted, CONTENT"
		a.Content = []sitrep.Span{sc.after(si, ce+1)}
		return a, a.Content[0].End > a.Content[0].Start
	}
	if ce < sent.Last && sc.isComma(ce) && !sc.quoteAfter(d.Tokens[ce].End) && !(ok && sayForm(sc.word(i))) {
		return a, false // "X shows, Y said": not a reporting verb here
	}
	cs := sc.skipAdverbials(si, ce, e, &a)
	if cs >= sent.Last {
		if !sc.quoteAfter(d.Tokens[sent.Last-1].End) {
			return a, false
		}
		cs = sent.Last
	}
	a.Content = []sitrep.Span{sc.after(si, cs)}
	if a.Content[0].End <= a.Content[0].Start {
		return a, false
	}
	return a, true
}

// particles after a cue verb that PolNeAR counts as part of the cue, from
// how often the train split's gold cues include them: always (for most
// verbs), or only after the verbs listed.
var particles = map[string]string{
	"about": "*", "for": "*", "against": "*", "out": "*", "upon": "*", "into": "*",
	"with": "agree agreed agrees agreeing disagree disagreed disagrees side sided sides siding charged concerned " +
		"comfortable pleased",
	"up": "talk talked talks talking lay laid lays laying",
	"of": "speak speaking spoke spoken accuse accused accuses accusing warn warned warns warning talk talked talks talking " +
		"think thinking thought complain complained complaining boast boasted boasting",
	"to": "refer referred refers referring respond responded responds responding point pointed points pointing object objected objects reply replied replies",
	"on": "call called calls calling focus focused focuses focusing comment commented comments commenting agree agreed agrees weigh weighed " +
		"speak spoke spoken speaks speaking",
	"as": "describe described describes describing know known see seen sees view viewed views cast casting portray portrayed label labeled",
	"in": "weigh weighed weighs weighing believe believed believes",
	"at": "aim aimed aims aiming hint hinted hints hinting",
	"by": "stand stood stands standing",
}

// asAfter reports "as" within a few words after token j, in the same
// clause: "sees [Trump as a threat]".
func (sc *scanner) asAfter(j, last int) bool {
	for k := j + 1; k < last && k < j+8; k++ {
		if sc.tokIs(k, "as") {
			return true
		}
		if sc.doc.Tokens[k].Kind == text.Punct || sc.is(k, wThat) {
			return false
		}
	}
	return false
}

// particle reports whether token p after the cue at i belongs to the cue.
func (sc *scanner) particle(i, p int) bool {
	w := sc.word(p)
	l, ok := particles[w]
	if !ok || sc.tags[p] == pos.TO && w == "to" && p+1 < len(sc.doc.Tokens) && sc.tags[p+1] == pos.VB {
		return false // "pledged to fight": an infinitive, not a particle
	}
	if l == "*" {
		return true
	}
	v := strings.ToLower(sc.word(i))
	for len(l) > 0 {
		j := strings.IndexByte(l, ' ')
		if j < 0 {
			j = len(l)
		}
		if l[:j] == v {
			return true
		}
		l = l[min(j+1, len(l)):]
	}
	return false
}

// passiveBy handles "X was criticized by Y" (Options.Stance): the agent
// after "by" is the source, the subject the content. The cue runs from the
// auxiliary (token b) through "by" (token by).
func (sc *scanner) passiveBy(si, b, by int, a Attribution) (Attribution, bool) {
	d := sc.doc
	sent := d.Sentences[si]
	j := by + 1
	k := j
	for k < sent.Last && k < j+12 && d.Tokens[k].Kind != text.Punct && !sc.opensQuote(k) && !(sc.is(k, wBarrier) && !sc.is(k, wConj)) {
		if sc.tags[k].IsVerb() {
			break
		}
		k++
	}
	if k == j {
		return a, false
	}
	sb, se, ok := sc.sourceBefore(sent.First, b)
	if !ok {
		return a, false
	}
	a.shape = shapePassive
	a.Cue = d.Span(b, by+1)
	a.Source = d.Span(j, k)
	a.Content = []sitrep.Span{d.Span(sb, se)}
	a.left = d.Tokens[sb].Start
	return a, true
}

// sayForm reports the forms of "say", which stay reporting verbs before a
// parenthetical comma: "Rubio says, win or lose, he's staying".
func sayForm(w string) bool {
	switch w {
	case "said", "says", "say", "Said", "Says":
		return true
	}
	return false
}

// cueWithin reports a reporting verb with a subject inside an unquoted
// span: then the span is that verb's clause ("Kiedis said his band …,
// wrote a host of songs"), not the content of an inverted cue after it.
func (sc *scanner) cueWithin(sp sitrep.Span) bool {
	if r := regionAt(sc.rs, sp.Start); r >= 0 && sc.rs[r].Start == sp.Start {
		return false
	}
	d := sc.doc
	for k := d.TokenAt(sp.Start); k < len(d.Tokens) && d.Tokens[k].End <= sp.End; k++ {
		if e, ok := sc.cueAt(k); ok && !e.stance && sc.tags[k].IsVerb() && !sc.inQuote(k) {
			if k > 0 && d.Tokens[k-1].Kind == text.Word && !sc.is(k-1, wBarrier|wPrep) {
				return true
			}
		}
	}
	return false
}

// negatedBefore reports "did not say", "never said" just before the cue.
func (sc *scanner) negatedBefore(first, i int) bool {
	for k := i - 1; k >= first && k >= i-3; k-- {
		if sc.is(k, wNeg) {
			return true
		}
		if !sc.is(k, wAux) {
			return false
		}
	}
	return false
}

// closesQuote reports whether token i is or ends with a closing mark.
func (sc *scanner) closesQuote(i int) bool {
	t := sc.doc.Tokens[i]
	r := regionAt(sc.rs, t.End-1)
	return r >= 0 && sc.rs[r].End == t.End
}

// opensQuote reports whether a quoted region starts at token i.
func (sc *scanner) opensQuote(i int) bool {
	t := sc.doc.Tokens[i]
	r := regionAt(sc.rs, t.Start)
	return r >= 0 && sc.rs[r].Start == t.Start
}

// quoteAfter reports whether a quoted region opens right after byte off
// (past spaces, a colon, line breaks).
func (sc *scanner) quoteAfter(off int) bool {
	i := off
	for i < len(sc.s) && (sc.s[i] == ' ' || sc.s[i] == '\n' || sc.s[i] == ':' || sc.s[i] == ',') {
		i++
	}
	r := regionAt(sc.rs, i)
	return r >= 0 && sc.rs[r].Start == i
}

// endsClause reports whether the cue's clause ends after token ce (past
// adverbials): the sentence ends, or a comma follows.
func (sc *scanner) endsClause(si, ce int) bool {
	end := sc.skipTail(si, ce)
	sent := sc.doc.Sentences[si]
	if end >= sent.Last {
		return true
	}
	t := sc.doc.Tokens[end]
	c := sc.s[t.Start]
	return t.Kind == text.Punct && (c == '.' || c == ',' || c == '!' || c == '?' || c == ';') || sc.opensQuote(end)
}

// skipTail skips what may follow an inverted cue before the clause ends:
// adverbials ("in a statement", "on Tuesday", "Tuesday") and an addressee
// ("told reporters"). It returns the first token after them.
func (sc *scanner) skipTail(si, j int) int {
	d := sc.doc
	sent := d.Sentences[si]
	k := j
	if k < sent.Last {
		if e, ok := sc.cueAt(k - 1); ok && e.addressee {
			for k < sent.Last && k < j+5 && d.Tokens[k].Kind != text.Punct && !sc.is(k, wPrep|wThat) && !sc.opensQuote(k) {
				k++
			}
		}
	}
	for n := 0; k < sent.Last && n < 3; n++ {
		switch {
		case sc.is(k, wTime):
			k++
		case sc.is(k, wPrep) && !sc.is(k, wThat):
			m := k + 1
			for m < sent.Last && m < k+8 && d.Tokens[m].Kind != text.Punct && !sc.opensQuote(m) && !sc.is(m, wThat|wBarrier) {
				m++
			}
			if m < sent.Last && d.Tokens[m].Kind != text.Punct && !sc.opensQuote(m) {
				return m // something else follows: not the end of the clause
			}
			k = m
		default:
			return k
		}
	}
	return k
}

// sourceBefore finds the source noun phrase ending just before token b.
func (sc *scanner) sourceBefore(first, b int) (int, int, bool) {
	d := sc.doc
	if b <= first {
		return 0, 0, false
	}
	j := b - 1
	if sc.is(j, wRel|wPronoun) && !sc.tokIs(j, "it") {
		return j, b, true
	}
	if sc.isComma(j) {
		// appositive: "Admiral X, head of Y, told" — take "X, head of Y,"
		k := j - 1
		for k > first && k > j-16 && !sc.isComma(k) && !sc.isMark(k) && !sc.isPunct(k, ';') {
			k--
		}
		if k <= first || !sc.isComma(k) || k == j-1 {
			return 0, 0, false
		}
		s, _, ok := sc.npBack(first, k)
		if !ok {
			return 0, 0, false
		}
		if !sc.apposition(k + 1) {
			// "Clinton, clearly frustrated, said": an aside, not part of the
			// source
			return s, k, true
		}
		return s, b, true
	}
	if d.Tokens[j].Kind == text.Punct && !sc.tokIs(j, ".") && !sc.tokIs(j, ")") {
		return 0, 0, false
	}
	if s, ok := sc.relativeSource(first, b); ok {
		return s, b, true
	}
	return sc.npBack(first, b)
}

// relativeSource finds a source with a restrictive relative clause ending
// before token b: "the groups who wrote to her on Thursday [say]",
// "organizations that have endorsed him [say]". The relative pronoun must
// be tagged as one (not the complementizer "that") and follow a noun.
func (sc *scanner) relativeSource(first, b int) (int, bool) {
	d := sc.doc
	for r := b - 2; r > first && r >= b-12; r-- {
		if d.Tokens[r].Kind == text.Punct || sc.isMark(r) || sc.inQuote(r) {
			return 0, false
		}
		tg := sc.tags[r]
		if tg != pos.WP && tg != pos.WDT {
			continue
		}
		if !sc.tags[r-1].IsNoun() {
			return 0, false
		}
		s, _, ok := sc.npBack(first, r)
		if !ok {
			return 0, false
		}
		return s, true
	}
	return 0, false
}

// npBack scans a noun phrase back from token b (exclusive).
func (sc *scanner) npBack(first, b int) (int, int, bool) {
	d := sc.doc
	k := b
	for k > first && b-k < 12 {
		p := k - 1
		t := d.Tokens[p]
		if t.Kind == text.Punct {
			w := sc.s[t.Start:t.End]
			if w == ")" && p == b-1 {
				// "Governor Mary Fallin (R-OK) said": a party label
				if o := sc.parenOpen(first, p); o > first {
					k = o
					continue
				}
			}
			if w != "'s" && w != "’s" && w != "." && w != "-" && w != "'" && w != "’" && w != "/" {
				break
			}
		}
		if sc.isMark(p) || sc.inQuote(p) {
			break
		}
		if sc.is(p, wRel) && p+1 < b {
			break // "the probe, which [officials] say …"
		}
		if sc.is(p, wBarrier) {
			if sc.is(p, wConj) && p > first && p+1 < b && (sc.isCap(p-1) || sc.plainNP(first, p)) {
				k--
				continue
			}
			if sc.quantifier(first, p) {
				k--
				continue
			}
			break
		}
		if _, ok := sc.cueAt(p); ok && sc.tags[p].IsVerb() {
			break
		}
		k--
	}
	// drop a leading conjunction: "and Breitbart News responded"
	for k < b-1 && sc.is(k, wConj) {
		k++
	}
	// and a trailing time: "the Kentucky Republican on Tuesday dismissed"
	for b-1 > k && sc.is(b-1, wTime) && !sc.is(b-1, wDet) {
		b--
		if b-1 > k && sc.is(b-1, wPrep) && !sc.is(b-1, wTime) {
			b--
		}
	}
	// drop a leading adverbial: "On Tuesday Trump said"
	for k < b-1 && (sc.is(k, wPrep|wTime) && !sc.is(k, wDet)) {
		k++
	}
	for k < b-1 && sc.is(k, wTime) {
		k++
	}
	if k >= b {
		return 0, 0, false
	}
	if d.Tokens[k].Kind == text.Punct || k+1 == b && sc.is(k, wPrep|wBarrier|wTime) {
		return 0, 0, false
	}
	return k, b, true
}

// parenOpen returns the "(" that opens a short parenthesis closing at
// token p, or -1.
func (sc *scanner) parenOpen(first, p int) int {
	for o := p - 1; o >= first && o >= p-6; o-- {
		if sc.tokIs(o, "(") {
			return o
		}
		if sc.doc.Tokens[o].Kind == text.Punct && !sc.tokIs(o, "-") && !sc.tokIs(o, ".") {
			return -1
		}
	}
	return -1
}

// quantifier reports a barrier word at p that belongs to a quantified noun
// phrase: "more than nine of 10 Republicans", "as many as 40 percent",
// "not everyone".
func (sc *scanner) quantifier(first, p int) bool {
	var buf [32]byte
	switch string(lower(buf[:0], sc.word(p))) {
	case "than":
		if p > first {
			switch string(lower(buf[:0], sc.word(p-1))) {
			case "more", "less", "fewer":
				return true
			}
		}
	case "as":
		// "as many as", "as much as", and the first "as"
		if p+1 < len(sc.doc.Tokens) {
			switch string(lower(buf[:0], sc.word(p+1))) {
			case "many", "much", "few", "little":
				return true
			}
		}
		if p > first+1 {
			switch string(lower(buf[:0], sc.word(p-1))) {
			case "many", "much", "few", "little":
				return sc.tokIs(p-2, "as") || sc.tokIs(p-2, "As")
			}
		}
	case "not":
		if p+1 < len(sc.doc.Tokens) && p == first {
			switch string(lower(buf[:0], sc.word(p+1))) {
			case "everyone", "everybody", "all", "every", "many", "one":
				return true
			}
		}
	}
	return false
}

// plainNP reports whether the tokens before the conjunction at p, back to
// the start of the sentence or a comma, are few and hold no barrier word:
// "Satellite imagery and battlefield photos indicate".
func (sc *scanner) plainNP(first, p int) bool {
	for j := p - 1; j >= first && j >= p-5; j-- {
		if sc.isComma(j) || j == first {
			return !sc.is(j, wBarrier)
		}
		if sc.is(j, wBarrier) || sc.doc.Tokens[j].Kind == text.Punct {
			return false
		}
		if _, ok := sc.cueAt(j); ok {
			return false
		}
	}
	return false
}

// passive reports a form of "be" (or "been") before the cue at i, past
// adverbs: "was first reported", "wasn't acknowledged".
func (sc *scanner) passive(first, i int) bool {
	for j := i - 1; j >= first && j >= i-4; j-- {
		w := sc.word(j)
		if n := len(w); n > 3 && (w[n-3:] == "n't") {
			w = w[:n-3]
		} else if n > 5 && w[n-5:] == "n’t" {
			w = w[:n-5]
		}
		switch w {
		case "is", "are", "was", "were", "be", "been", "being", "Is", "Was":
			return true
		}
		if !sc.isAdverb(j) {
			return false
		}
	}
	return false
}

// subject returns the subject of the sentence's main clause, before token
// end: the noun phrase (by the tagger) that opens the sentence, after a
// fronted adverbial ("On Tuesday, …"), and is followed by a verb. It is the
// source of "…, saying", "… and said" and "… took to Twitter to say".
func (sc *scanner) subject(si, end int) (sitrep.Span, bool) {
	d := sc.doc
	sent := d.Sentences[si]
	k := sent.First
	for k < end && (sc.is(k, wConj) || d.Tokens[k].Kind == text.Punct) {
		k++
	}
	// a fronted adverbial: "On Tuesday,", "In a statement,", "Later,", "As
	// her supporters waited in the ballroom,"
	for c := k; c < end && c < k+20; c++ {
		if sc.isComma(c) {
			if sc.is(k, wPrep|wTime|wBarrier) || sc.tags[k] == pos.RB || sc.tags[k] == pos.IN || sc.tags[k] == pos.VBG {
				k = c + 1
			}
			break
		}
	}
	j := k
	for j < end && j < k+10 {
		tg := sc.tags[j]
		if tg == pos.DT || tg == pos.PRPS || tg == pos.POS || tg == pos.CD || tg.IsAdj() || tg.IsNoun() || tg == pos.NNP ||
			tg == pos.PRP && j == k || sc.tokIs(j, ".") && j > k && sc.tags[j-1] == pos.NNP {
			if sc.inQuote(j) || sc.isMark(j) {
				break
			}
			j++
			if tg == pos.PRP {
				break
			}
			continue
		}
		break
	}
	if j == k || j >= end {
		return sitrep.Span{}, false
	}
	// the subject is followed by its verb (past adverbs)
	v := j
	for v < end && (sc.tags[v] == pos.RB || sc.tags[v] == pos.MD) {
		v++
	}
	if v >= end+1 || !sc.tags[min(v, len(sc.tags)-1)].IsVerb() && sc.tags[min(v, len(sc.tags)-1)] != pos.MD {
		return sitrep.Span{}, false
	}
	return d.Span(k, j), true
}

// skipAdverbials moves past what stands between a cue and its content:
// an addressee, adverbials of time and place ("in April", "on Korean
// Central TV"), a colon or comma. It returns the first content token.
func (sc *scanner) skipAdverbials(si, j int, e cueEntry, a *Attribution) int {
	d := sc.doc
	sent := d.Sentences[si]
	if j < sent.Last && e.addressee && !sc.is(j, wThat|wBarrier) && !sc.opensQuote(j) && d.Tokens[j].Kind != text.Punct {
		// "told lawmakers in April that": the addressee runs to a preposition,
		// "that", a clause or punctuation
		k := j
		for k < sent.Last && k < j+8 && d.Tokens[k].Kind != text.Punct && !sc.is(k, wThat) && !sc.opensQuote(k) &&
			!(sc.is(k, wPrep) && !sc.tokIs(k, "of")) && !(k > j && sc.is(k, wPronoun)) {
			k++
		}
		if k > j && k < sent.Last && k < j+8 && sc.tags[k] == pos.TO && k+1 < sent.Last && sc.tags[k+1] == pos.VB {
			// "urged [the party to ax …]": the person urged is part of
			// what is urged, and its addressee
			a.Addressee = d.Span(j, k)
		} else if k > j && k < sent.Last && k < j+8 {
			a.Addressee = d.Span(j, k)
			j = k
		} else if k > j && k == sent.Last {
			a.Addressee = d.Span(j, k)
			return k
		}
	}
	adv := j
	for n := 0; j < sent.Last && n < 3; n++ {
		if sc.is(j, wTime) && sc.isCap(j) && !sc.is(j, wClause) {
			j++
			continue
		}
		if !sc.is(j, wPrep) || sc.is(j, wThat) {
			break
		}
		if sc.tokIs(j, "to") && j+1 < sent.Last && !sc.isCap(j+1) && !sc.is(j+1, wDet) {
			break // "refused to give": the content starts at "to"
		}
		k := j + 1
		end := -1
		for k < sent.Last && k < j+9 {
			if sc.is(k, wThat) || sc.isPunct(k, ':') || sc.isComma(k) || sc.opensQuote(k) ||
				(k >= j+2 && sc.is(k, wClause|wPrep)) {
				end = k
				break
			}
			if _, ok := sc.cueAt(k); ok {
				break
			}
			k++
		}
		if end < 0 {
			break
		}
		if !sc.is(j+1, wTime) && a.Venue.End == 0 && (sc.tokIs(j, "on") || sc.tokIs(j, "in") || sc.tokIs(j, "at") || sc.tokIs(j, "to")) {
			a.Venue = d.Span(j, end)
		}
		j = end
	}
	if j > adv {
		a.Adverbial = d.Span(adv, j)
	}
	for j < sent.Last && (sc.isPunct(j, ':') || sc.isComma(j)) {
		j++
	}
	return j
}

// after returns the content that starts at token j of sentence si: a quoted
// region when one opens there, else the rest of the clause (to the end of
// the sentence, or of a quoted region that starts inside it and runs on).
func (sc *scanner) after(si, j int) sitrep.Span {
	d := sc.doc
	sent := d.Sentences[si]
	var start int
	if j < sent.Last {
		start = d.Tokens[j].Start
	} else {
		start = sent.End
	}
	for start < len(sc.s) && (sc.s[start] == ' ' || sc.s[start] == '\n' || sc.s[start] == ':') {
		start++
	}
	if r := regionAt(sc.rs, start); r >= 0 && sc.rs[r].Start == start {
		// direct: the quoted region, unless the sentence runs on past it
		rg := sc.rs[r]
		if rg.End >= sent.End || sc.onlyPunctBetween(rg.End, sent.End) {
			return sitrep.Span{Start: start, End: rg.End}
		}
	}
	if e := sc.singleQuoted(start, sent.End); e > 0 && (e >= sent.End || sc.onlyPunctBetween(e, sent.End)) {
		return sitrep.Span{Start: start, End: e}
	}
	end := sent.End
	if r := regionAt(sc.rs, end-1); r >= 0 && sc.rs[r].End > end {
		end = sc.rs[r].End
	}
	// a non-restrictive relative clause, a participial afterthought or a
	// dash ends what was said: "questioned the health of Trump, who is 70"
	for k := max(j, sent.First) + 1; k < sent.Last-1; k++ {
		t := d.Tokens[k]
		if t.Start >= end {
			break
		}
		// a dash, or a comma before a relative pronoun, outside the
		// quotations (tested last: it is a search in the regions)
		w := sc.word(k)
		stop := w == "—" || w == "--" || w == "–"
		if !stop && w == "," {
			n := sc.word(k + 1)
			stop = n == "which" || n == "who" || n == "whom"
		}
		if stop && !sc.inQuote(k) {
			end = t.Start
			break
		}
	}
	return sitrep.Span{Start: start, End: sc.trimEnd(start, end)}
}

// singleQuoted returns the end of a quotation in single marks (‘…’ or
// '…') that opens at byte start and closes before limit, 0 when there is
// none. A closing mark must not be followed by a letter (an apostrophe).
func (sc *scanner) singleQuoted(start, limit int) int {
	s := sc.s
	straight := start < len(s) && s[start] == '\''
	if !straight && !strings.HasPrefix(s[start:], "\u2018") {
		return 0
	}
	for i := start + 1; i < limit && i < len(s); i++ {
		n := 0
		if straight && s[i] == '\'' {
			n = 1
		} else if !straight && strings.HasPrefix(s[i:], "\u2019") {
			n = 3
		}
		if n == 0 {
			continue
		}
		j := i + n
		if j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			continue
		}
		return j
	}
	return 0
}

// onlyMarkBetween reports whether s[a:b] is one quotation mark and space:
// the opening mark the sentence splitter left at the end of the sentence
// before.
func (sc *scanner) onlyMarkBetween(a, b int) bool {
	if a >= b {
		return false
	}
	n, _ := markAt(sc.s, a)
	if n == 0 {
		return false
	}
	return strings.TrimSpace(sc.s[a+n:b]) == ""
}

func (sc *scanner) onlyPunctBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if b-i >= 3 && (sc.s[i:i+3] == "\u2019" || sc.s[i:i+3] == rdquo) {
			i += 2
			continue
		}
		switch sc.s[i] {
		case ' ', '.', ',', '!', '?', ';', ':', '\n', '\'', '"':
		default:
			return false
		}
	}
	return true
}

// trimEnd drops sentence-final punctuation and space outside quotes.
func (sc *scanner) trimEnd(start, end int) int {
	for end > start {
		c := sc.s[end-1]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '.' || c == ',' || c == ';' || c == ':' {
			// keep the period of "U.S." at the end
			if c == '.' && end-2 > start && sc.s[end-2] >= 'A' && sc.s[end-2] <= 'Z' && end-3 >= start && sc.s[end-3] == '.' {
				break
			}
			end--
			continue
		}
		break
	}
	return end
}

// contentBefore sets a's content to what precedes token sep (a comma or a
// closing mark before the source): the quoted region that ends there, or
// the clause from the start of the sentence.
func (sc *scanner) contentBefore(si, sep int, a *Attribution) bool {
	d := sc.doc
	sent := d.Sentences[si]
	end := d.Tokens[sep].End
	if sc.isComma(sep) {
		end = d.Tokens[sep].Start
	}
	for end > 0 && sc.s[end-1] == ' ' {
		end--
	}
	sentStart := sent.Start
	if r := regionAt(sc.rs, end-1); r >= 0 && sc.rs[r].End >= end-1 && sc.rs[r].End <= d.Tokens[sep].End {
		rg := sc.rs[r]
		if rg.Start <= sentStart || sc.onlyPunctBetween(sentStart, rg.Start) {
			a.Content = []sitrep.Span{{Start: rg.Start, End: rg.End}}
			a.Sentence = d.SentenceOf(rg.Start)
			if a.Sentence < 0 {
				a.Sentence = si
			}
			return true
		}
	}
	sp := sc.before(si, end, end)
	if sp.End <= sp.Start {
		return false
	}
	a.Content = []sitrep.Span{sp}
	return true
}

// before returns the clause from the sentence start to byte end.
func (sc *scanner) before(si, end, _ int) sitrep.Span {
	sent := sc.doc.Sentences[si]
	start := sent.Start
	// a quoted region that opened in an earlier sentence and closes here
	if r := regionAt(sc.rs, start); r >= 0 && sc.rs[r].Start < start {
		start = sc.rs[r].Start
	} else if k := sent.First; k+1 < sent.Last && sc.doc.Tokens[k].Start == start {
		// a connective that links to the previous sentence is the writer's:
		// "But [the talks failed], officials said."
		switch sc.word(k) {
		case "But", "And", "So", "Yet", "Still", "However", "Meanwhile", "Also":
			k++
			if sc.isComma(k) {
				k++
			}
			if k < sent.Last && sc.doc.Tokens[k].Start < end {
				start = sc.doc.Tokens[k].Start
			}
		}
	}
	return sitrep.Span{Start: start, End: sc.trimEnd(start, end)}
}

// continuation adds the rest of a split quote after an inverted cue:
// "“…,” he said, “…”" and "“…,” he said. “…”".
func (sc *scanner) continuation(si, j int, a *Attribution) {
	d := sc.doc
	sent := d.Sentences[si]
	if j < sent.Last && !sc.isComma(j) {
		// "“…,” he said of Trump and Ryan, “…”": a short adverbial before
		// the comma that leads to the rest of the quote
		for k := j; k < sent.Last && k < j+8; k++ {
			if sc.isMark(k) || sc.isPunct(k, '.') || sc.opensQuote(k) {
				break
			}
			if sc.isComma(k) {
				if k+1 < sent.Last && sc.opensQuote(k+1) {
					j = k
				}
				break
			}
		}
	}
	if j < sent.Last && sc.isComma(j) {
		k := j + 1
		if k < sent.Last && sc.fragmentAfter(a, k) {
			sp := sc.after(si, k)
			if sp.End > sp.Start {
				a.Content = append(a.Content, sp)
				return
			}
		}
	}
	// the next sentence of the same paragraph is a quote that has no cue;
	// then whole paragraphs that are quotes, the same speaker going on
	if len(a.Content) == 0 || regionAt(sc.rs, a.Content[0].Start) < 0 {
		return
	}
	cur := si
	for n := 0; n < 4 && cur+1 < len(d.Sentences); n++ {
		next := d.Sentences[cur+1]
		here := d.Sentences[cur]
		r := regionAt(sc.rs, next.Start)
		if r < 0 || sc.rs[r].Start != next.Start && !sc.onlyMarkBetween(sc.rs[r].Start, next.Start) {
			return
		}
		// the quote must run to the end of its last sentence
		last := d.SentenceOf(sc.rs[r].End - 1)
		if last < 0 || !sc.onlyPunctBetween(sc.rs[r].End, d.Sentences[last].End) {
			return
		}
		if next.Paragraph != here.Paragraph {
			// a new paragraph: only after a paragraph that ended with the
			// content, and only a paragraph that is all quote
			p := d.Paragraphs[here.Paragraph]
			if next.Paragraph != here.Paragraph+1 || !sc.onlyPunctBetween(a.Content[len(a.Content)-1].End, p.End) && !sc.onlyPunctBetween(here.End, p.End) ||
				d.Sentences[last].Paragraph != next.Paragraph || !sc.onlyPunctBetween(sc.rs[r].End, d.Paragraphs[next.Paragraph].End) {
				return
			}
			if cur != si && a.Content[len(a.Content)-1].End < here.End-3 {
				return
			}
		}
		a.Content = append(a.Content, sitrep.Span{Start: sc.rs[r].Start, End: sc.rs[r].End})
		cur = last
	}
}

// apposition reports whether token k, after a comma that follows a name,
// opens an apposition that PolNeAR counts as part of the source: a noun
// phrase or a relative clause ("Robert Klein, chairman of …", "Griffin, an
// Obama backer"), not an age, an adverbial or a participle ("Ramos, 58,",
// "Clinton, clearly frustrated,", "Trump, in Kentucky,").
func (sc *scanner) apposition(k int) bool {
	if k >= len(sc.tags) {
		return false
	}
	switch sc.tags[k] {
	case pos.DT, pos.PRPS, pos.JJ, pos.JJS, pos.NN, pos.NNS, pos.NNP, pos.NNPS, pos.WP, pos.WPS:
		return !sc.is(k, wTime)
	}
	return false
}

// fragmentAfter reports whether the clause at token k, after the comma that
// follows an inverted cue, continues a's content: "“…,” he said, “…”",
// "…, he said, is different".
func (sc *scanner) fragmentAfter(a *Attribution, k int) bool {
	direct := regionAt(sc.rs, a.Content[0].Start) >= 0 && sc.rs[regionAt(sc.rs, a.Content[0].Start)].Start == a.Content[0].Start
	if direct && sc.opensQuote(k) {
		return true // “…,” he said, “and …”
	}
	if _, ok := sc.cueAt(k); ok {
		return false
	}
	if sc.word(k) == "according" || sc.is(k, wRel|wBarrier|wConj) {
		return false
	}
	return !(direct && !sc.opensQuote(k) || !direct && !sc.isLowerWord(k) && !sc.opensQuote(k))
}

// finish marks nested attributions and sets kinds, and cuts content that
// runs into the next attribution's clause in the same sentence.
func (sc *scanner) finish(as []Attribution) {
	for i := range as {
		a := &as[i]
		if a.shape == shapeSCT || a.shape == shapeGerund || (a.shape == shapeAccording && len(a.Content) == 1 && a.Content[0].Start > a.Cue.Start) {
			for j := i + 1; j < len(as); j++ {
				b := &as[j]
				if b.Cue.Start >= a.Content[len(a.Content)-1].End {
					break
				}
				if b.cueTok <= a.cueTok {
					continue
				}
				if b.shape == shapeColon {
					continue
				}
				last := &a.Content[len(a.Content)-1]
				if b.left <= last.Start || b.left >= last.End {
					continue
				}
				if r := regionAt(sc.rs, b.left); r >= 0 && sc.rs[r].Start < b.left {
					continue // inside a quote: not a clause boundary
				}
				cut := b.left
				if b.shape == shapeSCT {
					// "X said A and said B", "…, after half said so": a clause of
					// its own; "X said that Y told Z …": nested
					t := sc.doc.TokenAt(b.left)
					p := t - 1
					if p < 0 || sc.doc.Tokens[p].End <= last.Start {
						break
					}
					switch sc.word(p) {
					case ",", "and", "but", "or", "after", "because", "while", "when", "as", "although", "though", "before", "since", "yet", "so", ";":
					default:
						p = -1 // nested, or not a clause boundary
					}
					if p >= 0 && b.Stance {
						p = -1
					}
					if p < 0 {
						continue
					}
					cut = sc.doc.Tokens[p].Start
				}
				last.End = sc.trimEnd(last.Start, cut)
				break
			}
		}
	}
	for i := range as {
		a := &as[i]
		// attributions are in cue order, and content that holds a cue has
		// its own cue close by
		for j := max(0, i-12); j < len(as) && j <= i+12; j++ {
			if i == j {
				continue
			}
			for _, c := range as[j].Content {
				if a.Cue.In(c) && !(as[j].Cue.In(as[i].Hull())) {
					a.Nested = true
				}
			}
		}
		a.Kind = sc.kind(a)
		if a.inner {
			a.Kind = sc.innerKind(a)
		}
		a.clause = sc.clausal(a)
	}
}

// lower appends w lower-cased to buf, as strings.ToLower lower-cases it,
// without allocating when w is ASCII and fits buf: the callers compare
// string(lower(…)) in a switch, which does not copy it.
func lower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// clausal reports whether a's content is what a reader expects of speech or
// a claim: a quotation, a that-clause, a question clause, an infinitive, or
// a clause with its own finite verb. "announced new measures" and "doesn't
// show willingness" have a noun phrase as content and are not.
func (sc *scanner) clausal(a *Attribution) bool {
	switch a.shape {
	case shapeSCT, shapeGerund:
	case shapePassive:
		return false
	default:
		return true
	}
	if len(a.Content) == 0 {
		return false
	}
	if len(a.Content) > 1 || a.Kind != sitrep.QuoteIndirect && !a.inner {
		return true
	}
	c := a.Content[0]
	if n, _ := markAt(sc.s, c.Start); n > 0 || sc.singleQuoted(c.Start, c.End+1) > 0 {
		return true
	}
	d := sc.doc
	k := d.TokenAt(c.Start)
	if k >= len(d.Tokens) {
		return false
	}
	if k > 0 && sc.isPunct(k-1, ':') {
		return true
	}
	var buf [32]byte
	switch string(lower(buf[:0], sc.word(k))) {
	case "that", "whether", "if", "how", "why", "what", "when", "where", "who", "which":
		return true
	}
	if sc.tags[k] == pos.TO {
		return true
	}
	for j := k; j < len(d.Tokens) && d.Tokens[j].Start < c.End && j < k+15; j++ {
		switch sc.tags[j] {
		case pos.VBD, pos.VBZ, pos.VBP, pos.MD:
			return j > k
		}
		if d.Tokens[j].Kind == text.Punct && !sc.isMark(j) {
			if w := sc.word(j); w != "'s" && w != "’s" && w != "-" && w != "." {
				return false
			}
		}
		switch string(lower(buf[:0], sc.word(j))) {
		case "if", "when", "because", "before", "after", "while", "unless", "until", "which", "who", "since", "although", "though":
			return false
		}
	}
	return false
}

// kind classifies an attribution: direct when every fragment is a quoted
// region, mixed when some quoted region lies inside the content, indirect
// otherwise.
func (sc *scanner) kind(a *Attribution) string {
	direct, quoted := true, false
	for _, c := range a.Content {
		r := regionAt(sc.rs, c.Start)
		if r >= 0 && sc.rs[r].Start == c.Start && sc.rs[r].End >= c.End-1 {
			quoted = true
			continue
		}
		direct = false
		// the first region ending after the fragment's start
		lo, hi := 0, len(sc.rs)
		for lo < hi {
			m := (lo + hi) / 2
			if sc.rs[m].End <= c.Start {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(sc.rs) && sc.rs[lo].Start < c.End {
			quoted = true
		}
	}
	switch {
	case direct:
		return sitrep.QuoteDirect
	case quoted:
		return sitrep.QuoteMixed
	}
	return sitrep.QuoteIndirect
}
