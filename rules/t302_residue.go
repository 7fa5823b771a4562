package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var t302 = &Rule{
	ID:       "T302",
	Title:    "文本中有格式转换残留",
	Severity: Warning,
	Doc: `检查项目名称、资金用途、绩效目标和各指标单元格中是否有文档转换留下的标记：书签“[bookmark: …]”、域代码（HYPERLINK、MERGEFORMAT、PAGEREF、_Toc）、乱码替换符“�”、控制字符或私用区字符。

为什么：这些内容不是填报人写的文字，说明报告经过PDF/网页转换或从其他文档粘贴，可能还有内容丢失。

如何修改：在原文档中删去残留标记，核对前后文字是否完整。

示例：资金用途“[bookmark: _Toc123]用于公车购置” → 报告“资金用途中有转换残留‘[bookmark:’”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			for _, f := range []struct {
				at          report.Field
				label, text string
			}{
				{report.FieldName, "项目名称", pr.Name}, {report.FieldPurpose, "资金用途", pr.Purpose}, {report.FieldGoal, "绩效目标", pr.Goal},
			} {
				if m := residue(f.text); m != "" {
					p.Reportf(projectAt(pr, f.at), "%s中有格式转换残留“%s”，应删去并核对原文", f.label, m)
				}
			}
			for j := range pr.Indicators {
				ind := &pr.Indicators[j]
				for _, f := range []struct{ field, label, text string }{
					{"level3", "三级指标", ind.Level3}, {"description", "绩效指标描述", ind.Description},
					{"value", "指标值", ind.Value}, {"basis", "指标值确定依据", ind.Basis},
				} {
					if m := residue(f.text); m != "" {
						p.Reportf(indicatorAt(pr, j, f.field), "%s“%s”中有格式转换残留“%s”，应删去并核对原文", f.label, f.text, m)
					}
				}
			}
		}
		rep := p.Report
		if m := residue(rep.OverallGoal); m != "" {
			loc := rep.OverallGoalAt
			loc.Field = "overall_goal"
			p.Reportf(loc, "总体绩效目标中有格式转换残留“%s”，应删去并核对原文", m)
		}
	},
}

var residueMarks = []string{"[bookmark", "bookmark:", "HYPERLINK", "MERGEFORMAT", "PAGEREF", "_Toc", "\\* ", "\ufffd"}

// residueStarts are the runes residue looks at: the marks' first
// characters, control and private-use characters. Most texts hold none,
// and mayHoldResidue tells so without decoding their runes.
var residueStarts = func() (rs normalize.RuneStarts) {
	for _, m := range residueMarks {
		r, _ := utf8.DecodeRuneInString(m)
		rs.Add(r)
	}
	for _, t := range []*unicode.RangeTable{unicode.Cc, unicode.Co} {
		for _, rg := range t.R16 {
			rs.AddRange(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
		}
		for _, rg := range t.R32 {
			rs.AddRange(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
		}
	}
	return rs
}()

// mayHoldResidue is false when no rune of s is one residue looks at. A
// broken UTF-8 sequence reads as U+FFFD, a mark's first character, but
// holds no mark, so it need not be looked at.
func mayHoldResidue(s string) bool {
	for i := 0; i < len(s); i++ {
		if residueStarts.At(s, i) {
			return true
		}
	}
	return false
}

// residue returns the first conversion mark in s (in residueMarks' order),
// else the first control or private-use character; "" when there is none.
// T302 asks this of every name and indicator, and most hold none of the
// runes it looks at, which mayHoldResidue tells in one pass.
func residue(s string) string {
	if !mayHoldResidue(s) {
		return ""
	}
	for _, m := range residueMarks {
		if strings.Contains(s, m) {
			return m
		}
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Co, r) {
			return fmt.Sprintf("U+%04X", r)
		}
	}
	return ""
}
