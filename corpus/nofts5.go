//go:build !sqlite_fts5 && !fts5

package corpus

// Without the tag go-sqlite3 is built without FTS5 and the schema cannot
// be created; Open says so instead of failing in a migration.
const hasFTS5 = false
