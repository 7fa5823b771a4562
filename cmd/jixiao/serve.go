package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
	"github.com/jixiao/jixiao/web"
)

// Bounds on the access token: long enough not to be guessed, short enough
// for a query parameter (web limits those to 200 characters).
const minToken, maxToken = 16, 128

func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr, nil)
}

// serve runs the web interface until ctx ends. The server listens on the
// loopback interface only, unless --listen-public is given, which takes
// an access token: the database holds every department's reports. When
// listening is set, it is told the address once the server listens.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, listening func(addr string)) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "数据库文件")
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址（用 --listen-public 时默认为 0.0.0.0:8080）")
	public := fs.Bool("listen-public", false, "允许其他计算机访问；须同时设置 --token")
	token := fs.String("token", "", "访问令牌，每个请求都须带上，至少 16 个字符（默认取环境变量 JIXIAO_TOKEN）")
	extra := fs.String("host", "", "访问本服务时用的其他主机名，用逗号分隔（局域网域名、代理的名称）")
	upload := fs.Bool("upload", false, "开放上传：在页面上上传 .docx/.pdf 文件，立即读取、审核并存入数据库（数据库以写入方式打开，文件保存在 <数据库>.files）")
	config := fs.String("config", "", "上传文件所用的审核规则配置（默认：当前目录下的 "+rules.ConfigName+"，如有）")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	addrSet := false
	fs.Visit(func(f *flag.Flag) { addrSet = addrSet || f.Name == "addr" })
	if *public && !addrSet {
		*addr = "0.0.0.0:8080"
	}
	if *token == "" {
		*token = os.Getenv("JIXIAO_TOKEN")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao serve: 地址 %q 无效，应为“主机:端口”，如 127.0.0.1:8080\n", *addr)
		return 2
	}
	if msg := checkExposure(*addr, host, *public, *token); msg != "" {
		fmt.Fprintln(stderr, "jixiao serve: "+msg)
		return 2
	}
	var up *web.Upload
	if *upload {
		if up = openUpload(*db, *config, stderr); up == nil {
			return 1
		}
		defer up.Store.Close()
		defer up.Reader.Close()
	}
	st := openReadOnly("serve", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	// The document pages read a PDF again for its cells' boxes: in
	// workers, as ingest does, so no file can take the server down.
	pages := &pipeline.Reader{Isolate: true}
	defer pages.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao serve: 无法监听 %s：%v\n", *addr, err)
		return 1
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	hosts := allowedHosts(host, port, splitList(*extra))
	srv := &web.Server{
		Store:     st,
		Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter("") },
		Log:       log.New(stderr, "", log.LstdFlags),
		Hosts:     hosts,
		Token:     *token,
		Documents: web.Documents{Upload: up, Reader: pages},
	}
	if *public {
		fmt.Fprintf(stderr, "警告：服务对其他计算机开放（%s），能连到本机的人都可以尝试访问，每个请求都须带访问令牌。"+
			"连接未加密（HTTP），同一网络中的人可能截获令牌和数据；跨网络使用时请放在 HTTPS 反向代理之后。\n", *addr)
	}
	open := "http://" + net.JoinHostPort(browserHost(host), port) + "/"
	if *token != "" {
		open += "?token=" + url.QueryEscape(*token)
	}
	fmt.Fprintf(stdout, "绩效目标审核页面：%s （数据库 %s，按 Ctrl-C 结束）\n", open, *db)
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout(*upload),
		// Long enough for a large download on a slow line, short enough
		// that a client that stops reading frees its export slot.
		WriteTimeout:   10 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       srv.Log,
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if listening != nil {
		listening(ln.Addr().String())
	}
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "jixiao serve: %v\n", err)
		return 1
	}
	<-done
	return 0
}

// readTimeout bounds the reading of a request: GETs have no body, an
// upload of up to 200 MB may come over a slow line.
func readTimeout(upload bool) time.Duration {
	if upload {
		return 10 * time.Minute
	}
	return 30 * time.Second
}

// openUpload opens the database for writing, for the upload form; the
// pages keep reading through a read-only handle. Files uploaded are kept
// beside the database, in <db>.files.
func openUpload(db, config string, stderr io.Writer) *web.Upload {
	cfg, err := loadConfig(config)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao serve: 审核规则配置有误：%v\n", err)
		return nil
	}
	st, err := corpus.Open(db)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao serve: 无法以写入方式打开数据库 %s：%v\n", db, err)
		return nil
	}
	return &web.Upload{
		Store:      st,
		Dir:        db + ".files",
		Reader:     &pipeline.Reader{Options: cfg.Reading, Isolate: true},
		Check:      func(rep *report.Report) *rules.Checked { return rules.Check(rep, cfg) },
		CheckBatch: pipeline.BatchRules(cfg),
	}
}

// checkExposure says, in Chinese, why the server must not listen on addr
// as asked, or "" when it may.
func checkExposure(addr, host string, public bool, token string) string {
	if !public && !isLoopback(host) {
		return fmt.Sprintf("地址 %s 会让其他计算机访问本机数据库中所有部门的报告，未启动。"+
			"只在本机使用时请去掉 --addr（默认 127.0.0.1:8080）；确需对外开放时请加上 --listen-public 并用 --token 设置访问令牌。", addr)
	}
	if public && token == "" {
		return "--listen-public 需要用 --token（或环境变量 JIXIAO_TOKEN）设置访问令牌，例如随机生成的：--token " + newToken()
	}
	if token != "" && (len(token) < minToken || len(token) > maxToken) {
		return fmt.Sprintf("访问令牌应为 %d 至 %d 个字符，例如随机生成的：--token %s", minToken, maxToken, newToken())
	}
	for _, r := range token {
		if r <= ' ' || r > '~' {
			return "访问令牌只能由可见的英文字母、数字和符号组成，例如随机生成的：--token " + newToken()
		}
	}
	return ""
}

// isLoopback reports whether host names this computer only. Other names
// that happen to resolve to 127.0.0.1 count as public: what they resolve
// to can change.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// allowedHosts lists the Host headers the server answers to when bound to
// host (empty or unspecified: every interface) on port: the loopback
// names, host itself, every address of this computer when bound to all of
// them, its host name, and the extra names given.
func allowedHosts(host, port string, extra []string) []string {
	names := []string{"localhost", "127.0.0.1", "::1"}
	ip := net.ParseIP(host)
	if host == "" || ip != nil && ip.IsUnspecified() {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					names = append(names, n.IP.String())
				}
			}
		}
		if h, err := os.Hostname(); err == nil {
			names = append(names, h)
		}
	} else {
		names = append(names, host)
	}
	var hosts []string
	for _, n := range names {
		hosts = append(hosts, strings.ToLower(net.JoinHostPort(n, port)))
	}
	for _, e := range extra {
		if _, _, err := net.SplitHostPort(e); err != nil {
			e = net.JoinHostPort(strings.Trim(e, "[]"), port)
		}
		hosts = append(hosts, strings.ToLower(e))
	}
	return hosts
}

// browserHost is the host to print in the address to open.
func browserHost(host string) string {
	ip := net.ParseIP(host)
	if host == "" || ip != nil && ip.IsUnspecified() {
		if h, err := os.Hostname(); err == nil {
			return h
		}
		return "localhost"
	}
	return host
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// newToken returns a random token to suggest.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
