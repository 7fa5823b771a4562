-- 0010: the writer stores a finding's 一级指标 and target kind with it (it
-- holds the indicator's), rather than a trigger updating each finding
-- after its insert; and findings_document goes, which
-- findings_document_severity (document_id, severity) serves as well.
DROP TRIGGER findings_levels;
DROP INDEX findings_document;
