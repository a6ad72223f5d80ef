package entity

import (
	"strings"
	"testing"
)

// TestSetFastPaths checks that tokInfo.set's fast paths (lower-case and
// capitalised ASCII words, one-byte tokens) give the infos of the general
// setAny.
func TestSetFastPaths(t *testing.T) {
	words := []string{"", "a", "A", ",", "Reuters", "reuters", "IBM", "U.S.", "iPhone", "Ab", "aB",
		"é", "Éa", "Zürich", "x1", "X1", "1", "Q", "The", "\x80", "A\x80", "”", "It's", "Reuters-led"}
	for _, s := range reuters(t, 300) {
		words = append(words, strings.Fields(s)...)
	}
	for _, w := range words {
		for _, s := range []string{w, w[:min(len(w), 1)]} {
			var fast, any tokInfo
			fast.set(s)
			any.setAny(s)
			if fast != any {
				t.Fatalf("%q: set gives %+v, setAny %+v", s, fast, any)
			}
		}
	}
}
