package report_test

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

// The family of forms (../shared/DOMAIN.md): one small fixture per variant
// another province writes, built after the real forms of
// testdata/real-forms but with names and values of its own, so that a
// regression names the variant it breaks.

// row is one row of a grid: cells as grid takes them.
func row(cells ...string) []string { return cells }

// span is n cells of one merged cell: text, then "<" for the rest.
func span(text string, n int) []string {
	out := []string{text}
	for i := 1; i < n; i++ {
		out = append(out, "<")
	}
	return out
}

// line is a row holding one label and its value across the rest of a
// table n columns wide.
func line(label, value string, n int) []string {
	return append([]string{label}, span(value, n-1)...)
}

// formFields flattens a report into the fields the cases name: kind, year,
// department ("code|name"), overall_goal, projects (a count), department_indicators
// (a count); per project pN.name, pN.title, pN.code, pN.department,
// pN.budget ("total/fiscal/other"), pN.budget.total, pN.amount_unit,
// pN.goal, pN.goal_label, pN.mid_term_goal, pN.extra ("k=v; …") and
// pN.indicators (a count); per indicator pN.iM ("level1|level2|level3|value"),
// pN.iM.split ("nature|value|unit"), pN.iM.weight, .actual, .score,
// .deviation, .mid_term, .mid_term.target, .target and .extra. Department
// indicators go by d.iM.
func formFields(rep *report.Report) map[string]string {
	m := map[string]string{
		"kind":                  rep.Kind,
		"year":                  strconv.Itoa(rep.Year),
		"layout":                string(rep.Layout),
		"department":            rep.Department.Code + "|" + rep.Department.Name,
		"overall_goal":          rep.OverallGoal,
		"projects":              strconv.Itoa(len(rep.Projects)),
		"department_indicators": strconv.Itoa(len(rep.DepartmentIndicators)),
	}
	for i, p := range rep.Projects {
		k := "p" + strconv.Itoa(i+1)
		m[k+".name"] = p.Name
		m[k+".title"] = p.Title
		m[k+".code"] = p.Code
		m[k+".department"] = p.DepartmentCode + "|" + p.DepartmentName
		m[k+".budget"] = p.Budget.Total + "/" + p.Budget.Fiscal + "/" + p.Budget.Other
		m[k+".budget.total"] = p.Budget.Total
		m[k+".amount_unit"] = p.AmountUnit
		m[k+".goal"] = p.Goal
		m[k+".goal_label"] = p.GoalLabel
		m[k+".mid_term_goal"] = p.MidTermGoal
		m[k+".extra"] = extraString(p.Extra)
		m[k+".indicators"] = strconv.Itoa(len(p.Indicators))
		indicatorFields(m, k, p.Indicators)
	}
	indicatorFields(m, "d", rep.DepartmentIndicators)
	return m
}

func indicatorFields(m map[string]string, prefix string, inds []report.Indicator) {
	for j, in := range inds {
		k := prefix + ".i" + strconv.Itoa(j+1)
		m[k] = strings.Join([]string{in.Level1, in.Level2, in.Level3, in.Value}, "|")
		m[k+".split"] = strings.Join([]string{in.Nature, in.Value, in.Unit}, "|")
		m[k+".weight"] = in.Weight
		m[k+".actual"] = in.Actual
		m[k+".score"] = in.Score
		m[k+".deviation"] = in.Deviation
		m[k+".target"] = targetString(in.Target)
		m[k+".extra"] = extraString(in.Extra)
		if in.MidTerm != nil {
			m[k+".mid_term"] = in.MidTerm.Value
			m[k+".mid_term.target"] = targetString(in.MidTerm.Target)
		}
	}
}

func extraString(extra map[string]string) string {
	var kv []string
	for k, v := range extra {
		kv = append(kv, k+"="+v)
	}
	sort.Strings(kv)
	return strings.Join(kv, "; ")
}

// targetString is a numeric target as "numeric >= 1200 亩", other kinds by
// their kind and text.
func targetString(t normalize.Target) string {
	switch t.Kind {
	case normalize.Numeric:
		return strings.TrimSpace(fmt.Sprintf("numeric %s %s %s", t.Op, t.Value.String(), t.Unit))
	case normalize.Range:
		return strings.TrimSpace(fmt.Sprintf("range %s-%s %s", t.Lower.String(), t.Upper.String(), t.Unit))
	}
	return strings.TrimSpace(string(t.Kind) + " " + t.Text)
}

type formCase struct {
	name   string
	blocks []extract.Block
	want   map[string]string // fields of formFields; a field absent from the report reads ""
	err    []string          // for a document that is no form: what the error must say
}

// TestFormVariants reads one small form of each variant of the family and
// checks the fields the variant is about.
func TestFormVariants(t *testing.T) {
	for _, c := range formCases() {
		t.Run(c.name, func(t *testing.T) {
			rep, err := report.Read(&extract.Document{Path: "form.docx", Format: extract.DOCX, Blocks: c.blocks})
			if c.err != nil {
				if !errors.Is(err, report.ErrNotReport) {
					t.Fatalf("Read = %v, want an error wrapping ErrNotReport", err)
				}
				for _, s := range c.err {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not say %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := formFields(rep)
			keys := make([]string, 0, len(c.want))
			for k := range c.want {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if got[k] != c.want[k] {
					t.Errorf("%s\n got  %q\n want %q", k, got[k], c.want[k])
				}
			}
		})
	}
}

func formCases() []formCase {
	// The header of a plain indicator table four columns wide.
	header4 := row("一级指标", "二级指标", "三级指标", "指标值")
	return []formCase{
		// Table shapes.
		{
			name: "a/two-row header: 指标值 over last year's actual and this year's expected",
			blocks: []extract.Block{
				para("2022年城区路灯维护项目绩效目标表"),
				tab(grid(
					line("项目名称", "城区路灯维护", 5),
					line("年度资金总额", "80", 5),
					line("年度目标", "维护城区路灯3000盏，亮灯率不低于98%", 5),
					row("一级指标", "二级指标", "三级指标", "指标值", "<"),
					row("^", "^", "^", "2021年实际实现值", "预期2022年实现值"),
					row("产出指标", "数量指标", "维护路灯数量", "2800盏", "≥3000盏"),
					row("^", "质量指标", "路灯亮灯率", "96%", "≥98%"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"p1.name":         "城区路灯维护",
				"p1.budget.total": "80",
				"p1.goal":         "维护城区路灯3000盏，亮灯率不低于98%",
				"p1.indicators":   "2",
				"p1.i1":           "产出指标|数量指标|维护路灯数量|≥3000盏",
				"p1.i1.target":    "numeric >= 3000 盏",
				"p1.i1.extra":     "指标值/2021年实际实现值=2800盏",
				"p1.i2":           "产出指标|质量指标|路灯亮灯率|≥98%",
				"p1.i2.extra":     "指标值/2021年实际实现值=96%",
			},
		},
		{
			name: "b/parallel column groups: 中期 beside 年度 values and goals",
			blocks: []extract.Block{
				para("2023年乡村道路养护项目支出绩效目标申报表"),
				tab(grid(
					line("项目名称", "乡村道路养护", 5),
					row("项目资金（万元）", "中期资金总额", "300", "年度资金总额", "100"),
					row("总体目标", "中期目标", "<", "年度目标", "<"),
					row("^", "三年内养护乡村道路150公里", "<", "本年度养护乡村道路50公里", "<"),
					row("一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"),
					row("产出指标", "数量指标", "养护道路里程", "150公里", "50公里"),
					row("^", "质量指标", "养护路段优良率", "≥85%", "≥80%"),
				)),
			},
			want: map[string]string{
				"projects":              "1",
				"p1.name":               "乡村道路养护",
				"p1.budget.total":       "100",
				"p1.amount_unit":        "万元",
				"p1.goal":               "本年度养护乡村道路50公里",
				"p1.goal_label":         "年度目标",
				"p1.mid_term_goal":      "三年内养护乡村道路150公里",
				"p1.indicators":         "2",
				"p1.i1":                 "产出指标|数量指标|养护道路里程|50公里",
				"p1.i1.mid_term":        "150公里",
				"p1.i1.mid_term.target": "numeric = 150 公里",
				"p1.i2":                 "产出指标|质量指标|养护路段优良率|≥80%",
				"p1.i2.mid_term":        "≥85%",
				"p1.i2.extra":           "",
			},
		},
		{
			name: "c/no 三级 column: the indicator's name under 指标内容",
			blocks: []extract.Block{
				para("2020年度农村饮水安全巩固提升绩效目标表"),
				tab(grid(
					line("项目名称", "农村饮水安全巩固提升", 4),
					line("年度资金总额", "45", 4),
					line("年度目标", "巩固提升12个村的饮水安全", 4),
					row("一级指标", "二级指标", "指标内容", "指标值"),
					row("产出指标", "数量指标", "受益村数", "12个"),
					row("^", "质量指标", "水质达标率", "≥95%"),
					row("效益指标", "社会效益指标", "受益人口", "≥3000人"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "3",
				"p1.i1":         "产出指标|数量指标|受益村数|12个",
				"p1.i2":         "产出指标|质量指标|水质达标率|≥95%",
				"p1.i3":         "效益指标|社会效益指标|受益人口|≥3000人",
			},
		},
		{
			name: "d/满意度 merged across the 一级 and 二级 columns",
			blocks: []extract.Block{
				para("2023年职业技能培训项目绩效目标表"),
				tab(grid(
					line("项目名称", "职业技能培训", 4),
					line("年度资金总额", "36", 4),
					header4,
					row("产出指标", "数量指标", "培训人次", "≥500人次"),
					row("服务对象满意度指标", "<", "参训学员满意度", "≥90%"),
					row("^", "<", "用人单位满意度", "≥85%"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "3",
				"p1.i1":         "产出指标|数量指标|培训人次|≥500人次",
				"p1.i2":         "服务对象满意度指标||参训学员满意度|≥90%",
				"p1.i3":         "服务对象满意度指标||用人单位满意度|≥85%",
			},
		},
		{
			name: "e/header shifted: 一级指标 over a 绩效指标 block label and the level-1 column",
			blocks: []extract.Block{
				para("2023年城乡公厕建设项目绩效目标表"),
				tab(grid(
					line("项目名称", "城乡公厕建设", 5),
					line("年度资金总额", "90", 5),
					line("年度目标", "新建城乡公厕6座", 5),
					row("一级指标", "<", "二级指标", "三级指标", "指标值"),
					row("绩效指标", "产出指标", "数量指标", "新建公厕数量", "≥6座"),
					row("^", "^", "成本指标", "单座建设成本", "≤15万元"),
					row("^", "效益指标", "社会效益指标", "受益群众人数", "≥2000人"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "3",
				"p1.i1":         "产出指标|数量指标|新建公厕数量|≥6座",
				"p1.i2":         "产出指标|成本指标|单座建设成本|≤15万元",
				"p1.i3":         "效益指标|社会效益指标|受益群众人数|≥2000人",
			},
		},
		{
			name: "f/split value columns 指标性质 | 指标值 | 度量单位",
			blocks: []extract.Block{
				para("2023年植树造林项目绩效目标表"),
				tab(grid(
					line("项目名称", "植树造林", 6),
					line("年度资金总额", "150", 6),
					line("年度目标", "新增造林面积1200亩", 6),
					row("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"),
					row("产出指标", "数量指标", "新增造林面积", "≥", "1200", "亩"),
					row("^", "质量指标", "苗木成活率", "≥", "85", "%"),
					row("效益指标", "生态效益指标", "水土保持状况", "定性", "有所改善", ""),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"layout":          "split",
				"p1.indicators":   "3",
				"p1.i1":           "产出指标|数量指标|新增造林面积|1200",
				"p1.i1.split":     "≥|1200|亩",
				"p1.i1.target":    "numeric >= 1200 亩",
				"p1.i2.split":     "≥|85|%",
				"p1.i2.target":    "numeric >= 85 %",
				"p1.i3":           "效益指标|生态效益指标|水土保持状况|有所改善",
				"p1.i3.split":     "定性|有所改善|",
				"p1.i1.extra":     "",
				"p1.budget.total": "150",
			},
		},
		{
			name: "f/split value columns 计算符号 | 目标值 | 度量单位",
			blocks: []extract.Block{
				para("2023年河道巡查保洁项目绩效目标表"),
				tab(grid(
					line("项目名称", "河道巡查保洁", 6),
					line("年度资金总额", "75", 6),
					row("一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位"),
					row("产出指标", "数量指标", "巡查河道长度", "=", "260", "公里"),
					row("^", "时效指标", "问题整改及时率", "≥", "95", "%"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"layout":        "split",
				"p1.indicators": "2",
				"p1.i1":         "产出指标|数量指标|巡查河道长度|260",
				"p1.i1.split":   "=|260|公里",
				"p1.i1.target":  "numeric = 260 公里",
				"p1.i2.split":   "≥|95|%",
				"p1.i2.target":  "numeric >= 95 %",
			},
		},
		{
			name: "g/weight column 权重",
			blocks: []extract.Block{
				para("2023年困难群众慰问项目绩效目标表"),
				tab(grid(
					line("项目名称", "困难群众慰问", 5),
					line("年度资金总额", "20", 5),
					row("一级指标", "二级指标", "三级指标", "指标值", "权重"),
					row("产出指标", "数量指标", "慰问困难群众人数", "≥400人", "40"),
					row("效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "30"),
					row("满意度指标", "服务对象满意度指标", "受助群众满意度", "≥90%", "30"),
				)),
			},
			want: map[string]string{
				"projects":       "1",
				"p1.indicators":  "3",
				"p1.i1":          "产出指标|数量指标|慰问困难群众人数|≥400人",
				"p1.i1.weight":   "40",
				"p1.i2.weight":   "30",
				"p1.i3":          "满意度指标|服务对象满意度指标|受助群众满意度|≥90%",
				"p1.i3.weight":   "30",
				"p1.i1.extra":    "",
				"p1.i1.split":    "|≥400人|",
				"p1.i1.actual":   "",
				"p1.i1.score":    "",
				"p1.i3.mid_term": "",
			},
		},
		{
			name: "g/weight column 分值",
			blocks: []extract.Block{
				para("2023年老旧小区改造项目绩效目标表"),
				tab(grid(
					line("项目名称", "老旧小区改造", 5),
					line("年度资金总额", "680", 5),
					row("一级指标", "二级指标", "三级指标", "指标值", "分值"),
					row("产出指标", "数量指标", "改造小区个数", "8个", "50"),
					row("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "50"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "2",
				"p1.i1":         "产出指标|数量指标|改造小区个数|8个",
				"p1.i1.weight":  "50",
				"p1.i2.weight":  "50",
				"p1.i1.score":   "",
				"p1.extra":      "",
			},
		},
		{
			name: "h/one character a line: vertical block, goal and level-1 labels",
			blocks: []extract.Block{
				para("2023年村级光伏电站运维项目绩效目标表"),
				tab(grid(
					line("项目名称", "村级光伏电站运维", 5),
					row("资金情况", "年度资金总额", "60", "<", "<"),
					line("总\n体\n目\n标", "年度目标", 5),
					row("^", "保障8座村级光伏电站正常发电", "<", "<", "<"),
					row("绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "指标值"),
					row("^", "产\n出\n指\n标", "数量指标", "运维电站数量", "8座"),
					row("^", "^", "时效指标", "故障修复时间", "≤48小时"),
					row("^", "效\n益\n指\n标", "经济效益指标", "年发电收益", "≥40万元"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"p1.budget.total": "60",
				"p1.goal":         "保障8座村级光伏电站正常发电",
				"p1.goal_label":   "年度目标",
				"p1.indicators":   "3",
				"p1.i1":           "产出指标|数量指标|运维电站数量|8座",
				"p1.i2":           "产出指标|时效指标|故障修复时间|≤48小时",
				"p1.i3":           "效益指标|经济效益指标|年发电收益|≥40万元",
			},
		},
		{
			name: "i/labels with markers and qualifiers",
			blocks: []extract.Block{
				para("2023年社区图书室建设项目绩效目标表"),
				tab(grid(
					line("*项目名称", "社区图书室建设", 4),
					line("1.年度资金总额", "16", 4),
					line("*年度绩效目标（文字）", "新建社区图书室4个", 4),
					row("一级指标", "二级指标（长期）", "三级指标", "指标值（或计划水平）"),
					row("产出指标", "数量指标", "指标1：新建图书室数量", "4个"),
					row("^", "^", "指标2：新增藏书册数", "≥8000册"),
				)),
			},
			want: map[string]string{
				"projects":         "1",
				"p1.name":          "社区图书室建设",
				"p1.budget.total":  "16",
				"p1.goal":          "新建社区图书室4个",
				"p1.goal_label":    "年度绩效目标",
				"p1.mid_term_goal": "",
				"p1.indicators":    "2",
				// A 指标N： marker on a level-3 cell is its text, kept as written.
				"p1.i1":          "产出指标|数量指标|指标1：新建图书室数量|4个",
				"p1.i1.mid_term": "",
				"p1.i2":          "产出指标|数量指标|指标2：新增藏书册数|≥8000册",
				"p1.extra":       "",
			},
		},
		{
			name: "i/unit in a block label, label and value in one cell after a colon",
			blocks: []extract.Block{
				para("2021年度校舍维修改造项目绩效目标表"),
				tab(grid(
					line("项目名称", "校舍维修改造", 4),
					line("项目资金（万元）", "年度资金总额：28", 4),
					line("^", "其中：上级资金28", 4),
					line("年度目标", "维修改造校舍1200平方米", 4),
					header4,
					row("产出指标", "数量指标", "维修校舍面积", "1200平方米"),
				)),
			},
			want: map[string]string{
				"projects":       "1",
				"p1.name":        "校舍维修改造",
				"p1.budget":      "28/28/",
				"p1.amount_unit": "万元",
				"p1.goal":        "维修改造校舍1200平方米",
				"p1.indicators":  "1",
			},
		},
		{
			name: "i/label and value with its unit in one cell without a colon",
			blocks: []extract.Block{
				para("2023年农贸市场改造项目绩效目标表"),
				tab(grid(
					line("项目名称", "农贸市场改造", 4),
					span("资金总额 1200万元", 4),
					line("年度目标", "改造农贸市场3个", 4),
					header4,
					row("产出指标", "数量指标", "改造市场个数", "3个"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"p1.budget.total": "1200万元",
				"p1.amount_unit":  "万元",
				"p1.goal":         "改造农贸市场3个",
			},
		},
		{
			name: "j/self-evaluation form",
			blocks: []extract.Block{
				tab(grid(
					span("2023年度项目支出绩效自评表", 10),
					line("项目名称", "农村公路养护补助", 10),
					line("年度资金总额", "240", 10),
					line("年度总体目标", "完成农村公路养护120公里", 10),
					row("一级指标", "二级指标", "三级指标", "年度指标值", "<", "<", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
					row("^", "^", "^", "指标性质", "指标值", "度量单位", "^", "^", "^", "^"),
					row("产出指标", "数量指标", "养护公路里程", "≥", "120", "公里", "118公里", "20", "18", "两段路面因汛期顺延，下年度优先安排"),
					row("^", "质量指标", "养护路段合格率", "≥", "95", "%", "97%", "20", "20", ""),
				)),
			},
			want: map[string]string{
				"kind":            "self_evaluation",
				"year":            "2023",
				"projects":        "1",
				"p1.name":         "农村公路养护补助",
				"p1.budget.total": "240",
				"p1.goal":         "完成农村公路养护120公里",
				"p1.indicators":   "2",
				"p1.i1":           "产出指标|数量指标|养护公路里程|120",
				"p1.i1.split":     "≥|120|公里",
				"p1.i1.target":    "numeric >= 120 公里",
				"p1.i1.actual":    "118公里",
				"p1.i1.weight":    "20",
				"p1.i1.score":     "18",
				"p1.i1.deviation": "两段路面因汛期顺延，下年度优先安排",
				"p1.i2":           "产出指标|质量指标|养护路段合格率|95",
				"p1.i2.split":     "≥|95|%",
				"p1.i2.actual":    "97%",
				"p1.i2.weight":    "20",
				"p1.i2.score":     "20",
				"p1.i2.deviation": "",
				"p1.i1.extra":     "",
			},
		},

		// Documents around the form.
		{
			name: "k/title after an 附件2 paragraph, with a （2023年度） suffix",
			blocks: []extract.Block{
				para("附件2"),
				para("农村生活污水治理项目支出绩效目标申报表（2023年度）"),
				tab(smallForm("农村生活污水治理", "320", "完成5个行政村生活污水治理")),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2023",
				"p1.title":      "农村生活污水治理项目支出绩效目标申报表（2023年度）",
				"p1.name":       "农村生活污水治理",
				"p1.indicators": "1",
			},
		},
		{
			name: "k/title with a （基础设施建设类） suffix and the year on its own line",
			blocks: []extract.Block{
				para("附件2"),
				para("农村危房改造项目支出绩效目标申报表（基础设施建设类）"),
				para("（2023年度）"),
				tab(smallForm("农村危房改造", "210", "完成农村危房改造70户")),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2023",
				"p1.title":      "农村危房改造项目支出绩效目标申报表（基础设施建设类）",
				"p1.name":       "农村危房改造",
				"p1.indicators": "1",
			},
		},
		{
			name: "k/title with （2023年度）（打捆项目） suffixes",
			blocks: []extract.Block{
				para("高标准农田建设项目支出绩效目标申报表（2023年度）（打捆项目）"),
				tab(smallForm("高标准农田建设", "1500", "建成高标准农田1万亩")),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2023",
				"p1.name":       "高标准农田建设",
				"p1.indicators": "1",
			},
		},
		{
			name: "l/title, form name and year rows inside the table",
			blocks: []extract.Block{
				tab(grid(
					span("附表1", 5),
					span("绩效目标申报表", 5),
					span("（2021年度）", 5),
					line("项目名称", "小型农田水利设施维修", 5),
					row("主管部门", "某某县水务局", "<", "实施单位", "某某县水利工程管理站"),
					row("资金情况", "年度资金总额：", "<", "85", "<"),
					row("^", "其中：财政拨款", "<", "85", "<"),
					row("^", "其他资金", "<", "", "<"),
					line("年度目标", "维修灌溉渠道15公里", 5),
					row("一级指标", "二级指标", "三级指标", "指标值", "<"),
					row("产出指标", "数量指标", "维修渠道长度", "15公里", "<"),
				)),
			},
			want: map[string]string{
				"projects":         "1",
				"year":             "2021",
				"p1.title":         "绩效目标申报表",
				"p1.name":          "小型农田水利设施维修",
				"p1.code":          "",
				"p1.department":    "|某某县水务局",
				"p1.budget":        "85/85/",
				"p1.goal":          "维修灌溉渠道15公里",
				"p1.mid_term_goal": "",
				"p1.extra":         "",
				"p1.indicators":    "1",
				"p1.i1":            "产出指标|数量指标|维修渠道长度|15公里",
			},
		},
		{
			name: "m/notice letter naming the form as its attachment",
			blocks: []extract.Block{
				para("关于下达2022年农业产业发展资金的通知"),
				para("各乡镇人民政府："),
				para("现将2022年农业产业发展资金300万元下达你单位，请抓紧开展绩效目标填报和审核工作。"),
				para("附件：农业产业发展资金绩效目标表"),
				para("某某县财政局"),
				para("2022年3月1日"),
				tab(grid(
					span("附件：", 4),
					span("农业产业发展资金绩效目标申报表", 4),
					line("项目名称", "特色种植基地建设", 4),
					line("年度资金总额", "300", 4),
					line("年度目标", "建设特色种植基地2个", 4),
					header4,
					row("产出指标", "数量指标", "新建种植基地", "2个"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"overall_goal":    "",
				"p1.title":        "农业产业发展资金绩效目标申报表",
				"p1.name":         "特色种植基地建设",
				"p1.budget.total": "300",
				"p1.indicators":   "1",
			},
		},
		{
			name: "n/allocation table with a two-row header before the form",
			blocks: []extract.Block{
				para("附件1"),
				para("2023年残疾人两项补贴资金安排表"),
				para("单位：元"),
				tab(grid(
					row("单  位", "全年补助资金", "其中：困难残疾人生活补贴", "<", "其中：重度残疾人护理补贴", "<"),
					row("^", "^", "小计", "本次下达", "小计", "本次下达"),
					row("某某镇", "1,200,000", "600,000", "150,000", "600,000", "150,000"),
				)),
				para("附件2"),
				tab(grid(
					span("残疾人两项补贴资金绩效目标表", 4),
					span("（2023年度）", 4),
					line("资金名称", "残疾人两项补贴", 4),
					line("年度金额（万元）", "120", 4),
					line("年度目标", "按时足额发放残疾人两项补贴", 4),
					header4,
					row("产出指标", "数量指标", "补贴发放人次", "≥800人次"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2023",
				"p1.name":         "残疾人两项补贴",
				"p1.budget.total": "120",
				"p1.amount_unit":  "万元",
				"p1.indicators":   "1",
			},
		},
		{
			name: "o/department code in brackets before its name",
			blocks: []extract.Block{
				para("2023年河道清淤项目绩效目标表"),
				tab(grid(
					line("项目名称", "河道清淤", 4),
					row("主管部门及代码", "[305]某某区水利局", "实施单位", "某某区河道管理所"),
					line("年度资金总额", "50", 4),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"department":    "305|某某区水利局",
				"p1.department": "305|某某区水利局",
			},
		},
		{
			name: "o/department code and a space before its name",
			blocks: []extract.Block{
				para("2023年保障性住房维修项目绩效目标表"),
				tab(grid(
					line("项目名称", "保障性住房维修", 4),
					line("预算单位", "306002 某某区住房和城乡建设局", 4),
					line("年度资金总额", "120", 4),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"department":    "306002|某某区住房和城乡建设局",
				"p1.department": "306002|某某区住房和城乡建设局",
			},
		},
		{
			name: "o/department code after its name",
			blocks: []extract.Block{
				para("2023年市容环境整治项目绩效目标表"),
				tab(grid(
					line("项目名称", "市容环境整治", 4),
					line("主管部门及其编码", "某某市城市管理局 308001", 4),
					line("年度资金总额", "95", 4),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"department":    "308001|某某市城市管理局",
				"p1.department": "308001|某某市城市管理局",
			},
		},
		{
			name: "o/department without a code",
			blocks: []extract.Block{
				para("2023年基层医疗机构能力提升项目绩效目标表"),
				tab(grid(
					line("项目名称", "基层医疗机构能力提升", 4),
					line("预算单位", "区卫生健康局", 4),
					line("年度资金总额", "130", 4),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"department":    "|区卫生健康局",
				"p1.department": "|区卫生健康局",
			},
		},
		{
			name: "p/department-level form titled in its first row",
			blocks: []extract.Block{
				tab(grid(
					span("部门整体绩效目标", 6),
					span("基本信息", 6),
					row("部门编码：", "402", "部门名称：", "某某县文化广电旅游局", "*联系人：", "李某"),
					span("年度绩效目标", 6),
					line("*年度绩效总目标", "保障全县公共文化场馆免费开放，全年开展文化惠民活动120场", 6),
					row("一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位"),
					row("产出指标", "数量指标", "文化惠民活动场次", "≥", "120", "场"),
					row("^", "质量指标", "场馆开放达标率", "≥", "95", "%"),
					row("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"),
				)),
			},
			want: map[string]string{
				"projects":              "0",
				"department":            "402|某某县文化广电旅游局",
				"overall_goal":          "保障全县公共文化场馆免费开放，全年开展文化惠民活动120场",
				"department_indicators": "3",
				"d.i1":                  "产出指标|数量指标|文化惠民活动场次|120",
				"d.i1.split":            "≥|120|场",
				"d.i1.target":           "numeric >= 120 场",
				"d.i2":                  "产出指标|质量指标|场馆开放达标率|95",
				"d.i3":                  "满意度指标|服务对象满意度指标|群众满意度|90",
			},
		},
		{
			name: "p/department-level form under a title paragraph",
			blocks: []extract.Block{
				para("2024年部门整体支出绩效目标表"),
				tab(grid(
					row("部门名称", "某某区司法局", "部门编码", "517"),
					row("部门预算（万元）", "基本支出：620", "项目支出：240", ""),
					line("年度绩效总目标", "开展普法宣传活动60场，人民调解成功率不低于95%", 4),
					header4,
					row("产出指标", "数量指标", "普法宣传活动场次", "≥60场"),
					row("效益指标", "社会效益指标", "人民调解成功率", "≥95%"),
				)),
			},
			want: map[string]string{
				"projects":              "0",
				"year":                  "2024",
				"department":            "517|某某区司法局",
				"overall_goal":          "开展普法宣传活动60场，人民调解成功率不低于95%",
				"department_indicators": "2",
				"d.i1":                  "产出指标|数量指标|普法宣传活动场次|≥60场",
				"d.i2":                  "效益指标|社会效益指标|人民调解成功率|≥95%",
			},
		},
		{
			name: "q/letter with an allocation table: no form at all",
			blocks: []extract.Block{
				para("关于拨付村级组织运转经费的通知"),
				para("各乡镇人民政府："),
				para("现将村级组织运转经费拨付你们，分配情况见下表。"),
				tab(grid(
					row("乡镇", "村数", "金额（万元）"),
					row("城关镇", "12", "36"),
					row("合计", "12", "36"),
				)),
			},
			err: []string{"form.docx", "found instead", "关于拨付村级组织运转经费的通知"},
		},
	}
}

// smallForm is a plain form four columns wide: name, budget, goal and one
// indicator.
func smallForm(name, total, goal string) *extract.Table {
	return grid(
		line("项目名称", name, 4),
		line("年度资金总额", total, 4),
		line("年度目标", goal, 4),
		row("一级指标", "二级指标", "三级指标", "指标值"),
		row("产出指标", "数量指标", "完成任务数", "≥1项"),
	)
}
