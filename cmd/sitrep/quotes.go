package main

import (
	"context"
	"fmt"

	sitrep "github.com/sitrep-news/sitrep"
)

const quotesUsage = `quotes [--speaker NAME] [--from DATE] [--to DATE] [--limit N] [--json]

Lists attributed statements across the store — direct and indirect
quotes, "according to" claims — newest first, with who said them.

Flags:`

func runQuotes(env *Env, args []string) error {
	fs := newFlags(env, "quotes", quotesUsage)
	db := dbFlag(fs)
	speaker := fs.String("speaker", "", "only quotes by this entity (`NAME` or KB id)")
	from := fs.String("from", "", "only from documents dated on or after `DATE`")
	to := fs.String("to", "", "only from documents dated on or before `DATE`")
	limit := fs.Int("limit", 100, "at most `N` quotes (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quotes(context.Background(), sitrep.QuoteFilter{Speaker: *speaker, From: *from, To: *to, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, qs)
	}
	if len(qs) == 0 {
		fmt.Fprintln(env.Stdout, "No quotes match.")
	}
	for _, q := range qs {
		who := q.SpeakerName
		if who == "" {
			who = q.Source.Text
		}
		if who == "" {
			who = "(unattributed)"
		}
		fmt.Fprintf(env.Stdout, "%s  %s %s (%s) — %s\n    %s\n", q.Published, who, q.Cue.Text, q.Kind, citeSite(q.Site, q.Title), clip(q.Text, 300))
	}
	return nil
}
