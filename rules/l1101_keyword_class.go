package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var l1101 = &Rule{
	ID:       "L1101",
	Title:    "指标名称与所属二级指标不符",
	Severity: Warning,
	Doc: `检查产出指标下的三级指标是否放在了与其名称相符的二级指标下：含“准确/合格/达标/完好/质量”的属质量指标，含“及时/时限/时效/期限/按时”的属时效指标，含“满意”的属满意度指标，含“成本/费用/经费/单价”的属成本指标。

为什么：分类错误会使指标体系失衡（例如数量指标里其实没有数量），汇总统计也会出错。

如何修改：把指标移到相符的二级指标下，或改成与该二级指标相符的指标（数量指标应考核数量，如“支付笔数 =120笔”）。

示例：数量指标下的“资金支付准确性” → 报告“‘资金支付准确性’应属质量指标，不是数量指标”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			l1, l2 := p.kindOf(1, ind.Level1), p.kindOf(2, ind.Level2)
			if l1 != kindOutput && l1 != kindUnknown || l2 == kindUnknown {
				return
			}
			want := keywordKinds(ind.Level3)
			if want == 0 || want.has(l2) {
				return
			}
			var names []string
			for _, k := range []kind{kindQuality, kindTime, kindCost, kindSatisfaction} {
				if want.has(k) {
					names = append(names, kindName[k])
				}
			}
			p.Reportf(indicatorAt(pr, j, "level2"), "指标“%s”按名称应属%s，却放在“%s”下；应移到相符的二级指标，或改为考核%s的指标",
				ind.Level3, strings.Join(names, "或"), ind.Level2, strings.TrimSuffix(kindName[l2], "指标"))
		})
	},
}

var classKeywords = []struct {
	kind  kind
	words *normalize.Keywords
}{
	{kindSatisfaction, normalize.NewKeywords("满意")},
	{kindTime, normalize.NewKeywords("及时", "时限", "时效", "期限", "按时", "按期", "工期")},
	{kindQuality, normalize.NewKeywords("准确", "合格", "达标", "完好", "质量", "正确", "优良")},
	{kindCost, normalize.NewKeywords("成本", "费用", "经费", "单价")},
}

// kindSet is a set of kinds, one bit each: a map per indicator was most
// of L1101's cost.
type kindSet uint

func (s kindSet) has(k kind) bool { return s&(1<<k) != 0 }

// keywordKinds returns the 二级 categories an indicator name points to.
func keywordKinds(name string) kindSet {
	var out kindSet
	for _, ck := range classKeywords {
		if ck.words.In(name) {
			out |= 1 << ck.kind
		}
	}
	return out
}
