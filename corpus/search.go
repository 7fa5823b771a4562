package corpus

import (
	"context"
	"fmt"
	"strings"
)

// Hit is one search result: the project, indicator or goal that matched
// and the field the words were found in.
type Hit struct {
	Score          float64 // bm25 with the name field weighted most; lower is better
	File           string
	DepartmentCode string
	DepartmentName string
	ProjectCode    string // "" for a department-wide goal or indicator
	ProjectName    string // 部门整体 for a department indicator
	Indicator      int    // 1-based index in the project or department table; 0 when the hit is not an indicator
	Where          string // the field, in Chinese: 项目名称, 三级指标, 指标值 …
	Text           string // that field's text
}

// Search finds the projects, indicators and goals whose text holds every
// word of q (cut the way the index was), best first; when no entry holds
// them all, those holding any of them.
func (s *Store) Search(ctx context.Context, seg *Segmenter, q string, limit int) ([]Hit, error) {
	words := seg.Query(q)
	if len(words) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	hits, err := s.search(ctx, strings.Join(quoted, " "), words, limit)
	if err != nil || len(hits) > 0 || len(words) == 1 {
		return hits, err
	}
	return s.search(ctx, strings.Join(quoted, " OR "), words, limit)
}

// textsSQL ranks the distinct texts; entriesSQL lists the entries that
// carry one, oldest document first.
const (
	textsSQL = `SELECT rowid, bm25(search_fts, 4.0, 1.0, 2.0) AS score
		FROM search_fts WHERE search_fts MATCH ? ORDER BY score LIMIT ?`
	entriesSQL = `
SELECT d.path, coalesce(r.department_code, ''), coalesce(r.department_name, ''),
       coalesce(p.code, ''), ` + projectName + `,
       coalesce(p.goal, ''), coalesce(p.mid_term_goal, ''), coalesce(p.purpose, ''),
       coalesce(i.seq, 0), coalesce(i.level3, ''), coalesce(i.description, ''),
       coalesce(i.deviation, ''), coalesce(i.nature || i.value || i.value_unit, ''),
       coalesce(g.kind, ''), coalesce(g.title, ''), coalesce(g.goal, ''), coalesce(g.indicators, '')
FROM search_entries e
JOIN documents d ON d.id = e.document_id
LEFT JOIN reports r ON r.document_id = e.document_id
LEFT JOIN projects p ON p.id = e.project_id
LEFT JOIN indicators i ON i.id = e.indicator_id
LEFT JOIN goals g ON g.id = e.goal_id
WHERE e.text_id = ? ORDER BY e.id LIMIT ?`
)

func (s *Store) search(ctx context.Context, match string, words []string, limit int) ([]Hit, error) {
	type text struct {
		id    int64
		score float64
	}
	// Every text has an entry (PruneTexts), so limit texts are enough;
	// twice that leaves room for texts orphaned by an interrupted --force.
	rows, err := s.db.QueryContext(ctx, textsSQL, match, 2*limit)
	if err != nil {
		return nil, fmt.Errorf("corpus: search %q: %w", match, err)
	}
	var texts []text
	for rows.Next() {
		var t text
		if err := rows.Scan(&t.id, &t.score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("corpus: search: %w", err)
		}
		texts = append(texts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: search %q: %w", match, err)
	}
	var hits []Hit
	for _, t := range texts {
		if len(hits) >= limit {
			break
		}
		more, err := s.entries(ctx, t.id, t.score, words, limit-len(hits))
		if err != nil {
			return nil, err
		}
		hits = append(hits, more...)
	}
	return hits, nil
}

// entries lists up to n entries carrying text id.
func (s *Store) entries(ctx context.Context, id int64, score float64, words []string, n int) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, entriesSQL, id, n)
	if err != nil {
		return nil, fmt.Errorf("corpus: search: %w", err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		h := Hit{Score: score}
		var goal, midTerm, purpose, level3, desc, deviation, value, gkind, gtitle, ggoal, gind string
		if err := rows.Scan(&h.File, &h.DepartmentCode, &h.DepartmentName,
			&h.ProjectCode, &h.ProjectName, &goal, &midTerm, &purpose, &h.Indicator, &level3, &desc,
			&deviation, &value, &gkind, &gtitle, &ggoal, &gind); err != nil {
			return nil, fmt.Errorf("corpus: search: %w", err)
		}
		var fields [][2]string
		switch {
		case h.Indicator > 0:
			fields = [][2]string{{"三级指标", level3}, {"指标描述", desc}, {"指标值", value}, {"偏差原因", deviation}}
		case h.ProjectCode != "" || h.ProjectName != "":
			fields = [][2]string{{"项目名称", h.ProjectName}, {"项目绩效目标", goal}, {"中期目标", midTerm}, {"资金用途", purpose}}
		case gkind == "overall":
			fields = [][2]string{{"总体绩效目标", ggoal}}
		case gkind == "sub_goal":
			fields = [][2]string{{"分项绩效目标", gtitle}, {"分项绩效目标", ggoal}, {"分项绩效指标", gind}}
		default:
			fields = [][2]string{{"工作保障措施", ggoal}}
		}
		h.Where, h.Text = bestField(fields, words)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// PruneTexts deletes the texts no entry carries any more, after documents
// were replaced; the trigger takes them out of the FTS table.
func (s *Store) PruneTexts(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM search_texts WHERE NOT EXISTS
		(SELECT 1 FROM search_entries e WHERE e.text_id = search_texts.id)`)
	if err != nil {
		return fmt.Errorf("corpus: prune search texts: %w", err)
	}
	return nil
}

// bestField picks the field holding the most query words.
func bestField(fields [][2]string, words []string) (name, text string) {
	best := -1
	for _, f := range fields {
		n := 0
		for _, w := range words {
			if strings.Contains(f[1], w) {
				n++
			}
		}
		if n > best {
			best, name, text = n, f[0], f[1]
		}
	}
	return name, text
}

// HitsTable turns hits into a Table for printing or export.
func HitsTable(hits []Hit) *Table {
	t := &Table{Name: "搜索结果", Columns: []Column{
		{"rank", "序号"}, {"score", "得分"}, {"department_code", "部门编码"}, {"department_name", "部门"},
		{"project_code", "项目编码"}, {"project_name", "项目名称"}, {"indicator", "指标序号"},
		{"where", "位置"}, {"text", "内容"}, {"file", "文件"},
	}}
	for i, h := range hits {
		var ind any
		if h.Indicator > 0 {
			ind = int64(h.Indicator)
		}
		t.Rows = append(t.Rows, []any{int64(i + 1), roundScore(h.Score), h.DepartmentCode,
			h.DepartmentName, h.ProjectCode, h.ProjectName, ind, h.Where, h.Text, h.File})
	}
	return t
}

// roundScore turns bm25 (negative, lower is better) into a positive score
// with two decimals.
func roundScore(s float64) float64 {
	return float64(int64(-s*100+0.5)) / 100
}
