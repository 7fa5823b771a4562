package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
)

// serveDB creates a database with no reports.
func serveDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "serve.db")
	st, err := corpus.Open(db)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return db
}

// lockedBuffer is a strings.Builder safe to read while the server writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeRefusesExposure(t *testing.T) {
	db := serveDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:8080"}, "--listen-public"},
		{[]string{"--addr", ":8080"}, "--listen-public"},
		{[]string{"--addr", "[::]:8080"}, "--listen-public"},
		{[]string{"--addr", "192.168.1.5:8080"}, "其他计算机"},
		{[]string{"--listen-public"}, "--token"},
		{[]string{"--listen-public", "--token", "short"}, "16 至 128"},
		{[]string{"--listen-public", "--token", "has space in the token"}, "可见的英文字母"},
		{[]string{"--addr", "8080"}, "无效"},
	} {
		t.Setenv("JIXIAO_TOKEN", "")
		var stdout, stderr strings.Builder
		code := serve(context.Background(), append([]string{"--db", db}, tc.args...), &stdout, &stderr, func(string) {
			t.Errorf("%v: the server listened", tc.args)
		})
		if code != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}

// startServe runs serve with args until the test ends and returns its
// address and stderr.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	exit := make(chan int, 1)
	stderr := &lockedBuffer{}
	db := serveDB(t)
	go func() {
		exit <- serve(ctx, append([]string{"--db", db}, args...), io.Discard, stderr, func(a string) { addr <- a })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-exit:
			if code != 0 {
				t.Errorf("serve exited %d\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	select {
	case a := <-addr:
		return a, stderr
	case code := <-exit:
		t.Fatalf("serve exited %d\n%s", code, stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil
}

func status(t *testing.T, url string, header ...string) int {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		}
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeLoopback(t *testing.T) {
	addr, stderr := startServe(t, "--addr", "127.0.0.1:0")
	base := "http://" + addr
	if c := status(t, base+"/rules"); c != 200 {
		t.Errorf("GET /rules: %d", c)
	}
	// A page of another site whose name now points at 127.0.0.1.
	if c := status(t, base+"/rules", "Host", "rebind.example:"+addr[strings.LastIndex(addr, ":")+1:]); c != http.StatusMisdirectedRequest {
		t.Errorf("rebound Host: %d", c)
	}
	if strings.Contains(stderr.String(), "警告") {
		t.Errorf("a warning on loopback:\n%s", stderr.String())
	}
}

func TestServePublicToken(t *testing.T) {
	const token = "0123456789abcdef-token"
	// Loopback, so the test opens no port to the network; --listen-public
	// still requires the token and warns.
	addr, stderr := startServe(t, "--listen-public", "--addr", "127.0.0.1:0", "--token", token)
	base := "http://" + addr
	if !strings.Contains(stderr.String(), "警告：服务对其他计算机开放") {
		t.Errorf("no warning:\n%s", stderr.String())
	}
	if c := status(t, base+"/rules"); c != http.StatusUnauthorized {
		t.Errorf("no token: %d", c)
	}
	if c := status(t, base+"/rules", "Authorization", "Bearer "+token); c != 200 {
		t.Errorf("bearer token: %d", c)
	}
	if c := status(t, base+"/rules?token="+token); c != http.StatusSeeOther {
		t.Errorf("?token: %d", c)
	}
	if strings.Contains(stderr.String(), token) {
		t.Errorf("the token is in the log:\n%s", stderr.String())
	}
}

func TestAllowedHosts(t *testing.T) {
	got := allowedHosts("127.0.0.1", "8080", []string{"jixiao.lan", "proxy.lan:443", "[fe80::1]"})
	for _, want := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "jixiao.lan:8080", "proxy.lan:443", "[fe80::1]:8080"} {
		if !slices.Contains(got, want) {
			t.Errorf("allowedHosts lacks %s: %v", want, got)
		}
	}
	all := allowedHosts("0.0.0.0", "80", nil)
	if len(all) <= 3 {
		t.Errorf("bound to every interface, allowedHosts names only %v", all)
	}
	if got := allowedHosts("192.168.1.5", "80", nil); !slices.Contains(got, "192.168.1.5:80") || slices.Contains(got, "0.0.0.0:80") {
		t.Errorf("allowedHosts(192.168.1.5) = %v", got)
	}
}
