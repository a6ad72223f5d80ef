package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

const claimsUsage = `claims [--entity NAME] [--category CAT] [--contradictions] [--json]

Compares figures across the store: the same measure (what is counted,
whose, of what) from different sources and over time, side by side, with
contradictions flagged — figures from different sources, reported within
three days of each other, whose ranges do not overlap.

Flags:`

func runClaims(env *Env, args []string) error {
	fs := newFlags(env, "claims", claimsUsage)
	db := dbFlag(fs)
	entity := fs.String("entity", "", "only figures of this entity (`NAME` or KB id)")
	cat := fs.String("category", "", "only this `CATEGORY` (personnel, casualties, munitions, money, ...)")
	only := fs.Bool("contradictions", false, "only measures whose sources contradict each other")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	claims, err := kb.ClaimsOf(context.Background(), st, sitrep.QuantityFilter{Entity: *entity, Category: *cat})
	if err != nil {
		return err
	}
	if *only {
		claims = slices.DeleteFunc(claims, func(c kb.Claim) bool { return len(c.Contradictions) == 0 })
	}
	if *asJSON {
		return writeJSON(env.Stdout, claims)
	}
	if len(claims) == 0 {
		fmt.Fprintln(env.Stdout, "No figures match.")
	}
	for _, c := range claims {
		fmt.Fprintf(env.Stdout, "%s — %d figures from %d sources\n", c.Measure, len(c.Figures), c.Sources)
		for _, f := range c.Figures {
			q := sitrep.Quantity{Value: f.Value, Min: f.Min, Max: f.Max, Approximate: f.Approximate, Unit: c.Unit}
			by := f.GivenBy
			if by == "" {
				by = "(the article)"
			}
			fmt.Fprintf(env.Stdout, "  %-10s %-18s %-36s %s\n", f.Source.Published, quantityValue(q), clip(by, 36), citeSite(f.Source.Site, f.Source.Title))
		}
		for _, x := range c.Contradictions {
			fmt.Fprintf(env.Stdout, "  ! contradiction: %s\n", x.Note)
		}
		fmt.Fprintln(env.Stdout, strings.Repeat("-", 40))
	}
	return nil
}
