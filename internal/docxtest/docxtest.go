// Package docxtest makes variants of a .docx for tests: the same
// package with text replaced in word/document.xml.
package docxtest

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"strings"
)

// Edit copies the .docx src to dst with the replacements (old, new,
// old, new …) made in word/document.xml; each old must occur.
func Edit(src, dst string, repl ...string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return err
		}
		if f.Name == "word/document.xml" {
			s := string(b)
			for i := 0; i+1 < len(repl); i += 2 {
				if !strings.Contains(s, repl[i]) {
					return fmt.Errorf("docxtest: %q not in %s", repl[i], src)
				}
				s = strings.ReplaceAll(s, repl[i], repl[i+1])
			}
			b = []byte(s)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}
