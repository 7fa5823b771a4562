package corpus

import (
	"context"
	"fmt"
)

// FindingChange is a finding of a resubmitted report set against the
// report it replaced.
type FindingChange struct {
	State       string // 已改正 (fixed: only in the earlier), 仍存在 (still open: in both), 新出现 (new: only in the current)
	Rule        string
	Severity    string // error warning info
	ProjectCode string
	Indicator   int
	Field       string
	Message     string // the current one's, else the earlier one's
}

// The states of FindingChange.
const (
	FindingFixed = "已改正"
	FindingOpen  = "仍存在"
	FindingNew   = "新出现"
)

// Resubmission is a current submission and the one it replaced.
type Resubmission struct {
	Earlier, Current *Submission
	Changes          []FindingChange // fixed first, then still open, then new
	Counts           map[string]int  // by State
}

// Resubmissions compares each current submission of department (code; ""
// for all) and year (0 for all) that replaced another with the one it
// replaced. Findings pair by rule, project code, indicator, field and
// sub-goal, so that a finding whose value changed but is still wrong stays
// open; the cross-document findings, which only the current one has, are
// left out.
func (s *Store) Resubmissions(ctx context.Context, department string, year int) ([]*Resubmission, error) {
	subs, err := s.Submissions(ctx, department, year)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*Submission{}
	for _, sub := range subs {
		byID[sub.ID] = sub
	}
	var out []*Resubmission
	for _, earlier := range subs {
		cur := byID[earlier.ReplacedBy]
		if cur == nil || cur.ReplacedBy != 0 {
			continue
		}
		r := &Resubmission{Earlier: earlier, Current: cur, Counts: map[string]int{}}
		was, err := s.submissionFindings(ctx, earlier.DocumentID)
		if err != nil {
			return nil, err
		}
		now, err := s.submissionFindings(ctx, cur.DocumentID)
		if err != nil {
			return nil, err
		}
		left := map[string][]FindingChange{}
		for _, f := range was {
			left[f.key()] = append(left[f.key()], f)
		}
		var open, added []FindingChange
		for _, f := range now {
			k := f.key()
			if len(left[k]) > 0 {
				left[k] = left[k][1:]
				f.State = FindingOpen
				open = append(open, f)
			} else {
				f.State = FindingNew
				added = append(added, f)
			}
		}
		for _, f := range was {
			k := f.key()
			if len(left[k]) > 0 && left[k][0] == f {
				left[k] = left[k][1:]
				f.State = FindingFixed
				r.Changes = append(r.Changes, f)
			}
		}
		r.Changes = append(append(r.Changes, open...), added...)
		for _, c := range r.Changes {
			r.Counts[c.State]++
		}
		out = append(out, r)
	}
	return out, nil
}

func (f FindingChange) key() string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%s", f.Rule, f.ProjectCode, f.Indicator, f.Field)
}

func (s *Store) submissionFindings(ctx context.Context, doc int64) ([]FindingChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rule, severity, project_code, indicator, field || '/' || sub_goal, message
		FROM findings WHERE document_id = ? AND batch = 0 ORDER BY id`, doc)
	if err != nil {
		return nil, fmt.Errorf("corpus: resubmission: %w", err)
	}
	defer rows.Close()
	var out []FindingChange
	for rows.Next() {
		var f FindingChange
		if err := rows.Scan(&f.Rule, &f.Severity, &f.ProjectCode, &f.Indicator, &f.Field, &f.Message); err != nil {
			return nil, fmt.Errorf("corpus: resubmission: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Table lists the changes as a table to print or export.
func (r *Resubmission) Table() *Table {
	t := &Table{Name: "重新报送对比", Columns: []Column{
		{"state", "状态"}, {"rule", "规则"}, {"severity", "严重程度"}, {"project_code", "项目编码"},
		{"indicator", "指标序号"}, {"message", "问题说明"},
	}}
	for _, c := range r.Changes {
		var ind any
		if c.Indicator > 0 {
			ind = int64(c.Indicator)
		}
		t.Rows = append(t.Rows, []any{c.State, c.Rule, SeverityName(c.Severity), c.ProjectCode, ind, c.Message})
	}
	return t
}

// SeverityName is error, warning or info in Chinese: 错误, 警告, 提示.
func SeverityName(s string) string {
	switch s {
	case "error":
		return "错误"
	case "warning":
		return "警告"
	case "info":
		return "提示"
	}
	return s
}
