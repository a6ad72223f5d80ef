-- Events counted by the calendar years their time spans ("span_years:0"
-- for one that starts and ends in one year, up to "span_years:100" for a
-- century or more), as Put counts them: a query for the events that may
-- fall on or after a date then knows how far before it they can start.
-- Counted anew from the stored events.
DELETE FROM counts WHERE name >= 'span_years:' AND name < 'span_years;';
INSERT INTO counts (name, n)
SELECT 'span_years:' || min(max(CAST(substr(t_latest, 1, 4) AS INTEGER) - CAST(substr(t_earliest, 1, 4) AS INTEGER), 0), 100), count(*)
FROM events
WHERE t_earliest <> '' AND t_latest <> '' AND t_latest >= t_earliest
GROUP BY 1;
