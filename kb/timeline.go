// Package kb is sitrep's knowledge across documents: the same event reported
// by several articles merged into one timeline item with its sources, dates
// refined by the best-dated report, figures compared across sources and over
// time, forecasts tracked to their deadlines, and the brief built from all of
// them. It works on what a sitrep.Store returns and does no I/O itself.
package kb

import (
	"sort"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// Source is one report of an item: the document and the sentence it came
// from (CONTRACT: timeline sources).
type Source struct {
	Document  string `json:"document"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published"`
	Sentence  string `json:"sentence"`
	// CopyOf is set when this report repeats another word for word (a
	// syndicated copy): the document id of the first report. Copies are
	// listed but not counted as corroboration.
	CopyOf string `json:"copy_of,omitempty"`
}

// TimelineItem is one event across the store: every report of it merged,
// dated by the tightest interval its reports agree on.
type TimelineItem struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Text       string `json:"text"` // a one-line summary
	Value      string `json:"value"`
	Earliest   string `json:"earliest"`
	Latest     string `json:"latest"`
	Derivation string `json:"derivation,omitempty"`
	// When is the date as a reader should see it: "2024-08-28", "2024-10",
	// "≈2024-08-07" (anchored on another event), "by 2026-01-14" (known
	// only to have happened by the report's date).
	When     string   `json:"when"`
	Modality string   `json:"modality"`
	Actors   []string `json:"actors"`
	Target   string   `json:"target,omitempty"`
	Location string   `json:"location"`
	Sources  []Source `json:"sources"`
	// Reports counts the distinct documents that report the event: its
	// corroboration.
	Reports int `json:"reports"`
	// Mentions are the event mentions merged here (document id and local
	// event id), so a client can go back to each annotated article.
	Mentions []MentionRef `json:"mentions"`
}

// MentionRef names one event mention in one stored document.
type MentionRef struct {
	Document string `json:"document"`
	Event    string `json:"event"`
}

// Timeline merges event mentions into timeline items, in time order
// (earliest bound first; undated items last, by first report).
//
// Two mentions are one event when they have the same type, compatible
// participants (the same actor, target and location wherever both name
// one) and overlapping time intervals; undated mentions merge only when
// they name the same actor and the same target or location. Reports of an
// event from the same document count once. The merged time is the
// intersection of the reports' intervals when they overlap, so a date found
// in one article tightens an event another only anchors relatively.
func Timeline(events []sitrep.StoredEvent) []TimelineItem {
	evs := append([]sitrep.StoredEvent(nil), events...)
	sort.SliceStable(evs, func(i, j int) bool { return eventLess(&evs[i], &evs[j]) })
	var items []*cluster
	byType := map[string][]*cluster{}
	for i := range evs {
		m := newMention(&evs[i])
		var home *cluster
		// Reports of one event are published close together, and evs is
		// in publication order: look among the latest clusters of the type
		// only, which keeps merging linear in the number of mentions.
		cs := byType[m.e.Type]
		for k := len(cs) - 1; k >= 0 && k >= len(cs)-mergeWindow; k-- {
			if cs[k].accepts(&m) {
				home = cs[k]
				break
			}
		}
		if home == nil {
			home = &cluster{}
			items = append(items, home)
			byType[m.e.Type] = append(byType[m.e.Type], home)
		}
		home.add(&m)
	}
	out := make([]TimelineItem, 0, len(items))
	for _, c := range items {
		out = append(out, c.item())
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := sortKey(out[i]), sortKey(out[j])
		if (a == "") != (b == "") {
			return a != ""
		}
		if a != b {
			return a < b
		}
		if out[i].Latest != out[j].Latest {
			return out[i].Latest < out[j].Latest
		}
		return firstPublished(out[i]) < firstPublished(out[j])
	})
	for i := range out {
		out[i].ID = itemID(&out[i])
	}
	return out
}

// sortKey places an item in time: its earliest bound, except that an item
// dated only by its report ("happened by the document date") sorts at
// that date rather than a vague window before it.
func sortKey(it TimelineItem) string {
	if dctOnly(it.Derivation) {
		return it.Latest
	}
	return it.Earliest
}

func dctOnly(derivation string) bool { return strings.HasPrefix(derivation, "dct") }

// when renders an item's date for readers.
func when(it TimelineItem) string {
	switch {
	case it.Earliest == "":
		return ""
	case it.Latest == "":
		return "after " + it.Earliest
	case dctOnly(it.Derivation) || it.Value == "" || strings.HasSuffix(it.Value, "_REF"):
		return "by " + it.Latest
	case it.Derivation == "explicit" || strings.HasPrefix(it.Derivation, "explicit"):
		return it.Value
	case it.Earliest == it.Latest:
		return it.Earliest
	}
	return "≈" + it.Value
}

func firstPublished(it TimelineItem) string {
	if len(it.Sources) == 0 {
		return ""
	}
	return it.Sources[0].Published
}

// itemID is a stable id for an item: its type and its first mention.
func itemID(it *TimelineItem) string {
	if len(it.Mentions) == 0 {
		return it.Type
	}
	m := it.Mentions[0]
	return m.Document + "-" + m.Event
}

func eventLess(a, b *sitrep.StoredEvent) bool {
	pa, pb := docDate(a.Published, a.DCT), docDate(b.Published, b.DCT)
	if pa != pb {
		return pa < pb
	}
	if a.DocumentID != b.DocumentID {
		return a.DocumentID < b.DocumentID
	}
	return a.Start < b.Start
}

func docDate(published, dct string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return dct
}

// cluster is a timeline item under construction.
// mergeWindow is how many of the most recent items of a type a mention is
// compared with.
const mergeWindow = 256

// mention is an event mention with its merge keys computed once.
type mention struct {
	e                  *sitrep.StoredEvent
	actor, target, loc string
	dated, narrow      bool
}

func newMention(e *sitrep.StoredEvent) mention {
	m := mention{e: e, actor: key(e.ActorKB, e.ActorName), target: key(e.TargetKB, e.TargetName), loc: key(e.LocationKB, e.LocationName)}
	m.dated = e.Time.Earliest != "" && e.Time.Latest != ""
	m.narrow = m.dated && narrow(e.Time.Earliest, e.Time.Latest)
	return m
}

type cluster struct {
	mentions []*sitrep.StoredEvent
	earliest string
	latest   string
	actor    string // merge key of the actor, "" when none yet
	target   string
	location string
	narrow   bool // the window spans a week or less
}

func key(kb, name string) string {
	if kb != "" {
		return kb
	}
	return strings.ToLower(name)
}

func compatible(a, b string) bool { return a == "" || b == "" || a == b }

func (c *cluster) accepts(m *mention) bool {
	if !compatible(c.actor, m.actor) || !compatible(c.target, m.target) || !compatible(c.location, m.loc) {
		return false
	}
	if !m.dated || c.earliest == "" {
		// Undated: demand the same named actor and target or location.
		return m.dated == (c.earliest != "") && m.actor != "" && m.actor == c.actor &&
			((m.target != "" && m.target == c.target) || (m.loc != "" && m.loc == c.location))
	}
	if !(m.e.Time.Earliest <= c.latest && c.earliest <= m.e.Time.Latest) {
		return false
	}
	// Dated and overlapping: also require that something ties them beyond
	// the type, unless the windows are tight (a week or less).
	if m.actor != "" && m.actor == c.actor || m.target != "" && m.target == c.target || m.loc != "" && m.loc == c.location {
		return true
	}
	return m.narrow && c.narrow
}

// narrow reports whether [a, b] spans at most about a week.
func narrow(a, b string) bool {
	ta, ok1 := parseDay(a)
	tb, ok2 := parseDay(b)
	return ok1 && ok2 && tb.Sub(ta).Hours() <= 7*24
}

func (c *cluster) add(m *mention) {
	e := m.e
	c.mentions = append(c.mentions, e)
	if c.actor == "" {
		c.actor = m.actor
	}
	if c.target == "" {
		c.target = m.target
	}
	if c.location == "" {
		c.location = m.loc
	}
	if !m.dated {
		return
	}
	if c.earliest == "" {
		c.earliest, c.latest, c.narrow = e.Time.Earliest, e.Time.Latest, m.narrow
		return
	}
	// Intersect: each report narrows the window.
	if e.Time.Earliest > c.earliest {
		c.earliest = e.Time.Earliest
	}
	if e.Time.Latest < c.latest {
		c.latest = e.Time.Latest
	}
	c.narrow = c.narrow || narrow(c.earliest, c.latest)
}

// precision ranks how a time was found: an explicit date beats one anchored
// on another event, which beats the document-date fallback.
func precision(t sitrep.EventTime) int {
	switch {
	case t.Derivation == "" || t.Value == "":
		return 0
	case t.Derivation == "dct" || strings.HasPrefix(t.Derivation, "dct"):
		return 1
	case strings.HasPrefix(t.Derivation, "explicit"):
		return 3
	}
	return 2
}

var modalityRank = map[string]int{
	sitrep.ModalityAsserted: 5, sitrep.ModalityReported: 4, sitrep.ModalityBelieved: 3,
	sitrep.ModalityFuture: 2, sitrep.ModalityPossible: 1, sitrep.ModalityNegated: 0,
}

func (c *cluster) item() TimelineItem {
	it := TimelineItem{Earliest: c.earliest, Latest: c.latest, Actors: []string{}, Sources: []Source{}, Mentions: []MentionRef{}}
	best := c.mentions[0]
	docs := map[string]bool{}
	actors := map[string]bool{}
	mod := -1
	for _, e := range c.mentions {
		it.Mentions = append(it.Mentions, MentionRef{Document: e.DocumentID, Event: e.ID})
		if precision(e.Time) > precision(best.Time) || precision(e.Time) == precision(best.Time) && len(e.Summary) > len(best.Summary) {
			best = e
		}
		if r, ok := modalityRank[e.Modality]; ok && r > mod {
			mod, it.Modality = r, e.Modality
		}
		if e.ActorName != "" && !actors[strings.ToLower(e.ActorName)] {
			actors[strings.ToLower(e.ActorName)] = true
			it.Actors = append(it.Actors, e.ActorName)
		}
		if it.Location == "" {
			it.Location = e.LocationName
		}
		if it.Target == "" {
			it.Target = e.TargetName
		}
		if docs[e.DocumentID] {
			continue
		}
		docs[e.DocumentID] = true
		it.Sources = append(it.Sources, Source{
			Document: e.DocumentID, Title: e.Title, URL: e.URL, Site: e.Site,
			Published: docDate(e.Published, e.DCT), Sentence: e.SentenceText,
		})
	}
	it.Type = best.Type
	it.Value = best.Time.Value
	it.Derivation = best.Time.Derivation
	if it.Earliest == "" {
		it.Earliest, it.Latest = best.Time.Earliest, best.Time.Latest
	}
	it.Text = best.Summary
	if it.Text == "" {
		it.Text = oneLine(best.SentenceText, 160)
	}
	if it.Modality == "" {
		it.Modality = sitrep.ModalityAsserted
	}
	it.Reports = markCopies(it.Sources)
	it.When = when(it)
	return it
}

// markCopies marks sources whose sentence repeats an earlier source's word
// for word (syndicated copies of one article) and returns the number of
// independent reports.
func markCopies(srcs []Source) int {
	first := map[string]string{}
	n := 0
	for i := range srcs {
		k := strings.ToLower(strings.Join(strings.Fields(srcs[i].Sentence), " "))
		if k != "" {
			if doc, ok := first[k]; ok {
				srcs[i].CopyOf = doc
				continue
			}
			first[k] = srcs[i].Document
		}
		n++
	}
	return n
}

// oneLine collapses whitespace and clips s to about n bytes on a word
// boundary.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}
