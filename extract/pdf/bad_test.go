package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// The malformed-PDF suite: every bad file gives an error that names the
// file in one line and wraps the right sentinel, never a panic or a hang.

func TestPDFBadInput(t *testing.T) {
	good := newPDF((&pdfDraw{}).text(90, 700, "正文").b.String()).bytes()
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "seed.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"garbage", []byte("这不是PDF文件，只是一段文字。"), extract.ErrMalformed},
		{"header only", []byte("%PDF-1.7\n"), extract.ErrMalformed},
		{"truncated", seed[:len(seed)/2], extract.ErrMalformed},
		{"garbage body", append(append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("\x00\xff<<>>[(obj"), 200)...), "\nstartxref\n9\n%%EOF\n"...), extract.ErrMalformed},
		{"xref loop", xrefLoop(good), extract.ErrMalformed},
		{"huge object number", hugeObject(good), extract.ErrTooLarge},
		{"huge predictor row", bytes.Replace(fixture(t, "objstm.pdf"), []byte("/Columns 4"), []byte("/Columns 4000000000"), 1), extract.ErrTooLarge},
		{"password", fixture(t, "aes128-password.pdf"), extract.ErrEncrypted},
		{"AES-256 password", fixture(t, "aes256-password.pdf"), extract.ErrEncrypted},
		{"scan", newPDF("q 500 0 0 700 50 50 cm /Im1 Do Q").withImage().bytes(), extract.ErrNoTextLayer},
		{"blank page", newPDF("").bytes(), extract.ErrNoTextLayer},
		{"deflate bomb", deflated(bytes.Repeat([]byte(" "), 80<<20)), extract.ErrTooLarge},
		{"JBIG2 content", jbig2Page(), extract.ErrMalformed},
		{"no catalog", bytes.ReplaceAll(withoutXref(good), []byte("/Catalog"), []byte("/Katalog")), extract.ErrMalformed},
		{"cyclic page tree", cyclicPages(), extract.ErrMalformed},
		{"bad content", newPDF("BT /F1 10 Tf (unclosed Tj ET >> ] ) 1 0 obj").bytes(), extract.ErrNoTextLayer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "bad-" + strings.ReplaceAll(tt.name, " ", "-") + ".pdf"
			_, err := readPDFBytes(t, name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, name) || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line naming %s", msg, name)
			}
		})
	}
}

// TestPDFReadable reads files that look odd but are fine.
func TestPDFReadable(t *testing.T) {
	page := (&pdfDraw{}).text(90, 700, "加密的绩效目标表").b.String()
	v20 := newPDF(page)
	v20.header = "%PDF-2.0\n"
	comment := newPDF(page)
	comment.header = "%PDF-1.4 %\xe2\xe3\xcf\xd3\n"
	tests := []struct {
		name string
		data []byte
	}{
		{"PDF 2.0 header", v20.bytes()},
		{"comment on the header line", comment.bytes()},
		{"junk before the header", append([]byte("MIME junk\r\n"), newPDF(page).bytes()...)},
		{"RC4 empty password", fixture(t, "rc4-128-empty.pdf")},
		{"AES-128 empty password", fixture(t, "aes128-empty.pdf")},
		{"object streams", fixture(t, "objstm.pdf")},
		{"AES-256 empty password", fixture(t, "aes256-empty.pdf")},
		{"RC4 40-bit empty password", fixture(t, "rc4-40-empty.pdf")},
		{"wrong xref offsets", shiftOffsets(newPDF(page).bytes())},
		{"LZW content", lzwPage(page, true)},
		{"LZW content, EarlyChange 0", lzwPage(page, false)},
		{"RunLength content", runLengthPage(page)},
		{"LZW and RunLength after ASCII85", filterChainPage(page)},
		{"form xobject drawing itself", selfForm()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readPDFBytes(t, "ok.pdf", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := blockTexts(doc); len(got) != 1 || got[0] != "加密的绩效目标表" {
				t.Errorf("got %q", got)
			}
		})
	}
}

// TestPDFPartialPages keeps the pages that read when one does not: Read
// returns their Document with an ErrorList naming the page lost.
func TestPDFPartialPages(t *testing.T) {
	f := newPDF((&pdfDraw{}).text(90, 700, "第一页").b.String(), "", (&pdfDraw{}).text(90, 700, "第三页").b.String())
	// Page 2's content stream is JBIG2, which no one can decode.
	for i, o := range f.objs {
		if o == streamObj("", "") {
			f.objs[i] = streamObj("/Filter /JBIG2Decode", "\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01")
		}
	}
	data := f.bytes()
	doc, err := extract.Read(bytes.NewReader(data), int64(len(data)), "partial.pdf")
	var list extract.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Part != "page 2" || !strings.Contains(err.Error(), "JBIG2Decode") {
		t.Errorf("error %v, want a list of one naming page 2 and the filter", err)
	}
	if got := list.Pages(); len(got) != 1 || got[0] != 2 {
		t.Errorf("pages lost %v, want [2]", got)
	}
	if !errors.Is(err, extract.ErrMalformed) || !strings.Contains(err.Error(), "partial.pdf: page 2: ") {
		t.Errorf("error %q should wrap ErrMalformed and name the file and page", err)
	}
	if doc == nil || strings.Join(blockTexts(doc), " ") != "第一页 第三页" || len(doc.SHA256) != 64 {
		t.Fatalf("document %v, want pages 1 and 3 read and hashed", doc)
	}
	if got := doc.Lost.Pages(); len(got) != 1 || got[0] != 2 {
		t.Errorf("the document says pages %v were lost, want [2]", got)
	}
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withImage adds an image XObject /Im1 to the resources of every page.
func (f *pdfFile) withImage() *pdfFile {
	img := f.add(streamObj("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"))
	for i, o := range f.objs {
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = strings.Replace(o, "/Resources << ", fmt.Sprintf("/Resources << /XObject << /Im1 %d 0 R >> ", img), 1)
		}
	}
	return f
}

// deflated makes a one-page PDF whose content stream is data, compressed.
func deflated(data []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write(data)
	w.Close()
	f := newPDF("")
	f.objs[len(f.objs)-2] = streamObj("/Filter /FlateDecode", z.String())
	return f.bytes()
}

func jbig2Page() []byte {
	f := newPDF("")
	f.objs[len(f.objs)-2] = streamObj("/Filter /JBIG2Decode", "\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01")
	return f.bytes()
}

// lzwPage makes a one-page PDF whose content is LZW-compressed.
func lzwPage(content string, early bool) []byte {
	f := newPDF("")
	dict := "/Filter /LZWDecode"
	if !early {
		dict += " /DecodeParms << /EarlyChange 0 >>"
	}
	f.objs[len(f.objs)-2] = streamObj(dict, string(lzwEncode([]byte(content), early)))
	return f.bytes()
}

func runLengthPage(content string) []byte {
	f := newPDF("")
	f.objs[len(f.objs)-2] = streamObj("/Filter /RunLengthDecode", string(runLengthEncode([]byte(content))))
	return f.bytes()
}

// filterChainPage encodes the content with LZW, then RunLength, then
// ASCII85, and names the filters in the order that decodes them.
func filterChainPage(content string) []byte {
	var a bytes.Buffer
	w := ascii85.NewEncoder(&a)
	w.Write(runLengthEncode(lzwEncode([]byte(content), true)))
	w.Close()
	f := newPDF("")
	f.objs[len(f.objs)-2] = streamObj("/Filter [/ASCII85Decode /RunLengthDecode /LZWDecode]", a.String()+"~>")
	return f.bytes()
}

// cyclicPages makes a page tree whose node lists itself as its kid.
func cyclicPages() []byte {
	f := newPDF("")
	f.objs[1] = "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"
	return f.bytes()
}

// selfForm draws the text through a Form XObject that also draws itself.
func selfForm() []byte {
	f := newPDF("/Fm1 Do")
	form := f.add(streamObj("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 8 0 R >> >>",
		"BT /F1 10.5 Tf 1 0 0 1 90 700 Tm <"+utf16Hex("加密的绩效目标表")+"> Tj ET /Fm1 Do"))
	if form != 8 {
		panic("selfForm: the form is not object 8")
	}
	for i, o := range f.objs {
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = strings.Replace(o, "/Resources << ", "/Resources << /XObject << /Fm1 8 0 R >> ", 1)
		}
	}
	return f.bytes()
}

// shiftOffsets moves every object by a few bytes, so that the
// cross-reference table points into the middle of objects.
func shiftOffsets(data []byte) []byte {
	i := bytes.Index(data, []byte("1 0 obj"))
	return append(append(append([]byte{}, data[:i]...), "\n\n\n\n\n\n\n"...), data[i:]...)
}

// xrefLoop gives the trailer a /Prev pointing at its own table.
func xrefLoop(data []byte) []byte {
	x := bytes.LastIndex(data, []byte("\nxref\n")) + 1
	return bytes.Replace(data, []byte("/Root 1 0 R"), fmt.Appendf(nil, "/Prev %d /Root 1 0 R", x), 1)
}

// hugeObject adds a cross-reference subsection for object 4,000,000,000.
func hugeObject(data []byte) []byte {
	i := bytes.Index(data, []byte("trailer\n"))
	out := append([]byte{}, data[:i]...)
	out = append(out, "4000000000 1\n0000000009 00000 n \n"...)
	return append(out, data[i:]...)
}

// TestPDFObjectStreamGuard refuses object streams the library would read
// forever: one ending in an open hex string, one claiming too many objects.
func TestPDFObjectStreamGuard(t *testing.T) {
	objStm := func(n, data string) []byte {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write([]byte(data))
		w.Close()
		return []byte("%PDF-1.5\n7 0 obj\n<< /Type /ObjStm /N " + n + " /First 4 /Filter /FlateDecode /Length " +
			fmt.Sprint(z.Len()) + " >>\nstream\n" + z.String() + "\nendstream\nendobj\n")
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"fine", objStm("1", "5 0 <4142>"), nil},
		{"open hex string", objStm("1", "5 0 <4142 "), extract.ErrMalformed},
		{"huge count", objStm("99999999999", "5 0 1"), extract.ErrTooLarge},
	}
	for _, tt := range tests {
		if err := checkObjectStreams(tt.data); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestPDFUndecodable: a font with no ToUnicode map and an Identity
// encoding maps its glyphs to no characters; such a file is refused rather
// than read as U+FFFD.
func TestPDFUndecodable(t *testing.T) {
	draw := (&pdfDraw{}).text(72, 700, "项目编码 13073025P000895100013")
	f := newPDF(draw.b.String())
	f.objs[2] = strings.Replace(f.objs[2], " /ToUnicode 5 0 R", "", 1)
	_, err := readPDFBytes(t, "nomap.pdf", f.bytes())
	if !errors.Is(err, extract.ErrUndecodable) || !strings.Contains(err.Error(), "nomap.pdf") {
		t.Fatalf("error %v, want ErrUndecodable naming the file", err)
	}
	// With the map the same page reads.
	if _, err := readPDFBytes(t, "map.pdf", newPDF(draw.b.String()).bytes()); err != nil {
		t.Fatal(err)
	}
}
