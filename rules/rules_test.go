package rules

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// TestRules runs the cases of testdata/rules/ID.txt for every rule: each
// rule must have a case that fires and one that does not, and every case
// must produce exactly its want list, each finding at its place with its
// message.
func TestRules(t *testing.T) {
	files := ruleFiles(t)
	for _, r := range All() {
		t.Run(r.ID, func(t *testing.T) {
			path, ok := files[r.ID]
			if !ok {
				t.Fatalf("no testdata/rules/%s.txt", r.ID)
			}
			fires, quiet := false, false
			for _, c := range parseCases(t, path) {
				got := runCase(c, r.ID)
				if len(c.want) == 0 {
					quiet = true
				} else {
					fires = true
				}
				extra, missing := unmatched(got, c.want)
				for _, g := range extra {
					t.Errorf("%s:%d: %s: unexpected finding at %s: %q", path, c.line, c.name, g.key, g.message)
				}
				for _, w := range missing {
					t.Errorf("%s:%d: %s: no finding at %s saying %q", path, c.line, c.name, w.key, w.message)
				}
			}
			if !fires || !quiet {
				t.Errorf("%s: needs a case that fires and one that does not (fires %v, quiet %v)", path, fires, quiet)
			}
		})
	}
	for id := range files {
		if Lookup(id) == nil {
			t.Errorf("testdata/rules/%s.txt: no such rule", id)
		}
	}
}

// TestRuleValues checks what jixiao rules lists: IDs in their area's form,
// titles, documentation with the four parts, known severities.
func TestRuleValues(t *testing.T) {
	areas := map[byte]bool{'S': true, 'C': true, 'T': true, 'M': true, 'P': true, 'V': true, 'K': true, 'D': true, 'X': true, 'Y': true, 'L': true, 'W': true, 'B': true, 'R': true, 'O': true}
	for _, r := range All() {
		if !areas[r.ID[0]] {
			t.Errorf("%s: unknown area", r.ID)
		}
		if r.Title == "" || r.Doc == "" {
			t.Errorf("%s: missing title or doc", r.ID)
		}
		for _, part := range []string{"为什么", "如何修改", "示例"} {
			if !strings.Contains(r.Doc, part) {
				t.Errorf("%s: doc lacks %s", r.ID, part)
			}
		}
		switch r.Severity {
		case Error, Warning, Info:
		default:
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if (r.ID[0] == 'B') != (r.Batch != nil) {
			t.Errorf("%s: batch rules, and only they, are B13xx", r.ID)
		}
	}
	if n := len(All()); n < 30 {
		t.Errorf("%d rules, want at least 30", n)
	}
}

// TestConfigApplies checks that Disabled and Severities reach the findings.
func TestConfigApplies(t *testing.T) {
	rep := &report.Report{Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "]测试项目", Budget: report.Budget{Total: "1", Fiscal: "1"}}}}
	cfg := Default()
	c := Check(rep, cfg)
	if !hasRule(c, "T301", Warning) {
		t.Fatalf("T301 did not fire as a warning: %v", c.Findings)
	}
	cfg.Severities = map[string]Severity{"T301": Error}
	c = Check(rep, cfg)
	if !hasRule(c, "T301", Error) {
		t.Fatalf("T301 severity not overridden: %v", c.Findings)
	}
	cfg.Disabled = map[string]bool{"T301": true}
	c = Check(rep, cfg)
	if hasRule(c, "T301", "") {
		t.Fatalf("T301 not disabled: %v", c.Findings)
	}
}

func hasRule(c *Checked, id string, sev Severity) bool {
	for _, f := range c.Findings {
		if f.Rule == id && (sev == "" || f.Severity == sev) {
			return true
		}
	}
	return false
}

// TestCleanProject checks that the clean project every case starts from
// draws no finding from any rule, so a case's want list is only its own.
func TestCleanProject(t *testing.T) {
	path := t.TempDir() + "/clean.txt"
	text := "=== clean\noverall 保障机关运转\nproject 13073025P000895100013 | 机关大楼运行经费\nclean\n"
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	c := parseCases(t, path)[0]
	checked := Check(c.reports[0], c.cfg)
	CheckBatch([]*Checked{checked}, c.cfg)
	for _, f := range checked.Findings {
		t.Errorf("%s [%s] %s", f.Rule, f.Severity, f.Message)
	}
}

// TestRuleList: every rule has a unique ID, exactly one of Check and
// Batch, and the list is in the order of its IDs.
func TestRuleList(t *testing.T) {
	seen := map[string]bool{}
	for i, r := range All() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		if (r.Check == nil) == (r.Batch == nil) {
			t.Errorf("%s: needs exactly one of Check and Batch", r.ID)
		}
		if i > 0 && !idLess(All()[i-1].ID, r.ID) {
			t.Errorf("%s listed after %s", r.ID, All()[i-1].ID)
		}
		if Lookup(strings.ToLower(r.ID)) != r {
			t.Errorf("Lookup(%s) does not find it", r.ID)
		}
	}
}

// TestRulePanic: a rule that panics leaves an info finding and the other
// rules still run.
func TestRulePanic(t *testing.T) {
	all = append(all, &Rule{ID: "Z9999", Title: "panics", Severity: Error, Doc: "-", Check: func(p *Pass) { panic("boom") }})
	defer func() { all = all[:len(all)-1] }()
	rep := &report.Report{Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "]测试项目"}}}
	c := Check(rep, Default())
	if !hasRule(c, "Z9999", Info) || !hasRule(c, "T301", "") {
		t.Errorf("findings %v", c.Findings)
	}
}

// TestCheckBatchMinimal: the corpus rebuilds reports with only Source,
// Department and Projects[].{Code, Name, Seq}; the batch rules work on
// those.
func TestCheckBatchMinimal(t *testing.T) {
	reps := []*report.Report{
		{Source: report.Source{Path: "a.docx", SHA256: "aa"}, Department: report.Department{Code: "430001", Name: "机关事务服务中心"},
			Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "机关大楼运行经费"}, {Seq: 2, Code: "13073025P00089410001D", Name: "公车购置"}}},
		{Source: report.Source{Path: "b.docx", SHA256: "bb"}, Department: report.Department{Code: "401001", Name: "教育和体育局"},
			Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "维修改造"}}},
		{Source: report.Source{Path: "c.docx", SHA256: "cc"}, Department: report.Department{Code: "430001", Name: "机关事务服务中心"},
			Projects: []report.Project{{Seq: 1, Code: "13073125P822276682770", Name: "补助资金"}}},
	}
	checked := make([]*Checked, len(reps))
	for i, rep := range reps {
		checked[i] = &Checked{Report: rep}
	}
	CheckBatch(checked, Default())
	var got []string
	for i, c := range checked {
		for _, f := range c.Findings {
			got = append(got, fmt.Sprintf("%d %s %s", i+1, f.Rule, f.Location.Project))
		}
	}
	want := []string{"2 B1302 13073025P000895100013", "3 B1301 13073125P822276682770", "3 B1303 "}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestCheckBatchDocs: the batch rules on slim rows, as the corpus reads
// them, name the document of each finding by its index.
func TestCheckBatchDocs(t *testing.T) {
	dept := report.Department{Code: "430001", Name: "机关事务服务中心"}
	docs := []BatchDoc{
		{Path: "a.docx", SHA256: "aa", Department: dept, Projects: []BatchProject{{Seq: 1, Code: "13073025P000895100013", Name: "机关大楼运行经费"}}},
		{Path: "b.docx", SHA256: "bb", Department: report.Department{Code: "401001", Name: "教育和体育局"},
			Projects: []BatchProject{{Seq: 1, Code: "13073025P000895100013", Name: "机关大楼运行经费",
				CodeAt: &report.Location{Pos: extract.Pos{Table: 2, Row: 3, Col: 4}}}}},
		{Path: "c.pdf", SHA256: "aa", Department: dept},
	}
	var got []string
	for _, f := range CheckBatchDocs(docs, Default()) {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", f.Doc, f.Rule, f.Location.Field, f.Location.Chinese(), f.Message))
	}
	want := []string{
		"2 B1303 source  本报告与a.docx内容完全相同，是重复报送，应撤回其中一份",
		"1 B1304 code 表2 第3行 第4列 项目“13073025P000895100013 机关大楼运行经费”也出现在a.docx（单位430001机关事务服务中心）中，一个项目只应由一个单位报送",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if f := CheckBatchDocs(nil, Default()); f != nil {
		t.Errorf("no documents: %v", f)
	}
}

// idLess orders IDs by their number, so S101 < C201 < … < Y1001 < B1301.
func idLess(a, b string) bool {
	na, ea := strconv.Atoi(strings.TrimLeft(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	nb, eb := strconv.Atoi(strings.TrimLeft(b, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	if ea != nil || eb != nil || na == nb {
		return a < b
	}
	return na < nb
}
