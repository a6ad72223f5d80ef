package kb

// The Timeline of commit 4abb78d (comments dropped, names prefixed with
// ref), kept to check that later changes leave its output as it was:
// TestTimelineAsBefore.

import (
	"cmp"
	"slices"
	"strings"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

func refTimeline(events []sitrep.StoredEvent) []TimelineItem {
	type pubKey struct {
		day  int32
		date string
		i    int
	}
	order := make([]pubKey, len(events))
	days := true
	for i := range events {
		d := refDocDate(events[i].Published, events[i].DCT)
		n, ok := refDayNumber(d)
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
	nb := refNewNumbering(events)
	ms := make([]refMention, len(events))
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
	var items []*refCluster
	byType := make([][]*refCluster, len(types))
	slab := make([]refCluster, 0, len(events))
	firsts := make([]*sitrep.StoredEvent, len(events))
	for _, o := range order {
		m := &ms[o.i]
		var home *refCluster
		cs := byType[m.typ]
		for k := len(cs) - 1; k >= 0 && k >= len(cs)-refMergeWindow; k-- {
			if cs[k].accepts(m) {
				home = cs[k]
				break
			}
		}
		if home == nil {
			n := len(slab)
			slab = append(slab, refCluster{mentions: firsts[n : n : n+1]})
			home = &slab[n]
			items = append(items, home)
			byType[m.typ] = append(byType[m.typ], home)
		}
		home.add(m, nb)
	}
	type itemKey struct {
		sort, latest, published    string
		sortDay, latestDay, pubDay int32
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
		if refDctOnly(best.Time.Derivation) {
			k.sort = latest
		}
		first := c.mentions[0]
		k.published = refDocDate(first.Published, first.DCT)
		var ok1, ok2, ok3 bool
		k.sortDay, ok1 = refDayNumber(k.sort)
		k.latestDay, ok2 = refDayNumber(k.latest)
		k.pubDay, ok3 = refDayNumber(k.published)
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
	n := len(events)
	lists := &refItemLists{make([]string, n), make([]Source, n), make([]MentionRef, n)}
	out := make([]TimelineItem, len(items))
	for i, k := range keys {
		it := &out[i]
		items[k.i].fill(it, k.best, nb, lists)
		it.ID = refItemID(it)
	}
	return out
}

func refDayNumber(s string) (n int32, ok bool) {
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

type refNumbering struct {
	names map[[2]string]int32
	keys  map[string]int32
	dates map[string]int32
	date  []string
	days  []refDayParse
}

type refDayParse struct {
	t        time.Time
	ok, done bool
}

func (nb *refNumbering) narrow(a, b int32) bool {
	pa, pb := nb.parsed(a), nb.parsed(b)
	return pa.ok && pb.ok && pb.t.Sub(pa.t).Hours() <= 7*24
}

func (nb *refNumbering) parsed(n int32) *refDayParse {
	p := &nb.days[n]
	if !p.done {
		p.t, p.ok = parseDay(nb.date[n])
		p.done = true
	}
	return p
}

func refNewNumbering(events []sitrep.StoredEvent) *refNumbering {
	nb := &refNumbering{names: map[[2]string]int32{}, keys: map[string]int32{}, dates: map[string]int32{"": 0}}
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
	nb.days = make([]refDayParse, len(nb.date))
	for i, d := range ds {
		nb.dates[d] = int32(i + 1)
	}
	return nb
}

func (nb *refNumbering) participant(kb, name string) int32 {
	if kb == "" && name == "" {
		return 0
	}
	if n, ok := nb.names[[2]string{kb, name}]; ok {
		return n
	}
	k := refKey(kb, name)
	n, ok := nb.keys[k]
	if !ok {
		n = int32(len(nb.keys) + 1)
		nb.keys[k] = n
	}
	nb.names[[2]string{kb, name}] = n
	return n
}

func (nb *refNumbering) mention(e *sitrep.StoredEvent) refMention {
	m := refMention{e: e, actor: nb.participant(e.ActorKB, e.ActorName), target: nb.participant(e.TargetKB, e.TargetName),
		loc: nb.participant(e.LocationKB, e.LocationName), earliest: nb.dates[e.Time.Earliest], latest: nb.dates[e.Time.Latest]}
	m.dated = e.Time.Earliest != "" && e.Time.Latest != ""
	m.narrow = m.dated && nb.narrow(m.earliest, m.latest)
	return m
}

func refDctOnly(derivation string) bool { return strings.HasPrefix(derivation, "dct") }

func refWhen(it *TimelineItem) string {
	switch {
	case it.Earliest == "":
		return ""
	case it.Latest == "":
		return "after " + it.Earliest
	case refDctOnly(it.Derivation) || it.Value == "" || strings.HasSuffix(it.Value, "_REF"):
		return "by " + it.Latest
	case it.Derivation == "explicit" || strings.HasPrefix(it.Derivation, "explicit"):
		return it.Value
	case it.Earliest == it.Latest:
		return it.Earliest
	}
	return "≈" + it.Value
}

func refItemID(it *TimelineItem) string {
	if len(it.Mentions) == 0 {
		return it.Type
	}
	m := it.Mentions[0]
	return m.Document + "-" + m.Event
}

func refDocDate(published, dct string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return dct
}

const refMergeWindow = 256

type refMention struct {
	e                  *sitrep.StoredEvent
	actor, target, loc int32
	earliest, latest   int32
	typ                int32
	dated, narrow      bool
}

type refCluster struct {
	mentions []*sitrep.StoredEvent
	earliest int32
	latest   int32
	actor    int32
	target   int32
	location int32
	narrow   bool
}

func refKey(kb, name string) string {
	if kb != "" {
		return kb
	}
	return strings.ToLower(name)
}

func refCompatible[T comparable](a, b T) bool {
	var none T
	return a == none || b == none || a == b
}

func (c *refCluster) accepts(m *refMention) bool {
	if m.dated && c.earliest != 0 {
		if m.earliest > c.latest || c.earliest > m.latest ||
			!refCompatible(c.actor, m.actor) || !refCompatible(c.target, m.target) || !refCompatible(c.location, m.loc) {
			return false
		}
		if m.actor != 0 && m.actor == c.actor || m.target != 0 && m.target == c.target || m.loc != 0 && m.loc == c.location {
			return true
		}
		return m.narrow && c.narrow
	}
	return m.dated == (c.earliest != 0) && m.actor != 0 && m.actor == c.actor &&
		((m.target != 0 && m.target == c.target) || (m.loc != 0 && m.loc == c.location)) &&
		refCompatible(c.target, m.target) && refCompatible(c.location, m.loc)
}

func (c *refCluster) add(m *refMention, nb *refNumbering) {
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

func refPrecision(t sitrep.EventTime) int {
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

var refModalityRank = map[string]int{
	sitrep.ModalityAsserted: 5, sitrep.ModalityReported: 4, sitrep.ModalityBelieved: 3,
	sitrep.ModalityFuture: 2, sitrep.ModalityPossible: 1, sitrep.ModalityNegated: 0,
}

func (c *refCluster) best() *sitrep.StoredEvent {
	best := c.mentions[0]
	bp := refPrecision(best.Time)
	for _, e := range c.mentions[1:] {
		if p := refPrecision(e.Time); p > bp || p == bp && len(e.Summary) > len(best.Summary) {
			best, bp = e, p
		}
	}
	return best
}

type refItemLists struct {
	actors   []string
	sources  []Source
	mentions []MentionRef
}

func (c *refCluster) fill(it *TimelineItem, best *sitrep.StoredEvent, nb *refNumbering, l *refItemLists) {
	n := len(c.mentions)
	*it = TimelineItem{Earliest: nb.date[c.earliest], Latest: nb.date[c.latest],
		Actors: l.actors[:0:n], Sources: l.sources[:0:n], Mentions: l.mentions[:0:n]}
	l.actors, l.sources, l.mentions = l.actors[n:], l.sources[n:], l.mentions[n:]
	var docs, actors map[string]bool
	if n > 8 {
		docs, actors = map[string]bool{}, map[string]bool{}
	}
	var folded []string
	mod := -1
	for _, e := range c.mentions {
		it.Mentions = append(it.Mentions, MentionRef{Document: e.DocumentID, Event: e.ID})
		if r, ok := refModalityRank[e.Modality]; ok && r > mod {
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
			Published: refDocDate(e.Published, e.DCT), Sentence: e.SentenceText,
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
		it.Text = refOneLine(best.SentenceText, 160)
	}
	if it.Modality == "" {
		it.Modality = sitrep.ModalityAsserted
	}
	it.Reports = refMarkCopies(it.Sources)
	it.When = refWhen(it)
}

func refMarkCopies(srcs []Source) int {
	if len(srcs) < 2 {
		return len(srcs)
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

func refOneLine(s string, n int) string {
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
