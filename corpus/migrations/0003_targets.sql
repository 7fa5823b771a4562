-- 0003: targets that compare across reports. A numeric or range target in
-- a scaled unit (10 万人次, 50 万元) gets its amount in the unscaled unit (its
-- base: 100000 人次, 500000 元); a reference its change (较上年提高10%); a
-- value its bracketed remark (100%（合格率）); a period its first and last
-- day. See docs/schema.md and report/v1's target additions.
--
-- base_num and base_unit are set on every numeric and range row, the value
-- and unit themselves where the unit has no scale word, so that a query
-- compares like for like on them alone: --unit 人次 --min 10000 is
-- base_unit = '人次' AND base_num >= 10000, and finds 10万人次 and 50000人次.

ALTER TABLE indicators ADD COLUMN target_base TEXT;                   -- numeric in a scaled unit: the exact decimal in the unscaled unit; NULL otherwise
ALTER TABLE indicators ADD COLUMN base_num REAL;                      -- numeric: the amount in base_unit (the base, else the value)
ALTER TABLE indicators ADD COLUMN base_unit TEXT NOT NULL DEFAULT ''; -- numeric and range: the unit without its scale word (人次 for 万人次)
ALTER TABLE indicators ADD COLUMN lower_base_num REAL;                -- range: the bounds in base_unit
ALTER TABLE indicators ADD COLUMN upper_base_num REAL;
ALTER TABLE indicators ADD COLUMN delta TEXT;                         -- reference: the change asked for, exact; NULL when none
ALTER TABLE indicators ADD COLUMN delta_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN delta_op TEXT NOT NULL DEFAULT '';  -- a bound on the change itself (不超过 → <=)
ALTER TABLE indicators ADD COLUMN note TEXT NOT NULL DEFAULT '';      -- a bracketed remark after the value: 合格率, 含
ALTER TABLE indicators ADD COLUMN period_from TEXT NOT NULL DEFAULT ''; -- period: ISO first day
ALTER TABLE indicators ADD COLUMN period_to TEXT NOT NULL DEFAULT '';   -- period: ISO last day

-- Rows stored before this version: unscaled units carry over as they are,
-- and the scale words budget forms use (万, 亿, 千万, 百万, 万亿 …) are
-- applied to the numbers. The exact target_base, delta, note and periods
-- need the values read again: jixiao ingest --force.
UPDATE indicators SET base_num = target_num, lower_base_num = lower_num, upper_base_num = upper_num, base_unit = unit
WHERE kind IN ('numeric', 'range');
UPDATE indicators SET
    base_num = target_num * CASE WHEN unit LIKE '万亿%' THEN 1e12 WHEN unit LIKE '千万%' THEN 1e7
        WHEN unit LIKE '百万%' THEN 1e6 WHEN unit LIKE '亿%' THEN 1e8 ELSE 1e4 END,
    lower_base_num = lower_num * CASE WHEN unit LIKE '万亿%' THEN 1e12 WHEN unit LIKE '千万%' THEN 1e7
        WHEN unit LIKE '百万%' THEN 1e6 WHEN unit LIKE '亿%' THEN 1e8 ELSE 1e4 END,
    upper_base_num = upper_num * CASE WHEN unit LIKE '万亿%' THEN 1e12 WHEN unit LIKE '千万%' THEN 1e7
        WHEN unit LIKE '百万%' THEN 1e6 WHEN unit LIKE '亿%' THEN 1e8 ELSE 1e4 END,
    base_unit = CASE WHEN unit LIKE '万亿%' OR unit LIKE '千万%' OR unit LIKE '百万%' THEN substr(unit, 3) ELSE substr(unit, 2) END
WHERE kind IN ('numeric', 'range') AND (unit LIKE '万%' OR unit LIKE '亿%' OR unit LIKE '千万%' OR unit LIKE '百万%')
    AND unit NOT LIKE '万万%';
UPDATE indicators SET base_num = target_num * 1e3, lower_base_num = lower_num * 1e3, upper_base_num = upper_num * 1e3,
    base_unit = substr(unit, 2)
WHERE kind IN ('numeric', 'range') AND unit LIKE '千元%';

-- Queries on a unit compare on the base.
CREATE INDEX indicators_base ON indicators(base_unit, base_num);

-- The analysts' view, as in 0002 with the new columns at the end.
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
       i.delta, i.delta_unit, i.delta_op, i.note, i.period_from, i.period_to
FROM indicators i
LEFT JOIN projects p ON p.id = i.project_id
JOIN documents d ON d.id = i.document_id
JOIN reports r ON r.document_id = i.document_id;
