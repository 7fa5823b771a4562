package main

import (
	"fmt"
	"io"
)

const usage = `jixiao — 预算绩效目标报告的导入、审核与查询

用法:
  jixiao check [--format text|json] [--fail-on error|warning] [--config FILE] FILE...
        读取 .docx / .pdf 绩效目标报告，输出解析结果与审核发现
  jixiao rules [--config FILE] [explain ID]
        列出审核规则（编号、严重程度、标题），或显示一条规则的说明
  jixiao normalize [--format text|json] [VALUE...]
        把指标值（如 ≥90百分比）解析为结构化目标；不给 VALUE 时逐行读标准输入
  jixiao help
        显示本帮助

退出状态: 0 全部文件读取成功；1 有文件无法读取（或 --fail-on 触发）；2 用法错误。
`

// run is the whole program; main only exits with its status, so tests call
// it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdout, stderr)
	case "normalize":
		return runNormalize(rest, stdin, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "jixiao: 未知命令 %q\n\n%s", cmd, usage)
	return 2
}
