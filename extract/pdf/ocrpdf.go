package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/extract"
)

// Taking page images out of a PDF. ledongthuc/pdf cannot hand out a
// stream's bytes undecoded (its Reader panics on DCTDecode), so the
// images are found through the library, page by page, and their bytes
// are taken from our own scan of the file's objects, matched by the
// dictionary entries both readings share.

// pageImage is the largest image of a page, or why it could not be had.
type pageImage struct {
	img image.Image
	err error
}

func (p pageImage) gray() *gray { return toGray(p.img) }

// imageKey identifies an image XObject across the two readings.
type imageKey struct {
	w, h, length int
	filter       string
}

// pageImages returns the largest image of each page.
func pageImages(d *pdfDoc, pages []pageRef) (out []pageImage, err error) {
	defer recoverTo(&err)
	if d.data == nil || d.rebuilt {
		return nil, fmt.Errorf("%w: page images are read only from files of at most %d MiB that need no rebuilding", extract.ErrTooLarge, maxInMemory>>20)
	}
	raw := map[imageKey][]*rawObject{}
	objs, _ := scanObjects(d.data)
	for _, o := range objs {
		if o.val.key("Subtype").str() != "Image" || o.stream == nil {
			continue
		}
		k := imageKey{o.val.key("Width").int(), o.val.key("Height").int(), len(o.stream), firstName(o.val.key("Filter").names())}
		raw[k] = append(raw[k], o)
	}
	out = make([]pageImage, len(pages))
	for i, p := range pages {
		v := largestImage(p.res.Key("XObject"))
		if v.IsNull() {
			continue
		}
		k := imageKey{int(v.Key("Width").Int64()), int(v.Key("Height").Int64()), int(v.Key("Length").Int64()), firstName(streamFilters(v))}
		os := raw[k]
		if len(os) == 0 {
			out[i].err = fmt.Errorf("%w: page image not found in the file", extract.ErrMalformed)
			continue
		}
		out[i].img, out[i].err = decodeImage(os[0])
	}
	return out, nil
}

func firstName(ns []string) string {
	if len(ns) == 0 {
		return ""
	}
	return ns[0]
}

// largestImage returns the image XObject of xobjs with the most pixels.
func largestImage(xobjs pdflib.Value) pdflib.Value {
	var best pdflib.Value
	most := int64(0)
	for _, name := range xobjs.Keys() {
		x := xobjs.Key(name)
		if x.Key("Subtype").Name() != "Image" {
			continue
		}
		if n := x.Key("Width").Int64() * x.Key("Height").Int64(); n > most {
			best, most = x, n
		}
	}
	return best
}

// decodeImage decodes the stream of image object o.
func decodeImage(o *rawObject) (image.Image, error) {
	w, h := o.val.key("Width").int(), o.val.key("Height").int()
	if w <= 0 || h <= 0 || w*h > maxOCRPix {
		return nil, fmt.Errorf("%w: a page image of %d × %d pixels", extract.ErrTooLarge, w, h)
	}
	filters := o.val.key("Filter").names()
	data := o.stream
	for i, f := range filters {
		switch f {
		case "DCTDecode", "DCT":
			if i != len(filters)-1 {
				return nil, fmt.Errorf("%w: page image filters %v", extract.ErrMalformed, filters)
			}
			// The JPEG's own header, not the dictionary, sizes what
			// the decoder allocates.
			if c, err := jpeg.DecodeConfig(bytes.NewReader(data)); err != nil || c.Width*c.Height > maxOCRPix {
				return nil, fmt.Errorf("%w: page image: %d × %d pixels or unreadable (%v)", extract.ErrTooLarge, c.Width, c.Height, err)
			}
			img, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("%w: page image: %v", extract.ErrMalformed, err)
			}
			return img, nil
		case "FlateDecode", "Fl":
			parms := o.val.key("DecodeParms")
			if parms != nil && parms.kind == pdfArr {
				if i < len(parms.arr) {
					parms = parms.arr[i]
				} else {
					parms = nil
				}
			}
			var err error
			if data, err = decodeFilter(f, parms, data, 4*maxOCRPix); err != nil {
				return nil, fmt.Errorf("page image: %w", err)
			}
		default:
			return nil, fmt.Errorf("%w: page image filter %s not supported for OCR", extract.ErrMalformed, f)
		}
	}
	return rawPixels(o.val, data, w, h)
}

// rawPixels makes an image of decoded samples: 8-bit grey or RGB, or
// 1-bit.
func rawPixels(dict *pdfVal, data []byte, w, h int) (image.Image, error) {
	bpc := dict.key("BitsPerComponent").int()
	comps := 1
	cs := dict.key("ColorSpace")
	switch {
	case cs != nil && cs.kind == pdfName && cs.s == "DeviceRGB":
		comps = 3
	case cs != nil && cs.kind == pdfArr && len(cs.arr) > 0 && cs.arr[0].s == "ICCBased":
		comps = 3 // the usual RGB profile; grey ICC is read below by size
	case dict.key("ImageMask") != nil:
		bpc = 1
	}
	if bpc == 8 && comps == 3 && len(data) < w*h*3 && len(data) >= w*h {
		comps = 1
	}
	switch {
	case bpc == 8 && len(data) >= w*h*comps:
		if comps == 1 {
			return &image.Gray{Pix: data[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}, nil
		}
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < w*h; i++ {
			copy(m.Pix[4*i:], data[3*i:3*i+3])
			m.Pix[4*i+3] = 255
		}
		return m, nil
	case bpc == 1 && comps == 1 && len(data) >= (w+7)/8*h:
		m := image.NewGray(image.Rect(0, 0, w, h))
		stride := (w + 7) / 8
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				if data[y*stride+x/8]&(0x80>>(x%8)) != 0 {
					m.Pix[y*w+x] = 255
				}
			}
		}
		return m, nil
	}
	return nil, fmt.Errorf("%w: page image of %d bits and %d components not supported for OCR", extract.ErrMalformed, bpc, comps)
}
