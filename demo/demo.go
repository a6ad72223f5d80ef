// Package demo embeds the demo corpus: a handful of short articles written
// for sitrep (not copied from any outlet) that tell one developing story —
// the fictional Cyclone Ilusa in central Mozambique — through different
// sources over several months, with relative dates, figures that differ
// between sources, direct and indirect quotes, and forecasts with deadlines.
package demo

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed corpus/*.txt corpus/manifest.json
var corpus embed.FS

// Article is one demo article with its metadata.
type Article struct {
	File  string `json:"file"`
	Title string `json:"title"`
	Site  string `json:"site"`
	URL   string `json:"url"`
	Date  string `json:"date"` // publication date, YYYY-MM-DD
	Text  []byte `json:"-"`
}

// Note says what the corpus is: written for the demo, fictional.
func Note() string {
	m, _ := manifest()
	return m.Note
}

type manifestFile struct {
	Note     string    `json:"note"`
	Articles []Article `json:"articles"`
}

func manifest() (manifestFile, error) {
	var m manifestFile
	b, err := corpus.ReadFile("corpus/manifest.json")
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}

// Articles returns the demo articles in publication order.
func Articles() ([]Article, error) {
	m, err := manifest()
	if err != nil {
		return nil, fmt.Errorf("demo manifest: %w", err)
	}
	for i := range m.Articles {
		b, err := corpus.ReadFile("corpus/" + m.Articles[i].File)
		if err != nil {
			return nil, fmt.Errorf("demo article %s: %w", m.Articles[i].File, err)
		}
		m.Articles[i].Text = b
	}
	return m.Articles, nil
}
