-- 0008: the submissions are rebuilt after an ingest only for the
-- departments, years and kinds whose reports changed, so that a small
-- ingest into a large database costs what it stored. A report's content
-- starts with its department code (the fingerprint), so the files of one
-- submission, and the submissions one replaces, share the department,
-- year and kind: rebuilding those groups gives what rebuilding the whole
-- table gave (but for the ids, which every rebuild renumbered anyway).
CREATE TABLE submissions_stale (
    department_code TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    PRIMARY KEY (department_code, year, kind)
) WITHOUT ROWID;

-- Storing a report, or deleting its document, makes its group stale.
CREATE TRIGGER reports_stale_insert AFTER INSERT ON reports
BEGIN
    INSERT OR IGNORE INTO submissions_stale VALUES (new.department_code, new.year, new.kind);
END;
CREATE TRIGGER reports_stale_delete AFTER DELETE ON reports
BEGIN
    INSERT OR IGNORE INTO submissions_stale VALUES (old.department_code, old.year, old.kind);
END;

-- What changed since the last rebuild is not known: rebuild everything
-- at the next ingest.
INSERT OR IGNORE INTO submissions_stale
SELECT DISTINCT department_code, year, kind FROM reports
WHERE (SELECT value FROM meta WHERE key = 'batch_dirty') = '1';

-- The groups a rebuild reads and replaces.
CREATE INDEX reports_group ON reports(department_code, year, kind);
