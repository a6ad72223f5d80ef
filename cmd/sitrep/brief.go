package main

import (
	"context"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

const briefUsage = `brief [QUERY] [--format markdown|json|html]

Prints a brief on the story in the store — or on QUERY, an entity or words
the documents must contain — with the sections Why It Matters (the key
figures and stakes), What to Know (the timeline), What People Have Said
(the quotes) and What's Next (open forecasts and deadlines). Every item
cites its sources.

Flags:`

func runBrief(env *Env, args []string) error {
	fs := newFlags(env, "brief", briefUsage)
	db := dbFlag(fs)
	format := fs.String("format", "markdown", "output `FORMAT`: markdown, json or html")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch *format {
	case "markdown", "md", "json", "html":
	default:
		return sitrep.Errorf(sitrep.EINVALID, "--format", "unknown format %q: want markdown, json or html", *format)
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := kb.BriefOf(context.Background(), st, strings.Join(pos, " "))
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return writeJSON(env.Stdout, b)
	case "html":
		return b.WriteHTML(env.Stdout)
	}
	return b.WriteMarkdown(env.Stdout)
}
