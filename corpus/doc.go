// Package corpus keeps analysed reports in SQLite for analysts to query.
//
// A database holds documents, one per file read and keyed by the SHA-256 of
// its bytes, so the same report sent as .docx and as .pdf is two documents
// (the v_duplicate_submissions view and the cross-document rules flag
// them). An ok document has a report (a target form or a self-evaluation),
// its projects with their indicators (the normalized target in columns:
// kind, op, target, unit, ref, date …) and medium-term indicators (scope
// 'mid_term'), the indicator table of a department-level form (indicators
// with scope 'department' and no project), the department-wide goals and
// the findings of the rules; a failed one keeps why it failed. What a form
// holds beyond report/v1's named fields is kept as JSON text in extra
// columns. The schema lives in embedded, numbered migrations
// (migrations/NNNN_name.sql) applied against PRAGMA user_version; a new
// database is made from schema.sql, what they build (after adding a
// migration, rewrite it: go test ./corpus/ -run TestSchemaSnapshot
// -update). It is described for analysts in docs/schema.md.
//
// corpus stores and queries; it neither reads files nor runs rules. Put
// takes its own input types (Doc, Report, Project, Indicator, Finding …),
// which the pipeline fills from a checked report (pipeline.StoredReport);
// RecheckBatch hands the cross-document rules rows of its own
// (BatchReport) and stores the findings they return.
//
// Writing goes through one connection: the pipeline package reads files
// in parallel workers and a single writer stores each document with Put in
// one transaction, in WAL mode, so an interrupted ingest (Ctrl-C or kill -9) leaves whole
// documents and a rerun stores the rest. Cross-document findings are
// recomputed over the whole database after each ingest that stored
// something (RecheckBatch), by a function the caller passes, from slim
// rows read by SQL (BatchReport); the submissions are rebuilt only for the
// departments, years and kinds whose reports changed.
//
// Chinese full-text search cuts text with gojieba at write time and stores
// the words space-joined in an FTS5 table with the unicode61 tokenizer;
// queries are cut the same way. Each distinct text is indexed once
// (search_texts) and points at the projects, indicators and goals that
// carry it (search_entries), so ranking stays cheap however many reports
// repeat an indicator. The dictionaries (cppjieba's, MIT, trimmed to load
// in 0.1 s, plus a budget-domain user dictionary; see dict/README.md) are
// embedded and written once to the user's cache directory, so a copied
// binary works without the Go module cache.
//
// Builds need cgo and -tags sqlite_fts5; without the tag Open returns
// ErrNoFTS5.
package corpus

// BUG(corpus): A file is skipped when its SHA-256 is stored, failed files
// included: after the readers improve, rerun with --retry-failed (or
// --force) to read the failed files again.

// BUG(corpus): Search ranks distinct texts, so hits carrying the same text
// tie and come in document order; bm25's document frequencies count
// distinct texts, not reports.

// BUG(corpus): Words missing from the trimmed dictionary are cut into
// smaller words; a search for one then matches entries holding the pieces
// anywhere, not only side by side.

// BUG(corpus): With a Limit, the indicator filters (levels, kind, op, unit,
// value) scan indicators in rowid order, which is fast for common values
// and up to a full scan (about 120 ms at 20,000 reports) for rare ones.

// BUG(corpus): The Min and Max value filters apply to numeric targets
// only, not to ranges.

// BUG(corpus): Cross-document findings do not point at an indicator row
// (indicator_id is NULL), only at the project by its code.

// BUG(corpus): report/v1 locations name no department table: a finding on
// an indicator without a project code is taken to point into the report's
// one project without a code, else into its department table, and points
// at no indicator when the report has both or several such projects.
