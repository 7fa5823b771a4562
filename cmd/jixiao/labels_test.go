package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withHeader rewrites a .docx, replacing the text of one table header.
func withHeader(t *testing.T, src, from, to string) []byte {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	replaced := false
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			old := "<w:t>" + from + "</w:t>"
			replaced = bytes.Contains(data, []byte(old))
			data = bytes.ReplaceAll(data, []byte(old), []byte("<w:t>"+to+"</w:t>"))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatalf("%s has no header %q", src, from)
	}
	return buf.Bytes()
}

// TestLabelsFromConfig reads a form whose value column is headed by a label
// no declaration knows (考核指标数): without jixiao.toml the values stay in
// extra; with [labels] value = ["考核指标数"] they are the values.
func TestLabelsFromConfig(t *testing.T) {
	dir := t.TempDir()
	form := filepath.Join(dir, "form.docx")
	src := filepath.Join("..", "..", "testdata", "real-forms", "08-qingshan-bxgz.docx")
	if err := os.WriteFile(form, withHeader(t, src, "指标值", "考核指标数"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.toml")
	config := filepath.Join(dir, "jixiao.toml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, []byte("[labels]\nvalue = [\"考核指标数\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	values := func(cfg string) (vals, extra []string) {
		status, out, errs := runCmd("check", "--format", "json", "--config", cfg, form)
		if status != 0 {
			t.Fatalf("status %d: %s", status, errs)
		}
		var rep struct {
			Projects []struct {
				Indicators []struct {
					Value string            `json:"value"`
					Extra map[string]string `json:"extra"`
				} `json:"indicators"`
			} `json:"projects"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if len(rep.Projects) != 1 || len(rep.Projects[0].Indicators) != 9 {
			t.Fatalf("read %+v", rep)
		}
		for _, in := range rep.Projects[0].Indicators {
			vals = append(vals, in.Value)
			extra = append(extra, in.Extra["考核指标数"])
		}
		return vals, extra
	}
	vals, extra := values(empty)
	if strings.Join(vals, "") != "" || extra[0] != "100%" {
		t.Errorf("without [labels]: values %q, extra %q", vals, extra)
	}
	vals, extra = values(config)
	if vals[0] != "100%" || vals[8] != "≥90%" || strings.Join(extra, "") != "" {
		t.Errorf("with [labels]: values %q, extra %q", vals, extra)
	}
	status, _, errs := runCmd("check", "--config", writeFile(t, dir, "bad.toml", "[labels]\nvalu = [\"x\"]\n"), form)
	if status != 2 || !strings.Contains(errs, `第 2 行，labels.valu：没有字段 "valu"`) {
		t.Errorf("a misspelt field: status %d, %s", status, errs)
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckExplain: --explain says, per file, which table was passed over
// and why, the role of the form's table, which cell went to which field
// and which column to which indicator field, on stderr beside the usual
// output.
func TestCheckExplain(t *testing.T) {
	form := filepath.Join("..", "..", "testdata", "real-forms", "05-lechang-zhongzhi.docx")
	status, out, errs := runCmd("check", "--explain", form)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	for _, want := range []string{
		"05-lechang-zhongzhi.docx 的读取过程",
		"表1 3行×8列：不是绩效目标表",
		"表2 21行×7列：项目 1",
		"第4行 第1列「专项名称」→ name = 「学生资助补助经费",
		"指标表表头（1行）：第2列 level1，第3列 level2，第4列 level3，第5列 value",
		"结果：1 个项目，7 个项目指标",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("--explain lacks %q:\n%s", want, errs)
		}
	}
	if !strings.Contains(out, "绩效指标：7 个") {
		t.Errorf("the summary is still printed:\n%s", out)
	}
	if _, _, plain := runCmd("check", form); strings.Contains(plain, "读取过程") {
		t.Errorf("without --explain: %s", plain)
	}
}
