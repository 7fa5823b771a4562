package web

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// The document page draws a report as tables of cells; each cell that a
// finding concerns carries the finding's severity as a class, its message
// as a title and a numbered mark whose id (f<finding id>) is the anchor
// every link to the finding uses.

// vcell is one cell of the document page.
type vcell struct {
	Text    string
	ID      string // element id: cell-<key>
	RowSpan int    // > 1 for a merged cell
	Class   string // finding sev-error … when findings concern it
	Title   string // the findings' messages, one a line
	Marks   []vmark
	worst   int
}

// vmark is a finding's mark in its cell.
type vmark struct {
	ID int64 // finding id: the mark's element id is f<ID>
	N  int   // its number in the list of findings
}

// vfield is a labelled cell of an info table.
type vfield struct {
	Label string
	Cell  *vcell
}

// vtable is an indicator table: its header and rows; a nil cell is
// covered by a merged cell above it.
type vtable struct {
	Title string
	Head  []string
	Rows  [][]*vcell
}

// vproject is a project's info table and indicator tables.
type vproject struct {
	Heading string
	Info    []vfield
	Tables  []vtable
}

// vgoal is a goal of part one.
type vgoal struct {
	No, Title    string
	Goal, Detail *vcell
}

// vfinding is a finding in the list beside the tables.
type vfinding struct {
	ID       int64
	N        int
	Severity string // error, warning, info
	SevName  string // 错误 …
	Rule     string
	Message  string
	Where    string // 项目 … 第 3 个指标 · 第2页 表3 第4行
	Placed   bool   // marked on a cell of the page (else the list item is its anchor)
	Batch    bool
}

// docView is the document page's report part.
type docView struct {
	Header      []vfield // department, year …
	Overall     *vcell
	SubGoals    []vgoal
	Measures    []vgoal
	DeptTable   *vtable
	Projects    []vproject
	Findings    []vfinding
	Counts      []string // 错误 3 条 …
	cells       map[string]*vcell
	projectByID map[int64]*corpus.DocProject
}

func (v *docView) cell(key, text string) *vcell {
	c := &vcell{Text: text, ID: "cell-" + key, worst: -1}
	v.cells[key] = c
	return c
}

// buildDocView lays out d and marks its findings on their cells.
func buildDocView(d *corpus.Document) *docView {
	v := &docView{cells: map[string]*vcell{}, projectByID: map[int64]*corpus.DocProject{}}
	if d.HasReport {
		v.Header = []vfield{
			{"部门", v.cell("dept", strings.TrimSpace(d.DepartmentName+" "+codeText(d.DepartmentCode)))},
			{"年度", v.cell("year", yearText(d.Year))},
			{"报表类型", v.cell("kind", kindText(d.Kind))},
		}
		for _, k := range sortedKeys(d.Extra) {
			v.Header = append(v.Header, vfield{k, v.cell("extra-"+k, d.Extra[k])})
		}
	}
	for _, g := range d.Goals {
		switch g.Kind {
		case "overall":
			v.Overall = v.cell("overall", g.Goal)
		case "sub_goal":
			v.SubGoals = append(v.SubGoals, vgoal{No: g.No, Title: g.Title,
				Goal: v.cell("sub"+g.No+"-goal", g.Goal), Detail: v.cell("sub"+g.No+"-indicators", g.Indicators)})
		case "measure":
			v.Measures = append(v.Measures, vgoal{No: g.No, Goal: v.cell("measure"+g.No, g.Goal)})
		}
	}
	if len(d.DepartmentIndicators) > 0 {
		t := v.indicatorTable("部门整体绩效指标", d.DepartmentIndicators)
		v.DeptTable = &t
	}
	for i := range d.Projects {
		p := &d.Projects[i]
		v.projectByID[p.ID] = p
		v.Projects = append(v.Projects, v.project(p))
	}
	v.mark(d)
	return v
}

func (v *docView) project(p *corpus.DocProject) vproject {
	key := func(f string) string { return "p" + strconv.FormatInt(p.ID, 10) + "-" + f }
	unit := ""
	if p.AmountUnit != "" {
		unit = "（" + p.AmountUnit + "）"
	}
	vp := vproject{Heading: fmt.Sprintf("项目 %d：%s", p.Seq, cmpOr(p.Name, p.Title, "（未读出项目名称）"))}
	add := func(label, field, text string) {
		vp.Info = append(vp.Info, vfield{label, v.cell(key(field), text)})
	}
	add("项目编码", "code", p.Code)
	add("项目名称", "name", p.Name)
	add("预算数"+unit, "budget.total", p.BudgetTotal)
	add("其中：财政资金"+unit, "budget.fiscal", p.BudgetFiscal)
	add("其他资金"+unit, "budget.other", p.BudgetOther)
	add("资金用途", "purpose", p.Purpose)
	var plan []string
	for _, c := range p.SpendingPlan {
		plan = append(plan, c.Period+"："+c.Value)
	}
	add("资金支出计划", "spending_plan", strings.Join(plan, "；"))
	add(cmpOr(p.GoalLabel, "绩效目标"), "goal", p.Goal)
	if p.MidTermGoal != "" {
		add("中期目标", "mid_term_goal", p.MidTermGoal)
	}
	for _, k := range sortedKeys(p.Extra) {
		add(k, "extra-"+k, p.Extra[k])
	}
	if len(p.MidTermIndicators) > 0 {
		vp.Tables = append(vp.Tables, v.indicatorTable("中长期绩效指标", p.MidTermIndicators))
	}
	if len(p.Indicators) > 0 || len(p.MidTermIndicators) == 0 {
		vp.Tables = append(vp.Tables, v.indicatorTable("绩效指标", p.Indicators))
	}
	return vp
}

// indicatorColumn is a column of an indicator table: its field name (as
// findings name it), header and value.
type indicatorColumn struct {
	field, title string
	get          func(*corpus.DocIndicator) string
}

var indicatorColumns = []indicatorColumn{
	{"level1", "一级指标", func(i *corpus.DocIndicator) string { return i.Level1 }},
	{"level2", "二级指标", func(i *corpus.DocIndicator) string { return i.Level2 }},
	{"level3", "三级指标", func(i *corpus.DocIndicator) string { return i.Level3 }},
	{"description", "绩效指标描述", func(i *corpus.DocIndicator) string { return i.Description }},
	{"nature", "指标性质", func(i *corpus.DocIndicator) string { return i.Nature }},
	{"value", "指标值", func(i *corpus.DocIndicator) string { return i.Value }},
	{"unit", "度量单位", func(i *corpus.DocIndicator) string { return i.ValueUnit }},
	{"basis", "指标值确定依据", func(i *corpus.DocIndicator) string { return i.Basis }},
	{"weight", "权重", func(i *corpus.DocIndicator) string { return i.Weight }},
	{"actual", "实际完成值", func(i *corpus.DocIndicator) string { return i.Actual }},
	{"score", "得分", func(i *corpus.DocIndicator) string { return i.Score }},
	{"deviation", "偏差原因分析及改进措施", func(i *corpus.DocIndicator) string { return i.Deviation }},
	{"mid_value", "中期指标值", func(i *corpus.DocIndicator) string { return i.MidValue }},
}

// indicatorTable draws rows as the form does: the columns some row fills
// (the three levels always), 一级 and 二级 merged down where consecutive
// rows share them, and the other columns of the form after.
func (v *docView) indicatorTable(title string, rows []corpus.DocIndicator) vtable {
	var cols []indicatorColumn
	for i, c := range indicatorColumns {
		keep := i < 3
		for j := range rows {
			keep = keep || c.get(&rows[j]) != ""
		}
		if keep {
			cols = append(cols, c)
		}
	}
	extra := map[string]bool{}
	for _, r := range rows {
		for k := range r.Extra {
			extra[k] = true
		}
	}
	extraKeys := sortedKeys(extra)
	t := vtable{Title: title}
	for _, c := range cols {
		t.Head = append(t.Head, c.title)
	}
	t.Head = append(t.Head, extraKeys...)
	var above []*vcell // the cell of each column in the row above
	for j := range rows {
		in := &rows[j]
		id := "i" + strconv.FormatInt(in.ID, 10) + "-"
		row := make([]*vcell, 0, len(cols)+len(extraKeys))
		for ci, c := range cols {
			text := c.get(in)
			merge := j > 0 && ci < 2 && text != "" && above[ci] != nil && above[ci].Text == text &&
				(ci == 0 || row[0] == nil) // 二级 merges only within a merged 一级
			if merge {
				above[ci].RowSpan = max(above[ci].RowSpan, 1) + 1
				v.cells[id+c.field] = above[ci]
				row = append(row, nil)
				continue
			}
			row = append(row, v.cell(id+c.field, text))
		}
		for _, k := range extraKeys {
			row = append(row, v.cell(id+"extra-"+k, in.Extra[k]))
		}
		if above == nil {
			above = make([]*vcell, 2)
		}
		for ci := 0; ci < 2; ci++ {
			if row[ci] != nil {
				above[ci] = row[ci]
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// severities in order of weight; a cell shows its worst finding's.
var severities = []string{"info", "warning", "error"}

// mark lists d's findings and marks each on the cell it concerns.
func (v *docView) mark(d *corpus.Document) {
	counts := map[string]int{}
	for i, f := range d.Findings {
		vf := vfinding{ID: f.ID, N: i + 1, Severity: f.Severity, SevName: f.Severity, Rule: f.Rule,
			Message: f.Message, Where: v.where(f), Batch: f.Batch}
		if sev, ok := rules.ParseSeverity(f.Severity); ok {
			vf.SevName = sev.Name()
		}
		counts[f.Severity]++
		if c := v.cellOf(f); c != nil {
			vf.Placed = true
			c.Marks = append(c.Marks, vmark{ID: f.ID, N: vf.N})
			if c.Title != "" {
				c.Title += "\n"
			}
			c.Title += fmt.Sprintf("%d. [%s] %s %s", vf.N, vf.SevName, f.Rule, f.Message)
			for k, s := range severities {
				if s == f.Severity && k > c.worst {
					c.worst = k
				}
			}
			c.Class = "finding sev-" + severities[max(c.worst, 0)]
		}
		v.Findings = append(v.Findings, vf)
	}
	for _, s := range []string{"error", "warning", "info"} {
		if n := counts[s]; n > 0 {
			sev, _ := rules.ParseSeverity(s)
			v.Counts = append(v.Counts, fmt.Sprintf("%s %d 条", sev.Name(), n))
		}
	}
}

// cellOf returns the cell finding f concerns, nil when the page has none
// for it (a cross-document finding, a field the page does not draw).
func (v *docView) cellOf(f corpus.DocFinding) *vcell {
	field := f.Field
	if f.IndicatorID != 0 {
		id := "i" + strconv.FormatInt(f.IndicatorID, 10) + "-"
		if field == "unit" && v.cells[id+"unit"] == nil {
			field = "value"
		}
		if c := v.cells[id+field]; c != nil {
			return c
		}
		return v.cells[id+"level3"]
	}
	pid := f.ProjectID
	if pid == 0 && f.ProjectCode != "" {
		for id, p := range v.projectByID {
			if p.Code == f.ProjectCode {
				pid = id
			}
		}
	}
	if pid != 0 {
		id := "p" + strconv.FormatInt(pid, 10) + "-"
		switch field {
		case "budget":
			field = "budget.total"
		case "title":
			field = "name"
		}
		if c := v.cells[id+field]; c != nil {
			return c
		}
		return v.cells[id+"name"]
	}
	if f.SubGoal > 0 {
		id := "sub" + strconv.Itoa(f.SubGoal) + "-"
		if field != "indicators" {
			field = "goal"
		}
		return v.cells[id+field]
	}
	switch field {
	case "overall_goal", "goal":
		return v.cells["overall"]
	case "department", "department_code":
		return v.cells["dept"]
	case "year":
		return v.cells["year"]
	}
	return nil
}

// where says in Chinese where a finding points, as the list shows it.
func (v *docView) where(f corpus.DocFinding) string {
	var parts []string
	if p := v.projectByID[f.ProjectID]; p != nil {
		parts = append(parts, "项目 "+strconv.Itoa(p.Seq))
	} else if f.ProjectCode != "" {
		parts = append(parts, "项目 "+f.ProjectCode)
	}
	if f.Indicator > 0 {
		parts = append(parts, fmt.Sprintf("第 %d 个指标", f.Indicator))
	}
	if f.SubGoal > 0 {
		parts = append(parts, fmt.Sprintf("分项目标 %d", f.SubGoal))
	}
	if name := report.FieldLabel(f.Field); name != "" {
		parts = append(parts, name)
	}
	if pos := (extract.Pos{Page: f.Page, Table: f.Table, Row: f.Row, Col: f.Col}).Chinese(); pos != "" {
		parts = append(parts, pos)
	}
	if f.Batch {
		parts = append(parts, "跨文件核对")
	}
	return strings.Join(parts, " · ")
}

func codeText(code string) string {
	if code == "" {
		return ""
	}
	return "（" + code + "）"
}

func yearText(y int) string {
	if y == 0 {
		return "未读出"
	}
	return strconv.Itoa(y) + " 年"
}

func kindText(k string) string {
	switch k {
	case report.KindTarget:
		return "绩效目标表"
	case report.KindSelfEvaluation:
		return "绩效自评表"
	}
	return "未记录"
}

func cmpOr(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
