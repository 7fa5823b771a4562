package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"
)

// chromium is the browser the end-to-end tests drive: $JIXIAO_CHROMIUM,
// else the first of Debian's and Google's names on PATH; "" when none.
func chromium() string {
	if p := os.Getenv("JIXIAO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserTab starts a headless Chromium for the test and returns a tab's
// context, and the JavaScript dialogs (alert, confirm) the pages opened:
// each is noted and dismissed, so a page that opens one does not hang.
func browserTab(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	exe := chromium()
	if exe == "" {
		t.Skip("chromium is not installed (apt-get install chromium, or set JIXIAO_CHROMIUM): the browser test is skipped")
	}
	if testing.Short() {
		t.Skip("-short: the browser test is skipped")
	}
	// Not t.TempDir: Chromium's helpers may still write to the profile
	// for a moment after the browser is gone, which fails its removal.
	profile, err := os.MkdirTemp("", "jixiao-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.WindowSize(1024, 768), // the narrow screen the names must not wrap on
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	var mu sync.Mutex
	var dialogs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if d, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, string(d.Type)+": "+d.Message)
			mu.Unlock()
			go chromedp.Run(ctx, cdppage.HandleJavaScriptDialog(false))
		}
	})
	if err := chromedp.Run(ctx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", exe, err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), dialogs...)
	}
}

// open navigates to u and fails the test unless the page answers 200.
func open(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(u))
	if err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	if resp.Status != 200 {
		t.Fatalf("open %s: status %d", u, resp.Status)
	}
}

// run runs browser actions, failing the test at the first error.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	// A step waits for at most 45 s: a selector that never shows fails
	// the test with its step's name instead of at the tab's deadline.
	sctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Run(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// uploadInBrowser picks file in the upload form and sends it; it waits
// for the answer, a document page, and returns its path.
func uploadInBrowser(t *testing.T, ctx context.Context, base, file string) string {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base+"/upload")
	var loc string
	run(t, ctx, "upload "+file,
		chromedp.SetUploadFiles(`form.upload input[type=file]`, []string{abs}, chromedp.ByQuery),
		chromedp.Click(`form.upload button`, chromedp.ByQuery),
		chromedp.WaitVisible(`.docpage`, chromedp.ByQuery),
		chromedp.Location(&loc))
	u, err := url.Parse(loc)
	if err != nil || !regexp.MustCompile(`^/documents/\d+$`).MatchString(u.Path) {
		t.Fatalf("upload %s: landed on %q", file, loc)
	}
	return u.Path
}

var shownTotalRe = regexp.MustCompile(`共 (\d+) 条`)

// shownTotal is the N of 共 N 条 on the page in the browser.
func shownTotal(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	var text string
	run(t, ctx, "read the total", chromedp.Text(sel, &text, chromedp.ByQuery))
	m := shownTotalRe.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("%s says %q, no total", sel, text)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestBrowserWorkbench is the reviewer's day in a real browser: upload a
// report as .docx and as .pdf and another department's .pdf, see the
// findings on their cells and on the PDF page, filter the findings by
// department and download them through the rendered Excel link, search,
// and print the department's list.
func TestBrowserWorkbench(t *testing.T) {
	ctx, dialogs := browserTab(t)
	ts, _ := uploadServer(t, nil)

	// The .docx: its page shows the report with the findings on its cells,
	// each finding in the list linking to its mark.
	docxPage := uploadInBrowser(t, ctx, ts.URL, filepath.Join(seedDir, "seed.docx"))
	var marked, listed int
	var target string
	run(t, ctx, "the document page",
		chromedp.Evaluate(`document.querySelectorAll('td.finding a.fmark').length`, &marked),
		chromedp.Evaluate(`document.querySelectorAll('.doc-findings li').length`, &listed),
		chromedp.Click(`.doc-findings li a[href^="#f"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const e = document.getElementById(location.hash.slice(1));
			return e ? e.tagName + ' ' + e.closest('td').className : 'none ' + location.hash })()`, &target))
	if marked < 10 || listed < marked {
		t.Errorf("document page: %d marks on cells, %d findings listed", marked, listed)
	}
	if !regexp.MustCompile(`^A finding sev-\w+`).MatchString(target) {
		t.Errorf("the first finding's link leads to %q, not a marked cell", target)
	}
	const dept = "怀来县机关事务服务中心"
	filterDepartment(t, ctx, ts.URL, dept)
	docxFindings := shownTotal(t, ctx, `p.total`)

	// The .pdf of the same report: its own page, the boxes of its findings
	// drawn over the page image; the report's findings are counted once.
	pdfPage := uploadInBrowser(t, ctx, ts.URL, filepath.Join(seedDir, "seed.pdf"))
	if pdfPage == docxPage {
		t.Fatalf("the .pdf landed on the .docx's page %s", pdfPage)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("pdftoppm not installed: the page image and its boxes are not tested")
	} else {
		var boxes, imgWidth int
		run(t, ctx, "the PDF page image",
			chromedp.Evaluate(`document.querySelectorAll('.pdfimg svg rect[class^="sev-"]').length`, &boxes),
			chromedp.ScrollIntoView(`.pdfimg img`, chromedp.ByQuery), // loading="lazy"
			chromedp.Poll(`(() => { const i = document.querySelector('.pdfimg img'); return i.complete && i.naturalWidth > 0 ? i.naturalWidth : 0 })()`, &imgWidth, chromedp.WithPollingTimeout(30*time.Second)))
		if boxes == 0 || imgWidth < 500 {
			t.Errorf("PDF page: %d boxes, image %d px wide", boxes, imgWidth)
		}
	}
	otherPage := uploadInBrowser(t, ctx, ts.URL, "../testdata/real-forms/02-nanyue-lvyou.pdf")

	// Filter by department in the form, then download the Excel file
	// through the link the page renders.
	open(t, ctx, ts.URL+"/issues")
	all := shownTotal(t, ctx, `p.total`)
	// At 1024 px the name columns keep a few characters a line.
	var narrowest float64
	run(t, ctx, "measure the name columns", chromedp.Evaluate(`Math.min(...[...document.querySelectorAll(
		'table.list-table td.c-department_name, table.list-table td.c-project_name')].map(td =>
		td.getBoundingClientRect().width / parseFloat(getComputedStyle(td).fontSize)))`, &narrowest))
	if narrowest < 4 {
		t.Errorf("at 1024 px a name column is %.1f characters wide", narrowest)
	}
	run(t, ctx, "filter by department",
		chromedp.SetValue(`form.filters input[name=dept]`, dept, chromedp.ByQuery),
		chromedp.Click(`form.filters button`, chromedp.ByQuery),
		chromedp.WaitVisible(`table.list-table.one-dept`, chromedp.ByQuery))
	shown := shownTotal(t, ctx, `p.total`)
	if shown != docxFindings || shown == 0 || shown >= all {
		t.Errorf("department's findings: %d shown, %d before the .pdf came, %d of all departments", shown, docxFindings, all)
	}
	var depts []string
	run(t, ctx, "read the departments", chromedp.Evaluate(
		`[...new Set([...document.querySelectorAll('table.list-table tbody td.c-department_name')].map(td => td.textContent))]`, &depts))
	if len(depts) != 1 || depts[0] != dept {
		t.Errorf("filtered rows name departments %q", depts)
	}
	rows := downloadXLSX(t, ctx)
	if len(rows)-1 != shown {
		t.Errorf("the Excel file holds %d rows, the page says %d", len(rows)-1, shown)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "部门" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("the Excel file has no 部门 column: %q", rows[0])
	}
	for i, r := range rows[1:] {
		if col >= len(r) || r[col] != dept {
			t.Errorf("Excel row %d is of another department: %q", i+2, r)
			break
		}
	}

	// Search: hits with the words marked, each leading to its cell; a
	// word the reports lack finds nothing.
	open(t, ctx, ts.URL+"/search")
	var marks int
	run(t, ctx, "search",
		chromedp.SetValue(`form.filters input[name=q]`, "满意度", chromedp.ByQuery),
		chromedp.Click(`form.filters button`, chromedp.ByQuery),
		chromedp.WaitVisible(`table.hits`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('table.hits td.hit mark').length`, &marks))
	if n := shownTotal(t, ctx, `p.total`); n == 0 || marks == 0 {
		t.Errorf("search 满意度: %d hits, %d marked words", n, marks)
	}
	run(t, ctx, "follow a hit",
		chromedp.Click(`table.hits td a`, chromedp.ByQuery),
		chromedp.WaitVisible(`.docpage`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const h = location.hash.slice(1); return h === '' || document.getElementById(h) ? '' : h })()`, &target))
	if target != "" {
		t.Errorf("a hit links to #%s, which its document page lacks", target)
	}
	open(t, ctx, ts.URL+"/search")
	var hits int
	var body string
	run(t, ctx, "search 不存在",
		chromedp.SetValue(`form.filters input[name=q]`, "不存在", chromedp.ByQuery),
		chromedp.Click(`form.filters button`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.notice`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('table.hits tbody tr').length`, &hits),
		chromedp.Text(`main`, &body, chromedp.ByQuery))
	if hits != 0 || !strings.Contains(body, "没有找到“不存在”") {
		t.Errorf("search 不存在: %d hits, the page says %q", hits, body)
	}

	filterDepartment(t, ctx, ts.URL, dept)
	printDepartment(t, ctx, shown)

	for _, p := range []string{docxPage, pdfPage, otherPage} {
		open(t, ctx, ts.URL+p)
	}
	if d := dialogs(); len(d) > 0 {
		t.Errorf("pages opened dialogs: %q", d)
	}
}

// filterDepartment opens the findings list from the menu and filters it
// by dept through its form, as a clerk does.
func filterDepartment(t *testing.T, ctx context.Context, base, dept string) {
	t.Helper()
	open(t, ctx, base+"/")
	run(t, ctx, "filter by department",
		chromedp.Click(`header a[href="/issues"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`form.filters input[name=dept]`, chromedp.ByQuery),
		chromedp.SetValue(`form.filters input[name=dept]`, dept, chromedp.ByQuery),
		chromedp.Click(`form.filters button`, chromedp.ByQuery))
	// The unfiltered list has its total too: wait for the filtered page
	// itself, loaded, before reading it or going elsewhere (a navigation
	// still under way was aborted by the next one). Asked from here: an
	// expression polled in the page dies with the page it ran in.
	loaded := fmt.Sprintf(`new URLSearchParams(location.search).get('dept') === %q && document.readyState === 'complete'`, dept)
	for deadline := time.Now().Add(45 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(loaded, &ok)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("filter by department: the filtered list did not load")
		}
	}
	run(t, ctx, "filtered list", chromedp.WaitVisible(`p.total`, chromedp.ByQuery))
}

// downloadXLSX clicks the page's Excel link with downloads allowed into a
// temporary folder and returns the rows of the file's first sheet.
func downloadXLSX(t *testing.T, ctx context.Context) [][]string {
	t.Helper()
	dir := t.TempDir()
	done := make(chan string, 1)
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	chromedp.ListenTarget(lctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default:
			}
		}
	})
	var href string
	run(t, ctx, "download the Excel file",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(dir).WithEventsEnabled(true),
		chromedp.AttributeValue(`p.downloads a[href*="format=xlsx"]`, "href", &href, nil, chromedp.ByQuery),
		chromedp.Click(`p.downloads a[href*="format=xlsx"]`, chromedp.ByQuery))
	var guid string
	select {
	case guid = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("the download of %s did not finish", href)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, guid)) // AllowAndName: saved under its GUID
	if err != nil {
		t.Fatalf("the download of %s: %v", href, err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) == 0 {
		t.Fatalf("the download of %s: %d rows, %v", href, len(rows), err)
	}
	// A send-back file may open with a title block: the header is the row
	// that names the columns.
	for i, r := range rows {
		if len(r) > 0 && r[0] == "部门编码" {
			return rows[i:]
		}
	}
	t.Fatalf("the download of %s has no header row: %q", href, rows[0])
	return nil
}

// printDepartment prints the list on screen to PDF as the browser's print
// dialog would with the page's own paper size, and checks the pages are
// A4 landscape and as many as the rows need.
func printDepartment(t *testing.T, ctx context.Context, rows int) {
	t.Helper()
	var buf []byte
	// Chromium refuses to print ("Printing failed", -32000) now and then
	// while the page just loaded is still settling: wait for it, and try
	// again a few times before calling it a failure.
	run(t, ctx, "print to PDF", chromedp.Poll(`document.readyState === 'complete'`, nil), chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		for try := 0; try < 5; try++ {
			if buf, _, err = cdppage.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx); err == nil {
				return nil
			}
			time.Sleep(500 * time.Millisecond)
		}
		return err
	}))
	r, err := pdf.NewReader(bytes.NewReader(buf), int64(len(buf)))
	if err != nil {
		t.Fatalf("printed PDF: %v", err)
	}
	n := r.NumPage()
	// About 10 findings fit an A4 landscape page at 9 pt; a page per row
	// or more would mean rows broken across pages or names one character
	// per line.
	if n < 1 || n > rows/4+1 {
		t.Errorf("printed %d rows on %d pages", rows, n)
	}
	for i := 1; i <= n; i++ {
		box := mediaBox(r.Page(i).V)
		w := box.Index(2).Float64() - box.Index(0).Float64()
		h := box.Index(3).Float64() - box.Index(1).Float64()
		// A4 is 595.28 × 841.89 pt.
		if w <= h || w < 835 || w > 848 || h < 590 || h > 600 {
			t.Errorf("printed page %d is %.0f × %.0f pt, not A4 landscape", i, w, h)
		}
	}
	if testing.Verbose() {
		t.Logf("printed %d rows on %d A4 landscape pages", rows, n)
	}
}

// TestBrowserHostileCells opens every page of a report whose cells hold
// markup in the browser: each answers 200, no dialog opens, and the
// markup is text, not elements.
func TestBrowserHostileCells(t *testing.T) {
	ctx, dialogs := browserTab(t)
	s, _ := hostileServer(t)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	for _, p := range []string{"/", "/issues", "/issues?dept=430009", "/indicators",
		"/indicators?project=13073025P00089410009A", "/search?q=" + url.QueryEscape("满意度"),
		"/search?q=" + url.QueryEscape(xssScript+xssImg), "/documents/1", "/documents/2", "/rules", "/status", "/upload"} {
		open(t, ctx, ts.URL+p)
		var injected int
		var body string
		run(t, ctx, p,
			chromedp.Evaluate(`document.scripts.length + document.querySelectorAll('img[src="x"], [onerror], a[href^="javascript:"]').length`, &injected),
			chromedp.Text(`body`, &body, chromedp.ByQuery))
		if injected > 0 {
			t.Errorf("%s: %d injected elements", p, injected)
		}
		if p == "/documents/1" && !strings.Contains(body, xssScript) {
			t.Errorf("%s does not show the hostile cell as text", p)
		}
	}
	if d := dialogs(); len(d) > 0 {
		t.Errorf("pages opened dialogs: %q", d)
	}
}

// mediaBox is a page's MediaBox, which it may inherit from its parents
// (the library's own MediaBox is commented out).
func mediaBox(v pdf.Value) pdf.Value {
	for depth := 0; !v.IsNull() && depth < 32; depth++ {
		if b := v.Key("MediaBox"); !b.IsNull() {
			return b
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}
