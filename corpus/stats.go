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
		`SELECT count(*) FROM submissions WHERE replaced_by IS NULL`:                    &st.Submissions,
		`SELECT count(*) FROM submissions WHERE replaced_by IS NOT NULL`:                &st.Replaced,
		`SELECT coalesce(sum(files - 1), 0) FROM submissions WHERE replaced_by IS NULL`: &st.Copies,
		`SELECT count(*) FROM submissions WHERE replaced_by IS NULL AND files > 1`:      &st.DuplicateGroups,
		`PRAGMA user_version`: &st.SchemaVersion,
	} {
		if err := one(q, dst); err != nil {
			return nil, err
		}
	}
	// What the counted reports hold, from the counts kept with each
	// (countRows when stored, findingCountsSQL when the cross-document
	// findings change).
	var errs, warnings, infos int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(n_projects), 0), coalesce(sum(n_indicators), 0),
		coalesce(sum(n_dept_indicators), 0), coalesce(sum(n_mid_indicators), 0), coalesce(sum(n_findings), 0),
		coalesce(sum(n_errors), 0), coalesce(sum(n_warnings), 0), coalesce(sum(n_infos), 0), count(DISTINCT department_code)
		FROM reports WHERE counted = 1`).Scan(&st.Reports, &st.Projects, &st.Indicators, &st.DeptIndicators,
		&st.MidIndicators, &st.Findings, &errs, &warnings, &infos, &st.Departments); err != nil {
		return nil, fmt.Errorf("corpus: stats: %w", err)
	}
	for sev, n := range map[string]int{"error": errs, "warning": warnings, "info": infos} {
		if n > 0 {
			st.Severities[sev] = n
		}
	}
	groups := map[string]map[string]int{}
	if errs+warnings+infos != st.Findings {
		// Findings of another severity, written by hand: count them all.
		clear(st.Severities)
		groups[`SELECT f.severity, count(*) FROM findings f JOIN reports r ON r.document_id = f.document_id
			WHERE r.counted = 1 GROUP BY f.severity`] = st.Severities
	}
	groups[`SELECT format, count(*) FROM documents GROUP BY format`] = st.Formats
	groups[`SELECT kind, count(*) FROM reports WHERE counted = 1 GROUP BY kind`] = st.Kinds
	for q, m := range groups {
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
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("corpus: stats: %w", err)
		}
	}
	return st, nil
}

// findingCountsSQL counts the findings of the reports of the documents in
// the JSON array ?1 when their cross-document findings change.
const findingCountsSQL = `UPDATE reports SET (n_findings, n_errors, n_warnings, n_infos) = (SELECT count(*),
		coalesce(sum(severity = 'error'), 0), coalesce(sum(severity = 'warning'), 0), coalesce(sum(severity = 'info'), 0)
		FROM findings f WHERE f.document_id = reports.document_id)
	WHERE document_id IN (SELECT value FROM json_each(?1))`
