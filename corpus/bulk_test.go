package corpus

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestAppendJSONString: every byte SQLite's JSON reader must see escaped
// is, and the rest passes through, so that a value stored through bulk is
// the value bound directly.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "满意度≥95%", `a"b\c`, "tab\tnew\nline\rret", "\x00\x01\x1f\x7f", "<script>&"} {
		var got string
		b := appendJSONString(nil, s)
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Errorf("appendJSONString(%q) = %s, reads back %q, %v", s, b, got, err)
		}
	}
}

// TestBulkKeepsValues: rows gathered by bulk are stored as one statement
// per row would store them, in order, and a string that is not UTF-8 is
// inserted alone, after the rows before it.
func TestBulkKeepsValues(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	tx, err := st.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE bulk_test (i INTEGER, s TEXT, n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	w := &writer{ctx: ctx, tx: tx, s: st}
	b := newBulk("bulk_test", "i", "s", "n")
	want := [][3]any{{int64(1), "一", nil}, {int64(2), "bad\xff", int64(7)}, {int64(3), `q"\`, int64(-4)}, {int64(4), "0012", nil}}
	for _, r := range want {
		w.queue(b, r[0], r[1], r[2])
	}
	w.flush(b)
	if w.err != nil {
		t.Fatal(w.err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT i, s, n, typeof(s) FROM bulk_test ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	k := 0
	for ; rows.Next(); k++ {
		var got [3]any
		var typ string
		if err := rows.Scan(&got[0], &got[1], &got[2], &typ); err != nil {
			t.Fatal(err)
		}
		if s, ok := got[1].([]byte); ok {
			got[1] = string(s)
		}
		if k >= len(want) || got != want[k] || typ != "text" {
			t.Errorf("row %d = %v (%s), want %v", k, got, typ, want[min(k, len(want)-1)])
		}
	}
	if k != len(want) {
		t.Errorf("%d rows, want %d", k, len(want))
	}
}
