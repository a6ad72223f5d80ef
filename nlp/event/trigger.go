package event

import (
	"bytes"
	_ "embed"
	"sync"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/pos"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Classes are the TimeML event classes, in label order (label 0 is "no
// event").
var Classes = [...]string{"", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"}

const numLabels = len(Classes)

// classLabel returns the label of a TimeML class, 1 (OCCURRENCE) when unknown.
func classLabel(c string) int {
	for i, n := range Classes {
		if i > 0 && n == c {
			return i
		}
	}
	return 1
}

//go:embed trigger.bin.gz
var embeddedTrigger []byte

var defaultDetector = sync.OnceValue(func() *Detector {
	d, err := LoadDetector(bytes.NewReader(embeddedTrigger))
	if err != nil {
		panic("event: embedded trigger model: " + err.Error())
	}
	return d
})

// DefaultDetector returns the embedded trigger detector, trained on the
// EVENT tags of TimeBank and AQUAINT (TBAQ-cleaned).
func DefaultDetector() *Detector { return defaultDetector() }

// Trigger is a detected event trigger: one token.
type Trigger struct {
	Token int // index into doc.Tokens
	Span  sitrep.Span
	Class string // TimeML class
	Lemma string
}

// candidate reports whether a token with this tag can be an event trigger.
// In TBAQ 99.4% of EVENTs are verbs, common nouns or adjectives (the rest
// are prepositions, proper nouns and adverbs, at under 0.3% of their
// occurrences); skipping every other token keeps detection fast.
func candidate(t pos.Tag) bool {
	return t.IsVerb() || t == pos.NN || t == pos.NNS || t.IsAdj()
}

// Detect returns the event triggers of doc, given one tag per token, in
// text order.
func (d *Detector) Detect(doc *text.Doc, tags []pos.Tag) []Trigger {
	// (an extractor for its score cache and sentence buffers only)
	x := d.take()
	defer d.release(x)
	return d.detect(doc, tags, &x.ctx, make([]Trigger, 0, len(doc.Tokens)/8+1))
}

// detect appends the triggers of doc to out, using ctx's buffers.
func (d *Detector) detect(doc *text.Doc, tags []pos.Tag, ctx *sentCtx, out []Trigger) []Trigger {
	if ctx.cache == nil {
		ctx.cache = new(scoreCache)
	}
	ctx.init(doc, tags)
	ctx.unflagged = ctx.unflagged[:0]
	cs := ctx.cands[:0]
	for _, s := range doc.Sentences {
		ctx.at(s.First, s.Last)
		for i := s.First; i < s.Last; i++ {
			// (singular nouns and adjectives skipped before their entry
			// is read, see quickSkip)
			if candidate(tags[i]) && doc.Tokens[i].Kind == text.Word && !(ctx.typedOnly && ctx.quickSkip(i)) {
				cs = append(cs, cand{int32(i), int32(s.First), int32(s.Last)})
			}
		}
	}
	out = d.score(ctx, cs, out)
	ctx.cands = cs[:0]
	return out
}
