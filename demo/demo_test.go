package demo

import (
	"testing"
	"unicode/utf8"
)

func TestArticles(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 4 {
		t.Fatalf("only %d demo articles", len(arts))
	}
	prev := ""
	for _, a := range arts {
		if len(a.Text) == 0 || !utf8.Valid(a.Text) || a.Title == "" || len(a.Date) != 10 {
			t.Errorf("%s: incomplete article", a.File)
		}
		if a.Date < prev {
			t.Errorf("%s: not in publication order", a.File)
		}
		prev = a.Date
	}
	if Note() == "" {
		t.Error("the corpus must say it was written for the demo")
	}
}
