-- 0001: documents, reports, projects, indicators, goals, findings, the
-- full-text index and the analysts' views. See docs/schema.md.

-- One row per file read, keyed by the SHA-256 of its bytes: the same report
-- sent as .docx and as .pdf is two documents.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT    NOT NULL UNIQUE,
    path        TEXT    NOT NULL,              -- as given when first stored
    format      TEXT    NOT NULL DEFAULT '',   -- docx, pdf; '' when not recognized
    size        INTEGER NOT NULL,              -- in bytes
    pages       INTEGER NOT NULL DEFAULT 0,    -- PDF pages; 0 for .docx
    status      TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    reason      TEXT    NOT NULL DEFAULT '',   -- why it failed, in Chinese
    error       TEXT    NOT NULL DEFAULT '',   -- the program's error, in English
    ingested_at TEXT    NOT NULL               -- UTC, RFC 3339
);

-- The report read from an ok document (1:1).
CREATE TABLE reports (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    department_code TEXT    NOT NULL,
    department_name TEXT    NOT NULL,
    year            INTEGER NOT NULL DEFAULT 0, -- budget year; 0 when unknown
    layout          TEXT    NOT NULL DEFAULT '',
    fingerprint     TEXT    NOT NULL            -- department code and project codes, hashed: equal for the same report
);
CREATE INDEX reports_department ON reports(department_code);
CREATE INDEX reports_fingerprint ON reports(fingerprint);

CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,           -- 1-based order in the report
    code            TEXT    NOT NULL,           -- 项目编码
    name            TEXT    NOT NULL,           -- 项目名称 as written
    title           TEXT    NOT NULL,
    department_code TEXT    NOT NULL,
    department_name TEXT    NOT NULL,
    amount_unit     TEXT    NOT NULL,           -- 万元, 元 …
    budget_total    TEXT    NOT NULL,           -- 预算数 as written
    budget_fiscal   TEXT    NOT NULL,           -- 其中：财政资金 as written
    budget_other    TEXT    NOT NULL,           -- 其他资金 as written
    purpose         TEXT    NOT NULL,           -- 资金用途
    spending_plan   TEXT    NOT NULL,           -- JSON [{"period","value"}] as written
    goal            TEXT    NOT NULL,           -- 绩效目标
    UNIQUE (document_id, seq)
);
CREATE INDEX projects_code ON projects(code);
CREATE INDEX projects_department ON projects(department_code);

-- One row per indicator-table row; the target columns hold the normalized
-- reading (report/v1 `target`), the others the cells as written.
CREATE TABLE indicators (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,           -- 1-based index in the project
    level1          TEXT    NOT NULL,           -- 一级指标
    level2          TEXT    NOT NULL,           -- 二级指标
    level3          TEXT    NOT NULL,           -- 三级指标
    description     TEXT    NOT NULL,           -- 绩效指标描述
    nature          TEXT    NOT NULL,           -- 指标性质 (split layouts)
    value           TEXT    NOT NULL,           -- 指标值 as written
    value_unit      TEXT    NOT NULL,           -- 度量单位 column (split layouts)
    basis           TEXT    NOT NULL,           -- 指标值确定依据
    weight          TEXT    NOT NULL,           -- 权重 as written
    kind            TEXT    NOT NULL,           -- numeric range reference deadline qualitative unparsed
    op              TEXT    NOT NULL,           -- >= <= > < =; numeric and reference
    target          TEXT,                       -- numeric: the exact decimal
    target_num      REAL,                       -- numeric: the same as a number, for ranges
    unit            TEXT    NOT NULL,           -- numeric and range: % or the unit as written
    lower           TEXT,                       -- range
    upper           TEXT,
    lower_num       REAL,
    upper_num       REAL,
    lower_inclusive INTEGER,
    upper_inclusive INTEGER,
    ref             TEXT    NOT NULL,           -- reference: budget, last_year, plan …
    date            TEXT    NOT NULL,           -- deadline: ISO date
    level           TEXT    NOT NULL,           -- qualitative: 好 较好 …
    text            TEXT    NOT NULL,           -- qualitative, deadline, unparsed
    page            INTEGER NOT NULL DEFAULT 0,
    tbl             INTEGER NOT NULL DEFAULT 0,
    row             INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, seq)
);
CREATE INDEX indicators_document ON indicators(document_id);

-- Department-wide goals of part one: the overall goal, the 分项 items and
-- the 保障措施.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('overall', 'sub_goal', 'measure')),
    no          TEXT    NOT NULL,               -- 1, 2 … or 一, 二 …; '' for overall
    title       TEXT    NOT NULL,
    goal        TEXT    NOT NULL,               -- 绩效目标 text, or the measure
    indicators  TEXT    NOT NULL                -- 绩效指标 prose of a 分项 item
);
CREATE INDEX goals_document ON goals(document_id);

-- Findings of the rules. batch = 1 for cross-document findings, which each
-- ingest replaces as a whole. project_id and indicator_id are deleted with
-- their document, so they carry no foreign key (and no index to keep).
CREATE TABLE findings (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    project_id   INTEGER,                       -- projects.id, NULL when the finding names no project
    indicator_id INTEGER,                       -- indicators.id, NULL when it names no indicator
    batch        INTEGER NOT NULL DEFAULT 0,
    rule         TEXT    NOT NULL,
    severity     TEXT    NOT NULL,              -- error warning info
    message      TEXT    NOT NULL,              -- Chinese
    project_code TEXT    NOT NULL,
    indicator    INTEGER NOT NULL DEFAULT 0,    -- 1-based index in the project
    sub_goal     INTEGER NOT NULL DEFAULT 0,
    field        TEXT    NOT NULL,
    page         INTEGER NOT NULL DEFAULT 0,
    tbl          INTEGER NOT NULL DEFAULT 0,
    row          INTEGER NOT NULL DEFAULT 0,
    col          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_document ON findings(document_id);
CREATE INDEX findings_rule ON findings(rule, severity);
CREATE INDEX findings_severity ON findings(severity);
CREATE INDEX findings_batch ON findings(batch) WHERE batch = 1;

-- The full-text index holds each distinct text once: reports repeat most
-- of their indicator names, descriptions and values, so ranking distinct
-- texts and then listing the entries that carry them keeps a search of a
-- common word fast however many reports share it.
--
-- search_texts: one row per distinct (name, body, value) triple of cut
-- words; hash identifies it. search_fts shares its rowid. Words are cut by
-- gojieba at write time and space-joined; the query is cut the same way.
-- name: project name, indicator 三级, goal title; body: project goal and
-- 资金用途, indicator description, goal text; value: indicator value.
CREATE TABLE search_texts (
    id   INTEGER PRIMARY KEY,
    hash TEXT    NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE search_fts USING fts5(name, body, value, tokenize = 'unicode61');
CREATE TRIGGER search_texts_delete AFTER DELETE ON search_texts BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

-- search_entries: what carries a text: a project (project_id alone), an
-- indicator (project_id and indicator_id) or a goal (goal_id), deleted with
-- its document. Texts no entry carries any more are deleted after an
-- ingest that replaced documents.
CREATE TABLE search_entries (
    id           INTEGER PRIMARY KEY,
    text_id      INTEGER NOT NULL,              -- search_texts.id
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    project_id   INTEGER,
    indicator_id INTEGER,
    goal_id      INTEGER
);
CREATE INDEX search_entries_text ON search_entries(text_id);
CREATE INDEX search_entries_document ON search_entries(document_id);

-- Analysts' views -----------------------------------------------------------

-- Every indicator with its project, department and file.
CREATE VIEW v_indicators AS
SELECT i.id AS indicator_id, d.path AS file, d.format, r.department_code, r.department_name,
       p.code AS project_code, p.name AS project_name, i.seq,
       i.level1, i.level2, i.level3, i.description, i.value, i.basis,
       i.kind, i.op, i.target, i.target_num, i.unit, i.lower_num, i.upper_num,
       i.ref, i.date, i.level, i.text
FROM indicators i
JOIN projects p ON p.id = i.project_id
JOIN documents d ON d.id = i.document_id
JOIN reports r ON r.document_id = i.document_id;

-- Every project with its amounts and indicator count.
CREATE VIEW v_projects AS
SELECT p.id AS project_id, d.path AS file, d.format, p.department_code, p.department_name,
       p.seq, p.code, p.name, p.amount_unit, p.budget_total, p.budget_fiscal, p.budget_other,
       p.purpose, p.goal,
       (SELECT count(*) FROM indicators i WHERE i.project_id = p.id) AS indicators
FROM projects p JOIN documents d ON d.id = p.document_id;

-- Every finding with where it points.
CREATE VIEW v_findings AS
SELECT f.id AS finding_id, d.path AS file, r.department_code, r.department_name,
       f.project_code, p.name AS project_name, f.indicator, i.level3 AS indicator_name,
       f.severity, f.rule, f.message, f.field, f.page, f.tbl, f.row, f.col, f.batch
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reports r ON r.document_id = f.document_id
LEFT JOIN projects p ON p.id = f.project_id
LEFT JOIN indicators i ON i.id = f.indicator_id;

-- Files that could not be read, with the reason to send back.
CREATE VIEW v_failed AS
SELECT id AS document_id, path, format, size, reason, error, ingested_at
FROM documents WHERE status = 'failed';

-- Counts of findings per department and severity.
CREATE VIEW v_department_issues AS
SELECT r.department_code, r.department_name, f.severity, count(*) AS findings
FROM findings f JOIN reports r ON r.document_id = f.document_id
GROUP BY r.department_code, r.department_name, f.severity;

-- Documents carrying the same report: the same department and the same
-- project codes in the same order (e.g. one sent as .docx and as .pdf).
CREATE VIEW v_duplicate_submissions AS
SELECT r.fingerprint AS duplicate_group, r.department_code, r.department_name,
       d.id AS document_id, d.path, d.format
FROM reports r JOIN documents d ON d.id = r.document_id
WHERE r.fingerprint IN (SELECT fingerprint FROM reports GROUP BY fingerprint HAVING count(*) > 1)
ORDER BY r.department_code, r.fingerprint, d.path;

-- Bookkeeping: batch_dirty = 1 while documents were stored since the
-- cross-document rules last ran, so an interrupted ingest's rerun runs them.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('batch_dirty', '0');
