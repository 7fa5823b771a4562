package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/docxtest"
	"github.com/jixiao/jixiao/report"
)

// recheck runs the cross-document rules, which rebuilds the submissions,
// as an ingest does.
func recheck(t testing.TB, s *Store) {
	t.Helper()
	if _, err := s.RecheckBatch(context.Background(), checkBatch); err != nil {
		t.Fatal(err)
	}
}

// editDOCX copies the .docx src to dir/name with the replacements (old,
// new, old, new …) made in word/document.xml; each old must occur.
func editDOCX(t testing.TB, src, dir, name string, repl ...string) string {
	t.Helper()
	dst := filepath.Join(dir, name)
	if err := docxtest.Edit(src, dst, repl...); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestSubmissionTwoFormats stores the seed report as .docx and as .pdf:
// one submission, counted once (the .docx) in stats and issues, the PDF
// noted.
func TestSubmissionTwoFormats(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if n := put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"), filepath.Join(seedDir, "seed.pdf")); n != 2 {
		t.Fatalf("stored %d reports, want 2", n)
	}
	recheck(t, s)
	subs, err := s.Submissions(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Files != 2 || !strings.HasSuffix(subs[0].File, ".docx") || subs[0].Note() != "另有 PDF 版本" {
		t.Fatalf("submissions: %+v", subs)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	projects := count(t, s, "SELECT count(*) FROM projects WHERE document_id = "+itoa(subs[0].DocumentID))
	if st.Documents != 2 || st.Submissions != 1 || st.Copies != 1 || st.Projects != projects || projects == 0 {
		t.Errorf("stats: %+v, want 2 documents, 1 submission, 1 copy, %d projects", st, projects)
	}
	list, err := s.Issues(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	findings := count(t, s, "SELECT count(*) FROM findings WHERE document_id = "+itoa(subs[0].DocumentID))
	if len(list.Rows) != findings {
		t.Errorf("issues lists %d findings, the counted file has %d", len(list.Rows), findings)
	}
	for _, r := range list.Rows {
		if r[5] == "B1303" {
			t.Errorf("the .docx and .pdf of one report flagged as a duplicate: %v", r)
		}
	}
	// The summary from the submissions' counts is the one from the findings.
	fast, err := s.IssueSummary(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	slow, err := s.IssueSummary(ctx, Filter{File: "seed.docx"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fast.Rows) != fmt.Sprint(slow.Rows) || len(fast.Rows) != 1 || fast.Rows[0][6] != int64(findings) {
		t.Errorf("summary from counts %v, from findings %v, want %d findings", fast.Rows, slow.Rows, findings)
	}
	all, err := s.Issues(ctx, Filter{AllFiles: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Rows) <= len(list.Rows) {
		t.Errorf("AllFiles lists %d findings, counted %d", len(all.Rows), len(list.Rows))
	}
	pdf := count(t, s, "SELECT id FROM documents WHERE format = 'pdf'")
	if sub, err := s.SubmissionOf(ctx, int64(pdf)); err != nil || sub == nil || sub.ID != subs[0].ID {
		t.Errorf("SubmissionOf(pdf) = %+v, %v", sub, err)
	}
	// Amounts are exact in 分: 600.00 万元 is 600,000,000 分.
	if n := count(t, s, "SELECT budget_total_fen FROM v_projects WHERE counted = 1 AND code = '13073025P000895100013'"); n != 600_000_000 {
		t.Errorf("budget_total_fen = %d, want 600000000", n)
	}
	if n := count(t, s, "SELECT count(*) FROM v_findings WHERE counted = 1 AND severity_name NOT IN ('错误', '警告', '提示')"); n != 0 {
		t.Errorf("%d findings without a Chinese severity name", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestResubmission stores the seed report, then a corrected one of the
// same department and year: the later replaces the earlier, kept as
// history, and its findings compare as fixed, still open and new.
func TestResubmission(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"))
	recheck(t, s)
	// The fix: 会议保障服务质量 ≥90 gets its unit (V603 fixed); the slip:
	// 车辆购置数量 ≤5辆 loses its unit (V603 new).
	fixed := editDOCX(t, filepath.Join(seedDir, "seed.docx"), dir, "seed-修改稿.docx",
		"<w:t>≥90</w:t>", "<w:t>≥90%</w:t>", "<w:t>≤5辆</w:t>", "<w:t>≤5</w:t>")
	put(t, s, checkRules, fixed)
	recheck(t, s)
	subs, err := s.Submissions(ctx, "430001", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 || subs[0].ReplacedBy != subs[1].ID || subs[1].ReplacedBy != 0 || !strings.HasSuffix(subs[1].File, "seed-修改稿.docx") {
		t.Fatalf("submissions: %+v %+v", subs[0], subs[len(subs)-1])
	}
	if st, _ := s.Stats(ctx); st.Submissions != 1 || st.Replaced != 1 {
		t.Errorf("stats: %d submissions, %d replaced; want 1 and 1", st.Submissions, st.Replaced)
	}
	re, err := s.Resubmissions(ctx, "430001", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(re) != 1 {
		t.Fatalf("%d resubmissions, want 1", len(re))
	}
	r := re[0]
	was := count(t, s, "SELECT count(*) FROM findings WHERE batch = 0 AND document_id = "+itoa(subs[0].DocumentID))
	if r.Counts[FindingFixed] != 1 || r.Counts[FindingNew] != 1 || r.Counts[FindingOpen] != was-1 {
		t.Errorf("counts %v, want 1 fixed, 1 new, %d open", r.Counts, was-1)
	}
	for _, c := range r.Changes {
		if c.State != FindingOpen && (c.Rule != "V603" || c.ProjectCode == "") {
			t.Errorf("%s: %+v, want only the two V603 findings to change", c.State, c)
		}
	}
	st, err := s.Status(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Rows) != 1 || st.Rows[0].Versions != 2 || !strings.HasSuffix(st.Rows[0].File, "修改稿.docx") {
		t.Errorf("status: %+v", st.Rows)
	}
}

// TestFormPerProject: a department that sends one form per project sends
// several reports a year; none replaces another, all count.
func TestFormPerProject(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"))
	other := editDOCX(t, filepath.Join(seedDir, "seed.docx"), t.TempDir(), "其他项目.docx", "13073025P000", "13073025Q000")
	put(t, s, checkRules, other)
	recheck(t, s)
	if n := count(t, s, "SELECT count(*) FROM projects a JOIN projects b ON a.code = b.code AND a.document_id < b.document_id"); n != 0 {
		t.Fatalf("the edited copy shares %d project codes with the seed", n)
	}
	subs, err := s.Submissions(ctx, "430001", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 || subs[0].ReplacedBy != 0 || subs[1].ReplacedBy != 0 {
		t.Errorf("submissions: %+v, want two current", subs)
	}
	if n := count(t, s, "SELECT count(*) FROM reports WHERE counted = 1"); n != 2 {
		t.Errorf("%d reports counted, want 2", n)
	}
}

// TestStatus imports a roster with the seed department and one that did
// not report.
func TestStatus(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"), filepath.Join(seedDir, "seed.pdf"))
	recheck(t, s)
	if err := s.ImportRoster(ctx, []RosterEntry{{"430001", "怀来县机关事务服务中心", "张三 0313-1234567"}, {"401001", "怀来县教育和体育局", ""}}); err != nil {
		t.Fatal(err)
	}
	if err := s.ImportRoster(ctx, []RosterEntry{{"1", "a", ""}, {"1", "b", ""}}); err == nil {
		t.Error("a roster with a code twice was imported")
	}
	st, err := s.Status(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if st.Year != 2025 || len(st.Rows) != 2 {
		t.Fatalf("status: year %d, rows %+v", st.Year, st.Rows)
	}
	missing, seed := st.Rows[0], st.Rows[1]
	if missing.Code != "401001" || missing.Status != StatusMissing {
		t.Errorf("401001: %+v, want 未报送", missing)
	}
	errs := count(t, s, "SELECT count(*) FROM v_findings WHERE counted = 1 AND severity = 'error'")
	want := StatusWarnings
	if errs > 0 {
		want = StatusErrors
	}
	if seed.Status != want || seed.Errors != errs || seed.Contact != "张三 0313-1234567" || seed.Note != "另有 PDF 版本" || seed.File != "seed.docx" {
		t.Errorf("430001: %+v, want %s with %d errors", seed, want, errs)
	}
	if st.Counts[StatusMissing] != 1 || st.Counts[want] != 1 {
		t.Errorf("counts %v", st.Counts)
	}
	tab := st.Table()
	if len(tab.Rows) != 2 || tab.Rows[0][3] != StatusMissing {
		t.Errorf("table: %v", tab.Rows)
	}
}

// TestCompareYears builds last year's report from the seed (year 2024,
// its project codes with 24 for 25, 400.00 万元 for 600.00, 大楼设施维修维护率 named 大楼设施巡检率, ≥98% for
// ≥95%) and compares it with the seed: the budget changed by 50%, the
// renamed indicator dropped, the ≥95% targets lowered, each at its cell.
func TestCompareYears(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	last := editDOCX(t, filepath.Join(seedDir, "seed.docx"), dir, "seed-2024.docx",
		"2025", "2024", "13073025P", "13073024P", "600.00", "400.00", "大楼设施维修维护率", "大楼设施巡检率", "≥95百分比", "≥98百分比")
	put(t, s, checkRules, last, filepath.Join(seedDir, "seed.docx"))
	recheck(t, s)
	if n := count(t, s, "SELECT count(*) FROM reports WHERE counted = 1 AND year IN (2024, 2025)"); n != 2 {
		t.Fatalf("%d reports counted for 2024 and 2025, want 2 (is the year read from the edited text?)", n)
	}
	this, err := readReportFile(filepath.Join(seedDir, "seed.docx"))
	if err != nil {
		t.Fatal(err)
	}
	lastRep, err := readReportFile(last)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Compare(ctx, CompareOptions{Department: "430001", From: 2024, To: 2025, BudgetChange: 20})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, ch := range c.Changes {
		kinds[ch.Kind]++
		switch ch.Kind {
		case "budget_changed":
			if ch.ProjectCode != "13073025P000895100013" || ch.Last != "400.00万元" || ch.This != "600.00万元" || !strings.Contains(ch.Message, "+50.0%") {
				t.Errorf("budget change: %+v", ch)
			}
		case "indicator_dropped":
			in := lastRep.Projects[0].Indicators[0]
			if ch.Level3 != "大楼设施巡检率" || ch.Year != 2024 || ch.File != "seed-2024.docx" ||
				ch.Page != in.Location.Page || ch.Table != in.Location.Table || ch.Row != in.Location.Row || ch.Row == 0 {
				t.Errorf("dropped: %+v, want at %+v", ch, in.Location)
			}
		case "target_lowered":
			var in *report.Indicator
			for _, p := range this.Projects {
				if p.Code == ch.ProjectCode {
					in = &p.Indicators[ch.Indicator-1]
				}
			}
			if in == nil || in.Level3 != ch.Level3 || ch.Last != "≥98百分比" || ch.This != "≥95百分比" ||
				ch.Table != in.Location.Table || ch.Row != in.Location.Row || ch.Row == 0 || ch.Year != 2025 {
				t.Errorf("lowered: %+v, want at %+v", ch, in)
			}
		}
	}
	if kinds["budget_changed"] != 1 || kinds["indicator_dropped"] != 1 || kinds["target_lowered"] != 4 {
		t.Errorf("changes by kind %v, want 1 budget, 1 dropped, 4 lowered: %+v", kinds, c.Changes)
	}
	// All four projects link by their codes but for the year digits; at
	// 60% allowed, the budget passes.
	for _, l := range c.Links {
		if l.By != "编码（年度除外）" {
			t.Errorf("link %+v %+v by %q", l.From, l.To, l.By)
		}
	}
	if n := len(c.Links); n != len(this.Projects) {
		t.Errorf("%d links, want %d", n, len(this.Projects))
	}
	c, err = s.Compare(ctx, CompareOptions{Department: "430001", From: 2024, To: 2025, BudgetChange: 60})
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range c.Changes {
		if ch.Kind == "budget_changed" {
			t.Errorf("budget change reported at 60%% allowed: %+v", ch)
		}
	}
	// The two years are no duplicate: no cross-document finding.
	if n := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1 AND rule = 'B1303'"); n != 0 {
		t.Errorf("%d B1303 findings across years", n)
	}
}

func TestFen(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		want       int64
		ok         bool
	}{
		{"6716.11", "万元", 6_716_110_000, true},
		{"1,200.5", "元", 120_050, true},
		{"４.１７", "万元", 4_170_000, true},
		{"600万元", "", 6_000_000_00, true},
		{"0.001", "元", 0, false}, // finer than 1 分
		{"", "万元", 0, false},
		{"1e3", "元", 0, false},
		{"约100", "万元", 0, false},
		{"100", "美元", 0, false},
		{"99999999999999999999", "亿元", 0, false},
	} {
		got, ok := fen(c.text, c.unit)
		if got != c.want || ok != c.ok {
			t.Errorf("fen(%q, %q) = %d, %v; want %d, %v", c.text, c.unit, got, ok, c.want, c.ok)
		}
	}
}

// TestContentPinned holds reports.content to the hashes stored by earlier
// versions, which the reports of later ingests are grouped with, and the
// projects' amounts in 分 to those read by them: projects
// stored out of their order, white space of every kind, a department
// table, medium-term indicators, a text that is not UTF-8, a report with
// nothing but its fingerprint.
func TestContentPinned(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ind := func(l1, l2, l3, v string) report.Indicator {
		return report.Indicator{Level1: l1, Level2: l2, Level3: l3, Value: v}
	}
	reps := []*report.Report{
		{Schema: report.Schema, Kind: report.KindTarget, Year: 2025,
			Department:           report.Department{Code: "401001", Name: "某某局"},
			DepartmentIndicators: []report.Indicator{ind("产出指标", "数量 指标", "整体\u3000指标", "≥90%"), ind("效益指标", "", "满意度", "\t95 %\n")},
			Projects: []report.Project{
				{Seq: 2, Code: "13073025P000895100014", Name: "项目 乙", AmountUnit: "万元", Budget: report.Budget{Total: "1 200.5", Fiscal: "1200.5"},
					Indicators:        []report.Indicator{ind("产出指标", "质量指标", "合格率", "100%"), ind("成本指标", "经济成本指标", "单价\xff\xfe", "≤ 5 万元")},
					MidTermIndicators: []report.Indicator{ind("效益指标", "可持续", "长期 效益", "≥3年")}},
				{Seq: 1, Code: "13073025P000895100013", Name: "项目甲\u00a0", AmountUnit: "元", Budget: report.Budget{Total: "600", Other: "0"},
					Indicators: []report.Indicator{ind("产出指标", "数量指标", "培训 人次", "≥ 200 人次")}},
			}},
		{Schema: report.Schema, Kind: report.KindTarget, Year: 2025, Department: report.Department{Code: "401002", Name: "某某办"}},
	}
	for i, rep := range reps {
		sr := toStore(rep)
		d := &Doc{SHA256: strings.Repeat(string(rune('a'+i)), 64), Path: fmt.Sprintf("%d.docx", i), Format: "docx", Size: 1, Report: sr,
			Index: NewIndex(sr, segmenter(t))}
		if ok, err := s.Put(ctx, d, false); err != nil || !ok {
			t.Fatalf("Put: %v %v", ok, err)
		}
	}
	// As the writer stores them, then as fillContent and fillAmounts fill
	// those of reports stored before schema version 5.
	for _, how := range []string{"stored", "filled"} {
		if how == "filled" {
			if _, err := s.db.Exec(`UPDATE reports SET content = NULL;
				UPDATE projects SET budget_total_fen = NULL, budget_fiscal_fen = NULL, budget_other_fen = NULL`); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RefreshSubmissions(ctx); err != nil {
			t.Fatal(err)
		}
		var got []string
		rows, err := s.db.Query(`SELECT content FROM reports
			UNION ALL SELECT seq || '/' || coalesce(budget_total_fen, '-') || '/' || coalesce(budget_fiscal_fen, '-') || '/' ||
				coalesce(budget_other_fen, '-') FROM projects
			ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			got = append(got, c)
		}
		rows.Close()
		if want := []string{"1/60000/-/0", "2/1200500000/1200500000/-", "30958b46422790cc", "6776d69db717151a"}; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("content and amounts %s: %q, want %q", how, got, want)
		}
	}
}
