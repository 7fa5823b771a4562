package main

import (
	"fmt"
	"io"
	"strings"
)

// command is what the help says of a command: its arguments after the
// options and what it does. Each option's description is registered with
// the option itself (fs.String(name, default, 中文说明)).
type command struct {
	name string
	args string // as the synopsis shows them, after [选项]
	doc  string // what the command does, in Chinese
}

// commands in the order the top-level usage lists them. A new command adds
// its line here; `jixiao CMD --help` and `jixiao help CMD` read it.
var commands = []command{
	{"check", "文件或文件夹…", "读取 .docx / .pdf 绩效目标报告，输出解析结果与审核发现；给出文件夹或多个文件时最后列出汇总"},
	{"rules", "[explain 规则编号]", "列出审核规则（编号、严重程度、标题），或显示一条规则的说明"},
	{"normalize", "[指标值…]", "把指标值（如 ≥90百分比）解析为结构化目标；不给指标值时逐行读标准输入"},
	{"ingest", "文件或文件夹…", "导入文件和文件夹中的 .docx / .pdf 报告到数据库（已导入的自动跳过）"},
	{"search", "词语…", "全文搜索项目名称、绩效目标、指标名称、描述和指标值"},
	{"query", "", "按条件列出绩效指标"},
	{"issues", "", "按部门、项目和严重程度列出审核发现（xlsx 可直接发回各部门）"},
	{"sql", `"SELECT …"`, "以只读方式对数据库执行一条 SQL 查询（默认 30 秒超时；table 格式最多显示 10000 行）"},
	{"stats", "", "数据库中的报告（每份只计一次）、项目、指标和审核发现数"},
	{"status", "", "各部门本年度的报送状态：未报送、已报送有错误、已报送有警告、已通过；--dept 列出一个部门的每次报送，对比重新报送前后的审核发现"},
	{"roster", "import 名单.xlsx|名单.csv", "导入应报送的部门名单（部门编码、部门名称，可选联系人），替换原有名单"},
	{"compare", "--years 上年,本年", "对比两个年度的同一项目：目标值降低、指标删减、预算变化超过 budget_change（jixiao.toml，默认 20%）"},
	{"serve", "", "打开浏览器页面：概览、审核发现、指标查询、全文搜索、审核规则，表格可下载为 Excel\n（默认只允许本机访问；--listen-public 对其他计算机开放，须设置访问令牌）"},
}

func lookupCommand(name string) command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return command{name: name}
}

// writeUsage prints the top-level usage: every command with what it does.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "jixiao — 预算绩效目标报告的导入、审核与查询\n\n用法：jixiao 命令 [选项] [参数…]\n\n命令：\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  jixiao %s [选项]", c.name)
		if c.args != "" {
			fmt.Fprint(w, " "+c.args)
		}
		fmt.Fprintf(w, "\n%s\n", indent(c.doc, "        "))
	}
	fmt.Fprint(w, `  jixiao help [命令]
        显示本帮助，或一个命令的说明与全部选项

每个命令的选项：jixiao 命令 --help（选项可写在文件名前后）。
退出状态：0 成功；1 有文件无法读取、搜索没有结果或 --fail-on 触发；2 用法错误。
`)
}

// unknownCommand names the wrong command and the closest one.
func unknownCommand(name string) string {
	best, bestD := "", 3
	for _, c := range commands {
		if d := editDistance(strings.ToLower(name), c.name); d < bestD {
			best, bestD = c.name, d
		}
	}
	msg := fmt.Sprintf("未知的命令 %q", name)
	if best != "" {
		msg += fmt.Sprintf("（是不是 %s？）", best)
	}
	return msg
}
