-- 0011: search entries indexed by document and text together, in place of
-- by document alone: when a report stops or starts counting, the triggers
-- of 0006 count each of its texts' entries in it, which this index answers
-- at once (the submissions' refresh at the end of a bench ingest: 0.10 →
-- 0.015 s); lookups by document alone use it as before.
CREATE INDEX search_entries_document_text ON search_entries(document_id, text_id);
DROP INDEX search_entries_document;
