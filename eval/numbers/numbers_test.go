package numbers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const dir = "../../../shared/eval/numbers"

// TestSpecs scores every spec and holds the number and range specs to
// their targets. With NUMBERS_MISSES=1 it logs the missed cases.
func TestSpecs(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dir, "recognizers-text")); err != nil {
		t.Skip("numbers eval data absent")
	}
	scores, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	floor := map[string]float64{"NumberModel": 0.90, "NumberRangeModel": 0.90, "PercentModel": 0.85}
	for _, s := range scores {
		t.Logf("%-34s gold %4d pred %4d  P %.3f R %.3f F1 %.3f spanF1 %.3f valueAcc %.3f", s.Name, s.Gold, s.Pred, s.P(), s.R(), s.F1(), s.SpanF1(), s.ValueAcc())
		if os.Getenv("NUMBERS_MISSES") != "" && (os.Getenv("NUMBERS_ONLY") == "" || strings.Contains(s.Name, os.Getenv("NUMBERS_ONLY"))) {
			for _, m := range s.Misses {
				t.Log("  " + m)
			}
		}
		if f, ok := floor[s.Name]; ok && s.F1() < f {
			t.Errorf("%s F1 %.3f below %.2f", s.Name, s.F1(), f)
		}
	}
}
