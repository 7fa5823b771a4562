package rules

var b1301 = &Rule{
	ID:       "B1301",
	Title:    "项目编码区划代码与全县多数不符（跨报告）",
	Severity: Error,
	Doc: `在一批报告中，检查项目编码的区划代码是否为本县代码：配置了 region_code 时用它，否则取全部报告项目编码前6位的多数。只报告单份检查（C202）看不出的情形——整份报告的编码都是另一个区划代码。

为什么：一份报告的编码全部来自其他地区，单看这份报告是一致的，只有与全县其他报告比较才能发现。

如何修改：核对该单位在本县预算系统中的项目编码。

示例：全县各报告编码都以130730开头，某单位的报告全部以130731开头 → 报告“区划代码130731与全县多数130730不符”。`,
	Batch: func(b *BatchPass) {
		if b.Region == "" {
			return
		}
		for i := range b.Docs {
			d := &b.Docs[i]
			own := b.Config.RegionCode
			if own == "" {
				own = batchRegion(b.Docs[i : i+1])
			}
			for _, pr := range d.Projects {
				r := codeRegion(pr.Code)
				if r == "" || r == b.Region || r != own {
					continue // matches, or single-report C202 reports it already
				}
				b.Reportf(d, pr.codeAt(), "项目编码“%s”的区划代码%s与本批报告多数项目的%s不符，应以%s开头", pr.Code, r, b.Region, b.Region)
			}
		}
	},
}
