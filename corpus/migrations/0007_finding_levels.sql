-- The 一级指标 and target kind of a finding's indicator, copied onto the
-- finding, so that the facets of a rule's findings (/issues?rule=V604:
-- some 20,000 findings on 20,000 documents) read them from the index
-- with the rule instead of looking up each finding's indicator.
-- Indicators are never changed once stored (a file read again is stored
-- anew), so the copy made when the finding is stored stays right.
ALTER TABLE findings ADD COLUMN level1 TEXT NOT NULL DEFAULT ''; -- indicators.level1 of indicator_id; '' without one
ALTER TABLE findings ADD COLUMN kind TEXT NOT NULL DEFAULT '';   -- indicators.kind of indicator_id

UPDATE findings SET (level1, kind) = (SELECT i.level1, i.kind FROM indicators i WHERE i.id = findings.indicator_id)
WHERE indicator_id IS NOT NULL AND EXISTS (SELECT 1 FROM indicators i WHERE i.id = findings.indicator_id);

CREATE TRIGGER findings_levels AFTER INSERT ON findings WHEN new.indicator_id IS NOT NULL
BEGIN
    UPDATE findings SET (level1, kind) = (SELECT i.level1, i.kind FROM indicators i WHERE i.id = new.indicator_id)
    WHERE id = new.id AND EXISTS (SELECT 1 FROM indicators i WHERE i.id = new.indicator_id);
END;

DROP INDEX findings_rule_facets;
CREATE INDEX findings_rule_facets ON findings(rule, severity, document_id, level1, kind);
DROP INDEX indicators_facets;
