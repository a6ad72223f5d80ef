-- Merge the full-text index of a store built before DB.Optimize existed
-- into one segment: a search seeks in every segment of the index, and a
-- store filled by many write transactions had a dozen or more.
INSERT INTO documents_fts(documents_fts) VALUES('optimize');
