package quantity

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMergeFigures checks mergeFigures against the pdqsort it stands in
// for, on random runs of figures (ties and unsorted runs included): when
// it merges, the order is the sort's, and it leaves figs as it is.
func TestMergeFigures(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sc Scanner
	for it := range 100000 {
		n, m := r.IntN(6), r.IntN(30)
		figs := make([]figure, n+m)
		for i := range figs {
			figs[i] = figure{start: r.IntN(4 * (n + m + 1)), end: i} // end tells figures apart
		}
		if it%2 == 0 { // mostly sorted runs, as Extract makes them
			slices.SortFunc(figs[:n], func(a, b figure) int { return cmp.Compare(a.start, b.start) })
			slices.SortFunc(figs[n:], func(a, b figure) int { return cmp.Compare(a.start, b.start) })
		}
		orig := slices.Clone(figs)
		want := slices.Clone(figs)
		slices.SortFunc(want, func(a, b figure) int { return cmp.Compare(a.start, b.start) })
		order, ok := sc.mergeFigures(figs, n)
		if !slices.Equal(figs, orig) {
			t.Fatalf("mergeFigures changed %v into %v", orig, figs)
		}
		if !ok {
			continue
		}
		got := figs
		if order != nil {
			got = nil
			for _, i := range order {
				got = append(got, figs[i])
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("merged %v into %v, sort gives %v", orig, got, want)
		}
	}
}
