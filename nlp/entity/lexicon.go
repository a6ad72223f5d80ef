package entity

import (
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/gazetteer"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// lexicon gives the tagger its gazetteer features and the recogniser its
// types, links and titles.
type lexicon struct {
	g     *gazetteer.Gazetteer
	names *wordLex
}

func defaultLexicon() *lexicon { return newLexicon(gazetteer.Default()) }

func newLexicon(g *gazetteer.Gazetteer) *lexicon {
	return &lexicon{g: g, names: wordLexicon()}
}

// Gazetteer classes for tagger features; each sets one of four position
// bits (B, I, L, U) per class in tokInfo.gaz.
const (
	gzCountry = iota
	gzPlace
	gzDemonym
	gzOrg
	gzLoc
	gzEvent
	gzMetonym
	gzTitle
	gzFirstName // single-token marks (U only)
	gzNamePart
)

func gazClass(e gazetteer.Entry) int {
	switch {
	case e.Kind == sitrep.MentionMetonym:
		return gzMetonym
	case e.Kind == sitrep.MentionDemonym || e.Type == sitrep.EntityNORP:
		return gzDemonym
	}
	switch e.Type {
	case sitrep.EntityGPE:
		if isCountryKB(e.KB) {
			return gzCountry
		}
		return gzPlace
	case sitrep.EntityOrg:
		return gzOrg
	case sitrep.EntityLoc, sitrep.EntityFac:
		return gzLoc
	case sitrep.EntityEvent:
		return gzEvent
	}
	return -1
}

// isCountryKB reports whether kb is an ISO 3166 alpha-3 code.
func isCountryKB(kb string) bool {
	if len(kb) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if kb[i] < 'A' || kb[i] > 'Z' {
			return false
		}
	}
	return true
}

func mark(infos []tokInfo, i, n, class int) {
	base := uint64(class * 4)
	if n == 1 {
		infos[i].gaz |= 1 << (base + posU)
		return
	}
	infos[i].gaz |= 1 << (base + posB)
	for k := i + 1; k < i+n-1; k++ {
		infos[k].gaz |= 1 << (base + posI)
	}
	infos[i+n-1].gaz |= 1 << (base + posL)
}

// marks sets the gazetteer marks of tokens [first, last): every alias
// starting at any capitalised token (longest match), by the classes of the
// entities it can name, and every title.
func (l *lexicon) marks(doc *text.Doc, first, last int, infos []tokInfo) {
	if l == nil {
		return
	}
	for i := first; i < last; i++ {
		ti := &infos[i]
		if ti.anyUpper {
			if id := l.names.id(ti.lw); id >= 0 {
				w := &l.names.words[id]
				ti.wctx = int32(id + 1)
				ti.prior = w.flags >> capsShift
				if ti.caps && w.flags&nameFirst != 0 {
					mark(infos, i, 1, gzFirstName)
				}
				if ti.caps && w.flags&namePart != 0 {
					mark(infos, i, 1, gzNamePart)
				}
			}
		}
		if l.g == nil {
			continue
		}
		if ti.letters && !ti.lower {
			if n, es := l.g.Longest(doc, i, last); n > 0 {
				seen := 0
				for _, e := range es {
					if c := gazClass(e); c >= 0 && seen&(1<<c) == 0 {
						seen |= 1 << c
						mark(infos, i, n, c)
					}
				}
			}
		}
		// titles matter next to names: at a capital or just before one
		if ti.letters && (ti.anyUpper || i+1 < last && infos[i+1].caps) {
			if n, _ := l.g.Title(doc, i, last); n > 0 && !strings.EqualFold(doc.Tok(i+n-1), "of") {
				mark(infos, i, n, gzTitle)
			}
		}
	}
}
