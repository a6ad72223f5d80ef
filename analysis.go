package sitrep

// Document is one article: its text and what is known about where it came
// from. Text is the input unchanged for plain text and Markdown, and the
// extracted article text for HTML; every offset in an Analysis points into it.
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Published string `json:"published"` // as found in metadata, normalised to YYYY-MM-DD where possible
	DCT       string `json:"dct"`       // document creation time, YYYY-MM-DD, "" if unknown
	DCTSource string `json:"dct_source"`
	Format    string `json:"format,omitempty"` // text, markdown or html: what the input was
	Hash      string `json:"hash,omitempty"`   // hex SHA-256 of Text: the identity of the content
	Text      string `json:"text"`
}

// DCT sources, as reported in Document.DCTSource.
const (
	DCTFlag     = "flag"     // given by the user (--date, or the batch line's date)
	DCTMetadata = "metadata" // from the document's own metadata (HTML meta, feed item)
	DCTText     = "text"     // inferred from dates the text mentions
	DCTNone     = "none"     // unknown
)

// Document formats.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// Sentence is one sentence of the document.
type Sentence struct {
	Start     int  `json:"start"`
	End       int  `json:"end"`
	Paragraph int  `json:"paragraph"`         // index into Analysis.Paragraphs
	Heading   bool `json:"heading,omitempty"` // the sentence is a section heading
}

// Span returns the byte range of the sentence.
func (s Sentence) Span() Span { return Span{s.Start, s.End} }

// Paragraph is a block of text separated from its neighbours by a line break
// (or, in hard-wrapped copy, by a blank or indented line).
type Paragraph struct {
	Start int `json:"start"`
	End   int `json:"end"`
	// Kind is "text", "heading", or "chrome" for site furniture such as
	// "Subscribe" or "Login to Continue Learning", which stays in the text
	// (offsets hold) but is left out of extraction.
	Kind string `json:"kind"`
}

// Paragraph kinds.
const (
	ParagraphText    = "text"
	ParagraphHeading = "heading"
	ParagraphChrome  = "chrome"
)

// Section is a run of paragraphs under one heading. The first section of a
// document may have no heading (Heading is then the zero TextSpan).
type Section struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Heading TextSpan `json:"heading"`
}

// Timex types (TIMEX3).
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Timex is a temporal expression normalised to TIMEX3.
type Timex struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
	// Anchor is "dct", a timex id, an event id, or "".
	Anchor string `json:"anchor"`
	// Earliest and Latest bound a DATE or TIME as YYYY-MM-DD; "" when unknown.
	Earliest string `json:"earliest"`
	Latest   string `json:"latest"`
	// Derivation says how the value was found ("explicit", "dct-relative:
	// last April before 2025-09-01", ...), so every choice can be explained.
	Derivation string `json:"derivation,omitempty"`
	Sentence   int    `json:"sentence"`
}

// Entity types.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityGPE    = "GPE"
	EntityLoc    = "LOC"
	EntityFac    = "FAC"
	EntityNORP   = "NORP"
	EntityEvent  = "EVENT"
	EntityMisc   = "MISC"
)

// Entity is one real-world identity within a document, with every mention
// of it ("Kim Jong Un", "Kim", "Pyongyang" as the North Korean state, ...).
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// KB is a stable identifier of the real-world entity where known: the
	// ISO 3166 alpha-3 code of a country, "geonames:<id>" for a place.
	KB       string    `json:"kb"`
	Mentions []Mention `json:"mentions"`
	Roles    []string  `json:"roles,omitempty"`   // titles and roles: "Supreme Leader"
	Country  string    `json:"country,omitempty"` // ISO alpha-3 of the country a place or demonym belongs to
	Geo      *Geo      `json:"geo,omitempty"`
}

// Geo is a point on the globe (WGS84 degrees).
type Geo struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Mention kinds say how a mention refers to its entity.
const (
	MentionName    = "name"    // the full or partial name
	MentionAcronym = "acronym" // KCNA for Korean Central News Agency
	MentionDemonym = "demonym" // "North Korean" for North Korea
	MentionMetonym = "metonym" // "Pyongyang", "the Kremlin" standing for a government
	MentionPronoun = "pronoun" // "he", "she"
	MentionNominal = "nominal" // "the president"
)

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Kind     string `json:"kind,omitempty"`
	Sentence int    `json:"sentence"`
}

// Span returns the byte range of the mention.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Modality of an event or figure: how sure the text is that it happened.
const (
	ModalityAsserted = "asserted" // stated as fact by the article
	ModalityReported = "reported" // someone says so
	ModalityBelieved = "believed" // someone believes or assesses so
	ModalityPossible = "possible" // could, may, might, up to
	ModalityFuture   = "future"   // will, plans to
	ModalityNegated  = "negated"  // denied, did not
)

// Quantity is a figure: a count of people or things, money, a percentage.
type Quantity struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is the point value; Min and Max bound a range or a qualified
	// figure ("up to 30,000" has Max 30000, "at least 12" Min 12). Nil where
	// unknown.
	Value       *float64 `json:"value"`
	Min         *float64 `json:"min"`
	Max         *float64 `json:"max"`
	Approximate bool     `json:"approximate"`
	Qualifier   string   `json:"qualifier,omitempty"` // the qualifying words as written: "an estimated", "up to"
	Unit        string   `json:"unit"`                // what is counted: troops, shells, USD, percent
	Category    string   `json:"category"`            // personnel, casualties, munitions, money, percent, ...
	Entity      string   `json:"entity"`              // entity id: whose (the country whose troops)
	Modality    string   `json:"modality"`
	Source      string   `json:"source"`            // who gave the figure, as written
	Speaker     string   `json:"speaker,omitempty"` // that source's entity id
	Quote       string   `json:"quote,omitempty"`   // id of the attribution the figure sits in
	Sentence    int      `json:"sentence"`
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Quote is attributed speech or an attributed claim, quoted or not.
// Start/End/Text is the content: what was said or claimed.
type Quote struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	// Speaker is the entity id of the source, where there is one.
	Speaker string `json:"speaker"`
	// Source is who said it, as written ("South Korean officials"); the zero
	// TextSpan when the text names no source.
	Source    TextSpan `json:"source"`
	Cue       TextSpan `json:"cue"`                // the reporting words: "said", "according to"
	Venue     string   `json:"venue"`              // where it was said, as written: "on Korean Central TV"
	Addressee string   `json:"addressee"`          // to whom: "lawmakers"
	Time      string   `json:"time,omitempty"`     // timex id of when it was said, where the text says
	Modality  string   `json:"modality,omitempty"` // reported, believed, negated ...: the stance the cue expresses
	Sentence  int      `json:"sentence"`
}

// EventTime is when an event happened, and how that was found.
type EventTime struct {
	Value    string `json:"value"`    // TIMEX3 value
	Earliest string `json:"earliest"` // YYYY-MM-DD
	Latest   string `json:"latest"`   // YYYY-MM-DD
	Anchor   string `json:"anchor"`   // "dct", a timex id, an event id, or ""
	// Derivation: "explicit", "dct", "2024-08-28 minus P3W (after)", ...
	Derivation string `json:"derivation"`
}

// Event is an event mention: a trigger and the frame around it.
type Event struct {
	ID    string `json:"id"`
	Type  string `json:"type"` // sitrep event type: deploy, attack, meet, ...
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // the trigger
	// Class is the TimeML event class (OCCURRENCE, REPORTING, STATE, ...).
	Class    string    `json:"class,omitempty"`
	CAMEO    string    `json:"cameo,omitempty"`
	Lemma    string    `json:"lemma,omitempty"`
	Actor    string    `json:"actor"`    // entity id
	Target   string    `json:"target"`   // entity id
	Location string    `json:"location"` // entity id
	Sentence int       `json:"sentence"`
	Time     EventTime `json:"time"`
	Modality string    `json:"modality"`
	Source   string    `json:"source"`            // who reports it, as written; "" for the article itself
	Quote    string    `json:"quote,omitempty"`   // id of the attribution it sits in
	Summary  string    `json:"summary,omitempty"` // one-line "who did what to whom where"
}

// Span returns the trigger's byte range.
func (e Event) Span() Span { return Span{e.Start, e.End} }

// TLink is a temporal relation found in the text between two annotations
// (timex or event ids): "the order came three weeks after Ukraine launched
// a counteroffensive" links the order AFTER the launch with Offset P3W.
type TLink struct {
	From   string   `json:"from"`
	To     string   `json:"to"`
	Rel    string   `json:"rel"`              // BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGUN_BY
	Offset string   `json:"offset,omitempty"` // TIMEX3 duration between them, "P3W"
	Signal TextSpan `json:"signal"`           // "after", "before", "later"
}

// Analysis is everything sitrep extracted from one document.
type Analysis struct {
	// ID is the caller's id for a batch line (CONTRACT: analyze --jsonl).
	ID         string      `json:"id,omitempty"`
	Document   Document    `json:"document"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Sections   []Section   `json:"sections"`
	Sentences  []Sentence  `json:"sentences"`
	Timexes    []Timex     `json:"timexes"`
	Entities   []Entity    `json:"entities"`
	Quantities []Quantity  `json:"quantities"`
	Quotes     []Quote     `json:"quotes"`
	Events     []Event     `json:"events"`
	TLinks     []TLink     `json:"tlinks"`
}
