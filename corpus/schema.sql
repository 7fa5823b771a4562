-- The schema of a new database: what migrations/ build, made in one go by
-- Open. Written by go test -tags sqlite_fts5 ./corpus/ -run TestSchemaSnapshot -update
-- version 11

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

CREATE TABLE reports (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    department_code TEXT    NOT NULL,
    department_name TEXT    NOT NULL,
    year            INTEGER NOT NULL DEFAULT 0, -- budget year; 0 when unknown
    layout          TEXT    NOT NULL DEFAULT '',
    fingerprint     TEXT    NOT NULL            -- department code and project codes, hashed: equal for the same report
, kind TEXT NOT NULL DEFAULT '', extra TEXT NOT NULL DEFAULT '{}', counted INTEGER NOT NULL DEFAULT 1, content TEXT, n_projects INTEGER NOT NULL DEFAULT 0, n_indicators INTEGER NOT NULL DEFAULT 0, n_dept_indicators INTEGER NOT NULL DEFAULT 0, n_mid_indicators INTEGER NOT NULL DEFAULT 0, n_findings INTEGER NOT NULL DEFAULT 0, n_errors INTEGER NOT NULL DEFAULT 0, n_warnings INTEGER NOT NULL DEFAULT 0, n_infos INTEGER NOT NULL DEFAULT 0);

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
    goal            TEXT    NOT NULL, goal_label TEXT NOT NULL DEFAULT '', mid_term_goal TEXT NOT NULL DEFAULT '', extra TEXT NOT NULL DEFAULT '{}', budget_total_fen INTEGER, budget_fiscal_fen INTEGER, budget_other_fen INTEGER,           -- 绩效目标
    UNIQUE (document_id, seq)
);

CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('overall', 'sub_goal', 'measure')),
    no          TEXT    NOT NULL,               -- 1, 2 … or 一, 二 …; '' for overall
    title       TEXT    NOT NULL,
    goal        TEXT    NOT NULL,               -- 绩效目标 text, or the measure
    indicators  TEXT    NOT NULL                -- 绩效指标 prose of a 分项 item
);

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
, level1 TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '');

CREATE TABLE search_texts (
    id   INTEGER PRIMARY KEY,
    hash TEXT    NOT NULL UNIQUE
, entries INTEGER NOT NULL DEFAULT 0);

CREATE VIRTUAL TABLE search_fts USING fts5(name, body, value, tokenize = 'unicode61');

CREATE TABLE search_entries (
    id           INTEGER PRIMARY KEY,
    text_id      INTEGER NOT NULL,              -- search_texts.id
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    project_id   INTEGER,
    indicator_id INTEGER,
    goal_id      INTEGER
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE "indicators" (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER REFERENCES projects(id) ON DELETE CASCADE, -- NULL for a department indicator
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    scope           TEXT    NOT NULL DEFAULT 'project' CHECK (scope IN ('project', 'department', 'mid_term')),
    seq             INTEGER NOT NULL,           -- 1-based index in the project, or in the department table
    level1          TEXT    NOT NULL,           -- 一级指标
    level2          TEXT    NOT NULL,           -- 二级指标
    level3          TEXT    NOT NULL,           -- 三级指标
    description     TEXT    NOT NULL,           -- 绩效指标描述
    nature          TEXT    NOT NULL,           -- 指标性质 (split layouts)
    value           TEXT    NOT NULL,           -- 指标值 as written (the annual one)
    value_unit      TEXT    NOT NULL,           -- 度量单位 column (split layouts)
    basis           TEXT    NOT NULL,           -- 指标值确定依据
    weight          TEXT    NOT NULL,           -- 权重 / 分值 as written
    actual          TEXT    NOT NULL DEFAULT '', -- self-evaluation: 实际完成值
    score           TEXT    NOT NULL DEFAULT '', -- self-evaluation: 得分
    deviation       TEXT    NOT NULL DEFAULT '', -- self-evaluation: 偏差原因分析及改进措施
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
    mid_value       TEXT,                       -- 中期 / 长期 / 实施期 value as written; NULL without such columns
    mid_target      TEXT,                       -- its target as report/v1 JSON; NULL likewise
    extra           TEXT    NOT NULL DEFAULT '{}', -- JSON {header: cell}: the table's other columns
    page            INTEGER NOT NULL DEFAULT 0,
    tbl             INTEGER NOT NULL DEFAULT 0,
    row             INTEGER NOT NULL DEFAULT 0, target_base TEXT, base_num REAL, base_unit TEXT NOT NULL DEFAULT '', lower_base_num REAL, upper_base_num REAL, delta TEXT, delta_unit TEXT NOT NULL DEFAULT '', delta_op TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', period_from TEXT NOT NULL DEFAULT '', period_to TEXT NOT NULL DEFAULT '',
    CHECK ((project_id IS NULL) = (scope = 'department')),
    UNIQUE (project_id, scope, seq)
);

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

CREATE TABLE roster (
    department_code TEXT PRIMARY KEY,
    department_name TEXT NOT NULL,
    contact         TEXT NOT NULL DEFAULT '',   -- 联系人 / 联系电话 as written
    imported_at     TEXT NOT NULL               -- UTC, RFC 3339
);

CREATE TABLE submissions_stale (
    department_code TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    PRIMARY KEY (department_code, year, kind)
) WITHOUT ROWID;

CREATE INDEX reports_department ON reports(department_code);

CREATE INDEX reports_fingerprint ON reports(fingerprint);

CREATE INDEX projects_code ON projects(code);

CREATE INDEX projects_department ON projects(department_code);

CREATE INDEX goals_document ON goals(document_id);

CREATE INDEX findings_severity ON findings(severity);

CREATE INDEX findings_batch ON findings(batch) WHERE batch = 1;

CREATE INDEX search_entries_text ON search_entries(text_id);

CREATE INDEX indicators_document ON indicators(document_id);

CREATE UNIQUE INDEX indicators_department ON indicators(document_id, seq) WHERE project_id IS NULL;

CREATE INDEX indicators_mid_term ON indicators(project_id) WHERE scope = 'mid_term';

CREATE INDEX indicators_base ON indicators(base_unit, base_num);

CREATE INDEX submissions_department ON submissions(department_code, year);

CREATE INDEX reports_content ON reports(content);

CREATE INDEX reports_counted ON reports(counted, department_code);

CREATE INDEX findings_document_severity ON findings(document_id, severity);

CREATE INDEX findings_rule_facets ON findings(rule, severity, document_id, level1, kind);

CREATE INDEX reports_group ON reports(department_code, year, kind);

CREATE INDEX submissions_summary ON submissions(department_code, department_name, errors, warnings, infos)
WHERE replaced_by IS NULL;

CREATE INDEX search_entries_document_text ON search_entries(document_id, text_id);

CREATE VIEW v_failed AS
SELECT id AS document_id, path, format, size, reason, error, ingested_at
FROM documents WHERE status = 'failed';

CREATE VIEW v_duplicate_submissions AS
SELECT r.fingerprint AS duplicate_group, r.department_code, r.department_name,
       d.id AS document_id, d.path, d.format
FROM reports r JOIN documents d ON d.id = r.document_id
WHERE r.fingerprint IN (SELECT fingerprint FROM reports GROUP BY fingerprint HAVING count(*) > 1)
ORDER BY r.department_code, r.fingerprint, d.path;

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

CREATE VIEW v_projects AS
SELECT p.id AS project_id, d.path AS file, d.format, p.department_code, p.department_name,
       p.seq, p.code, p.name, p.amount_unit, p.budget_total, p.budget_fiscal, p.budget_other,
       p.purpose, p.goal,
       (SELECT count(*) FROM indicators i WHERE i.project_id = p.id AND i.scope = 'project') AS indicators,
       p.mid_term_goal, p.extra,
       p.budget_total_fen, p.budget_fiscal_fen, p.budget_other_fen, r.year, r.counted
FROM projects p JOIN documents d ON d.id = p.document_id
JOIN reports r ON r.document_id = p.document_id;

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

CREATE VIEW v_department_issues AS
SELECT r.department_code, r.department_name, f.severity, count(*) AS findings,
       CASE f.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' WHEN 'info' THEN '提示' ELSE f.severity END AS severity_name
FROM findings f JOIN reports r ON r.document_id = f.document_id
WHERE r.counted = 1
GROUP BY r.department_code, r.department_name, f.severity;

CREATE VIEW v_submissions AS
SELECT s.id AS submission_id, s.department_code, s.department_name, s.year, s.kind,
       d.path AS file, s.files, s.formats,
       CASE WHEN s.replaced_by IS NULL THEN '当前' ELSE '已被替换' END AS state,
       s.replaced_by, s.received_at, s.document_id, s.errors, s.warnings, s.infos
FROM submissions s JOIN documents d ON d.id = s.document_id;

CREATE TRIGGER search_texts_delete AFTER DELETE ON search_texts BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

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

CREATE TRIGGER reports_stale_insert AFTER INSERT ON reports
BEGIN
    INSERT OR IGNORE INTO submissions_stale VALUES (new.department_code, new.year, new.kind);
END;

CREATE TRIGGER reports_stale_delete AFTER DELETE ON reports
BEGIN
    INSERT OR IGNORE INTO submissions_stale VALUES (old.department_code, old.year, old.kind);
END;

INSERT INTO meta VALUES ('batch_dirty', '1');
