package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jixiao/jixiao/rules"
)

// runRules lists the rules, or explains one: jixiao rules [explain ID].
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "配置文件（默认为当前目录下的 jixiao.toml）")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao rules: %v\n", err)
		return 2
	}
	switch {
	case fs.NArg() == 0:
		for _, r := range rules.All() {
			sev := string(cfg.Severity(r))
			if cfg.Disabled[r.ID] {
				sev = "off"
			}
			fmt.Fprintf(stdout, "%-6s %-7s %s\n", r.ID, sev, r.Title)
		}
		return 0
	case fs.Arg(0) == "explain" && fs.NArg() == 2:
		r := rules.Lookup(fs.Arg(1))
		if r == nil {
			fmt.Fprintf(stderr, "jixiao rules: 没有规则 %q；用 jixiao rules 列出全部规则\n", fs.Arg(1))
			return 2
		}
		kind := "单份报告"
		if r.Batch != nil {
			kind = "跨报告（多份报告一起检查时）"
		}
		fmt.Fprintf(stdout, "%s %s\n严重程度：%s　范围：%s\n\n%s\n", r.ID, r.Title, cfg.Severity(r).Name(), kind, strings.TrimSpace(r.Doc))
		return 0
	}
	fmt.Fprintln(stderr, "用法: jixiao rules [--config FILE] [explain ID]")
	return 2
}

// loadConfig reads the config file at path, or jixiao.toml in the working
// directory when path is "", or else returns rules.Default.
func loadConfig(path string) (rules.Config, error) {
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return rules.Default(), nil
		}
		if path, err = rules.FindConfig(wd); err != nil {
			return rules.Config{}, err
		}
		if path == "" {
			return rules.Default(), nil
		}
	}
	return rules.LoadConfig(path)
}
