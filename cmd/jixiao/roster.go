package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
)

func runRoster(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("roster", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() != 2 || fs.Arg(0) != "import" {
		fmt.Fprintln(stderr, "jixiao roster: 用法：jixiao roster import 名单.xlsx|名单.csv（列：部门编码、部门名称，可选联系人）")
		return 2
	}
	entries, err := readRoster(fs.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "jixiao roster: %s：%v\n", fs.Arg(1), err)
		return 1
	}
	st, err := corpus.Open(*db)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao roster: 无法打开数据库 %s：%v\n", *db, err)
		return 1
	}
	defer st.Close()
	if err := st.ImportRoster(context.Background(), entries); err != nil {
		fmt.Fprintf(stderr, "jixiao roster: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "已导入部门名单：%d 个部门（替换了原有名单）\n", len(entries))
	return 0
}

// rosterHeaders are the header names each roster column is found by.
var rosterHeaders = [3][]string{
	{"部门编码", "单位编码", "部门代码", "单位代码", "编码", "代码"},
	{"部门名称", "单位名称", "部门", "单位", "名称"},
	{"联系人", "联系方式", "联系电话", "联系人及电话", "电话"},
}

// maxRosterRows bounds a roster: a county has a few hundred departments.
const maxRosterRows = 100000

// readRoster reads a roster from a .xlsx (the first sheet) or a .csv
// (UTF-8, with or without a byte-order mark): a header row naming 部门编码
// and 部门名称 and optionally 联系人, then one department per row. Blank
// rows are skipped; a row with a name but no code, or a code twice, is an
// error naming the row.
func readRoster(path string) ([]corpus.RosterEntry, error) {
	var rows [][]string
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		rows, err = xlsxRows(path)
	case ".csv":
		rows, err = csvRows(path)
	default:
		return nil, errors.New("只能导入 .xlsx 或 .csv 文件")
	}
	if err != nil {
		return nil, err
	}
	head, cols := -1, [3]int{-1, -1, -1}
	for i, r := range rows[:min(len(rows), 10)] {
		cols = [3]int{-1, -1, -1}
		for c, cell := range r {
			cell = strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff"))
			for k, names := range rosterHeaders {
				for _, n := range names {
					if cell == n && cols[k] < 0 {
						cols[k] = c
					}
				}
			}
		}
		if cols[0] >= 0 && cols[1] >= 0 {
			head = i
			break
		}
	}
	if head < 0 {
		return nil, errors.New("前 10 行中没有找到“部门编码”和“部门名称”两列的表头")
	}
	var out []corpus.RosterEntry
	seen := map[string]int{}
	for i, r := range rows[head+1:] {
		cell := func(k int) string {
			if cols[k] < 0 || cols[k] >= len(r) {
				return ""
			}
			return strings.TrimSpace(r[cols[k]])
		}
		e := corpus.RosterEntry{Code: cell(0), Name: cell(1), Contact: cell(2)}
		line := head + i + 2
		switch {
		case e.Code == "" && e.Name == "":
			continue
		case e.Code == "":
			return nil, fmt.Errorf("第 %d 行：部门“%s”没有部门编码", line, e.Name)
		}
		if prev, dup := seen[e.Code]; dup {
			return nil, fmt.Errorf("第 %d 行：部门编码 %s 与第 %d 行重复", line, e.Code, prev)
		}
		seen[e.Code] = line
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, errors.New("名单中没有部门")
	}
	return out, nil
}

func xlsxRows(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取工作簿：%v", err)
	}
	defer f.Close()
	it, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return nil, fmt.Errorf("无法读取工作表：%v", err)
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) == maxRosterRows {
			return nil, fmt.Errorf("名单超过 %d 行", maxRosterRows)
		}
		r, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("无法读取第 %d 行：%v", len(rows)+1, err)
		}
		rows = append(rows, r)
	}
	return rows, it.Error()
}

func csvRows(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("CSV 格式有误：%v", err)
		}
		if len(rows) == maxRosterRows {
			return nil, fmt.Errorf("名单超过 %d 行", maxRosterRows)
		}
		rows = append(rows, rec)
	}
}
