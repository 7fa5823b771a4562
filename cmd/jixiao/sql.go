package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/output"
	"golang.org/x/term"
)

func runSQL(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sql", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件（只读打开）")
	out := outputFlags(fs)
	timeout := seconds(30 * time.Second)
	fs.Var(&timeout, "timeout", "查询时限：秒数或带单位的时长，如 30、90s、5m")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if err := out.check(); err != nil {
		fmt.Fprintf(stderr, "jixiao sql: %v\n", err)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, `jixiao sql: 请给出一条查询语句，例如 jixiao sql "SELECT * FROM v_indicators LIMIT 10"`)
		return 2
	}
	if f, ok := stdout.(*os.File); ok && *out.out == "" && *out.format == "xlsx" && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintln(stderr, "jixiao sql: xlsx 请用 --out 文件名.xlsx 保存")
		return 2
	}
	st := openReadOnly("sql", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	dest, err := newDest(*out.out, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao sql: 无法写入 %s：%v\n", *out.out, err)
		return 1
	}
	defer dest.discard()
	rw, err := output.NewResultWriter(dest.w, *out.format, "查询结果")
	if err != nil {
		fmt.Fprintf(stderr, "jixiao sql: %v\n", err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(timeout))
	defer cancel()
	err = st.SQLTo(ctx, fs.Arg(0), rw)
	if errors.Is(err, output.ErrResultFull) {
		err = nil
	}
	if err == nil {
		err = rw.Close()
	}
	if err == nil {
		err = dest.commit()
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao sql: %s\n", sqlMessage(err, time.Duration(timeout)))
		return 1
	}
	return sqlNotes(stderr, *out.format, *out.out, rw)
}

// sqlNotes says where the result went and what a format left out.
func sqlNotes(stderr io.Writer, format, out string, rw *output.ResultWriter) int {
	if out != "" {
		fmt.Fprintf(stderr, "已写入 %s（%d 行）\n", out, rw.Rows())
	}
	if !rw.Truncated() {
		return 0
	}
	if format == "xlsx" {
		fmt.Fprintf(stderr, "jixiao sql: 结果超过一张 Excel 表能容纳的行数，只写入了前 %d 行；完整结果请用 --format csv\n", rw.Rows())
		return 1
	}
	fmt.Fprintf(stderr, "（只显示了前 %d 行，结果还有更多行；完整结果请用 --format csv --out 文件名.csv）\n", rw.Rows())
	return 0
}

// sqlMessage explains an error of the query to the finance staff.
func sqlMessage(err error, timeout time.Duration) string {
	detail := func(sentinel error) string {
		return strings.TrimPrefix(err.Error(), sentinel.Error()+": ")
	}
	switch {
	case errors.Is(err, corpus.ErrSQLTimeout):
		return fmt.Sprintf("查询超时（%s 秒），已停止。可加 LIMIT 或更严的条件缩小结果，或用 --timeout 放宽时限", secondsText(timeout))
	case errors.Is(err, corpus.ErrSQLNotAllowed):
		return "数据库以只读方式打开，只能查询：不能修改数据库、附加或导出文件，也不能更改设置（不允许：" + detail(corpus.ErrSQLNotAllowed) + "）"
	case errors.Is(err, corpus.ErrSQLMultiple):
		return "一次只能执行一条语句；第一条语句之后还有：" + detail(corpus.ErrSQLMultiple)
	case errors.Is(err, corpus.ErrSQLEmpty):
		return `查询语句是空的，例如 jixiao sql "SELECT * FROM v_indicators LIMIT 10"`
	}
	return "查询出错：" + strings.TrimPrefix(err.Error(), "corpus: sql: ")
}

// seconds is a duration flag that also takes a bare number of seconds,
// which is what finance staff type.
type seconds time.Duration

func (s *seconds) String() string { return secondsText(time.Duration(*s)) + "s" }

func (s *seconds) Set(v string) error {
	d, err := time.ParseDuration(v)
	if f, ferr := strconv.ParseFloat(v, 64); ferr == nil {
		d, err = time.Duration(f*float64(time.Second)), nil
	}
	if err != nil {
		return fmt.Errorf("写秒数或带单位的时长，例如 60、90s、5m")
	}
	if d <= 0 {
		return fmt.Errorf("时限须大于 0")
	}
	*s = seconds(d)
	return nil
}

func secondsText(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64)
}

// dest is where the result goes: standard output, or a temporary file
// beside --out that takes its name only when the whole result is
// written, so a stopped query leaves no partial file behind (nor replaces
// an earlier one).
type dest struct {
	w    io.Writer
	tmp  *os.File
	name string
}

func newDest(name string, stdout io.Writer) (*dest, error) {
	if name == "" {
		return &dest{w: stdout}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".jixiao-sql-*")
	if err != nil {
		return nil, err
	}
	f.Chmod(0o644) // as os.Create would leave it, not CreateTemp's 0600
	return &dest{w: f, tmp: f, name: name}, nil
}

func (d *dest) commit() error {
	if d.tmp == nil {
		return nil
	}
	err := d.tmp.Close()
	if err == nil {
		err = os.Rename(d.tmp.Name(), d.name)
	}
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", d.name, err)
	}
	d.tmp = nil
	return nil
}

// discard removes the temporary file of a result not committed.
func (d *dest) discard() {
	if d.tmp != nil {
		d.tmp.Close()
		os.Remove(d.tmp.Name())
	}
}
