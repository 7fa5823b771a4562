package rules

import (
	"fmt"

	"github.com/jixiao/jixiao/report"
)

var o1501 = &Rule{
	ID:       "O1501",
	Title:    "识别不确定的单元格",
	Severity: Info,
	Doc: fmt.Sprintf(`列出扫描件（没有文字层、经文字识别 OCR 读取的 PDF）中识别把握不足的单元格和段落：识别置信度低于 %.2f。

为什么：盖章、倾斜、分辨率低或字迹不清时，文字识别可能认错字（如把“量”认成“日里”、把“%%”认成“94”）。置信度是识别模型对每个字的把握（逐字最大概率）的平均值；低于阈值的内容需要对照原件核对，其他规则据此得出的结论也可能有误：在这些单元格上报出的错误，消息末尾会注明“可能识别有误，请先核对原件”。

如何修改：对照纸质原件或扫描图像核对该单元格；最好请填报单位提交带文字层的 PDF 或 Word 原文件。

示例：扫描件中“≥4辆”识别置信度 0.62 → 提示“识别不确定，请人工核对：“≥4辆”（置信度 0.62）”。`, report.UncertainBelow),
	Check: func(p *Pass) {
		for _, u := range p.Report.Uncertain {
			p.Reportf(u.Location, "识别不确定，请人工核对：“%s”（置信度 %.2f）", u.Text, u.Location.Confidence)
		}
	},
}

// noteUncertain adds to each error found at a cell read by OCR with a low
// confidence that the error may be the reading's: the reviewer checks the
// paper before sending the error back.
func noteUncertain(rep *report.Report, fs []Finding) {
	if len(rep.Uncertain) == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		if f.Severity != Error || f.Rule == o1501.ID || f.Location.Table == 0 || f.Location.Row == 0 {
			continue
		}
		for _, u := range rep.Uncertain {
			l := u.Location
			if l.Table == f.Location.Table && l.Row == f.Location.Row && (f.Location.Col == 0 || l.Col == f.Location.Col) {
				f.Message += fmt.Sprintf("（该处为扫描件文字识别结果，置信度 %.2f，可能识别有误，请先核对原件）", l.Confidence)
				break
			}
		}
	}
}
