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

// severityNames are the severities in Chinese.
var severityNames = map[string]string{"error": "错误", "warning": "警告", "info": "提示"}

// statusNames name a document's status and format on the overview.
var statusNames = map[string]string{"ok": "已读取", "failed": "无法读取", "docx": "Word", "pdf": "PDF", "": "未识别格式"}
