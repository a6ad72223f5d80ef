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
