package kb_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-news/sitrep/kb"
	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestProfileAliasesStable: an entity reported by more documents than the
// aliases are sampled from gets the same aliases every time.
func TestProfileAliasesStable(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 60 {
		a := storetest.Synthetic(i)
		for k := range a.Entities {
			if e := &a.Entities[k]; e.KB == "Q0" {
				e.Mentions[0].Text = fmt.Sprintf("E0 alias %d", i) // another name in each document
			}
		}
		if _, err := st.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	first, err := kb.ProfileOf(ctx, st, "Q0")
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Aliases) < 10 || len(first.Timeline) < 30 {
		t.Fatalf("%d aliases, %d timeline items: want more", len(first.Aliases), len(first.Timeline))
	}
	for range 5 {
		p, err := kb.ProfileOf(ctx, st, "Q0")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.Aliases, first.Aliases) {
			t.Fatalf("aliases changed between calls:\n%v\n%v", first.Aliases, p.Aliases)
		}
	}
}
