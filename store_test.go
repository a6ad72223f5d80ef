package sitrep

import "testing"

func TestDocumentID(t *testing.T) {
	for _, txt := range []string{"Floods hit the coast.", "Floods hit the coast!"} {
		h := ContentHash(txt)
		id := DocumentID(txt)
		if len(h) != 64 || len(id) != 17 || id[0] != 'd' || id[1:] != h[:16] {
			t.Errorf("%q: hash %q, id %q", txt, h, id)
		}
		if got := IDOfHash(h); got != id {
			t.Errorf("IDOfHash(%q) = %q, want %q", h, got, id)
		}
	}
	if DocumentID("a") == DocumentID("b") {
		t.Error("different texts, same id")
	}
}
