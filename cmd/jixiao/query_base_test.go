package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// TestQueryOnBase: `query --level3 培训 --min 10000 --unit 人次` on a
// database holding 10万人次, 50000人次 and 8000人次 lists the first two; the
// table shows the kinds by their Chinese names, csv by report/v1's.
func TestQueryOnBase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "base.db")
	st, err := corpus.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ind := func(level3, value string) report.Indicator {
		return report.Indicator{Level1: "产出指标", Level2: "数量指标", Level3: level3, Value: value,
			Target: normalize.Value(value, normalize.Context{})}
	}
	rep := &report.Report{Schema: "report/v1", Kind: "target", Year: 2025,
		Department: report.Department{Code: "430001", Name: "某某县人力资源和社会保障局"},
		Projects: []report.Project{{Seq: 1, Code: "13073025P000895100099", Name: "职业技能培训补助",
			Indicators: []report.Indicator{ind("培训人次甲", "10万人次"), ind("培训人次乙", "50000人次"),
				ind("培训人次丙", "8000人次"), ind("接待人次", "20万人次")}}}}
	seg, err := corpus.LoadSegmenter(filepath.Join(os.TempDir(), "jixiao-test-cache"))
	if err != nil {
		t.Fatal(err)
	}
	sr := pipeline.StoredReport(&rules.Checked{Report: rep})
	d := &corpus.Doc{SHA256: "b0", Path: "base.docx", Format: "docx", Report: sr, Index: corpus.NewIndex(sr, seg)}
	if _, err := st.Put(context.Background(), d, false); err != nil {
		t.Fatal(err)
	}
	st.Close()

	status, stdout, stderr := runCmd("query", "--db", db, "--level3", "培训", "--min", "10000", "--unit", "人次", "--format", "csv")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"培训人次甲", "培训人次乙", "numeric"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("csv lacks %q:\n%s", want, stdout)
		}
	}
	for _, not := range []string{"培训人次丙", "接待人次"} {
		if strings.Contains(stdout, not) {
			t.Errorf("csv lists %q:\n%s", not, stdout)
		}
	}
	if n := strings.Count(strings.TrimSpace(stdout), "\n"); n != 2 {
		t.Errorf("csv has %d rows, want 2:\n%s", n, stdout)
	}
	_, table, _ := runCmd("query", "--db", db, "--level3", "培训")
	if !strings.Contains(table, "数值") || strings.Contains(table, "numeric") {
		t.Errorf("table shows kinds as %q, want 数值:\n%s", "numeric", table)
	}
}
