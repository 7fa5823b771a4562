package extract

import (
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
