package sqlstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/jsonx"
)

// where builds a conjunction of conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func limitSQL(limit, offset int) string {
	s := ""
	if limit > 0 {
		s = " LIMIT " + strconv.Itoa(limit)
	} else if offset > 0 {
		s = " LIMIT 9223372036854775807"
	}
	if offset > 0 {
		s += " OFFSET " + strconv.Itoa(offset)
	}
	return s
}

// limit returns the LIMIT and OFFSET clause of limit and offset (as
// limitSQL) with placeholders, and adds their values to w's arguments: the
// text of a query stays the same whatever the page, so its prepared
// statement is reused. It must come after every other placeholder.
func (w *where) limit(limit, offset int) string {
	s := ""
	if limit > 0 {
		s = " LIMIT ?"
		w.args = append(w.args, limit)
	} else if offset > 0 {
		s = " LIMIT ?"
		w.args = append(w.args, int64(1<<63-1))
	}
	if offset > 0 {
		s += " OFFSET ?"
		w.args = append(w.args, offset)
	}
	return s
}

// dateRange adds the conditions of a From/To filter on a date column.
func (w *where) dateRange(col, from, to string) {
	if from != "" {
		w.add(col+" >= ?", from)
	}
	if to != "" {
		w.add(col+" <> '' AND "+col+" <= ?", to)
	}
}

const documentColumns = "id, hash, url, title, site, published, dct, dct_source, format"

// docRefColumns are the document's columns a listed event, quote or figure
// carries.
const docRefColumns = "d.id, d.title, d.url, d.site, d.published, d.dct"

func scanDocument(r Rows, d *sitrep.Document, extra ...any) error {
	return r.Scan(append([]any{&d.ID, &d.Hash, &d.URL, &d.Title, &d.Site, &d.Published, &d.DCT, &d.DCTSource, &d.Format}, extra...)...)
}

// Document implements sitrep.Store.
func (s *Store) Document(ctx context.Context, id string) (*sitrep.Analysis, error) {
	var text, blob string
	err := s.conn.QueryRow(ctx, `SELECT d.text, a.json FROM documents d JOIN analyses a ON a.doc = d.seq WHERE d.id = ?`, id).Scan(&text, &blob)
	if errors.Is(err, errNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, id, "no such document")
	}
	if err != nil {
		return nil, internal("document "+id, err)
	}
	return decodeAnalysis(id, text, blob)
}

func decodeAnalysis(id, text, blob string) (*sitrep.Analysis, error) {
	a := new(sitrep.Analysis)
	if err := jsonx.Unmarshal([]byte(blob), a); err != nil {
		return nil, internal("document "+id+": decode analysis", err)
	}
	a.Document.Text = text
	return a, nil
}

func docFilter(f sitrep.DocumentFilter) *where {
	w := new(where)
	w.dateRange("doc_date", f.From, f.To)
	if f.URL != "" {
		w.add("url = ?", f.URL)
	}
	return w
}

// Documents implements sitrep.Store.
func (s *Store) Documents(ctx context.Context, f sitrep.DocumentFilter) ([]sitrep.Document, error) {
	w := docFilter(f)
	q := "SELECT " + documentColumns + " FROM documents" + w.String() +
		" ORDER BY doc_date DESC, seq DESC" + w.limit(f.Limit, f.Offset)
	r, err := s.conn.Query(ctx, q, w.args...)
	if err != nil {
		return nil, internal("documents", err)
	}
	defer r.Close()
	out := []sitrep.Document{}
	for r.Next() {
		var d sitrep.Document
		if err := scanDocument(r, &d); err != nil {
			return nil, internal("documents", err)
		}
		out = append(out, d)
	}
	return out, internal("documents", r.Err())
}

// Analyses implements sitrep.Store. It reads a page at a time by keyset
// (date, seq), so no cursor stays open while the caller works.
func (s *Store) Analyses(ctx context.Context, f sitrep.DocumentFilter) iter.Seq2[*sitrep.Analysis, error] {
	const page = 64
	return func(yield func(*sitrep.Analysis, error) bool) {
		var lastDate string
		var lastSeq int64 = -1
		offset, left := f.Offset, f.Limit
		for {
			w := docFilter(f)
			if lastSeq >= 0 {
				w.add("(d.doc_date > ? OR (d.doc_date = ? AND d.seq > ?))", lastDate, lastDate, lastSeq)
			}
			n := page
			if f.Limit > 0 && left < n {
				n = left
			}
			if n == 0 {
				return
			}
			type item struct {
				id, text, blob, date string
				seq                  int64
			}
			var items []item
			err := func() error {
				r, err := s.conn.Query(ctx, "SELECT d.id, d.text, a.json, d.doc_date, d.seq FROM documents d JOIN analyses a ON a.doc = d.seq"+
					w.String()+" ORDER BY d.doc_date, d.seq"+limitSQL(n, offset), w.args...)
				if err != nil {
					return err
				}
				defer r.Close()
				for r.Next() {
					var it item
					if err := r.Scan(&it.id, &it.text, &it.blob, &it.date, &it.seq); err != nil {
						return err
					}
					items = append(items, it)
				}
				return r.Err()
			}()
			if err != nil {
				yield(nil, internal("analyses", err))
				return
			}
			offset = 0
			for _, it := range items {
				a, err := decodeAnalysis(it.id, it.text, it.blob)
				if !yield(a, err) || err != nil {
					return
				}
			}
			if len(items) < n {
				return
			}
			last := items[len(items)-1]
			lastDate, lastSeq = last.date, last.seq
			left -= len(items)
		}
	}
}

// matchEntity adds the condition selecting the rows of the entities an
// entity filter names (see resolveEntity), in the columns kbCol and
// normCol. It returns false when the filter names no entity.
func (s *Store) matchEntity(ctx context.Context, w *where, kbCol, normCol, entity string) (bool, error) {
	refs, err := s.resolveEntity(ctx, entity)
	if err != nil || len(refs) == 0 {
		return false, err
	}
	var conds []string
	var args []any
	for _, r := range refs {
		if r.kb != "" {
			conds = append(conds, kbCol+" = ?")
			args = append(args, r.kb)
		} else {
			conds = append(conds, "("+normCol+" = ? AND "+kbCol+" = '')")
			args = append(args, r.norm)
		}
	}
	w.add("("+strings.Join(conds, " OR ")+")", args...)
	return true, nil
}

const eventColumns = "e.id, e.type, e.span_start, e.span_end, e.text, e.class, e.cameo, e.lemma, e.sentence, " +
	"e.t_value, e.t_earliest, e.t_latest, e.t_anchor, e.t_derivation, e.modality, e.source, e.quote, e.summary, " +
	"e.actor, e.actor_name, e.actor_kb, e.target, e.target_name, e.target_kb, e.location, e.location_name, e.location_kb, e.sentence_text"

// entityRef is an entity as Put merges them: by KB id, else by folded name.
type entityRef struct{ kb, norm string }

// key is the entity's key in entity_events (entRef.key).
func (r entityRef) key() string {
	if r.kb != "" {
		return "k:" + r.kb
	}
	return "n:" + r.norm
}

// cond returns the condition selecting the rows of the entity, in a table
// (alias a) with kb and norm columns.
func (r entityRef) cond(a string) (string, []any) {
	if r.kb != "" {
		return a + "kb = ?", []any{r.kb}
	}
	return "(" + a + "norm = ? AND " + a + "kb = '')", []any{r.norm}
}

// resolveEntity finds the entities a filter names: the one with that KB id,
// and every one that goes by that name in some document.
func (s *Store) resolveEntity(ctx context.Context, entity string) ([]entityRef, error) {
	entity = strings.TrimSpace(entity)
	r, err := s.conn.Query(ctx, `SELECT key FROM entity_keys WHERE key = ? UNION SELECT key FROM entity_names WHERE norm = ?`,
		"k:"+entity, normName(entity))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []entityRef
	for r.Next() {
		var key string
		if err := r.Scan(&key); err != nil {
			return nil, err
		}
		if kb, ok := strings.CutPrefix(key, "k:"); ok {
			out = append(out, entityRef{kb: kb})
		} else if n, ok := strings.CutPrefix(key, "n:"); ok {
			norm, _, _ := strings.Cut(n, "|")
			if !slices.Contains(out, entityRef{norm: norm}) {
				out = append(out, entityRef{norm: norm})
			}
		}
	}
	return out, r.Err()
}

// spanBound returns the earliest date that an event which may fall on or
// after from (its latest bound on or after from) can start, by the longest
// span of the stored events (counted by Put): the first of January of
// from's year less that many years. It returns "" when no bound is known
// (from is not a date, or some event spans maxSpanYears or more). A range
// on t_earliest from the bound then replaces a scan from the start of time.
func (s *Store) spanBound(ctx context.Context, from string) (string, error) {
	if !isDate(from) {
		return "", nil
	}
	r, err := s.conn.Query(ctx, `SELECT name FROM counts WHERE name >= 'span_years:' AND name < 'span_years;' AND n > 0`)
	if err != nil {
		return "", err
	}
	defer r.Close()
	longest := 0
	for r.Next() {
		var name string
		if err := r.Scan(&name); err != nil {
			return "", err
		}
		y, err := strconv.Atoi(strings.TrimPrefix(name, "span_years:"))
		if err != nil || y >= maxSpanYears {
			return "", r.Err()
		}
		longest = max(longest, y)
	}
	if err := r.Err(); err != nil {
		return "", err
	}
	y := year(from) - longest
	if y < 0 {
		return "", nil
	}
	return fmt.Sprintf("%04d-01-01", y), nil
}

// Events implements sitrep.Store.
func (s *Store) Events(ctx context.Context, f sitrep.EventFilter) ([]sitrep.StoredEvent, error) {
	out := []sitrep.StoredEvent{}
	if strings.TrimSpace(f.Entity) == "" {
		return s.events(ctx, f, out)
	}
	refs, err := s.resolveEntity(ctx, f.Entity)
	if err != nil {
		return nil, internal("events", err)
	}
	if len(refs) == 0 {
		return out, nil
	}
	return s.eventsOf(ctx, f, refs, out)
}

// eventsOf lists the events of the entities refs from entity_events: for
// each entity, its dated events in the order of the key, which is the
// order of the result (no sort; a limit stops the scan), then its undated
// ones. The events of several entities, and with Mentioned those in the
// sentences that mention them, are merged.
func (s *Store) eventsOf(ctx context.Context, f sitrep.EventFilter, refs []entityRef, out []sitrep.StoredEvent) ([]sitrep.StoredEvent, error) {
	if len(refs) == 1 && !f.Mentioned {
		out, _, err := s.entityEvents(ctx, f, refs[0], out, nil)
		return out, internal("events", err)
	}
	var all []sitrep.StoredEvent
	keys := []eventKey{} // non-nil: entityEvents lists the keys
	for _, ref := range refs {
		var err error
		if all, keys, err = s.entityEvents(ctx, f, ref, all, keys); err != nil {
			return nil, internal("events", err)
		}
	}
	if f.Mentioned {
		var err error
		if all, keys, err = s.mentionedEvents(ctx, f, refs, all, keys); err != nil {
			return nil, internal("events", err)
		}
	}
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return keys[a].compare(keys[b]) })
	for i, k := range order {
		if i > 0 && keys[k] == keys[order[i-1]] {
			continue // the same event, listed for two of the entities
		}
		if f.Limit > 0 && len(out) >= f.Limit {
			break
		}
		out = append(out, all[k])
	}
	return out, nil
}

// eventKey places an event in the order of Events.
type eventKey struct {
	undated          bool
	earliest, latest string
	doc, idx         int64
}

func (k eventKey) compare(o eventKey) int {
	if k.undated != o.undated {
		if k.undated {
			return 1
		}
		return -1
	}
	if k.undated {
		return cmp.Or(cmp.Compare(k.doc, o.doc), cmp.Compare(k.idx, o.idx))
	}
	return cmp.Or(strings.Compare(k.earliest, o.earliest), strings.Compare(k.latest, o.latest),
		cmp.Compare(k.doc, o.doc), cmp.Compare(k.idx, o.idx))
}

// mentionedEvents appends to all the events that f selects in the sentences
// that mention any of the entities refs, but for those keys already lists,
// and appends their keys to keys. The events in entity_events are listed
// already (an entity mentioned in an event's sentence is mostly its actor,
// target or place); the others are read from events and documents.
func (s *Store) mentionedEvents(ctx context.Context, f sitrep.EventFilter, refs []entityRef, all []sitrep.StoredEvent, keys []eventKey) ([]sitrep.StoredEvent, []eventKey, error) {
	type pair struct{ doc, idx int64 }
	listed := make(map[pair]bool, len(keys))
	for _, k := range keys {
		listed[pair{k.doc, k.idx}] = true
	}
	w := new(where)
	var conds []string
	for _, ref := range refs {
		c, a := ref.cond("en.")
		conds = append(conds, c)
		w.args = append(w.args, a...)
	}
	w.conds = append(w.conds, "("+strings.Join(conds, " OR ")+")")
	if f.From != "" || f.To != "" {
		w.add("e.t_earliest > ''") // as entityEvents: a range leaves the undated out
	}
	w.dateRange("e.t_latest", f.From, "")
	w.dateRange("e.t_earliest", "", f.To)
	r, err := s.conn.Query(ctx, "SELECT DISTINCT e.doc, e.idx, e.t_earliest, e.t_latest FROM entities en"+
		" JOIN mentions mn ON mn.doc = en.doc AND mn.entity_idx = en.idx"+
		" JOIN events e ON e.doc = mn.doc AND e.sentence = mn.sentence"+w.String(), w.args...)
	if err != nil {
		return nil, nil, err
	}
	var more []eventKey
	for r.Next() {
		var k eventKey
		if err := r.Scan(&k.doc, &k.idx, &k.earliest, &k.latest); err != nil {
			r.Close()
			return nil, nil, err
		}
		if !listed[pair{k.doc, k.idx}] {
			k.undated = k.earliest == ""
			more = append(more, k)
		}
	}
	if err := r.Close(); err != nil {
		return nil, nil, err
	}
	if err := r.Err(); err != nil {
		return nil, nil, err
	}
	if f.Limit > 0 && f.Type == "" && f.Source == "" && f.DocumentID == "" && len(more) > f.Limit {
		// Only the first f.Limit of them can be among the first f.Limit
		// of all.
		slices.SortFunc(more, eventKey.compare)
		more = more[:f.Limit]
	}
	site := strings.ToLower(strings.TrimSpace(f.Source))
	// Read in chunks of pairs, as many as the placeholders allow.
	chunk := min(500, s.d.MaxParams/2)
	for len(more) > 0 {
		n := min(chunk, len(more))
		var vals strings.Builder
		args := make([]any, 0, 2*n)
		for i, k := range more[:n] {
			if i > 0 {
				vals.WriteString(", ")
			}
			vals.WriteString("(CAST(? AS BIGINT), CAST(? AS INTEGER))") // typed for PostgreSQL
			args = append(args, k.doc, k.idx)
		}
		err := func() error {
			r, err := s.conn.Query(ctx, "SELECT e.doc, e.idx, "+eventColumns+", "+docRefColumns+
				" FROM events e JOIN documents d ON d.seq = e.doc WHERE (e.doc, e.idx) IN (VALUES "+vals.String()+")", args...)
			if err != nil {
				return err
			}
			defer r.Close()
			for r.Next() {
				var e sitrep.StoredEvent
				doc, idx, err := scanEvent(r, &e)
				if err != nil {
					return err
				}
				if f.Type != "" && e.Type != f.Type || f.Source != "" && strings.ToLower(e.Site) != site ||
					f.DocumentID != "" && e.DocumentID != f.DocumentID {
					continue
				}
				all = append(all, e)
				keys = append(keys, eventKey{e.Time.Earliest == "", e.Time.Earliest, e.Time.Latest, doc, idx})
			}
			return r.Err()
		}()
		if err != nil {
			return nil, nil, err
		}
		more = more[n:]
	}
	return all, keys, nil
}

// entityEvents appends the events of one entity that f selects to out, in
// order, at most f.Limit of them; with keys non-nil, it appends the key
// of each to keys too.
//
// The rows are read first, then decoded into out grown once to hold them
// all: a timeline of 10,000 events appended one by one spent a third of
// its time copying the events as out grew.
func (s *Store) entityEvents(ctx context.Context, f sitrep.EventFilter, ref entityRef, out []sitrep.StoredEvent, keys []eventKey) ([]sitrep.StoredEvent, []eventKey, error) {
	// The type and the site are in data: checked after decoding.
	checked := f.Type != "" || f.Source != ""
	site := strings.ToLower(strings.TrimSpace(f.Source))
	type row struct {
		data     string
		doc, idx int64
		undated  bool
	}
	var rs []row
	bound := ""
	if f.From != "" {
		var err error
		if bound, err = s.spanBound(ctx, f.From); err != nil {
			return nil, nil, err
		}
	}
	for _, dated := range []bool{true, false} {
		if !dated && (f.From != "" || f.To != "") {
			break
		}
		w := new(where)
		w.add("key = ?", ref.key())
		order := " ORDER BY t_earliest, t_latest, doc, event_idx"
		if dated {
			// One lower bound: SQLite ranges over one of them.
			if bound != "" {
				w.add("t_earliest >= ?", bound) // a date: not ''
			} else {
				w.add("t_earliest > ''")
			}
			w.dateRange("t_latest", f.From, "")
			w.dateRange("t_earliest", "", f.To)
		} else {
			w.add("t_earliest = ''")
			order = " ORDER BY doc, event_idx"
		}
		if f.DocumentID != "" {
			w.add("doc IN (SELECT seq FROM documents WHERE id = ?)", f.DocumentID)
		}
		lim := ""
		if f.Limit > 0 && !checked {
			lim = w.limit(f.Limit-len(rs), 0)
		}
		cols := "data"
		if keys != nil {
			cols = "data, doc, event_idx"
		}
		err := func() error {
			r, err := s.conn.Query(ctx, "SELECT "+cols+" FROM entity_events"+w.String()+order+lim, w.args...)
			if err != nil {
				return err
			}
			defer r.Close()
			for r.Next() {
				x := row{undated: !dated}
				dest := []any{&x.data, &x.doc, &x.idx}
				if keys == nil {
					dest = dest[:1]
				}
				if err := r.Scan(dest...); err != nil {
					return err
				}
				rs = append(rs, x)
			}
			return r.Err()
		}()
		if err != nil {
			return nil, nil, err
		}
		if f.Limit > 0 && !checked && len(rs) >= f.Limit {
			break
		}
	}
	out = slices.Grow(out, len(rs))
	n := 0
	for _, x := range rs {
		if f.Limit > 0 && n >= f.Limit {
			break
		}
		// Decoded on the stack, then copied: one write barrier pass
		// for the event rather than one per string while the garbage
		// collector runs.
		var e sitrep.StoredEvent
		if err := decodeEventData(x.data, &e); err != nil {
			return nil, nil, fmt.Errorf("an event of %s: %w", ref.key(), err)
		}
		if checked && (f.Type != "" && e.Type != f.Type || f.Source != "" && strings.ToLower(e.Site) != site) {
			continue
		}
		out = append(out, e)
		n++
		if keys != nil {
			keys = append(keys, eventKey{x.undated, e.Time.Earliest, e.Time.Latest, x.doc, x.idx})
		}
	}
	return out, keys, nil
}

// eventFilters adds the conditions on the event and its document.
func eventFilters(w *where, f sitrep.EventFilter) {
	if f.Type != "" {
		w.add("e.type = ?", f.Type)
	}
	if f.Source != "" {
		w.add("lower(d.site) = ?", strings.ToLower(strings.TrimSpace(f.Source)))
	}
	if f.DocumentID != "" {
		w.add("d.id = ?", f.DocumentID)
	}
}

// events lists events with no entity filter, sorting them.
func (s *Store) events(ctx context.Context, f sitrep.EventFilter, out []sitrep.StoredEvent) ([]sitrep.StoredEvent, error) {
	from := "events e"
	var args []any
	if f.Limit > 0 {
		// No entity, a limit: read the first events in the order of the
		// time index, dated ones then the undated, rather than sort all.
		var sub where
		if f.Type != "" {
			sub.add("type = ?", f.Type)
		}
		if f.Source != "" {
			sub.add("doc IN (SELECT seq FROM documents WHERE lower(site) = ?)", strings.ToLower(strings.TrimSpace(f.Source)))
		}
		if f.DocumentID != "" {
			sub.add("doc IN (SELECT seq FROM documents WHERE id = ?)", f.DocumentID)
		}
		sub.dateRange("t_latest", f.From, "")
		sub.dateRange("t_earliest", "", f.To)
		// The limit is a placeholder: the text of the query is the same
		// whatever the page, so its prepared statement is reused.
		dated := sub
		dated.add("t_earliest <> ''")
		if f.From != "" {
			bound, err := s.spanBound(ctx, f.From)
			if err != nil {
				return nil, internal("events", err)
			}
			if bound != "" {
				dated.add("t_earliest >= ?", bound)
			}
		}
		parts := []string{"SELECT doc, event_idx FROM (SELECT doc, idx AS event_idx FROM events" + dated.String() +
			" ORDER BY t_earliest, t_latest, doc, idx LIMIT ?) AS dated"}
		args = append(append(args, dated.args...), f.Limit)
		if f.From == "" && f.To == "" {
			undated := sub
			undated.add("t_earliest = ''")
			parts = append(parts, "SELECT doc, event_idx FROM (SELECT doc, idx AS event_idx FROM events"+undated.String()+
				" ORDER BY doc, idx LIMIT ?) AS undated")
			args = append(append(args, undated.args...), f.Limit)
		}
		from = "(" + strings.Join(parts, " UNION ALL ") + ") m JOIN events e ON e.doc = m.doc AND e.idx = m.event_idx"
	}
	w := new(where)
	w.dateRange("e.t_latest", f.From, "")
	w.dateRange("e.t_earliest", "", f.To)
	eventFilters(w, f)
	conds := w.String()
	q := "SELECT e.doc, e.idx, " + eventColumns + ", " + docRefColumns + " FROM " + from +
		" JOIN documents d ON d.seq = e.doc" + conds +
		" ORDER BY (e.t_earliest = ''), e.t_earliest, e.t_latest, e.doc, e.idx" + w.limit(f.Limit, 0)
	out, err := s.scanEvents(ctx, q, append(args, w.args...), out)
	return out, internal("events", err)
}

// scanEvents appends the events q finds to out.
func (s *Store) scanEvents(ctx context.Context, q string, args []any, out []sitrep.StoredEvent) ([]sitrep.StoredEvent, error) {
	r, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for r.Next() {
		var e sitrep.StoredEvent
		if _, _, err := scanEvent(r, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, r.Err()
}

// scanEvent reads a row of doc, idx, eventColumns and docRefColumns into e
// and returns its doc and idx.
func scanEvent(r Rows, e *sitrep.StoredEvent) (doc, idx int64, err error) {
	var d sitrep.Document
	t := &e.Time
	err = r.Scan(&doc, &idx, &e.ID, &e.Type, &e.Start, &e.End, &e.Text, &e.Class, &e.CAMEO, &e.Lemma, &e.Sentence,
		&t.Value, &t.Earliest, &t.Latest, &t.Anchor, &t.Derivation, &e.Modality, &e.Source, &e.Quote, &e.Summary,
		&e.Actor, &e.ActorName, &e.ActorKB, &e.Target, &e.TargetName, &e.TargetKB, &e.Location, &e.LocationName, &e.LocationKB, &e.SentenceText,
		&d.ID, &d.Title, &d.URL, &d.Site, &d.Published, &d.DCT)
	e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT = d.ID, d.Title, d.URL, d.Site, d.Published, d.DCT
	return doc, idx, err
}

// Entities implements sitrep.Store. It reads the counts Put keeps per
// merged entity, so listing the most reported entities of a large store
// reads a few rows of an index.
func (s *Store) Entities(ctx context.Context, f sitrep.EntityFilter) ([]sitrep.EntitySummary, error) {
	w := new(where)
	if name := strings.TrimSpace(f.Name); name != "" {
		w.add("(k.key = ? OR k.key IN (SELECT key FROM entity_names WHERE norm = ?))", "k:"+name, normName(name))
	}
	if c := normName(f.Contains); c != "" {
		w.add(`k.key IN (SELECT key FROM entity_names WHERE norm LIKE ? ESCAPE '\')`, "%"+likeEscape(c)+"%")
	}
	if f.Type != "" {
		w.add("k.key IN (SELECT key FROM entity_names WHERE type = ?)", f.Type)
	}
	// An entity goes by the name (and type) most documents use.
	q := `SELECT k.kb, k.documents, k.mentions,
		(SELECT n.name FROM entity_names n WHERE n.key = k.key ORDER BY n.documents DESC, n.name, n.type LIMIT 1),
		(SELECT n.type FROM entity_names n WHERE n.key = k.key ORDER BY n.documents DESC, n.name, n.type LIMIT 1)
		FROM (SELECT key, kb, documents, mentions FROM entity_keys k` + w.String() +
		` ORDER BY documents DESC, mentions DESC, key` + w.limit(f.Limit, 0) + `) k
		ORDER BY k.documents DESC, k.mentions DESC, k.key`
	r, err := s.conn.Query(ctx, q, w.args...)
	if err != nil {
		return nil, internal("entities", err)
	}
	defer r.Close()
	out := []sitrep.EntitySummary{}
	for r.Next() {
		var e sitrep.EntitySummary
		if err := r.Scan(&e.KB, &e.Documents, &e.Mentions, &e.Name, &e.Type); err != nil {
			return nil, internal("entities", err)
		}
		out = append(out, e)
	}
	return out, internal("entities", r.Err())
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

const quoteColumns = "q.id, q.span_start, q.span_end, q.text, q.kind, q.speaker, q.speaker_name, q.speaker_kb, " +
	"q.source_start, q.source_end, q.source_text, q.cue_start, q.cue_end, q.cue_text, q.venue, q.addressee, q.time_id, q.modality, q.sentence, q.sentence_text"

// Quotes implements sitrep.Store.
func (s *Store) Quotes(ctx context.Context, f sitrep.QuoteFilter) ([]sitrep.StoredQuote, error) {
	w := new(where)
	if strings.TrimSpace(f.Speaker) != "" {
		if ok, err := s.matchEntity(ctx, w, "q.speaker_kb", "q.speaker_norm", f.Speaker); err != nil || !ok {
			return []sitrep.StoredQuote{}, internal("quotes", err)
		}
	}
	if f.DocumentID != "" {
		w.add("d.id = ?", f.DocumentID)
	}
	w.dateRange("d.doc_date", f.From, f.To)
	q := "SELECT " + quoteColumns + ", " + docRefColumns + " FROM quotes q" +
		" JOIN documents d ON d.seq = q.doc" + w.String() +
		" ORDER BY d.doc_date DESC, d.seq DESC, q.idx" + w.limit(f.Limit, 0)
	r, err := s.conn.Query(ctx, q, w.args...)
	if err != nil {
		return nil, internal("quotes", err)
	}
	defer r.Close()
	out := []sitrep.StoredQuote{}
	for r.Next() {
		var e sitrep.StoredQuote
		var d sitrep.Document
		if err := r.Scan(&e.ID, &e.Start, &e.End, &e.Text, &e.Kind, &e.Speaker, &e.SpeakerName, &e.SpeakerKB,
			&e.Source.Start, &e.Source.End, &e.Source.Text, &e.Cue.Start, &e.Cue.End, &e.Cue.Text,
			&e.Venue, &e.Addressee, &e.Time, &e.Modality, &e.Sentence, &e.SentenceText,
			&d.ID, &d.Title, &d.URL, &d.Site, &d.Published, &d.DCT); err != nil {
			return nil, internal("quotes", err)
		}
		e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT = d.ID, d.Title, d.URL, d.Site, d.Published, d.DCT
		out = append(out, e)
	}
	return out, internal("quotes", r.Err())
}

const quantityColumns = "q.id, q.span_start, q.span_end, q.text, q.value, q.qmin, q.qmax, q.approximate, q.qualifier, q.unit, " +
	"q.category, q.entity, q.entity_name, q.entity_kb, q.modality, q.source, q.speaker, q.quote, q.sentence, q.sentence_text"

// Quantities implements sitrep.Store.
func (s *Store) Quantities(ctx context.Context, f sitrep.QuantityFilter) ([]sitrep.StoredQuantity, error) {
	w := new(where)
	if strings.TrimSpace(f.Entity) != "" {
		if ok, err := s.matchEntity(ctx, w, "q.entity_kb", "q.entity_norm", f.Entity); err != nil || !ok {
			return []sitrep.StoredQuantity{}, internal("quantities", err)
		}
	}
	if f.Category != "" {
		w.add("q.category = ?", f.Category)
	}
	if f.Unit != "" {
		w.add("q.unit = ?", f.Unit)
	}
	if f.DocumentID != "" {
		w.add("d.id = ?", f.DocumentID)
	}
	w.dateRange("d.doc_date", f.From, f.To)
	q := "SELECT " + quantityColumns + ", " + docRefColumns + " FROM quantities q" +
		" JOIN documents d ON d.seq = q.doc" + w.String() +
		" ORDER BY d.doc_date DESC, d.seq DESC, q.idx" + w.limit(f.Limit, 0)
	r, err := s.conn.Query(ctx, q, w.args...)
	if err != nil {
		return nil, internal("quantities", err)
	}
	defer r.Close()
	out := []sitrep.StoredQuantity{}
	for r.Next() {
		var e sitrep.StoredQuantity
		var d sitrep.Document
		if err := r.Scan(&e.ID, &e.Start, &e.End, &e.Text, &e.Value, &e.Min, &e.Max, &e.Approximate, &e.Qualifier, &e.Unit,
			&e.Category, &e.Entity, &e.EntityName, &e.EntityKB, &e.Modality, &e.Source, &e.Speaker, &e.Quote, &e.Sentence, &e.SentenceText,
			&d.ID, &d.Title, &d.URL, &d.Site, &d.Published, &d.DCT); err != nil {
			return nil, internal("quantities", err)
		}
		e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT = d.ID, d.Title, d.URL, d.Site, d.Published, d.DCT
		out = append(out, e)
	}
	return out, internal("quantities", r.Err())
}

// Words splits a search query into its words: runs of letters and digits.
func Words(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Search implements sitrep.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]sitrep.SearchResult, error) {
	if limit <= 0 {
		limit = 20
	}
	out := []sitrep.SearchResult{}
	words := Words(query)
	if len(words) == 0 {
		return out, nil
	}
	r, err := s.conn.Query(ctx, s.d.SearchSQL, s.d.FTSQuery(words), limit)
	if err != nil {
		return nil, internal("search", err)
	}
	defer r.Close()
	for r.Next() {
		var h sitrep.SearchResult
		if err := scanDocument(r, &h.Document, &h.Snippet, &h.Rank); err != nil {
			return nil, internal("search", err)
		}
		if s.d.Snippet != nil {
			h.Snippet = s.d.Snippet(h.Snippet, h.Document.Title, words)
		}
		out = append(out, h)
	}
	return out, internal("search", r.Err())
}

// Stats implements sitrep.Store. It reads the counts Put keeps.
func (s *Store) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	var st sitrep.StoreStats
	r, err := s.conn.Query(ctx, `SELECT name, n FROM counts`)
	if err != nil {
		return st, internal("stats", err)
	}
	defer r.Close()
	for r.Next() {
		var name string
		var n int
		if err := r.Scan(&name, &n); err != nil {
			return st, internal("stats", err)
		}
		switch name {
		case "documents":
			st.Documents = n
		case "entities":
			st.Entities = n
		case "mentions":
			st.Mentions = n
		case "events":
			st.Events = n
		case "quotes":
			st.Quotes = n
		case "quantities":
			st.Quantities = n
		case "timexes":
			st.Timexes = n
		}
	}
	return st, internal("stats", r.Err())
}
