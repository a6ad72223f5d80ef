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
	b, err := buildBrief(context.Background(), st, strings.Join(pos, " "))
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

// buildBrief gathers what the store knows — about query, when given — and
// builds the brief.
func buildBrief(ctx context.Context, st sitrep.Store, query string) (kb.Brief, error) {
	docs, err := storyDocuments(ctx, st, query)
	if err != nil {
		return kb.Brief{}, err
	}
	in := kb.BriefInput{Query: query}
	evs, err := st.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		return kb.Brief{}, err
	}
	evs = filterDocs(evs, docs, func(e sitrep.StoredEvent) string { return e.DocumentID })
	in.Timeline = kb.Timeline(evs)
	qs, err := st.Quantities(ctx, sitrep.QuantityFilter{})
	if err != nil {
		return kb.Brief{}, err
	}
	in.Claims = kb.Compare(filterDocs(qs, docs, func(q sitrep.StoredQuantity) string { return q.DocumentID }))
	quotes, err := st.Quotes(ctx, sitrep.QuoteFilter{})
	if err != nil {
		return kb.Brief{}, err
	}
	in.Quotes = filterDocs(quotes, docs, func(q sitrep.StoredQuote) string { return q.DocumentID })
	asOf := ""
	for _, e := range evs {
		if d := docDay(e.Published, e.DCT); d > asOf {
			asOf = d
		}
	}
	in.Forecasts = kb.Forecasts(evs, asOf)
	if docs != nil {
		in.Documents = len(docs)
	} else {
		stats, err := st.Stats(ctx)
		if err != nil {
			return kb.Brief{}, err
		}
		in.Documents = stats.Documents
	}
	return kb.NewBrief(in), nil
}

func docDay(published, dct string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return dct
}

// storyDocuments returns the ids of the documents about query (those that
// match it as words, and those in which it names an entity), or nil for
// all documents when query is empty.
func storyDocuments(ctx context.Context, st sitrep.Store, query string) (map[string]bool, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	docs := map[string]bool{}
	found, err := st.Search(ctx, query, 10000)
	if err != nil {
		return nil, err
	}
	for _, r := range found {
		docs[r.Document.ID] = true
	}
	evs, err := st.Events(ctx, sitrep.EventFilter{Entity: query, Mentioned: true})
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		docs[e.DocumentID] = true
	}
	return docs, nil
}

func filterDocs[T any](xs []T, docs map[string]bool, id func(T) string) []T {
	if docs == nil {
		return xs
	}
	out := xs[:0:0]
	for _, x := range xs {
		if docs[id(x)] {
			out = append(out, x)
		}
	}
	return out
}
