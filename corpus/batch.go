package corpus

import (
	"context"
	"fmt"

	"github.com/jixiao/jixiao/report"
)

// RecheckBatch rebuilds the submissions (see RefreshSubmissions), then
// runs the cross-document rules over the reports that count, once per
// budget year (a department reports every year, and its project codes
// recur), and replaces the earlier cross-document findings with the ones
// check returns, report by report, in one transaction. The reports check sees are rebuilt
// from the database with only what such rules need: Kind, Source,
// Department, Year and Projects[].{Seq, Code, Name, DepartmentCode,
// DepartmentName}; Source.Path is the file's base name, since the
// messages are sent back to departments, who do not know the bureau's
// folders.
func (s *Store) RecheckBatch(ctx context.Context, check func([]*report.Report) [][]Finding) (findings int, err error) {
	// The findings are counted once, below, when they are final.
	if err := s.refresh(ctx, false); err != nil {
		return 0, err
	}
	reps, docs, projects, err := s.batchReports(ctx)
	if err != nil {
		return 0, err
	}
	found := make(map[*report.Report][]Finding, len(reps))
	for _, year := range byYear(reps) {
		for i, fs := range check(year) {
			found[year[i]] = fs
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM findings WHERE batch = 1`); err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", err)
	}
	w := &writer{ctx: ctx, tx: tx, s: s}
	batch := newFindingRows()
	for i, rep := range reps {
		for _, f := range found[rep] {
			w.finding(batch, docs[i], 1, f, &indicatorIDs{projects: projects[i]})
			findings++
		}
	}
	w.flush(batch)
	// The counts the status and the issue summary read, kept with each
	// submission, so that they read 10,000 rows rather than 300,000 findings.
	w.exec(submissionCountsSQL)
	w.exec(`UPDATE meta SET value = '0' WHERE key = 'batch_dirty'`)
	if w.err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", w.err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("corpus: batch findings: %w", err)
	}
	return findings, nil
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

// byYear groups reps by Year, keeping their order.
func byYear(reps []*report.Report) [][]*report.Report {
	var out [][]*report.Report
	index := map[int]int{}
	for _, rep := range reps {
		i, ok := index[rep.Year]
		if !ok {
			i = len(out)
			index[rep.Year] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], rep)
	}
	return out
}

// batchReports loads the minimal reports that count (reports.counted),
// their document ids and, per report, the project ids by code.
func (s *Store) batchReports(ctx context.Context) (reps []*report.Report, docs []int64, projects []map[string]int64, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.path, d.sha256, d.format, d.pages,
		r.department_code, r.department_name, r.year, r.kind
		FROM documents d JOIN reports r ON r.document_id = d.id WHERE r.counted = 1 ORDER BY d.id`)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	index := map[int64]int{}
	for rows.Next() {
		var id int64
		rep := &report.Report{Schema: report.Schema}
		if err := rows.Scan(&id, &rep.Source.Path, &rep.Source.SHA256, &rep.Source.Format,
			&rep.Source.Pages, &rep.Department.Code, &rep.Department.Name, &rep.Year, &rep.Kind); err != nil {
			rows.Close()
			return nil, nil, nil, fmt.Errorf("corpus: batch reports: %w", err)
		}
		rep.Source.Path = baseName(rep.Source.Path)
		index[id] = len(reps)
		reps = append(reps, rep)
		docs = append(docs, id)
		projects = append(projects, map[string]int64{})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT id, document_id, seq, code, name, department_code,
		department_name FROM projects ORDER BY document_id, seq`)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("corpus: batch reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc int64
		var p report.Project
		if err := rows.Scan(&id, &doc, &p.Seq, &p.Code, &p.Name, &p.DepartmentCode, &p.DepartmentName); err != nil {
			return nil, nil, nil, fmt.Errorf("corpus: batch reports: %w", err)
		}
		i, ok := index[doc]
		if !ok {
			continue
		}
		reps[i].Projects = append(reps[i].Projects, p)
		if _, dup := projects[i][p.Code]; !dup {
			projects[i][p.Code] = id
		}
	}
	return reps, docs, projects, rows.Err()
}
