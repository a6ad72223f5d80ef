-- An entity's events, by entity and time: a timeline of one entity is one
-- range of the primary key, and each row holds all a listed event shows
-- (the event, its entities' names, its sentence and its document's
-- reference) as a JSON array in data (see sqlstore's eventdata.go for its
-- values), so no row of events or documents is read. It replaces
-- event_entities, whose rows led to a lookup of both per event.
--
-- key is the entity as a filter resolves it: "k:" and its KB id, else "n:"
-- and its folded name. An event is listed once per entity, whatever roles
-- (actor, target, location) the entity plays in it.
CREATE TABLE entity_events (
	key        TEXT COLLATE "C" NOT NULL,
	t_earliest TEXT COLLATE "C" NOT NULL, -- YYYY-MM-DD or ''
	t_latest   TEXT COLLATE "C" NOT NULL,
	doc        BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	event_idx  INTEGER NOT NULL,
	data       TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (key, t_earliest, t_latest, doc, event_idx)
);

INSERT INTO entity_events (key, t_earliest, t_latest, doc, event_idx, data)
SELECT k.key, e.t_earliest, e.t_latest, e.doc, e.idx,
	json_build_array(e.id, e.type, e.span_start, e.span_end, e.text, e.class, e.cameo, e.lemma, e.sentence,
		e.t_value, e.t_earliest, e.t_latest, e.t_anchor, e.t_derivation, e.modality, e.source, e.quote, e.summary,
		e.actor, e.actor_name, e.actor_kb, e.target, e.target_name, e.target_kb,
		e.location, e.location_name, e.location_kb, e.sentence_text,
		d.id, d.title, d.url, d.site, d.published, d.dct)::text
FROM (SELECT DISTINCT CASE WHEN kb <> '' THEN 'k:' || kb ELSE 'n:' || norm END AS key, doc, event_idx
	FROM event_entities) k
JOIN events e ON e.doc = k.doc AND e.idx = k.event_idx
JOIN documents d ON d.seq = e.doc
ORDER BY 1, 2, 3, 4, 5;

DROP TABLE event_entities;
