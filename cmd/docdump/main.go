// Command docdump prints the Document extract reads from a file, for
// debugging readers: paragraphs, then tables as rows of cells with spans.
package main

import (
	"fmt"
	"os"

	"github.com/jixiao/jixiao/extract"
)

func main() {
	for _, name := range os.Args[1:] {
		doc, err := extract.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		extract.Dump(os.Stdout, doc)
	}
}
