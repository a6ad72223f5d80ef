package quantity

import (
	"strconv"
	"strings"
	"testing"
)

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

// TestAtof checks atof's integer fast path against strconv.ParseFloat.
func TestAtof(t *testing.T) {
	for _, s := range []string{"", "0", "7", "007", "11000", "123456789012345", "1234567890123456", "99999999999999999999",
		"4.2", ".5", "1e10", "-3", "+3", "1_000", "12a", "9007199254740993"} {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			want = 0
		}
		if got := atof(s); got != want {
			t.Errorf("atof(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"11,000", "1,234,567", ",", "1,,2", "123,456,789,012,345,678", "1,2a"} {
		want, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			want = 0
		}
		if got := atofWithout(s, ','); got != want {
			t.Errorf("atofWithout(%q) = %v, want %v", s, got, want)
		}
	}
}
