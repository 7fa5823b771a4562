package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/jixiao/jixiao/report"
)

// ConfigName is the file FindConfig looks for.
const ConfigName = "jixiao.toml"

// File is the form of a config file (TOML). Every field is optional; what
// is left out keeps its Default value.
//
//	# jixiao.toml
//	region_code = "130730"          # 本县行政区划代码（6位）；不填则取项目编码多数
//	year = 2025                     # 预算年度；不填则取报告自身的年度
//	bases = ["计划标准", "行业标准", "历史标准", "其他标准"]  # 认可的指标值确定依据
//	disable = ["Y1001", "V605"]     # 关闭的规则
//	budget_change = 20              # 与上年相比预算变化超过此百分比时提示（jixiao compare；默认 20）
//
//	[severity]                      # 改变规则的严重程度：error / warning / info
//	V603 = "error"
//	Y1002 = "info"
//
//	[labels]                        # 栏目名称的补充同义词，按 report/v1 字段名
//	value = ["计划指标值"]
//	name = ["建设内容名称"]
type File struct {
	RegionCode string              `toml:"region_code"`
	Year       int                 `toml:"year"`
	Bases      []string            `toml:"bases"`
	Disable    []string            `toml:"disable"`
	Severity   map[string]string   `toml:"severity"`
	Labels     map[string][]string `toml:"labels"`
	// A pointer, so that 0 (report every change) differs from unset.
	BudgetChange *float64 `toml:"budget_change"`
}

var regionCode = regexp.MustCompile(`^\d{6}$`)

// ParseConfig reads a config file's text over Default. Unknown keys, rule
// IDs and severities are errors, so a typo does not silently leave a rule
// on.
func ParseConfig(data []byte) (Config, error) {
	var f File
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return Config{}, decodeError(err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return Config{}, withLine(data, badKey(keys[0], "未知的配置项 %s；可用的配置项：%s", strings.Join(keys, "、"), configKeys()))
	}
	for _, table := range []string{"severity", "labels"} {
		if md.IsDefined(table) && md.Type(table) != "Hash" {
			return Config{}, withLine(data, badKey(table, "应是一个表：另起一行写 [%s]，其下逐行写 键 = 值", table))
		}
	}
	cfg, err := f.Config()
	return cfg, withLine(data, err)
}

// Config turns a config file into a Config over Default.
func (f File) Config() (Config, error) {
	cfg := Default()
	if f.RegionCode != "" {
		if !regionCode.MatchString(f.RegionCode) {
			return Config{}, badKey("region_code", "应是 6 位数字的行政区划代码，而不是 %q", f.RegionCode)
		}
		cfg.RegionCode = f.RegionCode
	}
	if f.Year != 0 {
		if f.Year < 2000 || f.Year > 2099 {
			return Config{}, badKey("year", "预算年度应在 2000 到 2099 之间，而不是 %d", f.Year)
		}
		cfg.Year = f.Year
	}
	if f.Bases != nil {
		cfg.Bases = nil
		for _, b := range f.Bases {
			if b = strings.TrimSpace(b); b != "" {
				cfg.Bases = append(cfg.Bases, b)
			}
		}
	}
	if f.BudgetChange != nil {
		if *f.BudgetChange < 0 || *f.BudgetChange > 1000 {
			return Config{}, fmt.Errorf("rules: config: budget_change %v out of range 0–1000 (percent)", *f.BudgetChange)
		}
		cfg.BudgetChange = *f.BudgetChange
	}
	for _, id := range f.Disable {
		r := Lookup(id)
		if r == nil {
			return Config{}, badKey("disable", "没有规则 %q（jixiao rules 列出全部规则）", id)
		}
		if cfg.Disabled == nil {
			cfg.Disabled = map[string]bool{}
		}
		cfg.Disabled[r.ID] = true
	}
	for id, s := range f.Severity {
		r := Lookup(id)
		if r == nil {
			return Config{}, badKey("severity."+id, "没有规则 %q（jixiao rules 列出全部规则）", id)
		}
		sev, ok := ParseSeverity(s)
		if !ok {
			return Config{}, badKey("severity."+id, "严重程度只能是 error、warning 或 info（错误、警告、提示），而不是 %q", s)
		}
		if cfg.Severities == nil {
			cfg.Severities = map[string]Severity{}
		}
		cfg.Severities[r.ID] = sev
	}
	for name, labels := range f.Labels {
		field, ok := report.ParseField(name)
		if !ok {
			return Config{}, badKey("labels."+name, "没有字段 %q；可用的字段：%s", name, strings.Join(report.FieldNames(), "、"))
		}
		if cfg.Reading.Labels == nil {
			cfg.Reading.Labels = map[report.Field][]string{}
		}
		cfg.Reading.Labels[field] = append(cfg.Reading.Labels[field], labels...)
	}
	return cfg, nil
}

// LoadConfig reads the config file at path over Default.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("rules: config: %w", err)
	}
	cfg, err := ParseConfig(data)
	var ce *ConfigError
	if errors.As(err, &ce) {
		ce.Path = path
		return Config{}, ce
	}
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// FindConfig returns the path of jixiao.toml in dir, "" when there is none.
func FindConfig(dir string) (string, error) {
	path := filepath.Join(dir, ConfigName)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("rules: config: %w", err)
	case st.IsDir():
		return "", fmt.Errorf("rules: config: %s is a directory", path)
	}
	return path, nil
}
