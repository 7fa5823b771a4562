package web

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/rules"
)

// chart is a horizontal bar chart drawn as inline SVG by overview.html:
// every position is computed here, so the template writes attributes
// only (the Content-Security-Policy allows no style attribute).
type chart struct {
	Title  string
	Note   string
	Width  int
	Height int
	Bars   []bar
}

type bar struct {
	Label  string // cut to fit; Full on hover
	Full   string
	Count  int
	URL    string
	Y      int // top of the row
	TextY  int // baseline of its texts
	W      int // bar width
	CountX int
}

const (
	chartLabelW = 260 // label column, in SVG units
	chartBarW   = 420 // the longest bar
	chartRowH   = 22
)

// newChart lays out counts as bars, the longest chartBarW wide.
func newChart(title, note string, counts []corpus.Count, label func(corpus.Count) string, link func(corpus.Count) string) chart {
	c := chart{Title: title, Note: note, Width: chartLabelW + chartBarW + 80}
	most := 1
	for _, n := range counts {
		most = max(most, n.N)
	}
	for i, n := range counts {
		w := max(n.N*chartBarW/most, 1)
		y := i * chartRowH
		l := label(n)
		c.Bars = append(c.Bars, bar{Label: clip(l, 19), Full: l, Count: n.N, URL: link(n), Y: y + 3,
			TextY: y + 16, W: w, CountX: chartLabelW + w + 6})
	}
	c.Height = max(len(counts)*chartRowH, chartRowH)
	return c
}

// clip cuts s to n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// overviewCache keeps the overview's counts until the database changes:
// counting every finding of 20,000 documents takes a quarter of a second,
// and the overview is the page everyone opens first.
type overviewCache struct {
	mu      sync.Mutex
	version string
	stats   *corpus.Stats
	ov      *corpus.Overview
	status  *corpus.Status // the latest year's, for the departments' chart
}

// overviewData returns the counts and the latest year's status, computed
// again when documents or findings were added or replaced since.
func (s *Server) overviewData(ctx context.Context) (*corpus.Stats, *corpus.Overview, *corpus.Status, error) {
	v, err := s.Store.Version(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	c := &s.ovCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version == v && c.stats != nil {
		return c.stats, c.ov, c.status, nil
	}
	st, err := s.Store.Stats(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	ov, err := s.Store.Overview(ctx, 15)
	if err != nil {
		return nil, nil, nil, err
	}
	status, err := s.Store.Status(ctx, 0)
	if err != nil {
		return nil, nil, nil, err
	}
	c.version, c.stats, c.ov, c.status = v, st, ov, status
	return st, ov, status, nil
}

// overviewCharts draws the overview's charts.
func overviewCharts(ov *corpus.Overview) []chart {
	var charts []chart
	charts = append(charts, newChart("报送情况", "按读取结果和格式统计文件数", ov.Status,
		func(c corpus.Count) string {
			status, format, _ := strings.Cut(c.Key, " ")
			return statusNames[status] + " · " + statusNames[format]
		},
		func(c corpus.Count) string {
			if strings.HasPrefix(c.Key, "failed") {
				return "#failed"
			}
			return "/issues"
		}))
	if len(ov.Rules) > 0 {
		charts = append(charts, newChart("审核发现（按规则）", "发现最多的 15 条规则", ov.Rules,
			func(c corpus.Count) string {
				if r := rules.Lookup(c.Key); r != nil {
					return c.Key + " " + r.Title
				}
				return c.Key
			},
			func(c corpus.Count) string { return "/issues?rule=" + url.QueryEscape(c.Key) }))
	}
	if len(ov.Departments) > 0 {
		charts = append(charts, newChart("审核发现（按部门）", "发现最多的 15 个部门", ov.Departments,
			func(c corpus.Count) string { return c.Label + "（" + c.Key + "）" },
			func(c corpus.Count) string { return "/issues?dept=" + url.QueryEscape(c.Key) }))
	}
	if len(ov.Satisfaction) > 0 {
		charts = append(charts, newChart("满意度目标值分布", "满意度指标中以百分比表示的目标值，各值的指标数", ov.Satisfaction,
			func(c corpus.Count) string { return c.Key + "%" },
			func(c corpus.Count) string {
				v := url.Values{"level1": {"满意度"}, "kind": {"numeric"}, "unit": {"%"}, "min": {c.Key}, "max": {c.Key}}
				return "/indicators?" + v.Encode()
			}))
	}
	return charts
}
