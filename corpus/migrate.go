package corpus

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// schemaSnapshot is what the migrations build, written out by
// TestSchemaSnapshot (-update): a new database is made from it in one
// transaction, sparing the migrations' table rebuilds and column
// additions, each of which makes SQLite parse the whole schema again
// (about 40 ms, at the start of a first ingest).
//
//go:embed schema.sql
var schemaSnapshot string

// migration is one numbered file of migrations/, NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("corpus: migration %s: name is not NNNN_name.sql", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Numbers only rise: files of work going on in parallel may leave a
	// number free for a while, so a gap is allowed and each file is applied
	// once, in order, user_version recording the last applied.
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("corpus: migration %s: number %d used twice", ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// SchemaVersion is the user_version the embedded migrations bring a
// database to.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations newer than the database's user_version,
// each in its own transaction together with the new user_version, so an
// interrupted run leaves the database at a whole version. Each
// transaction takes the write lock first (BEGIN IMMEDIATE, from the
// connection's _txlock) and reads user_version inside it: two programs
// opening a new database at once then apply each migration once, the
// second waiting for the first (the busy timeout) and finding it done.
// An up-to-date database is left without taking the lock, so opening one
// does not wait for a long write.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("corpus: read user_version: %w", err)
	}
	if have == SchemaVersion() {
		return nil
	}
	if have == 0 {
		if err := createFromSnapshot(ctx, db, ms); err != nil {
			return err
		}
	}
	for {
		done, err := migrateNext(ctx, db, ms)
		if err != nil || done {
			return err
		}
	}
}

// createFromSnapshot makes an empty database from schemaSnapshot, at the
// version it records; the migrations after that, if any, follow. A
// database with any table, or already at a version, is left alone.
func createFromSnapshot(ctx context.Context, db *sql.DB, ms []migration) error {
	version, err := snapshotVersion(ms)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("corpus: create schema: %w", err)
	}
	defer tx.Rollback()
	var have, objects int
	if err := tx.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM sqlite_schema").Scan(&have, &objects); err != nil {
		return fmt.Errorf("corpus: create schema: %w", err)
	}
	if have != 0 || objects != 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, schemaSnapshot); err != nil {
		return fmt.Errorf("corpus: create schema: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return fmt.Errorf("corpus: create schema: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("corpus: create schema: %w", err)
	}
	return nil
}

// snapshotVersion is the migration version schemaSnapshot records on its
// "-- version N" line, which must be one of ms.
func snapshotVersion(ms []migration) (int, error) {
	for _, line := range strings.Split(schemaSnapshot, "\n") {
		if v, ok := strings.CutPrefix(line, snapshotVersionLine); ok {
			n, err := strconv.Atoi(v)
			if err == nil && slices.ContainsFunc(ms, func(m migration) bool { return m.version == n }) {
				return n, nil
			}
			break
		}
	}
	return 0, fmt.Errorf("corpus: schema.sql: no %q line naming a migration", snapshotVersionLine+"N")
}

const snapshotVersionLine = "-- version "

// migrateNext applies the migration after the database's version, if any.
func migrateNext(ctx context.Context, db *sql.DB, ms []migration) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("corpus: migrate: %w", err)
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, fmt.Errorf("corpus: read user_version: %w", err)
	}
	last := ms[len(ms)-1].version
	if have > last {
		return false, fmt.Errorf("corpus: database schema version %d is newer than this program's %d", have, last)
	}
	if have == last {
		return true, nil
	}
	i := 0
	for ms[i].version <= have {
		i++
	}
	m := ms[i]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("corpus: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return false, fmt.Errorf("corpus: migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("corpus: migration %s: %w", m.name, err)
	}
	return false, nil
}
