package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"
)

// TestDOCXRawStyleCache: a styles part stored as one read before is found
// by how it is stored (rawStyleCache), and only when it reads the same: the
// same bytes under another CRC still fail as they did, and the same styles
// stored otherwise are read as such.
func TestDOCXRawStyleCache(t *testing.T) {
	styles := `<?xml version="1.0"?><!-- raw cache test --><w:styles ` + wNS + `><w:style w:type="paragraph" w:styleId="T"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>`
	// zip.Writer.Create writes a data descriptor, which rawStyleKey
	// leaves alone: the styles are written raw, as Word writes them.
	good := rezip(t, styledDOCX(t, styles),
		"word/styles.xml", func(w *zip.Writer, f *zip.File) {
			var deflated bytes.Buffer
			fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
			io.WriteString(fw, styles)
			fw.Close()
			out, err := w.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(styles)),
				CompressedSize64: uint64(deflated.Len()), UncompressedSize64: uint64(len(styles))})
			if err != nil {
				t.Fatal(err)
			}
			out.Write(deflated.Bytes())
		})
	if f := zipFile(t, good, "word/styles.xml"); f.Flags&0x8 != 0 {
		t.Fatal("styles written with a data descriptor")
	}
	badCRC := rezip(t, good, "word/styles.xml", func(w *zip.Writer, f *zip.File) {
		fh := f.FileHeader
		fh.CRC32 ^= 1
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		out, err := w.CreateRaw(&fh)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(out, raw)
	})
	stored := rezip(t, good, "word/styles.xml", func(w *zip.Writer, f *zip.File) {
		out, err := w.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(out, styles)
	})
	for i, tt := range []struct {
		name string
		data []byte
		ok   bool
	}{{"first", good, true}, {"again", good, true}, {"bad CRC", badCRC, false}, {"stored", stored, true}, {"again", good, true}} {
		doc, err := readBytes(t, "s.docx", tt.data)
		switch {
		case !tt.ok && err == nil:
			t.Errorf("%d %s: read, want an error", i, tt.name)
		case tt.ok && err != nil:
			t.Errorf("%d %s: %v", i, tt.name, err)
		case tt.ok && doc.Blocks[0].Para.Heading != 3:
			t.Errorf("%d %s: heading %d, want 3", i, tt.name, doc.Blocks[0].Para.Heading)
		}
	}
}

// rezip copies the zip data, writing the file name with write.
func rezip(t *testing.T, data []byte, name string, write func(*zip.Writer, *zip.File)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			write(zw, f)
		} else if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipFile(t *testing.T, data []byte, name string) *zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no %s", name)
	return nil
}
