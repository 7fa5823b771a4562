package report

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// The indicator table: a header row (or two) naming level columns and a
// value column, then one indicator a row, level cells merged down.

// header is an indicator table's columns, read from its header rows.
type header struct {
	rows   int                  // header rows: 1, or 2 under a column group (年度指标值 over 指标性质 | 指标值 | 度量单位)
	cols   int                  // the table's width: a table of another width is another table
	fields [ColMidValue + 1]int // field → grid column, 0 for none (an array: each indicator row asks of every field)
	extra  map[int]string
	// extraCols are the columns of extra, in order.
	extraCols []int
	// The Cols of the last row read, as a list and as the map it gave.
	lastRow  rowCols
	lastCols map[string]int
	// Info fields as columns, in a listing of several projects (项目名称 |
	// 预算数 | 年度目标 merged down each project's indicator rows).
	info     map[Field]int
	infoHead map[Field]*extract.Cell
	// level3 stands in a 指标内容 column, there being no 三级指标 one: a
	// row whose 二级 cell names no category has its name there instead.
	level3FromContent bool
	// The table is the medium- or long-term one: a block label down its
	// left edge says so (长期绩效指标, 中长期绩效指标).
	midTerm bool
}

// slot is one header column: a header cell, under a group's cell where the
// header has two rows.
type slot struct {
	col    int // the grid column its values stand in
	cell   *extract.Cell
	text   string
	cands  []columnCandidate
	mid    bool // in a 中期 / 长期 / 实施期 group
	parent *extract.Cell
	alt    bool // one of several readings of its group's value (优 | 良 | 中 | 差)
	key    string
}

// headerAt reads row r as an indicator table's header, nil when it is none.
func (rd *reader) headerAt(t *extract.Table, r int) *header {
	own := rd.headsIndicators(t, r)
	if own == nil {
		return nil
	}
	// Two header rows when the level headers reach down over a column
	// group's sub-headers (年度指标值 over 指标性质 | 指标值 | 度量单位).
	rows := 1
	for _, c := range own {
		if c.ColSpan > 1 && c.RowSpan == 1 && rd.lab.column(c.Text) != NoField && len(subCells(t, c)) >= 2 {
			for _, d := range own {
				if d.RowSpan == 2 && rd.lab.column(d.Text) != NoField {
					rows = 2
				}
			}
		}
	}
	if r+rows-1 > t.Rows {
		return nil
	}
	slots := rd.slots(t, r, rows)
	h := rd.assignColumns(t, slots, rows, r+rows)
	for _, c := range own {
		if lb := rd.lab.label(c.Text); c.RowSpan > rows && lb.midTerm() {
			h.midTerm = true
		}
	}
	return h
}

// headsIndicators returns the cells starting in row r when the row heads an
// indicator table: it names two level columns, or one and a value column.
func (rd *reader) headsIndicators(t *extract.Table, r int) []*extract.Cell {
	// isFormTable asks of the rows before the table is read, and headerAt
	// again as it is read: each row's answer is kept for the table.
	if r < 1 || r > t.Rows {
		return rd.readHeads(t, r)
	}
	if rd.heads.table != t {
		rd.heads.table = t
		rd.heads.rows = rd.heads.rows[:0]
	}
	for len(rd.heads.rows) < r {
		rd.heads.rows = append(rd.heads.rows, headsRow{})
	}
	if h := &rd.heads.rows[r-1]; h.done {
		return h.own
	}
	own := rd.readHeads(t, r)
	rd.heads.rows[r-1] = headsRow{done: true, own: own}
	return own
}

// headsRow is what headsIndicators found in a row.
type headsRow struct {
	done bool
	own  []*extract.Cell
}

func (rd *reader) readHeads(t *extract.Table, r int) []*extract.Cell {
	cells := rowCells(t, r, rd.headsBuf)
	rd.headsBuf = cells
	if !rd.lab.userLevels && !mayHeadIndicators(cells) {
		return nil
	}
	var levels [3]bool // ColLevel1, ColLevel2, ColLevel3
	value := false
	for _, c := range cells {
		if c.Row != r {
			continue
		}
		cands, _ := rd.lab.columnFields(c.Text)
		for _, cd := range cands {
			switch cd.field {
			case ColLevel1, ColLevel2, ColLevel3:
				levels[cd.field-ColLevel1] = true
			case ColValue:
				value = true
			}
		}
	}
	n := 0
	for _, l := range levels {
		if l {
			n++
		}
	}
	if n < 2 && !(n == 1 && value) {
		return nil
	}
	// Made only for a header: most rows are none.
	own := make([]*extract.Cell, 0, len(cells))
	for _, c := range cells {
		if c.Row == r {
			own = append(own, c)
		}
	}
	return own
}

// mayHeadIndicators tells a row that may name level columns: every declared
// level header says 级 or 指标 (一级指标, 二级, 绩效指标分类, 具体指标).
func mayHeadIndicators(cells []*extract.Cell) bool {
	for _, c := range cells {
		if len(c.Text) <= maxLabel && levelHeaderWords.In(c.Text) {
			return true
		}
	}
	return false
}

var levelHeaderWords = normalize.NewKeywords("级", "指标")

// subCells are the cells in the row under a header cell, within its span.
func subCells(t *extract.Table, c *extract.Cell) []*extract.Cell {
	var out []*extract.Cell
	r := c.Row + 1
	for col := c.Col; col < c.Col+c.ColSpan; col++ {
		s := t.At(r, col)
		if s != nil && s.Row == r && s.Col == col && s.Col+s.ColSpan <= c.Col+c.ColSpan && normalize.TrimSpace(s.Text) != "" {
			out = append(out, s)
		}
	}
	return out
}

// slots lists the header columns of the header rows r..r+rows-1, leaving
// out cells that reach below the header (a block label such as 绩效指标
// down the table's left edge).
func (rd *reader) slots(t *extract.Table, r, rows int) []slot {
	var out []slot
	seen := map[*extract.Cell]bool{}
	for col := 1; col <= t.Cols; col++ {
		top := t.At(r, col)
		if top == nil || top.Row != r || top.RowSpan > rows || seen[top] {
			continue
		}
		var subs []*extract.Cell
		if rows == 2 && top.RowSpan == 1 {
			subs = subCells(t, top)
		}
		if len(subs) == 0 {
			seen[top] = true
			cands, lb := rd.lab.columnFields(top.Text)
			out = append(out, slot{col: top.Col, cell: top, text: rd.lab.fold(top.Text), cands: cands,
				mid: lb.midTerm(), key: lb.key, parent: top})
			out[len(out)-1].col = rd.dataColumn(t, top, r+rows)
			continue
		}
		seen[top] = true
		pc, plb := rd.lab.columnFields(top.Text)
		parentValue := len(pc) > 0 && pc[0].field == ColValue
		group := len(out)
		for _, s := range subs {
			sc, slb := rd.lab.columnFields(s.Text)
			sl := slot{col: rd.dataColumn(t, s, r+rows), cell: s, text: rd.lab.fold(top.Text) + "/" + rd.lab.fold(s.Text),
				mid:    plb.midTerm() || slb.midTerm(),
				parent: top, key: slb.key}
			switch {
			case parentValue && !namesSplitColumn(sc):
				sl.cands, sl.alt = []columnCandidate{{ColValue, 3}}, true
			case len(sc) > 0:
				sl.cands = sc
			default:
				sl.cands = pc
			}
			out = append(out, sl)
		}
		pickAlternative(out[group:])
	}
	return out
}

// namesSplitColumn tells a sub-header of a value group that names its own
// column of a split layout (指标性质 | 指标值 | 度量单位).
func namesSplitColumn(cands []columnCandidate) bool {
	for _, c := range cands {
		switch c.field {
		case ColNature, ColValue, ColUnit:
			if c.score >= 3 {
				return true
			}
		}
	}
	return false
}

var pastWords = normalize.NewKeywords("实际", "上年", "历史", "以前", "去年")

// pickAlternative keeps one reading of a value group as the value: the
// expected or current year's (预期2022年实现值 beside 2021年实际实现值), the
// target grade (优 before 良, 中, 差), else the first; the others go to extra,
// but a medium-term one (中期 beside 年度), which is mid_term.
func pickAlternative(group []slot) {
	primary := -1
	for i, s := range group {
		if !s.alt || s.mid {
			continue
		}
		if primary < 0 {
			primary = i
		}
		if annualWords.MatchString(s.key) && !pastWords.In(s.key) {
			primary = i
			break
		}
	}
	for i := range group {
		if group[i].alt && !group[i].mid && i != primary {
			group[i].cands = nil
		}
	}
}

// dataColumn is the column a header cell's values stand in: its first,
// unless the data there is a block label down the table's edge and the
// header spans further (一级指标 over 绩效指标 | 产出指标).
func (rd *reader) dataColumn(t *extract.Table, h *extract.Cell, data int) int {
	last := h.Col + h.ColSpan - 1
	for col := h.Col; col < last; col++ {
		d := t.At(data, col)
		if d == nil {
			continue
		}
		if f, _ := rd.lab.infoField(d.Text); f == BlockLabel && d.Col+d.ColSpan-1 <= col {
			continue
		}
		return col
	}
	return last
}

// assignColumns gives each field one column and each column one field, the
// surest readings first, so one header cannot claim two fields.
func (rd *reader) assignColumns(t *extract.Table, slots []slot, rows, data int) *header {
	h := &header{rows: rows, cols: t.Cols, extra: map[int]string{},
		info: map[Field]int{}, infoHead: map[Field]*extract.Cell{}}
	type entry struct {
		slot int
		c    columnCandidate
	}
	var entries []entry
	for i, s := range slots {
		for _, c := range s.cands {
			switch {
			case s.mid && c.field == ColValue:
				c.field = ColMidValue
			case s.mid:
				// 二级指标（长期） beside 二级指标（年度）: the annual
				// group's columns are the indicator's.
				c.score -= 2
			}
			entries = append(entries, entry{i, c})
		}
	}
	sort.SliceStable(entries, func(a, b int) bool {
		if entries[a].c.score != entries[b].c.score {
			return entries[a].c.score > entries[b].c.score
		}
		return slots[entries[a].slot].col < slots[entries[b].slot].col
	})
	taken := map[int]Field{}
	for _, e := range entries {
		if _, ok := taken[e.slot]; ok {
			continue
		}
		if h.fields[e.c.field] != 0 {
			continue
		}
		h.fields[e.c.field] = slots[e.slot].col
		taken[e.slot] = e.c.field
		if e.c.field == ColLevel3 && e.c.score < 3 {
			h.level3FromContent = true
		}
	}
	if h.fields[ColValue] == 0 {
		if col := h.fields[ColMidValue]; col != 0 {
			// Only a medium-term column: it is the value.
			h.fields[ColValue] = col
			h.fields[ColMidValue] = 0
		}
	}
	if h.fields[ColLevel3] == 0 {
		// 指标内容 beside no 三级指标 column holds the indicator's name.
		for i, s := range slots {
			if taken[i] == ColDescription && hasCandidate(s.cands, ColLevel3) {
				h.fields[ColLevel3] = s.col
				h.fields[ColDescription] = 0
				taken[i] = ColLevel3
				h.level3FromContent = true
			}
		}
	}
	if h.fields[ColValue] == 0 {
		// No value column, but columns headed by no label after the
		// indicator's name (a value per town: 笏石街道 | 埭头镇): the
		// first is the value, the others stay in extra.
		l3, after := h.fields[ColLevel3], max(h.fields[ColLevel3], h.fields[ColNature])
		for i, s := range slots {
			if _, ok := taken[i]; !ok && s.text != "" && s.col > after && l3 > 0 && !rd.lab.isLabel(s.cell.Text) && looksLikeHeader(s.cell.Text) && !notValueHeader.In(s.key) {
				h.fields[ColValue] = s.col
				taken[i] = ColValue
				break
			}
		}
	}
	for i, s := range slots {
		if _, ok := taken[i]; ok || s.text == "" {
			continue
		}
		if f, _ := rd.lab.infoField(s.cell.Text); listingFields[f] {
			if _, dup := h.info[f]; !dup {
				h.info[f], h.infoHead[f] = s.col, s.cell
				continue
			}
		}
		h.extra[s.col] = s.text
	}
	for c := range h.extra {
		h.extraCols = append(h.extraCols, c)
	}
	sort.Ints(h.extraCols)
	return h
}

// listingFields are the info fields a listing of projects gives as columns.
var listingFields = map[Field]bool{FieldName: true, FieldCode: true, FieldTotal: true, FieldFiscal: true,
	FieldOther: true, FieldGoal: true, FieldMidGoal: true, FieldPurpose: true, FieldDepartment: true}

// notValueHeader marks the headers of columns beside the value that explain
// it (指标解释, 评分标准, 备注).
var notValueHeader = normalize.NewKeywords("指标", "说明", "解释", "标准", "依据", "备注", "方向", "分值", "权重", "得分")

func hasCandidate(cands []columnCandidate, f Field) bool {
	for _, c := range cands {
		if c.field == f {
			return true
		}
	}
	return false
}

func (rd *reader) useHeader(h *header) {
	rd.project.header = h
	if !rd.explain {
		return
	}
	var parts []string
	for _, f := range indicatorFields {
		if col := h.fields[f]; col != 0 {
			parts = append(parts, "第"+itoa(col)+"列 "+f.String())
		}
	}
	for _, c := range h.extraCols {
		parts = append(parts, "第"+itoa(c)+"列「"+h.extra[c]+"」→ extra")
	}
	for _, f := range []Field{FieldName, FieldCode, FieldTotal, FieldFiscal, FieldOther, FieldGoal, FieldMidGoal, FieldPurpose, FieldDepartment} {
		if col, ok := h.info[f]; ok {
			parts = append(parts, "第"+itoa(col)+"列 项目的"+f.String())
		}
	}
	group := ""
	if h.midTerm {
		group = "，中长期指标 → mid_term_indicators"
	}
	rd.note("  指标表表头（%d行）：%s%s", h.rows, strings.Join(parts, "，"), group)
}

// indicatorText is where field f of an indicator row goes; mid holds the
// medium-term value.
func indicatorText(ind *Indicator, mid *string, f Field) *string {
	switch f {
	case ColLevel1:
		return &ind.Level1
	case ColLevel2:
		return &ind.Level2
	case ColLevel3:
		return &ind.Level3
	case ColDescription:
		return &ind.Description
	case ColNature:
		return &ind.Nature
	case ColValue:
		return &ind.Value
	case ColUnit:
		return &ind.Unit
	case ColBasis:
		return &ind.Basis
	case ColWeight:
		return &ind.Weight
	case ColActual:
		return &ind.Actual
	case ColScore:
		return &ind.Score
	case ColDeviation:
		return &ind.Deviation
	}
	return mid
}

// indicatorFields in the order a row is read.
var indicatorFields = []Field{ColLevel1, ColLevel2, ColLevel3, ColDescription, ColNature, ColValue, ColUnit,
	ColBasis, ColWeight, ColActual, ColScore, ColDeviation, ColMidValue}

// endsIndicators tells a row after the indicator table: one that starts
// with an info label left of the level-3 column (财政部门审核意见 under the
// table).
func (rd *reader) endsIndicators(t *extract.Table, r int) bool {
	c := rowStart(t, r)
	if c == nil {
		return false
	}
	col := rd.project.header.fields[ColLevel3]
	ok := col != 0
	if ok && c.Col >= col {
		return false
	}
	if ok && c.RowSpan > 1 {
		// 项目年度绩效目标（定量指标） down the table's left edge beside
		// the indicators.
		if l3 := t.At(r, col); l3 != nil && l3 != c {
			return false
		}
	}
	f, lb := rd.lab.infoField(c.Text)
	return f != NoField && f != BlockLabel && !isTotalKey(lb.key)
}

// listingRow reads the project columns of a listing's row: a new 项目名称
// cell starts the next project.
func (rd *reader) listingRow(t *extract.Table, r int) {
	h := rd.project.header
	col, ok := h.info[FieldName]
	if !ok {
		return
	}
	c := t.At(r, col)
	if c == nil || c == rd.project.listed || normalize.Fold(c.Text) == "" {
		return
	}
	if !rd.project.empty() {
		consumed := rd.project.consumed
		rd.startProject("")
		rd.project.header, rd.project.consumed = h, consumed
		if rd.explain {
			rd.note("  第%d行：项目 %d", r, rd.project.p.Seq)
		}
	}
	rd.project.listed = c
	for _, f := range []Field{FieldName, FieldCode, FieldTotal, FieldFiscal, FieldOther, FieldGoal, FieldMidGoal, FieldPurpose, FieldDepartment} {
		col, ok := h.info[f]
		if !ok {
			continue
		}
		if v := t.At(r, col); v != nil {
			head := h.infoHead[f]
			_, lb := rd.lab.infoField(head.Text)
			rd.set(f, lb, head, v.Text, v.Pos)
		}
	}
}

// indicatorRow reads one row of an indicator table.
func (rd *reader) indicatorRow(t *extract.Table, r int) {
	rd.listingRow(t, r)
	ps := rd.project
	h := ps.header
	p := ps.p
	// The cells read so far: a cell merged across columns gives its text
	// to the first field only. At most one a field, so a list is enough.
	var usedBuf [16]*extract.Cell
	used := usedBuf[:0]
	isUsed := func(c *extract.Cell) bool {
		for _, u := range used {
			if u == c {
				return true
			}
		}
		return false
	}
	get := func(f Field) (string, *extract.Cell) {
		col := h.fields[f]
		if col == 0 {
			return "", nil
		}
		c := t.At(r, col)
		if c == nil || isUsed(c) {
			return "", c
		}
		used = append(used, c)
		return rd.lab.fold(c.Text), c
	}
	ind := Indicator{}
	var cols rowCols
	var mid string
	hasLevel3 := h.fields[ColLevel3] != 0
	var first *extract.Cell
	empty := true
	for _, f := range indicatorFields {
		text, c := get(f)
		*indicatorText(&ind, &mid, f) = text
		if c != nil {
			cols.set(f.String(), h.fields[f])
			if first == nil {
				first = c
			}
		}
		if text != "" && f != ColLevel1 && f != ColLevel2 {
			empty = false
		}
	}
	if h.level3FromContent && ind.Level2 != "" && !levelCategory.MatchString(rd.lab.label(ind.Level2).key) {
		// 二级 资金到位率 | 指标内容 资金到位率=（实际到位资金/…）: the
		// name is the 二级 cell, the content its description.
		ind.Level3, ind.Description, ind.Level2 = ind.Level2, ind.Level3, ""
		description, level3 := cols.get("level3"), cols.get("level2")
		cols.set("description", description)
		cols.set("level3", level3)
		cols.del("level2")
	}
	if !hasLevel3 && ind.Level2 != "" {
		// No 三级 column: the indicator's name stands in the 二级 one.
		ind.Level3, ind.Level2 = ind.Level2, ""
		cols.set("level3", cols.get("level2"))
		cols.del("level2")
		empty = false
	}
	if mid != "" {
		ind.MidTerm = &MidTerm{Value: mid}
	}
	ind.Cols = h.colsMap(&cols)
	for _, c := range h.extraCols {
		cell := t.At(r, c)
		if cell == nil || isUsed(cell) {
			continue
		}
		if text := rd.lab.fold(cell.Text); text != "" {
			if ind.Extra == nil {
				ind.Extra = map[string]string{}
			}
			ind.Extra[h.extra[c]] = text
		}
	}
	if first := rowStart(t, r); empty || placeholderRow(ind) || rd.lab.isTotal(ind.Level1) || first != nil && rd.lab.isTotal(first.Text) {
		return
	}
	list := &p.Indicators
	if h.midTerm {
		list = &p.MidTermIndicators
	}
	if n := len(*list); n > 0 {
		prev := &(*list)[n-1]
		if ind.Level1 == "" {
			ind.Level1 = prev.Level1
		}
		if ind.Level2 == "" && ind.Level1 == prev.Level1 && hasLevel3 {
			ind.Level2 = prev.Level2
		}
	}
	ind.Location = Location{Pos: extract.Pos{File: t.Pos.File, Table: t.Pos.Table, Row: r}}
	if first != nil {
		ind.Location.Page = first.Pos.Page
	}
	// A row's page is that of its level-3 cell where it has one: merged
	// level-1 cells may start on an earlier page.
	if col := h.fields[ColLevel3]; col != 0 {
		if c := t.At(r, col); c != nil && c.Pos.Page > 0 {
			ind.Location.Page = c.Pos.Page
		}
	}
	if len(*list) == cap(*list) {
		// Room for the rest of the table's rows, one indicator each at
		// most: an indicator is big, and doubling copies it over and over.
		*list = slices.Grow(*list, t.Rows-r+1)
	}
	*list = append(*list, ind)
}

// rowCols is an indicator row's Cols being made: a few fields, each with
// its column, in a list (the 13 fields, and description or level3 moved
// there).
type rowCols struct {
	n     int
	names [16]string
	cols  [16]int
}

// get is the column of name, 0 when none, as a map gives it.
func (c *rowCols) get(name string) int {
	for i := 0; i < c.n; i++ {
		if c.names[i] == name {
			return c.cols[i]
		}
	}
	return 0
}

func (c *rowCols) set(name string, col int) {
	for i := 0; i < c.n; i++ {
		if c.names[i] == name {
			c.cols[i] = col
			return
		}
	}
	c.names[c.n], c.cols[c.n] = name, col
	c.n++
}

func (c *rowCols) del(name string) {
	for i := 0; i < c.n; i++ {
		if c.names[i] == name {
			c.n--
			copy(c.names[i:c.n], c.names[i+1:c.n+1])
			copy(c.cols[i:c.n], c.cols[i+1:c.n+1])
			c.names[c.n], c.cols[c.n] = "", 0
			return
		}
	}
}

// colsMap is c as Indicator.Cols. The rows of a table mostly have the same
// columns: a row with the previous row's gets the previous row's map,
// which no one writes to once the row is read.
func (h *header) colsMap(c *rowCols) map[string]int {
	if h.lastCols != nil && h.lastRow == *c {
		return h.lastCols
	}
	m := make(map[string]int, c.n)
	for i := 0; i < c.n; i++ {
		m[c.names[i]] = c.cols[i]
	}
	h.lastRow, h.lastCols = *c, m
	return m
}

// placeholder tells the text of a blank template's row: 1., ……, -; that
// is, nothing but the characters of ^[\d.、…\-—/\s]*$.
func placeholder(s string) bool {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case strings.ContainsRune(".、…-—/\t\n\f\r ", r):
		default:
			return false
		}
	}
	return true
}

// placeholderRow tells a row of a blank template: nothing but numbering
// and ellipses where the indicator's name and value go.
func placeholderRow(ind Indicator) bool {
	return (ind.Value != "" || ind.Level3 != "") && placeholder(ind.Level3) && placeholder(ind.Value) &&
		!strings.ContainsAny(ind.Value, "0123456789")
}

// levelCategory is a 二级 name that is a category (数量指标, 社会效益,
// 服务对象满意度), not an indicator.
var levelCategory = regexp.MustCompile(`(?:指标|数量|质量|时效|成本|效益|影响|满意度)$`)

// isTotalKey tells the folded label of a total row: 合计, 总计, 小计, 总分.
func isTotalKey(key string) bool {
	switch key {
	case "合计", "总计", "小计", "总分":
		return true
	}
	return false
}

// isTotal tells the text of a total row's label (合计).
func (lb *labeler) isTotal(text string) bool { return isTotalKey(lb.label(text).key) }
