// Package polnear reads the PolNeAR attribution corpus (JSONL export, one
// line per annotation file) and scores predicted attributions against it.
//
// Offsets in the corpus are Unicode code points; Load converts them to byte
// offsets into the text. A role span (source, cue or content) may be
// discontinuous: it is a list of fragments.
//
// Matching, per document and per role (content, source, cue):
//   - Spans are fragment lists. Predicted spans of a role that are
//     identical are counted once (two quotes may share a source).
//   - Fragments are trimmed of spaces and line breaks at both ends first,
//     and fragments separated only by white space are merged (PolNeAR often
//     stores a multi-sentence content as one fragment per sentence).
//   - Overlap: a predicted span matches a gold span of the same role when
//     some fragment of one shares at least one byte with some fragment of
//     the other. Matching is one-to-one:
//     predictions are taken in text order, each takes the unmatched gold
//     span it overlaps most (in bytes), and each gold span is matched at
//     most once.
//   - Exact: a predicted span matches a gold span when their (trimmed)
//     fragment lists are equal (also one-to-one).
//   - Precision = matched predictions / predictions, recall = matched gold /
//     gold, F1 their harmonic mean; counts are summed over documents
//     (micro-average).
//
// Gold attributions with no source contribute no source span; the same for
// cue and content.
package polnear

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

// Roles, in report order.
var Roles = []string{"content", "source", "cue"}

// Span is a possibly discontinuous span: byte-offset fragments in order.
type Span []sitrep.Span

// Attribution is one gold or predicted attribution; a role with no span is
// nil.
type Attribution struct {
	Content, Source, Cue Span
}

// Role returns the span of the named role.
func (a Attribution) Role(r string) Span {
	switch r {
	case "content":
		return a.Content
	case "source":
		return a.Source
	}
	return a.Cue
}

// Doc is one annotated article.
type Doc struct {
	ID           string
	Annotator    string
	Text         string
	Attributions []Attribution
}

type jsonSpan struct {
	Fragments [][2]int `json:"fragments"`
	Text      string   `json:"text"`
}

type jsonLine struct {
	ID           string `json:"id"`
	Annotator    string `json:"annotator"`
	Text         string `json:"text"`
	Attributions []struct {
		Source  *jsonSpan `json:"source"`
		Cue     *jsonSpan `json:"cue"`
		Content *jsonSpan `json:"content"`
	} `json:"attributions"`
}

// Load reads a PolNeAR JSONL file. With allAnnotators false, only the first
// annotation of each article is kept (articles annotated twice would
// otherwise count twice).
func Load(path string, allAnnotators bool) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, path, "cannot open: %v", err)
	}
	defer f.Close()
	return Read(f, path, allAnnotators)
}

// Read is Load over a reader; name is used in errors.
func Read(r io.Reader, name string, allAnnotators bool) ([]Doc, error) {
	var docs []Doc
	seen := map[string]bool{}
	br := bufio.NewReader(r)
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			line++
			var jl jsonLine
			if e := json.Unmarshal(b, &jl); e != nil {
				return nil, sitrep.Errorf(sitrep.EINVALID, fmt.Sprintf("%s:%d", name, line), "bad JSON: %v", e)
			}
			if allAnnotators || !seen[jl.ID] {
				seen[jl.ID] = true
				docs = append(docs, convert(jl))
			}
		} else if err == nil {
			line++
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	return docs, nil
}

func convert(jl jsonLine) Doc {
	// code point index -> byte offset
	cp := make([]int, 0, len(jl.Text)+1)
	for i := range jl.Text {
		cp = append(cp, i)
	}
	cp = append(cp, len(jl.Text))
	conv := func(js *jsonSpan) Span {
		if js == nil || len(js.Fragments) == 0 {
			return nil
		}
		var out Span
		for _, f := range js.Fragments {
			s, e := f[0], f[1]
			if s < 0 || e > len(cp)-1 || s > e {
				continue
			}
			out = append(out, sitrep.Span{Start: cp[s], End: cp[e]})
		}
		return out
	}
	d := Doc{ID: jl.ID, Annotator: jl.Annotator, Text: jl.Text}
	for _, a := range jl.Attributions {
		d.Attributions = append(d.Attributions, Attribution{Content: conv(a.Content), Source: conv(a.Source), Cue: conv(a.Cue)})
	}
	return d
}

// Counts are the matching counts of one role.
type Counts struct {
	Pred, Gold, MatchedPred, MatchedGold int
}

// P, R and F1 of the counts.
func (c Counts) P() float64  { return ratio(c.MatchedPred, c.Pred) }
func (c Counts) R() float64  { return ratio(c.MatchedGold, c.Gold) }
func (c Counts) F1() float64 { p, r := c.P(), c.R(); return ratio2(2*p*r, p+r) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ratio2(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Score holds the counts of every role, by overlap and by exact boundaries.
type Score struct {
	Overlap, Exact map[string]*Counts
}

// NewScore returns an empty score.
func NewScore() *Score {
	s := &Score{Overlap: map[string]*Counts{}, Exact: map[string]*Counts{}}
	for _, r := range Roles {
		s.Overlap[r] = &Counts{}
		s.Exact[r] = &Counts{}
	}
	return s
}

// Miss is a gold span no prediction overlapped, or a prediction that
// overlapped no gold span.
type Miss struct {
	Role  string
	Span  Span
	False bool // a false positive rather than a missed gold span
}

// Add scores one document's predictions and returns the overlap misses.
func (s *Score) Add(text string, gold, pred []Attribution) []Miss {
	var misses []Miss
	for _, r := range Roles {
		g := spans(text, gold, r)
		p := spans(text, pred, r)
		o := s.Overlap[r]
		mg, mp := match(text, g, p, false)
		o.Pred += len(p)
		o.Gold += len(g)
		for i, ok := range mp {
			if ok {
				o.MatchedPred++
			} else {
				misses = append(misses, Miss{Role: r, Span: p[i], False: true})
			}
		}
		for i, ok := range mg {
			if ok {
				o.MatchedGold++
			} else {
				misses = append(misses, Miss{Role: r, Span: g[i]})
			}
		}
		e := s.Exact[r]
		mg, mp = match(text, g, p, true)
		e.Pred += len(p)
		e.Gold += len(g)
		e.MatchedPred += count(mp)
		e.MatchedGold += count(mg)
	}
	return misses
}

func count(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// spans collects the role's spans, trimmed, deduplicated, in text order.
func spans(text string, as []Attribution, role string) []Span {
	var out []Span
	seen := map[string]bool{}
	for _, a := range as {
		sp := trim(text, a.Role(role))
		if len(sp) == 0 {
			continue
		}
		k := fmt.Sprint(sp)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, sp)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][0].Start < out[j][0].Start })
	return out
}

func trim(text string, sp Span) Span {
	var out Span
	for _, f := range sp {
		if !f.Valid(len(text)) {
			continue
		}
		for f.Start < f.End && isSpace(text[f.Start]) {
			f.Start++
		}
		for f.End > f.Start && isSpace(text[f.End-1]) {
			f.End--
		}
		if f.End <= f.Start {
			continue
		}
		// fragments split only by white space are one: PolNeAR's content
		// often comes as one fragment per sentence
		if n := len(out); n > 0 && out[n-1].End <= f.Start && onlySpace(text[out[n-1].End:f.Start]) {
			out[n-1].End = f.End
			continue
		}
		out = append(out, f)
	}
	return out
}

func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func overlap(a, b Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func equal(a, b Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// match pairs predictions with gold spans one-to-one.
func match(text string, gold, pred []Span, exact bool) (mg, mp []bool) {
	mg = make([]bool, len(gold))
	mp = make([]bool, len(pred))
	for i, p := range pred {
		best, bestN := -1, 0
		for j, g := range gold {
			if mg[j] {
				continue
			}
			if exact {
				if equal(p, g) {
					best = j
					break
				}
				continue
			}
			if n := overlap(p, g); n > bestN {
				best, bestN = j, n
			}
		}
		if best >= 0 {
			mg[best] = true
			mp[i] = true
		}
	}
	return mg, mp
}

// Snippet renders a span with some context for error listings.
func Snippet(text string, sp Span, ctx int) string {
	if len(sp) == 0 {
		return ""
	}
	lo := max(0, sp[0].Start-ctx)
	hi := min(len(text), sp[len(sp)-1].End+ctx)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	for _, f := range sp {
		hi = max(hi, f.End)
	}
	var b strings.Builder
	p := lo
	for _, f := range sp {
		if f.Start < p {
			continue
		}
		b.WriteString(text[p:f.Start])
		b.WriteString("[[")
		b.WriteString(text[f.Start:f.End])
		b.WriteString("]]")
		p = f.End
	}
	b.WriteString(text[p:hi])
	return strings.ReplaceAll(b.String(), "\n", "⏎")
}
