package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

func runSQL(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sql", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "SQLite database, opened read-only")
	out := outputFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := out.check(); err != nil {
		fmt.Fprintf(stderr, "jixiao sql: %v\n", err)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, `jixiao sql: 请给出一条查询语句，例如 jixiao sql "SELECT * FROM v_indicators LIMIT 10"`)
		return 2
	}
	st := openReadOnly("sql", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	t, err := st.SQL(context.Background(), fs.Arg(0))
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") {
			msg = "数据库以只读方式打开，不能修改：" + msg
		}
		fmt.Fprintf(stderr, "jixiao sql: %s\n", msg)
		return 1
	}
	return out.write("sql", stdout, stderr, t)
}
