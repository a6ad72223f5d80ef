package main

import (
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/conll"
	"github.com/sitrep-news/sitrep/nlp/entity"
)

// evalNER scores the entity recogniser on a CoNLL-2003 file: the full
// Recognizer runs on each document (tokens joined by spaces, one sentence
// per CoNLL sentence) and every mention is scored as a phrase, its type
// mapped PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/MISC->MISC (a
// demonym mention of a country counts as MISC, as CoNLL tags it). Mentions
// that are no CoNLL phrase are left out: those inside a token ("U.S." in
// "U.S.-led"), descriptive event and facility names that start or end in a
// common noun ("Kursk offensive", "port of Beira", whose "Kursk" and "Beira"
// are scored as places), nominal and pronoun mentions; a storm's title is
// left out of its name ("Hurricane [Edouard]"), as CoNLL does.
func evalNER(env *Env, args []string) error {
	fs := newFlags(env, "eval ner", "eval ner --conll FILE [--tagger]")
	path := fs.String("conll", "", "CoNLL-2003 file (eng.testa)")
	taggerOnly := fs.Bool("tagger", false, "score the tagger's phrases alone, before typing, linking and identity")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(*path)
	if err != nil {
		return sitrep.Errorf(sitrep.ENOTFOUND, *path, "cannot open: %v", err)
	}
	docs, err := conll.Read(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *path, err)
	}
	t0 := time.Now()
	rec := entity.Default()
	load := time.Since(t0)
	score := conll.NewScore()
	bytes := 0
	start := time.Now()
	for _, d := range docs {
		doc := conll.Doc(d)
		bytes += len(doc.Text)
		pred := make([][]conll.Chunk, len(doc.Sentences))
		add := func(first, last int, typ string) {
			si := doc.SentenceOf(doc.Tokens[first].Start)
			if si < 0 {
				return
			}
			s := doc.Sentences[si]
			pred[si] = append(pred[si], conll.Chunk{Start: first - s.First, End: last - s.First, Type: typ})
		}
		if *taggerOnly {
			for _, p := range rec.Tag(doc) {
				add(p.First, p.Last, p.Type)
			}
		} else {
			ents := rec.Recognize(doc)
			var orgs []sitrep.Span // organisations' spans: the country inside one ("U.S. Indo-Pacific Command") is no CoNLL phrase
			for _, e := range ents {
				if e.Type == sitrep.EntityOrg {
					for _, m := range e.Mentions {
						orgs = append(orgs, m.Span())
					}
				}
			}
			inOrg := func(m sitrep.Mention) bool {
				for _, o := range orgs {
					if o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
						return true
					}
				}
				return false
			}
			for _, e := range ents {
				for _, m := range e.Mentions {
					if e.Type != sitrep.EntityOrg && inOrg(m) {
						continue
					}
					typ := conll.TypeOf(e.Type)
					if m.Kind == sitrep.MentionDemonym {
						typ = "MISC"
					}
					first := doc.TokenAt(m.Start)
					last := doc.TokenAt(m.End - 1)
					if doc.Tokens[first].Start != m.Start || doc.Tokens[last].End != m.End {
						continue // inside a token ("U.S." in "U.S.-led"): no CoNLL phrase
					}
					if m.Kind == sitrep.MentionNominal || m.Kind == sitrep.MentionPronoun {
						continue // "the president", "he": CoNLL annotates names only
					}
					if e.Type == sitrep.EntityEvent || e.Type == sitrep.EntityFac {
						if w, v := doc.Tok(last), doc.Tok(first); w != "" && unicode.IsLower(rune(w[0])) || v != "" && unicode.IsLower(rune(v[0])) {
							continue // a descriptive name ("Kursk offensive", "port of Beira", "N6 highway"), which CoNLL does not annotate
						}
					}
					if e.Type == sitrep.EntityEvent && last > first && stormWord(doc.Tok(first)) {
						first++ // CoNLL leaves the storm word out: "Hurricane [Edouard]"
						for first < last && stormWord(doc.Tok(first)) {
							first++
						}
					}
					add(first, last+1, typ)
				}
			}
		}
		for si, s := range d.Sentences {
			tags := make([]string, len(s))
			for i, t := range s {
				tags[i] = t.Tag
			}
			score.Add(conll.Chunks(tags), pred[si])
		}
	}
	el := time.Since(start)
	score.Report(env.Stdout)
	fmt.Fprintf(env.Stderr, "%d documents, %d bytes in %s (%.2f MB/s); model and gazetteer load %s\n",
		len(docs), bytes, el.Round(time.Millisecond), float64(bytes)/el.Seconds()/1e6, load.Round(time.Millisecond))
	return nil
}

// stormWord reports whether w is a word of a storm's title ("Tropical",
// "Storm", "Hurricane"), which CoNLL leaves out of the name.
func stormWord(w string) bool {
	switch strings.ToLower(w) {
	case "cyclone", "hurricane", "typhoon", "storm", "depression", "tropical", "subtropical", "super", "severe":
		return true
	}
	return false
}
