package web

import (
	"bytes"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStatusPage follows the overview's status chart to the status page,
// its cards to the filtered rows and its download link to a workbook.
func TestStatusPage(t *testing.T) {
	ts := newServer(t)
	_, _, overview := get(t, ts.URL+"/")
	bars := regexp.MustCompile(`href="(/status\?status=[^"]+)"`).FindAllStringSubmatch(overview, -1)
	if len(bars) != 4 {
		t.Fatalf("overview: %d status bars, want 4", len(bars))
	}
	code, _, all := get(t, ts.URL+"/status")
	if code != http.StatusOK || !strings.Contains(all, "怀来县机关事务服务中心") {
		t.Fatalf("/status: %d\n%s", code, all)
	}
	rows := strings.Count(all, "<tr><td>")
	seen := 0
	for _, b := range bars {
		u := html.UnescapeString(b[1])
		_, _, page := get(t, ts.URL+u)
		n := strings.Count(page, "<tr><td>")
		count := regexp.MustCompile(`class="card on" href="[^"]*"><b>(\d+)</b>`).FindStringSubmatch(page)
		if count == nil || count[1] != strconv.Itoa(n) {
			t.Errorf("%s: card says %v, %d rows", u, count, n)
		}
		seen += n
	}
	if seen != rows || rows == 0 {
		t.Errorf("the statuses hold %d rows, the whole list %d", seen, rows)
	}
	link := regexp.MustCompile(`href="(/status\?format=xlsx)"`).FindStringSubmatch(all)
	if link == nil {
		t.Fatal("no Excel link")
	}
	_, hdr, body := get(t, ts.URL+html.UnescapeString(link[1]))
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
		t.Fatalf("xlsx: %v %q", err, hdr.Get("Content-Disposition"))
	}
	got, _ := f.GetRows(f.GetSheetName(0))
	if len(got) < rows+1 {
		t.Errorf("workbook has %d rows, the page %d", len(got), rows)
	}
}
