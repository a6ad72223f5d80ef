-- The documents, their analyses, and the rows that make queries fast.
-- Columns of the child tables match sqlstore's table definitions.

CREATE TABLE documents (
	seq         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	hash        TEXT NOT NULL UNIQUE,
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	site        TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	dct         TEXT NOT NULL DEFAULT '',
	dct_source  TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT '',
	doc_date    TEXT NOT NULL DEFAULT '', -- published, else dct: YYYY-MM-DD or ''
	ingested_at TEXT NOT NULL,
	text        TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE INDEX documents_date ON documents (doc_date, seq);

-- The analysis as JSON (document.text left out: documents.text has it).
CREATE TABLE analyses (
	doc  INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
	json TEXT NOT NULL
);

CREATE TABLE entities (
	doc      INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx      INTEGER NOT NULL,
	id       TEXT NOT NULL,
	name     TEXT NOT NULL,
	norm     TEXT NOT NULL, -- name folded: lower case, single spaces
	type     TEXT NOT NULL,
	kb       TEXT NOT NULL,
	country  TEXT NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX entities_kb ON entities (kb);
CREATE INDEX entities_norm ON entities (norm);

-- Entities across the store, merged by KB id ("k:" kb), else by folded name
-- and type ("n:" norm "|" type), with the documents and mentions counted as
-- documents are put: listing the most reported reads an index.
CREATE TABLE entity_keys (
	key       TEXT NOT NULL PRIMARY KEY,
	kb        TEXT NOT NULL,
	documents INTEGER NOT NULL,
	mentions  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_keys_rank ON entity_keys (documents, mentions);

-- The names an entity goes by, and in how many documents.
CREATE TABLE entity_names (
	key       TEXT NOT NULL,
	name      TEXT NOT NULL,
	type      TEXT NOT NULL,
	norm      TEXT NOT NULL,
	documents INTEGER NOT NULL,
	PRIMARY KEY (key, name, type)
) WITHOUT ROWID;
CREATE INDEX entity_names_norm ON entity_names (norm);
CREATE INDEX entity_names_type ON entity_names (type);

-- How many rows each table holds, kept by Put: what Stats reports.
CREATE TABLE counts (
	name TEXT NOT NULL PRIMARY KEY,
	n    BIGINT NOT NULL
);

CREATE TABLE mentions (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	entity_idx INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (doc, entity_idx, idx)
) WITHOUT ROWID;

CREATE TABLE events (
	doc           INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	id            TEXT NOT NULL,
	type          TEXT NOT NULL,
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	text          TEXT NOT NULL,
	class         TEXT NOT NULL,
	cameo         TEXT NOT NULL,
	lemma         TEXT NOT NULL,
	sentence      INTEGER NOT NULL,
	t_value       TEXT NOT NULL,
	t_earliest    TEXT NOT NULL, -- YYYY-MM-DD or ''
	t_latest      TEXT NOT NULL,
	t_anchor      TEXT NOT NULL,
	t_derivation  TEXT NOT NULL,
	modality      TEXT NOT NULL,
	source        TEXT NOT NULL,
	quote         TEXT NOT NULL,
	summary       TEXT NOT NULL,
	actor         TEXT NOT NULL,
	actor_name    TEXT NOT NULL,
	actor_kb      TEXT NOT NULL,
	target        TEXT NOT NULL,
	target_name   TEXT NOT NULL,
	target_kb     TEXT NOT NULL,
	location      TEXT NOT NULL,
	location_name TEXT NOT NULL,
	location_kb   TEXT NOT NULL,
	sentence_text TEXT NOT NULL, -- the sentence, for listing without a join
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_time ON events (t_earliest, t_latest, doc, idx);
CREATE INDEX events_type ON events (type, t_earliest, t_latest, doc, idx);

-- Which entities each event concerns: as actor, target or location.
-- Timelines by entity start here.
CREATE TABLE event_entities (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	event_idx  INTEGER NOT NULL,
	role       TEXT NOT NULL,
	kb         TEXT NOT NULL,
	norm       TEXT NOT NULL,
	t_earliest TEXT NOT NULL,
	t_latest   TEXT NOT NULL,
	PRIMARY KEY (doc, event_idx, role, kb, norm)
) WITHOUT ROWID;
CREATE INDEX event_entities_kb ON event_entities (kb, t_earliest, t_latest, doc, event_idx);
CREATE INDEX event_entities_norm ON event_entities (norm, t_earliest, t_latest, doc, event_idx);

CREATE TABLE quotes (
	doc          INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx          INTEGER NOT NULL,
	id           TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	kind         TEXT NOT NULL,
	speaker      TEXT NOT NULL,
	speaker_name TEXT NOT NULL,
	speaker_kb   TEXT NOT NULL,
	speaker_norm TEXT NOT NULL,
	source_start INTEGER NOT NULL,
	source_end   INTEGER NOT NULL,
	source_text  TEXT NOT NULL,
	cue_start    INTEGER NOT NULL,
	cue_end      INTEGER NOT NULL,
	cue_text     TEXT NOT NULL,
	venue        TEXT NOT NULL,
	addressee    TEXT NOT NULL,
	time_id      TEXT NOT NULL,
	modality     TEXT NOT NULL,
	sentence     INTEGER NOT NULL,
	sentence_text TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker_kb ON quotes (speaker_kb);
CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm);

CREATE TABLE quantities (
	doc         INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	id          TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	value       REAL,
	qmin        REAL,
	qmax        REAL,
	approximate INTEGER NOT NULL,
	qualifier   TEXT NOT NULL,
	unit        TEXT NOT NULL,
	category    TEXT NOT NULL,
	entity      TEXT NOT NULL,
	entity_name TEXT NOT NULL,
	entity_kb   TEXT NOT NULL,
	entity_norm TEXT NOT NULL,
	modality    TEXT NOT NULL,
	source      TEXT NOT NULL,
	speaker     TEXT NOT NULL,
	quote       TEXT NOT NULL,
	sentence    INTEGER NOT NULL,
	sentence_text TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quantities_entity_kb ON quantities (entity_kb);
CREATE INDEX quantities_entity_norm ON quantities (entity_norm);
CREATE INDEX quantities_category ON quantities (category);

CREATE TABLE timexes (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	id         TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	tmod       TEXT NOT NULL,
	anchor     TEXT NOT NULL,
	earliest   TEXT NOT NULL,
	latest     TEXT NOT NULL,
	derivation TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- Full-text search over title and text; Put fills it in the same
-- transaction (documents are never updated in place).
CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title, text,
	content = 'documents', content_rowid = 'seq',
	tokenize = 'porter unicode61'
);
