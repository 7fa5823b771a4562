package corpus

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// BatchReport is what the cross-document rules compare of one stored
// report, read by SQL from its columns rather than rebuilt as a report.
type BatchReport struct {
	Document       int64  // documents.id
	Path           string // the file's base name: the messages are sent back to departments, who do not know the bureau's folders
	SHA256         string
	DepartmentCode string
	DepartmentName string
	Year           int
	Projects       []BatchProject // in report order
}

// BatchProject is one project of a BatchReport.
type BatchProject struct {
	Seq  int
	Code string
	Name string
}

// BatchFinding is a cross-document finding on a document; it points at
// the document's first project with code Project, if any.
type BatchFinding struct {
	Document int64
	Finding
}

// RecheckBatch rebuilds the submissions (see RefreshSubmissions), then
// has check find the cross-document findings among the reports that
// count, once per budget year (a department reports every year, and its
// project codes recur), and replaces the earlier cross-document findings
// with them, in one transaction.
func (s *Store) RecheckBatch(ctx context.Context, check func([]BatchReport) []BatchFinding) (findings int, err error) {
	// The findings are counted once, below, when they are final.
	if err := s.refresh(ctx, false); err != nil {
		return 0, err
	}
	years, err := s.batchYears(ctx)
	if err != nil {
		return 0, err
	}
	var found []BatchFinding
	for _, year := range years {
		reps, err := s.batchReports(ctx, year)
		if err != nil {
			return 0, err
		}
		found = append(found, check(reps)...)
	}
	// In document order, each document's in the order check gave them,
	// as they were always stored.
	slices.SortStableFunc(found, func(a, b BatchFinding) int { return cmp.Compare(a.Document, b.Document) })
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", err)
	}
	defer tx.Rollback()
	// The documents whose counts change: those with cross-document
	// findings before or after.
	recount, err := batchDocuments(ctx, tx)
	if err != nil {
		return 0, err
	}
	w := &writer{ctx: ctx, tx: tx, s: s}
	w.exec(`DELETE FROM findings WHERE batch = 1`)
	for _, f := range found {
		w.exec(`INSERT INTO findings (document_id, project_id, indicator_id, batch, rule, severity,
			message, project_code, indicator, sub_goal, field, page, tbl, row, col)
			VALUES (?1, (SELECT id FROM projects WHERE document_id = ?1 AND code = ?2 ORDER BY seq, id LIMIT 1),
			NULL, 1, ?3, ?4, ?5, ?2, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
			f.Document, f.Project, f.Rule, f.Severity, f.Message, f.Indicator, f.SubGoal, f.Field,
			f.Page, f.Table, f.Row, f.Col)
		recount = append(recount, f.Document)
	}
	// The counts the status and the issue summary read, kept with each
	// submission, so that they read 10,000 rows rather than 300,000 findings.
	ids, _ := json.Marshal(recount)
	w.exec(findingCountsSQL, string(ids))
	w.exec(submissionCountsSQL, string(ids))
	w.exec(freshSQL)
	w.exec(`UPDATE meta SET value = '0' WHERE key = 'batch_dirty'`)
	if w.err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", w.err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", err)
	}
	return len(found), nil
}

// batchDocuments lists the documents with cross-document findings.
func batchDocuments(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT document_id FROM findings WHERE batch = 1`)
	if err != nil {
		return nil, fmt.Errorf("corpus: batch findings: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("corpus: batch findings: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// BatchDirty reports whether documents were stored since RecheckBatch
// last ran.
func (s *Store) BatchDirty(ctx context.Context) (bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'batch_dirty'`).Scan(&v)
	if err != nil {
		return false, fmt.Errorf("corpus: batch state: %w", err)
	}
	return v == "1", nil
}

// batchYears lists the years of the reports that count, in the order of
// their first document.
func (s *Store) batchYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year FROM reports WHERE counted = 1
		GROUP BY year ORDER BY min(document_id)`)
	if err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	defer rows.Close()
	var years []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, fmt.Errorf("corpus: batch reports: %w", err)
		}
		years = append(years, y)
	}
	return years, rows.Err()
}

// batchReports reads the reports of year that count (reports.counted),
// in document order, with their projects, which share one array: there
// may be 100,000 of them.
func (s *Store) batchReports(ctx context.Context, year int) ([]BatchReport, error) {
	var docs, projects int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(n_projects), 0) FROM reports
		WHERE counted = 1 AND year = ?`, year).Scan(&docs, &projects); err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.path, d.sha256, r.department_code, r.department_name
		FROM documents d JOIN reports r ON r.document_id = d.id
		WHERE r.counted = 1 AND r.year = ? ORDER BY d.id`, year)
	if err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	reps := make([]BatchReport, 0, docs)
	var rep BatchReport
	for rows.Next() {
		if err := rows.Scan(&rep.Document, &rep.Path, &rep.SHA256, &rep.DepartmentCode, &rep.DepartmentName); err != nil {
			rows.Close()
			return nil, fmt.Errorf("corpus: batch reports: %w", err)
		}
		rep.Path = BaseName(rep.Path)
		rep.Year = year
		reps = append(reps, rep)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT p.document_id, p.seq, p.code, p.name
		FROM projects p JOIN reports r ON r.document_id = p.document_id
		WHERE r.counted = 1 AND r.year = ? ORDER BY p.document_id, p.seq`, year)
	if err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	defer rows.Close()
	// Both lists are in document order: walk them together, noting where
	// each report's projects end.
	all := make([]BatchProject, 0, projects)
	end := make([]int, len(reps))
	i := 0
	var doc int64
	var p BatchProject
	for rows.Next() {
		if err := rows.Scan(&doc, &p.Seq, &p.Code, &p.Name); err != nil {
			return nil, fmt.Errorf("corpus: batch reports: %w", err)
		}
		for i < len(reps) && reps[i].Document < doc {
			end[i] = len(all)
			i++
		}
		if i < len(reps) && reps[i].Document == doc {
			all = append(all, p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	for ; i < len(reps); i++ {
		end[i] = len(all)
	}
	start := 0
	for i := range reps {
		if end[i] > start {
			reps[i].Projects = all[start:end[i]:end[i]]
		}
		start = end[i]
	}
	return reps, nil
}
