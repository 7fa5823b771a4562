package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
	"github.com/shopspring/decimal"
)

// A rule test file, testdata/rules/ID.txt, holds cases in a compact text
// form, each with the findings of rule ID it must produce written beside
// the input, in the manner of analysistest's // want:
//
//	=== 资金用途为空                       case name
//	config region=130730 year=2025        optional Config fields
//	report a.docx                         starts a report (batch cases); one is implied
//	dept 430001 怀来县机关事务服务中心      report department
//	sha 1234                              report source sha256
//	overall 总体目标文字                    OverallGoal
//	unmapped 栏目 | 资金性质：               a cell the reader could not map
//	lost 3 | 文件已损坏                     a page that could not be read
//	overall-target 服务对象满意度 | 80%以上 @ num >= 80 %
//	subgoal 1 | 服务对象满意度 | 90%以上 @ num >= 90 %
//	project 13073025P000895100013 | 机关大楼运行经费   a clean project: 100.00 万元, plan 25/50/75/100 …
//	budget 600.00 600.00 -                ("-" = blank)
//	plan 24% - - 100%                     ("-" = blank)
//	purpose … / goal … / title … / unit 元 / deptcode 430001
//	nocode                                 the form has no 项目编码 or 资金用途 label
//	clean                                  adds six clean indicators (产出×4, 效益, 满意度)
//	ind 产出指标 | 数量指标 | 名称 | 描述 | 值 | 依据 [| 权重] @ target
//	split 产出指标 | 数量指标 | 名称 | 描述 | 性质 | 值 | 单位 | 依据 @ target
//	want P1 #2 value "缺少计量单位"         a finding at project seq 1, indicator 2, field value,
//	                                      whose message holds the quoted text
//	want R2 P1 name "…" / want sub 7 "…" / want overall_goal "…" / want - "…"   (- = report level)
//
// Targets: num OP N [UNIT], range L U [UNIT], ref OP REF, qual [LEVEL],
// date YYYY-MM-DD, unparsed. Without "@ target" the value goes through
// normalize.Value.

type ruleCase struct {
	name    string
	line    int
	cfg     Config
	reports []*report.Report
	want    []wanted
}

// wanted is a finding a case must produce: its place and a text its
// message holds.
type wanted struct {
	key, message string
}

func parseCases(t *testing.T, path string) []*ruleCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*ruleCase
	var c *ruleCase
	var rep *report.Report
	var pr *report.Project
	fail := func(n int, format string, args ...any) {
		t.Fatalf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
	}
	newReport := func(path string) {
		rep = &report.Report{Schema: report.Schema, Source: report.Source{Path: path, Format: "docx"}, Layout: "hebei", Year: 2025}
		c.reports = append(c.reports, rep)
		pr = nil
	}
	for n, line := range strings.Split(string(data), "\n") {
		n++
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(line, "==="); ok {
			c = &ruleCase{name: strings.TrimSpace(name), line: n, cfg: Default()}
			cases = append(cases, c)
			rep, pr = nil, nil
			continue
		}
		if c == nil {
			fail(n, "line before the first === case")
		}
		key, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		if key == "want" {
			place, quoted, ok := strings.Cut(rest, `"`)
			msg, err := strconv.Unquote(`"` + quoted)
			if !ok || err != nil || msg == "" {
				fail(n, "want needs the place and the message in quotes: want P1 #2 value \"…\"")
			}
			c.want = append(c.want, wanted{strings.TrimSpace(place), msg})
			continue
		}
		if key == "config" {
			for _, kv := range strings.Fields(rest) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "region":
					c.cfg.RegionCode = v
				case "year":
					c.cfg.Year, _ = strconv.Atoi(v)
				case "bases":
					c.cfg.Bases = strings.Split(v, ",")
				default:
					fail(n, "unknown config %q", k)
				}
			}
			continue
		}
		if key == "report" {
			newReport(rest)
			continue
		}
		if rep == nil {
			newReport(fmt.Sprintf("case%d.docx", len(cases)))
		}
		switch key {
		case "dept":
			code, name, _ := strings.Cut(rest, " ")
			rep.Department = report.Department{Code: code, Name: name}
			continue
		case "sha":
			rep.Source.SHA256 = rest
			continue
		case "year":
			rep.Year, _ = strconv.Atoi(rest)
			continue
		case "overall":
			rep.OverallGoal = rest
			rep.OverallGoalAt = report.Location{Pos: extract.Pos{Page: 1}}
			continue
		case "unmapped":
			what, text, _ := strings.Cut(rest, " | ")
			rep.Unmapped = append(rep.Unmapped, report.Unmapped{What: what, Text: text, Location: report.Location{Pos: extract.Pos{Table: 1, Row: 2, Col: 3}}})
			continue
		case "uncertain":
			conf, text, _ := strings.Cut(rest, " | ")
			c, _ := strconv.ParseFloat(strings.TrimSpace(conf), 64)
			rep.Source.OCR = true
			rep.Uncertain = append(rep.Uncertain, report.Uncertain{Text: text, Location: report.Location{Pos: extract.Pos{Table: 1, Row: 2, Col: 3, Confidence: c}}})
			continue
		case "lost":
			page, reason, _ := strings.Cut(rest, " | ")
			pg, err := strconv.Atoi(strings.TrimSpace(page))
			if err != nil {
				fail(n, "lost page number: %v", err)
			}
			rep.Lost = append(rep.Lost, report.Lost{Page: pg, Reason: reason})
			continue
		case "overall-target":
			f := parseFound(t, path, n, rest)
			rep.OverallTargets = append(rep.OverallTargets, f)
			continue
		case "subgoal":
			no, spec, _ := strings.Cut(rest, "|")
			k, err := strconv.Atoi(strings.TrimSpace(no))
			if err != nil {
				fail(n, "subgoal number: %v", err)
			}
			var g *report.SubGoal
			for i := range rep.SubGoals {
				if rep.SubGoals[i].No == k {
					g = &rep.SubGoals[i]
				}
			}
			if g == nil {
				rep.SubGoals = append(rep.SubGoals, report.SubGoal{No: k, Title: "分项" + no, At: report.Location{Pos: extract.Pos{Page: 1, Row: k}}})
				g = &rep.SubGoals[len(rep.SubGoals)-1]
			}
			g.Targets = append(g.Targets, parseFound(t, path, n, spec))
			continue
		case "project":
			code, name, _ := strings.Cut(rest, "|")
			rep.Projects = append(rep.Projects, report.Project{
				Seq: len(rep.Projects) + 1, Code: blank(strings.TrimSpace(code)), Name: strings.TrimSpace(name),
				Title: strings.TrimSpace(name), AmountUnit: "万元", DepartmentCode: "430001", DepartmentName: "测试单位",
				Budget:       report.Budget{Total: "100.00", Fiscal: "100.00"},
				Purpose:      "用于" + strings.TrimSpace(name),
				Goal:         "保障" + strings.TrimSpace(name) + "顺利实施，服务对象满意度达到90%以上",
				SpendingPlan: plan("25%", "50%", "75%", "100%"),
				At:           map[report.Key]report.Location{},
			})
			pr = &rep.Projects[len(rep.Projects)-1]
			table := 2*pr.Seq - 1
			for f, row := range map[report.Field]int{report.FieldCode: 1, report.FieldName: 2, report.FieldTotal: 3, report.FieldFiscal: 4, report.FieldOther: 5, report.FieldPurpose: 6, report.FieldGoal: 8} {
				pr.At[report.KeyOf(f)] = report.Location{Pos: extract.Pos{Page: pr.Seq, Table: table, Row: row, Col: 2}}
			}
			for k := 1; k <= 4; k++ {
				pr.At[report.CheckpointKey(k)] = report.Location{Pos: extract.Pos{Page: pr.Seq, Table: table, Row: 7, Col: 1 + k}}
			}
			continue
		}
		if pr == nil {
			fail(n, "%s before any project", key)
		}
		switch key {
		case "budget":
			f := strings.Fields(rest)
			for len(f) < 3 {
				f = append(f, "-")
			}
			pr.Budget = report.Budget{Total: blank(f[0]), Fiscal: blank(f[1]), Other: blank(f[2])}
		case "plan":
			pr.SpendingPlan = plan(strings.Fields(rest)...)
		case "noplan":
			pr.SpendingPlan = nil
		case "nocode":
			// A form with no 项目编码, 资金用途 or 资金支出计划 label.
			delete(pr.At, report.KeyOf(report.FieldCode))
			delete(pr.At, report.KeyOf(report.FieldPurpose))
		case "purpose":
			pr.Purpose = blank(rest)
		case "goal":
			pr.Goal = blank(rest)
		case "title":
			pr.Title = rest
		case "code":
			pr.Code = blank(rest)
		case "name":
			pr.Name = blank(rest)
		case "unit":
			pr.AmountUnit = rest
		case "deptcode":
			pr.DepartmentCode = rest
		case "clean":
			for _, l := range cleanIndicators {
				addIndicator(t, path, n, rep, pr, false, l)
			}
		case "ind":
			addIndicator(t, path, n, rep, pr, false, rest)
		case "split":
			rep.Layout = "split"
			addIndicator(t, path, n, rep, pr, true, rest)
		default:
			fail(n, "unknown line %q", key)
		}
	}
	return cases
}

var cleanIndicators = []string{
	"产出指标 | 数量指标 | 维修次数 | 反映全年维修的次数 | ≥12次 | 计划标准 @ num >= 12 次",
	"产出指标 | 质量指标 | 验收合格率 | 反映验收合格的比例 | ≥95% | 行业标准 @ num >= 95 %",
	"产出指标 | 时效指标 | 完成时间 | 反映项目完成的时间 | 2025年12月底前 | 计划标准 @ date 2025-12-31",
	"产出指标 | 成本指标 | 项目总成本 | 反映项目的总成本 | ≤100万元 | 计划标准 @ num <= 100 万元",
	"效益指标 | 社会效益指标 | 政策知晓率 | 反映政策的知晓程度 | ≥90% | 历史标准 @ num >= 90 %",
	"满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 反映服务对象的满意程度 | ≥90% | 行业标准 @ num >= 90 %",
}

func blank(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func plan(values ...string) []report.Checkpoint {
	periods := []string{"3月底", "6月底", "10月底", "12月底"}
	var out []report.Checkpoint
	for i, v := range values {
		p := fmt.Sprintf("节点%d", i+1)
		if len(values) == 4 {
			p = periods[i]
		}
		out = append(out, report.Checkpoint{Period: p, Value: blank(v)})
	}
	return out
}

func addIndicator(t *testing.T, path string, n int, rep *report.Report, pr *report.Project, split bool, spec string) {
	t.Helper()
	cells, tspec, hasT := strings.Cut(spec, "@")
	f := strings.Split(cells, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	names := []string{"level1", "level2", "level3", "description", "value", "basis", "weight"}
	if split {
		names = []string{"level1", "level2", "level3", "description", "nature", "value", "unit", "basis", "weight"}
	}
	if len(f) < len(names)-1 || len(f) > len(names) {
		t.Fatalf("%s:%d: indicator wants %d cells, has %d", path, n, len(names)-1, len(f))
	}
	ind := report.Indicator{Cols: map[string]int{}}
	dst := map[string]*string{
		"level1": &ind.Level1, "level2": &ind.Level2, "level3": &ind.Level3, "description": &ind.Description,
		"nature": &ind.Nature, "value": &ind.Value, "unit": &ind.Unit, "basis": &ind.Basis, "weight": &ind.Weight,
	}
	for i, v := range f {
		*dst[names[i]] = blank(v)
		ind.Cols[names[i]] = i + 1
	}
	ind.Location = report.Location{Pos: extract.Pos{Page: pr.Seq, Table: 2 * pr.Seq, Row: len(pr.Indicators) + 2}}
	ctx := normalize.Context{Year: rep.Year}
	switch {
	case hasT:
		ind.Target = parseTarget(t, path, n, strings.TrimSpace(tspec))
	case split:
		ind.Target = normalize.Split(ind.Nature, ind.Value, ind.Unit, ctx)
	default:
		ind.Target = normalize.Value(ind.Value, ctx)
	}
	pr.Indicators = append(pr.Indicators, ind)
}

func parseFound(t *testing.T, path string, n int, spec string) normalize.Found {
	t.Helper()
	cells, tspec, _ := strings.Cut(spec, "@")
	name, text, _ := strings.Cut(cells, "|")
	return normalize.Found{Name: strings.TrimSpace(name), Text: strings.TrimSpace(text), Target: parseTarget(t, path, n, strings.TrimSpace(tspec))}
}

func parseTarget(t *testing.T, path string, n int, spec string) normalize.Target {
	t.Helper()
	f := strings.Fields(spec)
	if len(f) == 0 {
		t.Fatalf("%s:%d: empty target", path, n)
	}
	dec := func(s string) decimal.Decimal {
		d, err := decimal.NewFromString(s)
		if err != nil {
			t.Fatalf("%s:%d: target number %q: %v", path, n, s, err)
		}
		return d
	}
	arg := func(i int) string {
		if i < len(f) {
			return f[i]
		}
		return ""
	}
	switch f[0] {
	case "num":
		return normalize.Target{Kind: normalize.Numeric, Op: arg(1), Value: dec(arg(2)), Unit: arg(3)}
	case "range":
		return normalize.Target{Kind: normalize.Range, Lower: dec(arg(1)), Upper: dec(arg(2)), Unit: arg(3), LowerInclusive: true, UpperInclusive: true}
	case "ref":
		return normalize.Target{Kind: normalize.Reference, Op: arg(1), Ref: arg(2)}
	case "qual":
		return normalize.Target{Kind: normalize.Qualitative, Level: arg(1)}
	case "date":
		return normalize.Target{Kind: normalize.Deadline, Date: arg(1)}
	case "unparsed":
		return normalize.Target{Kind: normalize.Unparsed}
	}
	t.Fatalf("%s:%d: unknown target %q", path, n, spec)
	return normalize.Target{}
}

// findingKey writes a finding's place in the want form: [R<n>] [P<seq>]
// [#<indicator>] [sub <no>] [field], or "-" for the report as a whole.
func findingKey(reps []*report.Report, ri int, f Finding) string {
	var parts []string
	if len(reps) > 1 {
		parts = append(parts, "R"+strconv.Itoa(ri+1))
	}
	if f.Location.Project != "" {
		seq := "P?"
		// Projects sharing a code (C204) are told apart by the table the
		// finding points at.
		for _, p := range reps[ri].Projects {
			if p.Code != f.Location.Project {
				continue
			}
			if seq == "P?" || p.At[report.KeyOf(report.FieldCode)].Table == f.Location.Table && f.Location.Table > 0 {
				seq = "P" + strconv.Itoa(p.Seq)
			}
		}
		parts = append(parts, seq)
	}
	if f.Location.Indicator > 0 {
		parts = append(parts, "#"+strconv.Itoa(f.Location.Indicator))
	}
	if f.Location.SubGoal > 0 {
		parts = append(parts, "sub "+strconv.Itoa(f.Location.SubGoal))
	}
	if f.Location.Field != "" {
		parts = append(parts, f.Location.Field)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// runCase checks the case's reports and returns the findings of rule id,
// each as its want key and its message.
func runCase(c *ruleCase, id string) (got []wanted) {
	r := Lookup(id)
	cfg := c.cfg
	checked := make([]*Checked, len(c.reports))
	for i, rep := range c.reports {
		checked[i] = &Checked{Report: rep}
	}
	if r.Batch != nil {
		CheckBatch(checked, cfg)
	} else {
		for i, rep := range c.reports {
			checked[i] = Check(rep, cfg)
		}
	}
	for ri, ch := range checked {
		for _, f := range ch.Findings {
			if f.Rule != id {
				continue
			}
			got = append(got, wanted{findingKey(c.reports, ri, f), f.Message})
		}
	}
	return got
}

// unmatched pairs each wanted finding with a finding at its place whose
// message holds its text, and returns what is left on either side.
func unmatched(got, want []wanted) (extra, missing []wanted) {
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && g.key == w.key && strings.Contains(g.message, w.message) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	for i, g := range got {
		if !used[i] {
			extra = append(extra, g)
		}
	}
	return extra, missing
}

func ruleFiles(t *testing.T) map[string]string {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[strings.TrimSuffix(filepath.Base(f), ".txt")] = f
	}
	return out
}
