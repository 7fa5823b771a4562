package docx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

// rawTokens is the oracle: the tokens encoding/xml's RawToken reads from
// data, one line each, and whether it refused data.
func rawTokens(data []byte) (toks []string, refused bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return toks, false
		}
		if err != nil {
			return toks, true
		}
		var s string
		switch t := tok.(type) {
		case xml.StartElement:
			s = "start " + t.Name.Space + " " + t.Name.Local
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s %s=%q", a.Name.Space, a.Name.Local, a.Value)
			}
		case xml.EndElement:
			s = "end " + t.Name.Space + " " + t.Name.Local
		case xml.CharData:
			s = fmt.Sprintf("text %q", t)
		case xml.Comment:
			s = fmt.Sprintf("comment %q", t)
		case xml.ProcInst:
			s = fmt.Sprintf("procinst %s %q", t.Target, t.Inst)
		case xml.Directive:
			s = fmt.Sprintf("directive %q", t)
		}
		toks = append(toks, s)
	}
}

// ourTokens is rawTokens for xmlTokenizer, with a window of window bytes
// over r. err is its error, nil at the end.
func ourTokens(r io.Reader, window int) (toks []string, err error) {
	z := &xmlTokenizer{buf: make([]byte, window)}
	z.reset(r)
	for {
		k, err := z.next()
		if err == io.EOF {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		var s string
		switch k {
		case tokStart:
			s = "start " + string(z.space) + " " + string(z.name)
			for i, a := range z.attrs {
				s += fmt.Sprintf(" %s %s=%q", a.space, a.name, z.attrValue(i))
			}
		case tokEnd:
			s = "end " + string(z.space) + " " + string(z.name)
		case tokText:
			s = fmt.Sprintf("text %q", z.text)
		case tokComment:
			s = fmt.Sprintf("comment %q", z.text)
		case tokProcInst:
			t := z.other.(xml.ProcInst)
			s = fmt.Sprintf("procinst %s %q", t.Target, t.Inst)
		case tokDirective:
			s = fmt.Sprintf("directive %q", z.other.(xml.Directive))
		}
		toks = append(toks, s)
	}
}

// sameTokens reports how xmlTokenizer, over a window of window bytes and
// reading through r, differs from RawToken on data; "" when it does not.
func sameTokens(data []byte, r io.Reader, window int) string {
	want, refused := rawTokens(data)
	got, err := ourTokens(r, window)
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("token %d is %s, encoding/xml reads %s", i, got[i], want[i])
		}
	}
	switch {
	case refused != (err != nil):
		return fmt.Sprintf("error %v, encoding/xml refuses: %v (tokens %d and %d)", err, refused, len(got), len(want))
	case len(got) != len(want):
		return fmt.Sprintf("%d tokens, encoding/xml reads %d", len(got), len(want))
	case err != nil && strings.Contains(err.Error(), "\n"):
		return fmt.Sprintf("error %q of several lines", err)
	}
	return ""
}

// xmlSamples exercise each kind of token and each way to refuse one.
var xmlSamples = []string{
	``,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<w:document xmlns:w="x"><w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> a &lt;b&gt; &amp; &#x4E2D;&#22269; </w:t></w:r></w:p></w:body></w:document>`,
	`<a b='1' c = "2"d="&quot;&apos;"/>text<![CDATA[ <x> & ]] ]]><!-- c - c --><?pi x?><!DOCTYPE a [<!ENTITY e "x"> <!-- > -->]>`,
	"<a>\r\n\r\r&#13;\n</a>",
	"<a b=\"x\ry\r\nz\"/>",
	`<:a a:="1" :b:c/>`,
	`<a:b:c/>`, `<a b:c:d="1"/>`, `<1a/>`, `<a 1b="x"/>`, `<é/>`, `<a\u00b7/>`, "<a\xb7/>", `<aé:bé/>`,
	`<a>]]></a>`, `<a>]]&gt;</a>`, `<a b="]]>"/>`, `<a b="<"/>`, `<a b=c/>`, `<a b/>`, `<a / >`, `</a b>`, `</ a>`, `< a>`, `<>`, `</>`,
	`<a>&foo;</a>`, `<a>&amp</a>`, `<a>&#;</a>`, `<a>&#x;</a>`, `<a>&#X41;</a>`, `<a>&#0;</a>`, `<a>&#xD800;</a>`, `<a>&#x110000;</a>`, `<a>&#99999999999999999999999;</a>`, `<a>&#x0000041;</a>`, `<a>&`, `<a>&a`,
	"<a>\x01</a>", "<a>\xff</a>", "<a>\xef\xbf\xbe</a>", "<a>\xed\xa0\x80</a>", "<a b=\"\x01\"/>", "<![CDATA[\x01]]>",
	`<!-- a -- b -->`, `<!-- a --->`, `<!---->`, `<!--->`, `<!- x ->`, `<![CDAT[x]]>`, `<![CDATA[x`, `<!--x`, `<!DOCTYPE`, `<?xml`, `<?xml version="1.1"?>`, `<?xml encoding="GBK"?>`, `<? x?>`,
	`<a`, `<a b`, `<a b=`, `<a b="`, `<a b="x"`, `<a/`, `</a`, `<`, `text`, `<a>text`,
	"<a\n\nb='1'\n>\n<b>\n</c>\n<",
}

func TestTokenizerSamples(t *testing.T) {
	for _, s := range xmlSamples {
		for _, window := range []int{1, 3, 16, windowSize} {
			if diff := sameTokens([]byte(s), strings.NewReader(s), window); diff != "" {
				t.Errorf("%q, window %d: %s", s, window, diff)
			}
		}
		if diff := sameTokens([]byte(s), iotest.OneByteReader(strings.NewReader(s)), 5); diff != "" {
			t.Errorf("%q, one byte a read: %s", s, diff)
		}
	}
}

// TestTokenizerNames: every byte that may start or continue a name is
// taken or refused as encoding/xml does.
func TestTokenizerNames(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{"<" + string(rune(c)) + "a/>", "<a" + string(rune(c)) + "/>", "<a" + string([]byte{byte(c)}) + "/>", "<a " + string(rune(c)) + "b='1'/>"} {
			if diff := sameTokens([]byte(s), strings.NewReader(s), windowSize); diff != "" {
				t.Errorf("%q: %s", s, diff)
			}
		}
	}
}

// TestTokenizerThreeByteChars: every three-byte sequence of a lead byte
// E0-EF and continuation bytes at the edges of their ranges is taken or
// refused as encoding/xml does, in text and in an attribute value (checkChars
// tells most of them valid without decoding them).
func TestTokenizerThreeByteChars(t *testing.T) {
	edges := []byte{0x7f, 0x80, 0x9f, 0xa0, 0xbd, 0xbe, 0xbf, 0xc0}
	for lead := 0xe0; lead <= 0xef; lead++ {
		for _, b1 := range edges {
			for _, b2 := range edges {
				c := string([]byte{byte(lead), b1, b2})
				for _, s := range []string{"<a>" + c + "</a>", "<a>x" + c, `<a b="` + c + `"/>`} {
					for _, window := range []int{1, windowSize} {
						if diff := sameTokens([]byte(s), strings.NewReader(s), window); diff != "" {
							t.Errorf("%q, window %d: %s", s, window, diff)
						}
					}
				}
			}
		}
	}
}

// TestTokenizerCorpus reads every XML part of every .docx at hand with
// both tokenizers: real parts, big and small, with a window smaller than
// most of them.
func TestTokenizerCorpus(t *testing.T) {
	parts := 0
	seen := map[[sha256.Size]byte]bool{} // the bench reports share most parts but the body
	xmlPart := func(name string) bool { return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") }
	corpusParts(t, xmlPart, func(label, name string, data []byte) {
		if key := sha256.Sum256(data); seen[key] {
			return
		} else {
			seen[key] = true
		}
		if diff := sameTokens(data, bytes.NewReader(data), 4096); diff != "" {
			t.Errorf("%s %s: %s", label, name, diff)
		}
		parts++
	})
	t.Logf("%d distinct parts tokenized as encoding/xml does", parts)
}

// corpusParts calls fn with every part whose name keep takes of every
// .docx of dumpFiles that opens as a zip (the refused ones of testdata/bad
// do not).
func corpusParts(t *testing.T, keep func(name string) bool, fn func(label, name string, data []byte)) {
	for label, path := range dumpFiles(t) {
		zr, err := zip.OpenReader(path)
		if err != nil {
			continue
		}
		for _, f := range zr.File {
			if !keep(f.Name) {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			fn(label, f.Name, data)
		}
		zr.Close()
	}
}

// FuzzTokenizer compares xmlTokenizer with encoding/xml's RawToken on any
// input: the same tokens, and an error where RawToken has one, whatever
// the window and however the stream is cut.
func FuzzTokenizer(f *testing.F) {
	for _, s := range xmlSamples {
		f.Add([]byte(s), uint8(16))
	}
	if data, err := os.ReadFile("../../testdata/seed/seed.docx"); err == nil {
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, file := range zr.File {
				if rc, err := file.Open(); err == nil {
					part, _ := io.ReadAll(rc)
					rc.Close()
					if len(part) > 4096 {
						part = part[:4096]
					}
					f.Add(part, uint8(64))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, window uint8) {
		w := int(window) + 1
		var r io.Reader = bytes.NewReader(data)
		if window%2 == 1 {
			r = iotest.HalfReader(r)
		}
		if diff := sameTokens(data, r, w); diff != "" {
			t.Errorf("window %d: %s", w, diff)
		}
	})
}
