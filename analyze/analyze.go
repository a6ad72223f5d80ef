// Package analyze runs sitrep's NLP stages over one document and assembles
// their output into a sitrep.Analysis: segmentation, the document creation
// time, timexes, entities, attributions, figures, events and their temporal
// anchoring, and modality.
//
// An Analyzer holds the loaded models and lexicons, is safe for concurrent
// use, and is cheap to share between workers: build one with New and call
// Analyze from as many goroutines as there are cores.
package analyze

import (
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// Analyzer runs the pipeline. The zero value is not usable; call New.
type Analyzer struct {
	stages stages
}

// New loads every model and lexicon the pipeline needs. Loading happens once;
// the Analyzer is then read-only.
func New() *Analyzer {
	return &Analyzer{stages: loadStages()}
}

// Analyze annotates doc. doc.Text must already be validated text (see
// package extract). When doc.DCT is set (with doc.DCTSource, usually
// sitrep.DCTFlag) it is used as given; otherwise the DCT comes from
// doc.Published (metadata), else from the dates the text mentions, else it is
// unknown and relative dates stay underspecified.
//
// Analyze never fails on text: extractors return fewer results rather than
// errors. The returned error is for a malformed doc.DCT.
func (a *Analyzer) Analyze(doc sitrep.Document) (*sitrep.Analysis, error) {
	if doc.Hash == "" || doc.ID == "" {
		doc.Hash = sitrep.ContentHash(doc.Text)
		if doc.ID == "" {
			doc.ID = sitrep.IDOfHash(doc.Hash)
		}
	}
	if doc.Format == "" {
		doc.Format = sitrep.FormatText
	}
	// The segmented document is scratch: the analysis keeps copies of its
	// spans, so its arrays go back to the pool for the next document.
	d := a.stages.docs.Get().(*text.Doc)
	defer a.stages.docs.Put(d)
	text.SegmentInto(d, doc.Text)
	if doc.Title == "" {
		doc.Title = leadHeading(d)
	}
	dct, err := resolveDCT(&doc)
	if err != nil {
		return nil, err
	}
	an := &sitrep.Analysis{Document: doc}
	var free dctFree
	a.stages.run(d, dct, an, &free)
	if dct.IsZero() {
		if inferred, ok := a.stages.inferDCT(an); ok {
			an.Document.DCT = inferred.Format(time.DateOnly)
			an.Document.DCTSource = sitrep.DCTText
			// Rerun the time-dependent stages with the inferred DCT.
			*an = sitrep.Analysis{ID: an.ID, Document: an.Document}
			// The tags and entities do not depend on it: they are reused.
			a.stages.run(d, inferred, an, &free)
		} else {
			an.Document.DCTSource = sitrep.DCTNone
		}
	}
	structure(d, an)
	return an, nil
}

// ParseDate parses a user-supplied date (YYYY-MM-DD). It returns a
// sitrep.Error naming input on failure.
func ParseDate(input, s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, sitrep.Errorf(sitrep.EINVALID, input, "malformed date %q: want YYYY-MM-DD, e.g. 2025-09-01", s)
	}
	return t, nil
}

// resolveDCT fixes doc.DCT and doc.DCTSource from the flag or the metadata
// and returns the DCT, or the zero time when it must be inferred.
func resolveDCT(doc *sitrep.Document) (time.Time, error) {
	if doc.DCT != "" {
		t, err := ParseDate("date", doc.DCT)
		if err != nil {
			return time.Time{}, err
		}
		if doc.DCTSource == "" {
			doc.DCTSource = sitrep.DCTFlag
		}
		return t, nil
	}
	if len(doc.Published) >= 10 {
		if t, err := time.Parse(time.DateOnly, doc.Published[:10]); err == nil {
			doc.DCT = doc.Published[:10]
			doc.DCTSource = sitrep.DCTMetadata
			return t, nil
		}
	}
	return time.Time{}, nil
}

// leadHeading returns the document's first heading when it comes before
// any text (site chrome aside): the headline of a plain-text article.
func leadHeading(d *text.Doc) string {
	for _, p := range d.Paragraphs {
		switch p.Kind {
		case sitrep.ParagraphChrome:
			continue
		case sitrep.ParagraphHeading:
			for _, s := range d.Sentences {
				if s.Start >= p.Start && s.End <= p.End {
					return d.Text[s.Start:s.End]
				}
			}
		}
		return ""
	}
	return ""
}

// structure copies the scanner's paragraphs, sections and sentences into an.
func structure(d *text.Doc, an *sitrep.Analysis) {
	an.Paragraphs = make([]sitrep.Paragraph, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		an.Paragraphs[i] = sitrep.Paragraph{Start: p.Start, End: p.End, Kind: p.Kind}
	}
	an.Sentences = make([]sitrep.Sentence, len(d.Sentences))
	for i, s := range d.Sentences {
		an.Sentences[i] = sitrep.Sentence{Start: s.Start, End: s.End, Paragraph: s.Paragraph, Heading: s.Heading}
	}
	an.Sections = an.Sections[:0]
	cur := -1
	for _, p := range d.Paragraphs {
		if p.Kind == sitrep.ParagraphChrome {
			continue
		}
		if p.Kind == sitrep.ParagraphHeading {
			// The heading's sentence holds its text without markup.
			h := sitrep.Span{Start: p.Start, End: p.End}
			if si := d.SentenceOf(p.Start); si >= 0 {
				h = sitrep.Span{Start: d.Sentences[si].Start, End: d.Sentences[si].End}
			} else {
				for _, s := range d.Sentences {
					if s.Heading && s.Start >= p.Start && s.End <= p.End {
						h = sitrep.Span{Start: s.Start, End: s.End}
						break
					}
				}
			}
			an.Sections = append(an.Sections, sitrep.Section{Start: p.Start, End: p.End, Heading: sitrep.NewTextSpan(d.Text, h)})
			cur = len(an.Sections) - 1
			continue
		}
		if cur < 0 {
			an.Sections = append(an.Sections, sitrep.Section{Start: p.Start, End: p.End})
			cur = 0
		}
		an.Sections[cur].End = p.End
	}
	if an.Sections == nil {
		an.Sections = []sitrep.Section{}
	}
}
