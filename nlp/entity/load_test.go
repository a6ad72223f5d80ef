package entity

import (
	"testing"
	"time"
)

// TestDefaultLoadTime loads the embedded model, word lists and gazetteer
// once and reports how long it took (a budget of 200 ms for the model; the
// bound here is loose because CI machines are shared).
func TestDefaultLoadTime(t *testing.T) {
	start := time.Now()
	r := Default()
	el := time.Since(start)
	if r.model.Features() < 1000 {
		t.Fatalf("embedded model has %d features", r.model.Features())
	}
	if el > 2*time.Second {
		t.Errorf("Default took %s", el)
	}
	t.Logf("Default (model %d features, word lists, gazetteer) loaded in %s", r.model.Features(), el)
}
