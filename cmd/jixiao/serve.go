package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/web"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "SQLite database")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	st := openReadOnly("serve", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao serve: 无法监听 %s：%v\n", *addr, err)
		return 1
	}
	srv := &web.Server{
		Store:     st,
		Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter("") },
		Log:       log.New(stderr, "", log.LstdFlags),
	}
	fmt.Fprintf(stdout, "绩效目标审核页面：http://%s/ （数据库 %s，按 Ctrl-C 结束）\n", ln.Addr(), *db)
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "jixiao serve: %v\n", err)
		return 1
	}
	return 0
}
