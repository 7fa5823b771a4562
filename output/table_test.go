package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
)

func TestWriteFormats(t *testing.T) {
	tab := &corpus.Table{Name: "测试", Columns: []corpus.Column{{Key: "a", Title: "甲"}, {Key: "b", Title: "乙"}, {Key: "c", Title: "丙"}},
		Rows: [][]any{{"满意度", int64(90), nil}, {"x,y", 1.5, nil}}}
	var b bytes.Buffer
	if err := Write(&b, tab, "table"); err != nil || strings.Contains(b.String(), "丙") {
		t.Errorf("table: %v\n%s (the empty column 丙 should be left out)", err, b.String())
	}
	b.Reset()
	if err := Write(&b, tab, "csv"); err != nil || !strings.HasPrefix(b.String(), "\uFEFF甲,乙,丙\n") || !strings.Contains(b.String(), `"x,y"`) {
		t.Errorf("csv: %v\n%q", err, b.String())
	}
	b.Reset()
	var objs []map[string]any
	if err := Write(&b, tab, "json"); err != nil || json.Unmarshal(b.Bytes(), &objs) != nil || objs[0]["a"] != "满意度" || objs[1]["b"] != 1.5 {
		t.Errorf("json: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := WriteXLSX(&b, tab, &corpus.Table{Name: "二", Columns: tab.Columns}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("测试", "A2"); v != "满意度" {
		t.Errorf("xlsx A2 = %q", v)
	}
	if v, _ := f.GetCellValue("二", "B1"); v != "乙" {
		t.Errorf("xlsx second sheet B1 = %q", v)
	}
}
