// Package formats registers every format extract reads, for programs and
// tests that read files through extract.Read or extract.Open:
//
//	import _ "github.com/jixiao/jixiao/extract/formats"
//
// It holds no code; importing extract/docx or extract/pdf alone registers
// that format alone.
package formats

import (
	_ "github.com/jixiao/jixiao/extract/docx"
	_ "github.com/jixiao/jixiao/extract/pdf"
)
