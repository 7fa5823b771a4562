-- 0009: what each report holds, counted once when it is stored (and its
-- findings again when the cross-document ones change), so that jixiao
-- stats and the summary after an ingest add up one row per report rather
-- than count a million indicators and findings; and an index for the
-- summary by department.
ALTER TABLE reports ADD COLUMN n_projects INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN n_indicators INTEGER NOT NULL DEFAULT 0;      -- department and medium-term ones included
ALTER TABLE reports ADD COLUMN n_dept_indicators INTEGER NOT NULL DEFAULT 0; -- without a project (部门整体)
ALTER TABLE reports ADD COLUMN n_mid_indicators INTEGER NOT NULL DEFAULT 0;  -- scope mid_term (中长期)
ALTER TABLE reports ADD COLUMN n_findings INTEGER NOT NULL DEFAULT 0;        -- cross-document ones included
ALTER TABLE reports ADD COLUMN n_errors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN n_warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN n_infos INTEGER NOT NULL DEFAULT 0;

UPDATE reports SET
    n_projects = (SELECT count(*) FROM projects WHERE document_id = reports.document_id),
    (n_indicators, n_dept_indicators, n_mid_indicators) = (SELECT count(*), coalesce(sum(project_id IS NULL), 0),
        coalesce(sum(scope = 'mid_term'), 0) FROM indicators WHERE document_id = reports.document_id),
    (n_findings, n_errors, n_warnings, n_infos) = (SELECT count(*), coalesce(sum(severity = 'error'), 0),
        coalesce(sum(severity = 'warning'), 0), coalesce(sum(severity = 'info'), 0)
        FROM findings WHERE document_id = reports.document_id);

-- issues --summary groups the current submissions' counts by department:
-- read in order from this index, without sorting or reading the table.
CREATE INDEX submissions_summary ON submissions(department_code, department_name, errors, warnings, infos)
WHERE replaced_by IS NULL;
