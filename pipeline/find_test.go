package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.pdf", "a/x.docx", ".hidden/y.docx", "a/.z.docx", "c.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	files, errs := Find([]string{dir, filepath.Join(dir, "c.txt"), filepath.Join(dir, "missing.pdf")})
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		if f.Named {
			rel += "(named)"
		}
		got = append(got, rel)
	}
	if want := "a/x.docx b.pdf c.txt c.txt(named)"; strings.Join(got, " ") != want {
		t.Errorf("found %q, want %q", strings.Join(got, " "), want)
	}
	if len(errs) != 1 || filepath.Base(errs[0].Path) != "missing.pdf" {
		t.Errorf("errors %v, want one for missing.pdf", errs)
	}
	for name, want := range map[string]bool{"a.DOCX": true, "b.pdf": true, "c.doc": true, "d.wps": true, "e.txt": false, "truth.json": false} {
		if NamedAsReport(name) != want {
			t.Errorf("NamedAsReport(%q) = %v", name, !want)
		}
	}
}

func TestFindLinksAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.MkdirAll(filepath.Join(real, "sub"), 0o755)
	os.WriteFile(filepath.Join(real, "sub", "a.docx"), []byte("x"), 0o644)
	// A link to a folder given as the argument, a link back up (a loop)
	// and a link to a file inside.
	if err := os.Symlink(real, filepath.Join(dir, "link")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink(real, filepath.Join(real, "sub", "up"))
	os.Symlink(filepath.Join(real, "sub", "a.docx"), filepath.Join(real, "b.docx"))
	fifo := filepath.Join(real, "pipe.pdf")
	if err := mkfifo(fifo); err != nil {
		t.Logf("no FIFO: %v", err)
		fifo = ""
	}
	files, errs := Find([]string{filepath.Join(dir, "link")})
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		got = append(got, rel)
	}
	if want := "link/b.docx link/sub/a.docx"; strings.Join(got, " ") != want {
		t.Errorf("found %q, want %q", strings.Join(got, " "), want)
	}
	var loop, special bool
	for _, e := range errs {
		loop = loop || errors.Is(e, ErrSymlinkLoop) && strings.Contains(e.Reason, "循环")
		special = special || errors.Is(e, ErrNotRegular) && strings.Contains(e.Reason, "命名管道")
	}
	if !loop {
		t.Errorf("link loop not reported: %v", errs)
	}
	if fifo != "" {
		if !special {
			t.Errorf("FIFO in a folder not reported: %v", errs)
		}
		// Named on the command line, it must not be opened (that blocks).
		if files, errs := Find([]string{fifo}); len(files) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotRegular) {
			t.Errorf("FIFO named: files %v, errors %v", files, errs)
		}
	}
}
