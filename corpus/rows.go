package corpus

// txRows gathers the rows of a transaction's reports table by table, each
// table inserted by statements of many rows (bulk) when flushed: a batch
// of reports holds thousands of rows, and a statement through database/sql
// costs more than SQLite's insert of a row. The writer numbers the rows others point at
// itself, as SQLite would (the largest rowid so far, plus one), so that a
// report's rows can point at each other before any is inserted.
type txRows struct {
	next struct{ goal, project, indicator, text int64 } // the last id given in each table

	reports, goals, projects, indicators, plainIndicators, texts, fts, entries, findings *bulk

	// Search entries wait for their texts' ids until flushRows looks up
	// the texts neither this transaction nor the store's cache knows, all
	// at once.
	pending []pendingEntry
	words   map[string]Words // the words of the texts pending entries name by hash
}

type pendingEntry struct {
	text                     int64  // the text's id; 0 while unknown
	hash                     string // the text's hash, when its id is unknown
	doc                      int64
	project, indicator, goal any
}

// The tables a report's rows go to, with their statements.
var (
	reportRows = newBulk("reports", "document_id", "department_code", "department_name", "year", "layout",
		"fingerprint", "kind", "extra", "content", "n_projects", "n_indicators", "n_dept_indicators",
		"n_mid_indicators", "n_findings", "n_errors", "n_warnings", "n_infos")
	goalRows    = newBulk("goals", "id", "document_id", "kind", "no", "title", "goal", "indicators")
	projectRows = newBulk("projects", "id", "document_id", "seq", "code", "name", "title", "department_code",
		"department_name", "amount_unit", "budget_total", "budget_fiscal", "budget_other", "purpose",
		"spending_plan", "goal", "goal_label", "mid_term_goal", "extra", "budget_total_fen", "budget_fiscal_fen",
		"budget_other_fen")
	indicatorRows = newBulk("indicators", "id", "project_id", "document_id", "scope", "seq", "level1", "level2",
		"level3", "description", "nature", "value", "value_unit", "basis", "weight", "actual", "score",
		"deviation", "kind", "op", "target", "target_num", "unit", "lower", "upper", "lower_num",
		"upper_num", "lower_inclusive", "upper_inclusive", "ref", "date", "level", "text", "mid_value",
		"mid_target", "extra", "page", "tbl", "row", "target_base", "base_num", "base_unit",
		"lower_base_num", "upper_base_num", "delta", "delta_unit", "delta_op", "note", "period_from",
		"period_to")
	// plainIndicatorRows leave out the columns most indicators hold at
	// their defaults (NULL, '' or '{}'): no range, change, medium-term
	// target, self-evaluation, extra labels, note or period.
	plainIndicatorRows = newBulk("indicators", "id", "project_id", "document_id", "scope", "seq", "level1",
		"level2", "level3", "description", "nature", "value", "value_unit", "basis", "weight", "kind", "op",
		"target", "target_num", "unit", "ref", "date", "level", "text", "page", "tbl", "row", "target_base",
		"base_num", "base_unit")
	textRows    = newBulk("search_texts", "id", "hash")
	ftsRows     = newBulk("search_fts", "rowid", "name", "body", "value")
	entryRows   = newBulk("search_entries", "text_id", "document_id", "project_id", "indicator_id", "goal_id")
	findingRows = newBulk("findings", "document_id", "project_id", "indicator_id", "batch", "rule", "severity",
		"message", "project_code", "indicator", "sub_goal", "field", "page", "tbl", "row", "col",
		"level1", "kind")
)

// gather returns the transaction's rows, starting them at its first report.
func (w *writer) gather() *txRows {
	if w.rows != nil || w.err != nil {
		return w.rows
	}
	r := w.s.takeRows()
	err := w.tx.QueryRowContext(w.ctx, `SELECT (SELECT coalesce(max(id), 0) FROM goals),
		(SELECT coalesce(max(id), 0) FROM projects), (SELECT coalesce(max(id), 0) FROM indicators),
		(SELECT coalesce(max(id), 0) FROM search_texts)`).Scan(
		&r.next.goal, &r.next.project, &r.next.indicator, &r.next.text)
	if err != nil {
		w.err = err
		w.s.keepRows(r)
		return nil
	}
	w.rows = r
	return r
}

// takeRows returns the rows the last transaction left, emptied, or new
// ones: growing their buffers afresh for each transaction was a
// twentieth of the writer's work.
func (s *Store) takeRows() *txRows {
	s.mu.Lock()
	r := s.spareRows
	s.spareRows = nil
	s.mu.Unlock()
	if r == nil {
		r = &txRows{reports: reportRows.empty(), goals: goalRows.empty(), projects: projectRows.empty(),
			indicators: indicatorRows.empty(), plainIndicators: plainIndicatorRows.empty(),
			texts: textRows.empty(), fts: ftsRows.empty(), entries: entryRows.empty(),
			findings: findingRows.empty(), words: map[string]Words{}}
	}
	return r
}

// keepRows empties r, keeping its buffers, for takeRows.
func (s *Store) keepRows(r *txRows) {
	for _, b := range []*bulk{r.reports, r.goals, r.projects, r.indicators, r.plainIndicators,
		r.texts, r.fts, r.entries, r.findings} {
		b.reset()
	}
	clear(r.pending) // let the values go
	r.pending = r.pending[:0]
	clear(r.words)
	s.mu.Lock()
	s.spareRows = r
	s.mu.Unlock()
}

// releaseRows gives the transaction's rows, inserted or not, back.
func (w *writer) releaseRows() {
	if w.rows != nil {
		w.s.keepRows(w.rows)
		w.rows = nil
	}
}

// entry gathers a search entry of the text words.
func (w *writer) entry(words Words, doc int64, project, indicator, goal any) {
	hash := words.hash
	if hash == "" {
		hash = textHash(words)
	}
	e := pendingEntry{hash: hash, doc: doc, project: project, indicator: indicator, goal: goal}
	if id, ok := w.texts[e.hash]; ok {
		e.text = id
	} else if id, ok := w.s.cachedText(e.hash); ok {
		e.text = id
	} else {
		w.rows.words[e.hash] = words
	}
	w.rows.pending = append(w.rows.pending, e)
}

// flushRows inserts the rows gathered so far.
func (w *writer) flushRows() {
	r := w.rows
	if r == nil {
		return
	}
	w.flush(r.reports)
	w.flush(r.goals)
	w.flush(r.projects)
	w.flush(r.indicators)
	w.flush(r.plainIndicators)
	w.entries()
	w.flush(r.texts)
	w.flush(r.fts)
	w.flush(r.entries)
	w.flush(r.findings)
}

// entries gathers the pending search entries with their texts' ids,
// looked up in one query, and the texts that are new, numbered in the
// order they first appear.
func (w *writer) entries() {
	r := w.rows
	if len(r.words) > 0 && w.err == nil {
		hashes := make([]byte, 0, 30*len(r.words)+2)
		hashes = append(hashes, '[')
		for h := range r.words {
			if len(hashes) > 1 {
				hashes = append(hashes, ',')
			}
			hashes = append(append(append(hashes, '"'), h...), '"') // hex
		}
		hashes = append(hashes, ']')
		rows, err := w.tx.QueryContext(w.ctx, `SELECT hash, id FROM search_texts
			WHERE hash IN (SELECT value FROM json_each(?))`, string(hashes))
		if err != nil {
			w.err = err
			return
		}
		for rows.Next() {
			var h string
			var id int64
			if err := rows.Scan(&h, &id); err != nil {
				w.err = err
				break
			}
			w.texts[h] = id
		}
		if err := rows.Err(); err != nil && w.err == nil {
			w.err = err
		}
		rows.Close()
	}
	for _, e := range r.pending {
		if e.text == 0 {
			id, ok := w.texts[e.hash]
			if !ok {
				r.next.text++
				id = r.next.text
				words := r.words[e.hash]
				r.texts.add(id, e.hash)
				r.fts.add(id, words.Name, words.Body, words.Value)
				w.texts[e.hash] = id
			}
			e.text = id
		}
		r.entries.add(e.text, e.doc, e.project, e.indicator, e.goal)
	}
	r.pending = r.pending[:0]
	clear(r.words)
}
