package main

import (
	"fmt"
	"io"
)

const usage = `jixiao — 预算绩效目标报告的导入、审核与查询

用法:
  jixiao check [--format text|json] [--fail-on error|warning] [--config FILE] FILE|FOLDER...
        读取 .docx / .pdf 绩效目标报告，输出解析结果与审核发现
  jixiao rules [--config FILE] [explain ID]
        列出审核规则（编号、严重程度、标题），或显示一条规则的说明
  jixiao normalize [--format text|json] [VALUE...]
        把指标值（如 ≥90百分比）解析为结构化目标；不给 VALUE 时逐行读标准输入
  jixiao ingest [--db jixiao.db] [--workers N] [--force] [--retry-failed] PATH...
        导入文件和文件夹中的 .docx / .pdf 报告到数据库（已导入的自动跳过）
  jixiao search [--db jixiao.db] [--format table|json|csv] 词语
        全文搜索项目名称、绩效目标、指标名称、描述和指标值
  jixiao query [--db jixiao.db] [--dept] [--project] [--file] [--level1] [--level2] [--kind] [--op] [--unit]
               [--min] [--max] [--rule] [--severity] [--format table|csv|json|xlsx] [--out FILE]
        按条件列出绩效指标
  jixiao issues [--db jixiao.db] [--dept] [--project] [--file] [--rule] [--severity] [--summary] [--per-department DIR]
                [--format table|csv|json|xlsx] [--out FILE]
        按部门、项目和严重程度列出审核发现（xlsx 可直接发回各部门）
  jixiao sql [--db jixiao.db] [--format table|csv|json|xlsx] [--out FILE] [--timeout 30] "SELECT …"
        以只读方式对数据库执行一条 SQL 查询（默认 30 秒超时；table 格式最多显示 10000 行）
  jixiao stats [--db jixiao.db] [--format text|json]
        数据库中的文档、项目、指标和审核发现数
  jixiao serve [--db jixiao.db] [--addr 127.0.0.1:8080] [--listen-public --token TOKEN [--host NAME,…]]
        打开浏览器页面：概览、审核发现、指标查询、全文搜索、审核规则，表格可下载为 Excel
        （默认只允许本机访问；--listen-public 对其他计算机开放，须设置访问令牌）
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
	case "ingest":
		return runIngest(rest, stdout, stderr)
	case "search":
		return runSearch(rest, stdout, stderr)
	case "query":
		return runQuery(rest, stdout, stderr)
	case "issues":
		return runIssues(rest, stdout, stderr)
	case "sql":
		return runSQL(rest, stdout, stderr)
	case "stats":
		return runStats(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "jixiao: 未知命令 %q\n\n%s", cmd, usage)
	return 2
}
