package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/normalize"
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

// refreshSubmissions reads the amounts and hashes the content of the
// reports stored without them (by a version before this writer's, which
// left them to this) and rebuilds the stale groups'
// submissions (submissionsSQL). The findings are counted by the caller
// (submissionCountsSQL), once they are final, which then marks the groups
// fresh (freshSQL).
func refreshSubmissions(ctx context.Context, tx *sql.Tx) error {
	// The reports whose content is not hashed yet were stored by an
	// earlier version, whether the trigger of 0008 saw them stored or not.
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

// fillContent sets reports.content where it is NULL (reports stored by
// an earlier version; the writer stores it, reportContent): the fingerprint,
// then for each project its code, name and amounts and for each of its
// indicators the levels and value, then the department indicators, white
// space dropped. On the bench corpus the .docx and .pdf of each of the
// 200 reports read alike by these.
//
// The rows come by document, its fingerprint first, each line's fields
// joined by SQLite: white space is all noSpace drops and the joints are
// none, so dropping it from the joined fields drops it from each.
func fillContent(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT doc, line FROM (
		SELECT r.document_id AS doc, -1 AS seq, '' AS typ, 0 AS iid, r.fingerprint AS line
		FROM reports r WHERE r.content IS NULL
		UNION ALL
		SELECT r.document_id, p.seq, 'p', 0,
			'p ' || p.code || '|' || p.name || '|' || p.budget_total || '/' || p.budget_fiscal || '/' || p.budget_other
		FROM reports r JOIN projects p ON p.document_id = r.document_id WHERE r.content IS NULL
		UNION ALL
		SELECT r.document_id, coalesce(p.seq, 0), 'i', i.id,
			'i ' || i.level1 || '/' || i.level2 || '|' || i.level3 || '|' || i.value
		FROM reports r JOIN indicators i ON i.document_id = r.document_id
		LEFT JOIN projects p ON p.id = i.project_id WHERE r.content IS NULL)
		ORDER BY doc, seq, typ DESC, iid`)
	if err != nil {
		return err
	}
	// One document's text at a time, hashed when the next begins; the
	// sums are written once the rows are read.
	var sums idValues
	cur := int64(-1)
	var text []byte
	var line sql.RawBytes
	for rows.Next() {
		var doc int64
		if err := rows.Scan(&doc, &line); err != nil {
			rows.Close()
			return err
		}
		if doc != cur {
			if cur >= 0 {
				sums.add(cur, contentSum(text))
			}
			// The fingerprint comes first (seq -1).
			cur = doc
			text = append(append(text[:0], line...), '\n')
			continue
		}
		// "p " or "i ", then the fields without white space.
		text = append(appendNoSpace(append(text, line[:2]...), string(line[2:])), '\n')
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if cur >= 0 {
		sums.add(cur, contentSum(text))
	}
	return sums.update(ctx, tx, `UPDATE reports SET content = j.value->>1 FROM jsonb_each(?) j
		WHERE reports.document_id = j.value->>0`)
}

// reportContent is the content fillContent hashes for rep, computed as
// the writer stores it: the same lines in the same order (projects by
// seq, each before its indicators, the department's at seq 0, indicators
// in the order they are stored), so that reports need not be read back.
// It writes the fields straight into the text: joined first, each line
// cost the writer a string and its copy.
func reportContent(rep *Report) string {
	type line struct {
		seq int
		typ byte // 'p' sorts before 'i', as typ DESC does
		ord int  // the order indicators are stored in, as their ids
		p   *Project
		in  *Indicator
	}
	n := len(rep.DepartmentIndicators)
	for i := range rep.Projects {
		n += 1 + len(rep.Projects[i].Indicators) + len(rep.Projects[i].MidTermIndicators)
	}
	lines := make([]line, 0, n)
	ord := 0
	indicator := func(seq int, in *Indicator) {
		ord++
		lines = append(lines, line{seq: seq, typ: 'i', ord: ord, in: in})
	}
	for i := range rep.DepartmentIndicators {
		indicator(0, &rep.DepartmentIndicators[i])
	}
	for i := range rep.Projects {
		p := &rep.Projects[i]
		lines = append(lines, line{seq: p.Seq, typ: 'p', p: p})
		for i := range p.Indicators {
			indicator(p.Seq, &p.Indicators[i])
		}
		for i := range p.MidTermIndicators {
			indicator(p.Seq, &p.MidTermIndicators[i])
		}
	}
	slices.SortStableFunc(lines, func(a, b line) int {
		return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(b.typ, a.typ), cmp.Compare(a.ord, b.ord))
	})
	// White space is dropped field by field: the joints hold none.
	text := make([]byte, 0, 64*len(lines)+32)
	text = append(append(text, fingerprint(rep)...), '\n')
	for _, l := range lines {
		if l.p != nil {
			text = appendNoSpace(append(text, "p "...), l.p.Code)
			text = appendNoSpace(append(text, '|'), l.p.Name)
			text = appendNoSpace(append(text, '|'), l.p.BudgetTotal)
			text = appendNoSpace(append(text, '/'), l.p.BudgetFiscal)
			text = appendNoSpace(append(text, '/'), l.p.BudgetOther)
		} else {
			text = appendNoSpace(append(text, "i "...), l.in.Level1)
			text = appendNoSpace(append(text, '/'), l.in.Level2)
			text = appendNoSpace(append(text, '|'), l.in.Level3)
			text = appendNoSpace(append(text, '|'), l.in.Value)
		}
		text = append(text, '\n')
	}
	return contentSum(text)
}

// contentSum is the content hash of a report's text.
func contentSum(text []byte) string {
	h := sha256.Sum256(text)
	return hex.EncodeToString(h[:8])
}

// appendNoSpace appends s without its white space (a PDF's text may hold
// some where the .docx has none).
func appendNoSpace(dst []byte, s string) []byte {
	return append(dst, normalize.DropSpace(s)...)
}

// idValues gathers rows of an id and its new values as a JSON array, for
// one UPDATE to read with jsonb_each: one statement a row through
// database/sql costs more than SQLite's update. The values are nil, int64
// or strings that need no escaping.
type idValues struct {
	buf []byte
	n   int
}

func (v *idValues) add(id int64, vals ...any) {
	if v.n == 0 {
		v.buf = append(v.buf[:0], '[')
	} else {
		v.buf = append(v.buf, ',')
	}
	v.buf = strconv.AppendInt(append(v.buf, '['), id, 10)
	for _, x := range vals {
		v.buf = append(v.buf, ',')
		switch x := x.(type) {
		case nil:
			v.buf = append(v.buf, "null"...)
		case int64:
			v.buf = strconv.AppendInt(v.buf, x, 10)
		case string:
			v.buf = append(append(append(v.buf, '"'), x...), '"')
		default:
			panic("corpus: idValues: unsupported value type") // a programming error
		}
	}
	v.buf = append(v.buf, ']')
	v.n++
}

// update runs query, which reads the rows from the JSON array bound to
// it, and starts a new array.
func (v *idValues) update(ctx context.Context, tx *sql.Tx, query string) error {
	if v.n == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, query, string(append(v.buf, ']')))
	v.buf, v.n = v.buf[:0], 0
	return err
}

// fillAmounts reads the budget texts of the projects of the reports
// whose content is not hashed yet, stored by an earlier version (the
// writer stores the amounts with the project).
func fillAmounts(ctx context.Context, tx *sql.Tx) error {
	// A chunk at a time, so that a large ingest does not hold every
	// project's texts.
	const chunk = 1000
	var fens idValues
	for last := int64(0); ; {
		rows, err := tx.QueryContext(ctx, `SELECT id, amount_unit, budget_total, budget_fiscal, budget_other
			FROM projects WHERE id > ? AND document_id IN (SELECT document_id FROM reports WHERE content IS NULL)
			AND (budget_total <> '' OR budget_fiscal <> '' OR budget_other <> '') ORDER BY id LIMIT ?`, last, chunk)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			var unit, total, fiscal, other string
			if err := rows.Scan(&last, &unit, &total, &fiscal, &other); err != nil {
				rows.Close()
				return err
			}
			fens.add(last, fenArg(total, unit), fenArg(fiscal, unit), fenArg(other, unit))
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := fens.update(ctx, tx, `UPDATE projects SET budget_total_fen = j.value->>1,
			budget_fiscal_fen = j.value->>2, budget_other_fen = j.value->>3
			FROM jsonb_each(?) j WHERE projects.id = j.value->>0`); err != nil {
			return err
		}
		if n < chunk {
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

// BaseName is the file name of a path stored on any system (/ or \).
func BaseName(p string) string {
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
