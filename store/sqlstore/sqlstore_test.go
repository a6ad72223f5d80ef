package sqlstore

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-news/sitrep"
)

func TestDocDate(t *testing.T) {
	for _, tc := range []struct {
		published, dct, want string
	}{
		{"2024-10-08", "2024-10-01", "2024-10-08"},
		{"2024-10-08T12:00:00Z", "", "2024-10-08"},
		{"October 8, 2024", "2024-10-09", "2024-10-09"},
		{"", "2024-06-20", "2024-06-20"},
		{"", "", ""},
		{"2024-1-8", "bad", ""},
	} {
		d := &sitrep.Document{Published: tc.published, DCT: tc.dct}
		if got := docDate(d); got != tc.want {
			t.Errorf("docDate(%q, %q) = %q, want %q", tc.published, tc.dct, got, tc.want)
		}
	}
}

func TestNormName(t *testing.T) {
	for in, want := range map[string]string{
		"Kim Jong Un": "kim jong un", "  KIM   jong\tUN ": "kim jong un", "": "", "Ünal": "ünal",
	} {
		if got := normName(in); got != want {
			t.Errorf("normName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInsertChunks(t *testing.T) {
	s := New(nil, Dialect{MaxParams: 999})
	tx := &recordTx{}
	r := &rows{t: tabMentions}
	for i := range 300 {
		r.add(1, 0, i, 0, 1, "x", "name", 0)
	}
	if err := s.insert(t.Context(), tx, r); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	total := 0
	for _, q := range tx.queries {
		n := strings.Count(q, "(?, ?, ?, ?, ?, ?, ?, ?)")
		sizes = append(sizes, n)
		total += n
	}
	// 999 parameters allow 124 rows of 8: chunks of 64, then powers of two.
	if want := []int{64, 64, 64, 64, 32, 8, 4}; total != 300 || !slices.Equal(sizes, want) {
		t.Errorf("chunks %v, want %v (300 rows)", sizes, want)
	}
	// Every statement insert runs is one WriteStatements lists, so a
	// backend can prepare them all ahead.
	known := map[string]bool{}
	for _, q := range WriteStatements(Dialect{MaxParams: 999}) {
		known[q] = true
	}
	for _, q := range tx.queries {
		if !known[q] {
			t.Errorf("statement %.60q... not in WriteStatements", q)
		}
	}
}

type recordTx struct{ queries []string }

func (r *recordTx) Exec(_ context.Context, q string, args ...any) error {
	r.queries = append(r.queries, q)
	return nil
}
func (r *recordTx) QueryRow(context.Context, string, ...any) Row { return nil }
func (r *recordTx) Query(context.Context, string, ...any) (Rows, error) {
	return nil, nil
}
func (r *recordTx) Commit(context.Context) error   { return nil }
func (r *recordTx) Rollback(context.Context) error { return nil }
