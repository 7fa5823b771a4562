package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/rules"
)

// notFound says that a listing is empty and under which conditions, so
// that a typo in a department's name is not read as "no problems":
// 没有找到审核发现（部门“不存在的部门”，严重程度 错误）
func notFound(what string, f corpus.Filter) string {
	var conds []string
	add := func(name, v string) {
		if v != "" {
			conds = append(conds, name+"“"+v+"”")
		}
	}
	add("部门", f.Department)
	add("项目", f.Project)
	add("文件", f.File)
	add("一级指标", f.Level1)
	add("二级指标", f.Level2)
	add("三级指标", f.Level3)
	if f.Kind != "" {
		add("目标类型", normalize.KindNames[normalize.Kind(f.Kind)])
	}
	add("比较符", normalize.OpSign(f.Op))
	add("计量单位", f.Unit)
	if f.Min != nil {
		add("不小于", strconv.FormatFloat(*f.Min, 'f', -1, 64))
	}
	if f.Max != nil {
		add("不大于", strconv.FormatFloat(*f.Max, 'f', -1, 64))
	}
	add("规则", f.Rule)
	if f.Severity != "" {
		add("严重程度", rules.Severity(f.Severity).Name())
	}
	if f.Year != 0 {
		add("年度", strconv.Itoa(f.Year))
	}
	if len(conds) == 0 {
		return "没有找到" + what + "（数据库中还没有）"
	}
	return "没有找到" + what + "（" + strings.Join(conds, "，") + "）"
}

// limitNote tells that a listing stopped at --limit, which may hide rows.
func limitNote(w io.Writer, rows, limit int) {
	if limit > 0 && rows >= limit {
		fmt.Fprintf(w, "只显示了前 %d 条（--limit %d）；--limit 0 显示全部\n", rows, limit)
	}
}

// countNote is the line under a search: 共 N 条, or 共 N 条，显示前 M 条.
func countNote(total, shown int) string {
	if shown < total {
		return fmt.Sprintf("共 %d 条，显示前 %d 条（--limit 0 显示全部）", total, shown)
	}
	return fmt.Sprintf("共 %d 条", total)
}
