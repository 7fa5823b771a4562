package corpus

import (
	"context"
	"fmt"
)

// Count is a labelled number of an overview chart.
type Count struct {
	Key   string // the value a filter takes: a department code, rule ID, status, target value
	Label string // as shown, when Key does not say it: a department's name
	N     int
}

// Overview holds what the overview page charts.
type Overview struct {
	Status       []Count // documents by status and format: Key "ok docx", "failed pdf" …
	Rules        []Count // findings by rule, most first
	Departments  []Count // findings by department, most first
	Satisfaction []Count // numeric 满意度 targets in % by value (Key), ascending
}

// Overview counts what the overview charts, the top n of each ranking.
// Each query reads an index or a per-document aggregate, not every
// finding joined to its report.
func (s *Store) Overview(ctx context.Context, n int) (*Overview, error) {
	o := &Overview{}
	for _, q := range []struct {
		dst *[]Count
		sql string
	}{
		{&o.Status, `SELECT status || ' ' || format, '', count(*) FROM documents GROUP BY status, format
			ORDER BY status DESC, format`},
		{&o.Rules, `SELECT rule, '', count(*) FROM findings GROUP BY rule ORDER BY 3 DESC, 1 LIMIT ?`},
		{&o.Departments, `SELECT r.department_code, max(r.department_name), sum(x.n)
			FROM (SELECT document_id, count(*) AS n FROM findings GROUP BY document_id) x
			JOIN reports r ON r.document_id = x.document_id
			GROUP BY r.department_code ORDER BY 3 DESC, 1 LIMIT ?`},
		// The 满意度 targets of the Hebei forms: 一级指标 满意度指标, a
		// percentage. The most common values, shown in value order.
		{&o.Satisfaction, `SELECT v, '', n FROM (SELECT target_num AS v, count(*) AS n
			FROM indicators WHERE level1 IN ('满意度指标', '满意度') AND kind = 'numeric' AND unit = '%'
			GROUP BY target_num ORDER BY n DESC LIMIT ?) ORDER BY v`},
	} {
		args := []any{}
		if n > 0 {
			args = append(args, n)
		} else {
			args = append(args, -1)
		}
		if q.dst == &o.Status {
			args = nil
		}
		rows, err := s.db.QueryContext(ctx, q.sql, args...)
		if err != nil {
			return nil, fmt.Errorf("corpus: overview: %w", err)
		}
		for rows.Next() {
			var c Count
			var key any // a number for 满意度: formatted as written, 90 not 90.0
			if err := rows.Scan(&key, &c.Label, &c.N); err != nil {
				rows.Close()
				return nil, fmt.Errorf("corpus: overview: %w", err)
			}
			if b, ok := key.([]byte); ok {
				key = string(b)
			}
			c.Key = CellText(key)
			*q.dst = append(*q.dst, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("corpus: overview: %w", err)
		}
	}
	return o, nil
}
