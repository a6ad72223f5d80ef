package sitrep

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"iter"
)

// Store keeps analysed documents and answers the questions asked across
// them. sqlite.DB and postgres.DB implement it; storetest.Run is the
// conformance suite both pass, so callers may rely on every sentence below.
//
// Errors are *Error values with a code from error.go where the caller can act
// on them (ENOTFOUND, EINVALID); anything else (a broken
// connection, a full disk) is returned wrapped, and ErrorCode reports it as
// EINTERNAL. A canceled context aborts the call with an error.
type Store interface {
	// Put stores a document, its text and metadata and its full analysis in
	// one transaction: all of it or nothing. Put sets a.Document.Hash to the
	// hex SHA-256 of a.Document.Text and a.Document.ID to DocumentID of the
	// text, overriding what was there. If a document with the same hash, or
	// with the same non-empty URL, is already stored, Put changes nothing
	// and returns that document's ID with Created false; this holds also
	// when several processes put the same document at once. Put returns
	// EINVALID for a nil analysis, an empty text, or an analysis that cannot
	// be encoded (a NaN figure).
	Put(ctx context.Context, a *Analysis) (PutResult, error)

	// PutMany stores several documents as Put does, in one transaction
	// (much faster than one Put each), and returns a result for each in
	// order; a document given twice is created once. It checks them all
	// first: if any is invalid it returns EINVALID and stores nothing. On
	// any other error nothing is stored either.
	PutMany(ctx context.Context, as []*Analysis) ([]PutResult, error)

	// Document returns the analysis stored under id, equal to the one Put
	// was given (with its ID and Hash set). It returns ENOTFOUND if no
	// document has that id.
	Document(ctx context.Context, id string) (*Analysis, error)

	// Documents lists stored documents, newest first (by date, then by
	// ingestion; undated documents last), without their Text. It returns
	// an empty slice, not an error, when nothing matches.
	Documents(ctx context.Context, f DocumentFilter) ([]Document, error)

	// Analyses streams the analyses of the documents matching f, oldest
	// first (by date, then by ingestion; undated documents before all
	// others), holding no more than a page of them in memory; Limit 0
	// means all. The loop may call other Store methods. An error ends the
	// sequence with a nil analysis and the error.
	Analyses(ctx context.Context, f DocumentFilter) iter.Seq2[*Analysis, error]

	// Events lists event mentions across documents in time order (by
	// earliest bound, then latest, then order of ingestion; events without
	// a time come last), each with its document and sentence.
	Events(ctx context.Context, f EventFilter) ([]StoredEvent, error)

	// Entities summarises entities across documents, merged by KB id where
	// there is one and by case-folded name and type otherwise, the most
	// widely reported first (by documents, then mentions). Each goes by the
	// name and type most documents use.
	Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)

	// Quotes lists attributed statements across documents, newest document
	// first.
	Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error)

	// Quantities lists figures across documents, newest document first.
	Quantities(ctx context.Context, f QuantityFilter) ([]StoredQuantity, error)

	// Search finds documents whose title or text match query (words, all of
	// which must occur; stemmed), best match first, with a snippet around
	// the match. Any query is accepted: punctuation is ignored, and a query
	// without words matches nothing. limit <= 0 means 20. A store may bound
	// the cost of a very common query by ranking only its most recently
	// stored matches (the SQLite store ranks the newest 1,000): news
	// readers want the latest reports of a common name first anyway.
	Search(ctx context.Context, query string, limit int) ([]SearchResult, error)

	// Stats counts what the store holds (counts kept by Put: cheap at any
	// size).
	Stats(ctx context.Context) (StoreStats, error)

	// Close releases the store's connections.
	Close() error
}

// PutResult says what Put did.
type PutResult struct {
	ID      string `json:"id"`      // the stored document's id
	Created bool   `json:"created"` // false when the document was already stored
}

// DocumentFilter selects documents. A document's date is its Published date
// when that is a YYYY-MM-DD date, else its DCT. Zero fields select all.
type DocumentFilter struct {
	From   string // YYYY-MM-DD: documents dated on or after
	To     string // YYYY-MM-DD: documents dated on or before
	URL    string // exactly this URL
	Limit  int    // at most this many; 0: no limit
	Offset int    // skip this many first
}

// EventFilter selects event mentions. Zero fields select all.
type EventFilter struct {
	// Entity is an entity's KB id, or any name it goes by in some document
	// (case-insensitive; entities merged as Entities merges them): events
	// whose actor, target or location it is.
	Entity string
	// Mentioned widens Entity to events whose sentence mentions the entity
	// in any role.
	Mentioned bool
	Type      string // sitrep event type: deploy, attack, ...
	// From and To (YYYY-MM-DD) keep events whose time may fall in the range:
	// its latest bound on or after From, its earliest on or before To.
	// Events without a known time are left out when either is set.
	From, To   string
	Source     string // the document's site (outlet), case-insensitive
	DocumentID string // events of this document only
	Limit      int    // at most this many; 0: no limit
}

// StoredEvent is an event mention with the document and sentence it came
// from, and the names behind its entity ids.
type StoredEvent struct {
	Event
	DocumentID   string `json:"document_id"`
	Title        string `json:"title"`
	URL          string `json:"url"`
	Site         string `json:"site"`
	Published    string `json:"published"`
	DCT          string `json:"dct"`
	SentenceText string `json:"sentence_text"`
	ActorName    string `json:"actor_name"`
	ActorKB      string `json:"actor_kb"`
	TargetName   string `json:"target_name"`
	TargetKB     string `json:"target_kb"`
	LocationName string `json:"location_name"`
	LocationKB   string `json:"location_kb"`
}

// EntityFilter selects entity summaries. Zero fields select all.
// An entity matches by any of the names it goes by in any document, so that
// Name "DPRK" finds North Korea when some document names it so under the
// same KB id.
type EntityFilter struct {
	Name     string // a KB id, or a name (case-insensitive, exactly)
	Contains string // a part of a name, case-insensitive
	Type     string // PERSON, ORG, GPE, ... (under any of its names)
	Limit    int    // at most this many; 0: no limit
}

// EntitySummary is one entity across the store.
type EntitySummary struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	KB        string `json:"kb"`
	Documents int    `json:"documents"` // documents that mention it
	Mentions  int    `json:"mentions"`  // mentions in all of them
}

// QuoteFilter selects quotes. Zero fields select all.
type QuoteFilter struct {
	Speaker    string // the speaker: an entity's KB id or any of its names, as EventFilter.Entity
	DocumentID string
	From, To   string // the document's date, YYYY-MM-DD
	Limit      int    // at most this many; 0: no limit
}

// StoredQuote is a quote with its document and sentence.
type StoredQuote struct {
	Quote
	DocumentID   string `json:"document_id"`
	Title        string `json:"title"`
	URL          string `json:"url"`
	Site         string `json:"site"`
	Published    string `json:"published"`
	DCT          string `json:"dct"`
	SentenceText string `json:"sentence_text"`
	SpeakerName  string `json:"speaker_name"`
	SpeakerKB    string `json:"speaker_kb"`
}

// QuantityFilter selects figures. Zero fields select all.
type QuantityFilter struct {
	Entity     string // whose: an entity's KB id or any of its names, as EventFilter.Entity
	Category   string
	Unit       string
	DocumentID string
	From, To   string // the document's date, YYYY-MM-DD
	Limit      int    // at most this many; 0: no limit
}

// StoredQuantity is a figure with its document and sentence.
type StoredQuantity struct {
	Quantity
	DocumentID   string `json:"document_id"`
	Title        string `json:"title"`
	URL          string `json:"url"`
	Site         string `json:"site"`
	Published    string `json:"published"`
	DCT          string `json:"dct"`
	SentenceText string `json:"sentence_text"`
	EntityName   string `json:"entity_name"`
	EntityKB     string `json:"entity_kb"`
}

// SearchResult is a document found by Search, without its Text.
type SearchResult struct {
	Document Document `json:"document"`
	// Snippet is text around the match, the matched words in [brackets].
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"` // higher is better; comparable within one result list
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Documents  int `json:"documents"`
	Entities   int `json:"entities"` // entity rows: one per document it appears in
	Mentions   int `json:"mentions"`
	Events     int `json:"events"`
	Quotes     int `json:"quotes"`
	Quantities int `json:"quantities"`
	Timexes    int `json:"timexes"`
}

// ContentHash returns the hex SHA-256 of text: a document's identity.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// DocumentID returns the id a store gives the document with this text: "d"
// and the first 16 hex digits of its SHA-256.
func DocumentID(text string) string {
	return IDOfHash(ContentHash(text))
}

// IDOfHash is DocumentID for a text whose ContentHash is hash.
func IDOfHash(hash string) string {
	return "d" + hash[:16]
}
