package corpus

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Errors of Store.SQL and Store.SQLTo, for the command to explain.
var (
	// ErrSQLNotAllowed: the statement would write, attach a file, change a
	// setting or do anything but read. The error names what it tried.
	ErrSQLNotAllowed = errors.New("corpus: sql: only reading is allowed")
	// ErrSQLMultiple: text follows the first statement.
	ErrSQLMultiple = errors.New("corpus: sql: more than one statement")
	// ErrSQLEmpty: the text holds no statement.
	ErrSQLEmpty = errors.New("corpus: sql: no statement")
	// ErrSQLTimeout: the context's deadline passed while the query ran.
	ErrSQLTimeout = errors.New("corpus: sql: time limit reached")
)

// BUG(sql): Opening a WAL database read-only creates its -wal and -shm
// files when they are missing (SQLite reads beside a writer through the
// shared memory) and leaves them, empty, until a read-write Store closes.
// Deleting them on close could break a writer that opened meanwhile.
// Nothing SQL runs changes them or any other file.

// MaxSQLValue bounds, in bytes, each string or blob a statement run by
// SQL or SQLTo makes; SQLite refuses to make a longer one ("string or
// blob too big"). Nothing jixiao stores comes near it.
const MaxSQLValue = 16 << 20

// RowSink receives a query result as it is read: the columns once, then
// each row. Row may keep vals. An error from either stops the query and
// SQLTo returns it.
type RowSink interface {
	Columns(cols []Column) error
	Row(vals []any) error
}

// SQL runs one read-only statement and returns its rows as a Table keyed
// by the column names. It holds every row; SQLTo streams them.
func (s *Store) SQL(ctx context.Context, query string, args ...any) (*Table, error) {
	t := &Table{Name: "查询结果"}
	if err := s.sqlTo(ctx, query, args, tableSink{t}); err != nil {
		return nil, err
	}
	return t, nil
}

// SQLTo runs one statement and hands its rows to sink as SQLite produces
// them, so memory does not grow with the result. Whatever Store it runs
// on, the statement can only read: an authorizer denies writes, ATTACH,
// DETACH, transactions and pragmas other than the reading ones, and a
// statement SQLite does not call read-only (VACUUM, VACUUM INTO) is
// refused before it runs. Text after the first statement is an error
// rather than silently dropped. ctx bounds the time: when its deadline
// passes, SQLite is interrupted and SQLTo returns ErrSQLTimeout.
func (s *Store) SQLTo(ctx context.Context, query string, sink RowSink) error {
	return s.sqlTo(ctx, query, nil, sink)
}

func (s *Store) sqlTo(ctx context.Context, query string, args []any, sink RowSink) error {
	if strings.IndexByte(query, 0) >= 0 {
		// The driver passes the text as a C string: SQLite would not see
		// what follows the NUL.
		return fmt.Errorf("corpus: sql: the query holds a NUL byte")
	}
	end, ok := firstStatement(query)
	if !ok {
		return ErrSQLEmpty
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.sqlErr(ctx, err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("corpus: sql: unexpected driver connection %T", dc)
		}
		var denied string
		c.RegisterAuthorizer(readAuthorizer(&denied))
		// The connection goes back to the pool: later statements on it are
		// the program's own.
		defer c.RegisterAuthorizer(nil)
		// zeroblob(1e9) would otherwise hand over a gigabyte.
		defer c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, MaxSQLValue))
		return runRead(ctx, c, query, end, &denied, args, sink)
	})
	return s.sqlErr(ctx, err)
}

// sqlErr turns an interruption by ctx's deadline into ErrSQLTimeout.
func (s *Store) sqlErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrSQLTimeout
	}
	return err
}

func runRead(ctx context.Context, c *sqlite3.SQLiteConn, query string, end int, denied *string, args []any, sink RowSink) error {
	ds, err := c.PrepareContext(ctx, query)
	if err != nil {
		if *denied != "" {
			return fmt.Errorf("%w: %s", ErrSQLNotAllowed, *denied)
		}
		return fmt.Errorf("corpus: sql: %w", err)
	}
	defer ds.Close()
	st := ds.(*sqlite3.SQLiteStmt)
	if !st.Readonly() {
		return fmt.Errorf("%w: %s", ErrSQLNotAllowed, clip(query[:end], 80))
	}
	if rest := strings.TrimSpace(query[end:]); hasStatement(rest) {
		return fmt.Errorf("%w: %s", ErrSQLMultiple, clip(rest, 80))
	}
	if n := st.NumInput(); n != len(args) {
		return fmt.Errorf("corpus: sql: the statement takes %d arguments, not %d", n, len(args))
	}
	nargs := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nargs[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	rows, err := st.QueryContext(ctx, nargs)
	if err != nil {
		return fmt.Errorf("corpus: sql: %w", err)
	}
	defer rows.Close()
	names := rows.Columns()
	cols := make([]Column, len(names))
	for i, n := range names {
		cols[i] = Column{n, n}
	}
	if err := sink.Columns(cols); err != nil {
		return err
	}
	for {
		dest := make([]driver.Value, len(names))
		if err := rows.Next(dest); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("corpus: sql: %w", err)
		}
		vals := make([]any, len(dest))
		for i, v := range dest {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			vals[i] = v
		}
		if err := sink.Row(vals); err != nil {
			return err
		}
	}
}

// tableSink collects a result in a Table.
type tableSink struct{ t *Table }

func (s tableSink) Columns(cols []Column) error { s.t.Columns = cols; return nil }
func (s tableSink) Row(vals []any) error        { s.t.Rows = append(s.t.Rows, vals); return nil }
