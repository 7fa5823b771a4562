package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/rules"
)

func seed(name string) string { return filepath.Join("..", "..", "testdata", "seed", name) }
func bad(name string) string  { return filepath.Join("..", "..", "testdata", "bad", name) }

func runCmd(args ...string) (status int, stdout, stderr string) {
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(""), &out, &errb)
	return status, out.String(), errb.String()
}

// TestCheckBadFiles: every unreadable file gets one line naming it and the
// reason; the good files of the same run are still read and printed.
func TestCheckBadFiles(t *testing.T) {
	files := []string{seed("seed.docx"), bad("empty.docx"), bad("notzip.docx"), bad("truncated.docx"), bad("memo.docx"), seed("seed-split.docx")}
	status, stdout, stderr := runCmd(append([]string{"check", "--format", "json"}, files...)...)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	var reps []map[string]any
	if err := json.Unmarshal([]byte(stdout), &reps); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, stdout)
	}
	if len(reps) != 2 {
		t.Fatalf("%d reports, want the 2 good files", len(reps))
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	wantReasons := map[string]string{
		"empty.docx":     "空文件",
		"notzip.docx":    "不是 .docx 或 .pdf 文件",
		"truncated.docx": "文件已损坏或格式不正确",
		"memo.docx":      "不是绩效目标报告",
	}
	if len(lines) != len(wantReasons) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(wantReasons), stderr)
	}
	for i, l := range lines {
		name := filepath.Base(files[i+1])
		if !strings.HasPrefix(l, bad(name)+": ") || !strings.Contains(l, wantReasons[name]) {
			t.Errorf("line %q should name %s and say %s", l, name, wantReasons[name])
		}
	}
}

func TestCheckOneFileIsAnObject(t *testing.T) {
	status, stdout, stderr := runCmd("check", "--format", "json", seed("seed.docx"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var rep struct {
		Schema   string
		Projects []struct{ Code string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Schema != "report/v1" || len(rep.Projects) != 4 || rep.Projects[3].Code != "13073025P00094210001M" {
		t.Errorf("report %+v", rep)
	}
}

func TestCheckText(t *testing.T) {
	status, stdout, _ := runCmd("check", seed("seed-split.docx"))
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{"部门：430001 怀来县机关事务服务中心", "项目：4 个", "13073025P00089410001D", "支出计划：3月底 — · 6月底 — · 10月底 — · 12月底 100%"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
}

func TestUsage(t *testing.T) {
	if status, _, _ := runCmd(); status != 2 {
		t.Errorf("no command: status %d, want 2", status)
	}
	if status, _, stderr := runCmd("check", "--format", "xml", seed("seed.docx")); status != 2 || !strings.Contains(stderr, "--format") {
		t.Errorf("bad format: status %d %q", status, stderr)
	}
}

// TestCheckFolder: a folder is read whole; files that are neither reports
// by content nor by name (the truth files, the text) are passed over.
func TestCheckFolder(t *testing.T) {
	status, stdout, stderr := runCmd("check", "--format", "json", filepath.Join("..", "..", "testdata", "seed"))
	if status != 0 || stderr != "" {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	var reps []struct{ Source struct{ Path, Format string } }
	if err := json.Unmarshal([]byte(stdout), &reps); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range reps {
		got = append(got, filepath.Base(r.Source.Path)+"/"+r.Source.Format)
	}
	if want := "seed-split.docx/docx seed-split.pdf/pdf seed.docx/docx seed.pdf/pdf"; strings.Join(got, " ") != want {
		t.Errorf("read %q, want %q", strings.Join(got, " "), want)
	}
}

// TestReportV1Contract checks the shape report/v1 promises to those who
// consume `check --format json`: every field of the spec present, findings
// with a known rule, a severity, a Chinese message and only the location
// fields the spec names.
func TestReportV1Contract(t *testing.T) {
	for _, file := range []string{seed("seed.docx"), seed("seed-split.pdf")} {
		_, stdout, _ := runCmd("check", "--format", "json", file)
		var rep map[string]any
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatal(err)
		}
		has := func(obj any, where string, keys ...string) {
			m, ok := obj.(map[string]any)
			if !ok {
				t.Errorf("%s: %s is not an object", file, where)
				return
			}
			for _, k := range keys {
				if _, ok := m[k]; !ok {
					t.Errorf("%s: %s lacks %q", file, where, k)
				}
			}
		}
		has(rep, "report", "schema", "source", "department", "overall_goal", "sub_goals", "measures", "projects", "findings")
		has(rep["source"], "source", "path", "sha256", "format", "pages")
		has(rep["department"], "department", "code", "name")
		for _, p := range rep["projects"].([]any) {
			has(p, "project", "seq", "title", "department_code", "department_name", "amount_unit", "code", "name",
				"budget", "purpose", "spending_plan", "goal", "indicators")
			for _, in := range p.(map[string]any)["indicators"].([]any) {
				has(in, "indicator", "level1", "level2", "level3", "description", "nature", "value", "unit", "basis", "target", "location")
			}
		}
		allowed := map[string]bool{"project": true, "indicator": true, "sub_goal": true, "field": true, "page": true, "table": true, "row": true, "col": true}
		findings := rep["findings"].([]any)
		if len(findings) == 0 {
			t.Errorf("%s: no findings", file)
		}
		for _, f := range findings {
			m := f.(map[string]any)
			if len(m) != 4 {
				t.Errorf("finding %v: want exactly rule, severity, message, location", m)
			}
			if rules.Lookup(m["rule"].(string)) == nil {
				t.Errorf("finding cites unknown rule %v", m["rule"])
			}
			if s := m["severity"]; s != "error" && s != "warning" && s != "info" {
				t.Errorf("finding severity %v", s)
			}
			if msg, _ := m["message"].(string); !strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("finding message %q is not Chinese", msg)
			}
			for k := range m["location"].(map[string]any) {
				if !allowed[k] {
					t.Errorf("finding location has %q, which report/v1 does not name", k)
				}
			}
		}
	}
}
