package gazetteer

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestCoNLLCoverage reports (with -v) how the gazetteer types the gold
// phrases of CoNLL-2003 eng.testa; it asserts only a floor on LOC coverage.
func TestCoNLLCoverage(t *testing.T) {
	f, err := os.Open("../../../shared/eval/conll2003/eng.testa")
	if err != nil {
		t.Skip("eng.testa not available")
	}
	defer f.Close()
	g := Default()
	type key struct{ gold, got string }
	counts := map[key]int{}
	totals := map[string]int{}
	misses := map[string]map[string]int{}
	var words []string
	cur := ""
	flush := func() {
		if cur != "" {
			phrase := strings.Join(words, " ")
			got := "-"
			if es := g.Lookup(phrase); len(es) > 0 {
				got = es[0].Type
			} else {
				if misses[cur] == nil {
					misses[cur] = map[string]int{}
				}
				misses[cur][phrase]++
			}
			counts[key{cur, got}]++
			totals[cur]++
		}
		cur, words = "", words[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || fs[0] == "-DOCSTART-" {
			flush()
			continue
		}
		tag := fs[3]
		if tag == "O" {
			flush()
			continue
		}
		typ := tag[2:]
		if typ != cur || strings.HasPrefix(tag, "B-") {
			flush()
			cur = typ
		}
		words = append(words, fs[0])
	}
	flush()
	var ks []key
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].gold != ks[j].gold {
			return ks[i].gold < ks[j].gold
		}
		return counts[ks[i]] > counts[ks[j]]
	})
	for _, k := range ks {
		t.Logf("gold %-4s gazetteer %-6s %5d (%.1f%%)", k.gold, k.got, counts[k], 100*float64(counts[k])/float64(totals[k.gold]))
	}
	if os.Getenv("GZ_MISSES") != "" {
		for typ, m := range misses {
			var l []string
			for p, n := range m {
				l = append(l, fmt.Sprintf("%d %s", n, p))
			}
			sort.Slice(l, func(i, j int) bool { return len(l[i]) < len(l[j]) || len(l[i]) == len(l[j]) && l[i] > l[j] })
			t.Logf("missed %s: %s", typ, strings.Join(l, " | "))
		}
	}
	loc := totals["LOC"] - counts[key{"LOC", "-"}]
	if frac := float64(loc) / float64(totals["LOC"]); frac < 0.6 {
		t.Errorf("gazetteer covers %.2f of eng.testa LOC phrases, want >= 0.6", frac)
	}
}
