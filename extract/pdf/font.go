package pdf

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	pdflib "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// pdfFont decodes the strings shown with one font into text and widths.
type pdfFont struct {
	simple bool
	// Simple fonts: text and width (in text space units per unit of font
	// size) of each one-byte code.
	text  [256]string
	width [256]float64

	// Composite (Type0) fonts.
	space    []codeRange // how to split a string into codes
	codeLen  int         // code length when no codespace range matches
	toUni    *cmap       // ToUnicode, may be nil
	enc      *cmap       // embedded encoding CMap (code → CID), may be nil
	encName  string      // predefined encoding: Identity-H, UniGB-UCS2-H, GBK-EUC-H, …
	cidW     map[uint32]float64
	dw       float64
	vertical bool
}

// predefined encodings we decode without a ToUnicode map.
const (
	encIdentity = iota
	encUTF16
	encGBK
	encOther
)

func encodingKind(name string) int {
	switch {
	case strings.HasPrefix(name, "Identity"):
		return encIdentity
	case strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16")):
		return encUTF16
	case strings.HasPrefix(name, "GBK") || strings.HasPrefix(name, "GB-EUC") || strings.HasPrefix(name, "GBpc-EUC"):
		return encGBK
	}
	return encOther
}

// loadFont builds the decoder of font dictionary f. It never fails: what it
// cannot read it leaves at defaults, so a broken font costs its text, not
// the page.
func loadFont(f pdflib.Value) (font *pdfFont, err error) {
	return loadFontWith(f, readStream)
}

// loadFontWith is loadFont reading the font's streams with read.
func loadFontWith(f pdflib.Value, read streamFunc) (font *pdfFont, err error) {
	font = &pdfFont{simple: true, dw: 1, codeLen: 1}
	for i := range font.width {
		font.width[i] = 0.5
	}
	defer recoverTo(&err)
	var toUni *cmap
	if tu := f.Key("ToUnicode"); tu.Kind() == pdflib.Stream {
		if data, _ := read(tu, maxCMapBytes); len(data) > 0 {
			toUni = parseCMap(data)
		}
	}
	if f.Key("Subtype").Name() == "Type0" {
		font.simple = false
		font.toUni = toUni
		font.loadComposite(f, read)
		return font, nil
	}
	font.loadSimple(f, toUni)
	return font, nil
}

func (font *pdfFont) loadSimple(f pdflib.Value, toUni *cmap) {
	// Widths, in glyph space: thousandths of text space, except Type3.
	scale := 0.001
	if f.Key("Subtype").Name() == "Type3" {
		if m := f.Key("FontMatrix"); m.Len() >= 1 {
			scale = m.Index(0).Float64()
		}
	}
	missing := f.Key("FontDescriptor").Key("MissingWidth").Float64()
	base := f.Key("BaseFont").Name()
	def := 0.5
	if strings.Contains(base, "Courier") {
		def = 0.6
	}
	ws := f.Key("Widths")
	first := int(f.Key("FirstChar").Int64())
	n := ws.Len()
	for c := 0; c < 256; c++ {
		switch i := c - first; {
		case n > 0 && i >= 0 && i < n:
			font.width[c] = ws.Index(i).Float64() * scale
		case n > 0:
			font.width[c] = missing * scale
		default:
			font.width[c] = def
		}
	}

	encName := ""
	var diffs [256]string
	enc := f.Key("Encoding")
	switch enc.Kind() {
	case pdflib.Name:
		encName = enc.Name()
	case pdflib.Dict:
		encName = enc.Key("BaseEncoding").Name()
		d := enc.Key("Differences")
		code := 0
		for i := 0; i < d.Len() && i < 1024; i++ {
			switch x := d.Index(i); x.Kind() {
			case pdflib.Integer:
				code = int(x.Int64())
			case pdflib.Name:
				if code >= 0 && code < 256 {
					diffs[code] = glyphNameText(x.Name())
				}
				code++
			}
		}
	}
	for c := 0; c < 256; c++ {
		if toUni != nil {
			if s, ok := toUni.lookup(uint32(c)); ok {
				font.text[c] = s
				continue
			}
		}
		if diffs[c] != "" {
			font.text[c] = diffs[c]
			continue
		}
		if r := baseEncoding(encName, byte(c)); r != 0 {
			font.text[c] = runeString(r)
		}
	}
}

func (font *pdfFont) loadComposite(f pdflib.Value, read streamFunc) {
	desc := f.Key("DescendantFonts").Index(0)
	font.dw = 1
	if dw := desc.Key("DW"); dw.Kind() == pdflib.Integer || dw.Kind() == pdflib.Real {
		font.dw = dw.Float64() / 1000
	}
	font.cidW = readCIDWidths(desc.Key("W"))

	enc := f.Key("Encoding")
	font.codeLen = 2
	switch enc.Kind() {
	case pdflib.Name:
		font.encName = enc.Name()
	case pdflib.Stream:
		if data, _ := read(enc, maxCMapBytes); len(data) > 0 {
			font.enc = parseCMap(data)
			font.space = font.enc.space
			font.encName = font.enc.useCMap
		}
		if font.encName == "" {
			font.encName = enc.Key("CMapName").Name()
		}
	}
	font.vertical = strings.HasSuffix(font.encName, "-V")
	if font.space == nil {
		switch encodingKind(font.encName) {
		case encIdentity:
			font.space = []codeRange{{n: 2, lo: 0, hi: 0xffff}}
		case encUTF16:
			font.space = []codeRange{{n: 4, lo: 0xd800dc00, hi: 0xdbffdfff}, {n: 2, lo: 0, hi: 0xffff}}
		case encGBK:
			font.space = []codeRange{{n: 1, lo: 0, hi: 0x80}, {n: 2, lo: 0x8140, hi: 0xfefe}}
		default:
			if font.toUni != nil {
				font.space = font.toUni.space
			}
		}
	}
}

// readCIDWidths reads a CIDFont's W array: c [w1 w2 …] or cfirst clast w.
func readCIDWidths(w pdflib.Value) map[uint32]float64 {
	n := w.Len()
	if n == 0 {
		return nil
	}
	out := make(map[uint32]float64, n)
	for i := 0; i < n; {
		first := w.Index(i)
		if first.Kind() != pdflib.Integer {
			return out
		}
		c := uint32(first.Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdflib.Array {
			for k := 0; k < next.Len() && len(out) < maxCMapEntries; k++ {
				out[c+uint32(k)] = next.Index(k).Float64() / 1000
			}
			i += 2
			continue
		}
		last := uint32(next.Int64())
		wv := w.Index(i+2).Float64() / 1000
		for cid := c; cid <= last && len(out) < maxCMapEntries; cid++ {
			out[cid] = wv
		}
		i += 3
	}
	return out
}

// shown is one glyph of a decoded string.
type shown struct {
	text  string
	width float64 // advance in text space per unit of font size
	space bool    // a one-byte code 32, which word spacing applies to
}

// decode splits s into glyphs and calls fn for each.
func (font *pdfFont) decode(s string, fn func(g shown)) {
	if font.simple {
		for i := 0; i < len(s); i++ {
			c := s[i]
			fn(shown{text: font.text[c], width: font.width[c], space: c == ' '})
		}
		return
	}
	for len(s) > 0 {
		code, n := nextCode(font.space, s, font.codeLen)
		raw := s[:n]
		s = s[n:]
		fn(shown{text: font.codeText(code, raw), width: font.codeWidth(code, raw), space: n == 1 && code == ' '})
	}
}

func (font *pdfFont) codeText(code uint32, raw string) string {
	if font.toUni != nil {
		if t, ok := font.toUni.lookup(code); ok {
			return t
		}
	}
	switch encodingKind(font.encName) {
	case encUTF16:
		u := make([]uint16, 0, 2)
		for i := 0; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	case encGBK:
		if len(raw) == 1 && raw[0] < 0x80 {
			return raw
		}
		if t, ok := decodeGBK(raw); ok {
			return t
		}
	}
	return "\ufffd"
}

func (font *pdfFont) codeWidth(code uint32, raw string) float64 {
	cid, ok := font.cidOf(code, raw)
	if ok {
		if w, ok := font.cidW[cid]; ok {
			return w
		}
	}
	return font.dw
}

// cidOf maps a code to its CID. Predefined Unicode and GBK encodings need
// the Adobe tables for that, which we do not carry; for printable ASCII
// all Adobe character collections agree (CIDs 1–95), and that is where
// widths differ from the default.
func (font *pdfFont) cidOf(code uint32, raw string) (uint32, bool) {
	if font.enc != nil {
		if cid, ok := font.enc.cid(code); ok {
			return cid, true
		}
	}
	switch encodingKind(font.encName) {
	case encIdentity:
		return code, true
	case encUTF16, encGBK:
		if code >= 0x20 && code <= 0x7e {
			return code - 0x1f, true
		}
	}
	return 0, false
}

// decodeGBK decodes one character of a GBK-EUC (or GB 2312 EUC) encoded
// font; GB 18030 is a superset of both.
func decodeGBK(raw string) (string, bool) {
	s, err := simplifiedchinese.GB18030.NewDecoder().String(raw)
	if err != nil || s == "" || strings.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	return s, true
}

// unifyRadicals maps Kangxi radicals (U+2F00–U+2FD5) to the unified
// ideographs they are drawn as. Fonts map one glyph from both code points,
// and some producers (Chromium's, and many converters Chinese offices use)
// write the radical into ToUnicode: the page shows 一 and 目, the text
// would say ⼀ and ⽬, and neither a reviewer's search nor a label match
// would find it. The glyph is the ideograph, so that is what is read.
func unifyRadicals(s string) string {
	for _, r := range s {
		if r >= 0x2F00 && r <= 0x2FD5 {
			return strings.Map(func(r rune) rune {
				if r >= 0x2F00 && r <= 0x2FD5 {
					if d := norm.NFKC.String(string(r)); utf8.RuneCountInString(d) == 1 {
						r, _ = utf8.DecodeRuneInString(d)
					}
				}
				return r
			}, s)
		}
	}
	return s
}
