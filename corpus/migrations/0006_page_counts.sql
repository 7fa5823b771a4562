-- Counts that keep the web pages fast on 20,000 documents.

-- Search totals: each text's entries in the reports that count
-- (reports.counted), so that the total of a common word (满意度: some
-- 211,000 entries on 20,000 documents, but a few hundred texts) is a sum
-- over its texts instead of a count of its entries. Kept by triggers on
-- both tables, which agree whichever of an entry and its report comes or
-- goes first (a document's delete cascades to both in no set order).
ALTER TABLE search_texts ADD COLUMN entries INTEGER NOT NULL DEFAULT 0; -- entries of counted reports carrying it

UPDATE search_texts SET entries = (SELECT count(*) FROM search_entries e
    JOIN reports r ON r.document_id = e.document_id
    WHERE e.text_id = search_texts.id AND r.counted = 1);

CREATE TRIGGER search_entries_counted_insert AFTER INSERT ON search_entries
WHEN (SELECT counted FROM reports WHERE document_id = new.document_id) = 1
BEGIN
    UPDATE search_texts SET entries = entries + 1 WHERE id = new.text_id;
END;

CREATE TRIGGER search_entries_counted_delete AFTER DELETE ON search_entries
WHEN (SELECT counted FROM reports WHERE document_id = old.document_id) = 1
BEGIN
    UPDATE search_texts SET entries = entries - 1 WHERE id = old.text_id;
END;

CREATE TRIGGER search_entries_counted_update AFTER UPDATE OF text_id, document_id ON search_entries
BEGIN
    UPDATE search_texts SET entries = entries - 1 WHERE id = old.text_id
        AND (SELECT counted FROM reports WHERE document_id = old.document_id) = 1;
    UPDATE search_texts SET entries = entries + 1 WHERE id = new.text_id
        AND (SELECT counted FROM reports WHERE document_id = new.document_id) = 1;
END;

CREATE TRIGGER reports_counted_insert AFTER INSERT ON reports WHEN new.counted = 1
BEGIN
    UPDATE search_texts SET entries = entries + (SELECT count(*) FROM search_entries e
        WHERE e.document_id = new.document_id AND e.text_id = search_texts.id)
    WHERE id IN (SELECT text_id FROM search_entries WHERE document_id = new.document_id);
END;

CREATE TRIGGER reports_counted_delete AFTER DELETE ON reports WHEN old.counted = 1
BEGIN
    UPDATE search_texts SET entries = entries - (SELECT count(*) FROM search_entries e
        WHERE e.document_id = old.document_id AND e.text_id = search_texts.id)
    WHERE id IN (SELECT text_id FROM search_entries WHERE document_id = old.document_id);
END;

-- submissions.go sets counted on every report at each ingest: the WHEN
-- keeps the reports whose flag stays from costing more than the test.
CREATE TRIGGER reports_counted_update AFTER UPDATE OF counted, document_id ON reports
WHEN old.counted IS NOT new.counted OR old.document_id <> new.document_id
BEGIN
    UPDATE search_texts SET entries = entries - (SELECT count(*) FROM search_entries e
        WHERE e.document_id = old.document_id AND e.text_id = search_texts.id)
    WHERE old.counted = 1 AND id IN (SELECT text_id FROM search_entries WHERE document_id = old.document_id);
    UPDATE search_texts SET entries = entries + (SELECT count(*) FROM search_entries e
        WHERE e.document_id = new.document_id AND e.text_id = search_texts.id)
    WHERE new.counted = 1 AND id IN (SELECT text_id FROM search_entries WHERE document_id = new.document_id);
END;

-- Facets of a rule's findings (/issues?rule=V604: some 20,000 findings)
-- read the index alone for the finding's side, then its report and
-- indicator by key, instead of each finding's table row. It serves every
-- query findings_rule served.
CREATE INDEX findings_rule_facets ON findings(rule, severity, document_id, indicator_id);
DROP INDEX findings_rule;
-- The 一级指标 and target kind of a finding's indicator, read from a
-- narrow index instead of the wide indicator rows.
CREATE INDEX indicators_facets ON indicators(id, level1, kind);
