package rules

var p501 = &Rule{
	ID:       "P501",
	Title:    "资金支出计划有空白节点",
	Severity: Error,
	Doc: `检查资金支出计划（%）的每个时间节点（如3月底、6月底、10月底、12月底）是否都填写了累计支出比例。

为什么：支出计划是执行监控的依据，空白节点无法考核预算执行进度；确实在某节点前不支出的，应填“0%”。

如何修改：在每个节点填写截至该时点的累计支出比例，不支出的填0%。

示例：3月底、6月底、10月底为空，12月底100% → 在每个空白节点报告“资金支出计划‘3月底’未填写”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			for k, c := range pr.SpendingPlan {
				if c.Value == "" {
					p.Reportf(checkpointAt(pr, k+1), "资金支出计划“%s”未填写，应填写截至该时点的累计支出比例（不支出填0%%）", c.Period)
				}
			}
		}
	},
}
