package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestHelpInChinese: every command's --help (and -h, and jixiao help CMD)
// prints its usage on standard output and exits 0, and every option is
// described in Chinese.
func TestHelpInChinese(t *testing.T) {
	for _, c := range commands {
		status, stdout, stderr := runCmd(c.name, "--help")
		if status != 0 || stderr != "" {
			t.Errorf("%s --help: status %d, stderr %q", c.name, status, stderr)
		}
		if !strings.HasPrefix(stdout, "用法：jixiao "+c.name) || !strings.Contains(stdout, strings.Split(c.doc, "\n")[0]) {
			t.Errorf("%s --help lacks the synopsis or the description:\n%s", c.name, stdout)
		}
		lines := strings.Split(stdout, "\n")
		options := 0
		for i, l := range lines {
			if !strings.HasPrefix(l, "  --") || strings.HasPrefix(l, "  --help") || i+1 == len(lines) {
				continue
			}
			options++
			if desc := lines[i+1]; !strings.ContainsFunc(desc, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: option %s is described as %q, not in Chinese", c.name, strings.TrimSpace(l), desc)
			}
		}
		if options == 0 && c.name != "help" {
			t.Errorf("%s --help lists no options:\n%s", c.name, stdout)
		}
		if status, short, _ := runCmd(c.name, "-h"); status != 0 || short != stdout {
			t.Errorf("%s -h: status %d, differs from --help", c.name, status)
		}
		if status, viaHelp, _ := runCmd("help", c.name); status != 0 || viaHelp != stdout {
			t.Errorf("help %s: status %d, differs from --help", c.name, status)
		}
	}
	status, stdout, _ := runCmd("help")
	if status != 0 || !strings.Contains(stdout, "jixiao 命令 --help") {
		t.Errorf("help: status %d\n%s", status, stdout)
	}
}

// TestFlagErrorsInChinese: a wrong option, a missing value, a bad value and
// a wrong command are explained in Chinese, with the nearest right one,
// and exit 2.
func TestFlagErrorsInChinese(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"issues", "--departement", "x"}, []string{"jixiao issues: 未知的选项 --departement（是不是 --dept？）", "可用的选项：--db、--dept、", "jixiao issues --help"}},
		{[]string{"check", "--fiel-timeout", "1s", seed("seed.docx")}, []string{"未知的选项 --fiel-timeout（是不是 --file-timeout？）"}},
		{[]string{"check", seed("seed.docx"), "--format"}, []string{"jixiao check: 选项 --format 后面缺少值（输出格式："}},
		{[]string{"ingest", "--workers", "abc", "x"}, []string{`jixiao ingest: 选项 --workers 的值 "abc" 无效：应是整数`}},
		{[]string{"check", "--file-timeout", "5", "x"}, []string{`选项 --file-timeout 的值 "5" 无效：应是带单位的时长`}},
		{[]string{"check", "--isolate=maybe", "x"}, []string{"应是 true 或 false"}},
		{[]string{"sql", "--timeout", "-1", "SELECT 1"}, []string{"时限须大于 0"}},
		{[]string{"query", "--kind", "大概"}, []string{"--kind 只能是 数值（numeric）、区间（range）", `而不是 "大概"`}},
		{[]string{"chek", "x"}, []string{`jixiao: 未知的命令 "chek"（是不是 check？）`, "用法：jixiao 命令"}},
	} {
		status, _, stderr := runCmd(tc.args...)
		if status != 2 {
			t.Errorf("%q: status %d, want 2", tc.args, status)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%q: stderr lacks %q:\n%s", tc.args, w, stderr)
			}
		}
		if strings.Contains(stderr, "flag provided") || strings.Contains(stderr, "Usage of") {
			t.Errorf("%q: English from the flag package:\n%s", tc.args, stderr)
		}
	}
}

// TestFlagsAnywhere: options after the file names are options, and "--"
// ends them.
func TestFlagsAnywhere(t *testing.T) {
	status, stdout, stderr := runCmd("check", seed("seed.docx"), "--format", "json")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var rep struct{ Findings []any }
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || len(rep.Findings) == 0 {
		t.Errorf("check FILE --format json is not a report in JSON: %v\n%.200s", err, stdout)
	}
	status, stdout, stderr = runCmd("check", "--", "--format")
	if status != 1 || stdout != "" || !strings.Contains(stderr, "--format: 无法读取") {
		t.Errorf("check -- --format: status %d, stderr %q; want the file --format refused", status, stderr)
	}
	status, stdout, _ = runCmd("normalize", "≥90%", "--format", "json", "-5")
	if status != 0 || strings.Count(stdout, `"text"`) != 2 || !strings.Contains(stdout, `"text":"-5"`) {
		t.Errorf("normalize VALUE --format json -5: status %d\n%s", status, stdout)
	}
}

// TestBadConfigLineAndKey: a mistake in jixiao.toml is shown in Chinese
// with its file, line and key.
func TestBadConfigLineAndKey(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ text, want string }{
		{"year = 2025\n[severity]\nQ1 = \"error\"\n", "第 3 行，severity.Q1：没有规则 \"Q1\""},
		{"# 本县\nregion_code = 130730\n", "第 2 行，region_code：值的类型不对，应是加引号的文字"},
		{"yaer = 2025\n", "第 1 行，yaer：未知的配置项 yaer；可用的配置项：region_code、year"},
		{"disable = [\"V603\"\n", "第 1 行，disable：列表缺少逗号或右方括号"},
	} {
		path := filepath.Join(dir, "jixiao.toml")
		if err := os.WriteFile(path, []byte(tc.text), 0o666); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"check", "rules", "ingest"} {
			args := []string{cmd, "--config", path}
			if cmd == "check" {
				args = append(args, seed("seed.docx"))
			}
			if cmd == "ingest" {
				args = append(args, seed("seed.docx"), "--db", filepath.Join(dir, "x.db"))
			}
			status, _, stderr := runCmd(args...)
			if status != 2 || !strings.Contains(stderr, "配置文件 "+path+" "+tc.want) {
				t.Errorf("%s with %q: status %d, stderr %q; want %q", cmd, tc.text, status, stderr, tc.want)
			}
		}
	}
	if status, _, stderr := runCmd("rules", "--config", filepath.Join(dir, "missing.toml")); status != 2 || !strings.Contains(stderr, "missing.toml 不存在") {
		t.Errorf("missing config: status %d %q", status, stderr)
	}
}

// TestRulesListChinese: the list names severities as rules explain does,
// and a rule turned off as 关闭.
func TestRulesListChinese(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "jixiao.toml")
	os.WriteFile(cfg, []byte("disable = [\"Y1001\"]\n[severity]\nV603 = \"error\"\n"), 0o666)
	_, stdout, _ := runCmd("rules", "--config", cfg)
	for _, want := range []string{"Y1001  关闭  ", "V603   错误  ", "V604   "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("rules list lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "warning") || strings.Contains(stdout, "error") {
		t.Errorf("rules list has English severities")
	}
}

// TestCheckFolderTotals: check over a folder ends with the files read and
// refused and the findings by severity, which agree with the JSON output.
func TestCheckFolderTotals(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"seed.docx", "seed-split.pdf"} {
		data, err := os.ReadFile(seed(name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o666)
	}
	os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("备注"), 0o666)
	os.WriteFile(filepath.Join(dir, "坏.docx"), []byte("not a zip"), 0o666)

	_, js, _ := runCmd("check", dir, "--format", "json")
	var reps []struct{ Findings []struct{ Severity string } }
	if err := json.Unmarshal([]byte(js), &reps); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	total := 0
	for _, r := range reps {
		for _, f := range r.Findings {
			count[f.Severity]++
			total++
		}
	}
	status, stdout, _ := runCmd("check", dir)
	if status != 1 {
		t.Errorf("status %d, want 1 for the refused file", status)
	}
	want := "汇总：读取报告 2 份，无法读取 1 个文件，另有 1 个不是 .docx/.pdf 的文件未读取\n" +
		"      审核发现 " + strconv.Itoa(total) + " 条：错误 " + strconv.Itoa(count["error"]) +
		"，警告 " + strconv.Itoa(count["warning"]) + "，提示 " + strconv.Itoa(count["info"]) + "\n"
	if total == 0 || !strings.HasSuffix(stdout, want) {
		t.Errorf("check FOLDER does not end with\n%s\n---\n%s", want, stdout[max(0, len(stdout)-400):])
	}
	if _, one, _ := runCmd("check", seed("seed.docx")); strings.Contains(one, "汇总") {
		t.Errorf("one file checked: no totals expected")
	}
}

// TestEmptyResultsAndCounts: an empty listing names its conditions instead
// of printing a bare header; search says how many it found and shows.
func TestEmptyResultsAndCounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if status, _, stderr := runCmd("ingest", "--db", db, seed("seed.docx")); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"issues", "--db", db, "--dept", "不存在的部门"}, "没有找到审核发现（部门“不存在的部门”）"},
		{[]string{"issues", "--db", db, "--summary", "--severity", "提示"}, "没有找到审核发现（严重程度“提示”）"},
		{[]string{"query", "--db", db, "--kind", "区间", "--dept", "不存在"}, "没有找到指标（部门“不存在”，目标类型“区间”）"},
	} {
		status, stdout, stderr := runCmd(tc.args...)
		if status != 0 || stdout != "" || strings.TrimSpace(stderr) != tc.want {
			t.Errorf("%q: status %d, stdout %q, stderr %q; want only %q", tc.args, status, stdout, stderr, tc.want)
		}
	}
	if status, _, stderr := runCmd("search", "--db", db, "不存在的词语"); status != 1 || !strings.Contains(stderr, "没有找到含“不存在的词语”") {
		t.Errorf("search nothing: %d %q", status, stderr)
	}

	_, all, _ := runCmd("search", "--db", db, "满意度", "--limit", "0")
	m := regexp.MustCompile(`\n共 (\d+) 条\n$`).FindStringSubmatch(all)
	if m == nil {
		t.Fatalf("search --limit 0 does not end with 共 N 条:\n%s", all)
	}
	n, _ := strconv.Atoi(m[1])
	if rows := strings.Count(all, "\n") - 2; n <= 2 || rows != n {
		t.Errorf("search --limit 0: %d rows shown, total %d", rows, n)
	}
	_, two, _ := runCmd("search", "--db", db, "满意度", "--limit", "2")
	if !strings.HasSuffix(two, "共 "+m[1]+" 条，显示前 2 条（--limit 0 显示全部）\n") || strings.Count(two, "\n") != 4 {
		t.Errorf("search --limit 2:\n%s", two)
	}
	_, _, stderr := runCmd("query", "--db", db, "--limit", "1")
	if !strings.Contains(stderr, "只显示了前 1 条") {
		t.Errorf("query --limit 1 says nothing of the rows left out: %q", stderr)
	}
}

// TestKindInChinese: --kind takes the kind as the table shows it.
func TestKindInChinese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if status, _, stderr := runCmd("ingest", "--db", db, seed("seed.docx")); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	for _, pair := range [][2]string{{"定性", "qualitative"}, {"数值", "numeric"}, {"参照", "reference"}} {
		_, zh, _ := runCmd("query", "--db", db, "--kind", pair[0], "--format", "csv")
		_, en, _ := runCmd("query", "--db", db, "--kind", pair[1], "--format", "csv")
		if zh != en || strings.Count(en, "\n") < 2 && pair[0] != "参照" {
			t.Errorf("--kind %s and --kind %s differ or find nothing:\n%s\n---\n%s", pair[0], pair[1], zh, en)
		}
	}
}

// TestOneLocationFormat: check and issues write a finding's place alike.
func TestOneLocationFormat(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if status, _, stderr := runCmd("ingest", "--db", db, seed("seed.docx")); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	_, list, _ := runCmd("issues", "--db", db, "--rule", "V603", "--format", "csv")
	_, text, _ := runCmd("check", seed("seed.docx"))
	place := regexp.MustCompile(`,((?:第\d+页 )?表\d+ 第\d+行(?: 第\d+列)?),`).FindStringSubmatch(list)
	if place == nil {
		t.Fatalf("no location in issues:\n%s", list)
	}
	if !strings.Contains(text, seed("seed.docx")+" "+place[1]+"：[警告]") {
		t.Errorf("check does not write the place %q as issues does:\n%s", place[1], text)
	}
}
