package web

import "github.com/jixiao/jixiao/report"

// fieldName is a finding's field in Chinese.
func fieldName(f string) string {
	if f == "" {
		return ""
	}
	if n := report.FieldLabel(f); n != "" {
		return n
	}
	return "其他"
}

// statusNames name a document's status and format on the overview.
var statusNames = map[string]string{"ok": "已读取", "failed": "无法读取", "docx": "Word", "pdf": "PDF", "": "未识别格式"}
