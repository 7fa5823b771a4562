package report

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// ErrNotReport says a document has none of the parts of a performance-target
// report. The error wrapping it says what was found instead.
var ErrNotReport = errors.New("not a performance-target report (no 绩效目标 title, section, project table or indicator table)")

// ErrTableNotFound says a project's table labels (项目编码, 一级指标) stand in
// running text rather than in a table: the tables could not be rebuilt (a
// PDF table drawn without rules), and reading on would report every field
// of the project as missing.
var ErrTableNotFound = errors.New("a project's table was not found: its labels are in running text")

// Options adjust the reading.
type Options struct {
	// Labels adds synonyms to the declared labels of a field: Labels[ColValue]
	// = {"计划指标值"} reads a column headed 计划指标值 as the value. The
	// labels are folded as the document's are.
	Labels map[Field][]string
	// Explain keeps an account of the reading in Report.Trace (check
	// --explain).
	Explain bool
	// OCR says how the pipeline reads scanned PDFs (it travels with the
	// options to a worker process); Read itself does not use it.
	OCR extract.OCROptions
}

// Read reads the report out of doc with the declared labels only.
func Read(doc *extract.Document) (*Report, error) { return Options{}.Read(doc) }

// Read reads the report out of doc. It fails only when doc is no report at
// all; a report with missing parts reads as far as it goes, and the rules
// say what is missing.
func (o Options) Read(doc *extract.Document) (*Report, error) {
	rd := &reader{
		rep: &Report{
			Schema: Schema,
			Kind:   KindTarget,
			Source: Source{Path: doc.Path, SHA256: doc.SHA256, Format: string(doc.Format), Pages: doc.Pages, OCR: doc.OCR},
			Layout: LayoutHebei,
		},
		lab:     newLabeler(o.Labels),
		explain: o.Explain,
		section: sectionNone,
	}
	defer rd.lab.release()
	rd.blocks(doc.Blocks)
	rd.finish()
	rep := rd.rep
	rep.Uncertain = uncertainCells(doc)
	if rd.labelsInText {
		for _, p := range rep.Projects {
			if len(p.At) == 0 && len(p.Indicators) == 0 {
				return nil, fmt.Errorf("report: %s: %w (project %d %q)", doc.Path, ErrTableNotFound, p.Seq, p.Title)
			}
		}
	}
	if len(rep.Projects) == 0 && rep.OverallGoal == "" && len(rep.SubGoals) == 0 && len(rep.DepartmentIndicators) == 0 {
		return nil, fmt.Errorf("report: %s: %w", doc.Path, found(doc))
	}
	pages := doc.Lost.Pages()
	for i, e := range doc.Lost {
		l := Lost{Reason: Reason(e.Err), Detail: e.Error()}
		if i < len(pages) {
			l.Page = pages[i]
		}
		rep.Lost = append(rep.Lost, l)
	}
	return rep, nil
}

// NotReportError is ErrNotReport with what the document holds instead.
type NotReportError struct {
	Paragraphs, Tables int
	Beginning          string // the first text, cut short
}

func (e *NotReportError) Error() string {
	return fmt.Sprintf("%v; found instead %d paragraphs and %d tables, beginning %q", ErrNotReport, e.Paragraphs, e.Tables, e.Beginning)
}

func (e *NotReportError) Unwrap() error { return ErrNotReport }

// found says in a few words what a document holds, for a refusal.
func found(doc *extract.Document) *NotReportError {
	e := &NotReportError{}
	for _, b := range doc.Blocks {
		switch {
		case b.Para != nil && strings.TrimSpace(b.Para.Text) != "":
			e.Paragraphs++
			if e.Beginning == "" {
				e.Beginning = normalize.Fold(b.Para.Text)
			}
		case b.Table != nil:
			e.Tables++
			if e.Beginning == "" && len(b.Table.Cells) > 0 {
				e.Beginning = normalize.Fold(b.Table.Cells[0].Text)
			}
		}
	}
	if r := []rune(e.Beginning); len(r) > 30 {
		e.Beginning = string(r[:30]) + "…"
	}
	return e
}

// blocks reads paragraphs and tables in order. A table used as a frame (one
// cell holding tables) is read as its content; tables nested in the cells
// of a real table are read after it.
func (rd *reader) blocks(bs []extract.Block) {
	for _, b := range bs {
		switch {
		case b.Para != nil:
			rd.paragraph(b.Para)
		case b.Table != nil && isFrame(b.Table):
			rd.blocks(b.Table.Cells[0].Blocks)
		case b.Table != nil:
			rd.table(b.Table)
			for _, c := range b.Table.Cells {
				for _, nt := range c.Tables() {
					rd.blocks([]extract.Block{{Table: nt}})
				}
			}
		}
	}
}

func isFrame(t *extract.Table) bool {
	return len(t.Cells) == 1 && len(t.Cells[0].Tables()) > 0
}

type section int

const (
	sectionNone section = iota
	sectionOverall
	sectionSubGoals
	sectionMeasures
	sectionProjects
)

type reader struct {
	rep     *Report
	lab     *labeler
	explain bool // keep Report.Trace
	section section
	// the field of part one that a continuation paragraph extends
	cont *string

	project *projectState
	// labelsInText is set when a paragraph of part two holds table labels
	// (项目编码, 一级指标 … 二级指标): a table that was not rebuilt.
	labelsInText bool
	// years seen in titles and year lines (（2023年度）), for Report.Year
	titleYear int
	// a paragraph that may be a title's first line
	titleStart string
	// room for a row's cells (rowCells), reused from row to row: one for
	// the rows read, one for the rows headsIndicators looks at
	rowBuf, headsBuf []*extract.Cell
	// headsIndicators' answers for the rows of the table being read
	heads struct {
		table *extract.Table
		rows  []headsRow
	}
}

// note adds a line to the account of the reading (check --explain).
func (rd *reader) note(format string, args ...any) {
	if !rd.explain {
		return
	}
	rd.rep.Trace = append(rd.rep.Trace, fmt.Sprintf(format, args...))
}

// unmapped records a cell the reader saw as a label or a table it saw as an
// indicator table but could not map; a rule reports each.
func (rd *reader) unmapped(what, text string, pos extract.Pos) {
	rd.rep.Unmapped = append(rd.rep.Unmapped, Unmapped{What: what, Text: normalize.Fold(text), Location: locationOf(pos)})
	if rd.explain {
		rd.note("  未识别 %s「%s」（%s）", what, normalize.Fold(text), pos.Chinese())
	}
}

func (rd *reader) paragraph(p *extract.Paragraph) {
	text := p.Text
	if p.List != nil {
		text = p.List.Label + text
	}
	t := normalize.Fold(text)
	if t == "" {
		return
	}
	start := rd.titleStart
	rd.titleStart = ""
	if ti, ok := titleOf(t, false); ok {
		rd.startForm(ti)
		return
	}
	if start != "" {
		// A title wrapped onto two lines (…项目支出绩效目标 / 审批表).
		if ti, ok := titleOf(start+t, false); ok {
			rd.startForm(ti)
			return
		}
	}
	if formWords.In(t) && utf8.RuneCountInString(t) <= 60 && !clauseMarks.In(t) {
		rd.titleStart = t
	}
	if y := yearLineOf(t); y > 0 && (rd.project != nil || rd.section == sectionNone) {
		rd.setYear(y)
		return
	}
	if rd.section == sectionProjects || rd.project != nil {
		if strings.Contains(t, "项目编码") || strings.Contains(t, "一级指标") && strings.Contains(t, "二级指标") {
			rd.labelsInText = true
		}
		if rd.project == nil {
			return
		}
		if code, name, unit, ok := headerLine(t); ok {
			rd.setHeader(code, name, unit)
		} else if f, lb, value, ok := rd.cutLabel(t); ok && f == FieldDepartment {
			// 预算单位：奉节县云雾土家族乡人民政府 above the table
			rd.setDepartment(lb, value, locationOf(p.Pos))
		}
		return
	}
	rd.partOne(t, p.Pos)
}

// The title of a form: 附件2 …项目支出绩效目标申报表（2023年度）, 绩效自评表,
// 部门整体绩效目标 (in a table's first row).
var (
	titleNumber = regexp.MustCompile(`^\s*\d+\s*[.．、]\s*`)
	yearLine    = regexp.MustCompile(`^[（(]?\s*(20\d{2})\s*年度?\s*[)）]?$`)
	// The words of a title are looked for as words, not as regexp
	// alternations: a title seen for the first time is matched against
	// each of them.
	formWords = normalize.NewKeywords("绩效目标", "绩效自评", "绩效评价指标")
	deptForm  = normalize.NewKeywords("部门整体", "整体支出", "单位整体", "整体绩效", "部门绩效目标表", "部门(单位)整体", "部门（单位）整体")
)

type title struct {
	text string // without its number: 附件2 …绩效目标表
	dept bool   // a department-level form (部门整体支出绩效目标表)
	self bool   // a self-evaluation form (绩效自评表)
	year int    // from a bracketed （2023年度） after it, or 2023年 in it
}

// titleKey is a text read as a title, in a paragraph or in a table.
type titleKey struct {
	text    string
	inTable bool
}

type titleReading struct {
	ti title
	ok bool
}

// titles keeps the readings of the texts naming 绩效: forms repeat their
// titles, and reading one takes several regexps.
var titles = memo[titleKey, titleReading]{max: 1 << 12, keep: func(k titleKey) titleKey {
	k.text = strings.Clone(k.text)
	return k
}}

// titleOf is readTitle, from memory for a short text seen before.
func titleOf(t string, inTable bool) (title, bool) {
	if !strings.Contains(t, "绩效") || len(t) > 400 {
		return readTitle(t, inTable)
	}
	r := titles.get(titleKey{t, inTable}, func(k titleKey) titleReading {
		ti, ok := readTitle(k.text, k.inTable)
		return titleReading{ti, ok}
	})
	return r.ti, r.ok
}

// readTitle reads a form's title. In a paragraph the title ends in 表; in
// a table's first row it may also end in 绩效目标.
func readTitle(t string, inTable bool) (title, bool) {
	if !strings.Contains(t, "绩效") {
		// formWords must match in the title's core, a part of t: most
		// paragraphs and cells are no title, and the regexps are dear.
		return title{}, false
	}
	// The prefix regexps match at the start only: cutting what they match
	// is what ReplaceAllString did, without a copy.
	s := t
	if m := titleNumber.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	text := s
	core, colon, marked := titleMarker(s)
	if !inTable && marked && colon {
		// 附件：…绩效目标表 in a notice letter names the form that
		// follows; it is no form itself.
		return title{}, false
	}
	var ti title
	for {
		i := bracketSuffix(core)
		if i <= 0 {
			break
		}
		if y := yearLineOf(core[i:]); y > 0 {
			ti.year = y
		}
		core = core[:i]
	}
	if len(core) > 200 || !strings.HasSuffix(core, "表") && !(inTable && strings.HasSuffix(core, "绩效目标")) {
		return title{}, false
	}
	if !formWords.In(core) {
		return title{}, false
	}
	if ti.year == 0 {
		ti.year = yearIn(core)
	}
	ti.text = text
	ti.dept = deptForm.In(core)
	ti.self = strings.Contains(core, "自评")
	return ti, true
}

// bracketSuffix is where the bracketed part ending s begins, with the white
// space before it (（2023年度）), as \s*[（(][^（）()]*[)）]\s*$ matched
// it; -1 when s ends in none. The bracket before the closing one is its
// opening one, or there is none: a scan from the end finds it.
func bracketSuffix(s string) int {
	e := strings.TrimRight(s, regexpSpace)
	body, ok := strings.CutSuffix(e, ")")
	if !ok {
		if body, ok = strings.CutSuffix(e, "）"); !ok {
			return -1
		}
	}
	open := strings.LastIndexAny(body, "（）()")
	if open < 0 || body[open] == ')' || strings.HasPrefix(body[open:], "）") {
		return -1
	}
	return len(strings.TrimRight(body[:open], regexpSpace))
}

func yearLineOf(t string) int {
	if !strings.Contains(t, "年") {
		return 0
	}
	if m := yearLine.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

func (rd *reader) setYear(y int) {
	if rd.titleYear == 0 {
		rd.titleYear = y
	}
}

// startForm begins a form at its title: a project, or a department-level
// form. A project that has read nothing yet takes the title instead (the
// title paragraph above a table whose first row repeats it).
func (rd *reader) startForm(ti title) {
	if ti.self {
		rd.rep.Kind = KindSelfEvaluation
	}
	if ti.year > 0 {
		rd.setYear(ti.year)
	}
	if ps := rd.project; ps != nil && ps.empty() {
		if ps.p.Title == "" {
			ps.p.Title = ti.text
		}
		ps.p.dept = ps.p.dept || ti.dept
		if rd.explain {
			rd.note("标题「%s」：%s", ti.text, ps.role())
		}
		return
	}
	rd.startProject(ti.text)
	rd.project.p.dept = ti.dept
	if rd.explain {
		rd.note("标题「%s」：%s", ti.text, rd.project.role())
	}
}

// atRoom is the keys a project's At has room for from the start: a form's
// info fields and the periods of its plan number more than the 8 a map
// holds before it grows, and growing copies every (large) Location. 14 is
// what a map grown once holds.
const atRoom = 14

func (rd *reader) startProject(title string) {
	rd.section = sectionProjects
	rd.flushPlan()
	rd.rep.Projects = append(rd.rep.Projects, Project{Seq: len(rd.rep.Projects) + 1, Title: title, At: make(map[Key]Location, atRoom)})
	// Only the last project is ever written to, so a pointer into the
	// slice stays valid until the next append replaces the state.
	rd.project = &projectState{p: &rd.rep.Projects[len(rd.rep.Projects)-1], midCols: map[int]bool{}}
}

// headerLine reads the line above a project's tables: the unit code and
// name, and the amount unit.
func headerLine(t string) (code, name, unit string, ok bool) {
	if start, end, u, found := unitDecl(t); found {
		unit = u
		t = t[:start] + " " + t[end:]
		ok = true
	}
	if c, n, found := unitLine(strings.TrimSpace(t)); found {
		code, name, ok = c, normalize.Fold(n), true
	}
	return code, name, unit, ok
}

// The line above a project's tables is read by scans rather than regexps,
// which cost more than the rest of the line's reading: what each scan
// finds is what its regexp (in its comment) matched, TestHeaderLineScans
// compares them.

// unitDecl finds an amount unit's declaration, 单位：万元 or 金额单位：万元,
// in t: where it starts and ends and the unit, as
// (?:金额)?单位[：:]\s*(万元|元|千元|亿元) matched it, leftmost.
func unitDecl(t string) (start, end int, unit string, ok bool) {
	for from := 0; ; {
		i := strings.Index(t[from:], "单位")
		if i < 0 {
			return 0, 0, "", false
		}
		i += from
		from = i + len("单位")
		rest, colon := cutColon(t[from:])
		if !colon {
			continue
		}
		rest = strings.TrimLeft(rest, regexpSpace)
		for _, u := range amountUnits {
			if strings.HasPrefix(rest, u) {
				start = i
				if strings.HasSuffix(t[:i], "金额") {
					start -= len("金额")
				}
				return start, len(t) - len(rest) + len(u), u, true
			}
		}
	}
}

// unitLine reads a unit's code and name, 430001怀来县机关事务服务中心 or
// 单位名称：430001 怀来县机关事务服务中心, as
// ^(?:(?:预算)?单位(?:名称)?[：:]\s*)?(\d{6})\s*(\S.*?)\s*$ matched them.
func unitLine(t string) (code, name string, ok bool) {
	s := t
	if rest, label := strings.CutPrefix(strings.TrimPrefix(s, "预算"), "单位"); label {
		if rest, colon := cutColon(strings.TrimPrefix(rest, "名称")); colon {
			s = strings.TrimLeft(rest, regexpSpace)
		}
	}
	if len(s) < 6 {
		return "", "", false
	}
	for i := range 6 {
		if !isDigit(s[i]) {
			return "", "", false
		}
	}
	// The name starts at the first character \s does not match and ends
	// before the \s at the end; . matches no line break in it.
	name = strings.TrimRight(strings.TrimLeft(s[6:], regexpSpace), regexpSpace)
	if name == "" || strings.Contains(name, "\n") {
		return "", "", false
	}
	return s[:6], name, true
}

// headerRank is the rank of a unit named in the line above the tables: it
// names the submitting unit, before any label in the table.
const headerRank = 10

func (rd *reader) setHeader(code, name, unit string) {
	ps := rd.project
	p := ps.p
	if code != "" && ps.rank.rank[FieldDepartment] < headerRank {
		p.DepartmentCode, p.DepartmentName = code, name
		ps.rank.set(FieldDepartment, headerRank)
	}
	if unit != "" && p.AmountUnit == "" {
		p.AmountUnit = unit
	}
}

// locationOf is the location of what the reader read at p: its file, page
// and cell, without the reader's paragraph index and box.
func locationOf(p extract.Pos) Location {
	return Location{Pos: extract.Pos{File: p.File, Page: p.Page, Table: p.Table, Row: p.Row, Col: p.Col, Confidence: p.Confidence}}
}
