package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v609 = &Rule{
	ID:       "V609",
	Title:    "运算符与指标方向相反",
	Severity: Warning,
	Doc: `检查运算符是否与指标的方向一致：越小越好的指标（投诉率、差错率、事故发生率、成本、费用）不应写“≥/不低于”，越大越好的指标（满意度、合格率、完成率、及时率、覆盖率）不应写“≤/不超过”。

为什么：方向写反的目标“越差越达标”，通常是复制其他指标后没有改运算符。

如何修改：越小越好的指标用“≤”，越大越好的用“≥”。

示例：“群众投诉率 ≥5%” → 报告“越小越好的指标不应使用‘≥’”；“服务对象满意度 ≤90%” → 报告“越大越好的指标不应使用‘≤’”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			t := ind.Target
			if t.Kind != normalize.Numeric {
				return
			}
			up := t.Op == ">=" || t.Op == ">"
			down := t.Op == "<=" || t.Op == "<"
			switch polarity(ind) {
			case -1:
				if up {
					p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”越小越好，目标“%s”却使用“%s”，应改为“≤”", ind.Level3, valueText(ind), normalize.OpSign(t.Op))
				}
			case 1:
				if down {
					p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”越大越好，目标“%s”却使用“%s”，应改为“≥”", ind.Level3, valueText(ind), normalize.OpSign(t.Op))
				}
			}
		})
	},
}

var (
	lowerBetter  = normalize.NewKeywords("投诉", "差错", "错误率", "事故", "失误", "发生率", "返工", "不合格", "超支", "违规", "违纪", "故障率", "误差", "损耗", "流失", "死亡", "逾期", "延误", "空置", "闲置")
	higherBetter = normalize.NewKeywords("满意", "合格率", "完成率", "达标率", "及时率", "覆盖率", "准确率", "知晓率", "完好率", "到位率", "执行率", "通过率", "验收合格", "普及率", "成活率", "出勤率", "参与率")
)

// polarity is -1 for an indicator that should be small, 1 for one that
// should be large, 0 when unknown.
func polarity(ind *report.Indicator) int {
	name := ind.Level3
	if lowerBetter.In(name) {
		return -1
	}
	if isCost(ind) && isMoneyUnit(ind.Target.Unit) {
		return -1
	}
	if higherBetter.In(name) {
		return 1
	}
	return 0
}
