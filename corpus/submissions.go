package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inStale is true for a row of reports or submissions in a group whose
// reports changed since the submissions were last built.
const inStale = `(department_code, year, kind) IN (SELECT department_code, year, kind FROM submissions_stale)`

// submissionsSQL rebuilds the stale groups' submissions and their
// reports.counted from the stored reports: the files with one content are
// one submission, the .docx counting where there is one (the latest,
// should the same report come twice as .docx); a later submission of the
// same department, year and kind replaces an earlier one of the same
// projects.
var submissionsSQL = []string{
	`DELETE FROM submissions WHERE ` + inStale,
	`INSERT INTO submissions (department_code, department_name, year, kind, content, document_id,
		files, formats, first_document, received_at)
	SELECT r.department_code, max(r.department_name), r.year, r.kind, r.content,
		(SELECT r2.document_id FROM reports r2 JOIN documents d2 ON d2.id = r2.document_id
		 WHERE r2.content = r.content AND r2.year = r.year AND r2.kind = r.kind
		 ORDER BY d2.format = 'docx' DESC, d2.id DESC LIMIT 1),
		count(*), group_concat(DISTINCT d.format), min(d.id), min(d.ingested_at)
	FROM reports r JOIN documents d ON d.id = r.document_id
	WHERE (r.department_code, r.year, r.kind) IN (SELECT department_code, year, kind FROM submissions_stale)
	GROUP BY r.content, r.year, r.kind`,
	// Provinces that take one form per project get several reports of a
	// department a year: a later one replaces an earlier only when they
	// share a project (by code, or by name where neither has a code), or
	// when neither has projects (department-level forms).
	`UPDATE submissions SET replaced_by = (
		SELECT n.id FROM submissions n
		WHERE n.department_code = submissions.department_code AND n.year = submissions.year
		  AND n.kind = submissions.kind AND n.first_document > submissions.first_document
		  AND (EXISTS (SELECT 1 FROM projects a JOIN projects b ON b.document_id = n.document_id
		               AND (a.code <> '' AND b.code = a.code OR a.code = '' AND b.code = '' AND b.name = a.name)
		               WHERE a.document_id = submissions.document_id)
		       OR NOT EXISTS (SELECT 1 FROM projects WHERE document_id = submissions.document_id)
		          AND NOT EXISTS (SELECT 1 FROM projects WHERE document_id = n.document_id))
		ORDER BY n.first_document LIMIT 1)
	WHERE department_code <> '' AND ` + inStale,
	`UPDATE reports SET counted = (document_id IN (SELECT document_id FROM submissions WHERE replaced_by IS NULL))
	WHERE ` + inStale,
}

// submissionCountsSQL copies the findings' counts of the file of each
// submission of a stale group and of each document in recount from its
// report (kept by findingCountsSQL), after the cross-document findings
// are written; the others' counts stand.
const submissionCountsSQL = `UPDATE submissions SET (errors, warnings, infos) =
	(SELECT n_errors, n_warnings, n_infos FROM reports r WHERE r.document_id = submissions.document_id)
	WHERE ` + inStale + ` OR document_id IN (SELECT value FROM json_each(?))`

// refreshSubmissions reads the new projects' amounts, hashes the content
// of the reports stored since it last ran and rebuilds the stale groups'
// submissions (submissionsSQL). The findings are counted by the caller
// (submissionCountsSQL), once they are final, which then marks the groups
// fresh (freshSQL).
func refreshSubmissions(ctx context.Context, tx *sql.Tx) error {
	// The reports whose content is not hashed yet are new, whether the
	// trigger of 0008 saw them stored or not.
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO submissions_stale
		SELECT department_code, year, kind FROM reports WHERE content IS NULL`); err != nil {
		return fmt.Errorf("corpus: submissions: %w", err)
	}
	if err := fillAmounts(ctx, tx); err != nil {
		return fmt.Errorf("corpus: amounts: %w", err)
	}
	if err := fillContent(ctx, tx); err != nil {
		return fmt.Errorf("corpus: submissions: %w", err)
	}
	for _, q := range submissionsSQL {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("corpus: submissions: %w", err)
		}
	}
	return nil
}

// freshSQL marks every group built, once its findings are counted.
const freshSQL = `DELETE FROM submissions_stale`

// fillContent sets reports.content where it is NULL: the fingerprint,
// then for each project its code, name and amounts and for each of its
// indicators the levels and value, then the department indicators, white
// space dropped. On the bench corpus the .docx and .pdf of each of the
// 200 reports read alike by these.
func fillContent(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT r.document_id, r.fingerprint, 'p', p.id, p.code, p.name,
			p.budget_total || '/' || p.budget_fiscal || '/' || p.budget_other, p.seq, 0
		FROM reports r JOIN projects p ON p.document_id = r.document_id WHERE r.content IS NULL
		UNION ALL
		SELECT r.document_id, r.fingerprint, 'i', coalesce(i.project_id, 0), i.level1 || '/' || i.level2, i.level3,
			i.value, coalesce(p.seq, 0), i.id
		FROM reports r JOIN indicators i ON i.document_id = r.document_id
		LEFT JOIN projects p ON p.id = i.project_id WHERE r.content IS NULL
		UNION ALL
		SELECT r.document_id, r.fingerprint, '', 0, '', '', '', 0, 0 FROM reports r WHERE r.content IS NULL
		ORDER BY 1, 8, 3 DESC, 9`)
	if err != nil {
		return err
	}
	// The rows come by document: one hash at a time, the sums kept for
	// the updates once the rows are read.
	type docSum struct {
		doc int64
		sum string
	}
	var sums []docSum
	h := sha256.New()
	cur := int64(-1)
	var line []byte
	var fp, typ, a, b, c sql.RawBytes
	for rows.Next() {
		var doc, id, seq, iid int64
		if err := rows.Scan(&doc, &fp, &typ, &id, &a, &b, &c, &seq, &iid); err != nil {
			rows.Close()
			return err
		}
		if doc != cur {
			if cur >= 0 {
				sums = append(sums, docSum{cur, hex.EncodeToString(h.Sum(nil))[:16]})
			}
			cur = doc
			h.Reset()
			line = append(append(line[:0], fp...), '\n')
			h.Write(line)
		}
		if len(typ) > 0 {
			// typ noSpace(a)|noSpace(b)|noSpace(c)
			line = append(append(line[:0], typ...), ' ')
			line = append(appendNoSpace(line, a), '|')
			line = append(appendNoSpace(line, b), '|')
			line = append(appendNoSpace(line, c), '\n')
			h.Write(line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if cur >= 0 {
		sums = append(sums, docSum{cur, hex.EncodeToString(h.Sum(nil))[:16]})
	}
	for _, d := range sums {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET content = ? WHERE document_id = ?`, d.sum, d.doc); err != nil {
			return err
		}
	}
	return nil
}

// appendNoSpace appends s without its white space, as noSpace returns it.
func appendNoSpace(dst, s []byte) []byte {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if !unicode.IsSpace(r) {
			dst = append(dst, s[:n]...)
		}
		s = s[n:]
	}
	return dst
}

// fillAmounts reads the budget texts of the projects of the reports
// whose content is not hashed yet: those stored since the last ingest or
// before schema version 5. Put leaves them to this, once per ingest, so
// that storing a document stays a plain copy of its report.
func fillAmounts(ctx context.Context, tx *sql.Tx) error {
	type amounts struct {
		id                         int64
		unit, total, fiscal, other string
	}
	// A chunk at a time, so that a large ingest does not hold every
	// project's texts.
	const chunk = 1000
	todo := make([]amounts, 0, chunk)
	for last := int64(0); ; {
		rows, err := tx.QueryContext(ctx, `SELECT id, amount_unit, budget_total, budget_fiscal, budget_other
			FROM projects WHERE id > ? AND document_id IN (SELECT document_id FROM reports WHERE content IS NULL)
			AND (budget_total <> '' OR budget_fiscal <> '' OR budget_other <> '') ORDER BY id LIMIT ?`, last, chunk)
		if err != nil {
			return err
		}
		todo = todo[:0]
		for rows.Next() {
			var a amounts
			if err := rows.Scan(&a.id, &a.unit, &a.total, &a.fiscal, &a.other); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, a := range todo {
			if _, err := tx.ExecContext(ctx, `UPDATE projects SET budget_total_fen = ?, budget_fiscal_fen = ?,
				budget_other_fen = ? WHERE id = ?`, fenArg(a.total, a.unit), fenArg(a.fiscal, a.unit),
				fenArg(a.other, a.unit), a.id); err != nil {
				return err
			}
			last = a.id
		}
		if len(todo) < chunk {
			return nil
		}
	}
}

// RefreshSubmissions rebuilds the submissions of the groups stored or
// deleted since, and their findings' counts (RecheckBatch does it after
// every ingest; tests and tools that store with Put alone call this).
func (s *Store) RefreshSubmissions(ctx context.Context) error {
	return s.refresh(ctx, true)
}

// refresh rebuilds the submissions, counting their findings when count is
// set; RecheckBatch counts after it has replaced the cross-document ones.
func (s *Store) refresh(ctx context.Context, count bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("corpus: submissions: %w", err)
	}
	defer tx.Rollback()
	if err := refreshSubmissions(ctx, tx); err != nil {
		return err
	}
	if count {
		if _, err := tx.ExecContext(ctx, submissionCountsSQL, "[]"); err != nil {
			return fmt.Errorf("corpus: submissions: %w", err)
		}
		if _, err := tx.ExecContext(ctx, freshSQL); err != nil {
			return fmt.Errorf("corpus: submissions: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("corpus: submissions: %w", err)
	}
	return nil
}

// Submission is one department's report for one year.
type Submission struct {
	ID             int64
	DepartmentCode string
	DepartmentName string
	Year           int
	Kind           string
	DocumentID     int64  // the file that counts
	File           string // its path as stored
	Files          int    // files carrying the report
	Formats        []string
	ReceivedAt     string // the first file's ingest time, UTC RFC 3339
	ReplacedBy     int64  // 0: current
}

// OtherFormats names the formats of the submission's other files, as
// the note 另有 PDF 版本 says them; "" when it has one file.
func (s *Submission) OtherFormats() string {
	main := strings.TrimPrefix(strings.ToLower(fileExt(s.File)), ".")
	var other []string
	for _, f := range s.Formats {
		if f != main && f != "" {
			other = append(other, strings.ToUpper(f))
		}
	}
	return strings.Join(other, "、")
}

// Note is 另有 PDF 版本 for a submission sent as .docx and .pdf, "" for
// one file.
func (s *Submission) Note() string {
	if o := s.OtherFormats(); o != "" {
		return "另有 " + o + " 版本"
	}
	return ""
}

func fileExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.ContainsAny(p[i:], `/\`) {
		return p[i:]
	}
	return ""
}

const submissionColumns = `s.id, s.department_code, s.department_name, s.year, s.kind, s.document_id,
	d.path, s.files, s.formats, s.received_at, coalesce(s.replaced_by, 0)`

func scanSubmission(sc interface{ Scan(...any) error }) (*Submission, error) {
	var sub Submission
	var formats string
	if err := sc.Scan(&sub.ID, &sub.DepartmentCode, &sub.DepartmentName, &sub.Year, &sub.Kind,
		&sub.DocumentID, &sub.File, &sub.Files, &formats, &sub.ReceivedAt, &sub.ReplacedBy); err != nil {
		return nil, err
	}
	sub.Formats = splitFormats(formats)
	return &sub, nil
}

// Submissions lists the submissions of a department (code, or "" for
// all) and year (0 for all), current and replaced, by department, year
// and order of receipt.
func (s *Store) Submissions(ctx context.Context, department string, year int) ([]*Submission, error) {
	q := `SELECT ` + submissionColumns + ` FROM submissions s JOIN documents d ON d.id = s.document_id
		WHERE (? = '' OR s.department_code = ?) AND (? = 0 OR s.year = ?)
		ORDER BY s.department_code, s.year, s.first_document`
	rows, err := s.db.QueryContext(ctx, q, department, department, year, year)
	if err != nil {
		return nil, fmt.Errorf("corpus: submissions: %w", err)
	}
	defer rows.Close()
	var out []*Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("corpus: submissions: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// SubmissionOf returns the submission a document belongs to: the one it
// counts for, or the one with the same report (its other format); nil
// when the document holds no report.
func (s *Store) SubmissionOf(ctx context.Context, documentID int64) (*Submission, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions s
		JOIN documents d ON d.id = s.document_id
		JOIN reports r ON r.content = s.content AND r.year = s.year AND r.kind = s.kind
		WHERE r.document_id = ? LIMIT 1`, documentID)
	sub, err := scanSubmission(row)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("corpus: submission of document %d: %w", documentID, err)
	}
	return sub, nil
}

// baseName is the file name of a path stored on any system (/ or \).
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func splitFormats(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
