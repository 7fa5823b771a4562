package web

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/pipeline"
)

// A PDF's pages are drawn by poppler's pdftoppm as PNG images, cached by
// the file's SHA-256 and page; the boxes of the cells findings concern
// are drawn over them as an SVG of rectangles (the Content-Security-Policy
// forbids inline styles, and SVG geometry is attributes, not style).
//
// The cell boxes are not in the database: the file is read again when its
// page is first shown — in a worker process under the ingest's limits
// (Documents.Reader), its bytes checked against the stored hash first —
// and the boxes kept in memory.

// BUG(web): Cell boxes are read again from the PDF for the page (in a
// worker, Documents.Reader), because the database keeps only page, table,
// row and column.

// Bounds on the page images: a page is drawn at most this many pixels
// on its longer side, in at most renderTime and renderMemory, and a
// document page shows at most maxShownPages pages.
const (
	renderPixels  = 1400
	renderTime    = 20 * time.Second
	renderMemory  = 512 << 20 // pdftoppm drawing a form's page takes about 17 MB
	maxShownPages = 12
	maxLayouts    = 32 // documents whose cell boxes are kept
	maxPNG        = 32 << 20
)

var (
	errNoRenderer = errors.New("web: pdftoppm not installed")
	errNotPDF     = errors.New("web: not a pdf document")
	errNoPage     = errors.New("web: no such page")
)

func pageNote(err error) string {
	switch {
	case errors.Is(err, errNoRenderer):
		return "未安装 pdftoppm，无法显示原始页面。"
	case errors.Is(err, errFileChanged), errors.Is(err, os.ErrNotExist):
		return "原始文件已不在导入时的位置，或已被修改，无法显示原始页面。"
	case errors.Is(err, errNotPDF), errors.Is(err, errNoPage):
		return "没有这一页。"
	}
	return "原始页面无法显示（渲染失败或超时）。"
}

// pdfLayout is what a PDF's pages need: its tables by index and each
// page's crop box and rotation.
type pdfLayout struct {
	tables map[int]*extract.Table
	pages  map[int]pageGeom
}

// pageGeom is a page's crop box in PDF user space (points) and its
// rotation in degrees clockwise, as pdfinfo reports them.
type pageGeom struct {
	X0, Y0, X1, Y1 float64
	Rot            int
}

// pdfView is the part of the document page that shows the PDF's pages.
type pdfView struct {
	Note  string // why the pages are not shown
	Pages []pdfPageView
	More  int // pages with findings left out
}

type pdfPageView struct {
	N     int
	URL   string
	Rects []vrect
}

// vrect is a finding's box over a page image, in thousandths of the
// image's width and height.
type vrect struct {
	X, Y, W, H string
	Class      string
	Href       string
	Title      string
}

func (s *Server) renderer() (string, error) {
	if s.Documents.Pdftoppm != "" {
		return s.Documents.Pdftoppm, nil
	}
	p, err := exec.LookPath("pdftoppm")
	if err != nil {
		return "", errNoRenderer
	}
	return p, nil
}

// pdfView lays the findings of d over its pages.
func (s *Server) pdfView(ctx context.Context, d *corpus.Document, v *docView) *pdfView {
	pv := &pdfView{}
	if _, err := s.renderer(); err != nil {
		pv.Note = pageNote(err) + "下面是读出的表格。"
		return pv
	}
	f := &corpus.DocumentFile{Path: d.Path, Format: d.Format, SHA256: d.SHA256, Size: d.Size, Pages: d.Pages}
	lay, err := s.layout(ctx, f)
	if err != nil {
		s.logf("document %d: layout: %v", d.ID, err)
		pv.Note = pageNote(err) + "下面是读出的表格。"
		return pv
	}
	byPage := map[int][]vrect{}
	for _, vf := range v.Findings {
		fd := findingByID(d, vf.ID)
		page, box, ok := lay.box(fd)
		if page == 0 {
			continue
		}
		rects := byPage[page]
		if g, known := lay.pages[page]; ok && known {
			if r, ok := g.fraction(box); ok {
				href := "#f" + strconv.FormatInt(vf.ID, 10)
				rects = append(rects, vrect{X: r[0], Y: r[1], W: r[2], H: r[3], Class: "sev-" + vf.Severity,
					Href: href, Title: fmt.Sprintf("%d. [%s] %s %s", vf.N, vf.SevName, vf.Rule, vf.Message)})
			}
		}
		byPage[page] = rects
	}
	pages := sortedInts(byPage)
	if len(pages) > maxShownPages {
		pv.More = len(pages) - maxShownPages
		pages = pages[:maxShownPages]
	}
	for _, n := range pages {
		pv.Pages = append(pv.Pages, pdfPageView{N: n, Rects: byPage[n],
			URL: "/documents/" + strconv.FormatInt(d.ID, 10) + "/pages/" + strconv.Itoa(n) + ".png"})
	}
	return pv
}

func findingByID(d *corpus.Document, id int64) corpus.DocFinding {
	for _, f := range d.Findings {
		if f.ID == id {
			return f
		}
	}
	return corpus.DocFinding{}
}

func sortedInts[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// box returns the page and the box (user space) finding f points at: its
// cell, its row (col 0) or its table (row 0); ok is false when only the
// page is known.
func (l *pdfLayout) box(f corpus.DocFinding) (page int, box extract.Rect, ok bool) {
	t := l.tables[f.Table]
	if t == nil {
		return f.Page, box, false
	}
	var cells []*extract.Cell
	switch {
	case f.Row > 0 && f.Col > 0:
		if c := t.At(f.Row, f.Col); c != nil {
			cells = append(cells, c)
		}
	case f.Row > 0:
		cells = t.RowCells(f.Row)
	default:
		return t.Pos.Page, t.Pos.BBox, t.Pos.Page > 0
	}
	for _, c := range cells {
		if c.Pos.Page == 0 || page != 0 && c.Pos.Page != page {
			continue
		}
		if page == 0 {
			page, box = c.Pos.Page, c.Pos.BBox
			continue
		}
		box = extract.Rect{X0: min(box.X0, c.Pos.BBox.X0), Y0: min(box.Y0, c.Pos.BBox.Y0),
			X1: max(box.X1, c.Pos.BBox.X1), Y1: max(box.Y1, c.Pos.BBox.Y1)}
	}
	if page == 0 {
		return f.Page, box, false
	}
	return page, box, true
}

// fraction places box on the page image, which pdftoppm draws of the
// crop box turned by the page's rotation: x, y, width and height in
// thousandths of the image.
func (g pageGeom) fraction(b extract.Rect) ([4]string, bool) {
	w, h := g.X1-g.X0, g.Y1-g.Y0
	if w <= 0 || h <= 0 || b.X1 <= b.X0 || b.Y1 <= b.Y0 {
		return [4]string{}, false
	}
	// Unrotated, from the top left: u across, v down.
	u0, u1 := (b.X0-g.X0)/w, (b.X1-g.X0)/w
	v0, v1 := (g.Y1-b.Y1)/h, (g.Y1-b.Y0)/h
	switch ((g.Rot % 360) + 360) % 360 {
	case 90:
		u0, u1, v0, v1 = 1-v1, 1-v0, u0, u1
	case 180:
		u0, u1, v0, v1 = 1-u1, 1-u0, 1-v1, 1-v0
	case 270:
		u0, u1, v0, v1 = v0, v1, 1-u1, 1-u0
	}
	clamp := func(x float64) float64 { return min(max(x, 0), 1) }
	u0, u1, v0, v1 = clamp(u0), clamp(u1), clamp(v0), clamp(v1)
	if u1 <= u0 || v1 <= v0 {
		return [4]string{}, false
	}
	f := func(x float64) string { return strconv.FormatFloat(x*1000, 'f', 1, 64) }
	return [4]string{f(u0), f(v0), f(u1 - u0), f(v1 - v0)}, true
}

// layout returns the cell boxes and page geometry of f, read once and
// kept for the next requests.
func (s *Server) layout(ctx context.Context, f *corpus.DocumentFile) (*pdfLayout, error) {
	st := s.docState()
	st.mu.Lock()
	l := st.layouts[f.SHA256]
	st.mu.Unlock()
	if l != nil {
		return l, nil
	}
	if f.Format != "pdf" {
		return nil, errNotPDF
	}
	data, err := s.originalFile(f, true)
	if err != nil {
		return nil, err
	}
	if err := s.renderSlot(ctx); err != nil {
		return nil, err
	}
	defer func() { <-st.renders }()
	l = &pdfLayout{tables: map[int]*extract.Table{}}
	reader := s.Documents.Reader
	if reader == nil {
		reader = &pipeline.Reader{}
	}
	doc, err := reader.ReadDocument(ctx, f.Path, data)
	if err != nil {
		return nil, err
	}
	for _, b := range doc.Blocks {
		collectTables(b, l.tables, 0)
	}
	if l.pages, err = s.pageGeometry(ctx, data, f.Pages); err != nil {
		return nil, err
	}
	st.mu.Lock()
	if len(st.layouts) >= maxLayouts {
		for k := range st.layouts { // any one: the next view reads it again
			delete(st.layouts, k)
			break
		}
	}
	st.layouts[f.SHA256] = l
	st.mu.Unlock()
	return l, nil
}

// collectTables indexes the tables of b, nested ones included, by
// Pos.Table. Depth is bounded as extract bounds nesting.
func collectTables(b extract.Block, out map[int]*extract.Table, depth int) {
	if b.Table == nil || depth > 64 {
		return
	}
	out[b.Table.Pos.Table] = b.Table
	for _, c := range b.Table.Cells {
		for _, sub := range c.Blocks {
			collectTables(sub, out, depth+1)
		}
	}
}

// renderSlot waits for one of the slots that bound the renderers running
// at once.
func (s *Server) renderSlot(ctx context.Context) error {
	select {
	case s.docState().renders <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// pageGeometry asks pdfinfo for the crop box and rotation of each page.
func (s *Server) pageGeometry(ctx context.Context, data []byte, pages int) (map[int]pageGeom, error) {
	r, err := s.renderer()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, renderTime)
	defer cancel()
	args := []string{"-box"}
	if pages > 0 {
		args = append(args, "-f", "1", "-l", strconv.Itoa(pages))
	}
	cmd := exec.CommandContext(ctx, filepath.Join(filepath.Dir(r), "pdfinfo"), append(args, "-")...)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("web: pdfinfo: %w", err)
	}
	return parsePDFInfo(out), nil
}

// parsePDFInfo reads the lines "Page    3 CropBox:  0.00 0.00 595.28
// 841.89" and "Page    3 rot:  90" of pdfinfo -box.
func parsePDFInfo(out []byte) map[int]pageGeom {
	geom := map[int]pageGeom{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[0] != "Page" {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		g := geom[n]
		switch {
		case f[2] == "rot:":
			g.Rot, _ = strconv.Atoi(f[3])
		case f[2] == "CropBox:" && len(f) >= 7:
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(f[3+i], 64)
			}
			g.X0, g.Y0, g.X1, g.Y1 = min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3])
		default:
			continue
		}
		geom[n] = g
	}
	return geom
}

// renderPage returns page n of f as PNG, from the cache or drawn by
// pdftoppm within renderTime.
func (s *Server) renderPage(ctx context.Context, f *corpus.DocumentFile, n int) ([]byte, error) {
	if f.Format != "pdf" {
		return nil, errNotPDF
	}
	if f.Pages > 0 && n > f.Pages {
		return nil, errNoPage
	}
	bin, err := s.renderer()
	if err != nil {
		return nil, err
	}
	dir, err := s.pageCache()
	if err != nil {
		return nil, err
	}
	name := filepath.Join(dir, f.SHA256+"-"+strconv.Itoa(n)+".png")
	if b, err := readBounded(name, maxPNG); err == nil {
		return b, nil
	}
	data, err := s.originalFile(f, true)
	if err != nil {
		return nil, err
	}
	if err := s.renderSlot(ctx); err != nil {
		return nil, err
	}
	defer func() { <-s.docState().renders }()
	tmp, err := os.MkdirTemp(dir, "render-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(ctx, renderTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-png", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-cropbox",
		"-singlefile", "-scale-to", strconv.Itoa(renderPixels), "-", filepath.Join(tmp, "page"))
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := pipeline.RunBounded(cmd, renderMemory); err != nil {
		return nil, fmt.Errorf("web: pdftoppm: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	out := filepath.Join(tmp, "page.png")
	b, err := readBounded(out, maxPNG)
	if err != nil {
		return nil, fmt.Errorf("web: pdftoppm: %w", err)
	}
	if err := os.Rename(out, name); err != nil {
		s.logf("page cache: %v", err) // served all the same, drawn again next time
	}
	return b, nil
}

// pageCache returns the folder of rendered pages, made on first use.
func (s *Server) pageCache() (string, error) {
	st := s.docState()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.cache != "" {
		return st.cache, os.MkdirAll(st.cache, 0o700)
	}
	dir, err := os.MkdirTemp("", "jixiao-pages-")
	if err != nil {
		return "", err
	}
	st.cache = dir
	return dir, nil
}

func readBounded(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit || len(b) == 0 {
		return nil, fmt.Errorf("web: %s: empty or larger than %d bytes", filepath.Base(name), limit)
	}
	return b, nil
}
