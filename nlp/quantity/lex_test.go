package quantity

import "testing"

// TestLetterRun checks the eight-bytes-at-a-time letterRun against a loop
// over bytes, from every offset of texts with every byte value.
func TestLetterRun(t *testing.T) {
	texts := []string{"", "a", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZabc", "Zürich 11,000 troops", "@[`{ az AZ"}
	var all []byte
	for c := range 256 {
		all = append(all, byte(c), 'a', 'B', byte(c), 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', byte(255-c))
	}
	texts = append(texts, string(all))
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && isLetterByte(s[want]) {
				want++
			}
			if got := letterRun(s, i); got != want {
				t.Fatalf("letterRun(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
