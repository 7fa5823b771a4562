package pdf

import (
	"image"
	"math"
)

// Raster work for OCR: grey images, stamp ink dropped by colour, deskew.

// gray is an 8-bit grey image, 0 black, 255 white, row by row.
type gray struct {
	w, h int
	pix  []uint8
}

func newGray(w, h int) *gray {
	g := &gray{w: w, h: h, pix: make([]uint8, w*h)}
	for i := range g.pix {
		g.pix[i] = 255
	}
	return g
}

func (g *gray) at(x, y int) uint8 { return g.pix[y*g.w+x] }

// sub copies the rectangle [x0, x1) × [y0, y1), clipped to g.
func (g *gray) sub(x0, y0, x1, y1 int) *gray {
	x0, y0 = max(x0, 0), max(y0, 0)
	x1, y1 = min(x1, g.w), min(y1, g.h)
	if x1 <= x0 || y1 <= y0 {
		return &gray{}
	}
	s := &gray{w: x1 - x0, h: y1 - y0, pix: make([]uint8, (x1-x0)*(y1-y0))}
	for y := y0; y < y1; y++ {
		copy(s.pix[(y-y0)*s.w:], g.pix[y*g.w+x0:y*g.w+x1])
	}
	return s
}

// padded returns g with m white pixels added on every side.
func (g *gray) padded(m int) *gray {
	p := newGray(g.w+2*m, g.h+2*m)
	for y := 0; y < g.h; y++ {
		copy(p.pix[(y+m)*p.w+m:], g.pix[y*g.w:(y+1)*g.w])
	}
	return p
}

// scaled resamples g to w × h: area averaging when shrinking, bilinear
// when growing, so thin strokes survive either way.
func (g *gray) scaled(w, h int) *gray {
	s := &gray{w: w, h: h, pix: make([]uint8, w*h)}
	fx, fy := float64(g.w)/float64(w), float64(g.h)/float64(h)
	for y := 0; y < h; y++ {
		sy0, sy1 := float64(y)*fy, float64(y+1)*fy
		for x := 0; x < w; x++ {
			sx0, sx1 := float64(x)*fx, float64(x+1)*fx
			if fx <= 1 && fy <= 1 {
				s.pix[y*w+x] = g.bilinear((sx0+sx1)/2-0.5, (sy0+sy1)/2-0.5)
				continue
			}
			sum, n := 0, 0
			for yy := int(sy0); yy < int(math.Ceil(sy1)) && yy < g.h; yy++ {
				for xx := int(sx0); xx < int(math.Ceil(sx1)) && xx < g.w; xx++ {
					sum += int(g.pix[yy*g.w+xx])
					n++
				}
			}
			if n > 0 {
				s.pix[y*w+x] = uint8(sum / n)
			}
		}
	}
	return s
}

// bilinear samples g at (x, y), white outside.
func (g *gray) bilinear(x, y float64) uint8 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	ax, ay := x-float64(x0), y-float64(y0)
	px := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= g.w || y >= g.h {
			return 255
		}
		return float64(g.pix[y*g.w+x])
	}
	v := px(x0, y0)*(1-ax)*(1-ay) + px(x0+1, y0)*ax*(1-ay) + px(x0, y0+1)*(1-ax)*ay + px(x0+1, y0+1)*ax*ay
	return uint8(math.Round(v))
}

// stampInk tells red and blue ink (seals, signatures in colour) from the
// black print: a channel well above the other two.
func stampInk(r, g, b int) bool {
	// Blue needs more: headings are often printed in a dull blue, seals
	// and signatures are a saturated one.
	return r-max(g, b) > 50 || b-max(r, g) > 110
}

// toGray converts a page image to grey, turning stamp ink white: what is
// printed under a seal reads as black through it, what the seal adds
// goes.
func toGray(img image.Image) *gray {
	bd := img.Bounds()
	g := &gray{w: bd.Dx(), h: bd.Dy(), pix: make([]uint8, bd.Dx()*bd.Dy())}
	switch m := img.(type) {
	case *image.Gray:
		for y := 0; y < g.h; y++ {
			copy(g.pix[y*g.w:(y+1)*g.w], m.Pix[y*m.Stride:])
		}
		return g
	case *image.YCbCr:
		for y := 0; y < g.h; y++ {
			for x := 0; x < g.w; x++ {
				yi, ci := m.YOffset(x+bd.Min.X, y+bd.Min.Y), m.COffset(x+bd.Min.X, y+bd.Min.Y)
				yy, cb, cr := m.Y[yi], m.Cb[ci], m.Cr[ci]
				if int(cr)-128 > 25 || int(cb)-128 > 25 {
					r, gg, b := ycc(yy, cb, cr)
					if stampInk(r, gg, b) {
						g.pix[y*g.w+x] = 255
						continue
					}
				}
				g.pix[y*g.w+x] = yy
			}
		}
		return g
	}
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			r, gg, b, _ := img.At(x+bd.Min.X, y+bd.Min.Y).RGBA()
			ri, gi, bi := int(r>>8), int(gg>>8), int(b>>8)
			if stampInk(ri, gi, bi) {
				g.pix[y*g.w+x] = 255
				continue
			}
			g.pix[y*g.w+x] = uint8((299*ri + 587*gi + 114*bi) / 1000)
		}
	}
	return g
}

func ycc(y, cb, cr uint8) (int, int, int) {
	r, g, b := colorYCbCrToRGB(y, cb, cr)
	return int(r), int(g), int(b)
}

func colorYCbCrToRGB(y, cb, cr uint8) (uint8, uint8, uint8) {
	yy := float64(y)
	fcb, fcr := float64(cb)-128, float64(cr)-128
	clamp := func(v float64) uint8 { return uint8(max(0, min(255, math.Round(v)))) }
	return clamp(yy + 1.402*fcr), clamp(yy - 0.344136*fcb - 0.714136*fcr), clamp(yy + 1.772*fcb)
}

// inkThreshold separates ink from paper in a grey scan.
const inkThreshold = 160

// skewAngle estimates the page's rotation within ±5°, in degrees
// (positive: the content turned counter-clockwise), as the angle whose
// row profile of ink is sharpest: ruled lines and text lines then fall
// into the fewest rows.
func skewAngle(g *gray) float64 {
	// Work on a quarter-size sample of ink points.
	type pt struct{ x, y float64 }
	var pts []pt
	for y := 0; y < g.h; y += 2 {
		for x := 0; x < g.w; x += 2 {
			if g.pix[y*g.w+x] < inkThreshold {
				pts = append(pts, pt{float64(x), float64(y)})
			}
		}
	}
	if len(pts) < 100 {
		return 0
	}
	bins := make([]float64, g.h+g.w)
	score := func(deg float64) float64 {
		t := math.Tan(deg * math.Pi / 180)
		clear(bins)
		off := float64(g.w)
		for _, p := range pts {
			// Row of the point once the page is turned back by deg.
			// Bins as tall as the sampling step: finer ones would favour
			// 0°, where every point falls on an even row.
			r := int((p.y - p.x*t + off*math.Abs(t)) / 2)
			if r >= 0 && r < len(bins) {
				bins[r]++
			}
		}
		s := 0.0
		for _, b := range bins {
			s += b * b
		}
		return s
	}
	best, bestScore := 0.0, score(0)
	for d := -5.0; d <= 5.0; d += 0.25 {
		if s := score(d); s > bestScore {
			best, bestScore = d, s
		}
	}
	for d := best - 0.25; d <= best+0.25; d += 0.025 {
		if s := score(d); s > bestScore {
			best, bestScore = d, s
		}
	}
	return best
}

// rotated turns g by deg degrees about its centre (bilinear, white
// outside): rotated(g, skewAngle(g)) levels a skewed scan.
func rotated(g *gray, deg float64) *gray {
	if math.Abs(deg) < 0.05 {
		return g
	}
	s := &gray{w: g.w, h: g.h, pix: make([]uint8, len(g.pix))}
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(g.w)/2, float64(g.h)/2
	for y := 0; y < g.h; y++ {
		dy := float64(y) - cy
		for x := 0; x < g.w; x++ {
			dx := float64(x) - cx
			// The source of (x, y): turn back by -deg.
			sx := cx + dx*cos - dy*sin
			sy := cy + dx*sin + dy*cos
			s.pix[y*g.w+x] = g.bilinear(sx, sy)
		}
	}
	return s
}
