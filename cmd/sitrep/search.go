package main

import (
	"context"
	"fmt"
	"strings"
)

const searchUsage = `search WORDS... [--limit N] [--json]

Full-text search over the stored documents (every word must occur;
stemmed), best match first, with a snippet.

Flags:`

func runSearch(env *Env, args []string) error {
	fs := newFlags(env, "search", searchUsage)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "at most `N` results")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(context.Background(), strings.Join(pos, " "), *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	if len(res) == 0 {
		fmt.Fprintln(env.Stdout, "No documents match.")
	}
	for _, r := range res {
		d := r.Document
		title := d.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(env.Stdout, "%s  %s  %s\n    %s\n", d.ID, docDay(d.Published, d.DCT), title, clip(r.Snippet, 200))
	}
	return nil
}

func docDay(published, dct string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	if dct == "" {
		return "undated   "
	}
	return dct
}
