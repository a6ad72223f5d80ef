package quantity

import (
	"math/rand"
	"strings"
	"testing"
)

// TestEqualFold compares equalFold with strings.EqualFold on random
// strings over letters of both cases, digits, and runes that fold to
// ASCII letters (the Kelvin sign, the long s).
func TestEqualFold(t *testing.T) {
	alphabet := []string{"a", "A", "k", "K", "\u212a", "s", "S", "\u017f", "1", "-", "é", "É", "@", "`", "[", "{"}
	r := rand.New(rand.NewSource(1))
	word := func() string {
		var b strings.Builder
		for n := r.Intn(4); n >= 0; n-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		return b.String()
	}
	for range 200000 {
		a, b := word(), word()
		if got, want := equalFold(a, b), strings.EqualFold(a, b); got != want {
			t.Fatalf("equalFold(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}
