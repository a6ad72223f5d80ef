package timeml

import (
	"os"
	"strings"
	"testing"
)

// TestScoreDenseDev checks event ordering on the TimeBank-Dense dev
// documents (the standard split) when the corpus is present.
func TestScoreDenseDev(t *testing.T) {
	f, err := os.Open("../../../shared/eval/timebank-dense/TimebankDense.full.txt")
	if err != nil {
		t.Skip("TimeBank-Dense absent")
	}
	defer f.Close()
	pairs, err := ReadDense(f)
	if err != nil || len(pairs) == 0 {
		t.Fatalf("ReadDense: %d pairs, %v", len(pairs), err)
	}
	var docs []*Doc
	for _, id := range DenseDev {
		d, err := ReadFile("../../../shared/eval/tempeval3/train/TimeBank/" + id + ".tml")
		if err != nil {
			t.Skipf("TimeBank document %s absent", id)
		}
		docs = append(docs, d)
	}
	s := ScoreDense(docs, pairs, DenseDev)
	var b strings.Builder
	WriteOrderScores(&b, "TimeBank-Dense dev, event-event pairs", s)
	t.Log("\n" + b.String())
	dec, cor := 0, 0
	for r, n := range s.Decided {
		dec += n
		cor += s.Correct[r]
	}
	if s.Matched == 0 || dec == 0 {
		t.Fatalf("no pairs decided: %+v", s)
	}
	// disjoint intervals and stated orders should beat always-BEFORE on the
	// pairs decided (b is 23% of dev event pairs)
	if acc := float64(cor) / float64(dec); acc < 0.4 {
		t.Errorf("accuracy %.3f on %d decided pairs", acc, dec)
	}
}

func TestReadDense(t *testing.T) {
	ps, err := ReadDense(strings.NewReader("D1\te1\te2\tb\nD1\tt0\te2\tii\nbad\n"))
	if err != nil || len(ps) != 2 || ps[0] != (DensePair{"D1", "e1", "e2", "b"}) || ps[1].Rel != "ii" {
		t.Errorf("ReadDense = %+v, %v", ps, err)
	}
}
