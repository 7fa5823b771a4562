package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestRulesList(t *testing.T) {
	status, stdout, stderr := runCmd("rules")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 30 {
		t.Errorf("%d rules listed, want at least 30", len(lines))
	}
	line := regexp.MustCompile(`^[A-Z]\d{3,4} +(错误|警告|提示)  \S`)
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("line %q is not ID severity title", l)
		}
	}
	if !strings.Contains(stdout, "V604") || !strings.Contains(stdout, "比率目标超过100%") {
		t.Errorf("list lacks V604:\n%s", stdout)
	}
}

func TestRulesExplain(t *testing.T) {
	status, stdout, stderr := runCmd("rules", "explain", "y1001")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"Y1001", "警告", "为什么", "如何修改", "示例"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, stdout)
		}
	}
	if status, _, stderr := runCmd("rules", "explain", "Z999"); status != 2 || !strings.Contains(stderr, "Z999") {
		t.Errorf("unknown rule: status %d %q", status, stderr)
	}
}

// TestCheckFindings: check prints the findings as
// file:page:table:row: [severity] message (ID), and --config turns rules
// off and changes severities.
func TestCheckFindings(t *testing.T) {
	status, stdout, stderr := runCmd("check", seed("seed.docx"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{
		seed("seed.docx") + " 表3 第3行 第5列：[警告] 指标“会议保障服务质量”的指标值“≥90”缺少计量单位",
		"(V603)", "(P501)", "(V604)", "(X901)", "(Y1003)", "(L1101)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}

	cfg := filepath.Join(t.TempDir(), "jixiao.toml")
	text := "region_code = \"130730\"\ndisable = [\"Y1001\"]\n[severity]\nV603 = \"error\"\n"
	if err := os.WriteFile(cfg, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr = runCmd("check", "--config", cfg, "--format", "json", seed("seed.docx"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var rep struct {
		Findings []struct {
			Rule, Severity string
			Location       struct{ Project, Field string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, f := range rep.Findings {
		seen[f.Rule] = f.Severity
	}
	if _, on := seen["Y1001"]; on {
		t.Errorf("Y1001 not disabled by the config")
	}
	if seen["V603"] != "error" {
		t.Errorf("V603 severity %q, want error from the config", seen["V603"])
	}

	if err := os.WriteFile(cfg, []byte("disable = [\"NOPE\"]\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if status, _, stderr := runCmd("check", "--config", cfg, seed("seed.docx")); status != 2 || !strings.Contains(stderr, "NOPE") {
		t.Errorf("bad config: status %d %q", status, stderr)
	}
}

// TestCheckBatch: the same report twice is a duplicate submission (B1303).
func TestCheckBatch(t *testing.T) {
	status, stdout, stderr := runCmd("check", "--format", "json", seed("seed.docx"), seed("seed.docx"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if !strings.Contains(stdout, `"rule": "B1303"`) {
		t.Errorf("no B1303 finding for the same file twice")
	}
}
