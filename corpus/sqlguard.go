package corpus

import (
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteRecursive is SQLITE_RECURSIVE, the authorizer's code for a
// recursive common table expression, which go-sqlite3 does not export.
const sqliteRecursive = 33

// readPragmas only report, whatever their argument (a table or index name,
// a row limit).
var readPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true,
	"index_info": true, "index_xinfo": true, "foreign_key_list": true, "foreign_key_check": true,
	"database_list": true, "collation_list": true, "function_list": true, "module_list": true,
	"pragma_list": true, "compile_options": true, "integrity_check": true, "quick_check": true,
	"data_version": true, "freelist_count": true, "page_count": true,
}

// valuePragmas report a value without an argument and set it with one.
var valuePragmas = map[string]bool{
	"user_version": true, "schema_version": true, "application_id": true, "page_size": true,
	"encoding": true, "foreign_keys": true, "cache_size": true, "auto_vacuum": true,
	"query_only": true, "busy_timeout": true, "max_page_count": true, "temp_store": true,
	"synchronous": true, "recursive_triggers": true, "secure_delete": true,
}

// deniedFunctions could load code or register a pointer as a tokenizer;
// both are off in the build, and stay off here whatever the build.
var deniedFunctions = map[string]bool{"load_extension": true, "fts3_tokenizer": true}

// readAuthorizer allows reading tables, calling functions and the
// reading pragmas, and denies everything else: writes, schema changes,
// ATTACH and DETACH (which create files even on a read-only database),
// transactions (which would outlive the statement on a pooled
// connection) and pragmas that change a setting. The first denied action
// is left in *denied for the error message.
func readAuthorizer(denied *string) func(op int, arg1, arg2, arg3 string) int {
	return func(op int, arg1, arg2, _ string) int {
		ok := false
		switch op {
		case sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqliteRecursive:
			ok = true
		case sqlite3.SQLITE_FUNCTION:
			ok = !deniedFunctions[strings.ToLower(arg2)]
		case sqlite3.SQLITE_PRAGMA:
			name := strings.ToLower(arg1)
			ok = readPragmas[name] || valuePragmas[name] && arg2 == ""
		}
		if ok {
			return sqlite3.SQLITE_OK
		}
		if *denied == "" {
			*denied = actionName(op, arg1, arg2)
		}
		return sqlite3.SQLITE_DENY
	}
}

// actionName says what a denied action was, in SQL words.
func actionName(op int, arg1, arg2 string) string {
	switch op {
	case sqlite3.SQLITE_INSERT:
		return "INSERT INTO " + arg1
	case sqlite3.SQLITE_UPDATE:
		return "UPDATE " + arg1
	case sqlite3.SQLITE_DELETE:
		return "DELETE FROM " + arg1
	case sqlite3.SQLITE_ATTACH:
		return "ATTACH " + arg1
	case sqlite3.SQLITE_DETACH:
		return "DETACH " + arg1
	case sqlite3.SQLITE_PRAGMA:
		if arg2 != "" {
			return "PRAGMA " + arg1 + " = " + arg2
		}
		return "PRAGMA " + arg1
	case sqlite3.SQLITE_FUNCTION:
		return arg2 + "()"
	case sqlite3.SQLITE_TRANSACTION:
		return arg1 // BEGIN, COMMIT, ROLLBACK
	case sqlite3.SQLITE_SAVEPOINT:
		return "SAVEPOINT " + arg2
	case sqlite3.SQLITE_ALTER_TABLE:
		return "ALTER TABLE " + arg2
	case sqlite3.SQLITE_ANALYZE:
		return "ANALYZE"
	case sqlite3.SQLITE_REINDEX:
		return "REINDEX"
	}
	switch {
	case op >= sqlite3.SQLITE_CREATE_INDEX && op <= sqlite3.SQLITE_CREATE_VIEW, op == sqlite3.SQLITE_CREATE_VTABLE:
		return "CREATE " + arg1
	case op >= sqlite3.SQLITE_DROP_INDEX && op <= sqlite3.SQLITE_DROP_VIEW, op == sqlite3.SQLITE_DROP_VTABLE:
		return "DROP " + arg1
	}
	return "an action that is not a read"
}

// firstStatement returns where the first statement of query ends: after
// its semicolon, or at the end. ok is false when query holds only blanks,
// comments and semicolons. Semicolons inside strings, quoted names and
// comments are skipped as SQLite's tokenizer skips them. (A CREATE
// TRIGGER body holds semicolons too, but such a statement is denied
// before this matters.)
func firstStatement(query string) (end int, ok bool) {
	i := 0
	for i < len(query) {
		c := query[i]
		switch {
		case c == ';':
			if ok {
				return i + 1, true
			}
			i++
		case isSQLSpace(c):
			i++
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			i = lineEnd(query, i)
		case c == '/' && strings.HasPrefix(query[i:], "/*"):
			i = commentEnd(query, i)
		case c == '\'' || c == '"' || c == '`':
			ok = true
			i = quoteEnd(query, i, c)
		case c == '[':
			ok = true
			if j := strings.IndexByte(query[i:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(query)
			}
		default:
			ok = true
			i++
		}
	}
	return len(query), ok
}

// hasStatement reports whether s holds anything but blanks, comments and
// semicolons.
func hasStatement(s string) bool {
	_, ok := firstStatement(s)
	return ok
}

func isSQLSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

func commentEnd(s string, i int) int {
	if j := strings.Index(s[i+2:], "*/"); j >= 0 {
		return i + 2 + j + 2
	}
	return len(s)
}

// quoteEnd returns the index after the quote closing the one at i; a
// doubled quote stands for itself.
func quoteEnd(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// clip shortens s to n characters for an error message.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
