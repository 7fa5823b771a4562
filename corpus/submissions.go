package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// submissionsSQL rebuilds the submissions table and reports.counted from
// the stored reports: the files with one content are one submission, the
// .docx counting where there is one (the latest, should the same report
// come twice as .docx); a later submission of the same department, year
// and kind replaces an earlier one of the same projects.
var submissionsSQL = []string{
	`DELETE FROM submissions`,
	`INSERT INTO submissions (department_code, department_name, year, kind, content, document_id,
		files, formats, first_document, received_at)
	SELECT r.department_code, max(r.department_name), r.year, r.kind, r.content,
		(SELECT r2.document_id FROM reports r2 JOIN documents d2 ON d2.id = r2.document_id
		 WHERE r2.content = r.content AND r2.year = r.year AND r2.kind = r.kind
		 ORDER BY d2.format = 'docx' DESC, d2.id DESC LIMIT 1),
		count(*), group_concat(DISTINCT d.format), min(d.id), min(d.ingested_at)
	FROM reports r JOIN documents d ON d.id = r.document_id
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
	WHERE department_code <> ''`,
	`UPDATE reports SET counted = (document_id IN (SELECT document_id FROM submissions WHERE replaced_by IS NULL))`,
}

// submissionCountsSQL counts the findings of each submission's file,
// after the cross-document findings are written.
const submissionCountsSQL = `UPDATE submissions SET
	errors = (SELECT count(*) FROM findings f WHERE f.document_id = submissions.document_id AND f.severity = 'error'),
	warnings = (SELECT count(*) FROM findings f WHERE f.document_id = submissions.document_id AND f.severity = 'warning'),
	infos = (SELECT count(*) FROM findings f WHERE f.document_id = submissions.document_id AND f.severity = 'info')`

// refreshSubmissions hashes the content of the reports stored since it
// last ran, runs submissionsSQL and reads the new projects' amounts. The
// findings are counted by the caller (submissionCountsSQL), once they are
// final.
func refreshSubmissions(ctx context.Context, tx *sql.Tx) error {
	if err := fillContent(ctx, tx); err != nil {
		return fmt.Errorf("corpus: submissions: %w", err)
	}
	for _, q := range submissionsSQL {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("corpus: submissions: %w", err)
		}
	}
	if err := fillAmounts(ctx, tx); err != nil {
		return fmt.Errorf("corpus: amounts: %w", err)
	}
	return nil
}

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
	hashes := map[int64]hash.Hash{}
	var order []int64
	for rows.Next() {
		var doc, id, seq, iid int64
		var fp, typ, a, b, c string
		if err := rows.Scan(&doc, &fp, &typ, &id, &a, &b, &c, &seq, &iid); err != nil {
			rows.Close()
			return err
		}
		h, ok := hashes[doc]
		if !ok {
			h = sha256.New()
			hashes[doc] = h
			order = append(order, doc)
			fmt.Fprintf(h, "%s\n", fp)
		}
		if typ != "" {
			fmt.Fprintf(h, "%s %s|%s|%s\n", typ, noSpace(a), noSpace(b), noSpace(c))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, doc := range order {
		sum := hex.EncodeToString(hashes[doc].Sum(nil))[:16]
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET content = ? WHERE document_id = ?`, sum, doc); err != nil {
			return err
		}
	}
	return nil
}

// fillAmounts reads the budget texts of the projects whose amounts are
// not read yet: those stored since the last ingest or before schema
// version 5. Put leaves them to this, once per ingest, so that storing a
// document stays a plain copy of its report; a text that is no amount is
// read again by each ingest, which costs little for the few there are.
func fillAmounts(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, amount_unit, budget_total, budget_fiscal, budget_other
		FROM projects WHERE budget_total_fen IS NULL AND budget_fiscal_fen IS NULL AND budget_other_fen IS NULL
		AND (budget_total <> '' OR budget_fiscal <> '' OR budget_other <> '')`)
	if err != nil {
		return err
	}
	type amounts struct {
		id                         int64
		unit, total, fiscal, other string
	}
	var todo []amounts
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
	}
	return nil
}

// RefreshSubmissions rebuilds the submissions and their findings' counts
// (RecheckBatch does it after every ingest; tests and tools that store with
// Put alone call this).
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
		if _, err := tx.ExecContext(ctx, submissionCountsSQL); err != nil {
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
