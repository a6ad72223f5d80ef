package main

import (
	"context"
	"fmt"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/kb"
)

const entitiesUsage = `entities [--type TYPE] [--name PART] [--limit N] [--json]

Lists the entities across the store, merged by KB id and name, the most
widely reported first.

Flags:`

func runEntities(env *Env, args []string) error {
	fs := newFlags(env, "entities", entitiesUsage)
	db := dbFlag(fs)
	typ := fs.String("type", "", "only entities of this `TYPE` (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, MISC)")
	name := fs.String("name", "", "only entities whose name contains `PART`")
	limit := fs.Int("limit", 50, "at most `N` entities (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return sitrep.Errorf(sitrep.EINVALID, "", "entities takes no arguments; use 'sitrep entity NAME' for one entity")
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ents, err := st.Entities(context.Background(), sitrep.EntityFilter{Type: strings.ToUpper(*typ), Contains: *name, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, ents)
	}
	if len(ents) == 0 {
		fmt.Fprintln(env.Stdout, "No entities match.")
		return nil
	}
	fmt.Fprintf(env.Stdout, "%-7s %-36s %-18s %5s %8s\n", "TYPE", "NAME", "KB", "DOCS", "MENTIONS")
	for _, e := range ents {
		fmt.Fprintf(env.Stdout, "%-7s %-36s %-18s %5d %8d\n", e.Type, clip(e.Name, 36), e.KB, e.Documents, e.Mentions)
	}
	return nil
}

const entityUsage = `entity NAME [--json]

Prints the profile of one entity (NAME is a name or a KB id such as PRK):
its aliases, roles, events, quotes and figures across the store.

Flags:`

func runEntity(env *Env, args []string) error {
	fs := newFlags(env, "entity", entityUsage)
	db := dbFlag(fs)
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
	p, err := kb.ProfileOf(context.Background(), st, strings.Join(pos, " "))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, p)
	}
	w := env.Stdout
	e := p.Entity
	fmt.Fprintf(w, "%s (%s", e.Name, e.Type)
	if e.KB != "" {
		fmt.Fprintf(w, ", %s", e.KB)
	}
	fmt.Fprintf(w, ") — %d mentions in %d documents\n", e.Mentions, e.Documents)
	if len(p.Aliases) > 0 {
		fmt.Fprintf(w, "also: %s\n", strings.Join(p.Aliases, ", "))
	}
	if len(p.Roles) > 0 {
		fmt.Fprintf(w, "roles: %s\n", strings.Join(p.Roles, "; "))
	}
	if len(p.Timeline) > 0 {
		fmt.Fprintln(w, "\nEVENTS")
		writeTimelineText(w, p.Timeline)
	}
	if len(p.Quotes) > 0 {
		fmt.Fprintln(w, "\nQUOTES")
		for _, q := range p.Quotes {
			fmt.Fprintf(w, "  %s %s (%s, %s): %s\n", q.Published, q.Cue.Text, q.Kind, citeSite(q.Site, q.Title), clip(q.Text, 200))
		}
	}
	if len(p.Figures) > 0 {
		fmt.Fprintln(w, "\nFIGURES")
		for _, q := range p.Figures {
			fmt.Fprintf(w, "  %s %-22s %s (%s)\n", q.Published, quantityValue(q.Quantity), q.Unit, citeSite(q.Site, q.Title))
		}
	}
	return nil
}

func citeSite(site, title string) string {
	if site != "" {
		return site
	}
	if title != "" {
		return clip(title, 40)
	}
	return "unknown source"
}
