// Package kb is sitrep's knowledge across documents: the same event reported
// by several articles merged into one timeline item with its sources, dates
// refined by the best-dated report, figures compared across sources and over
// time, forecasts tracked to their deadlines, and the brief built from all of
// them. It works on what a sitrep.Store returns and does no I/O itself.
package kb

import (
	"cmp"
	"slices"
	"strings"
	"time"

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
//
// A busy entity has thousands of mentions, each compared with up to
// mergeWindow items: the comparison works on small integers (participants
// and dates numbered once) and the events are sorted and referred to by
// index, not copied.
func Timeline(events []sitrep.StoredEvent) []TimelineItem {
	// Publication order: by the document's date, the document, then the
	// trigger's offset; stable. Dates compare as day numbers where all
	// are YYYY-MM-DD (or none).
	type pubKey struct {
		day  int32
		date string
		i    int
	}
	order := make([]pubKey, len(events))
	days := true
	for i := range events {
		d := docDate(events[i].Published, events[i].DCT)
		n, ok := dayNumber(d)
		days = days && ok
		order[i] = pubKey{n, d, i}
	}
	slices.SortFunc(order, func(a, b pubKey) int {
		if days && a.day != b.day {
			return cmp.Compare(a.day, b.day)
		}
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		ea, eb := &events[a.i], &events[b.i]
		return cmp.Or(strings.Compare(ea.DocumentID, eb.DocumentID), cmp.Compare(ea.Start, eb.Start), cmp.Compare(a.i, b.i))
	})
	nb := newNumbering(events)
	// The mentions' merge keys, read in one pass over the events in their
	// order: the merge below visits them in publication order, and reads
	// these compact records rather than the events.
	ms := make([]mention, len(events))
	types := map[string]int32{}
	for i := range events {
		ms[i] = nb.mention(&events[i])
		t, ok := types[events[i].Type]
		if !ok {
			t = int32(len(types))
			types[events[i].Type] = t
		}
		ms[i].typ = t
	}
	var items []*cluster
	byType := make([][]*cluster, len(types))
	// The clusters, and the list of each one's first mention, cut from
	// arrays as large as there can be clusters.
	slab := make([]cluster, 0, len(events))
	firsts := make([]*sitrep.StoredEvent, len(events))
	for _, o := range order {
		m := &ms[o.i]
		var home *cluster
		// Reports of one event are published close together, and the
		// mentions come in publication order: look among the latest
		// clusters of the type only, which keeps merging linear in the
		// number of mentions.
		cs := byType[m.typ]
		for k := len(cs) - 1; k >= 0 && k >= len(cs)-mergeWindow; k-- {
			if cs[k].accepts(m) {
				home = cs[k]
				break
			}
		}
		if home == nil {
			n := len(slab)
			slab = append(slab, cluster{mentions: firsts[n : n : n+1]})
			home = &slab[n]
			items = append(items, home)
			byType[m.typ] = append(byType[m.typ], home)
		}
		home.add(m, nb)
	}
	// The items in time order, each built in its place: the order needs
	// only the best report's time and the first report's date.
	type itemKey struct {
		sort, latest, published    string
		sortDay, latestDay, pubDay int32 // as dayNumber, where days
		i                          int
		best                       *sitrep.StoredEvent
	}
	keys := make([]itemKey, len(items))
	itemDays := true
	for i, c := range items {
		best := c.best()
		earliest, latest := nb.date[c.earliest], nb.date[c.latest]
		if earliest == "" {
			earliest, latest = best.Time.Earliest, best.Time.Latest
		}
		k := itemKey{sort: earliest, latest: latest, i: i, best: best}
		if dctOnly(best.Time.Derivation) {
			// Dated only by its report ("happened by the document
			// date"): at that date rather than a vague window before.
			k.sort = latest
		}
		first := c.mentions[0] // the first source
		k.published = docDate(first.Published, first.DCT)
		var ok1, ok2, ok3 bool
		k.sortDay, ok1 = dayNumber(k.sort)
		k.latestDay, ok2 = dayNumber(k.latest)
		k.pubDay, ok3 = dayNumber(k.published)
		itemDays = itemDays && ok1 && ok2 && ok3
		keys[i] = k
	}
	slices.SortFunc(keys, func(a, b itemKey) int {
		if (a.sort == "") != (b.sort == "") {
			if a.sort != "" {
				return -1
			}
			return 1
		}
		if itemDays {
			return cmp.Or(cmp.Compare(a.sortDay, b.sortDay), cmp.Compare(a.latestDay, b.latestDay),
				cmp.Compare(a.pubDay, b.pubDay), cmp.Compare(a.i, b.i))
		}
		return cmp.Or(strings.Compare(a.sort, b.sort), strings.Compare(a.latest, b.latest),
			strings.Compare(a.published, b.published), cmp.Compare(a.i, b.i))
	})
	// The items' lists, cut from one array each.
	n := len(events)
	lists := &itemLists{make([]string, n), make([]Source, n), make([]MentionRef, n)}
	out := make([]TimelineItem, len(items))
	for i, k := range keys {
		it := &out[i]
		items[k.i].fill(it, k.best, nb, lists)
		it.ID = itemID(it)
	}
	return out
}

// dayNumber numbers a YYYY-MM-DD date so that numbers compare as the dates
// do, "" as 0; ok is false for anything else.
func dayNumber(s string) (n int32, ok bool) {
	if s == "" {
		return 0, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	for i := range 10 {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int32(c-'0')
	}
	return n + 1, true
}

// numbering numbers the participants' merge keys (0: none) and the dates
// (in string order, "" first as 0) of a set of mentions, so that comparing
// two is comparing integers.
type numbering struct {
	names map[[2]string]int32 // kb and name, as given -> number of key(kb, name)
	keys  map[string]int32
	dates map[string]int32
	date  []string   // number -> date
	days  []dayParse // number -> the date parsed, once
}

type dayParse struct {
	t        time.Time
	ok, done bool
}

// narrow reports whether the dates numbered a and b span at most about a
// week.
func (nb *numbering) narrow(a, b int32) bool {
	pa, pb := nb.parsed(a), nb.parsed(b)
	return pa.ok && pb.ok && pb.t.Sub(pa.t).Hours() <= 7*24
}

func (nb *numbering) parsed(n int32) *dayParse {
	p := &nb.days[n]
	if !p.done {
		p.t, p.ok = parseDay(nb.date[n])
		p.done = true
	}
	return p
}

func newNumbering(events []sitrep.StoredEvent) *numbering {
	nb := &numbering{names: map[[2]string]int32{}, keys: map[string]int32{}, dates: map[string]int32{"": 0}}
	var ds []string
	for i := range events {
		t := &events[i].Time
		for _, d := range [...]string{t.Earliest, t.Latest} {
			if _, ok := nb.dates[d]; !ok {
				nb.dates[d] = -1
				ds = append(ds, d)
			}
		}
	}
	slices.Sort(ds)
	nb.date = append([]string{""}, ds...)
	nb.days = make([]dayParse, len(nb.date))
	for i, d := range ds {
		nb.dates[d] = int32(i + 1)
	}
	return nb
}

// participant returns the number of the merge key of an entity (0 when it
// has none).
func (nb *numbering) participant(kb, name string) int32 {
	if kb == "" && name == "" {
		return 0
	}
	if n, ok := nb.names[[2]string{kb, name}]; ok {
		return n
	}
	k := key(kb, name)
	n, ok := nb.keys[k]
	if !ok {
		n = int32(len(nb.keys) + 1)
		nb.keys[k] = n
	}
	nb.names[[2]string{kb, name}] = n
	return n
}

func (nb *numbering) mention(e *sitrep.StoredEvent) mention {
	m := mention{e: e, actor: nb.participant(e.ActorKB, e.ActorName), target: nb.participant(e.TargetKB, e.TargetName),
		loc: nb.participant(e.LocationKB, e.LocationName), earliest: nb.dates[e.Time.Earliest], latest: nb.dates[e.Time.Latest]}
	m.dated = e.Time.Earliest != "" && e.Time.Latest != ""
	m.narrow = m.dated && nb.narrow(m.earliest, m.latest)
	return m
}

func dctOnly(derivation string) bool { return strings.HasPrefix(derivation, "dct") }

// when renders an item's date for readers.
func when(it *TimelineItem) string {
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

// mergeWindow is how many of the most recent items of a type a mention is
// compared with.
const mergeWindow = 256

// mention is an event mention with its merge keys numbered.
type mention struct {
	e                  *sitrep.StoredEvent
	actor, target, loc int32 // numbered merge keys; 0: none
	earliest, latest   int32 // numbered dates
	typ                int32 // numbered type
	dated, narrow      bool
}

// cluster is a timeline item under construction.
type cluster struct {
	mentions []*sitrep.StoredEvent
	earliest int32 // numbered dates; 0 ("") while no mention is dated
	latest   int32
	actor    int32 // merge key of the actor, 0 when none yet
	target   int32
	location int32
	narrow   bool // the window spans a week or less
}

func key(kb, name string) string {
	if kb != "" {
		return kb
	}
	return strings.ToLower(name)
}

// compatible reports whether two participants (merge keys or their
// numbers) may be the same: equal, or either unknown.
func compatible[T comparable](a, b T) bool {
	var none T
	return a == none || b == none || a == b
}

func (c *cluster) accepts(m *mention) bool {
	if m.dated && c.earliest != 0 {
		// Dated and overlapping (the cheapest test first), with
		// compatible participants; also require that something ties them
		// beyond the type, unless the windows are tight (a week or less).
		if m.earliest > c.latest || c.earliest > m.latest ||
			!compatible(c.actor, m.actor) || !compatible(c.target, m.target) || !compatible(c.location, m.loc) {
			return false
		}
		if m.actor != 0 && m.actor == c.actor || m.target != 0 && m.target == c.target || m.loc != 0 && m.loc == c.location {
			return true
		}
		return m.narrow && c.narrow
	}
	// Undated: demand the same named actor and target or location.
	return m.dated == (c.earliest != 0) && m.actor != 0 && m.actor == c.actor &&
		((m.target != 0 && m.target == c.target) || (m.loc != 0 && m.loc == c.location)) &&
		compatible(c.target, m.target) && compatible(c.location, m.loc)
}

func (c *cluster) add(m *mention, nb *numbering) {
	c.mentions = append(c.mentions, m.e)
	if c.actor == 0 {
		c.actor = m.actor
	}
	if c.target == 0 {
		c.target = m.target
	}
	if c.location == 0 {
		c.location = m.loc
	}
	if !m.dated {
		return
	}
	if c.earliest == 0 {
		c.earliest, c.latest, c.narrow = m.earliest, m.latest, m.narrow
		return
	}
	// Intersect: each report narrows the window.
	changed := false
	if m.earliest > c.earliest {
		c.earliest, changed = m.earliest, true
	}
	if m.latest < c.latest {
		c.latest, changed = m.latest, true
	}
	if changed && !c.narrow {
		c.narrow = nb.narrow(c.earliest, c.latest)
	}
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

// best returns the report an item takes its type, time and text from: the
// most precisely dated, then the one with the longest summary.
func (c *cluster) best() *sitrep.StoredEvent {
	best := c.mentions[0]
	bp := precision(best.Time)
	for _, e := range c.mentions[1:] {
		if p := precision(e.Time); p > bp || p == bp && len(e.Summary) > len(best.Summary) {
			best, bp = e, p
		}
	}
	return best
}

// itemLists holds the room left for the lists of items, one element per
// mention: an item with n mentions takes n of each.
type itemLists struct {
	actors   []string
	sources  []Source
	mentions []MentionRef
}

// fill sets it to the item of c, whose best report is best.
func (c *cluster) fill(it *TimelineItem, best *sitrep.StoredEvent, nb *numbering, l *itemLists) {
	n := len(c.mentions)
	*it = TimelineItem{Earliest: nb.date[c.earliest], Latest: nb.date[c.latest],
		Actors: l.actors[:0:n], Sources: l.sources[:0:n], Mentions: l.mentions[:0:n]}
	l.actors, l.sources, l.mentions = l.actors[n:], l.sources[n:], l.mentions[n:]
	// Sets of documents and of actors' folded names: a scan of what is
	// listed for the few mentions most items have, maps beyond.
	var docs, actors map[string]bool
	if n > 8 {
		docs, actors = map[string]bool{}, map[string]bool{}
	}
	var folded []string
	mod := -1
	for _, e := range c.mentions {
		it.Mentions = append(it.Mentions, MentionRef{Document: e.DocumentID, Event: e.ID})
		if r, ok := modalityRank[e.Modality]; ok && r > mod {
			mod, it.Modality = r, e.Modality
		}
		if e.ActorName != "" {
			f := strings.ToLower(e.ActorName)
			if actors != nil && !actors[f] || actors == nil && !slices.Contains(folded, f) {
				if actors != nil {
					actors[f] = true
				} else {
					folded = append(folded, f)
				}
				it.Actors = append(it.Actors, e.ActorName)
			}
		}
		if it.Location == "" {
			it.Location = e.LocationName
		}
		if it.Target == "" {
			it.Target = e.TargetName
		}
		if docs != nil && docs[e.DocumentID] || docs == nil && slices.ContainsFunc(it.Sources, func(s Source) bool { return s.Document == e.DocumentID }) {
			continue
		}
		if docs != nil {
			docs[e.DocumentID] = true
		}
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
}

// markCopies marks sources whose sentence repeats an earlier source's word
// for word (syndicated copies of one article) and returns the number of
// independent reports.
func markCopies(srcs []Source) int {
	if len(srcs) < 2 {
		return len(srcs) // nothing to repeat
	}
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
