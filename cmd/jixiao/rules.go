package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"strings"

	"github.com/jixiao/jixiao/rules"
)

// runRules lists the rules, or explains one: jixiao rules [explain ID].
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	configPath := fs.String("config", "", "配置文件（默认为当前目录下的 jixiao.toml）")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao rules: %v\n", err)
		return 2
	}
	switch {
	case fs.NArg() == 0:
		for _, r := range rules.All() {
			sev := cfg.Severity(r).Name()
			if cfg.Disabled[r.ID] {
				sev = "关闭"
			}
			fmt.Fprintf(stdout, "%-6s %s  %s\n", r.ID, sev, r.Title)
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
	fmt.Fprintln(stderr, "jixiao rules: 用法：jixiao rules [--config 文件] [explain 规则编号]（jixiao rules --help 显示说明）")
	return 2
}

// loadConfig reads the config file at path, or jixiao.toml in the working
// directory when path is "", or else returns rules.Default. Its errors are
// in Chinese, with the line and key of a mistake in the file.
func loadConfig(path string) (rules.Config, error) {
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return rules.Default(), nil
		}
		if path, err = rules.FindConfig(wd); err != nil {
			return rules.Config{}, fmt.Errorf("无法读取配置文件：%v", err)
		}
		if path == "" {
			return rules.Default(), nil
		}
	}
	cfg, err := rules.LoadConfig(path)
	var ce *rules.ConfigError
	switch {
	case errors.As(err, &ce):
		return cfg, errors.New(ce.Chinese())
	case errors.Is(err, iofs.ErrNotExist):
		return cfg, fmt.Errorf("配置文件 %s 不存在", path)
	case err != nil:
		return cfg, fmt.Errorf("无法读取配置文件 %s：%v", path, err)
	}
	return cfg, nil
}
