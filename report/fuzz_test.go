package report_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// FuzzRead feeds the reader documents made of fuzzed paragraphs and a
// fuzzed table ("|" separates cells, "\n" rows; "<" and "^" merge as in
// grid): it must not panic, and every indicator it reads must come from a
// row of a table.
func FuzzRead(f *testing.F) {
	f.Add("1.甲项目绩效目标表\n430001某单位 单位：万元", "项目编码|13073025P000000000001|项目名称|甲\n一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|数量|≥5辆\n^|质量指标|合格率|≥90%")
	f.Add("一、总体绩效目标\n目标\n二、分项绩效目标\n1.甲\n绩效指标：满意度90%以上", "资金支出计划（%）|3月底|<|6月底\n^|10%|<|")
	f.Add("", "一级指标|二级指标\n||\n合计|")
	f.Fuzz(func(t *testing.T, paras, table string) {
		var blocks []extract.Block
		for _, p := range strings.Split(paras, "\n") {
			blocks = append(blocks, para(p))
		}
		var rows [][]string
		for _, r := range strings.Split(table, "\n") {
			cells := strings.Split(r, "|")
			if len(cells) > 0 && (cells[0] == "<" || len(rows) == 0 && cells[0] == "^") {
				cells[0] = "x" // nothing to merge with
			}
			rows = append(rows, cells)
		}
		blocks = append(blocks, tab(grid(rows...)))
		rep, err := report.Read(&extract.Document{Path: "f.docx", Blocks: blocks})
		if err != nil {
			return
		}
		for _, p := range rep.Projects {
			for _, in := range p.Indicators {
				if in.Location.Table == 0 || in.Location.Row == 0 {
					t.Fatalf("indicator %+v without a table row", in)
				}
			}
		}
	})
}
