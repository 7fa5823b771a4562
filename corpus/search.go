package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Hit is one search result: the project, indicator or goal that matched
// and the field the words were found in.
type Hit struct {
	Score          float64 // bm25 with the name field weighted most; lower is better
	File           string
	DocumentID     int64
	DepartmentCode string
	DepartmentName string
	ProjectCode    string // "" for a department-wide goal or indicator
	ProjectName    string // 部门整体 for a department indicator
	Indicator      int    // 1-based index in the project or department table; 0 when the hit is not an indicator
	ProjectID      int64  // projects.id; 0 for a department-wide entry
	IndicatorID    int64  // indicators.id; 0 when the hit is not an indicator
	GoalKind       string // of a department goal: overall, sub_goal, measure
	GoalNo         string // of a sub-goal or measure: 1, 2 … or 一, 二 …
	Where          string // the field, in Chinese: 项目名称, 三级指标, 指标值 …
	Text           string // that field's text
}

// SearchResult is one page of the hits of a query.
type SearchResult struct {
	Total int      // entries holding every term, on all pages
	Terms []string // the query's terms as typed (split at spaces), for highlighting
	Hits  []Hit
}

// Search returns the first limit hits of q; see SearchPage.
func (s *Store) Search(ctx context.Context, seg *Segmenter, q string, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = 20
	}
	r, err := s.SearchPage(ctx, seg, q, 0, limit)
	if err != nil {
		return nil, err
	}
	return r.Hits, nil
}

// SearchPage finds the projects, indicators and goals whose text holds
// every term of q (q split at spaces), best first, and returns limit of
// them from offset with the total. A term the segmenter cuts into several
// words (不存在 → 不 存在) must appear as written, not as its words
// scattered over the text; a term absent from the corpus finds nothing.
func (s *Store) SearchPage(ctx context.Context, seg *Segmenter, q string, offset, limit int) (*SearchResult, error) {
	res := &SearchResult{}
	var words []string
	var phrases []string // terms cut into several words: checked as written
	for _, term := range strings.Fields(q) {
		ws := seg.Query(term)
		if len(ws) == 0 {
			continue
		}
		res.Terms = append(res.Terms, term)
		words = append(words, ws...)
		if len(ws) > 1 {
			phrases = append(phrases, fold(term))
		}
	}
	if len(words) == 0 {
		return res, nil
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	texts, err := s.matchTexts(ctx, strings.Join(quoted, " AND "), phrases)
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		res.Total += t.entries
	}
	if limit <= 0 {
		return res, nil
	}
	// Walk the texts in rank order to the page's first entry.
	skip := max(offset, 0)
	for _, t := range texts {
		if len(res.Hits) >= limit {
			break
		}
		if skip >= t.entries {
			skip -= t.entries
			continue
		}
		more, err := s.entries(ctx, t.id, t.score, words, skip, limit-len(res.Hits))
		if err != nil {
			return nil, err
		}
		skip = 0
		res.Hits = append(res.Hits, more...)
	}
	return res, nil
}

// matchedText is a distinct text holding the query's words.
type matchedText struct {
	id      int64
	score   float64
	entries int   // entries carrying it
	first   int64 // the first of them, which stands for all in the phrase check
}

// haystackSQL is the text an entry was indexed from (see walkText), for
// checking a phrase as written.
const haystackSQL = `CASE
	WHEN e.indicator_id IS NOT NULL THEN coalesce(i.level3 || char(10) || i.description || char(10) ||
		i.deviation || char(10) || i.nature || i.value || i.value_unit, '')
	WHEN e.goal_id IS NOT NULL THEN coalesce(g.title || char(10) || g.goal || char(10) || g.indicators, '')
	ELSE coalesce(p.name || char(10) || p.goal || char(10) || p.mid_term_goal || char(10) || p.purpose, '') END`

// matchTexts ranks every text matching match, with its entry count, and
// keeps those whose entries hold each phrase as written. Texts are
// distinct, so there are far fewer of them than entries even for a common
// word.
func (s *Store) matchTexts(ctx context.Context, match string, phrases []string) ([]matchedText, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, bm25(search_fts, 4.0, 1.0, 2.0)
		FROM search_fts WHERE search_fts MATCH ?`, match)
	if err != nil {
		return nil, fmt.Errorf("corpus: search %q: %w", match, err)
	}
	byID := map[int64]*matchedText{}
	var ids []int64
	for rows.Next() {
		t := &matchedText{}
		if err := rows.Scan(&t.id, &t.score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("corpus: search: %w", err)
		}
		byID[t.id] = t
		ids = append(ids, t.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: search %q: %w", match, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	idList, _ := json.Marshal(ids)
	// Only the files that count: a report sent as .docx and .pdf is
	// found once. search_texts.entries counts a text's entries in the
	// reports that count (reports.counted), kept by triggers: a common
	// word's total is a sum over its few hundred texts, not a count of
	// its hundreds of thousands of entries. Any entry of a text stands
	// for all in the phrase check: min(id) is one step down the index.
	q := `SELECT t.id, t.entries, (SELECT min(e.id) FROM search_entries e WHERE e.text_id = t.id)
		FROM search_texts t WHERE t.id IN (SELECT value FROM json_each(?)) AND t.entries > 0`
	if err := s.each(ctx, q, func(sc func(...any) error) error {
		var id, first int64
		var n int
		if err := sc(&id, &n, &first); err != nil {
			return err
		}
		if t := byID[id]; t != nil {
			t.entries, t.first = n, first
		}
		return nil
	}, string(idList)); err != nil {
		return nil, err
	}
	keep := map[int64]bool{}
	if len(phrases) > 0 {
		var firsts []int64
		for _, t := range byID {
			if t.entries > 0 {
				firsts = append(firsts, t.first)
			}
		}
		fl, _ := json.Marshal(firsts)
		q := `SELECT e.text_id, ` + haystackSQL + ` FROM search_entries e
			LEFT JOIN projects p ON p.id = e.project_id
			LEFT JOIN indicators i ON i.id = e.indicator_id
			LEFT JOIN goals g ON g.id = e.goal_id
			WHERE e.id IN (SELECT value FROM json_each(?))`
		if err := s.each(ctx, q, func(sc func(...any) error) error {
			var id int64
			var text string
			if err := sc(&id, &text); err != nil {
				return err
			}
			text = fold(text)
			for _, p := range phrases {
				if !strings.Contains(text, p) {
					return nil
				}
			}
			keep[id] = true
			return nil
		}, string(fl)); err != nil {
			return nil, err
		}
	}
	var out []matchedText
	for _, t := range byID {
		if t.entries > 0 && (len(phrases) == 0 || keep[t.id]) {
			out = append(out, *t)
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score < out[b].score
		}
		return out[a].id < out[b].id
	})
	return out, nil
}

// each runs q and calls f for each row with its Scan.
func (s *Store) each(ctx context.Context, q string, f func(scan func(...any) error) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("corpus: search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows.Scan); err != nil {
			return fmt.Errorf("corpus: search: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("corpus: search: %w", err)
	}
	return nil
}

// fold keeps the letters and digits of s, lower-cased, so that a phrase
// matches across the spaces and punctuation a PDF puts inside a sentence.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// entriesSQL lists the entries that carry a text, oldest document first.
const entriesSQL = `
SELECT d.id, d.path, coalesce(r.department_code, ''), coalesce(r.department_name, ''),
       coalesce(p.code, ''), ` + projectName + `, coalesce(p.id, 0), coalesce(i.id, 0), coalesce(g.no, ''),
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
WHERE e.text_id = ? AND r.counted = 1 ORDER BY e.id LIMIT ? OFFSET ?`

// entries lists n entries carrying text id, from the skip-th.
func (s *Store) entries(ctx context.Context, id int64, score float64, words []string, skip, n int) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, entriesSQL, id, n, skip)
	if err != nil {
		return nil, fmt.Errorf("corpus: search: %w", err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		h := Hit{Score: score}
		var goal, midTerm, purpose, level3, desc, deviation, value, gkind, gtitle, ggoal, gind string
		if err := rows.Scan(&h.DocumentID, &h.File, &h.DepartmentCode, &h.DepartmentName,
			&h.ProjectCode, &h.ProjectName, &h.ProjectID, &h.IndicatorID, &h.GoalNo, &goal, &midTerm, &purpose, &h.Indicator, &level3, &desc,
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
		h.GoalKind = gkind
		h.Where, h.Text = bestField(fields, words)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// PruneTexts deletes the texts no entry carries any more, after documents
// were replaced; the trigger takes them out of the FTS table.
func (s *Store) PruneTexts(ctx context.Context) error {
	defer s.forgetTexts()
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
