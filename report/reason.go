package report

import (
	"errors"
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

// Reason says in Chinese, for the finance staff who submitted a file, why it
// could not be read. The English error stays beside it for the logs.
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
	case errors.Is(err, extract.ErrLegacyFormat):
		return "旧版 Word（.doc）或 WPS 格式，请另存为 .docx 或 PDF 后再提交"
	case errors.Is(err, extract.ErrUnknownFormat):
		return "不是 .docx 或 .pdf 文件"
	case errors.Is(err, extract.ErrTooManyPages):
		return fmt.Sprintf("页数超过上限（%d 页），已拒绝读取", extract.MaxPDFPages)
	case errors.Is(err, extract.ErrTooLarge):
		return "文件或其中的部件过大，已拒绝读取（可能是压缩炸弹）"
	case errors.Is(err, extract.ErrTooDeep):
		return fmt.Sprintf("文档嵌套过深（表格或文本框嵌套超过 %d 层，或 XML 元素嵌套超过 %d 层），已拒绝读取", extract.MaxDOCXNesting, extract.MaxDOCXElementDepth)
	case errors.Is(err, extract.ErrTooManyCells):
		return fmt.Sprintf("表格单元格数超过上限（每行 %d 列、每个表格 %d 格、全文 %d 格），已拒绝读取", extract.MaxDOCXTableCols, extract.MaxDOCXTableSlots, extract.MaxDOCXSlots)
	case errors.Is(err, extract.ErrTooManyElements):
		return fmt.Sprintf("文档内容过多（段落、表格、行和单元格共超过 %d 个，或样式、编号等部件超过 %d 个标记），已拒绝读取", extract.MaxDOCXElements, extract.MaxDOCXPartTags)
	case errors.Is(err, extract.ErrEncrypted):
		return "文件已加密，需要密码才能读取"
	case errors.Is(err, extract.ErrUndecodable):
		return "PDF 中的文字无法解码（字体没有字符映射），请提交 .docx，或先做文字识别（OCR）"
	case errors.Is(err, extract.ErrNoTextLayer):
		return "PDF 没有文字层（扫描件），需要先做文字识别（OCR）"
	case errors.Is(err, extract.ErrMalformed):
		return "文件已损坏或格式不正确"
	case errors.Is(err, extract.ErrEmpty):
		return "空文件"
	}
	return "无法读取"
}
