-- The events of a sentence, with their time: the events in the sentences
-- that mention an entity (EventFilter.Mentioned) are found from its
-- mentions by this index rather than by reading all the events of each
-- document.
CREATE INDEX IF NOT EXISTS events_sentence ON events (doc, sentence, idx, t_earliest, t_latest);
