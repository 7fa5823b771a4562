// Command docdump prints what extract reads from files, for debugging the
// readers: by default the Document (paragraphs, then tables as rows of
// cells with spans); with --pdf-ops, for a PDF, what the content
// interpreter sees before layout (glyphs line by line, and rules).
//
//	docdump FILE...
//	docdump --pdf-ops [--page N] [--rules] FILE.pdf...
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/extract/pdf"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the whole program, so that tests call it in-process. It dumps
// every file it can and returns 1 when one could not be read, 2 on a usage
// error.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docdump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ops := fs.Bool("pdf-ops", false, "dump what the PDF interpreter sees: glyphs with positions and sizes, line by line")
	page := fs.Int("page", 0, "with --pdf-ops, only this page (1-based)")
	rules := fs.Bool("rules", false, "with --pdf-ops, also the horizontal and vertical rules")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docdump [--pdf-ops [--page N] [--rules]] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 || !*ops && (*page != 0 || *rules) {
		fs.Usage()
		return 2
	}
	status := 0
	for _, name := range fs.Args() {
		var err error
		if *ops {
			err = dumpPDF(stdout, name, pdf.DumpOptions{Page: *page, Rules: *rules})
		} else {
			var doc *extract.Document
			if doc, err = extract.Open(name); err == nil {
				extract.Dump(stdout, doc)
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
		}
	}
	return status
}

func dumpPDF(w io.Writer, name string, opt pdf.DumpOptions) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("docdump: %v", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("docdump: %v", err)
	}
	return pdf.DumpContent(w, f, st.Size(), name, opt)
}
