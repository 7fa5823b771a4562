package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/output"
	"github.com/jixiao/jixiao/rules"
)

func runQuery(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "SQLite database")
	out := outputFlags(fs)
	f := filterFlags(fs, true)
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	filter, err := f.filter()
	if err == nil {
		err = out.check()
	}
	if err != nil || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("多余的参数 %q", fs.Args())
		}
		fmt.Fprintf(stderr, "jixiao query: %v\n", err)
		return 2
	}
	st := openReadOnly("query", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	t, err := st.Indicators(context.Background(), filter)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao query: %v\n", err)
		return 1
	}
	limitNote(stderr, len(t.Rows), filter.Limit)
	if len(t.Rows) == 0 && *out.format == "table" {
		fmt.Fprintln(stderr, notFound("指标", filter))
		return 0
	}
	if *out.format == "table" {
		kindNamesInTable(t)
	}
	return out.write("query", stdout, stderr, t)
}

// kindNamesInTable writes the target kinds of a listing for the screen
// as the web shows them (数值, 区间 …); csv, json and xlsx keep report/v1's
// names for programs.
func kindNamesInTable(t *corpus.Table) {
	for c, col := range t.Columns {
		if col.Key != "kind" {
			continue
		}
		for _, r := range t.Rows {
			if k, ok := r[c].(string); ok {
				if name, ok := normalize.KindNames[normalize.Kind(k)]; ok {
					r[c] = name
				}
			}
		}
	}
}

// outputFlagSet is the --format and --out flags shared by the query commands.
type outputFlagSet struct {
	format *string
	out    *string
}

func outputFlags(fs *flag.FlagSet) *outputFlagSet {
	return &outputFlagSet{
		format: fs.String("format", "table", "输出格式：table、csv、json 或 xlsx"),
		out:    fs.String("out", "", "写入此文件，而不是显示在屏幕上"),
	}
}

func (o *outputFlagSet) check() error {
	if !slices.Contains(output.Formats, *o.format) {
		return fmt.Errorf("--format 只能是 %s，而不是 %q", strings.Join(output.Formats, "、"), *o.format)
	}
	return nil
}

// write writes the tables: all of them as sheets of one workbook for xlsx,
// the first one otherwise.
func (o *outputFlagSet) write(cmd string, stdout, stderr io.Writer, tables ...*corpus.Table) int {
	w := stdout
	if *o.out != "" {
		f, err := os.Create(*o.out)
		if err != nil {
			fmt.Fprintf(stderr, "jixiao %s: 无法写入 %s：%v\n", cmd, *o.out, err)
			return 1
		}
		defer f.Close()
		w = f
	} else if f, ok := stdout.(*os.File); ok && *o.format == "xlsx" && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(stderr, "jixiao %s: xlsx 请用 --out 文件名.xlsx 保存\n", cmd)
		return 2
	}
	var err error
	if *o.format == "xlsx" {
		err = output.WriteXLSX(w, tables...)
	} else {
		err = output.Write(w, tables[0], *o.format)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao %s: %v\n", cmd, err)
		return 1
	}
	if *o.out != "" {
		fmt.Fprintf(stderr, "已写入 %s（%d 行）\n", *o.out, len(tables[0].Rows))
	}
	return 0
}

// filterFlagSet holds the filter flags; indicator ones only where the
// command lists indicators.
type filterFlagSet struct {
	dept, project, file, level1, level2, level3, kind, op, unit, min, max, rule, severity *string
	limit                                                                                 *int
}

func filterFlags(fs *flag.FlagSet, indicators bool) *filterFlagSet {
	f := &filterFlagSet{
		dept:     fs.String("dept", "", "部门：6 位编码或名称的一部分"),
		project:  fs.String("project", "", "项目：项目编码或名称的一部分"),
		file:     fs.String("file", "", "一个报送文件：导入时的路径或文件名"),
		rule:     fs.String("rule", "", "审核规则编号，如 V603"),
		severity: fs.String("severity", "", "严重程度：错误、警告或提示（error、warning、info）"),
		limit:    fs.Int("limit", 0, "最多列出多少行（0 为不限）"),
	}
	empty := ""
	f.level1, f.level2, f.level3, f.kind, f.op, f.unit, f.min, f.max = &empty, &empty, &empty, &empty, &empty, &empty, &empty, &empty
	if indicators {
		f.level1 = fs.String("level1", "", "一级指标，如 产出 或 产出指标")
		f.level2 = fs.String("level2", "", "二级指标，如 数量 或 数量指标")
		f.level3 = fs.String("level3", "", "三级指标：名称的一部分，如 培训")
		f.kind = fs.String("kind", "", "目标类型：数值、区间、参照、期限、期间、定性、无法解析（或 numeric、range、reference、deadline、period、qualitative、unparsed）")
		f.op = fs.String("op", "", "目标的比较符：>= <= > < =（或 ≥ ≤）")
		f.unit = fs.String("unit", "", "目标的计量单位，同类可比：人次 也找到 10万人次，万元 找到所有以元计的金额")
		f.min = fs.String("min", "", "数值目标不小于此数，给了 --unit 时按该单位（10万人次 即 100000 人次）")
		f.max = fs.String("max", "", "数值目标不大于此数，给了 --unit 时按该单位")
	}
	return f
}

var kinds = []string{"numeric", "range", "reference", "deadline", "period", "qualitative", "unparsed"}

func (f *filterFlagSet) filter() (corpus.Filter, error) {
	flt := corpus.Filter{
		Department: *f.dept, Project: *f.project, File: *f.file, Level1: *f.level1, Level2: *f.level2, Level3: *f.level3,
		Kind: *f.kind, Unit: *f.unit, Rule: strings.ToUpper(*f.rule), Limit: *f.limit,
	}
	if flt.Kind != "" {
		k, ok := parseKind(flt.Kind)
		if !ok {
			return flt, fmt.Errorf("--kind 只能是 %s，而不是 %q", kindChoices(), flt.Kind)
		}
		flt.Kind = k
	}
	if flt.Unit == "百分比" || flt.Unit == "％" {
		flt.Unit = "%"
	}
	op := strings.NewReplacer("≥", ">=", "≤", "<=", "＞", ">", "＜", "<", "＝", "=", "=>", ">=", "=<", "<=").Replace(*f.op)
	if op != "" && !slices.Contains([]string{">=", "<=", ">", "<", "="}, op) {
		return flt, fmt.Errorf("--op 只能是 >= <= > < = 之一，而不是 %q", *f.op)
	}
	flt.Op = op
	if *f.severity != "" {
		s, ok := rules.ParseSeverity(*f.severity)
		if !ok {
			return flt, fmt.Errorf("--severity 只能是 error、warning 或 info，而不是 %q", *f.severity)
		}
		flt.Severity = string(s)
	}
	for _, b := range []struct {
		name string
		text string
		dst  **float64
	}{{"--min", *f.min, &flt.Min}, {"--max", *f.max, &flt.Max}} {
		if b.text == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(b.text, "%"), 64)
		if err != nil {
			return flt, fmt.Errorf("%s 应是数字，而不是 %q", b.name, b.text)
		}
		*b.dst = &v
	}
	return flt, nil
}

// openReadOnly opens the database for a reading command, printing why not.
func openReadOnly(cmd, db string, stderr io.Writer) *corpus.Store {
	st, err := corpus.OpenReadOnly(db)
	switch {
	case errors.Is(err, corpus.ErrNoDatabase):
		fmt.Fprintf(stderr, "jixiao %s: 数据库 %s 不存在：请先用 jixiao ingest 导入报告，或用 --db 指定数据库\n", cmd, db)
		return nil
	case err != nil:
		fmt.Fprintf(stderr, "jixiao %s: 无法打开数据库 %s：%v\n", cmd, db, err)
		return nil
	}
	return st
}
