-- An entity's events, clustered by entity and time: a timeline of one
-- entity is one range of this table, and each row holds all a listed
-- event shows (the event, its entities' names, its sentence and its
-- document's reference) as a JSON array in data (see sqlstore's
-- eventdata.go for its values), so no row of events or documents is read.
-- It replaces event_entities, whose rows led to a lookup of both per event
-- (three random B-tree searches an event: 78 ms for the 6,456 events of
-- one country in 100,000 documents).
--
-- key is the entity as a filter resolves it: "k:" and its KB id, else "n:"
-- and its folded name. An event is listed once per entity, whatever roles
-- (actor, target, location) the entity plays in it.
CREATE TABLE entity_events (
	key        TEXT NOT NULL,
	t_earliest TEXT NOT NULL, -- YYYY-MM-DD or ''
	t_latest   TEXT NOT NULL,
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	event_idx  INTEGER NOT NULL,
	data       TEXT NOT NULL,
	PRIMARY KEY (key, t_earliest, t_latest, doc, event_idx)
) WITHOUT ROWID;

-- The events already stored, in the order of the key (the indexes of
-- event_entities give it), so that the table is written front to back.
INSERT OR IGNORE INTO entity_events (key, t_earliest, t_latest, doc, event_idx, data)
SELECT 'k:' || ee.kb, e.t_earliest, e.t_latest, e.doc, e.idx,
	json_array(e.id, e.type, e.span_start, e.span_end, e.text, e.class, e.cameo, e.lemma, e.sentence,
		e.t_value, e.t_earliest, e.t_latest, e.t_anchor, e.t_derivation, e.modality, e.source, e.quote, e.summary,
		e.actor, e.actor_name, e.actor_kb, e.target, e.target_name, e.target_kb,
		e.location, e.location_name, e.location_kb, e.sentence_text,
		d.id, d.title, d.url, d.site, d.published, d.dct)
FROM event_entities ee INDEXED BY event_entities_kb
JOIN events e ON e.doc = ee.doc AND e.idx = ee.event_idx
JOIN documents d ON d.seq = e.doc
WHERE ee.kb > ''
ORDER BY ee.kb, ee.t_earliest, ee.t_latest, ee.doc, ee.event_idx;

INSERT OR IGNORE INTO entity_events (key, t_earliest, t_latest, doc, event_idx, data)
SELECT 'n:' || ee.norm, e.t_earliest, e.t_latest, e.doc, e.idx,
	json_array(e.id, e.type, e.span_start, e.span_end, e.text, e.class, e.cameo, e.lemma, e.sentence,
		e.t_value, e.t_earliest, e.t_latest, e.t_anchor, e.t_derivation, e.modality, e.source, e.quote, e.summary,
		e.actor, e.actor_name, e.actor_kb, e.target, e.target_name, e.target_kb,
		e.location, e.location_name, e.location_kb, e.sentence_text,
		d.id, d.title, d.url, d.site, d.published, d.dct)
FROM event_entities ee INDEXED BY event_entities_norm
JOIN events e ON e.doc = ee.doc AND e.idx = ee.event_idx
JOIN documents d ON d.seq = e.doc
WHERE ee.kb = ''
ORDER BY ee.norm, ee.t_earliest, ee.t_latest, ee.doc, ee.event_idx;

DROP TABLE event_entities;
