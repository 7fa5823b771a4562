package rules

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
region_code = "130730"
year = 2025
bases = ["计划标准", "行业标准"]
disable = ["y1001", "V605"]

[severity]
V603 = "error"
Y1002 = "提示"
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RegionCode != "130730" || cfg.Year != 2025 || !slices.Equal(cfg.Bases, []string{"计划标准", "行业标准"}) {
		t.Errorf("config %+v", cfg)
	}
	if !cfg.Disabled["Y1001"] || !cfg.Disabled["V605"] || cfg.Disabled["V603"] {
		t.Errorf("disabled %v", cfg.Disabled)
	}
	if cfg.Severities["V603"] != Error || cfg.Severities["Y1002"] != Info {
		t.Errorf("severities %v", cfg.Severities)
	}

	empty, err := ParseConfig(nil)
	if err != nil || !slices.Equal(empty.Bases, Default().Bases) || empty.RegionCode != "" {
		t.Errorf("empty config: %+v %v", empty, err)
	}
}

// TestParseConfigErrors: each mistake is a ConfigError naming its line
// and key and saying in Chinese what is wrong.
func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		text string
		line int
		key  string
		want string
	}{
		{`region = "130730"`, 1, "region", "未知的配置项 region；可用的配置项：region_code、year"},
		{`region_code = "13073"`, 1, "region_code", "应是 6 位数字"},
		{"# 年度\nyear = 25", 2, "year", "2000 到 2099 之间，而不是 25"},
		{`disable = ["X999"]`, 1, "disable", `没有规则 "X999"`},
		{"[severity]\nV603 = \"fatal\"", 2, "severity.V603", `而不是 "fatal"`},
		{"year = 2025\n\n[severity]\nQ1 = \"error\"", 4, "severity.Q1", `没有规则 "Q1"`},
		{`disable = "V603"`, 1, "disable", "值的类型不对，应是列表"},
		{`year = "2025"`, 1, "year", "值的类型不对，应是整数"},
		{"year = 2025\nbases = [\"a\"\n", 2, "bases", "列表缺少逗号或右方括号"},
		{"year =\n", 1, "year", "等号后面缺少值"},
		{"severity = 3\n", 1, "severity", "应是一个表"},
		{"[labels]\nvalu = [\"计划值\"]", 2, "labels.valu", `没有字段 "valu"`},
	} {
		_, err := ParseConfig([]byte(tc.text))
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%q: error %v, want a ConfigError", tc.text, err)
			continue
		}
		if ce.Line != tc.line || ce.Key != tc.key || !strings.Contains(ce.Problem, tc.want) {
			t.Errorf("%q: line %d key %q problem %q; want line %d key %q problem with %q", tc.text, ce.Line, ce.Key, ce.Problem, tc.line, tc.key, tc.want)
		}
		if !strings.HasPrefix(err.Error(), "rules: config: ") {
			t.Errorf("%q: error %q lacks the stage prefix", tc.text, err)
		}
	}
}

func TestFindAndLoadConfig(t *testing.T) {
	dir := t.TempDir()
	if path, err := FindConfig(dir); path != "" || err != nil {
		t.Fatalf("empty dir: %q %v", path, err)
	}
	want := filepath.Join(dir, ConfigName)
	if err := os.WriteFile(want, []byte("year = 2026\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	path, err := FindConfig(dir)
	if path != want || err != nil {
		t.Fatalf("FindConfig: %q %v", path, err)
	}
	cfg, err := LoadConfig(path)
	if err != nil || cfg.Year != 2026 {
		t.Fatalf("LoadConfig: %+v %v", cfg, err)
	}
	if _, err := LoadConfig(filepath.Join(dir, "missing.toml")); err == nil {
		t.Error("missing file: no error")
	}
}
