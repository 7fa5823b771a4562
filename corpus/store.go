package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3" // registers "sqlite3"
)

// ErrNoDatabase is returned by OpenReadOnly when the file does not exist.
var ErrNoDatabase = errors.New("corpus: no such database")

// ErrNoFTS5 is returned when the program was built without -tags sqlite_fts5.
var ErrNoFTS5 = errors.New("corpus: built without FTS5: build with -tags sqlite_fts5")

// Store is a jixiao SQLite database. A read-write Store holds a single
// connection, so there is one writer and every write is serialized.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool

	mu        sync.Mutex
	stmts     map[string]*sql.Stmt // see stmt
	wanted    map[string]bool
	texts     map[string]int64 // search_texts ids by hash, committed ones only; see writer.text
	spareRows *txRows          // see takeRows
}

// Open opens or creates the database at path for reading and writing and
// brings its schema up to date.
func Open(path string) (*Store, error) {
	if !hasFTS5 {
		return nil, ErrNoFTS5
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", "10000")
	q.Set("_txlock", "immediate")
	// The one connection is used by one goroutine at a time (database/sql
	// hands it out so): SQLite need not lock it on every call, which was
	// 3 % of the writer's instructions, one lock for each value bound.
	q.Set("_mutex", "no")
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("corpus: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := openRetrying(func() error { return migrate(context.Background(), db) }); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path}, nil
}

// openRetrying runs open again while the database is busy, up to a
// minute: switching a new database to WAL takes a lock SQLite does not
// wait for, so two programs opening one at once would see "database is
// locked" at once rather than after the busy timeout.
func openRetrying(open func() error) error {
	deadline := time.Now().Add(time.Minute)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		err := open()
		var se sqlite3.Error
		if err == nil || !errors.As(err, &se) || se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// OpenReadOnly opens an existing database so that nothing can write to it:
// the file is opened read-only and every connection is query_only.
func OpenReadOnly(path string) (*Store, error) {
	if !hasFTS5 {
		return nil, ErrNoFTS5
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoDatabase, path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_query_only", "1")
	q.Set("_busy_timeout", "10000")
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("corpus: open %s: %w", path, err)
	}
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("corpus: open %s: %w", path, err)
	}
	if v != SchemaVersion() {
		db.Close()
		return nil, fmt.Errorf("corpus: %s has schema version %d, this program needs %d (run ingest to upgrade)", path, v, SchemaVersion())
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

// escapePath keeps a file name with ? or # from being read as URI syntax.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	return s.db.Close()
}
