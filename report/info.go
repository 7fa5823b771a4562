package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// The info part of a form: label cells with their values beside them (the
// cell to the right), below them (a column header over its value), or in
// the same cell (年度资金总额：16, 资金总额 10000万元, 其中：上级资金16).

// infoRow reads one row of the info part of a form.
func (rd *reader) infoRow(t *extract.Table, r int) {
	ps := rd.project
	cells := rowCells(t, r, rd.rowBuf)
	rd.rowBuf = cells
	if ps.periods != nil {
		var block *extract.Cell // a label cell reaching down from a row above
		for _, c := range cells {
			if c.Row != r {
				block = c
				break
			}
		}
		first := firstOwn(cells, r)
		if block != nil && block == ps.plan || first != nil && ps.plan != nil && ps.plan.Row+ps.plan.RowSpan <= r && !rd.lab.isLabel(first.Text) {
			rd.planValues(t, r)
			return
		}
		rd.planValues(nil, r)
	}
	if rd.purposeRow(cells, r) {
		return
	}
	header := rd.headerRow(cells, r)
	for i, c := range cells {
		if c.Row != r || ps.consumed[c] || normalize.TrimSpace(c.Text) == "" {
			continue
		}
		f, lb := rd.lab.infoField(c.Text)
		switch f {
		case NoField:
			text := c.Text
			if start, end, unit, ok := unitDecl(text); ok {
				// 填报单位：（盖章） 单位：万元
				rd.setAmountUnit(unit)
				text = text[:start] + text[end:]
			}
			if g, glb, value, ok := rd.cutLabel(text); ok {
				if right := rightOf(cells, i); right != nil && !ps.consumed[right] && !rd.holdsLabel(right.Text) && normalize.Fold(right.Text) != "" {
					// 年度资金总额：50万 | 中央衔接推进乡村振兴补助资金50
					rd.setExtra(glb.key, right)
				}
				rd.set(g, glb, c, value, c.Pos)
			} else if looksLikeLabel(c.Text) {
				rd.unmapped("栏目", c.Text, c.Pos)
				if right := rightOf(cells, i); right != nil && !rd.lab.isLabel(right.Text) {
					rd.setExtra(rd.lab.label(c.Text).key, right)
				}
			}
			continue
		case BlockLabel:
			rd.setAmountUnit(lb.unit)
			// 预算规模及资金用途 | 用途文字: the block's one value is the purpose.
			if strings.Contains(lb.key, "资金用途") && c.RowSpan == 1 {
				if right := rightOf(cells, i); right != nil && !rd.lab.isLabel(right.Text) {
					rd.setFrom(FieldPurpose, lb, c, right)
				}
			}
			continue
		case FieldPlan:
			rd.planRow(cells, i)
			return
		}
		if lb.midCol && f.isAmount() {
			// The medium-term column of the Ministry's template
			// (中期资金总额) stands beside the annual one: its
			// column's amounts are not the year's budget.
			ps.midCols[c.Col] = true
		}
		if header {
			rd.setFrom(f, lb, c, rd.below(t, c))
			continue
		}
		rd.setFrom(f, lb, c, rd.valueOf(t, cells, i))
	}
}

// purposeRow reads a row whose one cell is the purpose, under a block label
// reaching down from above that names it (预算规模及资金用途 over the
// amounts row and the purpose row).
func (rd *reader) purposeRow(cells []*extract.Cell, r int) bool {
	var block, value *extract.Cell
	for _, c := range cells {
		switch {
		case c.Row != r && block == nil:
			block = c
		case c.Row == r && value == nil:
			value = c
		case c.Row == r:
			return false
		}
	}
	if block == nil || value == nil || rd.lab.isLabel(value.Text) {
		return false
	}
	f, lb := rd.lab.infoField(block.Text)
	if f != BlockLabel || !strings.Contains(lb.key, "用途") {
		return false
	}
	rd.setFrom(FieldPurpose, lb, block, value)
	return true
}

// rowStart is the first cell starting in row r of t, as firstOwn finds it
// in t.RowCells(r), without making the list.
func rowStart(t *extract.Table, r int) *extract.Cell {
	if r < 1 || r > t.Rows {
		return nil
	}
	for _, c := range t.Grid[r-1] {
		if c != nil && c.Row == r {
			return c
		}
	}
	return nil
}

func firstOwn(cells []*extract.Cell, r int) *extract.Cell {
	for _, c := range cells {
		if c.Row == r {
			return c
		}
	}
	return nil
}

// holdsLabel tells a cell that is a label or starts with one.
func (rd *reader) holdsLabel(text string) bool {
	if rd.lab.isLabel(text) {
		return true
	}
	_, _, _, ok := rd.cutLabel(text)
	return ok
}

// rightOf is the cell after cells[i] in its row, starting in the same row.
func rightOf(cells []*extract.Cell, i int) *extract.Cell {
	if i+1 < len(cells) && cells[i+1].Row == cells[i].Row {
		return cells[i+1]
	}
	return nil
}

// valueOf finds the value of the label cells[i]: the cell to its right
// unless that is a label too; else the cell below it, a column header
// over its value. Several values to the right, each under a column
// header (年初预算数 | 全年预算数 | 全年执行数), give the budget's column;
// the others go to extra.
func (rd *reader) valueOf(t *extract.Table, cells []*extract.Cell, i int) *extract.Cell {
	label := cells[i]
	right := rightOf(cells, i)
	if subs := subCells(t, label); label.ColSpan > 1 && len(subs) >= 2 && allHeaders(subs, rd.lab) && (right == nil || rd.lab.isLabel(right.Text) || looksLikeHeader(right.Text)) {
		// 财政资金（万元） over 中央 | 省级 | 市级 | 本级: the parts,
		// each above its amount, are kept apart.
		key := rd.lab.label(label.Text).key
		for _, s := range subs {
			r := s.Row + s.RowSpan
			if v := t.At(r, s.Col); v != nil && v.Row == r && v.Col == s.Col {
				rd.project.consumed[s] = true
				rd.setExtra(key+"/"+normalize.Fold(s.Text), v)
			}
		}
		return nil
	}
	if right != nil && looksLikeLabel(right.Text) && !rd.lab.isLabel(right.Text) {
		// 地方资金 | 市： | 县：: the parts of a value left blank.
		for j := i + 1; j < len(cells) && cells[j].Row == label.Row && looksLikeLabel(cells[j].Text); j++ {
			rd.project.consumed[cells[j]] = true
		}
		return nil
	}
	if right != nil && label.RowSpan > 3 && label.RowSpan > right.RowSpan && looksLikeHeader(right.Text) {
		// 项目年度绩效目标 down a whole block of headed rows: a block
		// label, no value of its own.
		return nil
	}
	if right != nil && label.RowSpan > right.RowSpan && label.RowSpan <= 3 && !rd.lab.isLabel(right.Text) {
		// 年度总体目标 down two rows beside 年初设定目标 over the goal:
		// a column header the declarations do not know, its value below.
		// Beside lines of text (1.… / 2.…) the label's value is them all.
		r := right.Row + right.RowSpan
		if lines := rd.stacked(t, label, right); lines != nil {
			return lines
		}
		if b := t.At(r, right.Col); b != nil && b.Row == r && r < label.Row+label.RowSpan && !rd.lab.isLabel(b.Text) {
			rd.setExtraText(rd.lab.label(label.Text).key+"/表头", normalize.Fold(right.Text))
			rd.project.consumed[right] = true
			return b
		}
	}
	if right != nil && !rd.lab.isLabel(right.Text) {
		var run []*extract.Cell
		for j := i + 1; j < len(cells) && cells[j].Row == label.Row && !rd.lab.isLabel(cells[j].Text); j++ {
			run = append(run, cells[j])
		}
		if len(run) > 1 {
			if v := rd.underHeaders(t, label, run); v != nil {
				return v
			}
			// Values without headers beside the first: kept by column.
			for _, c := range run[1:] {
				rd.setExtra(rd.lab.label(label.Text).key+"/第"+itoa(c.Col)+"列", c)
			}
		}
		return right
	}
	return rd.below(t, label)
}

// below is the value under a label: a column header over its value.
func (rd *reader) below(t *extract.Table, label *extract.Cell) *extract.Cell {
	r := label.Row + label.RowSpan
	if b := t.At(r, label.Col); b != nil && b.Row == r && b.Col == label.Col && !rd.lab.isLabel(b.Text) && rd.lab.column(b.Text) == NoField && !rd.project.consumed[b] {
		return b
	}
	return nil
}

// headerRow tells a row of column headers over the values below them
// (年度预算数 | 年初预算 | 调整后预算数 | 预算执行数 | 得分): three cells or
// more, every one a label of the info part or of a column, none with digits.
func (rd *reader) headerRow(cells []*extract.Cell, r int) bool {
	n := 0
	for _, c := range cells {
		if c.Row != r || normalize.TrimSpace(c.Text) == "" {
			continue
		}
		n++
		k := rd.lab.facts(c.Text)
		f, lb := rd.lab.infoFieldOf(k)
		if cols, _ := rd.lab.columnFieldsOf(k); f == NoField && len(cols) == 0 || strings.ContainsAny(lb.key, "0123456789") {
			// 主管部门编码 | | 项目负责人 | 蒋建华: a value, no header row.
			return false
		}
	}
	return n >= 3
}

// stacked joins the cells beside a label down its rows when they are text
// rather than a header over a value: one cell standing for them all.
func (rd *reader) stacked(t *extract.Table, label, right *extract.Cell) *extract.Cell {
	if looksLikeHeader(right.Text) {
		return nil
	}
	joined := *right
	for r := right.Row + right.RowSpan; r < label.Row+label.RowSpan; {
		c := t.At(r, right.Col)
		if c == nil || c.Row != r || c.Col != right.Col || rd.lab.isLabel(c.Text) {
			return nil
		}
		rd.project.consumed[c] = true
		joined.Text = joinText(joined.Text, c.Text)
		r += c.RowSpan
	}
	rd.project.consumed[right] = true
	return &joined
}

// allHeaders tells sub-headers the declarations do not know (中央 | 省级).
func allHeaders(cells []*extract.Cell, lab *labeler) bool {
	for _, c := range cells {
		if !looksLikeHeader(c.Text) || lab.isLabel(c.Text) || lab.column(c.Text) != NoField {
			return false
		}
	}
	return true
}

// underHeaders picks, from the value cells run right of a row label, the one
// under a budget column header, preferring the full-year one; the others
// with text go to extra under "label/header".
func (rd *reader) underHeaders(t *extract.Table, label *extract.Cell, run []*extract.Cell) *extract.Cell {
	var pick *extract.Cell
	best := -1
	heads := make([]string, len(run))
	for k, c := range run {
		h := rd.headerAbove(t, c)
		if h == nil {
			heads[k] = "第" + itoa(c.Col) + "列"
			continue
		}
		f, hl := rd.lab.infoField(h.Text)
		heads[k] = hl.key
		if f != FieldTotal || normalize.Fold(c.Text) == "" {
			continue
		}
		score := 1
		if hl.annual {
			score = 2
		}
		if score > best {
			pick, best = c, score
		}
	}
	if pick == nil {
		return nil
	}
	lk := rd.lab.label(label.Text).key
	for k, c := range run {
		if c != pick {
			rd.setExtra(lk+"/"+heads[k], c)
		}
	}
	return pick
}

// headerAbove is the nearest label cell above c in c's column.
func (rd *reader) headerAbove(t *extract.Table, c *extract.Cell) *extract.Cell {
	for r := c.Row - 1; r >= 1; r-- {
		h := t.At(r, c.Col)
		if h == nil || h.Col != c.Col {
			return nil
		}
		if rd.lab.isLabel(h.Text) {
			return h
		}
	}
	return nil
}

// cutLabel splits a cell holding both a known label and its value: after a
// colon (项目编码：13073025P…), after white space (资金总额 10000万元), or
// where the digits begin (其中：上级资金16).
func (rd *reader) cutLabel(text string) (Field, label, string, bool) {
	s := normalize.TrimSpace(text)
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "其中："), "其中:"), "其中")
	try := func(head, value string) (Field, label, string, bool) {
		f, lb := rd.lab.infoField(head)
		if f == NoField || f == BlockLabel || f == FieldPlan {
			return NoField, lb, "", false
		}
		value = strings.TrimSpace(stampPlace.ReplaceAllString(value, ""))
		// 填报单位：某局   单位负责人：某某: the value ends where the next
		// label begins.
		if m := nextLabel.FindStringSubmatchIndex(value); m != nil && rd.lab.isLabel(value[m[2]:m[3]]) {
			value = strings.TrimSpace(value[:m[0]])
		}
		if value == "" {
			return NoField, lb, "", false
		}
		return f, lb, value, true
	}
	if i := indexColon(s); i > 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return try(s[:i], s[i+size:])
	}
	// A head longer than maxLabel is no label (try fails): the space is
	// looked for in the first maxLabel bytes and the rune across their
	// end, not down a long cell rune by rune.
	if i := strings.IndexFunc(s[:min(len(s), maxLabel+utf8.UTFMax)], unicode.IsSpace); i > 0 {
		if f, lb, v, ok := try(s[:i], s[i:]); ok {
			return f, lb, v, ok
		}
	}
	if len(s) > maxLabel {
		return NoField, label{}, "", false
	}
	if i := strings.IndexAny(s, "0123456789"); i > 0 {
		return try(s[:i], s[i:])
	}
	return NoField, label{}, "", false
}

// indexColon is strings.IndexAny(s, "：:"), which decodes every rune of
// s to look for a non-ASCII one; every cell of a table is asked.
func indexColon(s string) int {
	i, j := strings.IndexByte(s, ':'), strings.Index(s, "：")
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// nextLabel is a further label and colon after a value in the same cell.
var nextLabel = regexp.MustCompile(`(?:^|\s+)(\S{2,12}?)[:：]`)

// stampPlace is where a form is to be stamped: （盖章）, no value.
var stampPlace = regexp.MustCompile(`[（(]\s*(?:盖章|公章|签章|签字)\s*[)）]`)

// planRow reads the row of 资金支出计划 at cells[i]: periods waiting for
// the values row below, or period/value pairs in the row itself.
func (rd *reader) planRow(cells []*extract.Cell, i int) {
	ps := rd.project
	ps.plan = cells[i]
	ps.periods = nil
	ps.p.At[KeyOf(FieldPlan)] = locationOf(cells[i].Pos)
	rest := make([]*extract.Cell, 0, len(cells)-i-1)
	for _, c := range cells[i+1:] {
		if c.Row == cells[i].Row {
			rest = append(rest, c)
		}
	}
	if pairs := periodPairs(rest, rd.lab); pairs != nil {
		for _, pr := range pairs {
			rd.addCheckpoint(pr[0], pr[1])
		}
		ps.plan = nil
		return
	}
	if len(rest) > 0 {
		// Non-nil only with periods: a nil list says none are waiting.
		ps.periods = make([]extract.Cell, 0, len(rest))
	}
	for _, c := range rest {
		ps.periods = append(ps.periods, *c)
	}
}

var periodLike = regexp.MustCompile(`^(?:\d{1,2}\s*月(?:底|末|份)?|第?[一二三四1-4]\s*季度(?:末)?|上半年|下半年|全年|年底|年末)$`)

// periodPairs reads a one-row plan written as period, value, period, value.
func periodPairs(cells []*extract.Cell, lab *labeler) [][2]*extract.Cell {
	if len(cells) < 2 || len(cells)%2 != 0 {
		return nil
	}
	var out [][2]*extract.Cell
	for i := 0; i < len(cells); i += 2 {
		if !lab.label(cells[i].Text).period || lab.label(cells[i+1].Text).period {
			return nil
		}
		out = append(out, [2]*extract.Cell{cells[i], cells[i+1]})
	}
	return out
}

// planValues reads the values row under the periods of 资金支出计划: each
// value is the cell under its period's column, blank kept blank. With t nil
// the periods get no values (the table ended).
func (rd *reader) planValues(t *extract.Table, r int) {
	ps := rd.project
	for i := range ps.periods {
		per := &ps.periods[i]
		var v *extract.Cell
		if t != nil {
			v = t.At(r, per.Col)
		}
		rd.addCheckpoint(per, v)
	}
	ps.periods, ps.plan = nil, nil
}

// flushPlan keeps 资金支出计划 periods whose values row never came.
func (rd *reader) flushPlan() {
	if rd.project != nil && rd.project.periods != nil {
		rd.planValues(nil, 0)
	}
}

func (rd *reader) addCheckpoint(period, value *extract.Cell) {
	p := rd.project.p
	cp := Checkpoint{Period: rd.lab.fold(period.Text)}
	at := locationOf(period.Pos)
	if value != nil {
		cp.Value = rd.lab.fold(value.Text)
		at = locationOf(value.Pos)
	}
	p.SpendingPlan = append(p.SpendingPlan, cp)
	p.At[CheckpointKey(len(p.SpendingPlan))] = at
}

// setFrom stores field f read at label from its value cell v (nil when the
// label has no value).
func (rd *reader) setFrom(f Field, lb label, labelCell, v *extract.Cell) {
	if v == nil {
		rd.set(f, lb, labelCell, "", labelCell.Pos)
		return
	}
	rd.project.consumed[v] = true
	rd.set(f, lb, labelCell, v.Text, v.Pos)
}

// rankOf orders competing readings of one field: the annual one
// (年度资金总额, 年度目标) before a plain one before a multi-year one
// (项目资金总额, 中期资金总额) or one in a medium-term column.
func (rd *reader) rankOf(f Field, lb label, labelCell *extract.Cell) int {
	switch {
	case f == FieldName && strings.HasPrefix(lb.key, "一级"):
		// 一级项目名称 (the fund) beside 二级项目名称 (the project)
		return 1
	case rd.project.midCols[labelCell.Col] || lb.midTerm() || isTotalKey(lb.key):
		// 合计 under a cost breakdown (项目预算成本构成) is the budget
		// only where no label names it.
		return 1
	case lb.annual:
		return 3
	}
	return 2
}

// set stores the text of field f read at labelCell (the value at pos), when
// no surer reading came first.
func (rd *reader) set(f Field, lb label, labelCell *extract.Cell, value string, pos extract.Pos) {
	ps := rd.project
	p := ps.p
	text := normalize.Fold(value)
	if f == KnownLabel {
		if text != "" {
			rd.setExtraText(lb.key, text)
		}
		return
	}
	if f == FieldDepartment {
		rd.setDepartment(lb, text, locationOf(pos))
		return
	}
	if f.isAmount() {
		rd.setAmountUnit(lb.unit)
		if rd.project.midCols[labelCell.Col] {
			// 中期资金总额 and the amounts in its column
			if text != "" {
				rd.setExtraText(lb.key, text)
			}
			return
		}
	}
	rank := rd.rankOf(f, lb, labelCell)
	if old, seen := ps.rank.get(f); seen && (old >= rank || text == "") {
		return
	}
	if text == "" {
		// A label without a value holds the field's place until a
		// reading with a value comes.
		rank = 0
	}
	var dst *string
	switch f {
	case FieldCode:
		dst = &p.Code
	case FieldName:
		dst = &p.Name
	case FieldTotal:
		dst = &p.Budget.Total
	case FieldFiscal:
		dst = &p.Budget.Fiscal
	case FieldOther:
		dst = &p.Budget.Other
	case FieldPurpose:
		dst = &p.Purpose
	case FieldGoal:
		dst = &p.Goal
		p.GoalLabel = lb.key
	case FieldMidGoal:
		dst = &p.MidTermGoal
	case FieldDepartmentCode:
		dst = &p.DepartmentCode
	default:
		return
	}
	*dst = text
	ps.rank.set(f, rank)
	p.At[KeyOf(f)] = locationOf(pos)
	if rd.explain {
		rd.note("  %s「%s」→ %s = 「%s」", labelCell.Pos.Chinese(), normalize.Fold(labelCell.Text), f, short(text))
	}
	if f.isAmount() && p.AmountUnit == "" {
		// 2279.048万元: a unit written with the amount
		if m := amountInValue.FindStringSubmatch(text); m != nil {
			p.AmountUnit = normalizeAmountUnit(m[1])
		}
	}
}

var amountInValue = regexp.MustCompile(`^\s*[\d,.]+\s*(万元|元|千元|亿元|万)\s*$`)

func normalizeAmountUnit(u string) string {
	if u == "万" {
		return "万元"
	}
	return u
}

// setAmountUnit sets the project's amount unit from a label (资金情况（万元）)
// when no line above the table declared one.
func (rd *reader) setAmountUnit(u string) {
	if u != "" && rd.project.p.AmountUnit == "" {
		rd.project.p.AmountUnit = u
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// setExtra keeps a cell the form holds under a label no report/v1 field
// takes.
func (rd *reader) setExtra(key string, c *extract.Cell) {
	rd.project.consumed[c] = true
	if text := normalize.Fold(c.Text); text != "" {
		rd.setExtraText(key, text)
	}
}

func (rd *reader) setExtraText(key, text string) {
	p := rd.project.p
	if p.Extra == nil {
		p.Extra = map[string]string{}
	}
	if _, dup := p.Extra[key]; dup {
		return
	}
	p.Extra[key] = text
	if rd.explain {
		rd.note("  「%s」→ extra = 「%s」", key, short(text))
	}
}

var (
	// [201]某某县民政局, 201003 某某县民政局
	codeBefore = regexp.MustCompile(`^[\[［【(（]?(\d{3,6})[\]］】)）]?\s*[-－—:：]?\s*(\S.*)$`)
	// 湘潭市城市管理和综合执法局 308001
	codeAfter = regexp.MustCompile(`^(\S.*?)\s*[\[［【(（]?(\d{3,6})[\]］】)）]?$`)
)

// setDepartment stores the unit a form names, with its code before or
// after the name, when no surer label named one.
func (rd *reader) setDepartment(lb label, text string, at Location) {
	ps := rd.project
	rank := departmentRankOf(lb.key)
	if text == "" || ps.rank.rank[FieldDepartment] >= rank {
		return
	}
	code, name := "", text
	if m := codeBefore.FindStringSubmatch(text); m != nil {
		code, name = m[1], m[2]
	} else if m := codeAfter.FindStringSubmatch(text); m != nil {
		code, name = m[2], m[1]
	}
	p := ps.p
	if code != "" || ps.rank.rank[FieldDepartmentCode] == 0 {
		p.DepartmentCode = code
	}
	p.DepartmentName = name
	ps.rank.set(FieldDepartment, rank)
	p.At[KeyOf(FieldDepartment)] = at
	if rd.explain {
		rd.note("  「%s」→ department = 「%s %s」", lb.key, code, name)
	}
}
