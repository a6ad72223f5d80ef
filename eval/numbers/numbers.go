// Package numbers scores sitrep's number recognition (nlp/quantity) on the
// Microsoft Recognizers-Text English specs and the quantulum3 test set
// kept in shared/eval/numbers.
//
// Matching. Each spec case is one input sentence with its gold results.
// Gold Start/End are inclusive character (code point) offsets; they are
// turned into half-open code-point ranges and predicted byte offsets are
// converted to the same unit. A prediction is
//
//   - a span match when its range equals a gold range exactly, and
//   - a full match (TP) when it is a span match and its value is equal:
//     numbers, percents, currency amounts and dimensions compare their
//     numeric value with a relative tolerance of 1e-9; ranges compare
//     both bounds and whether each is inclusive ("[20,30)").
//
// Each gold result matches at most one prediction. Precision is TP/predicted,
// recall TP/gold, F1 their harmonic mean; SpanF1 uses span matches instead
// of TP, and ValueAcc is TP over span matches. Cases marked NotSupported or
// NotSupportedByDesign (platforms where the reference implementation fails)
// are gold like any other.
//
// What each model file is scored against:
//
//	NumberModel      Scanner.Scan in loose mode, ordinals and numbers with glued letters left out
//	NumberRangeModel Scanner.Ranges (one- and two-sided ranges)
//	PercentModel     Scanner.Percents
//	OrdinalModel     Scanner.Scan with ordinals, Kind Ordinal only (relative ordinals are not recognised)
//	CurrencyModel    Scanner.Money
//	DimensionModel   Scanner.Measures, durations left out
//
// quantulum3 has no offsets; every number is predicted, widened to the
// unit of measure, currency or percent sign around it; a two-number range
// is one prediction valued at its midpoint (quantulum3's convention), and a
// number glued to a word before it ("L2", "OAO-1") is a name, not
// predicted. A prediction matches a gold quantity when its surface text is
// equal (and, for TP, its value).
package numbers

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep/nlp/quantity"
)

// Case is one spec case.
type Case struct {
	Input                string   `json:"Input"`
	Results              []Result `json:"Results"`
	NotSupported         string   `json:"NotSupported"`
	NotSupportedByDesign string   `json:"NotSupportedByDesign"`
}

// Result is one gold result of a spec case.
type Result struct {
	Text       string         `json:"Text"`
	TypeName   string         `json:"TypeName"`
	Resolution map[string]any `json:"Resolution"`
	Start      int            `json:"Start"`
	End        int            `json:"End"`
}

// Score is the tally for one file.
type Score struct {
	Name              string
	Cases, Gold, Pred int
	SpanTP, TP        int
	Misses            []string // cases with a wrong or missing prediction
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) P() float64      { return ratio(s.TP, s.Pred) }
func (s Score) R() float64      { return ratio(s.TP, s.Gold) }
func (s Score) F1() float64     { return f1(s.P(), s.R()) }
func (s Score) SpanF1() float64 { return f1(ratio(s.SpanTP, s.Pred), ratio(s.SpanTP, s.Gold)) }
func (s Score) ValueAcc() float64 {
	return ratio(s.TP, s.SpanTP)
}

// item is one gold or predicted annotation in code points.
type item struct {
	start, end int // code points, half-open
	val        float64
	lo, hi     float64 // ranges
	hasLo      bool
	hasHi      bool
	loIn, hiIn bool
	isRange    bool
	surface    string
}

func (a item) valueEq(b item) bool {
	if a.isRange || b.isRange {
		return a.hasLo == b.hasLo && a.hasHi == b.hasHi && (!a.hasLo || feq(a.lo, b.lo) && a.loIn == b.loIn) && (!a.hasHi || feq(a.hi, b.hi) && a.hiIn == b.hiIn)
	}
	return feq(a.val, b.val)
}

func feq(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return false
	}
	d := math.Abs(a - b)
	return d <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// cp converts byte offset off in s to a code-point offset.
func cp(s string, off int) int { return utf8.RuneCountInString(s[:off]) }

// Models lists the spec files scored, in report order.
var Models = []string{
	"Number/English/NumberModel.json",
	"Number/English/NumberRangeModel.json",
	"Number/English/PercentModel.json",
	"Number/English/OrdinalModel.json",
	"NumberWithUnit/English/CurrencyModel.json",
	"NumberWithUnit/English/DimensionModel.json",
}

// Run scores every spec file under dir (the shared/eval/numbers folder)
// and the quantulum3 set.
func Run(dir string) ([]Score, error) {
	var out []Score
	for _, m := range Models {
		s, err := ScoreSpec(filepath.Join(dir, "recognizers-text", m))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	for _, f := range []string{"quantities.json", "quantities.ambiguity.json"} {
		s, err := ScoreQuantulum(filepath.Join(dir, "quantulum3", f))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// ScoreSpec scores one Recognizers-Text spec file; the model is named by
// the file name.
func ScoreSpec(path string) (Score, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Score{}, fmt.Errorf("numbers: %w", err)
	}
	var cases []Case
	if err := json.Unmarshal(b, &cases); err != nil {
		return Score{}, fmt.Errorf("numbers: %s: %w", path, err)
	}
	model := strings.TrimSuffix(filepath.Base(path), ".json")
	s := Score{Name: model, Cases: len(cases)}
	for _, c := range cases {
		gold := goldItems(model, c)
		pred := Predict(model, c.Input)
		tally(&s, c.Input, gold, pred, false)
	}
	return s, nil
}

func tally(s *Score, input string, gold, pred []item, bySurface bool) {
	s.Gold += len(gold)
	s.Pred += len(pred)
	used := make([]bool, len(gold))
	bad := len(gold) != len(pred)
	for _, p := range pred {
		best := -1
		for gi, g := range gold {
			if used[gi] {
				continue
			}
			same := g.start == p.start && g.end == p.end
			if bySurface {
				same = strings.EqualFold(g.surface, p.surface)
			}
			if !same {
				continue
			}
			if best < 0 || g.valueEq(p) {
				best = gi
			}
			if g.valueEq(p) {
				break
			}
		}
		if best < 0 {
			bad = true
			continue
		}
		used[best] = true
		s.SpanTP++
		if gold[best].valueEq(p) {
			s.TP++
		} else {
			bad = true
		}
	}
	if bad {
		s.Misses = append(s.Misses, fmt.Sprintf("%q\n    gold %s\n    pred %s", input, show(gold), show(pred)))
	}
}

func show(items []item) string {
	var b strings.Builder
	for _, it := range items {
		if it.isRange {
			lo, hi := "(", ")"
			if it.loIn {
				lo = "["
			}
			if it.hiIn {
				hi = "]"
			}
			l, h := "", ""
			if it.hasLo {
				l = strconv.FormatFloat(it.lo, 'g', -1, 64)
			}
			if it.hasHi {
				h = strconv.FormatFloat(it.hi, 'g', -1, 64)
			}
			fmt.Fprintf(&b, "[%d,%d)%q=%s%s,%s%s ", it.start, it.end, it.surface, lo, l, h, hi)
			continue
		}
		fmt.Fprintf(&b, "[%d,%d)%q=%g ", it.start, it.end, it.surface, it.val)
	}
	return b.String()
}

func goldItems(model string, c Case) []item {
	var out []item
	for _, r := range c.Results {
		if model == "OrdinalModel" && r.TypeName != "ordinal" {
			// relative ordinals ("last", "next") are out of scope but stay gold
		}
		it := item{start: r.Start, end: r.End + 1, surface: r.Text}
		v, _ := r.Resolution["value"].(string)
		switch model {
		case "NumberRangeModel":
			it.isRange = true
			parseInterval(v, &it)
		case "PercentModel":
			if v == "null" {
				it.val = math.NaN()
			} else {
				it.val, _ = strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
			}
		default:
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				f = math.NaN()
			}
			it.val = f
		}
		out = append(out, it)
	}
	return out
}

// parseInterval reads "[20,30)", "(,100]", "[500,)".
func parseInterval(v string, it *item) {
	if len(v) < 3 {
		return
	}
	it.loIn = v[0] == '['
	it.hiIn = v[len(v)-1] == ']'
	parts := strings.SplitN(v[1:len(v)-1], ",", 2)
	if len(parts) != 2 {
		return
	}
	if parts[0] != "" {
		it.lo, _ = strconv.ParseFloat(parts[0], 64)
		it.hasLo = true
	} else {
		it.loIn = false
	}
	if parts[1] != "" {
		it.hi, _ = strconv.ParseFloat(parts[1], 64)
		it.hasHi = true
	} else {
		it.hiIn = false
	}
}

// Predict runs the recognizer for model over input.
func Predict(model, input string) []item {
	var out []item
	span := func(a, b int) item { return item{start: cp(input, a), end: cp(input, b), surface: input[a:b]} }
	switch model {
	case "NumberModel":
		sc := quantity.Scanner{Mode: quantity.Mode{Loose: true}}
		for _, n := range sc.Scan(input) {
			if n.Kind == quantity.Ordinal || n.Glued != 0 || n.Vague {
				continue
			}
			it := span(n.Start, n.End)
			it.val = n.Value
			out = append(out, it)
		}
	case "NumberRangeModel":
		sc := quantity.Scanner{Mode: quantity.Mode{Loose: true, Ordinals: true}}
		nums := sc.Scan(input)
		for _, r := range sc.Ranges(nums) {
			it := span(r.Start, r.End)
			it.isRange = true
			it.lo, it.hasLo, it.loIn = r.Min, r.HasMin, r.MinIncl
			it.hi, it.hasHi, it.hiIn = r.Max, r.HasMax, r.MaxIncl
			out = append(out, it)
		}
	case "PercentModel":
		sc := quantity.Scanner{Mode: quantity.Mode{Loose: true}}
		nums := sc.Scan(input)
		for _, p := range sc.Percents(nums) {
			it := span(p.Start, p.End)
			it.val = p.Value
			out = append(out, it)
		}
	case "OrdinalModel":
		sc := quantity.Scanner{Mode: quantity.Mode{Loose: true, Ordinals: true}}
		for _, n := range sc.Scan(input) {
			if n.Kind != quantity.Ordinal {
				continue
			}
			it := span(n.Start, n.End)
			it.val = n.Value
			out = append(out, it)
		}
	case "CurrencyModel":
		sc := quantity.Scanner{}
		nums := sc.Scan(input)
		for _, m := range sc.Money(nums) {
			it := span(m.Start, m.End)
			it.val = m.Value
			out = append(out, it)
		}
	case "DimensionModel":
		sc := quantity.Scanner{}
		nums := sc.Scan(input)
		for _, m := range sc.Measures(nums) {
			if m.Dimension == "time" {
				continue // durations are another model
			}
			it := span(m.Start, m.End)
			it.val = m.Value
			out = append(out, it)
		}
	case "quantulum":
		// every number, widened to its unit of measure, currency or percent sign
		sc := quantity.Scanner{}
		nums := sc.Scan(input)
		wide := make([]item, len(nums))
		wb := make([][2]int, len(nums)) // byte spans of wide
		widen := func(i, a, b int, v float64) {
			wide[i] = span(a, b)
			wide[i].val = v
			wb[i] = [2]int{a, b}
		}
		for i, n := range nums {
			widen(i, n.Start, n.End, n.Value)
		}
		for _, m := range sc.Measures(nums) {
			widen(m.Num, m.Start, m.End, m.Value)
		}
		for _, m := range sc.Money(nums) {
			widen(m.Num, m.Start, m.End, m.Value)
		}
		for _, p := range sc.Percents(nums) {
			widen(p.Num, p.Start, p.End, p.Value)
		}
		// a two-sided range is one quantity, its value the midpoint
		// (quantulum3's convention): "3 to 4 L", "10-15 exabytes"
		skip := make([]bool, len(nums))
		for _, r := range sc.Ranges(nums) {
			if r.Lo < 0 || r.Hi < 0 || r.Lo == r.Hi || r.QEnd > r.QStart {
				continue
			}
			a, b := wb[r.Lo][0], wb[r.Hi][1]
			if b <= a {
				continue
			}
			skip[r.Hi] = true
			it := span(a, b)
			it.val = (r.Min + r.Max) / 2
			wide[r.Lo], wb[r.Lo] = it, [2]int{a, b}
		}
		for i, n := range nums {
			if n.Kind == quantity.Ordinal || n.Vague || skip[i] {
				continue
			}
			// a number glued to a word before is a name: "L2", "OAO-1", "i7"
			if b := n.Start; b > 0 && (isLetter(input[b-1]) || b > 1 && input[b-1] == '-' && isLetter(input[b-2])) {
				continue
			}
			out = append(out, wide[i])
		}
	}
	return out
}

type qCase struct {
	Req string `json:"req"`
	Res []struct {
		Value   float64 `json:"value"`
		Surface string  `json:"surface"`
	} `json:"res"`
}

// ScoreQuantulum scores a quantulum3 test file by surface text.
func ScoreQuantulum(path string) (Score, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Score{}, fmt.Errorf("numbers: %w", err)
	}
	var cases []qCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return Score{}, fmt.Errorf("numbers: %s: %w", path, err)
	}
	s := Score{Name: "quantulum3/" + strings.TrimSuffix(filepath.Base(path), ".json"), Cases: len(cases)}
	for _, c := range cases {
		var gold []item
		for _, r := range c.Res {
			gold = append(gold, item{val: r.Value, surface: r.Surface})
		}
		pred := Predict("quantulum", c.Req)
		tally(&s, c.Req, gold, pred, true)
	}
	return s, nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
