package corpus

import (
	"context"
	"fmt"
)

// Stats counts what a database holds.
type Stats struct {
	Documents       int            `json:"documents"` // every file stored, failed ones included
	Failed          int            `json:"failed"`
	Reports         int            `json:"reports"`
	Projects        int            `json:"projects"`
	Indicators      int            `json:"indicators"`            // department and medium-term indicators included
	DeptIndicators  int            `json:"department_indicators"` // of department-level forms (部门整体)
	MidIndicators   int            `json:"mid_term_indicators"`   // of medium- or long-term tables (中长期)
	Findings        int            `json:"findings"`
	Formats         map[string]int `json:"formats"`          // documents per format
	Kinds           map[string]int `json:"kinds"`            // reports per kind: target, self_evaluation; "" stored before schema version 2
	Severities      map[string]int `json:"severities"`       // findings per severity
	Departments     int            `json:"departments"`      // distinct department codes
	DuplicateGroups int            `json:"duplicate_groups"` // reports submitted more than once
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
		`SELECT count(*) FROM documents`:                                                        &st.Documents,
		`SELECT count(*) FROM documents WHERE status = 'failed'`:                                &st.Failed,
		`SELECT count(*) FROM reports`:                                                          &st.Reports,
		`SELECT count(*) FROM projects`:                                                         &st.Projects,
		`SELECT count(*) FROM indicators`:                                                       &st.Indicators,
		`SELECT count(*) FROM indicators WHERE project_id IS NULL`:                              &st.DeptIndicators, // by index, unlike scope
		`SELECT count(*) FROM indicators WHERE scope = 'mid_term'`:                              &st.MidIndicators,  // by its partial index
		`SELECT count(*) FROM findings`:                                                         &st.Findings,
		`SELECT count(DISTINCT department_code) FROM reports`:                                   &st.Departments,
		`SELECT count(*) FROM (SELECT 1 FROM reports GROUP BY fingerprint HAVING count(*) > 1)`: &st.DuplicateGroups,
		`PRAGMA user_version`:                                                                   &st.SchemaVersion,
	} {
		if err := one(q, dst); err != nil {
			return nil, err
		}
	}
	for q, m := range map[string]map[string]int{
		`SELECT format, count(*) FROM documents GROUP BY format`:    st.Formats,
		`SELECT kind, count(*) FROM reports GROUP BY kind`:          st.Kinds,
		`SELECT severity, count(*) FROM findings GROUP BY severity`: st.Severities,
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
