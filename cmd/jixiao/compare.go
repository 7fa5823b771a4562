package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/corpus"
)

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件")
	out := outputFlags(fs)
	dept := fs.String("dept", "", "部门：编码或名称的一部分（默认全部部门）")
	years := fs.String("years", "", "对比的两个年度：上年,本年，如 2024,2025")
	config := fs.String("config", "", "配置文件（默认当前文件夹的 jixiao.toml）；budget_change 为预算变化提示的百分比")
	links := fs.Bool("links", false, "列出两年项目的对应关系，而不是变化")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	from, to, err := parseYears(*years)
	if err == nil {
		err = out.check()
	}
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("多余的参数 %q", fs.Args())
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao compare: %v\n", err)
		return 2
	}
	cfg, err := loadConfig(*config)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao compare: %v\n", err)
		return 2
	}
	st := openReadOnly("compare", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	c, err := st.Compare(context.Background(), corpus.CompareOptions{Department: *dept, From: from, To: to, BudgetChange: cfg.BudgetChange})
	if err != nil {
		fmt.Fprintf(stderr, "jixiao compare: %v\n", err)
		return 1
	}
	if *links {
		return out.write("compare", stdout, stderr, c.LinkTable())
	}
	if *out.format == "xlsx" {
		return out.write("compare", stdout, stderr, c.Table(), c.LinkTable())
	}
	if len(c.Changes) == 0 {
		fmt.Fprintf(stderr, "jixiao compare: %d 与 %d 年度之间没有找到目标值降低、指标删减或预算变化超过 %g%% 的项目（共对应 %d 个项目）\n",
			from, to, cfg.BudgetChange, linked(c))
		return 0
	}
	return out.write("compare", stdout, stderr, c.Table())
}

func linked(c *corpus.Comparison) int {
	n := 0
	for _, l := range c.Links {
		if l.From != nil && l.To != nil {
			n++
		}
	}
	return n
}

// parseYears reads --years 2024,2025 (also 2024-2025, 2024，2025).
func parseYears(s string) (from, to int, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '-' || r == ' ' })
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("--years 要写两个年度，如 --years 2024,2025，而不是 %q", s)
	}
	for i, p := range parts {
		y, err := strconv.Atoi(p)
		if err != nil || y < 2000 || y > 2099 {
			return 0, 0, fmt.Errorf("--years 中的 %q 不是 2000–2099 之间的年度", p)
		}
		if i == 0 {
			from = y
		} else {
			to = y
		}
	}
	if from == to {
		return 0, 0, fmt.Errorf("--years 的两个年度相同（%d）", from)
	}
	return from, to, nil
}
