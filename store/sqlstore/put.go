package sqlstore

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/jsonx"
)

// The child tables and their columns, in the order Put fills them. The
// migrations of both backends create exactly these.
var (
	tabDocuments = table{"documents", []string{"id", "hash", "url", "title", "site", "published", "dct", "dct_source", "format",
		"doc_date", "ingested_at", "text"}, " ON CONFLICT DO NOTHING RETURNING seq, hash"}
	tabAnalyses = table{"analyses", []string{"doc", "json"}, ""}
	tabEntities = table{"entities", []string{"doc", "idx", "id", "name", "norm", "type", "kb", "country", "mentions"}, ""}
	tabMentions = table{"mentions", []string{"doc", "entity_idx", "idx", "span_start", "span_end", "text", "kind", "sentence"}, ""}
	tabEvents   = table{"events", []string{"doc", "idx", "id", "type", "span_start", "span_end", "text", "class", "cameo", "lemma",
		"sentence", "t_value", "t_earliest", "t_latest", "t_anchor", "t_derivation", "modality", "source", "quote", "summary",
		"actor", "actor_name", "actor_kb", "target", "target_name", "target_kb", "location", "location_name", "location_kb", "sentence_text"}, ""}
	// An entity's events, in its timeline's order, with all they show.
	tabEntityEvents = table{"entity_events", []string{"key", "t_earliest", "t_latest", "doc", "event_idx", "data"}, ""}
	tabQuotes       = table{"quotes", []string{"doc", "idx", "id", "span_start", "span_end", "text", "kind",
		"speaker", "speaker_name", "speaker_kb", "speaker_norm", "source_start", "source_end", "source_text",
		"cue_start", "cue_end", "cue_text", "venue", "addressee", "time_id", "modality", "sentence", "sentence_text"}, ""}
	tabQuantities = table{"quantities", []string{"doc", "idx", "id", "span_start", "span_end", "text", "value", "qmin", "qmax",
		"approximate", "qualifier", "unit", "category", "entity", "entity_name", "entity_kb", "entity_norm",
		"modality", "source", "speaker", "quote", "sentence", "sentence_text"}, ""}
	tabTimexes = table{"timexes", []string{"doc", "idx", "id", "span_start", "span_end", "text", "type", "value", "tmod",
		"anchor", "earliest", "latest", "derivation", "sentence"}, ""}

	// The entities across the store, merged by KB id, else by folded name
	// and type: counts added to at each Put (upserts).
	tabEntityKeys = table{"entity_keys", []string{"key", "kb", "documents", "mentions"},
		" ON CONFLICT (key) DO UPDATE SET documents = entity_keys.documents + excluded.documents, mentions = entity_keys.mentions + excluded.mentions"}
	tabEntityNames = table{"entity_names", []string{"key", "name", "type", "norm", "documents"},
		" ON CONFLICT (key, name, type) DO UPDATE SET documents = entity_names.documents + excluded.documents"}
	// The number of rows of each table, for Stats: counting a large
	// store's rows would read all of them.
	tabCounts = table{"counts", []string{"name", "n"}, " ON CONFLICT (name) DO UPDATE SET n = counts.n + excluded.n"}
)

type table struct {
	name   string
	cols   []string
	suffix string // ON CONFLICT clause
}

// rows collects the values of many rows of one table, flat.
type rows struct {
	t    table
	vals []any
}

func (r *rows) add(vals ...any) {
	if len(vals) != len(r.t.cols) {
		panic("sqlstore: " + r.t.name + ": wrong number of values")
	}
	r.vals = append(r.vals, vals...)
}

const existingDocumentSQL = `SELECT id FROM documents WHERE hash = ? OR id = ? OR (url = ? AND url <> '') LIMIT 1`

// WriteStatements lists every statement Put and PutMany run with
// arguments, for a backend that prepares them ahead.
func WriteStatements(d Dialect) []string {
	out := []string{existingDocumentSQL}
	for n := 1; n <= maxRows(d, len(tabDocuments.cols)); n *= 2 {
		out = append(out, insertSQL(tabDocuments, n))
	}
	for _, t := range newRowSet(d.IndexTable).tables() {
		for n := 1; n <= maxRows(d, len(t.t.cols)); n *= 2 {
			out = append(out, insertSQL(t.t, n))
		}
	}
	return out
}

func maxRows(d Dialect, cols int) int {
	n := 1
	for n*2*cols <= d.MaxParams && n < 128 {
		n *= 2
	}
	return n
}

// insert writes r in multi-row INSERT statements. Chunks have power-of-two
// sizes so that few distinct statements exist (drivers cache them).
func (s *Store) insert(ctx context.Context, tx Tx, r *rows) error {
	nc := len(r.t.cols)
	n := len(r.vals) / nc
	for off := 0; off < n; {
		k := maxRows(s.d, nc)
		for k > n-off {
			k /= 2
		}
		if err := tx.Exec(ctx, insertSQL(r.t, k), r.vals[off*nc:(off+k)*nc]...); err != nil {
			return err
		}
		off += k
	}
	return nil
}

func insertSQL(t table, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(t.name)
	b.WriteString(" (")
	b.WriteString(strings.Join(t.cols, ", "))
	b.WriteString(") VALUES ")
	one := "(" + strings.Repeat("?, ", len(t.cols)-1) + "?)"
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	b.WriteString(t.suffix)
	return b.String()
}

// Put implements sitrep.Store.
func (s *Store) Put(ctx context.Context, a *sitrep.Analysis) (sitrep.PutResult, error) {
	res, err := s.PutMany(ctx, []*sitrep.Analysis{a})
	if err != nil {
		return sitrep.PutResult{}, err
	}
	return res[0], nil
}

// PutMany implements sitrep.Store.
func (s *Store) PutMany(ctx context.Context, as []*sitrep.Analysis) ([]sitrep.PutResult, error) {
	blobs := make([]string, len(as))
	for i, a := range as {
		if a == nil {
			return nil, sitrep.Errorf(sitrep.EINVALID, "", "no analysis to store")
		}
		d := &a.Document
		if d.Text == "" {
			return nil, sitrep.Errorf(sitrep.EINVALID, d.URL, "document has no text")
		}
		if err := checkText(d); err != nil {
			return nil, err
		}
		d.Hash = sitrep.ContentHash(d.Text)
		d.ID = "d" + d.Hash[:16]
		// The analysis JSON keeps everything but the text, which the
		// documents row holds: Document puts it back.
		text := d.Text
		d.Text = ""
		blob, err := jsonx.Marshal(a)
		d.Text = text
		if err != nil {
			return nil, &sitrep.Error{Code: sitrep.EINVALID, Input: d.ID, Message: "cannot encode analysis: " + err.Error(), Err: err}
		}
		blobs[i] = string(blob)
	}
	if len(as) == 0 {
		return []sitrep.PutResult{}, nil
	}
	for try := 1; ; try++ {
		res, err := s.putTx(ctx, as, blobs)
		if err != nil && try < 5 && s.d.Retryable != nil && s.d.Retryable(err) && ctx.Err() == nil {
			continue
		}
		if err != nil {
			return nil, internal("put "+as[0].Document.ID, err)
		}
		return res, nil
	}
}

func (s *Store) putTx(ctx context.Context, as []*sitrep.Analysis, blobs []string) ([]sitrep.PutResult, error) {
	tx, err := s.conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	out, seqs, err := s.putDocuments(ctx, tx, as)
	if err != nil {
		tx.Rollback(ctx)
		return nil, err
	}
	rs := newRowSet(s.d.IndexTable)
	for i, a := range as {
		if out[i].Created {
			rs.add(seqs[i], a, blobs[i])
		}
	}
	if rs.empty() {
		return out, tx.Rollback(ctx)
	}
	// The rows of all the documents, a table at a time: few statements.
	for _, r := range rs.tables() {
		if err := s.insert(ctx, tx, r); err != nil {
			tx.Rollback(ctx)
			return nil, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// putDocuments inserts the documents rows of the analyses not stored yet,
// in multi-row statements, and returns what Put returns for each and the
// seq of each row created.
func (s *Store) putDocuments(ctx context.Context, tx Tx, as []*sitrep.Analysis) ([]sitrep.PutResult, []int64, error) {
	// Documents go in by hash, so that writers putting overlapping
	// batches lock the unique index in the same order and do not deadlock.
	order := make([]int, len(as))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return strings.Compare(as[x].Document.Hash, as[y].Document.Hash) })
	docs := &rows{t: tabDocuments}
	now := s.Now().UTC().Format(time.RFC3339Nano)
	queued := map[string]bool{}
	for _, i := range order {
		d := &as[i].Document
		if queued[d.Hash] {
			continue
		}
		queued[d.Hash] = true
		docs.add(d.ID, d.Hash, d.URL, d.Title, d.Site, d.Published, d.DCT, d.DCTSource, d.Format, docDate(d), now, d.Text)
	}
	// The unique constraints decide which are new: concurrent writers
	// cannot both create one. RETURNING names the rows created.
	created := map[string]int64{} // hash -> seq
	nc := len(tabDocuments.cols)
	n := len(docs.vals) / nc
	for off := 0; off < n; {
		k := maxRows(s.d, nc)
		for k > n-off {
			k /= 2
		}
		err := func() error {
			r, err := tx.Query(ctx, insertSQL(tabDocuments, k), docs.vals[off*nc:(off+k)*nc]...)
			if err != nil {
				return err
			}
			defer r.Close()
			for r.Next() {
				var seq int64
				var hash string
				if err := r.Scan(&seq, &hash); err != nil {
					return err
				}
				created[hash] = seq
			}
			return r.Err()
		}()
		if err != nil {
			return nil, nil, err
		}
		off += k
	}
	out := make([]sitrep.PutResult, len(as))
	seqs := make([]int64, len(as))
	for _, i := range order {
		d := &as[i].Document
		if seq, ok := created[d.Hash]; ok {
			out[i], seqs[i] = sitrep.PutResult{ID: d.ID, Created: true}, seq
			delete(created, d.Hash) // a second copy in the batch is not new
			continue
		}
		// Already stored, by content or by URL.
		var id string
		if err := tx.QueryRow(ctx, existingDocumentSQL, d.Hash, d.ID, d.URL).Scan(&id); err != nil {
			return nil, nil, err
		}
		out[i] = sitrep.PutResult{ID: id}
	}
	return out, seqs, nil
}

// checkText rejects what no database column takes: invalid UTF-8 and NUL.
func checkText(d *sitrep.Document) error {
	for _, f := range []struct{ name, v string }{
		{"text", d.Text}, {"title", d.Title}, {"url", d.URL}, {"site", d.Site},
		{"published", d.Published}, {"dct", d.DCT}, {"dct_source", d.DCTSource}, {"format", d.Format},
	} {
		if !utf8.ValidString(f.v) {
			return sitrep.Errorf(sitrep.EINVALID, d.URL, "document %s is not valid UTF-8", f.name)
		}
		if strings.IndexByte(f.v, 0) >= 0 {
			return sitrep.Errorf(sitrep.EINVALID, d.URL, "document %s holds a NUL byte", f.name)
		}
	}
	return nil
}

type entRef struct {
	idx            int
	name, kb, norm string
}

// key is the entity's key in entity_events: "k:" and its KB id, else "n:"
// and its folded name; "" for none.
func (r entRef) key() string {
	switch {
	case r.kb != "":
		return "k:" + r.kb
	case r.norm != "":
		return "n:" + r.norm
	}
	return ""
}

// rowSet collects the rows of the child tables for several documents.
type rowSet struct {
	an, ents, ments, evs, links, quotes, qs, tx *rows
	fts                                         *rows // nil: the database indexes text by itself
	keys                                        map[string]*keyCount
	names                                       map[nameKey]int
	spans                                       map[int]int // events by spanYears
}

type keyCount struct {
	kb                  string
	documents, mentions int
}

type nameKey struct{ key, name, typ, norm string }

// entityKey is the key entities are merged under across documents.
func entityKey(kb, norm, typ string) string {
	if kb != "" {
		return "k:" + kb
	}
	return "n:" + norm + "|" + typ
}

func newRowSet(indexTable string) *rowSet {
	rs := &rowSet{an: &rows{t: tabAnalyses}, ents: &rows{t: tabEntities}, ments: &rows{t: tabMentions},
		evs: &rows{t: tabEvents}, links: &rows{t: tabEntityEvents}, quotes: &rows{t: tabQuotes},
		qs: &rows{t: tabQuantities}, tx: &rows{t: tabTimexes},
		keys: map[string]*keyCount{}, names: map[nameKey]int{}, spans: map[int]int{}}
	if indexTable != "" {
		rs.fts = &rows{t: table{indexTable, []string{"rowid", "title", "text"}, ""}}
	}
	return rs
}

func (rs *rowSet) empty() bool { return len(rs.an.vals) == 0 }

// tables returns the rows to insert. The entity counts come last, in key
// order, so that concurrent writers lock their rows in the same order.
func (rs *rowSet) tables() []*rows {
	keys := &rows{t: tabEntityKeys}
	for _, k := range slices.Sorted(maps.Keys(rs.keys)) {
		c := rs.keys[k]
		keys.add(k, c.kb, c.documents, c.mentions)
	}
	names := &rows{t: tabEntityNames}
	nks := slices.SortedFunc(maps.Keys(rs.names), func(a, b nameKey) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name), strings.Compare(a.typ, b.typ))
	})
	for _, n := range nks {
		names.add(n.key, n.name, n.typ, n.norm, rs.names[n])
	}
	type count struct {
		name string
		n    int
	}
	var cs []count
	for _, c := range []struct {
		name string
		r    *rows
	}{{"documents", rs.an}, {"entities", rs.ents}, {"events", rs.evs}, {"mentions", rs.ments},
		{"quantities", rs.qs}, {"quotes", rs.quotes}, {"timexes", rs.tx}} {
		if k := len(c.r.vals) / len(c.r.t.cols); k > 0 {
			cs = append(cs, count{c.name, k})
		}
	}
	for y, n := range rs.spans {
		cs = append(cs, count{spanCountName(y), n})
	}
	slices.SortFunc(cs, func(a, b count) int { return strings.Compare(a.name, b.name) })
	counts := &rows{t: tabCounts}
	for _, c := range cs {
		counts.add(c.name, c.n)
	}
	out := []*rows{rs.an, rs.ents, rs.ments, rs.evs, rs.links, rs.quotes, rs.qs, rs.tx, keys, names, counts}
	if rs.fts != nil {
		out = append(out, rs.fts)
	}
	return out
}

// add lays an analysis out in the rows of the child tables.
func (rs *rowSet) add(seq int64, a *sitrep.Analysis, blob string) {
	text := a.Document.Text
	an, ents, ments, evs, links, quotes, qs, tx := rs.an, rs.ents, rs.ments, rs.evs, rs.links, rs.quotes, rs.qs, rs.tx
	an.add(seq, blob)
	if rs.fts != nil {
		rs.fts.add(seq, a.Document.Title, text)
	}

	// The sentence of an event, quote or figure is kept on its row: the
	// queries that list them need no join to show it.
	sentenceText := func(i int) string {
		if i < 0 || i >= len(a.Sentences) {
			return ""
		}
		return a.Sentences[i].Span().Of(text)
	}
	byID := make(map[string]entRef, len(a.Entities))
	inDoc := map[string]bool{}
	namesInDoc := map[nameKey]bool{}
	for i, e := range a.Entities {
		ref := entRef{i, e.Name, e.KB, normName(e.Name)}
		if e.ID != "" {
			if _, dup := byID[e.ID]; !dup {
				byID[e.ID] = ref
			}
		}
		ents.add(seq, i, e.ID, e.Name, ref.norm, e.Type, e.KB, e.Country, len(e.Mentions))
		if e.KB != "" || ref.norm != "" {
			key := entityKey(e.KB, ref.norm, e.Type)
			c := rs.keys[key]
			if c == nil {
				c = &keyCount{kb: e.KB}
				rs.keys[key] = c
			}
			if !inDoc[key] {
				inDoc[key] = true
				c.documents++
			}
			c.mentions += len(e.Mentions)
			nk := nameKey{key, e.Name, e.Type, ref.norm}
			if !namesInDoc[nk] {
				namesInDoc[nk] = true
				rs.names[nk]++
			}
		}
		for j, m := range e.Mentions {
			ments.add(seq, i, j, m.Start, m.End, m.Text, m.Kind, m.Sentence)
		}
	}

	d := &a.Document
	var data []byte
	for i, e := range a.Events {
		actor, target, loc := byID[e.Actor], byID[e.Target], byID[e.Location]
		t := e.Time
		earliest, latest, sentence := dateOf(t.Earliest), dateOf(t.Latest), sentenceText(e.Sentence)
		if y, ok := spanYears(earliest, latest); ok {
			rs.spans[y]++
		}
		evs.add(seq, i, e.ID, e.Type, e.Start, e.End, e.Text, e.Class, e.CAMEO, e.Lemma,
			e.Sentence, t.Value, earliest, latest, t.Anchor, t.Derivation, e.Modality, e.Source, e.Quote, e.Summary,
			e.Actor, actor.name, actor.kb, e.Target, target.name, target.kb, e.Location, loc.name, loc.kb, sentence)
		// A row for each entity the event concerns, once each.
		var keys [3]string
		n := 0
		for _, r := range [...]struct {
			id  string
			ref entRef
		}{{e.Actor, actor}, {e.Target, target}, {e.Location, loc}} {
			if k := r.ref.key(); r.id != "" && k != "" && !slices.Contains(keys[:n], k) {
				keys[n] = k
				n++
			}
		}
		if n == 0 {
			continue
		}
		se := sitrep.StoredEvent{Event: e, DocumentID: d.ID, Title: d.Title, URL: d.URL, Site: d.Site, Published: d.Published, DCT: d.DCT,
			SentenceText: sentence, ActorName: actor.name, ActorKB: actor.kb, TargetName: target.name, TargetKB: target.kb,
			LocationName: loc.name, LocationKB: loc.kb}
		se.Time.Earliest, se.Time.Latest = earliest, latest // as events holds them
		data = appendEventData(data[:0], &se)
		row := string(data)
		for _, k := range keys[:n] {
			links.add(k, earliest, latest, seq, i, row)
		}
	}

	for i, q := range a.Quotes {
		sp := byID[q.Speaker]
		quotes.add(seq, i, q.ID, q.Start, q.End, q.Text, q.Kind, q.Speaker, sp.name, sp.kb, sp.norm,
			q.Source.Start, q.Source.End, q.Source.Text, q.Cue.Start, q.Cue.End, q.Cue.Text,
			q.Venue, q.Addressee, q.Time, q.Modality, q.Sentence, sentenceText(q.Sentence))
	}

	for i, q := range a.Quantities {
		en := byID[q.Entity]
		qs.add(seq, i, q.ID, q.Start, q.End, q.Text, q.Value, q.Min, q.Max, q.Approximate, q.Qualifier, q.Unit, q.Category,
			q.Entity, en.name, en.kb, en.norm, q.Modality, q.Source, q.Speaker, q.Quote, q.Sentence, sentenceText(q.Sentence))
	}

	for i, t := range a.Timexes {
		tx.add(seq, i, t.ID, t.Start, t.End, t.Text, t.Type, t.Value, t.Mod, t.Anchor, dateOf(t.Earliest), dateOf(t.Latest), t.Derivation, t.Sentence)
	}
}

// The stores count events by the years their time spans, so that a query
// for the events that may fall on or after a date knows how far before it
// such an event can start (see spanBound): counts rows named "span_years:"
// and the number of years, from 0 to maxSpanYears (that many or more).
const maxSpanYears = 100

// spanYears returns the number of calendar years an event's time spans (0:
// it starts and ends in one year), for an event with both bounds whose
// latest is not before its earliest.
func spanYears(earliest, latest string) (int, bool) {
	if earliest == "" || latest == "" || latest < earliest {
		return 0, false
	}
	y := year(latest) - year(earliest)
	return min(max(y, 0), maxSpanYears), true
}

func spanCountName(years int) string { return "span_years:" + strconv.Itoa(years) }

// year is the year of a YYYY-MM-DD date.
func year(d string) int {
	n, _ := strconv.Atoi(d[:4])
	return n
}

// dateOf keeps a YYYY-MM-DD bound as it is and drops anything else, so that
// time comparisons in SQL are plain string comparisons.
func dateOf(s string) string {
	if isDate(s) {
		return s[:10]
	}
	return ""
}
