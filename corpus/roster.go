package corpus

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// RosterEntry is one department that must report.
type RosterEntry struct {
	Code    string // 部门编码
	Name    string // 部门名称
	Contact string // 联系人 / 联系电话 as written; may be empty
}

// ImportRoster replaces the roster with entries, in one transaction. Codes
// must be unique and not empty.
func (s *Store) ImportRoster(ctx context.Context, entries []RosterEntry) error {
	seen := map[string]bool{}
	for _, e := range entries {
		if e.Code == "" {
			return fmt.Errorf("corpus: roster: a department without a code (%q)", e.Name)
		}
		if seen[e.Code] {
			return fmt.Errorf("corpus: roster: department code %s twice", e.Code)
		}
		seen[e.Code] = true
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("corpus: roster: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM roster`); err != nil {
		return fmt.Errorf("corpus: roster: %w", err)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	for _, e := range entries {
		if _, err := tx.ExecContext(ctx, `INSERT INTO roster (department_code, department_name, contact, imported_at)
			VALUES (?, ?, ?, ?)`, e.Code, e.Name, e.Contact, now); err != nil {
			return fmt.Errorf("corpus: roster: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("corpus: roster: %w", err)
	}
	return nil
}

// Roster returns the roster by department code.
func (s *Store) Roster(ctx context.Context) ([]RosterEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT department_code, department_name, contact FROM roster ORDER BY department_code`)
	if err != nil {
		return nil, fmt.Errorf("corpus: roster: %w", err)
	}
	defer rows.Close()
	var out []RosterEntry
	for rows.Next() {
		var e RosterEntry
		if err := rows.Scan(&e.Code, &e.Name, &e.Contact); err != nil {
			return nil, fmt.Errorf("corpus: roster: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// The statuses of a department for a year, as the bureau says them.
const (
	StatusMissing  = "未报送"
	StatusErrors   = "已报送有错误"
	StatusWarnings = "已报送有警告"
	StatusPassed   = "已通过"
)

// Statuses lists the statuses in the order a list of them reads.
var Statuses = []string{StatusMissing, StatusErrors, StatusWarnings, StatusPassed}

// StatusRow is one department's status for the year.
type StatusRow struct {
	Code, Name, Contact string
	Status              string // one of Statuses
	InRoster            bool   // false: submitted but not on the roster
	File                string // the file that counts; "" when missing
	Note                string // 另有 PDF 版本
	Versions            int    // submissions received, resubmissions included
	ReceivedAt          string // the current submission's first file's ingest time
	Errors, Warnings    int
	Infos               int
}

// Status is the year's status of every department on the roster and of
// every department that submitted.
type Status struct {
	Year   int            // the budget year; 0 when nothing was submitted
	Rows   []StatusRow    // by department code
	Counts map[string]int // departments per status
}

// Status returns the status of the departments for year (0: the latest
// year submitted) for target reports: one call for the CLI, the xlsx and
// the web overview. Findings of the file that counts decide: any error
// gives 已报送有错误, else any warning 已报送有警告, else 已通过.
func (s *Store) Status(ctx context.Context, year int) (*Status, error) {
	if year == 0 {
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(year), 0) FROM submissions
			WHERE replaced_by IS NULL AND kind <> 'self_evaluation' AND year > 0`).Scan(&year); err != nil {
			return nil, fmt.Errorf("corpus: status: %w", err)
		}
	}
	st := &Status{Year: year, Counts: map[string]int{}}
	roster, err := s.Roster(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]int{}
	for _, e := range roster {
		byCode[e.Code] = len(st.Rows)
		st.Rows = append(st.Rows, StatusRow{Code: e.Code, Name: e.Name, Contact: e.Contact, InRoster: true, Status: StatusMissing})
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.department_code, s.department_name, d.path, s.formats, s.received_at,
		(SELECT count(*) FROM submissions h WHERE h.department_code = s.department_code AND h.year = s.year
			AND h.kind = s.kind) AS versions,
		s.errors, s.warnings, s.infos
		FROM submissions s JOIN documents d ON d.id = s.document_id
		WHERE s.year = ? AND s.replaced_by IS NULL AND s.kind <> 'self_evaluation'
		ORDER BY s.department_code, s.first_document`, year)
	if err != nil {
		return nil, fmt.Errorf("corpus: status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r StatusRow
		var formats string
		if err := rows.Scan(&r.Code, &r.Name, &r.File, &formats, &r.ReceivedAt, &r.Versions,
			&r.Errors, &r.Warnings, &r.Infos); err != nil {
			return nil, fmt.Errorf("corpus: status: %w", err)
		}
		sub := Submission{File: r.File, Formats: splitFormats(formats)}
		r.Note = sub.Note()
		r.File = BaseName(r.File)
		r.Status = StatusPassed
		switch {
		case r.Errors > 0:
			r.Status = StatusErrors
		case r.Warnings > 0:
			r.Status = StatusWarnings
		}
		i, ok := byCode[r.Code]
		if !ok || r.Code == "" || st.Rows[i].Status != StatusMissing {
			st.Rows = append(st.Rows, r)
			continue
		}
		r.Name, r.Contact, r.InRoster = st.Rows[i].Name, st.Rows[i].Contact, true
		st.Rows[i] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: status: %w", err)
	}
	sort.SliceStable(st.Rows, func(i, j int) bool { return st.Rows[i].Code < st.Rows[j].Code })
	for _, r := range st.Rows {
		st.Counts[r.Status]++
	}
	return st, nil
}

// Table is the status as a table to print or export.
func (st *Status) Table() *Table {
	t := &Table{Name: fmt.Sprintf("%d年度报送情况", st.Year), Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门名称"}, {"contact", "联系人"},
		{"status", "状态"}, {"errors", "错误"}, {"warnings", "警告"}, {"infos", "提示"},
		{"file", "文件"}, {"note", "备注"}, {"versions", "报送次数"}, {"received_at", "报送时间"},
	}}
	if st.Year == 0 {
		t.Name = "报送情况"
	}
	for _, r := range st.Rows {
		note := r.Note
		if !r.InRoster {
			note = joinNote(note, "不在部门名单中")
		}
		if r.Versions > 1 {
			note = joinNote(note, fmt.Sprintf("已重新报送，以第 %d 次为准", r.Versions))
		}
		var errs, warns, infos any
		if r.Status != StatusMissing {
			errs, warns, infos = int64(r.Errors), int64(r.Warnings), int64(r.Infos)
		}
		t.Rows = append(t.Rows, []any{r.Code, r.Name, r.Contact, r.Status, errs, warns, infos,
			r.File, note, int64(r.Versions), r.ReceivedAt})
	}
	return t
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}
