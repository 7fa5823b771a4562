-- 0005: submissions, the roster, amounts as numbers, Chinese severity
-- names in the views. See docs/schema.md.
--
-- A submission is one department's report for one year: the files that
-- carry the same report (the same content read: its .docx and its .pdf) are
-- one submission, of which one file counts (the .docx where there is one);
-- a later report of the same department, year and kind replaces it
-- (replaced_by), kept as history. reports.counted = 1 marks the one file
-- of each current submission: stats, issues, queries and the views count
-- those. corpus rebuilds the table after every ingest (RecheckBatch).
CREATE TABLE submissions (
    id              INTEGER PRIMARY KEY,        -- renumbered by every rebuild
    department_code TEXT    NOT NULL,
    department_name TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    content         TEXT    NOT NULL,           -- reports.content of its files
    document_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE, -- the file that counts
    files           INTEGER NOT NULL,           -- files carrying the report
    formats         TEXT    NOT NULL,           -- their formats, comma-separated: docx,pdf
    first_document  INTEGER NOT NULL,           -- the first file's document id: the order of receipt
    received_at     TEXT    NOT NULL,           -- the first file's ingested_at
    replaced_by     INTEGER,                    -- submissions.id of the next report received; NULL: current
    errors          INTEGER NOT NULL DEFAULT 0, -- findings on the file that counts, cross-document ones included
    warnings        INTEGER NOT NULL DEFAULT 0,
    infos           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX submissions_department ON submissions(department_code, year);

ALTER TABLE reports ADD COLUMN counted INTEGER NOT NULL DEFAULT 1; -- 1: the file that counts for a current submission
-- The content read, hashed: the fingerprint, then the project codes, names
-- and amounts and the indicators' levels and values, white space dropped
-- (a PDF's text has breaks the .docx lacks). Equal for the .docx and the
-- .pdf of one report; a resubmission with other values differs. NULL until
-- the submissions are next built.
ALTER TABLE reports ADD COLUMN content TEXT;
CREATE INDEX reports_content ON reports(content);
CREATE INDEX reports_counted ON reports(counted, department_code);

-- Findings per document by severity, read from the index alone.
CREATE INDEX findings_document_severity ON findings(document_id, severity);

-- The departments that must report (jixiao roster import).
CREATE TABLE roster (
    department_code TEXT PRIMARY KEY,
    department_name TEXT NOT NULL,
    contact         TEXT NOT NULL DEFAULT '',   -- 联系人 / 联系电话 as written
    imported_at     TEXT NOT NULL               -- UTC, RFC 3339
);

-- Amounts as exact integers in 分 (1 元 = 100 分), the amount unit
-- applied (1 万元 = 1,000,000 分), beside the text as written; NULL when
-- the text is blank, not a plain amount, or finer than 1 分. They are read
-- after each ingest (with the submissions), rows stored before this
-- version by the next ingest.
ALTER TABLE projects ADD COLUMN budget_total_fen INTEGER;
ALTER TABLE projects ADD COLUMN budget_fiscal_fen INTEGER;
ALTER TABLE projects ADD COLUMN budget_other_fen INTEGER;

-- Nothing is counted before the submissions are built: the next ingest
-- builds them (and reads the amounts), as after any ingest.
UPDATE meta SET value = '1' WHERE key = 'batch_dirty';

-- Analysts' views: as before, with counted (1: counts once per current
-- submission), the amounts in 分, and severity_name (错误 警告 提示) at the end.
DROP VIEW v_indicators;
CREATE VIEW v_indicators AS
SELECT i.id AS indicator_id, d.path AS file, d.format, r.department_code, r.department_name,
       coalesce(p.code, '') AS project_code, coalesce(p.name, '部门整体') AS project_name, i.seq,
       i.level1, i.level2, i.level3, i.description, i.value, i.basis,
       i.kind, i.op, i.target, i.target_num, i.unit, i.lower_num, i.upper_num,
       i.ref, i.date, i.level, i.text,
       i.scope, r.kind AS report_kind, i.nature, i.value_unit, i.weight,
       i.actual, i.score, i.deviation, i.mid_value, i.extra,
       i.target_base, i.base_num, i.base_unit, i.lower_base_num, i.upper_base_num,
       i.delta, i.delta_unit, i.delta_op, i.note, i.period_from, i.period_to,
       r.year, r.counted
FROM indicators i
LEFT JOIN projects p ON p.id = i.project_id
JOIN documents d ON d.id = i.document_id
JOIN reports r ON r.document_id = i.document_id;

DROP VIEW v_projects;
CREATE VIEW v_projects AS
SELECT p.id AS project_id, d.path AS file, d.format, p.department_code, p.department_name,
       p.seq, p.code, p.name, p.amount_unit, p.budget_total, p.budget_fiscal, p.budget_other,
       p.purpose, p.goal,
       (SELECT count(*) FROM indicators i WHERE i.project_id = p.id AND i.scope = 'project') AS indicators,
       p.mid_term_goal, p.extra,
       p.budget_total_fen, p.budget_fiscal_fen, p.budget_other_fen, r.year, r.counted
FROM projects p JOIN documents d ON d.id = p.document_id
JOIN reports r ON r.document_id = p.document_id;

DROP VIEW v_findings;
CREATE VIEW v_findings AS
SELECT f.id AS finding_id, d.path AS file, r.department_code, r.department_name,
       f.project_code, CASE WHEN i.scope = 'department' THEN '部门整体' ELSE p.name END AS project_name,
       f.indicator, i.level3 AS indicator_name,
       f.severity, f.rule, f.message, f.field, f.page, f.tbl, f.row, f.col, f.batch,
       CASE f.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' WHEN 'info' THEN '提示' ELSE f.severity END AS severity_name,
       r.year, r.counted
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reports r ON r.document_id = f.document_id
LEFT JOIN projects p ON p.id = f.project_id
LEFT JOIN indicators i ON i.id = f.indicator_id;

DROP VIEW v_department_issues;
CREATE VIEW v_department_issues AS
SELECT r.department_code, r.department_name, f.severity, count(*) AS findings,
       CASE f.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' WHEN 'info' THEN '提示' ELSE f.severity END AS severity_name
FROM findings f JOIN reports r ON r.document_id = f.document_id
WHERE r.counted = 1
GROUP BY r.department_code, r.department_name, f.severity;

-- Every submission with its state and files.
CREATE VIEW v_submissions AS
SELECT s.id AS submission_id, s.department_code, s.department_name, s.year, s.kind,
       d.path AS file, s.files, s.formats,
       CASE WHEN s.replaced_by IS NULL THEN '当前' ELSE '已被替换' END AS state,
       s.replaced_by, s.received_at, s.document_id, s.errors, s.warnings, s.infos
FROM submissions s JOIN documents d ON d.id = s.document_id;
