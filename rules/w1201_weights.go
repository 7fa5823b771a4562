package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
	"github.com/shopspring/decimal"
)

var w1201 = &Rule{
	ID:       "W1201",
	Title:    "指标权重合计不等于100",
	Severity: Error,
	Doc: `在有“权重”（或“分值”）栏的指标表中，检查各指标的权重是否都是数字、合计是否为100。

为什么：权重决定年终自评的打分，合计不是100会使评分失真。表样把一部分分值给了预算执行（如“项目资金预算执行 10分”、年度资金总额一行的“分值”）时，指标分值与它合计为100。

如何修改：核对各指标权重，使合计为100；不设权重的指标填0。

示例：六个指标权重合计90 → 报告“权重合计90，应为100”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			has := false
			sum := decimal.Zero
			bad := -1
			for j := range pr.Indicators {
				ind := &pr.Indicators[j]
				if _, ok := ind.Cols["weight"]; !ok && ind.Weight == "" {
					continue
				}
				has = true
				w := strings.TrimSuffix(strings.TrimSuffix(normalize.Narrow(strings.TrimSpace(ind.Weight)), "分"), "%")
				if w == "" {
					continue
				}
				d, err := decimal.NewFromString(w)
				if err != nil {
					if bad < 0 {
						bad = j
					}
					continue
				}
				sum = sum.Add(d)
			}
			switch {
			case !has:
			case bad >= 0:
				p.Reportf(indicatorAt(pr, bad, "weight"), "指标“%s”的权重“%s”不是数字，权重应为数字且合计100", pr.Indicators[bad].Level3, pr.Indicators[bad].Weight)
			case !sum.Add(budgetPoints(pr)).Equal(hundred):
				p.Reportf(projectPart(pr, "indicators"), "项目“%s”的指标权重合计%s，应为100", projectLabel(pr), sum.String())
			}
		}
	},
}

// budgetPoints are the points a form gives to budget execution beside the
// indicators' (分值 in the budget rows), read into the project's extra.
func budgetPoints(pr *report.Project) decimal.Decimal {
	for k, v := range pr.Extra {
		if k != "分值" && !strings.HasSuffix(k, "/分值") {
			continue
		}
		v = strings.TrimSuffix(normalize.Narrow(strings.TrimSpace(v)), "分")
		if d, err := decimal.NewFromString(v); err == nil {
			return d
		}
	}
	return decimal.Zero
}
