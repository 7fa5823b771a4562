package corpus

import (
	"math"
	"testing"
)

// TestBulkKeepsValues: rows gathered by bulk are stored as one statement
// per row would store them, in order, whatever the number of rows (full
// chunks, smaller ones and single rows).
func TestBulkKeepsValues(t *testing.T) {
	st := openTemp(t)
	ctx := t.Context()
	tx, err := st.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE bulk_test (i INTEGER, s TEXT, n INTEGER, f REAL)`); err != nil {
		t.Fatal(err)
	}
	w := &writer{ctx: ctx, tx: tx, s: st}
	b := newBulk("bulk_test", "i", "s", "n", "f")
	values := [][3]any{{"一", nil, 0.1}, {"bad\xff", int64(7), math.Inf(1)}, {`q"\`, int64(-4), 1e300}, {"0012", nil, nil}}
	var want [][4]any
	for n := range 45 { // 32 + 8 + 5 × 1
		v := values[n%len(values)]
		want = append(want, [4]any{int64(n), v[0], v[1], v[2]})
		b.add(int64(n), v[0], v[1], v[2])
	}
	w.flush(b)
	if w.err != nil {
		t.Fatal(w.err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT i, s, n, f, typeof(s) FROM bulk_test ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	k := 0
	for ; rows.Next(); k++ {
		var got [4]any
		var typ string
		if err := rows.Scan(&got[0], &got[1], &got[2], &got[3], &typ); err != nil {
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
