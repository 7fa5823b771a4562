package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/jixiao/jixiao/extract"
)

// rebuildPDF writes the file in data anew, as viewers read a file whose
// structure is damaged: every "N G obj" is found by scanning (the last
// definition of a number wins), the objects of object streams are written
// out as plain objects, strings and streams are decrypted, LZW and
// RunLength streams are decoded, and one fresh cross-reference table and
// trailer end the file. ledongthuc/pdf then reads the result as a plain,
// unencrypted PDF. This is how we read a file with bytes after %%EOF that
// hide the real end, a broken or missing cross-reference table, AES-256 or
// short-key RC4 encryption, and the filters the library lacks.
func rebuildPDF(data []byte) ([]byte, error) {
	objs, trailer := scanObjects(data)
	if len(objs) == 0 {
		return nil, fmt.Errorf("%w: no objects found", extract.ErrMalformed)
	}
	if trailer == nil {
		trailer = &pdfVal{kind: pdfDict, dict: map[string]*pdfVal{}}
	}
	// The data of a stream whose /Length is an indirect object ends where
	// that object says, not at the end of line before "endstream": the
	// data may itself end in a line end.
	for _, o := range objs {
		if l := o.val.key("Length"); o.stream != nil && l != nil && l.kind == pdfRef {
			if n := objs[l.ref[0]]; n != nil && n.val.kind == pdfNum && endsStream(data, o.streamAt, n.val.int()) {
				o.stream = data[o.streamAt : o.streamAt+n.val.int()]
			}
		}
	}
	var crypt *pdfCrypt
	encNum := -1
	if enc := trailer.key("Encrypt"); enc != nil && enc.kind != pdfNull {
		if enc.kind == pdfRef {
			encNum = enc.ref[0]
			if o := objs[encNum]; o != nil {
				enc = o.val
			}
		}
		var id []byte
		if ids := trailer.key("ID"); ids != nil && ids.kind == pdfArr && len(ids.arr) > 0 {
			id = []byte(ids.arr[0].str())
		}
		var err error
		if crypt, err = newPDFCrypt(enc, id); err != nil {
			return nil, err
		}
	}
	// Decrypt and decode the direct objects, then expand object streams
	// (whose contents are not encrypted on their own).
	var stms []*rawObject
	for num, o := range objs {
		if num == encNum || o.inStream {
			continue
		}
		if err := o.prepare(crypt); err != nil {
			return nil, err
		}
		if o.stream != nil && o.val.key("Type").str() == "ObjStm" {
			stms = append(stms, o)
		}
	}
	slices.SortFunc(stms, func(a, b *rawObject) int { return a.at - b.at })
	for _, s := range stms {
		if err := expandObjStm(objs, s); err != nil {
			return nil, err
		}
	}
	// Without a trailer the catalog, perhaps in an object stream, is
	// the root.
	if trailer.key("Root") == nil {
		cat := findCatalog(objs)
		if cat == nil {
			return nil, fmt.Errorf("%w: no document catalog found", extract.ErrMalformed)
		}
		trailer.dict["Root"] = &pdfVal{kind: pdfRef, ref: [2]int{cat.num, cat.gen}}
	}
	return writePDF(objs, trailer, encNum)
}

// scanObjects finds the objects of data and its trailer: the last
// trailer dictionary or cross-reference stream dictionary that names the
// catalog.
func scanObjects(data []byte) (map[int]*rawObject, *pdfVal) {
	objs := map[int]*rawObject{}
	var trailer *pdfVal
	trailerAt := -1
	for i := 0; i < len(data); {
		t := bytes.Index(data[i:], []byte("trailer"))
		if t < 0 {
			break
		}
		// A trailer is short: the window, and going on after what was
		// read, keep a file of "trailer <<" repeated from costing the
		// square of its length.
		p := i + t + len("trailer")
		l := &psLexer{b: data[p:min(len(data), p+64<<10)]}
		if v := parseValue(l, 0); v.key("Root") != nil {
			trailer, trailerAt = v, i+t
		}
		i = p + max(l.pos, 1)
	}
	for i := 0; i < len(data); {
		k := bytes.Index(data[i:], []byte("obj"))
		if k < 0 {
			break
		}
		at := headerBefore(data, i+k-maxHeaderBack, i+k)
		if at < 0 {
			i += k + 3
			continue
		}
		o, end := readObjectAt(data, at)
		if o == nil {
			i += k + 3
			continue
		}
		if o.num > 0 && o.num < maxXrefObjects {
			objs[o.num] = o
		}
		if o.val.key("Type").str() == "XRef" && o.val.key("Root") != nil && at > trailerAt {
			trailer, trailerAt = o.val, at
		}
		i = max(end, i+k+3)
	}
	return objs, trailer
}

// findCatalog returns the last object of /Type /Catalog.
func findCatalog(objs map[int]*rawObject) *rawObject {
	var cat *rawObject
	for _, o := range objs {
		if o.val.key("Type").str() == "Catalog" && (cat == nil || o.at > cat.at) {
			cat = o
		}
	}
	return cat
}

// prepare decrypts o's strings and stream with crypt (nil for none) and
// decodes the LZW and RunLength filters of its stream.
func (o *rawObject) prepare(crypt *pdfCrypt) error {
	isXRef := o.val.key("Type").str() == "XRef"
	if crypt != nil && !isXRef {
		decryptStrings(o.val, func(s string) string { return string(crypt.decrypt(o.num, o.gen, []byte(s), false)) })
		if o.stream != nil && !(crypt.plainMeta && o.val.key("Type").str() == "Metadata") {
			o.stream = crypt.decrypt(o.num, o.gen, o.stream, true)
		}
	}
	if o.stream == nil {
		return nil
	}
	filters := o.val.key("Filter").names()
	n := 0 // filters to decode: up to the last one the library lacks
	for i, f := range filters {
		if f == "LZWDecode" || f == "LZW" || f == "RunLengthDecode" || f == "RL" {
			n = i + 1
		}
	}
	if o.val.key("Type").str() == "ObjStm" {
		n = len(filters) // expandObjStm reads the data
	}
	if n == 0 {
		return nil
	}
	parms := o.val.key("DecodeParms")
	data := o.stream
	for i, f := range filters[:n] {
		p := parms
		if parms != nil && parms.kind == pdfArr {
			p = nil
			if i < len(parms.arr) {
				p = parms.arr[i]
			}
		}
		out, err := decodeFilter(f, p, data, maxStreamBytes)
		if isLimit(err) {
			return err
		}
		if err != nil && out == nil {
			return nil // left encoded: reading it names the filter
		}
		data = out // a stream cut short gives what it has
	}
	o.stream = data
	rest := filters[n:]
	delete(o.val.dict, "Filter")
	delete(o.val.dict, "DecodeParms")
	if len(rest) > 0 {
		f := &pdfVal{kind: pdfArr}
		for _, name := range rest {
			f.arr = append(f.arr, &pdfVal{kind: pdfName, s: name})
		}
		o.val.dict["Filter"] = f
		if parms != nil && parms.kind == pdfArr && len(parms.arr) > n {
			o.val.dict["DecodeParms"] = &pdfVal{kind: pdfArr, arr: parms.arr[n:]}
		}
	}
	return nil
}

func decryptStrings(v *pdfVal, fn func(string) string) {
	switch v.kind {
	case pdfStr:
		v.s = fn(v.s)
	case pdfArr:
		for _, x := range v.arr {
			decryptStrings(x, fn)
		}
	case pdfDict:
		for _, x := range v.dict {
			decryptStrings(x, fn)
		}
	}
}

// expandObjStm adds the objects of object stream s (already decoded) to
// objs, where no definition later in the file has them.
func expandObjStm(objs map[int]*rawObject, s *rawObject) error {
	if len(s.val.key("Filter").names()) > 0 {
		return nil // a filter we cannot decode: its objects stay unknown
	}
	n, first := s.val.key("N").int(), s.val.key("First").int()
	data := s.stream
	if n <= 0 || first <= 0 || first > len(data) {
		return nil
	}
	l := &psLexer{b: data[:first]}
	type entry struct{ num, off int }
	var entries []entry
	for len(entries) < n {
		a, b := l.next(), l.next()
		if a.kind != psNum || b.kind != psNum {
			break
		}
		entries = append(entries, entry{int(a.num), int(b.num)})
	}
	for _, e := range entries {
		if e.num <= 0 || e.num >= maxXrefObjects || e.off < 0 || first+e.off >= len(data) {
			continue
		}
		if old := objs[e.num]; old != nil && old.at >= s.at {
			continue
		}
		body := data[first+e.off:]
		val := parseValue(&psLexer{b: body}, 0)
		if val == nil {
			continue
		}
		objs[e.num] = &rawObject{num: e.num, at: s.at, body: body[:val.end], val: val, inStream: true}
	}
	return nil
}

// maxRebuiltBytes bounds the file rebuildPDF writes.
const maxRebuiltBytes = 512 << 20

// writePDF writes objs (but the encryption dictionary, object streams and
// cross-reference streams) as a PDF with one cross-reference table.
func writePDF(objs map[int]*rawObject, trailer *pdfVal, encNum int) ([]byte, error) {
	nums := make([]int, 0, len(objs))
	for num, o := range objs {
		if t := o.val.key("Type").str(); num != encNum && !(o.stream != nil && (t == "ObjStm" || t == "XRef")) {
			nums = append(nums, num)
		}
	}
	slices.Sort(nums)
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(nums))
	for i, num := range nums {
		o := objs[num]
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d %d obj\n", num, o.gen)
		if o.stream != nil {
			o.val.dict["Length"] = &pdfVal{kind: pdfNum, num: float64(len(o.stream))}
		}
		writeVal(&b, o.val, 0)
		if o.stream != nil {
			b.WriteString("\nstream\n")
			b.Write(o.stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
		if b.Len() > maxRebuiltBytes {
			return nil, fmt.Errorf("%w: the file rebuilt is larger than %d MiB", extract.ErrTooLarge, maxRebuiltBytes>>20)
		}
	}
	xref := b.Len()
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i)
		for k := i; k < j; k++ {
			fmt.Fprintf(&b, "%010d %05d n \n", offsets[k], objs[nums[k]].gen)
		}
		i = j
	}
	size := 1
	if len(nums) > 0 {
		size = nums[len(nums)-1] + 1
	}
	t := &pdfVal{kind: pdfDict, dict: map[string]*pdfVal{"Size": {kind: pdfNum, num: float64(size)}}}
	for _, k := range []string{"Root", "Info", "ID"} {
		if v := trailer.key(k); v != nil {
			t.dict[k] = v
		}
	}
	b.WriteString("trailer\n")
	writeVal(&b, t, 0)
	fmt.Fprintf(&b, "\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

// writeVal writes v as PDF text; strings are written in hex.
func writeVal(b *bytes.Buffer, v *pdfVal, depth int) {
	if depth > maxParseDepth {
		b.WriteString("null")
		return
	}
	switch v.kind {
	case pdfNull:
		b.WriteString("null")
	case pdfNum:
		b.WriteString(strconv.FormatFloat(v.num, 'f', -1, 64))
	case pdfStr:
		fmt.Fprintf(b, "<%x>", v.s)
	case pdfName:
		b.WriteString("/" + v.s)
	case pdfRef:
		fmt.Fprintf(b, "%d %d R", v.ref[0], v.ref[1])
	case pdfOther:
		b.WriteString(v.s)
	case pdfArr:
		b.WriteByte('[')
		for i, x := range v.arr {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeVal(b, x, depth+1)
		}
		b.WriteByte(']')
	case pdfDict:
		keys := make([]string, 0, len(v.dict))
		for k := range v.dict {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteString("/" + k + " ")
			writeVal(b, v.dict[k], depth+1)
			b.WriteByte(' ')
		}
		b.WriteString(">>")
	}
}
