//go:build sqlite_fts5 || fts5

package corpus

const hasFTS5 = true
