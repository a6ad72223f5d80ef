package event

import (
	"strings"
	"testing"
)

// TestLexicon checks the embedded taxonomy: every entry names a declared
// type, a known part of speech and condition list, and codes are CAMEO
// shaped (three or four digits) or blank for the types CAMEO lacks.
func TestLexicon(t *testing.T) {
	l := lex()
	isCode := func(c string) bool {
		if len(c) < 3 || len(c) > 4 {
			return false
		}
		return strings.Trim(c, "0123456789") == ""
	}
	for _, ty := range Types() {
		if ty.CAMEO != "" && !isCode(ty.CAMEO) || ty.CAMEO == "" && ty.Description == "" {
			t.Errorf("type %s: bad CAMEO %q", ty.Name, ty.CAMEO)
		}
	}
	for lemma, es := range l.entries {
		for _, e := range es {
			if e.pos == 'l' {
				continue
			}
			if _, ok := l.types[e.typ]; !ok && e.typ != "x" {
				t.Errorf("%s: undeclared type %q", lemma, e.typ)
			}
			if !strings.ContainsRune("vno*x", rune(e.pos)) {
				t.Errorf("%s: bad part of speech %q", lemma, e.pos)
			}
			if _, list := condList(e.cond); e.cond != "" && l.lists[list] == nil {
				t.Errorf("%s: unknown condition %q", lemma, e.cond)
			}
			if e.cameo != "" && !isCode(e.cameo) {
				t.Errorf("%s: bad CAMEO %q", lemma, e.cameo)
			}
		}
	}
}

// TestNounFilter checks that the filter lexicon.nouns passes every lemma
// with an entry a noun or adjective can take, in any case.
func TestNounFilter(t *testing.T) {
	l := lex()
	n := 0
	for lemma, es := range l.entries {
		w := l.word(lemma)
		if w.flags&lfNounEntry == 0 || len(es) == 0 || !isASCII(lemma) {
			continue
		}
		n++
		for _, v := range []string{lemma, strings.ToUpper(lemma), strings.ToUpper(lemma[:1]) + lemma[1:]} {
			if !l.nouns.mayHave(v) {
				t.Errorf("nouns.mayHave(%q) = false", v)
			}
		}
	}
	if n == 0 {
		t.Fatal("no noun entries")
	}
}

// TestClosedWords checks the table of closed-class words against the
// text.WordMap of them all: every word, capitalised and upper-cased, with
// a byte more or less, with a 0 byte, and the words of some text.
func TestClosedWords(t *testing.T) {
	c := lowClasses()
	var words []string
	for _, set := range []map[string]bool{auxWords, beWords, subordinator, particle, nounPrep} {
		for w := range set {
			if !isASCII(w) {
				continue
			}
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[:len(w)-1], w+"\x00", "\x00"+w)
		}
	}
	words = append(words, strings.Fields("The Fed said on Monday it had not been able to get over the 12% rate, although the talks between them went back and forth; IS ARE N'T 'S 'Re ab@ `IS [n]")...)
	words = append(words, "", "\x00", "\x00\x00", "abcdefghi", "withouts")
	for _, w := range words {
		want, _ := c.all.GetFold(w)
		if got := c.foldASCII(w); got != want {
			t.Errorf("%q: %b, want %b", w, got, want)
		}
	}
}
