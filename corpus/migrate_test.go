package corpus

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

// TestOpenConcurrently opens one new database from several goroutines at
// once, as two ingest runs started together do: each must succeed, and
// the schema must be applied once (a second run of a migration fails on
// CREATE TABLE of a table that exists).
func TestOpenConcurrently(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "jixiao.db")
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		stores := make([]*Store, n)
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				stores[i], errs[i] = Open(path)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if errors.Is(err, ErrNoFTS5) {
				t.Skip("built without -tags sqlite_fts5")
			}
			if err != nil {
				t.Errorf("round %d: open %d: %v", round, i, err)
				continue
			}
			stores[i].Close()
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var v, tables int
		if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
			t.Errorf("round %d: user_version %d %v, want %d", round, v, err, SchemaVersion())
		}
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'documents'`).Scan(&tables); err != nil || tables != 1 {
			t.Errorf("round %d: %d documents tables %v", round, tables, err)
		}
		s.Close()
	}
}
