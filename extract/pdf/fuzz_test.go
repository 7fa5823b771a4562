package pdf

import (
	"errors"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// FuzzPDFContent runs content streams through the interpreter and the
// layout: whatever the operators, reading ends in a Document or an error,
// and our own code never fails at run time.
func FuzzPDFContent(f *testing.F) {
	seeds := []string{
		(&pdfDraw{}).text(90, 700, "项目编码 13073025P000895100013").text(90, 684, "单位：万元").b.String(),
		(&pdfDraw{}).grid([]float64{80, 160, 240}, []float64{700, 680, 660}, "v 1 0").text(85, 686, "一").text(85, 666, "二").b.String(),
		"q 2 0 0 2 10 10 cm BT /F1 12 Tf 0 Tc 2 Tw 120 Tz 14 TL 1 Ts (ab) Tj T* [(a) -250 (b) 3000 <4E2D>] TJ 1 2 (c) \" (d) ' ET Q",
		"BT /F1 10 Tf 0 1 -1 0 300 300 Tm <6587> Tj ET 0 0 m 100 0 l 100 100 l h S 10 10 200 0.5 re f 0 0 10 10 re B* n",
		"BI /W 1 /H 1 /BPC 8 /CS /G ID \x80\x00 EI /Im1 Do /Fm1 Do 1 0 0 1 0 0 cm Q Q Q q",
		"BT /F9 10 Tf (\\101\\102) Tj 1e308 1e308 Td (x) Tj -0 0 0 0 0 0 Tm (y) Tj ET [[[[ << /a >> ] ) (",
		"0 0 m 1 1 2 2 3 3 c 4 4 5 5 v 6 6 7 7 y h f 1 1 1 RG 0 0 m 500 0 l S 0 0 0 0 k 1 1 100 1 re f",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	panicOnBug = true
	defer func() { panicOnBug = false }()
	f.Fuzz(func(t *testing.T, content []byte) {
		if len(content) > 1<<16 {
			return
		}
		data := newPDF(string(content)).bytes()
		doc, err := readPDFBytes(t, "fuzz.pdf", data)
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
		var e *extract.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is no *Error", err)
		}
	})
}

// FuzzPDFFile reads whole files: the guard, the rebuild with its
// decryption and filters, and the library under them. Whatever the bytes,
// reading ends in a Document or an *Error, and our own code never fails
// at run time.
func FuzzPDFFile(f *testing.F) {
	for _, name := range []string{"objstm.pdf", "aes128-empty.pdf", "aes256-empty.pdf", "rc4-40-empty.pdf", "rc4-128-empty.pdf"} {
		f.Add(fixture(f, name))
	}
	page := (&pdfDraw{}).text(90, 700, "正文").b.String()
	f.Add(lzwPage(page, true))
	f.Add(filterChainPage(page))
	f.Add(withoutXref(newPDF(page).bytes()))
	f.Add(objStmFile(catalogInStream, "", "self", 0))
	f.Add(objStmFile(catalogInStream, "/Extends 5 0 R", "", 0))
	panicOnBug = true
	defer func() { panicOnBug = false }()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		doc, err := readPDFBytes(t, "fuzz.pdf", data)
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
		var e *extract.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is no *Error", err)
		}
	})
}
