package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrNoDocument is returned by Document and DocumentFile for an id that is
// not stored.
var ErrNoDocument = errors.New("corpus: no such document")

// Document is one stored document as the reviewer's document page shows
// it: the file, the report read from it and every finding on it. Text is
// as stored (as written in the report).
type Document struct {
	ID         int64
	SHA256     string
	Path       string // as given when first stored
	Format     string // docx, pdf, '' when not recognized
	Size       int64  // bytes
	Pages      int    // PDF pages
	Status     string // ok, failed
	Reason     string // why it failed, in Chinese
	IngestedAt string // UTC, RFC 3339

	// The report; zero for a failed document (HasReport false).
	HasReport      bool
	DepartmentCode string
	DepartmentName string
	Year           int
	Layout         string
	Kind           string            // target, self_evaluation, '' before schema 2
	Extra          map[string]string // a department-level form's other labels

	Goals                []DocGoal
	DepartmentIndicators []DocIndicator
	Projects             []DocProject
	Findings             []DocFinding // by severity (errors first), then as stored
}

// DocGoal is a row of goals.
type DocGoal struct {
	ID         int64
	Kind       string // overall, sub_goal, measure
	No         string
	Title      string
	Goal       string
	Indicators string
}

// DocProject is a project with its indicator tables.
type DocProject struct {
	ID                                     int64
	Seq                                    int
	Code, Name, Title                      string
	AmountUnit                             string
	BudgetTotal, BudgetFiscal, BudgetOther string
	Purpose                                string
	SpendingPlan                           []Checkpoint
	Goal, GoalLabel, MidTermGoal           string
	Extra                                  map[string]string
	Indicators                             []DocIndicator // scope project
	MidTermIndicators                      []DocIndicator // scope mid_term
}

// Checkpoint is one period of a spending plan and its share, as written.
type Checkpoint struct {
	Period string `json:"period"`
	Value  string `json:"value"`
}

// DocIndicator is a row of an indicator table, its cells as written.
type DocIndicator struct {
	ID                         int64
	Seq                        int
	Level1, Level2, Level3     string
	Description, Nature, Value string
	ValueUnit, Basis, Weight   string
	Actual, Score, Deviation   string
	MidValue                   string
	Extra                      map[string]string
	Page, Table, Row           int // where the row was read; 0 unknown
}

// DocFinding is a finding with where it points.
type DocFinding struct {
	ID          int64
	ProjectID   int64 // 0: names no project
	IndicatorID int64 // 0: names no indicator
	Batch       bool  // a cross-document finding
	Rule        string
	Severity    string // error, warning, info
	Message     string // Chinese
	ProjectCode string
	Indicator   int // 1-based index in the project, 0 none
	SubGoal     int
	Field       string
	Page        int
	Table       int
	Row         int
	Col         int
}

// Document returns the document with id, or ErrNoDocument. Each part is
// read by the document's index, so the time does not grow with the
// database.
func (s *Store) Document(ctx context.Context, id int64) (*Document, error) {
	d := &Document{ID: id}
	err := s.db.QueryRowContext(ctx, `SELECT sha256, path, format, size, pages, status, reason, ingested_at
		FROM documents WHERE id = ?`, id).Scan(&d.SHA256, &d.Path, &d.Format, &d.Size, &d.Pages, &d.Status, &d.Reason, &d.IngestedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %d", ErrNoDocument, id)
	}
	if err != nil {
		return nil, fmt.Errorf("corpus: document %d: %w", id, err)
	}
	if err := s.documentReport(ctx, d); err != nil {
		return nil, fmt.Errorf("corpus: document %d: %w", id, err)
	}
	return d, nil
}

func (s *Store) documentReport(ctx context.Context, d *Document) error {
	var extra string
	err := s.db.QueryRowContext(ctx, `SELECT department_code, department_name, year, layout, kind, extra
		FROM reports WHERE document_id = ?`, d.ID).Scan(&d.DepartmentCode, &d.DepartmentName, &d.Year, &d.Layout, &d.Kind, &extra)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		d.HasReport = true
		d.Extra = jsonMap(extra)
	}
	if err := s.documentGoals(ctx, d); err != nil {
		return err
	}
	if err := s.documentProjects(ctx, d); err != nil {
		return err
	}
	if err := s.documentIndicators(ctx, d); err != nil {
		return err
	}
	return s.documentFindings(ctx, d)
}

func (s *Store) documentGoals(ctx context.Context, d *Document) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, no, title, goal, indicators FROM goals
		WHERE document_id = ? ORDER BY id`, d.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var g DocGoal
		if err := rows.Scan(&g.ID, &g.Kind, &g.No, &g.Title, &g.Goal, &g.Indicators); err != nil {
			return err
		}
		d.Goals = append(d.Goals, g)
	}
	return rows.Err()
}

func (s *Store) documentProjects(ctx context.Context, d *Document) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, seq, code, name, title, amount_unit, budget_total,
		budget_fiscal, budget_other, purpose, spending_plan, goal, goal_label, mid_term_goal, extra
		FROM projects WHERE document_id = ? ORDER BY seq`, d.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p DocProject
		var plan, extra string
		if err := rows.Scan(&p.ID, &p.Seq, &p.Code, &p.Name, &p.Title, &p.AmountUnit, &p.BudgetTotal,
			&p.BudgetFiscal, &p.BudgetOther, &p.Purpose, &plan, &p.Goal, &p.GoalLabel, &p.MidTermGoal, &extra); err != nil {
			return err
		}
		// A plan that is not the JSON Put writes shows as no plan; the
		// rest of the page is still worth seeing.
		json.Unmarshal([]byte(plan), &p.SpendingPlan)
		p.Extra = jsonMap(extra)
		d.Projects = append(d.Projects, p)
	}
	return rows.Err()
}

func (s *Store) documentIndicators(ctx context.Context, d *Document) error {
	byProject := map[int64]*DocProject{}
	for i := range d.Projects {
		byProject[d.Projects[i].ID] = &d.Projects[i]
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(project_id, 0), scope, seq, level1, level2, level3,
		description, nature, value, value_unit, basis, weight, actual, score, deviation,
		coalesce(mid_value, ''), extra, page, tbl, row
		FROM indicators WHERE document_id = ? ORDER BY id`, d.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var in DocIndicator
		var project int64
		var scope, extra string
		if err := rows.Scan(&in.ID, &project, &scope, &in.Seq, &in.Level1, &in.Level2, &in.Level3,
			&in.Description, &in.Nature, &in.Value, &in.ValueUnit, &in.Basis, &in.Weight, &in.Actual,
			&in.Score, &in.Deviation, &in.MidValue, &extra, &in.Page, &in.Table, &in.Row); err != nil {
			return err
		}
		in.Extra = jsonMap(extra)
		p := byProject[project]
		switch {
		case scope == "department" || p == nil:
			d.DepartmentIndicators = append(d.DepartmentIndicators, in)
		case scope == "mid_term":
			p.MidTermIndicators = append(p.MidTermIndicators, in)
		default:
			p.Indicators = append(p.Indicators, in)
		}
	}
	return rows.Err()
}

func (s *Store) documentFindings(ctx context.Context, d *Document) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(project_id, 0), coalesce(indicator_id, 0), batch,
		rule, severity, message, project_code, indicator, sub_goal, field, page, tbl, row, col
		FROM findings WHERE document_id = ?
		ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id`, d.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f DocFinding
		if err := rows.Scan(&f.ID, &f.ProjectID, &f.IndicatorID, &f.Batch, &f.Rule, &f.Severity, &f.Message,
			&f.ProjectCode, &f.Indicator, &f.SubGoal, &f.Field, &f.Page, &f.Table, &f.Row, &f.Col); err != nil {
			return err
		}
		d.Findings = append(d.Findings, f)
	}
	return rows.Err()
}

// jsonMap reads an extra column; text that is not a JSON object of
// strings reads as none.
func jsonMap(s string) map[string]string {
	var m map[string]string
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

// DocumentFile is what serving a document's original file needs.
type DocumentFile struct {
	Path   string
	Format string
	SHA256 string
	Size   int64
	Pages  int // PDF pages; 0 for .docx
}

// DocumentFile returns the path and hash stored for document id, or
// ErrNoDocument.
func (s *Store) DocumentFile(ctx context.Context, id int64) (*DocumentFile, error) {
	f := &DocumentFile{}
	err := s.db.QueryRowContext(ctx, `SELECT path, format, sha256, size, pages FROM documents WHERE id = ?`, id).
		Scan(&f.Path, &f.Format, &f.SHA256, &f.Size, &f.Pages)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %d", ErrNoDocument, id)
	}
	if err != nil {
		return nil, fmt.Errorf("corpus: document %d: %w", id, err)
	}
	return f, nil
}

// DocumentID returns the id of the document with the SHA-256 sha, or
// ErrNoDocument.
func (s *Store) DocumentID(ctx context.Context, sha string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, sha).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w: %s", ErrNoDocument, sha)
	}
	if err != nil {
		return 0, fmt.Errorf("corpus: document %s: %w", sha, err)
	}
	return id, nil
}
