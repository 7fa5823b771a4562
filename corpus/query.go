package corpus

import (
	"context"
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

// Filter selects indicators or findings. Empty fields select everything.
type Filter struct {
	Department string   // 6-digit department code, or part of the department name
	Project    string   // 项目编码, or part of the project name
	File       string   // the document's path as stored, or its base name
	Level1     string   // 一级指标, with or without the 指标 suffix: 产出, 产出指标
	Level2     string   // 二级指标, likewise
	Level3     string   // 三级指标: part of its name (培训 finds 培训人次 and 参加培训人数)
	Kind       string   // target kind: numeric, range, reference, deadline, qualitative, unparsed
	Op         string   // target operator: >= <= > < =
	Unit       string   // target unit, compared like for like: 人次 selects 10万人次 and 50000人次, 万元 every amount in 元
	Min, Max   *float64 // numeric target bounds, inclusive: in Unit when one is given (on the base), else on the value as written
	Rule       string   // rule ID of a finding
	Severity   string   // error, warning or info
	Limit      int      // 0 = no limit
	Year       int      // budget year of the report; 0 = every year
	// AllFiles selects from every file stored; otherwise, unless File
	// names one, only the file that counts for each current submission
	// (reports.counted): a report sent as .docx and .pdf is listed once.
	AllFiles bool
}

// where builds the WHERE clause shared by the indicator and finding
// queries; alias i is indicators (or nil-able in findings), p projects, r
// reports, f findings when present.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func isCode(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return s != ""
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func likeArg(s string) string {
	return "%" + likeEscaper.Replace(s) + "%"
}

// withSuffix lets 产出 stand for 产出指标.
func withSuffix(s string) []any {
	if strings.HasSuffix(s, "指标") {
		return []any{s, strings.TrimSuffix(s, "指标")}
	}
	return []any{s, s + "指标"}
}

func (f *Filter) departmentAndProject(w *where) {
	if !f.AllFiles && f.File == "" {
		w.add("r.counted = 1")
	}
	if f.Year != 0 {
		w.add("r.year = ?", f.Year)
	}
	if f.File != "" {
		w.add(`r.document_id IN (SELECT id FROM documents WHERE path = ? OR path LIKE ? ESCAPE '\')`,
			f.File, "%/"+likeEscaper.Replace(f.File))
	}
	if f.Department != "" {
		if isCode(f.Department) {
			w.add("r.department_code = ?", f.Department)
		} else {
			w.add(`r.department_name LIKE ? ESCAPE '\'`, likeArg(f.Department))
		}
	}
	if f.Project != "" {
		if isCode(f.Project) && len(f.Project) > 6 {
			w.add("p.code = ?", f.Project)
		} else {
			w.add(`p.name LIKE ? ESCAPE '\'`, likeArg(f.Project))
		}
	}
}

// indicatorConds adds the indicator filters. These select large shares
// of all indicators, so with a limit the index is kept out of the plan
// (unary +): reading indicators in rowid order stops after the first
// matches instead of sorting every match.
func (f *Filter) indicatorConds(w *where) {
	c := "i."
	if f.Limit > 0 {
		c = "+i."
	}
	if f.Level1 != "" {
		w.add(c+"level1 IN (?, ?)", withSuffix(f.Level1)...)
	}
	if f.Level2 != "" {
		w.add(c+"level2 IN (?, ?)", withSuffix(f.Level2)...)
	}
	if f.Level3 != "" {
		w.add(c+`level3 LIKE ? ESCAPE '\'`, likeArg(f.Level3))
	}
	if f.Kind != "" {
		w.add(c+"kind = ?", f.Kind)
	}
	if f.Op != "" {
		w.add(c+"op = ?", f.Op)
	}
	// With a unit, the bounds are in that unit and compare on the base, so
	// that 10万人次 and 50000人次 compare as 100000 and 50000 人次.
	num, scale := "target_num", 1.0
	if f.Unit != "" {
		base := f.Unit
		if s, rest, ok := normalize.Scale(f.Unit); ok {
			base, scale = rest, s.InexactFloat64()
		}
		w.add(c+"base_unit = ?", base)
		num = "base_num"
	}
	if f.Min != nil {
		w.add(c+num+" >= ?", *f.Min*scale)
	}
	if f.Max != nil {
		w.add(c+num+" <= ?", *f.Max*scale)
	}
}

func (f *Filter) limit() string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}

// Indicators returns the indicators matching f, in report order. Rule and
// Severity select indicators a finding of that rule or severity points at.
func (s *Store) Indicators(ctx context.Context, f Filter) (*Table, error) {
	w := &where{}
	f.departmentAndProject(w)
	f.indicatorConds(w)
	if f.Rule != "" || f.Severity != "" {
		c := "i.id IN (SELECT x.indicator_id FROM findings x WHERE x.indicator_id IS NOT NULL"
		var args []any
		if f.Rule != "" {
			c += " AND x.rule = ?"
			args = append(args, f.Rule)
		}
		if f.Severity != "" {
			c += " AND x.severity = ?"
			args = append(args, f.Severity)
		}
		w.add(c+")", args...)
	}
	q := `SELECT r.department_code, r.department_name, coalesce(p.code, ''), ` + projectName + `,
		i.seq, i.level1, i.level2, i.level3, i.description, i.value, i.basis, i.weight, i.actual,
		i.score, i.deviation, i.mid_value, i.kind, i.op, i.target, i.unit, i.lower, i.upper, i.ref,
		i.date, i.level, nullif(i.extra, '{}'), d.path, i.target_base, i.base_unit, i.delta, i.delta_unit,
		nullif(i.note, ''), nullif(i.period_from, ''), nullif(i.period_to, '')
		FROM indicators i
		LEFT JOIN projects p ON p.id = i.project_id
		JOIN reports r ON r.document_id = i.document_id
		JOIN documents d ON d.id = i.document_id` + w.String() +
		` ORDER BY i.id` + f.limit()
	t := &Table{Name: "绩效指标", Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门"}, {"project_code", "项目编码"},
		{"project_name", "项目名称"}, {"indicator", "指标序号"}, {"level1", "一级指标"},
		{"level2", "二级指标"}, {"level3", "三级指标"}, {"description", "绩效指标描述"},
		{"value", "指标值"}, {"basis", "指标值确定依据"}, {"weight", "权重"}, {"actual", "实际完成值"},
		{"score", "得分"}, {"deviation", "偏差原因"}, {"mid_value", "中期指标值"},
		{"kind", "目标类型"}, {"op", "比较"}, {"target", "目标值"}, {"unit", "单位"},
		{"lower", "下限"}, {"upper", "上限"}, {"ref", "参照"}, {"date", "期限"}, {"level", "等级"},
		{"extra", "其他栏目"}, {"file", "文件"}, {"base", "折算值"}, {"base_unit", "折算单位"},
		{"delta", "变化幅度"}, {"delta_unit", "变化单位"}, {"note", "备注"}, {"period_from", "起始日期"},
		{"period_to", "终止日期"},
	}}
	return t, s.fill(ctx, t, q, w.args)
}

// Issues returns the findings matching f, by document (in the order they
// were ingested, which is the order of their paths), then as Put stored
// them: by project, severity (errors first) and indicator, the
// cross-document findings last.
func (s *Store) Issues(ctx context.Context, f Filter) (*Table, error) {
	w := &where{}
	f.departmentAndProject(w)
	if f.Level1 != "" || f.Level2 != "" || f.Level3 != "" || f.Kind != "" || f.Op != "" || f.Unit != "" || f.Min != nil || f.Max != nil {
		f.indicatorConds(w)
	}
	if f.Rule != "" {
		w.add("f.rule = ?", f.Rule)
	}
	if f.Severity != "" {
		w.add("+f.severity = ?", f.Severity) // a large share: scan in order rather than sort
	}
	q := `SELECT coalesce(r.department_code, ''), coalesce(r.department_name, ''), f.project_code,
		` + projectName + `, ` + severityName + `, f.rule, f.message, nullif(f.indicator, 0),
		coalesce(i.level3, ''), f.field, ` + locationSQL + `, d.path
		FROM findings f
		JOIN documents d ON d.id = f.document_id
		LEFT JOIN reports r ON r.document_id = f.document_id
		LEFT JOIN projects p ON p.id = f.project_id
		LEFT JOIN indicators i ON i.id = f.indicator_id` + w.String() +
		` ORDER BY f.document_id, f.id` + f.limit()
	t := &Table{Name: "审核发现", Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门"}, {"project_code", "项目编码"},
		{"project_name", "项目名称"}, {"severity", "严重程度"}, {"rule", "规则"}, {"message", "问题说明"},
		{"indicator", "指标序号"}, {"indicator_name", "三级指标"}, {"field", "字段"},
		{"location", "位置"}, {"file", "文件"},
	}}
	return t, s.fill(ctx, t, q, w.args)
}

// projectName is the project's name, 部门整体 for a department
// indicator (i), empty where p and i are NULL (a finding on neither, a
// goal's search entry). Issues and the search use it.
const projectName = `coalesce(p.name, CASE i.scope WHEN 'department' THEN '部门整体' END, '')`

const severityName = `CASE f.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' WHEN 'info' THEN '提示' ELSE f.severity END`

// positionSQL writes the position held in the columns page, tbl, row and
// col (col "0" for a table without one) as 第3页 表2 第4行 第5列, leaving
// out the parts that are 0 or NULL. It is the SQL twin of
// extract.Pos.Chinese, for the listings built in the database; stored
// positions have no paragraph. TestPositionSQL holds the two to the same
// output.
func positionSQL(page, tbl, row, col string) string {
	return `trim(
	CASE WHEN ` + page + ` > 0 THEN '第' || ` + page + ` || '页 ' ELSE '' END ||
	CASE WHEN ` + tbl + ` > 0 THEN '表' || ` + tbl + ` || ' ' ELSE '' END ||
	CASE WHEN ` + row + ` > 0 THEN '第' || ` + row + ` || '行 ' ELSE '' END ||
	CASE WHEN ` + col + ` > 0 THEN '第' || ` + col + ` || '列' ELSE '' END)`
}

// locationSQL is a finding's position (findings f), as positionSQL writes it.
var locationSQL = positionSQL("f.page", "f.tbl", "f.row", "f.col")

// IssueSummary counts the findings matching f per department and severity.
// Filtered by department, year and severity alone, it adds up the counts
// kept with each submission (see submissionCountsSQL) instead of reading
// every finding: 10,000 rows for 300,000 findings.
func (s *Store) IssueSummary(ctx context.Context, f Filter) (*Table, error) {
	t := &Table{Name: "按部门汇总", Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门"}, {"documents", "报告数"},
		{"errors", "错误"}, {"warnings", "警告"}, {"infos", "提示"}, {"findings", "合计"},
	}}
	if f.Project == "" && f.File == "" && f.Rule == "" && !f.AllFiles && f.Level1 == "" && f.Level2 == "" && f.Level3 == "" &&
		f.Kind == "" && f.Op == "" && f.Unit == "" && f.Min == nil && f.Max == nil {
		return t, s.submissionSummary(ctx, t, f)
	}
	w := &where{}
	f.departmentAndProject(w)
	if f.Rule != "" {
		w.add("f.rule = ?", f.Rule)
	}
	if f.Severity != "" {
		w.add("f.severity = ?", f.Severity)
	}
	q := `SELECT coalesce(r.department_code, ''), coalesce(r.department_name, ''),
		count(DISTINCT f.document_id),
		sum(f.severity = 'error'), sum(f.severity = 'warning'), sum(f.severity = 'info'), count(*)
		FROM findings f
		LEFT JOIN reports r ON r.document_id = f.document_id
		LEFT JOIN projects p ON p.id = f.project_id` + w.String() +
		` GROUP BY 1, 2 ORDER BY 1, 2`
	return t, s.fill(ctx, t, q, w.args)
}

// submissionSummary is IssueSummary from the submissions' counts.
func (s *Store) submissionSummary(ctx context.Context, t *Table, f Filter) error {
	w := &where{}
	w.add("s.replaced_by IS NULL")
	if f.Year != 0 {
		w.add("s.year = ?", f.Year)
	}
	if f.Department != "" {
		if isCode(f.Department) {
			w.add("s.department_code = ?", f.Department)
		} else {
			w.add(`s.department_name LIKE ? ESCAPE '\'`, likeArg(f.Department))
		}
	}
	e, wa, i := "s.errors", "s.warnings", "s.infos"
	switch f.Severity {
	case "error":
		wa, i = "0", "0"
	case "warning":
		e, i = "0", "0"
	case "info":
		e, wa = "0", "0"
	}
	q := `SELECT s.department_code, s.department_name, count(*), sum(` + e + `), sum(` + wa + `), sum(` + i + `),
		sum(` + e + ` + ` + wa + ` + ` + i + `)
		FROM submissions s` + w.String() + `
		GROUP BY 1, 2 HAVING sum(` + e + ` + ` + wa + ` + ` + i + `) > 0 ORDER BY 1, 2`
	return s.fill(ctx, t, q, w.args)
}

func (s *Store) fill(ctx context.Context, t *Table, q string, args []any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("corpus: %s: %w", t.Name, err)
	}
	defer rows.Close()
	if err := scanRows(rows, t); err != nil {
		return fmt.Errorf("corpus: %s: %w", t.Name, err)
	}
	return nil
}

type rowScanner interface {
	Next() bool
	Scan(...any) error
	Err() error
	Columns() ([]string, error)
}

func scanRows(rows rowScanner, t *Table) error {
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		t.Rows = append(t.Rows, vals)
	}
	return rows.Err()
}

// FailedFiles lists the documents that could not be read, with the reason
// to send back.
func (s *Store) FailedFiles(ctx context.Context) (*Table, error) {
	t := &Table{Name: "无法读取的文件", Columns: []Column{
		{"file", "文件"}, {"format", "格式"}, {"reason", "原因"}, {"error", "错误详情"}, {"ingested_at", "导入时间"},
	}}
	return t, s.fill(ctx, t, `SELECT path, format, reason, error, ingested_at FROM documents
		WHERE status = 'failed' ORDER BY path`, nil)
}
