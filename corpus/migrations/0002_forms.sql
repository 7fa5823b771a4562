-- 0002: what the forms of other provinces carry beyond the Hebei target
-- form, so that an ingest drops none of it: the report's kind (target or
-- self-evaluation), a department-level form's own indicator table and
-- labels, a project's 中期目标 and other labels, and an indicator's
-- self-evaluation columns, 中期 value and other columns. See docs/schema.md.

-- '' for a report stored before this version, which did not record it.
ALTER TABLE reports ADD COLUMN kind TEXT NOT NULL DEFAULT '';   -- target, self_evaluation
ALTER TABLE reports ADD COLUMN extra TEXT NOT NULL DEFAULT '{}'; -- JSON {label: value}: a department-level form's other labels

ALTER TABLE projects ADD COLUMN goal_label TEXT NOT NULL DEFAULT '';    -- the label goal was read under
ALTER TABLE projects ADD COLUMN mid_term_goal TEXT NOT NULL DEFAULT ''; -- 中期目标 / 实施期绩效目标 …
ALTER TABLE projects ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';

-- A department-level form (部门整体支出绩效目标表) has an indicator table
-- but no project, so indicators.project_id becomes nullable and scope says
-- which table a row belongs to. SQLite cannot relax NOT NULL in place: the
-- table is rebuilt as https://www.sqlite.org/lang_altertable.html#otheralter
-- describes (new table, copy, drop, rename, indexes), the views that read
-- it dropped first and created again after. No table has a foreign key to
-- indicators (findings and search_entries keep plain ids), so the ids are
-- copied as they are and what points at them stays valid.
DROP VIEW v_indicators;
DROP VIEW v_projects;
DROP VIEW v_findings;

CREATE TABLE indicators_new (
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
    row             INTEGER NOT NULL DEFAULT 0,
    CHECK ((project_id IS NULL) = (scope = 'department')),
    UNIQUE (project_id, scope, seq)
);

INSERT INTO indicators_new (id, project_id, document_id, scope, seq, level1, level2, level3,
    description, nature, value, value_unit, basis, weight, kind, op, target, target_num, unit,
    lower, upper, lower_num, upper_num, lower_inclusive, upper_inclusive, ref, date, level,
    text, page, tbl, row)
SELECT id, project_id, document_id, 'project', seq, level1, level2, level3,
    description, nature, value, value_unit, basis, weight, kind, op, target, target_num, unit,
    lower, upper, lower_num, upper_num, lower_inclusive, upper_inclusive, ref, date, level,
    text, page, tbl, row
FROM indicators;

DROP TABLE indicators;
ALTER TABLE indicators_new RENAME TO indicators;
CREATE INDEX indicators_document ON indicators(document_id);
-- UNIQUE (project_id, scope, seq) does not hold NULLs to it: the
-- department table's rows are unique per document.
CREATE UNIQUE INDEX indicators_department ON indicators(document_id, seq) WHERE project_id IS NULL;
-- Medium-term rows are few; stats counts them by this index.
CREATE INDEX indicators_mid_term ON indicators(project_id) WHERE scope = 'mid_term';

-- Analysts' views, as in 0001 with department indicators (project_code '',
-- project_name 部门整体, scope department) and the new columns at the end.

-- Every indicator with its project, department and file.
CREATE VIEW v_indicators AS
SELECT i.id AS indicator_id, d.path AS file, d.format, r.department_code, r.department_name,
       coalesce(p.code, '') AS project_code, coalesce(p.name, '部门整体') AS project_name, i.seq,
       i.level1, i.level2, i.level3, i.description, i.value, i.basis,
       i.kind, i.op, i.target, i.target_num, i.unit, i.lower_num, i.upper_num,
       i.ref, i.date, i.level, i.text,
       i.scope, r.kind AS report_kind, i.nature, i.value_unit, i.weight,
       i.actual, i.score, i.deviation, i.mid_value, i.extra
FROM indicators i
LEFT JOIN projects p ON p.id = i.project_id
JOIN documents d ON d.id = i.document_id
JOIN reports r ON r.document_id = i.document_id;

-- Every project with its amounts and indicator count.
CREATE VIEW v_projects AS
SELECT p.id AS project_id, d.path AS file, d.format, p.department_code, p.department_name,
       p.seq, p.code, p.name, p.amount_unit, p.budget_total, p.budget_fiscal, p.budget_other,
       p.purpose, p.goal,
       (SELECT count(*) FROM indicators i WHERE i.project_id = p.id AND i.scope = 'project') AS indicators,
       p.mid_term_goal, p.extra
FROM projects p JOIN documents d ON d.id = p.document_id;

-- Every finding with where it points.
CREATE VIEW v_findings AS
SELECT f.id AS finding_id, d.path AS file, r.department_code, r.department_name,
       f.project_code, CASE WHEN i.scope = 'department' THEN '部门整体' ELSE p.name END AS project_name,
       f.indicator, i.level3 AS indicator_name,
       f.severity, f.rule, f.message, f.field, f.page, f.tbl, f.row, f.col, f.batch
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reports r ON r.document_id = f.document_id
LEFT JOIN projects p ON p.id = f.project_id
LEFT JOIN indicators i ON i.id = f.indicator_id;
