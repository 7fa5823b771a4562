package web

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
)

var (
	pagerRe    = regexp.MustCompile(`<nav class="pager">(.*?)</nav>`)
	hrefTextRe = regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)`)
	totalRe    = regexp.MustCompile(`<p class="total">共 (\d+) 条`)
	rowRe      = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
)

// links returns the links in the part of body matched by re, by text.
func links(body string, re *regexp.Regexp) map[string]string {
	out := map[string]string{}
	for _, m := range hrefTextRe.FindAllStringSubmatch(re.FindString(body), -1) {
		out[html.UnescapeString(m[2])] = html.UnescapeString(m[1])
	}
	return out
}

func totalOf(t *testing.T, body string) int {
	t.Helper()
	m := totalRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("page states no total")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func rowsOf(body string) int {
	return strings.Count(rowRe.FindString(body), "<tr>")
}

// TestPagingLinks follows the page links of the indicator list with a
// page size of 7 as a reviewer would: every page but the last is full, the
// links keep the filter, and the pages add up to the total.
func TestPagingLinks(t *testing.T) {
	const size = 7
	ts := newServerWith(t, func(s *Server) { s.PageSize = size })
	_, _, first := get(t, ts.URL+"/indicators")
	total := totalOf(t, first)
	if total <= 2*size {
		t.Fatalf("only %d indicators: the seed cannot exercise paging", total)
	}
	seen, next := 0, "/indicators"
	for pages := 0; next != ""; pages++ {
		if pages > 10 {
			t.Fatal("more pages than the total allows")
		}
		code, _, body := get(t, ts.URL+next)
		if code != 200 {
			t.Fatalf("GET %s: %d", next, code)
		}
		n := rowsOf(body)
		if n == 0 || n > size || n < size && links(body, pagerRe)["下一页"] != "" {
			t.Fatalf("GET %s: %d rows", next, n)
		}
		seen += n
		next = links(body, pagerRe)["下一页"]
	}
	if seen != total {
		t.Errorf("pages hold %d rows, the page says 共 %d 条", seen, total)
	}
	// A filter survives the page links.
	_, _, body := get(t, ts.URL+"/indicators?level1=产出")
	if p2 := links(body, pagerRe)["2"]; p2 != "" && !strings.Contains(p2, "level1=") {
		t.Errorf("page link %q drops the filter", p2)
	}
}

// TestSortLinks follows a column header's link twice: ascending, then
// descending, keeping the filter.
func TestSortLinks(t *testing.T) {
	ts := newServer(t)
	_, _, body := get(t, ts.URL+"/issues?dept=430001")
	head := links(body, regexp.MustCompile(`(?s)<thead>.*?</thead>`))
	asc := head["规则"]
	if !strings.Contains(asc, "sort=rule") || !strings.Contains(asc, "dept=430001") {
		t.Fatalf("rule header links to %q", asc)
	}
	rulesIn := func(body string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`<td class="c-rule"><a href="/rules/[^"]*">([^<]*)</a>`).FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	_, _, body = get(t, ts.URL+asc)
	up := rulesIn(body)
	if len(up) < 2 || !sortedStrings(up, false) {
		t.Errorf("ascending by rule: %v", up)
	}
	desc := links(body, regexp.MustCompile(`(?s)<thead>.*?</thead>`))["规则 ▲"]
	if !strings.Contains(desc, "desc=1") {
		t.Fatalf("sorted header links to %q", desc)
	}
	_, _, body = get(t, ts.URL+desc)
	if down := rulesIn(body); !sortedStrings(down, true) || len(down) != len(up) {
		t.Errorf("descending by rule: %v", down)
	}
	if !strings.Contains(body, "dept=430001") || totalOf(t, body) != len(up) {
		t.Errorf("sorting lost the department filter")
	}
}

func sortedStrings(s []string, desc bool) bool {
	for i := 1; i < len(s); i++ {
		if desc && s[i-1] < s[i] || !desc && s[i-1] > s[i] {
			return false
		}
	}
	return true
}

// TestFacetLinks follows every facet link of the issue list: the list it
// leads to holds as many rows as the facet counted, and the link on the
// selected value removes the filter again.
func TestFacetLinks(t *testing.T) {
	ts := newServer(t)
	_, _, body := get(t, ts.URL+"/issues")
	all := totalOf(t, body)
	items := regexp.MustCompile(`<li[^>]*><a href="([^"]*)">[^<]*</a> <span class="n">(\d+)</span>`).FindAllStringSubmatch(body, -1)
	if len(items) < 8 {
		t.Fatalf("%d facet values", len(items))
	}
	for _, m := range items {
		u := html.UnescapeString(m[1])
		want, _ := strconv.Atoi(m[2])
		_, _, page := get(t, ts.URL+u)
		if got := totalOf(t, page); got != want || got > all {
			t.Errorf("facet link %s counted %d, the list holds %d", u, want, got)
		}
		sel := regexp.MustCompile(`<li class="on"><a href="([^"]*)"`).FindStringSubmatch(page)
		if sel == nil {
			t.Errorf("%s: the facet value is not shown as selected", u)
			continue
		}
		if _, _, back := get(t, ts.URL+html.UnescapeString(sel[1])); totalOf(t, back) != all {
			t.Errorf("%s: removing the facet does not give the whole list back", u)
		}
	}
}

// TestJSONDownload follows the JSON link of a filtered page: every object
// is the department's, as many as the page counts, and the download
// holds all pages.
func TestJSONDownload(t *testing.T) {
	ts := newServer(t)
	for _, page := range []string{"/issues?dept=430001", "/indicators"} {
		_, _, body := get(t, ts.URL+page)
		u := downloadURL(body, "json")
		code, h, file := get(t, ts.URL+u)
		if u == "" || code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: json link %q: %d %s", page, u, code, h.Get("Content-Type"))
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(file), &rows); err != nil {
			t.Fatal(err)
		}
		if len(rows) != totalOf(t, body) {
			t.Errorf("%s: json holds %d rows, the page says %d", page, len(rows), totalOf(t, body))
		}
		for _, r := range rows {
			if strings.Contains(page, "dept=") && r["department_code"] != "430001" {
				t.Errorf("%s: row of another department: %v", page, r)
				break
			}
		}
	}
}

// TestFieldsInChinese: the 字段 column and the download its page links to
// show a finding's field as the form names it.
func TestFieldsInChinese(t *testing.T) {
	ts := newServer(t)
	_, _, body := get(t, ts.URL+"/issues")
	for _, m := range regexp.MustCompile(`<td class="c-field">([^<]*)</td>`).FindAllStringSubmatch(body, -1) {
		if regexp.MustCompile(`[a-z]`).MatchString(m[1]) {
			t.Errorf("字段 shows %q", m[1])
		}
	}
	u := downloadURL(body, "csv")
	if u == "" {
		t.Fatal("/issues: no CSV link")
	}
	_, _, file := get(t, ts.URL+u)
	for _, en := range []string{",goal,", ",value,", ",budget,"} {
		if strings.Contains(file, en) {
			t.Errorf("csv holds the field %s", en)
		}
	}
}

// TestSearchPage: a word absent from the corpus finds nothing, even when
// the segmenter cuts it into words that are there; hits are marked,
// escaped, counted, and link to their document.
func TestSearchPage(t *testing.T) {
	ts := newServer(t)
	for _, q := range []string{"不存在", "量子纠缠", "满意度 量子"} {
		_, _, body := get(t, ts.URL+"/search?q="+url.QueryEscape(q))
		if !strings.Contains(body, "没有找到") || strings.Contains(body, "<mark>") {
			t.Errorf("search %s finds something", q)
		}
	}
	_, _, body := get(t, ts.URL+"/search?q=满意度")
	total := totalOfSearch(t, body)
	if n := strings.Count(rowRe.FindString(body), "<tr>"); n != min(total, searchPageSize) {
		t.Errorf("满意度: %d rows of 共 %d", n, total)
	}
	if !regexp.MustCompile(`<a href="/documents/\d+#cell-`).MatchString(body) {
		t.Error("hits do not link to their cells")
	}
}

func totalOfSearch(t *testing.T, body string) int {
	t.Helper()
	m := regexp.MustCompile(`共 (\d+) 条结果`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("search page states no total")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		text  string
		terms []string
		want  string
	}{
		{"服务对象满意度", []string{"满意度"}, "服务对象<mark>满意度</mark>"},
		{`<script>满意度</script>`, []string{"满意度"}, "&lt;script&gt;<mark>满意度</mark>&lt;/script&gt;"},
		{`a<b>满意`, []string{"<b>"}, "a<mark>&lt;b&gt;</mark>满意"},
		{"满意度和满意度", []string{"满意度", "满意"}, "<mark>满意度</mark>和<mark>满意度</mark>"},
		{"ABC abc", []string{"abc"}, "<mark>ABC</mark> <mark>abc</mark>"},
	} {
		if got := string(highlight(tc.text, tc.terms)); got != tc.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", tc.text, tc.terms, got, tc.want)
		}
	}
	long := strings.Repeat("甲", 400) + "满意度" + strings.Repeat("乙", 400)
	got := string(highlight(long, []string{"满意度"}))
	if !strings.Contains(got, "<mark>满意度</mark>") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("a long text is not cut around its match: %.60s", got)
	}
}

func TestFieldNames(t *testing.T) {
	// Every field a rule sets has a Chinese name (report's field names and
	// those the rules add).
	for _, f := range []string{"goal", "value", "description", "basis", "indicators", "spending_plan", "code",
		"level3", "budget", "name", "unit", "department", "overall_goal", "level1", "level2", "purpose",
		"weight", "nature", "year", "source", "budget.total", "mid_term_goal"} {
		if fieldName(f) == "其他" {
			t.Errorf("field %s has no Chinese name", f)
		}
	}
	_ = corpus.Window{}
}

// TestPrintable: a department's list prints as a document: a title line
// naming the filter, and a stylesheet that prints A4 landscape without the
// menu, the forms, the facets and the page links, repeating the headers.
func TestPrintable(t *testing.T) {
	ts := newServer(t)
	_, _, body := get(t, ts.URL+"/issues?dept=430001&severity=warning")
	title := regexp.MustCompile(`<p class="print-title">([^<]*)</p>`).FindStringSubmatch(body)
	if title == nil || !strings.Contains(title[1], "部门 430001") || !strings.Contains(title[1], "严重程度 警告") {
		t.Errorf("print title %q", title)
	}
	css := regexp.MustCompile(`href="(/static/app\.[0-9a-f]+\.css)"`).FindStringSubmatch(body)
	if css == nil {
		t.Fatal("no stylesheet link")
	}
	_, _, sheet := get(t, ts.URL+css[1])
	i := strings.Index(sheet, "/* Print:")
	if i < 0 {
		t.Fatal("no print section in app.css")
	}
	print := sheet[i:]
	for _, want := range []string{"@page{size:A4 landscape", "thead{display:table-header-group}",
		"header,form.filters,.downloads,.facets,.pager", ".print-title{display:block"} {
		if !strings.Contains(print, want) {
			t.Errorf("print stylesheet lacks %q", want)
		}
	}
	for _, class := range []string{`class="filters"`, `class="downloads"`, `class="facets"`, `class="print-title"`} {
		if !strings.Contains(body, class) {
			t.Errorf("page lacks %s, which the print stylesheet acts on", class)
		}
	}
}
