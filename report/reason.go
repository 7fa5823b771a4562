package report

import (
	"errors"
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

// Reason says in Chinese, for the finance staff who submitted a file, why it
// could not be read: the reader's own errors here, extract's beside them
// (extract.Reason). The English error stays beside it for the logs.
func Reason(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrTableNotFound):
		return "项目表格无法识别：文件中有“项目编码”“一级指标”等栏目，但读不出表格（PDF 中的表格没有表格线？），请提交 .docx 或带表格线的 PDF"
	case errors.Is(err, ErrNotReport):
		msg := "不是绩效目标报告：找不到绩效目标表（项目名称、资金、绩效目标、一级/二级指标等栏目）或部门整体绩效目标"
		var nr *NotReportError
		if errors.As(err, &nr) {
			msg += fmt.Sprintf("；文件中是 %d 段文字、%d 个表格", nr.Paragraphs, nr.Tables)
			if nr.Beginning != "" {
				msg += "，开头为“" + nr.Beginning + "”"
			}
		}
		return msg
	}
	if r := extract.Reason(err); r != "" {
		return r
	}
	return "无法读取"
}

// Sentinels returns the sentinel errors of reading, extract's included,
// the more specific first.
func Sentinels() []error {
	return append([]error{ErrTableNotFound, ErrNotReport}, extract.Sentinels()...)
}
