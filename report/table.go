package report

import (
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// projectState is what the reader keeps while reading one form's tables.
type projectState struct {
	p *Project

	header  *header        // the indicator table's columns, once a header row is seen
	periods []extract.Cell // 资金支出计划 periods waiting for their values row
	plan    *extract.Cell  // the 资金支出计划 label cell
	midCols map[int]bool   // grid columns of medium-term (中期) amounts and goals
	rank    fieldRanks     // how sure the reading each field holds is (a better one replaces it)
	// value cells already read in the current table
	consumed map[*extract.Cell]bool
	listed   *extract.Cell // the 项目名称 cell of a listing's current project
}

// fieldRanks are the ranks of the fields read, by field, 0 for one not
// read: an array, as every label read asks and sets its field's.
type fieldRanks struct {
	rank [ColMidValue + 1]int
	seen [ColMidValue + 1]bool
	n    int // the fields read
}

// get is the rank of f, and whether f was read.
func (r *fieldRanks) get(f Field) (int, bool) { return r.rank[f], r.seen[f] }

func (r *fieldRanks) set(f Field, rank int) {
	if !r.seen[f] {
		r.seen[f] = true
		r.n++
	}
	r.rank[f] = rank
}

// empty tells a form that has read nothing yet.
func (ps *projectState) empty() bool {
	return len(ps.p.At) == 0 && len(ps.p.Indicators) == 0 && ps.rank.n == 0 && len(ps.p.Extra) == 0
}

func (ps *projectState) role() string {
	if ps.p.dept {
		return "部门整体绩效目标表"
	}
	return "项目 " + itoa(ps.p.Seq)
}

// table reads one table: title rows at its top, then info rows and
// indicator rows, each by its labels.
func (rd *reader) table(t *extract.Table) {
	where := ""
	if rd.explain {
		where = "表" + itoa(t.Pos.Table)
		if t.Pos.Page > 0 {
			where += "（第" + itoa(t.Pos.Page) + "页）"
		}
	}
	first := rd.titleRows(t)
	form := rd.isFormTable(t, first)
	if rd.project == nil && !form {
		if rd.explain {
			rd.note("%s %d行×%d列：不是绩效目标表（没有项目名称、资金、目标或指标表头），未读取", where, t.Rows, t.Cols)
		}
		if rd.looksLikeIndicators(t) {
			rd.unmapped("指标表", t.Cells[0].Text, t.Pos)
		}
		return
	}
	if t.Rows == 1 && rd.project != nil && !form {
		var parts []string
		for _, c := range t.RowCells(1) {
			parts = append(parts, normalize.Fold(c.Text))
		}
		if code, name, unit, ok := headerLine(strings.Join(parts, "  ")); ok {
			if rd.explain {
				rd.note("%s：表头行（单位、金额单位）", where)
			}
			rd.setHeader(code, name, unit)
			return
		}
	}
	if rd.project == nil || rd.repeats(t, first) {
		rd.startProject("")
	}
	ps := rd.project
	ps.consumed = map[*extract.Cell]bool{}
	if rd.explain {
		rd.note("%s %d行×%d列：%s", where, t.Rows, t.Cols, ps.role())
	}
	if ps.header != nil && ps.header.cols != t.Cols {
		// An indicator table continues only in a table of its width.
		ps.header = nil
	}
	before := len(ps.p.Indicators)
	sawHeader := false
	for r := first; r <= t.Rows; r++ {
		if h := rd.headerAt(t, r); h != nil {
			rd.useHeader(h)
			sawHeader = true
			r += h.rows - 1
			continue
		}
		if ps.header != nil && !rd.endsIndicators(t, r) {
			rd.indicatorRow(t, r)
			continue
		}
		ps.header = nil
		rd.infoRow(t, r)
	}
	rd.flushPlan()
	if sawHeader && len(ps.p.Indicators) == before {
		rd.unmapped("指标表（有表头但读不出指标行）", t.Cells[0].Text, t.Pos)
	}
}

// titleRows reads the rows at the top of a table that hold one cell across
// its width: the form's title, its year, an attachment number. It returns
// the first row after them.
func (rd *reader) titleRows(t *extract.Table) int {
	r := 1
	for ; r <= t.Rows && t.Cols > 1; r++ {
		cells := rowCells(t, r, rd.rowBuf)
		rd.rowBuf = cells
		if len(cells) != 1 || cells[0].Row != r || cells[0].ColSpan != t.Cols {
			break
		}
		text := normalize.Fold(cells[0].Text)
		if ti, ok := titleOf(text, true); ok {
			rd.startForm(ti)
			continue
		}
		if y := yearLineOf(text); y > 0 {
			rd.setYear(y)
			continue
		}
		if cut := cutTitleMarker(text); text == "" || cut != text && strings.TrimSpace(cut) == "" {
			continue
		}
		break
	}
	return r
}

// formFields are the labels that make a table a form's.
var formFields = map[Field]bool{FieldCode: true, FieldName: true, FieldTotal: true, FieldGoal: true, FieldPlan: true, FieldPurpose: true}

// isFormTable tells a table holding a form's labels or an indicator
// header, as against an allocation table or a letter's table.
func (rd *reader) isFormTable(t *extract.Table, first int) bool {
	// The rows are asked first: the table's reading asks headsIndicators
	// of each of them anyway (it keeps the answers), and an indicator
	// table, whose header tells at once, has no label to look for cell
	// by cell.
	for r := first; r <= t.Rows; r++ {
		if rd.headsIndicators(t, r) != nil {
			return true
		}
	}
	for _, c := range t.Cells {
		if c.Row < first {
			continue
		}
		f, lb := rd.lab.infoField(c.Text)
		if !formFields[f] {
			f, lb, _, _ = rd.cutLabel(c.Text)
		}
		// 合计 ends many tables that are no form.
		if formFields[f] && !isTotalKey(lb.key) {
			return true
		}
	}
	return false
}

// looksLikeIndicators tells a table with level headers that did not read
// as an indicator table.
func (rd *reader) looksLikeIndicators(t *extract.Table) bool {
	n := 0
	for _, c := range t.Cells {
		switch rd.lab.column(c.Text) {
		case ColLevel1, ColLevel2, ColLevel3:
			n++
		}
	}
	return n > 0
}

// repeats tells a table naming the code or the name when the current
// project already has it: the next project's table, where no heading says
// so. One pass over the cells looks for both.
func (rd *reader) repeats(t *extract.Table, first int) bool {
	if rd.project == nil {
		return false
	}
	_, code := rd.project.p.At[KeyOf(FieldCode)]
	_, name := rd.project.p.At[KeyOf(FieldName)]
	if !code && !name {
		return false
	}
	for _, c := range t.Cells {
		if c.Row < first {
			continue
		}
		if g, _ := rd.lab.infoField(c.Text); g == FieldCode && code || g == FieldName && name {
			return true
		}
	}
	return false
}

// rowCells is t.RowCells(r) made in buf, whose room the reader keeps for
// the next row: it asks for the cells of every row.
func rowCells(t *extract.Table, r int, buf []*extract.Cell) []*extract.Cell {
	return t.AppendRowCells(buf[:0], r)
}

func itoa(n int) string { return strconv.Itoa(n) }
