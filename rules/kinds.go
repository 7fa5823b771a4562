package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

// kind is the category of a 一级 or 二级 indicator, whichever of the legacy
// form (成本 under 产出) and the 2021 form (成本 as its own 一级) is used.
type kind int

const (
	kindUnknown      kind = iota
	kindOutput            // 产出指标
	kindCost              // 成本指标 / 成本 (二级 under 产出) / 经济成本 …
	kindBenefit           // 效益指标 / 效果指标
	kindSatisfaction      // 满意度指标
	kindQuantity          // 数量指标
	kindQuality           // 质量指标
	kindTime              // 时效指标
)

var kindName = map[kind]string{
	kindOutput: "产出指标", kindCost: "成本指标", kindBenefit: "效益指标", kindSatisfaction: "满意度指标",
	kindQuantity: "数量指标", kindQuality: "质量指标", kindTime: "时效指标",
}

// level1Kind classifies a 一级指标 label by its keywords.
func level1Kind(s string) kind {
	switch {
	case strings.Contains(s, "满意"):
		return kindSatisfaction
	case strings.Contains(s, "成本"):
		return kindCost
	case strings.Contains(s, "产出"):
		return kindOutput
	case strings.Contains(s, "效益"), strings.Contains(s, "效果"):
		return kindBenefit
	}
	return kindUnknown
}

// level2Kind classifies a 二级指标 label by its keywords.
func level2Kind(s string) kind {
	switch {
	case strings.Contains(s, "满意"):
		return kindSatisfaction
	case strings.Contains(s, "成本"):
		return kindCost
	case strings.Contains(s, "数量"):
		return kindQuantity
	case strings.Contains(s, "质量"):
		return kindQuality
	case strings.Contains(s, "时效"):
		return kindTime
	case strings.Contains(s, "效益"), strings.Contains(s, "可持续"), strings.Contains(s, "影响"):
		return kindBenefit
	}
	return kindUnknown
}

// isCost says whether an indicator is a cost indicator in either form.
func isCost(ind *report.Indicator) bool {
	return level1Kind(ind.Level1) == kindCost || level2Kind(ind.Level2) == kindCost
}

// isMoneyCost says whether a cost indicator should be an amount: 经济成本
// and the legacy 成本指标, not 社会成本 or 生态环境成本, whose values are
// often 无 or a described impact.
func isMoneyCost(ind *report.Indicator) bool {
	if !isCost(ind) {
		return false
	}
	for _, l := range []string{ind.Level1, ind.Level2} {
		if strings.Contains(l, "社会成本") || strings.Contains(l, "生态") {
			return false
		}
	}
	return true
}

// isRate says whether an indicator name is a rate (…率), whose value is a
// share of 100.
func isRate(name string) bool {
	return strings.HasSuffix(name, "率") || strings.HasSuffix(name, "满意度")
}

// isGrowth says whether a rate may legitimately exceed 100% (增长率 …).
func isGrowth(name string) bool { return growthWords.In(name) }

var growthWords = normalize.NewKeywords("增长", "增幅", "增速", "增加", "提高", "提升", "同比", "环比", "上涨")

// isMoneyUnit says whether a unit is an amount of money (元, 万元, 元/人 …).
func isMoneyUnit(u string) bool { return strings.Contains(u, "元") }

// hasTarget says whether the normalizer has read the value at all.
func hasTarget(t normalize.Target) bool { return t.Kind != "" }

// quantified says whether a target is a number or a range.
func quantified(t normalize.Target) bool {
	return t.Kind == normalize.Numeric || t.Kind == normalize.Range
}

// valueText is the indicator value as the reviewer sees it: the split
// layout's three cells joined.
func valueText(ind *report.Indicator) string {
	nature := ind.Nature
	if strings.Contains(nature, "定性") {
		nature = "" // a kind, not part of the value
	}
	return normalize.TrimSpace(nature + ind.Value + ind.Unit)
}

// levelLabel is a 一级 (level 1) or 二级 (level 2) label.
type levelLabel struct {
	level int
	label string
}

// kindOf classifies an indicator's label of the level, each distinct
// one once per report: most rules ask every indicator's kinds, and a
// report's indicators repeat a few labels.
func (p *Pass) kindOf(level int, label string) kind {
	k, ok := p.kinds[levelLabel{level, label}]
	if !ok {
		if level == 1 {
			k = level1Kind(label)
		} else {
			k = level2Kind(label)
		}
		if p.kinds == nil {
			p.kinds = map[levelLabel]kind{}
		}
		p.kinds[levelLabel{level, label}] = k
	}
	return k
}
