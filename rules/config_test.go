package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/report"
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
	if cfg.Severities["V603"] != report.Error || cfg.Severities["Y1002"] != report.Info {
		t.Errorf("severities %v", cfg.Severities)
	}

	empty, err := ParseConfig(nil)
	if err != nil || !slices.Equal(empty.Bases, Default().Bases) || empty.RegionCode != "" {
		t.Errorf("empty config: %+v %v", empty, err)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`region = "130730"`, "unknown keys: region"},
		{`region_code = "13073"`, "region_code"},
		{`year = 25`, "year 25"},
		{`disable = ["X999"]`, `unknown rule "X999"`},
		{"[severity]\nV603 = \"fatal\"", `"fatal"`},
		{"[severity]\nQ1 = \"error\"", `unknown rule "Q1"`},
		{`disable = "V603"`, "rules: config:"},
	} {
		_, err := ParseConfig([]byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one mentioning %s", tc.text, err, tc.want)
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
