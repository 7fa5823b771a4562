package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jixiao/jixiao/extract"
)

// ocrFlags are the reading flags for scanned PDFs.
type ocrFlags struct {
	mode *ocrMode
	dir  *string
}

// ocrMode is the value of --ocr, checked when parsed.
type ocrMode extract.OCRMode

func (m *ocrMode) String() string { return string(*m) }

func (m *ocrMode) Set(s string) error {
	switch extract.OCRMode(s) {
	case extract.OCROff, extract.OCRAuto, extract.OCRForce:
		*m = ocrMode(s)
		return nil
	}
	return fmt.Errorf("want off, auto or force")
}

func addOCRFlags(fs *flag.FlagSet) ocrFlags {
	m := ocrMode(extract.OCRAuto)
	fs.Var(&m, "ocr", "扫描件（没有文字层的 PDF）的文字识别：off 不识别，auto 没有文字层时识别，force 所有页都识别")
	return ocrFlags{mode: &m, dir: fs.String("ocr-dir", "", "文字识别组件（make ocr 安装）所在目录；默认取环境变量 JIXIAO_OCR_DIR，再找程序旁的 third_party/ocr")}
}

// ocrTime is the time limit of a file whose pages are recognised, from
// when the recognition starts, when --file-timeout is left at its
// default: a scanned page takes seconds, not milliseconds. Other files
// keep the default.
const ocrTime = 5 * time.Minute

// options returns the OCR options: the folder from the flag, else
// JIXIAO_OCR_DIR, else third_party/ocr beside the binary or one folder up
// (bin/jixiao in a checkout). No folder found leaves Dir empty, and a scan
// is refused saying how to install the parts.
func (f ocrFlags) options() extract.OCROptions {
	o := extract.OCROptions{Mode: extract.OCRMode(*f.mode)}
	if o.Mode == extract.OCROff {
		return o
	}
	o.Dir = *f.dir
	if o.Dir == "" {
		o.Dir = os.Getenv("JIXIAO_OCR_DIR")
	}
	if o.Dir == "" {
		if exe, err := os.Executable(); err == nil {
			for _, d := range []string{filepath.Dir(exe), filepath.Dir(filepath.Dir(exe))} {
				if _, err := os.Stat(filepath.Join(d, "third_party", "ocr", "node_modules")); err == nil {
					o.Dir = filepath.Join(d, "third_party", "ocr")
					break
				}
			}
		}
	}
	if o.Dir != "" {
		o.Dir, _ = filepath.Abs(o.Dir)
	}
	return o
}
