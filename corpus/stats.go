package corpus

import (
	"context"
	"fmt"
)

// Stats counts what a database holds. Documents, Failed and Formats count
// files; the others count each current submission once (reports.counted:
// the .docx of a report sent as .docx and .pdf, the latest report of a
// department resubmitted).
type Stats struct {
	Documents       int            `json:"documents"` // every file stored, failed ones included
	Failed          int            `json:"failed"`
	Submissions     int            `json:"submissions"` // current submissions: one department's report for one year
	Replaced        int            `json:"replaced"`    // earlier submissions a resubmission replaced, kept as history
	Copies          int            `json:"copies"`      // files of current submissions beside the one that counts (the .pdf of a .docx)
	Reports         int            `json:"reports"`     // the reports counted: Submissions
	Projects        int            `json:"projects"`
	Indicators      int            `json:"indicators"`            // department and medium-term indicators included
	DeptIndicators  int            `json:"department_indicators"` // of department-level forms (部门整体)
	MidIndicators   int            `json:"mid_term_indicators"`   // of medium- or long-term tables (中长期)
	Findings        int            `json:"findings"`
	Formats         map[string]int `json:"formats"`          // documents per format
	Kinds           map[string]int `json:"kinds"`            // reports per kind: target, self_evaluation; "" stored before schema version 2
	Severities      map[string]int `json:"severities"`       // findings per severity
	Departments     int            `json:"departments"`      // distinct department codes
	DuplicateGroups int            `json:"duplicate_groups"` // submissions sent as more than one file
	SchemaVersion   int            `json:"schema_version"`
}

// Stats returns the counts.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{Formats: map[string]int{}, Kinds: map[string]int{}, Severities: map[string]int{}}
	one := func(q string, dst *int) error {
		if err := s.db.QueryRowContext(ctx, q).Scan(dst); err != nil {
			return fmt.Errorf("corpus: stats: %w", err)
		}
		return nil
	}
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM documents`:                                                &st.Documents,
		`SELECT count(*) FROM documents WHERE status = 'failed'`:                        &st.Failed,
		`SELECT count(*) FROM reports WHERE counted = 1`:                                &st.Reports,
		`SELECT count(*) FROM submissions WHERE replaced_by IS NULL`:                    &st.Submissions,
		`SELECT count(*) FROM submissions WHERE replaced_by IS NOT NULL`:                &st.Replaced,
		`SELECT coalesce(sum(files - 1), 0) FROM submissions WHERE replaced_by IS NULL`: &st.Copies,
		`SELECT count(*) FROM projects p JOIN reports r ON r.document_id = p.document_id
			WHERE r.counted = 1`: &st.Projects,
		`SELECT count(*) FROM indicators i JOIN reports r ON r.document_id = i.document_id
			WHERE r.counted = 1`: &st.Indicators,
		`SELECT count(*) FROM indicators i JOIN reports r ON r.document_id = i.document_id
			WHERE i.project_id IS NULL AND r.counted = 1`: &st.DeptIndicators, // by index, unlike scope
		`SELECT count(*) FROM indicators i JOIN reports r ON r.document_id = i.document_id
			WHERE i.scope = 'mid_term' AND r.counted = 1`: &st.MidIndicators, // by its partial index
		`SELECT count(*) FROM findings f JOIN reports r ON r.document_id = f.document_id
			WHERE r.counted = 1`: &st.Findings,
		`SELECT count(DISTINCT department_code) FROM reports WHERE counted = 1`:    &st.Departments,
		`SELECT count(*) FROM submissions WHERE replaced_by IS NULL AND files > 1`: &st.DuplicateGroups,
		`PRAGMA user_version`: &st.SchemaVersion,
	} {
		if err := one(q, dst); err != nil {
			return nil, err
		}
	}
	for q, m := range map[string]map[string]int{
		`SELECT format, count(*) FROM documents GROUP BY format`:             st.Formats,
		`SELECT kind, count(*) FROM reports WHERE counted = 1 GROUP BY kind`: st.Kinds,
		`SELECT f.severity, count(*) FROM findings f JOIN reports r ON r.document_id = f.document_id
			WHERE r.counted = 1 GROUP BY f.severity`: st.Severities,
	} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("corpus: stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("corpus: stats: %w", err)
			}
			m[k] = n
		}
		rows.Close()
	}
	return st, nil
}
