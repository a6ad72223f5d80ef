package text

import (
	"strings"
	"testing"
)

func TestWordMap(t *testing.T) {
	m := map[string]int{"said": 1, "the": 2, "a.m": 3, "’s": 4, "": 5, "Mixed": 6, "x": 7,
		"story continues below advertisement": 8, "story continues below advertisements": 9}
	for i := 0; i < 300; i++ { // enough keys to collide
		m["w"+strings.Repeat("q", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26))] = 100 + i
	}
	wm := NewWordMap(m)
	for k, v := range m {
		if got, ok := wm.Get(k); !ok || got != v {
			t.Errorf("Get(%q) = %d, %v; want %d", k, got, ok, v)
		}
		if got, ok := wm.GetBytes([]byte(k)); !ok || got != v {
			t.Errorf("GetBytes(%q) = %d, %v; want %d", k, got, ok, v)
		}
		up := strings.ToUpper(k)
		got, ok := wm.GetFold(up)
		want, wok := m[strings.ToLower(up)]
		if k == "Mixed" {
			want, wok = 0, false // a key with capitals never folds
		}
		if ok != wok || got != want {
			t.Errorf("GetFold(%q) = %d, %v; want %d, %v", up, got, ok, want, wok)
		}
	}
	for _, w := range []string{"says", "The", "THE", "a.M", "b", "saidx", "’S", "mixed", "Story continues below advertisemen",
		"STORY CONTINUES BELOW ADVERTISEMENT", "story continues below advertisementss", "st", "St"} {
		got, ok := wm.Get(w)
		want, wok := m[w]
		if ok != wok || got != want {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", w, got, ok, want, wok)
		}
		got, ok = wm.GetFold(w)
		want, wok = m[asciiLower(w)]
		if ok != wok || got != want {
			t.Errorf("GetFold(%q) = %d, %v; want %d, %v", w, got, ok, want, wok)
		}
	}
	var zero *WordMap[bool]
	if zero.Has("x") || zero.HasFold("X") {
		t.Error("nil WordMap has a key")
	}
}

func asciiLower(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func BenchmarkWordMap(b *testing.B) {
	words := strings.Fields("The company said on Tuesday that its first quarter profit rose to 11 mln dlrs from nine mln a year earlier , and it expects further gains in the second half of the year")
	m := map[string]bool{}
	for _, w := range strings.Fields("said says told added according january february march monday tuesday year years month week day quarter half first second today yesterday ago last next this") {
		m[w] = true
	}
	wm := NewWordMap(m)
	b.Run("map", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, w := range words {
				if m[asciiLower(w)] {
					n++
				}
			}
		}
	})
	b.Run("mapExact", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, w := range words {
				if m[w] {
					n++
				}
			}
		}
	})
	b.Run("wordmap", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, w := range words {
				if wm.HasFold(w) {
					n++
				}
			}
		}
	})
}

func TestShortKey(t *testing.T) {
	seen := map[uint32]string{}
	for _, w := range []string{"a", "I", "of", "The", "AGO", "mAy", "z", "zzz"} {
		k, ok := ShortKey(w)
		if !ok || k == 0 {
			t.Fatalf("ShortKey(%q) = %d, %v", w, k, ok)
		}
		if lk, _ := ShortKey(strings.ToLower(w)); lk != k {
			t.Errorf("ShortKey(%q) = %d, of its lower case %d", w, k, lk)
		}
		if prev, dup := seen[k]; dup {
			t.Errorf("ShortKey(%q) = ShortKey(%q)", w, prev)
		}
		seen[k] = w
		if s := ShortSlot(k); s < 0 || s >= 256 {
			t.Errorf("ShortSlot(%d) = %d", k, s)
		}
	}
	for _, w := range []string{"", "four", "a1", "é", "o'", " a", "[", "@"} {
		if k, ok := ShortKey(w); ok {
			t.Errorf("ShortKey(%q) = %d, true; want false", w, k)
		}
	}
}
