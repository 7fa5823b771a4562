package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jixiao/jixiao/normalize"
)

// Doc is one file to store: its identity, and its report or why it could
// not be read.
type Doc struct {
	SHA256 string // hex digest of the file; the document's key
	Path   string
	Format string // "docx", "pdf", or "" when not recognized
	Size   int64  // in bytes
	Pages  int
	Report *Report // with its findings; nil when the file failed
	Err    error   // why it failed; unused when Report is set
	Reason string  // Err for the finance staff, in Chinese, as the reader gives it
	Index  Index   // words for the full-text index, from NewIndex
}

// Put stores d in one transaction. A document with the same SHA-256 already
// stored is left alone and Put returns false, unless replace is set, in
// which case the old one and all it holds are deleted first.
func (s *Store) Put(ctx context.Context, d *Doc, replace bool) (stored bool, err error) {
	st, err := s.PutAll(ctx, []*Doc{d}, []bool{replace})
	if err != nil {
		return false, err
	}
	return st[0], nil
}

// PutAll stores docs in one transaction, as Put stores each: committing
// several documents at once spares a commit and a full-text flush per
// document. Either all are stored or, on an error, none.
func (s *Store) PutAll(ctx context.Context, docs []*Doc, replace []bool) (stored []bool, err error) {
	for _, d := range docs {
		if d.Report != nil && len(d.Index) != countText(d.Report) {
			return nil, fmt.Errorf("corpus: put %s: index has %d entries, the report %d", d.Path, len(d.Index), countText(d.Report))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("corpus: put: %w", err)
	}
	// A batch, once begun, is finished: its statements are short, and
	// under a context that can be cancelled the driver runs each one on a
	// goroutine of its own, which costs more than the insert.
	ctx = context.WithoutCancel(ctx)
	// Each insert keeps the pages it changes, to undo itself alone should
	// it fail (a statement journal): past 64 KiB SQLite writes them to a
	// temporary file, some 170 MB in 80,000 writes for the 400 bench
	// documents, a tenth of the writer's time. In memory they are freed as
	// each statement ends. Only here: temporary storage in memory would
	// hold big sorts too.
	if _, err := s.db.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return nil, fmt.Errorf("corpus: put: %w", err)
	}
	defer s.db.ExecContext(ctx, "PRAGMA temp_store = DEFAULT")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("corpus: put: %w", err)
	}
	w := &writer{ctx: ctx, tx: tx, s: s, texts: map[string]int64{}}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
		w.releaseRows()
		s.prepareWanted(ctx)
	}()
	stored = make([]bool, len(docs))
	reports := false // a document was stored with a report
	for i, d := range docs {
		if replace[i] {
			// The rows gathered so far may be the document's, stored
			// earlier in this batch: insert them before it is deleted.
			// The delete may free the largest ids: the next report
			// numbers its rows from what is left, as SQLite would.
			w.flushRows()
			w.exec(`DELETE FROM documents WHERE sha256 = ?`, d.SHA256)
			w.releaseRows()
		}
		id, ok := w.document(d)
		if w.err == nil && ok && d.Report != nil {
			w.report(id, d.Report, d.Index)
			reports = true
		}
		if w.err != nil {
			return nil, fmt.Errorf("corpus: put %s: %w", d.Path, w.err)
		}
		stored[i] = ok
	}
	w.flushRows()
	if reports {
		w.exec(`UPDATE meta SET value = '1' WHERE key = 'batch_dirty'`)
	}
	if w.err != nil {
		return nil, fmt.Errorf("corpus: put: %w", w.err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("corpus: put: %w", err)
	}
	s.keepTexts(w.texts)
	return stored, nil
}

// maxTexts bounds the cache of text ids: about 100 bytes an entry.
const maxTexts = 200_000

// keepTexts adds the text ids a committed transaction created to the
// cache, which starts afresh when full.
func (s *Store) keepTexts(m map[string]int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.texts == nil || len(s.texts)+len(m) > maxTexts {
		s.texts = make(map[string]int64, len(m))
	}
	for h, id := range m {
		s.texts[h] = id
	}
}

// cachedText returns the id of a committed text by its hash.
func (s *Store) cachedText(hash string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.texts[hash]
	return id, ok
}

// forgetTexts empties the cache, after texts were deleted.
func (s *Store) forgetTexts() {
	s.mu.Lock()
	s.texts = nil
	s.mu.Unlock()
}

// stmt returns the statement prepared for query, or nil the first time,
// noting it for prepareWanted: preparing a few hundred inserts for every
// document would cost more than running them. Statements cannot be
// prepared inside a transaction, which holds the Store's one connection.
func (s *Store) stmt(query string) *sql.Stmt {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st
	}
	if s.wanted == nil {
		s.wanted = map[string]bool{}
	}
	s.wanted[query] = true
	return nil
}

// prepareWanted prepares the statements stmt was asked for; it runs
// between transactions.
func (s *Store) prepareWanted(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for q := range s.wanted {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			continue // stays unprepared; exec reports any error
		}
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[q] = st
	}
	s.wanted = nil
}

func countText(rep *Report) int {
	n := 0
	walkText(rep, func(_, _, _ string) { n++ })
	return n
}

// writer inserts the rows of one transaction, keeping the first error.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	err   error
	texts map[string]int64 // text ids looked up or created in this transaction, by hash
	rows  *txRows          // the reports' rows gathered so far; nil before the first
}

// exec runs query (see result).
func (w *writer) exec(query string, args ...any) {
	w.result(query, args...)
}

// result runs query, prepared once the transaction is over (Store.stmt);
// nil after an error.
func (w *writer) result(query string, args ...any) sql.Result {
	if w.err != nil {
		return nil
	}
	var res sql.Result
	var err error
	if st := w.s.stmt(query); st != nil {
		res, err = w.tx.StmtContext(w.ctx, st).ExecContext(w.ctx, args...)
	} else {
		res, err = w.tx.ExecContext(w.ctx, query, args...)
	}
	if err != nil {
		w.err = err
		return nil
	}
	return res
}

// document inserts the documents row; ok is false when the hash is
// already stored.
func (w *writer) document(d *Doc) (id int64, ok bool) {
	status, reason, errText := "ok", "", ""
	if d.Report == nil {
		status, reason = "failed", d.Reason
		if d.Err != nil {
			errText = d.Err.Error()
		}
	}
	res := w.result(`INSERT INTO documents
		(sha256, path, format, size, pages, status, reason, error, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		d.SHA256, d.Path, d.Format, d.Size, d.Pages, status, reason, errText,
		time.Now().UTC().Format(time.RFC3339))
	if res == nil {
		return 0, false
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, false
	}
	id, _ = res.LastInsertId()
	return id, true
}

// report gathers the rows of a document's report, inserted with the
// transaction's other reports by flushRows.
func (w *writer) report(doc int64, rep *Report, ix Index) {
	r := w.gather()
	if w.err != nil {
		return
	}
	n := countRows(rep)
	r.reports.add(doc, rep.DepartmentCode, rep.DepartmentName, rep.Year, rep.Layout,
		fingerprint(rep), rep.Kind, jsonObject(rep.Extra), reportContent(rep), n.projects, n.indicators,
		n.deptIndicators, n.midIndicators, n.findings, n.errors, n.warnings, n.infos)
	next := 0
	entry := func(project, indicator, goal any) {
		w.entry(ix[next], doc, project, indicator, goal)
		next++
	}
	goal := func(kind, no, title, text, indicators string) {
		r.next.goal++
		g := r.next.goal
		r.goals.add(g, doc, kind, no, title, text, indicators)
		entry(nil, nil, g)
	}
	if rep.OverallGoal != "" {
		goal("overall", "", "总体绩效目标", rep.OverallGoal, "")
	}
	for _, g := range rep.SubGoals {
		goal("sub_goal", fmt.Sprint(g.No), g.Title, g.Goal, g.Indicators)
	}
	for _, m := range rep.Measures {
		goal("measure", m.No, "", m.Text, "")
	}
	ids := &indicatorIDs{projects: map[string]int64{}, indicators: map[[2]int64]int64{}, levels: map[int64][2]string{}}
	// An indicator finding without a project code points into the one
	// table without a code, the department's or a project's; with two
	// such tables it points at neither.
	uncodedTables := 0
	if len(rep.DepartmentIndicators) > 0 {
		uncodedTables++
	}
	for i, in := range rep.DepartmentIndicators {
		iid := w.indicator(doc, nil, "department", i+1, &in)
		ids.add(0, i+1, iid, &in)
		entry(nil, iid, nil)
	}
	for _, p := range rep.Projects {
		plan, _ := json.Marshal(p.SpendingPlan)
		if p.SpendingPlan == nil {
			plan = []byte("[]")
		}
		r.next.project++
		pid := r.next.project
		r.projects.add(pid, doc, p.Seq, p.Code, p.Name, p.Title, p.DepartmentCode,
			p.DepartmentName, p.AmountUnit, p.BudgetTotal, p.BudgetFiscal, p.BudgetOther, p.Purpose,
			string(plan), p.Goal, p.GoalLabel, p.MidTermGoal, jsonObject(p.Extra),
			fenArg(p.BudgetTotal, p.AmountUnit), fenArg(p.BudgetFiscal, p.AmountUnit), fenArg(p.BudgetOther, p.AmountUnit))
		if p.Code == "" {
			uncodedTables++
			ids.uncoded = pid
		} else if _, dup := ids.projects[p.Code]; !dup {
			ids.projects[p.Code] = pid
		}
		entry(pid, nil, nil)
		for i, in := range p.Indicators {
			iid := w.indicator(doc, pid, "project", i+1, &in)
			ids.add(pid, i+1, iid, &in)
			entry(pid, iid, nil)
		}
		for i, in := range p.MidTermIndicators {
			entry(pid, w.indicator(doc, pid, "mid_term", i+1, &in), nil)
		}
	}
	if uncodedTables > 1 {
		ids.uncoded = -1
	}
	for _, f := range sortFindings(rep) {
		project, indicator := ids.resolve(f)
		level := ids.levels[ids.id(indicator)]
		r.findings.add(doc, project, indicator, 0, f.Rule, f.Severity, f.Message, f.Project,
			f.Indicator, f.SubGoal, f.Field, f.Page, f.Table, f.Row, f.Col, level[0], level[1])
	}
}

// rowCounts are the rows a report is stored as, which its reports row
// keeps for Stats: counted as they are gathered, they need no query.
type rowCounts struct {
	projects, indicators, deptIndicators, midIndicators int64
	findings, errors, warnings, infos                   int64
}

// countRows counts the rows report gathers for rep, as Stats adds them
// up; its cross-document findings are counted when RecheckBatch stores
// them (findingCountsSQL).
func countRows(rep *Report) rowCounts {
	n := rowCounts{projects: int64(len(rep.Projects)), deptIndicators: int64(len(rep.DepartmentIndicators)),
		findings: int64(len(rep.Findings))}
	n.indicators = n.deptIndicators
	for i := range rep.Projects {
		n.midIndicators += int64(len(rep.Projects[i].MidTermIndicators))
		n.indicators += int64(len(rep.Projects[i].Indicators) + len(rep.Projects[i].MidTermIndicators))
	}
	for i := range rep.Findings {
		switch rep.Findings[i].Severity {
		case "error":
			n.errors++
		case "warning":
			n.warnings++
		case "info":
			n.infos++
		}
	}
	return n
}

// indicatorIDs resolves a finding's location to the stored rows.
type indicatorIDs struct {
	projects   map[string]int64    // project id by code
	indicators map[[2]int64]int64  // indicator id by project id (0: the department table) and seq
	levels     map[int64][2]string // an indicator's 一级指标 and target kind by id, which its findings carry
	uncoded    int64               // the table an indicator finding without a project code points into: a project id, 0 for the department's, -1 for none
}

// add notes the indicator in of a table (project id, 0 for the
// department's) stored as id.
func (ids *indicatorIDs) add(project int64, seq int, id int64, in *Indicator) {
	ids.indicators[[2]int64{project, int64(seq)}] = id
	ids.levels[id] = [2]string{in.Level1, string(in.Target.Kind)}
}

// id is the indicator id resolve returned, 0 for none.
func (ids *indicatorIDs) id(indicator any) int64 {
	id, _ := indicator.(int64)
	return id
}

// resolve returns the project and indicator ids l points at, nil where
// it points at none.
func (ids *indicatorIDs) resolve(l Finding) (project, indicator any) {
	pid, ok := ids.projects[l.Project]
	if l.Project == "" && l.Indicator > 0 {
		pid, ok = ids.uncoded, ids.uncoded >= 0
	}
	if !ok {
		return nil, nil
	}
	if pid > 0 {
		project = pid
	}
	if iid, ok := ids.indicators[[2]int64{pid, int64(l.Indicator)}]; ok {
		indicator = iid
	}
	return project, indicator
}

// jsonObject is m as JSON text, {} when empty; HTML characters stay as
// written (≥, <) for analysts reading the column.
func jsonObject(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	return jsonText(m)
}

func jsonText(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // maps of strings and targets always encode
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// fingerprint identifies a report's content for spotting the same report
// submitted twice: its department code and its project codes in order.
// Where those codes leave reports alike (a form without codes, a
// department-level form without projects) it adds the year, the project
// names and amounts and the department indicators, which the .docx and
// the .pdf of one report share; a self-evaluation adds its kind. A target
// report with every code hashes as in schema version 1, so it matches the
// same report stored before.
func fingerprint(rep *Report) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", rep.DepartmentCode)
	coded := rep.DepartmentCode != "" && len(rep.Projects) > 0
	for _, p := range rep.Projects {
		fmt.Fprintf(h, "%s\n", p.Code)
		coded = coded && p.Code != ""
	}
	if rep.Kind != "" && rep.Kind != "target" {
		fmt.Fprintf(h, "kind %s\n", rep.Kind)
	}
	if !coded {
		fmt.Fprintf(h, "year %d\n", rep.Year)
		for _, p := range rep.Projects {
			fmt.Fprintf(h, "project %s %s\n", normalize.DropSpace(p.Name), normalize.DropSpace(p.BudgetTotal))
		}
		for _, in := range rep.DepartmentIndicators {
			fmt.Fprintf(h, "indicator %s %s\n", normalize.DropSpace(in.Level3), normalize.DropSpace(in.Value))
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// sortFindings orders a report's findings by project, severity and
// indicator, so that the rowid order the listings use reads like the report.
func sortFindings(rep *Report) []Finding {
	seq := map[string]int{}
	for _, p := range rep.Projects {
		if _, dup := seq[p.Code]; !dup {
			seq[p.Code] = p.Seq
		}
	}
	rank := map[string]int{"error": 0, "warning": 1, "info": 2}
	fs := slices.Clone(rep.Findings)
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(seq[a.Project], seq[b.Project]),
			cmp.Compare(rank[a.Severity], rank[b.Severity]),
			cmp.Compare(a.Indicator, b.Indicator))
	})
	return fs
}

// indicator gathers one indicator of a project's table, of its
// medium-term block (scope mid_term) or of the department's (project nil)
// and returns its id.
func (w *writer) indicator(doc int64, project any, scope string, seq int, in *Indicator) int64 {
	t := in.Target
	var target, lower, upper any
	var targetNum, lowerNum, upperNum, lowerInc, upperInc any
	var targetBase, baseNum, lowerBaseNum, upperBaseNum, delta any
	baseUnit, deltaUnit, deltaOp := "", "", ""
	switch t.Kind {
	case "numeric":
		target, targetNum = t.Value.String(), t.Value.InexactFloat64()
		baseNum, baseUnit = targetNum, t.Unit
		if b := t.Base; b != nil {
			targetBase, baseNum, baseUnit = b.Value.String(), b.Value.InexactFloat64(), b.Unit
		}
	case "range":
		lower, lowerNum = t.Lower.String(), t.Lower.InexactFloat64()
		upper, upperNum = t.Upper.String(), t.Upper.InexactFloat64()
		lowerInc, upperInc = t.LowerInclusive, t.UpperInclusive
		lowerBaseNum, upperBaseNum, baseUnit = lowerNum, upperNum, t.Unit
		if b := t.Base; b != nil {
			lowerBaseNum, upperBaseNum, baseUnit = b.Lower.InexactFloat64(), b.Upper.InexactFloat64(), b.Unit
		}
	}
	if d := t.Delta; d != nil {
		delta, deltaUnit, deltaOp = d.Value.String(), d.Unit, d.Op
	}
	var midValue, midTarget any
	if m := in.MidTerm; m != nil {
		midValue, midTarget = m.Value, jsonText(m.Target)
	}
	r := w.rows
	r.next.indicator++
	if t.Kind != "range" && t.Delta == nil && in.MidTerm == nil && in.Actual == "" && in.Score == "" &&
		in.Deviation == "" && len(in.Extra) == 0 && t.Note == "" && t.From == "" && t.To == "" {
		// The columns left out hold their defaults: fewer values to bind.
		r.plainIndicators.add(r.next.indicator, project, doc, scope, seq, in.Level1, in.Level2, in.Level3,
			in.Description, in.Nature, in.Value, in.Unit, in.Basis, in.Weight, string(t.Kind), t.Op, target,
			targetNum, t.Unit, t.Ref, t.Date, t.Level, t.Text, in.Page, in.Table, in.Row, targetBase, baseNum,
			baseUnit)
		return r.next.indicator
	}
	r.indicators.add(r.next.indicator, project, doc, scope, seq, in.Level1, in.Level2, in.Level3,
		in.Description, in.Nature, in.Value, in.Unit, in.Basis, in.Weight, in.Actual, in.Score,
		in.Deviation, string(t.Kind), t.Op, target, targetNum, t.Unit, lower, upper, lowerNum,
		upperNum, lowerInc, upperInc, t.Ref, t.Date, t.Level, t.Text, midValue, midTarget,
		jsonObject(in.Extra), in.Page, in.Table, in.Row, targetBase, baseNum, baseUnit,
		lowerBaseNum, upperBaseNum, delta, deltaUnit, deltaOp, t.Note, t.From, t.To)
	return r.next.indicator
}

// Hashes returns the status of every stored document ("ok" or "failed")
// by SHA-256.
func (s *Store) Hashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, status FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("corpus: stored hashes: %w", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var h, st string
		if err := rows.Scan(&h, &st); err != nil {
			return nil, fmt.Errorf("corpus: stored hashes: %w", err)
		}
		m[h] = st
	}
	return m, rows.Err()
}
