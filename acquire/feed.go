package acquire

import (
	"bytes"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

// ReadFeed yields the items of an RSS, Atom or RDF feed: one Input each,
// named "NAME#N" (N from 1), with the item's link as URL, its title, its
// publication (else update) date as Published, and its content, else its
// description, as Bytes (Format sitrep.FormatHTML when it holds markup).
//
// A feed that does not parse yields one EINVALID error; an item with no
// content and no description yields an EINVALID error in its place.
func ReadFeed(data []byte, name string) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			yield(Input{Name: name}, &sitrep.Error{Code: sitrep.EINVALID, Input: name,
				Message: "malformed feed: " + err.Error(), Err: err})
			return
		}
		for i, item := range feed.Items {
			in := Input{
				Name:  name + "#" + strconv.Itoa(i+1),
				URL:   strings.TrimSpace(item.Link),
				Title: strings.Join(strings.Fields(item.Title), " "),
			}
			if in.URL == "" && len(item.Links) > 0 {
				in.URL = strings.TrimSpace(item.Links[0])
			}
			in.Published = itemDate(item)
			body := item.Content
			if strings.TrimSpace(body) == "" {
				body = item.Description
			}
			if strings.TrimSpace(body) == "" {
				what := "feed item has no content or description"
				if in.URL != "" {
					what += " (link " + in.URL + "; fetch it with the link option)"
				}
				if !yield(in, sitrep.Errorf(sitrep.EINVALID, in.Name, "%s", what)) {
					return
				}
				continue
			}
			in.Bytes = []byte(body)
			if strings.Contains(body, "<") && strings.Contains(body, ">") {
				in.Format = sitrep.FormatHTML
			}
			if !yield(in, nil) {
				return
			}
		}
	}
}

// itemDate is the item's publication date, else its update date, as
// YYYY-MM-DD in the feed's own time zone.
func itemDate(item *gofeed.Item) string {
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.Format("2006-01-02")
		}
	}
	for _, s := range []string{item.Published, item.Updated} {
		if d, ok := extract.ParseDate(s); ok {
			return d
		}
	}
	if item.DublinCoreExt != nil && len(item.DublinCoreExt.Date) > 0 {
		if d, ok := extract.ParseDate(item.DublinCoreExt.Date[0]); ok {
			return d
		}
	}
	return ""
}
