package corpus

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// TestRecheckBatchRows: the cross-document rules run on the rows read by
// SQL store the findings rules.CheckBatch draws on the reports themselves
// (the files named by their base names), with their messages and
// locations, each on its document and the project it names.
func TestRecheckBatchRows(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	seg := segmenter(t)
	mk := func(path, sum, code, name string, projects ...report.Project) *report.Report {
		return &report.Report{Schema: report.Schema, Kind: report.KindTarget, Year: 2025,
			Source:     report.Source{Path: path, SHA256: sum, Format: "docx"},
			Department: report.Department{Code: code, Name: name}, Projects: projects}
	}
	reps := []*report.Report{
		mk("in/a.docx", "aa", "430001", "机关事务服务中心",
			report.Project{Seq: 1, Code: "13073025P000895100013", Name: "机关大楼运行经费"},
			report.Project{Seq: 2, Code: "13073025P00089410001D", Name: "公车购置"}),
		mk("in/b.docx", "bb", "401001", "教育和体育局",
			report.Project{Seq: 1, Code: "13073025P000895100013", Name: "维修改造"}),
		mk("in/sub/c.docx", "cc", "430001", "机关事务服务中心",
			report.Project{Seq: 1, Code: "13073125P822276682770", Name: "补助资金"}),
		mk(`in\d.docx`, "dd", "402001", "卫生健康局",
			report.Project{Seq: 1, Code: "", Name: "未编码项目"},
			report.Project{Seq: 2, Code: "13073025P00089410001D", Name: "公车购置"}),
	}
	for _, rep := range reps {
		r := toStore(rep)
		d := &Doc{SHA256: rep.Source.SHA256, Path: rep.Source.Path, Format: "docx", Size: 1, Report: r, Index: NewIndex(r, seg)}
		if _, err := s.Put(ctx, d, false); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.RecheckBatch(ctx, checkBatch)
	if err != nil {
		t.Fatal(err)
	}

	var want []string
	checked := make([]*rules.Checked, len(reps))
	for i, rep := range reps {
		c := *rep
		c.Source.Path = BaseName(rep.Source.Path)
		checked[i] = &rules.Checked{Report: &c}
	}
	rules.CheckBatch(checked, rules.Default())
	for i, c := range checked {
		for _, f := range c.Findings {
			l := f.Location
			want = append(want, fmt.Sprintf("%d %s %s %s %s %d/%d/%d/%d/%d/%d %s %t", i+1, f.Rule, f.Severity, f.Message,
				l.Project, l.Indicator, l.SubGoal, l.Page, l.Table, l.Row, l.Col, l.Field, l.Project != ""))
		}
	}
	rows, err := s.db.Query(`SELECT f.document_id, f.rule, f.severity, f.message, f.project_code, f.indicator,
		f.sub_goal, f.page, f.tbl, f.row, f.col, f.field, p.code IS NOT NULL AND p.code = f.project_code
		FROM findings f LEFT JOIN projects p ON p.id = f.project_id WHERE f.batch = 1 ORDER BY f.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var doc, ind, sub, page, tbl, row, col int
		var rule, sev, msg, code, field string
		var linked bool
		if err := rows.Scan(&doc, &rule, &sev, &msg, &code, &ind, &sub, &page, &tbl, &row, &col, &field, &linked); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s %s %s %s %d/%d/%d/%d/%d/%d %s %t", doc, rule, sev, msg, code, ind, sub, page, tbl, row, col, field, linked))
	}
	if len(want) < 4 || n != len(want) || !slices.Equal(got, want) {
		t.Errorf("%d stored:\n%q\nwant from the reports:\n%q", n, got, want)
	}
	for _, rule := range []string{"B1301", "B1302", "B1303", "B1304"} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, " "+rule+" ") }) {
			t.Errorf("no %s finding: the case does not exercise it", rule)
		}
	}
}
