package extract

import (
	"errors"
	"fmt"
)

// reasons are the Chinese texts of the sentinel errors, for the finance
// staff who submitted a file, the more specific first.
var reasons = []struct {
	err  error
	text string
}{
	{ErrLegacyFormat, "旧版 Word（.doc）或 WPS 格式，请另存为 .docx 或 PDF 后再提交"},
	{ErrUnknownFormat, "不是 .docx 或 .pdf 文件"},
	{ErrTooManyPages, fmt.Sprintf("页数超过上限（%d 页），已拒绝读取", MaxPDFPages)},
	{ErrTooLarge, "文件或其中的部件过大，已拒绝读取（可能是压缩炸弹）"},
	{ErrTooDeep, fmt.Sprintf("文档嵌套过深（表格或文本框嵌套超过 %d 层，或 XML 元素嵌套超过 %d 层），已拒绝读取", MaxDOCXNesting, MaxDOCXElementDepth)},
	{ErrTooManyCells, fmt.Sprintf("表格单元格数超过上限（每行 %d 列、每个表格 %d 格、全文 %d 格），已拒绝读取", MaxDOCXTableCols, MaxDOCXTableSlots, MaxDOCXSlots)},
	{ErrTooManyElements, fmt.Sprintf("文档内容过多（段落、表格、行和单元格共超过 %d 个，或样式、编号等部件超过 %d 个标记），已拒绝读取", MaxDOCXElements, MaxDOCXPartTags)},
	{ErrTooComplex, "文档结构过于复杂，已拒绝读取"},
	{ErrEncrypted, "文件已加密，需要密码才能读取"},
	{ErrUndecodable, "PDF 中的文字无法解码（字体没有字符映射），请提交 .docx，或先做文字识别（OCR）"},
	{ErrNoTextLayer, "PDF 没有文字层（扫描件），需要先做文字识别（OCR）"},
	{ErrMalformed, "文件已损坏或格式不正确"},
	{ErrEmpty, "空文件"},
}

// Reason says in Chinese why a file could not be read, for an error of
// this package; "" for any other error.
func Reason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.text
		}
	}
	return ""
}

// Sentinels returns the package's sentinel errors, the more specific
// first, for those that carry errors across a process boundary.
func Sentinels() []error {
	out := make([]error, len(reasons))
	for i, r := range reasons {
		out[i] = r.err
	}
	return out
}
