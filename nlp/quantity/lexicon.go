package quantity

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/text"
)

//go:embed units.txt
var unitsTxt string

//go:embed currency.txt
var currencyTxt string

//go:embed measures.txt
var measuresTxt string

//go:embed subjects.txt
var subjectsTxt string

// entry is one lexicon line: what a phrase stands for.
type entry struct {
	a, b string // units: unit, category; currency: code, place; measures: unit, dimension
}

type lexicons struct {
	units, currency, measures, subjects *phraseDict
	maxWords                            int
	preLast                             *text.WordMap[bool] // last tokens of currency forms written before numbers
}

var (
	lexOnce sync.Once
	lexData *lexicons
)

func lex3() *lexicons {
	lexOnce.Do(func() {
		l := &lexicons{}
		l.units = parseLexicon(unitsTxt, &l.maxWords)
		l.currency = parseLexicon(currencyTxt, &l.maxWords)
		l.measures = parseLexicon(measuresTxt, &l.maxWords)
		l.subjects = parseLexicon(subjectsTxt, &l.maxWords)
		preLast := map[string]bool{}
		for form, e := range l.currency.m {
			if e.b == "post" {
				continue
			}
			last := form
			if k := strings.LastIndexAny(form, " .$"); k >= 0 && k < len(form)-1 {
				last = form[k+1:]
			} else if strings.HasSuffix(form, "$") {
				last = "$"
			}
			preLast[last] = true
		}
		l.preLast = text.NewWordMap(preLast)
		lexData = l
	})
	return lexData
}

// is returns m[w]: whether w is in the set m.
func is(m *text.WordMap[bool], w string) bool { v, _ := m.Get(w); return v }

// lowerIn looks up strings.ToLower(w) in m, without lower-casing into a
// new string when w is ASCII.
func lowerIn[V any](m *text.WordMap[V], w string) (V, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return m.Get(strings.ToLower(w))
		}
	}
	return m.GetFold(w)
}

// phraseDict is a lexicon of phrases. m holds the phrases; pre holds every
// byte prefix of a phrase, with the index in entries of the phrase it is
// (-1 for a prefix only), so that phraseAt stops at the first token that
// leads nowhere.
type phraseDict struct {
	m       map[string]entry
	pre     *text.WordMap[int32]
	entries []entry
}

func newPhraseDict(m map[string]entry) *phraseDict {
	d := &phraseDict{m: m}
	pre := map[string]int32{}
	for k, e := range m {
		for n := 1; n < len(k); n++ {
			if _, ok := pre[k[:n]]; !ok {
				pre[k[:n]] = -1
			}
		}
		pre[k] = int32(len(d.entries))
		d.entries = append(d.entries, e)
	}
	d.pre = text.NewWordMap(pre)
	return d
}

func parseLexicon(txt string, maxWords *int) *phraseDict {
	m := map[string]entry{}
	for _, line := range strings.Split(txt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		m[f[0]] = entry{f[1], f[2]}
		if n := len(strings.Fields(f[0])) + strings.Count(f[0], ".") + strings.Count(f[0], "$") + strings.Count(f[0], "/")*2; n > *maxWords {
			*maxWords = n
		}
	}
	return newPhraseDict(m)
}

// phraseAt finds the longest phrase of dict starting at token k; tokens
// join with a space when spaced in the text and directly when adjacent.
// It returns the entry and the token after the phrase.
func (sc *Scanner) phraseAt(k int, dict *phraseDict, maxToks int) (entry, int, bool) {
	var buf [64]byte
	key := buf[:0]
	var best entry
	bestEnd := -1
	for m := k; m < len(sc.toks) && m < k+maxToks; m++ {
		if m > k {
			if !sc.near(m-1, m) {
				break
			}
			if !sc.adjacent(m-1, m) {
				key = append(key, ' ')
			}
		}
		t := sc.tokText(m)
		if len(key)+len(t) > len(buf) {
			break
		}
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			key = append(key, c)
		}
		p, ok := dict.pre.GetBytes(key)
		if !ok {
			break // no phrase starts with key
		}
		if p >= 0 {
			best, bestEnd = dict.entries[p], m+1
		}
	}
	return best, bestEnd, bestEnd > 0
}

// phraseBefore finds the longest phrase of dict ending at token k-1.
func (sc *Scanner) phraseBefore(k int, dict *phraseDict, maxToks int) (entry, int, bool) {
	for first := k - maxToks; first < k; first++ {
		if first < 0 {
			continue
		}
		if e, end, ok := sc.phraseAt(first, dict, k-first); ok && end == k {
			return e, first, true
		}
	}
	return entry{}, 0, false
}
