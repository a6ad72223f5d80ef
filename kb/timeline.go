// Package kb is sitrep's knowledge across documents: the same event reported
// by several articles merged into one timeline item with its sources, dates
// refined by the best-dated report, figures compared across sources and over
// time, forecasts tracked to their deadlines, and the brief built from all of
// them. It works on what a sitrep.Store returns and does no I/O itself.
package kb

import (
	"cmp"
	"github.com/sitrep-news/sitrep/internal/civil"
	"math"
	"math/bits"
	"slices"
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
//
// A busy entity has thousands of mentions, each compared with up to
// mergeWindow items: the comparison works on small integers (participants
// and dates numbered once), first on the items' dates alone, kept apart in
// one array a type; the events are sorted and referred to by index, not
// copied.
func Timeline(events []sitrep.StoredEvent) []TimelineItem {
	// The mentions' merge keys, read in one pass over the events in their
	// order: the merge below visits them in publication order, and reads
	// these compact records rather than the events.
	nb := newNumbering(len(events))
	ms := make([]mention, len(events))
	days := make([]uint64, len(events)) // document's day, event's index (publicationOrder)
	ib := bits.Len(uint(len(events)))
	// The ids items may take ("document-event" of their first mention),
	// written while the events' strings are at hand.
	var ids strings.Builder
	ids.Grow(24 * len(events))
	idEnd := make([]int, len(events))
	for i := range events {
		e := &events[i]
		ms[i] = nb.mention(e)
		days[i] = uint64(ms[i].pub)<<ib | uint64(i)
		ids.WriteString(e.DocumentID)
		ids.WriteByte('-')
		ids.WriteString(e.ID)
		idEnd[i] = ids.Len()
	}
	allIDs := ids.String()
	nb.finish(ms)
	order := publicationOrder(events, ms, days, ib, nb.pubDays)
	// Each type's clusters, newest last: their dates side by side, tested
	// first, and their indexes in slab. An undated cluster has dates 0, 0,
	// which only an undated mention's 0, 0 overlaps (a dated one's are
	// numbered from 1), as accepts demands.
	type window struct {
		spans    []span // each cluster's numbered dates
		clusters []int32
	}
	wins := make([]window, len(nb.types))
	// The clusters, and the list of each one's first mention, cut from
	// arrays as large as there can be clusters.
	slab := make([]cluster, 0, len(events))
	firsts := make([]*mention, len(events))
	for _, i := range order {
		m := &ms[i]
		// Reports of one event are published close together, and the
		// mentions come in publication order: look among the latest
		// clusters of the type only, which keeps merging linear in the
		// number of mentions.
		w := &wins[m.typ]
		q := span{}
		if m.dated {
			q = span{m.earliest, m.latest}
		}
		home := -1
		lo := max(0, len(w.clusters)-mergeWindow)
		spans := w.spans[lo:]
		for k := len(spans) - 1; ; k-- {
			if k = newestOverlap(spans, k, q); k < 0 {
				break
			}
			if h := int(w.clusters[lo+k]); slab[h].accepts(m) {
				home = h
				break
			}
		}
		if home < 0 {
			home = len(slab)
			slab = append(slab, cluster{mentions: firsts[home : home : home+1], first: i, typ: m.typ, pos: int32(len(w.clusters))})
			w.clusters = append(w.clusters, int32(home))
			w.spans = append(w.spans, span{})
		}
		c := &slab[home]
		c.add(m, nb)
		w.spans[c.pos] = span{c.earliest, c.latest}
	}
	// The items in time order, each built in its place: the order needs
	// only the best report's time and the first report's date.
	bests := make([]*mention, len(slab))
	for i := range slab {
		bests[i] = slab[i].best()
	}
	n := len(events)
	lists := &itemLists{make([]string, n), make([]Source, n), make([]MentionRef, n)}
	out := make([]TimelineItem, len(slab))
	for i, k := range itemOrder(slab, bests, nb) {
		c := &slab[k]
		c.fill(&out[i], bests[k], nb, lists)
		start := 0
		if c.first > 0 {
			start = idEnd[c.first-1]
		}
		out[i].ID = allIDs[start:idEnd[c.first]]
	}
	return out
}

// span is an interval of numbered dates.
type span struct{ earliest, latest int32 }

// newestOverlap returns the greatest k <= from such that spans[k] overlaps
// q, or -1. The numbers are not negative, so b-a is negative exactly when
// a > b: the test is on sign bits, a branch for four spans.
func newestOverlap(spans []span, from int, q span) int {
	k := from
	for ; k >= 3; k -= 4 {
		s := spans[k-3 : k+1 : k+1]
		x0 := (q.latest - s[0].earliest) | (s[0].latest - q.earliest)
		x1 := (q.latest - s[1].earliest) | (s[1].latest - q.earliest)
		x2 := (q.latest - s[2].earliest) | (s[2].latest - q.earliest)
		x3 := (q.latest - s[3].earliest) | (s[3].latest - q.earliest)
		if x0&x1&x2&x3 >= 0 { // not all four apart
			switch {
			case x3 >= 0:
				return k
			case x2 >= 0:
				return k - 1
			case x1 >= 0:
				return k - 2
			}
			return k - 3
		}
	}
	for ; k >= 0; k-- {
		if (q.latest-spans[k].earliest)|(spans[k].latest-q.earliest) >= 0 {
			return k
		}
	}
	return -1
}

// packedBits is how wide the integer an item's order packs may be (less in
// a test, to take the other way).
var packedBits = 64

// radixSort sorts keys below 1<<width in increasing order, a byte at a
// time.
func radixSort(keys []uint64, width int) {
	if len(keys) < 512 {
		slices.Sort(keys)
		return
	}
	src, dst := keys, make([]uint64, len(keys))
	for shift := 0; shift < width; shift += 8 {
		var count [256]int
		for _, k := range src {
			count[byte(k>>shift)]++
		}
		if count[byte(src[0]>>shift)] == len(src) {
			continue // one byte value: in order already
		}
		sum := 0
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for _, k := range src {
			b := byte(k >> shift)
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// pubKey is what the publication order compares of an event: the
// document's date, the document, the trigger's offset and the event's
// index.
type pubKey struct {
	i     int32
	start int
	doc   string
	date  string
}

// publicationOrder returns the indexes of events by the document's date,
// the document, then the trigger's offset; stable. Where all the dates are
// YYYY-MM-DD (or none; allDays), days holds each event's day number and
// index, day<<ib | index: sorted as integers, then each day's events by
// document and offset; and each mention's pub becomes its day's rank.
func publicationOrder(events []sitrep.StoredEvent, ms []mention, days []uint64, ib int, allDays bool) []int32 {
	order := make([]int32, len(events))
	if allDays {
		var top uint64
		for _, k := range days {
			top = max(top, k)
		}
		radixSort(days, bits.Len64(top))
		low := uint64(1)<<ib - 1
		for i, k := range days {
			order[i] = int32(k & low)
		}
		rank := int32(0)
		for a := 0; a < len(days); rank++ {
			b := a + 1
			for b < len(days) && days[b]>>ib == days[a]>>ib {
				b++
			}
			if b-a > 1 {
				slices.SortFunc(order[a:b], func(x, y int32) int {
					ex, ey := &events[x], &events[y]
					if ex.DocumentID != ey.DocumentID {
						return strings.Compare(ex.DocumentID, ey.DocumentID)
					}
					if ex.Start != ey.Start {
						return cmp.Compare(ex.Start, ey.Start)
					}
					return cmp.Compare(x, y)
				})
			}
			for _, i := range order[a:b] {
				ms[i].pub = rank
			}
			a = b
		}
		return order
	}
	keys := make([]pubKey, len(events))
	for i := range events {
		e := &events[i]
		keys[i] = pubKey{int32(i), e.Start, e.DocumentID, docDate(e.Published, e.DCT)}
	}
	slices.SortFunc(keys, func(a, b pubKey) int {
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		if a.doc != b.doc {
			return strings.Compare(a.doc, b.doc)
		}
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(a.i, b.i)
	})
	for i := range keys {
		order[i] = keys[i].i
	}
	return order
}

// itemOrder returns the indexes of the clusters in time order: by the
// earliest bound of the best report's time (the latest, for a time known
// only from the report's date), undated last; then by the latest bound, the
// first report's date and creation. Where the documents' dates are all
// YYYY-MM-DD, these compare as numbers packed in an integer: the dates'
// numbers and the first report's date's rank are in the strings' order.
func itemOrder(slab []cluster, bests []*mention, nb *numbering) []int32 {
	order := make([]int32, len(slab))
	if nb.pubDays {
		// Dates as numbered (in the strings' order), the first report's
		// date as its rank, the cluster's index: bd, bd, bp and bi bits.
		bd := bits.Len(uint(len(nb.date)))
		bi := bits.Len(uint(len(slab)))
		bp := 0
		for i := range slab {
			bp = max(bp, bits.Len32(uint32(slab[i].mentions[0].pub)))
		}
		wide := 2*bd+bp+bi > packedBits
		if wide {
			bd, bp = 32, 0 // two integers: dates in hi, rank and index in lo
		}
		hi := make([]uint64, len(slab))
		var lo []uint64
		if wide {
			lo = make([]uint64, len(slab))
		}
		for i := range slab {
			c, best := &slab[i], bests[i]
			earliest, latest := c.earliest, c.latest
			if earliest == 0 {
				earliest, latest = best.earliest, best.latest
			}
			sort := uint64(earliest)
			if best.dct {
				sort = uint64(latest)
			}
			if sort == 0 {
				sort = 1<<bd - 1 // undated last
			}
			pub := uint64(c.mentions[0].pub)
			if wide {
				hi[i], lo[i] = sort<<bd|uint64(latest), pub<<32|uint64(i)
			} else {
				hi[i] = ((sort<<bd|uint64(latest))<<bp|pub)<<bi | uint64(i)
			}
		}
		if !wide {
			radixSort(hi, 2*bd+bp+bi)
			for i, k := range hi {
				order[i] = int32(k & (1<<bi - 1))
			}
			return order
		}
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return cmp.Or(cmp.Compare(hi[a], hi[b]), cmp.Compare(lo[a], lo[b])) })
		return order
	}
	keyOf := func(i int) (sort, latest, published string) {
		c, best := &slab[i], bests[i].e
		earliest, latest := nb.date[c.earliest], nb.date[c.latest]
		if earliest == "" {
			earliest, latest = best.Time.Earliest, best.Time.Latest
		}
		sort = earliest
		if dctOnly(best.Time.Derivation) {
			// Dated only by its report ("happened by the document
			// date"): at that date rather than a vague window before.
			sort = latest
		}
		first := c.mentions[0].e // the first source
		return sort, latest, docDate(first.Published, first.DCT)
	}
	type strKey struct {
		sort, latest, published string
		i                       int32
	}
	skeys := make([]strKey, len(slab))
	for i := range slab {
		sort, latest, published := keyOf(i)
		skeys[i] = strKey{sort, latest, published, int32(i)}
	}
	slices.SortFunc(skeys, func(a, b strKey) int {
		if (a.sort == "") != (b.sort == "") {
			if a.sort != "" {
				return -1
			}
			return 1
		}
		return cmp.Or(strings.Compare(a.sort, b.sort), strings.Compare(a.latest, b.latest),
			strings.Compare(a.published, b.published), cmp.Compare(a.i, b.i))
	})
	for i, k := range skeys {
		order[i] = k.i
	}
	return order
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

// numbering numbers the participants' merge keys (0: none), the types and
// the dates (in string order, "" first as 0) of a set of mentions, so that
// comparing two is comparing integers.
type numbering struct {
	kbs   map[string]int32 // KB id -> number of its key
	names map[string]int32 // name without KB id, as given -> number of its key
	keys  map[string]int32
	types []string // number -> type
	typeN map[string]int32
	// Dates are numbered as they come (found), then in string order
	// (finish).
	found     map[string]int32 // dates other than days
	foundDay  map[int32]int32  // days, by dayNumber
	foundDate []string
	foundDayN []int32 // dayNumber of each date found
	lastDate  [2]string
	lastN     [2]int32
	date      []string // number -> date
	epoch     []int32  // number -> epochDay of the date, noDay if none
	// allDays: every date is YYYY-MM-DD (or ""), as dayNumber takes it;
	// pubDays: every document date.
	allDays, pubDays bool
}

// narrow reports whether the dates numbered a and b span at most about a
// week (a week or less from a to b, or b before a), both read as parseDay
// reads them.
func (nb *numbering) narrow(a, b int32) bool {
	ea, eb := nb.epoch[a], nb.epoch[b]
	return ea != noDay && eb != noDay && eb-ea <= 7
}

// noDay is the epochDay of what parseDay does not read.
const noDay = math.MinInt32

// epochDay returns the number of days from 1970-01-01 to the date s begins
// with, where parseDay reads one (YYYY-MM-DD, a day of the month, year 0 to
// 9999), and noDay where it does not.
func epochDay(s string) int32 {
	if n, ok := civil.Day(s); ok {
		return int32(n)
	}
	return noDay
}

func newNumbering(n int) *numbering {
	return &numbering{kbs: map[string]int32{}, names: map[string]int32{}, keys: map[string]int32{},
		found: map[string]int32{}, foundDay: map[int32]int32{0: 0}, foundDate: make([]string, 1, 1+n/4),
		foundDayN: make([]int32, 1, 1+n/4), allDays: true, pubDays: true}
}

// participant returns the number of the merge key of an entity (0 when it
// has none).
func (nb *numbering) participant(kb, name string) int32 {
	if kb != "" {
		n, ok := nb.kbs[kb]
		if !ok {
			n = nb.key(kb)
			nb.kbs[kb] = n
		}
		return n
	}
	if name == "" {
		return 0
	}
	n, ok := nb.names[name]
	if !ok {
		n = nb.key(strings.ToLower(name))
		nb.names[name] = n
	}
	return n
}

// key returns the number of a merge key (as key returns them).
func (nb *numbering) key(k string) int32 {
	n, ok := nb.keys[k]
	if !ok {
		n = int32(len(nb.keys) + 1)
		nb.keys[k] = n
	}
	return n
}

// typ returns the number of an event type.
func (nb *numbering) typ(t string) int32 {
	if nb.typeN == nil {
		// Few types: a scan.
		for i, u := range nb.types {
			if u == t {
				return int32(i)
			}
		}
		nb.types = append(nb.types, t)
		if len(nb.types) > 16 {
			nb.typeN = map[string]int32{}
			for i, u := range nb.types {
				nb.typeN[u] = int32(i)
			}
		}
		return int32(len(nb.types) - 1)
	}
	n, ok := nb.typeN[t]
	if !ok {
		n = int32(len(nb.types))
		nb.types = append(nb.types, t)
		nb.typeN[t] = n
	}
	return n
}

// foundNumber returns the number of a date in the order found; k (0 or 1)
// remembers the last date numbered for the earliest or the latest bound,
// which is often the next one's (events come from a store in time order).
func (nb *numbering) foundNumber(d string, k int) int32 {
	if d == nb.lastDate[k] {
		return nb.lastN[k]
	}
	// A day is looked up by its number, a cheaper key than a string.
	dn, day := dayNumber(d)
	var n int32
	var ok bool
	if day {
		n, ok = nb.foundDay[dn]
	} else {
		n, ok = nb.found[d]
		nb.allDays = false
	}
	if !ok {
		n = int32(len(nb.foundDate))
		if day {
			nb.foundDay[dn] = n
		} else {
			nb.found[d] = n
		}
		nb.foundDate = append(nb.foundDate, d)
		nb.foundDayN = append(nb.foundDayN, dn)
	}
	nb.lastDate[k], nb.lastN[k] = d, n
	return n
}

// mention returns the merge keys of e, its dates numbered as found until
// finish renumbers them.
func (nb *numbering) mention(e *sitrep.StoredEvent) mention {
	m := mention{e: e, actor: nb.participant(e.ActorKB, e.ActorName), target: nb.participant(e.TargetKB, e.TargetName),
		loc: nb.participant(e.LocationKB, e.LocationName), typ: nb.typ(e.Type),
		earliest: nb.foundNumber(e.Time.Earliest, 0), latest: nb.foundNumber(e.Time.Latest, 1)}
	m.dated = e.Time.Earliest != "" && e.Time.Latest != ""
	m.dct = dctOnly(e.Time.Derivation)
	m.prec = int8(precision(e.Time))
	m.vague = e.Time.Value == "" || strings.HasSuffix(e.Time.Value, "_REF")
	m.explicit = strings.HasPrefix(e.Time.Derivation, "explicit")
	m.mod = -1
	if r, ok := modalityRank(e.Modality); ok {
		m.mod = int8(r)
	}
	var ok bool
	m.pub, ok = dayNumber(docDate(e.Published, e.DCT))
	nb.pubDays = nb.pubDays && ok
	return m
}

// finish numbers the dates in string order ("" first, as 0) and renumbers
// and completes the mentions' dates.
func (nb *numbering) finish(ms []mention) {
	ix := make([]int32, len(nb.foundDate))
	for i := range ix {
		ix[i] = int32(i)
	}
	if nb.allDays {
		// Distinct days have distinct numbers, in the dates' order.
		slices.SortFunc(ix, func(a, b int32) int { return cmp.Compare(nb.foundDayN[a], nb.foundDayN[b]) })
	} else {
		slices.SortFunc(ix, func(a, b int32) int { return strings.Compare(nb.foundDate[a], nb.foundDate[b]) })
	}
	nb.date = make([]string, len(ix))
	renumber := make([]int32, len(ix))
	for n, i := range ix {
		nb.date[n] = nb.foundDate[i]
		renumber[i] = int32(n)
	}
	nb.epoch = make([]int32, len(nb.date))
	for n, d := range nb.date {
		nb.epoch[n] = epochDay(d)
	}
	nb.found, nb.foundDay, nb.foundDate, nb.foundDayN = nil, nil, nil, nil
	for i := range ms {
		m := &ms[i]
		m.earliest, m.latest = renumber[m.earliest], renumber[m.latest]
		m.narrow = m.dated && nb.narrow(m.earliest, m.latest)
	}
}

func dctOnly(derivation string) bool { return strings.HasPrefix(derivation, "dct") }

// when renders an item's date for readers: it has the dates numbered
// earliest and latest, and the time (value and derivation) of its best
// report.
func when(it *TimelineItem, earliest, latest int32, best *mention) string {
	switch {
	case earliest == 0: // ""
		return ""
	case latest == 0:
		return "after " + it.Earliest
	case best.dct || best.vague:
		return "by " + it.Latest
	case best.explicit:
		return it.Value
	case earliest == latest:
		return it.Earliest
	}
	return "≈" + it.Value
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
	pub                int32 // dayNumber of the document's date, then its rank (publicationOrder)
	mod                int8  // modalityRank, -1 for another modality
	dated, narrow      bool
	dct                bool // dctOnly(derivation)
	// What when and best read of the time: precision, and whether the
	// value is missing or relative (_REF) and the derivation explicit.
	prec            int8
	vague, explicit bool
}

// cluster is a timeline item under construction.
type cluster struct {
	mentions []*mention
	earliest int32 // numbered dates; 0 ("") while no mention is dated
	latest   int32
	actor    int32 // merge key of the actor, 0 when none yet
	target   int32
	location int32
	first    int32 // index of the first mention
	typ      int32 // numbered type
	pos      int32 // index among the clusters of its type
	narrow   bool  // the window spans a week or less
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
	c.mentions = append(c.mentions, m)
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

// modalityRank ranks the modalities, strongest first; ok is false for
// others.
func modalityRank(m string) (rank int, ok bool) {
	switch m {
	case sitrep.ModalityAsserted:
		return 5, true
	case sitrep.ModalityReported:
		return 4, true
	case sitrep.ModalityBelieved:
		return 3, true
	case sitrep.ModalityFuture:
		return 2, true
	case sitrep.ModalityPossible:
		return 1, true
	case sitrep.ModalityNegated:
		return 0, true
	}
	return 0, false
}

// best returns the report an item takes its type, time and text from: the
// most precisely dated, then the one with the longest summary.
func (c *cluster) best() *mention {
	best := c.mentions[0]
	if len(c.mentions) == 1 {
		return best
	}
	for _, m := range c.mentions[1:] {
		if m.prec > best.prec || m.prec == best.prec && len(m.e.Summary) > len(best.e.Summary) {
			best = m
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
func (c *cluster) fill(it *TimelineItem, bm *mention, nb *numbering, l *itemLists) {
	best := bm.e
	n := len(c.mentions)
	// The dates the reports agree on, or where none is dated, the best
	// report's.
	earliest, latest := c.earliest, c.latest
	if earliest == 0 {
		earliest, latest = bm.earliest, bm.latest
	}
	*it = TimelineItem{Earliest: nb.date[earliest], Latest: nb.date[latest],
		Actors: l.actors[:0:n], Sources: l.sources[:0:n], Mentions: l.mentions[:0:n]}
	l.actors, l.sources, l.mentions = l.actors[n:], l.sources[n:], l.mentions[n:]
	// Sets of documents and of actors' folded names: a scan of what is
	// listed for the few mentions most items have, maps beyond.
	var docs, actors map[string]bool
	if n > 8 {
		docs, actors = map[string]bool{}, map[string]bool{}
	}
	var folded []string
	mod := int8(-1)
	for _, m := range c.mentions {
		e := m.e
		it.Mentions = append(it.Mentions, MentionRef{Document: e.DocumentID, Event: e.ID})
		if m.mod > mod {
			mod, it.Modality = m.mod, e.Modality
		}
		if e.ActorName != "" && n == 1 {
			it.Actors = append(it.Actors, e.ActorName) // nothing to fold it for
		} else if e.ActorName != "" {
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
	it.Text = best.Summary
	if it.Text == "" {
		it.Text = oneLine(best.SentenceText, 160)
	}
	if it.Modality == "" {
		it.Modality = sitrep.ModalityAsserted
	}
	it.Reports = markCopies(it.Sources)
	it.When = when(it, earliest, latest, bm)
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
