-- The documents, their analyses, and the rows that make queries fast.
-- Columns of the child tables match sqlstore's table definitions.

CREATE TABLE documents (
	seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          TEXT COLLATE "C" NOT NULL UNIQUE,
	hash        TEXT COLLATE "C" NOT NULL UNIQUE,
	url         TEXT COLLATE "C" NOT NULL DEFAULT '',
	title       TEXT COLLATE "C" NOT NULL DEFAULT '',
	site        TEXT COLLATE "C" NOT NULL DEFAULT '',
	published   TEXT COLLATE "C" NOT NULL DEFAULT '',
	dct         TEXT COLLATE "C" NOT NULL DEFAULT '',
	dct_source  TEXT COLLATE "C" NOT NULL DEFAULT '',
	format      TEXT COLLATE "C" NOT NULL DEFAULT '',
	doc_date    TEXT COLLATE "C" NOT NULL DEFAULT '', -- published, else dct: YYYY-MM-DD or ''
	ingested_at TEXT COLLATE "C" NOT NULL,
	text        TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE INDEX documents_date ON documents (doc_date, seq);

-- The analysis as JSON (document.text left out: documents.text has it).
CREATE TABLE analyses (
	doc  BIGINT PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
	json TEXT COLLATE "C" NOT NULL
);

CREATE TABLE entities (
	doc      BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx      INTEGER NOT NULL,
	id       TEXT COLLATE "C" NOT NULL,
	name     TEXT COLLATE "C" NOT NULL,
	norm     TEXT COLLATE "C" NOT NULL, -- name folded: lower case, single spaces
	type     TEXT COLLATE "C" NOT NULL,
	kb       TEXT COLLATE "C" NOT NULL,
	country  TEXT COLLATE "C" NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX entities_kb ON entities (kb);
CREATE INDEX entities_norm ON entities (norm);

-- Entities across the store, merged by KB id ("k:" kb), else by folded name
-- and type ("n:" norm "|" type), with the documents and mentions counted as
-- documents are put: listing the most reported reads an index.
CREATE TABLE entity_keys (
	key       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
	kb        TEXT COLLATE "C" NOT NULL,
	documents INTEGER NOT NULL,
	mentions  INTEGER NOT NULL
);
CREATE INDEX entity_keys_rank ON entity_keys (documents, mentions);

-- The names an entity goes by, and in how many documents.
CREATE TABLE entity_names (
	key       TEXT COLLATE "C" NOT NULL,
	name      TEXT COLLATE "C" NOT NULL,
	type      TEXT COLLATE "C" NOT NULL,
	norm      TEXT COLLATE "C" NOT NULL,
	documents INTEGER NOT NULL,
	PRIMARY KEY (key, name, type)
);
CREATE INDEX entity_names_norm ON entity_names (norm);
CREATE INDEX entity_names_type ON entity_names (type);

-- How many rows each table holds, kept by Put: what Stats reports.
CREATE TABLE counts (
	name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
	n    BIGINT NOT NULL
);

CREATE TABLE mentions (
	doc        BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	entity_idx INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT COLLATE "C" NOT NULL,
	kind       TEXT COLLATE "C" NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (doc, entity_idx, idx)
);

CREATE TABLE events (
	doc           BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	id            TEXT COLLATE "C" NOT NULL,
	type          TEXT COLLATE "C" NOT NULL,
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	text          TEXT COLLATE "C" NOT NULL,
	class         TEXT COLLATE "C" NOT NULL,
	cameo         TEXT COLLATE "C" NOT NULL,
	lemma         TEXT COLLATE "C" NOT NULL,
	sentence      INTEGER NOT NULL,
	t_value       TEXT COLLATE "C" NOT NULL,
	t_earliest    TEXT COLLATE "C" NOT NULL, -- YYYY-MM-DD or ''
	t_latest      TEXT COLLATE "C" NOT NULL,
	t_anchor      TEXT COLLATE "C" NOT NULL,
	t_derivation  TEXT COLLATE "C" NOT NULL,
	modality      TEXT COLLATE "C" NOT NULL,
	source        TEXT COLLATE "C" NOT NULL,
	quote         TEXT COLLATE "C" NOT NULL,
	summary       TEXT COLLATE "C" NOT NULL,
	actor         TEXT COLLATE "C" NOT NULL,
	actor_name    TEXT COLLATE "C" NOT NULL,
	actor_kb      TEXT COLLATE "C" NOT NULL,
	target        TEXT COLLATE "C" NOT NULL,
	target_name   TEXT COLLATE "C" NOT NULL,
	target_kb     TEXT COLLATE "C" NOT NULL,
	location      TEXT COLLATE "C" NOT NULL,
	location_name TEXT COLLATE "C" NOT NULL,
	location_kb   TEXT COLLATE "C" NOT NULL,
	sentence_text TEXT COLLATE "C" NOT NULL, -- the sentence, for listing without a join
	PRIMARY KEY (doc, idx)
);
CREATE INDEX events_time ON events (t_earliest, t_latest, doc, idx);
CREATE INDEX events_type ON events (type, t_earliest, t_latest, doc, idx);

-- Which entities each event concerns: as actor, target or location.
-- Timelines by entity start here.
CREATE TABLE event_entities (
	doc        BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	event_idx  INTEGER NOT NULL,
	role       TEXT COLLATE "C" NOT NULL,
	kb         TEXT COLLATE "C" NOT NULL,
	norm       TEXT COLLATE "C" NOT NULL,
	t_earliest TEXT COLLATE "C" NOT NULL,
	t_latest   TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (doc, event_idx, role, kb, norm)
);
CREATE INDEX event_entities_kb ON event_entities (kb, t_earliest, t_latest, doc, event_idx);
CREATE INDEX event_entities_norm ON event_entities (norm, t_earliest, t_latest, doc, event_idx);

CREATE TABLE quotes (
	doc          BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx          INTEGER NOT NULL,
	id           TEXT COLLATE "C" NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	text         TEXT COLLATE "C" NOT NULL,
	kind         TEXT COLLATE "C" NOT NULL,
	speaker      TEXT COLLATE "C" NOT NULL,
	speaker_name TEXT COLLATE "C" NOT NULL,
	speaker_kb   TEXT COLLATE "C" NOT NULL,
	speaker_norm TEXT COLLATE "C" NOT NULL,
	source_start INTEGER NOT NULL,
	source_end   INTEGER NOT NULL,
	source_text  TEXT COLLATE "C" NOT NULL,
	cue_start    INTEGER NOT NULL,
	cue_end      INTEGER NOT NULL,
	cue_text     TEXT COLLATE "C" NOT NULL,
	venue        TEXT COLLATE "C" NOT NULL,
	addressee    TEXT COLLATE "C" NOT NULL,
	time_id      TEXT COLLATE "C" NOT NULL,
	modality     TEXT COLLATE "C" NOT NULL,
	sentence     INTEGER NOT NULL,
	sentence_text TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX quotes_speaker_kb ON quotes (speaker_kb);
CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm);

CREATE TABLE quantities (
	doc         BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	id          TEXT COLLATE "C" NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT COLLATE "C" NOT NULL,
	value       DOUBLE PRECISION,
	qmin        DOUBLE PRECISION,
	qmax        DOUBLE PRECISION,
	approximate BOOLEAN NOT NULL,
	qualifier   TEXT COLLATE "C" NOT NULL,
	unit        TEXT COLLATE "C" NOT NULL,
	category    TEXT COLLATE "C" NOT NULL,
	entity      TEXT COLLATE "C" NOT NULL,
	entity_name TEXT COLLATE "C" NOT NULL,
	entity_kb   TEXT COLLATE "C" NOT NULL,
	entity_norm TEXT COLLATE "C" NOT NULL,
	modality    TEXT COLLATE "C" NOT NULL,
	source      TEXT COLLATE "C" NOT NULL,
	speaker     TEXT COLLATE "C" NOT NULL,
	quote       TEXT COLLATE "C" NOT NULL,
	sentence    INTEGER NOT NULL,
	sentence_text TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX quantities_entity_kb ON quantities (entity_kb);
CREATE INDEX quantities_entity_norm ON quantities (entity_norm);
CREATE INDEX quantities_category ON quantities (category);

CREATE TABLE timexes (
	doc        BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	id         TEXT COLLATE "C" NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT COLLATE "C" NOT NULL,
	type       TEXT COLLATE "C" NOT NULL,
	value      TEXT COLLATE "C" NOT NULL,
	tmod       TEXT COLLATE "C" NOT NULL,
	anchor     TEXT COLLATE "C" NOT NULL,
	earliest   TEXT COLLATE "C" NOT NULL,
	latest     TEXT COLLATE "C" NOT NULL,
	derivation TEXT COLLATE "C" NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
);

-- Full-text search over title and text: a generated tsvector (the title
-- weighted above the text) under a GIN index. The text is cut at 500,000
-- characters to stay within the limits of a tsvector.
ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english', title), 'A') ||
	setweight(to_tsvector('english', left(text, 500000)), 'B')
) STORED;
CREATE INDEX documents_tsv ON documents USING GIN (tsv);
