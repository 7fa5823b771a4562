package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/internal/truth"
)

// TestAppendStreamReadsAsLibrary decodes streams of every kind the fast
// path takes or leaves, whole and damaged, and wants from appendStream the
// bytes and the error readStream, through the library, gives.
func TestAppendStreamReadsAsLibrary(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	fmt.Fprintf(zw, "BT /F1 12 Tf (%s) Tj ET\n", bytes.Repeat([]byte("x"), 5000))
	zw.Close()
	flate := z.String()
	tests := []struct {
		name, obj string
		fast      bool // decoded without the library
	}{
		{"flate", streamObj("/Filter /FlateDecode", flate), true},
		{"flate cut short", streamObj("/Filter /FlateDecode", flate[:len(flate)/2]), true},
		{"flate without its checksum", streamObj("/Filter /FlateDecode", flate[:len(flate)-4]), true},
		{"flate with a bad byte", streamObj("/Filter /FlateDecode", flate[:40]+"\xff\xff\xff"+flate[43:]), true},
		{"not zlib", streamObj("/Filter /FlateDecode", "hello, world"), true},
		{"flate in an array", streamObj("/Filter [/FlateDecode]", flate), false},
		{"flate with a predictor", streamObj("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", flate), false},
		{"flate with other parameters", streamObj("/Filter /FlateDecode /DecodeParms << /Columns 4 >>", flate), true},
		{"too many columns", streamObj("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 99999999 >>", flate), false},
		{"no filter", streamObj("", "0 0 m 10 10 l S"), true},
		{"ASCII85", streamObj("/Filter /ASCII85Decode", "87cURD]i,\"Ebo80~>"), false},
		{"unknown filter", streamObj("/Filter /JBIG2Decode", "data"), false},
		{"length 0", "<< /Filter /FlateDecode /Length 0 >>\nstream\n\nendstream", true},
		{"length past the end", "<< /Filter /FlateDecode /Length 99999 >>\nstream\n" + flate + "\nendstream", true},
		{"unfiltered past the end", "<< /Length 99999 >>\nstream\nabc\nendstream", true},
		{"negative length", "<< /Length -5 >>\nstream\nabc\nendstream", false},
		{"length as a real", "<< /Length 3.0 >>\nstream\nabc\nendstream", true},
		{"indirect length", "<< /Length 4 0 R >>\nstream\nabc\nendstream", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &pdfFile{trailer: "/Test 3 0 R"}
			f.add("<< /Type /Catalog /Pages 2 0 R >>")
			f.add("<< /Type /Pages /Kids [] /Count 0 >>")
			f.add(tt.obj)
			f.add("3") // an indirect /Length
			data := f.bytes()
			d, err := openLib(bytes.NewReader(data), int64(len(data)), data)
			if err != nil {
				t.Fatal(err)
			}
			if d.raw == nil {
				t.Fatal("the fast path is off for an unencrypted file in memory")
			}
			v := d.r.Trailer().Key("Test")
			if _, _, fast := d.rawStream(v); fast != tt.fast {
				t.Errorf("decoded without the library: %v, want %v", fast, tt.fast)
			}
			for _, limit := range []int64{1 << 20, 100} {
				sameAsLibrary(t, d, v, limit)
			}
		})
	}
}

// TestAppendStreamDamagedAnywhere damages a Flate stream at every byte
// (flipped, zeroed, cut there) and wants what the library reads of each:
// the fast decoder must not read a stream the library refuses, nor
// otherwise.
func TestAppendStreamDamagedAnywhere(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	for i := range 300 {
		fmt.Fprintf(zw, "BT /F%d %d Tf (第%d行) Tj ET\n", i%7, 9+i%5, i)
	}
	zw.Close()
	flate := z.Bytes()
	for i := range flate {
		for _, damage := range []func([]byte) []byte{
			func(b []byte) []byte { b[i] ^= 0xff; return b },
			func(b []byte) []byte { b[i] = 0; return b },
			func(b []byte) []byte { return b[:i] },
		} {
			f := &pdfFile{trailer: "/Test 3 0 R"}
			f.add("<< /Type /Catalog /Pages 2 0 R >>")
			f.add("<< /Type /Pages /Kids [] /Count 0 >>")
			f.add(streamObj("/Filter /FlateDecode", string(damage(bytes.Clone(flate)))))
			data := f.bytes()
			d, err := openLib(bytes.NewReader(data), int64(len(data)), data)
			if err != nil {
				t.Fatal(err)
			}
			sameAsLibrary(t, d, d.r.Trailer().Key("Test"), 1<<20)
		}
	}
}

// sameAsLibrary wants appendStream to append the bytes of stream v, and
// return the error, that readStream gives.
func sameAsLibrary(t *testing.T, d *pdfDoc, v pdflib.Value, limit int64) {
	t.Helper()
	want, wantErr := readStream(v, limit)
	got, n, gotErr := d.appendStream([]byte("prefix"), v, limit)
	if string(got[:6]) != "prefix" || n != len(got)-6 || !bytes.Equal(got[6:], want) {
		t.Errorf("limit %d: appended %d bytes %.40q, want %d bytes %.40q", limit, n, got[min(6, len(got)):], len(want), want)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("limit %d: error %v, want %v", limit, gotErr, wantErr)
	}
}

// TestAppendStreamFiles wants the content streams and ToUnicode maps of
// the sample files, and of the bench corpus when it is there, decoded as
// the library decodes them, and each Flate one by klauspost alone, so
// that the fallback is not what reads them.
func TestAppendStreamFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.pdf"))
	if dir, err := truth.BenchCorpus(); err == nil {
		more, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		files = append(files, more...)
	}
	streams, fast := 0, 0
	read := func(d *pdfDoc, v pdflib.Value, limit int64) {
		sameAsLibrary(t, d, v, limit)
		streams++
		if raw, flate, ok := d.rawStream(v); ok && flate {
			want, _ := readStream(v, limit)
			got, headerErr, err := new(zlibReader).inflate(nil, raw, limit, false)
			if headerErr != nil || err != nil || !bytes.Equal(got, want) {
				t.Errorf("klauspost alone: %d bytes, %v, %v; want %d bytes", len(got), headerErr, err, len(want))
			}
			fast++
		}
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := openPDF(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue // the bad files
		}
		pages, _ := d.pages()
		for _, p := range pages {
			if c := p.v.Key("Contents"); c.Kind() == pdflib.Stream {
				read(d, c, maxStreamBytes)
			}
			fonts := p.res.Key("Font")
			for _, k := range fonts.Keys() {
				if tu := fonts.Key(k).Key("ToUnicode"); tu.Kind() == pdflib.Stream {
					read(d, tu, maxCMapBytes)
				}
			}
		}
	}
	if streams == 0 || fast == 0 {
		t.Fatalf("%d streams read, %d of them Flate", streams, fast)
	}
}
