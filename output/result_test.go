package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/xuri/excelize/v2"
)

func resultTable() *corpus.Table {
	return &corpus.Table{Name: "查询结果", Columns: []corpus.Column{{Key: "a", Title: "a"}, {Key: "名称", Title: "名称"}, {Key: "n", Title: "n"}, {Key: "x", Title: "x"}},
		Rows: [][]any{
			{"满意度", "a,b \"q\"\nline", int64(3), 1.5},
			{nil, "<b>&", int64(-1), nil},
			{"", "", nil, 2e20},
		}}
}

func writeStreamed(t *testing.T, tab *corpus.Table, format string) (*ResultWriter, []byte) {
	t.Helper()
	var b bytes.Buffer
	rw, err := NewResultWriter(&b, format, tab.Name)
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Columns(tab.Columns); err != nil {
		t.Fatal(err)
	}
	for _, row := range tab.Rows {
		if err := rw.Row(append([]any{}, row...)); err != nil {
			if errors.Is(err, ErrResultFull) {
				break
			}
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	return rw, b.Bytes()
}

// TestResultWriterAsTable checks that streaming writes what Write
// writes, empty results included, and cells that would run as formulas
// neutralised alike (`sql --format csv` streams).
func TestResultWriterAsTable(t *testing.T) {
	for _, tab := range []*corpus.Table{resultTable(), {Name: "空", Columns: []corpus.Column{{Key: "a", Title: "a"}}}, hostileTable()} {
		for _, format := range []string{"csv", "json", "table"} {
			var want bytes.Buffer
			if err := Write(&want, tab, format); err != nil {
				t.Fatal(err)
			}
			if _, got := writeStreamed(t, tab, format); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s %s:\n%s\nwant\n%s", tab.Name, format, got, want.Bytes())
			}
		}
	}
	_, b := writeStreamed(t, resultTable(), "xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("查询结果", "A2"); v != "满意度" {
		t.Errorf("xlsx A2 = %q", v)
	}
}

func TestResultWriterLimits(t *testing.T) {
	tab := &corpus.Table{Name: "t", Columns: []corpus.Column{{Key: "a", Title: "a"}}}
	for i := 0; i < MaxTableRows+5; i++ {
		tab.Rows = append(tab.Rows, []any{int64(i)})
	}
	rw, b := writeStreamed(t, tab, "table")
	if !rw.Truncated() || rw.Rows() != MaxTableRows {
		t.Errorf("table: truncated %v after %d rows, want after %d", rw.Truncated(), rw.Rows(), MaxTableRows)
	}
	if n := bytes.Count(b, []byte("\n")); n != MaxTableRows+1 {
		t.Errorf("table: %d lines, want %d", n, MaxTableRows+1)
	}
	rw, _ = writeStreamed(t, tab, "csv")
	if rw.Truncated() || rw.Rows() != len(tab.Rows) {
		t.Errorf("csv: truncated %v after %d rows, want all %d", rw.Truncated(), rw.Rows(), len(tab.Rows))
	}
	long := strings.Repeat("长 ", 10000)
	_, b = writeStreamed(t, &corpus.Table{Name: "t", Columns: []corpus.Column{{Key: "a", Title: "a"}}, Rows: [][]any{{long}}}, "table")
	var want bytes.Buffer
	Write(&want, &corpus.Table{Columns: []corpus.Column{{Key: "a", Title: "a"}}, Rows: [][]any{{long}}}, "table")
	if !bytes.Equal(b, want.Bytes()) {
		t.Errorf("a long cell: %s, want %s", b, want.Bytes())
	}
}
