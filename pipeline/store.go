package pipeline

import (
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// StoredReport is what corpus stores of a checked report: the report's fields
// and its findings, in corpus's own types, which keep corpus apart from
// the reading and the rules.
func StoredReport(c *rules.Checked) *corpus.Report {
	rep := c.Report
	out := &corpus.Report{
		Kind:                 rep.Kind,
		DepartmentCode:       rep.Department.Code,
		DepartmentName:       rep.Department.Name,
		Year:                 rep.Year,
		Layout:               string(rep.Layout),
		Extra:                rep.Extra,
		OverallGoal:          rep.OverallGoal,
		DepartmentIndicators: storedIndicators(rep.DepartmentIndicators),
		Findings:             StoredFindings(c.Findings),
	}
	for _, g := range rep.SubGoals {
		out.SubGoals = append(out.SubGoals, corpus.SubGoal{No: g.No, Title: g.Title, Goal: g.Goal, Indicators: g.Indicators})
	}
	for _, m := range rep.Measures {
		out.Measures = append(out.Measures, corpus.Measure{No: m.No, Text: m.Text})
	}
	for _, p := range rep.Projects {
		sp := corpus.Project{Seq: p.Seq, Code: p.Code, Name: p.Name, Title: p.Title,
			DepartmentCode: p.DepartmentCode, DepartmentName: p.DepartmentName, AmountUnit: p.AmountUnit,
			BudgetTotal: p.Budget.Total, BudgetFiscal: p.Budget.Fiscal, BudgetOther: p.Budget.Other,
			Purpose: p.Purpose, Goal: p.Goal, GoalLabel: p.GoalLabel, MidTermGoal: p.MidTermGoal, Extra: p.Extra,
			Indicators: storedIndicators(p.Indicators), MidTermIndicators: storedIndicators(p.MidTermIndicators)}
		if p.SpendingPlan != nil {
			sp.SpendingPlan = make([]corpus.Checkpoint, len(p.SpendingPlan))
			for i, cp := range p.SpendingPlan {
				sp.SpendingPlan[i] = corpus.Checkpoint{Period: cp.Period, Value: cp.Value}
			}
		}
		out.Projects = append(out.Projects, sp)
	}
	return out
}

func storedIndicators(inds []report.Indicator) []corpus.Indicator {
	if len(inds) == 0 {
		return nil
	}
	out := make([]corpus.Indicator, len(inds))
	for i, in := range inds {
		out[i] = corpus.Indicator{Level1: in.Level1, Level2: in.Level2, Level3: in.Level3,
			Description: in.Description, Nature: in.Nature, Value: in.Value, Unit: in.Unit,
			Basis: in.Basis, Weight: in.Weight, Actual: in.Actual, Score: in.Score, Deviation: in.Deviation,
			Target: in.Target, Extra: in.Extra,
			Page: in.Location.Page, Table: in.Location.Table, Row: in.Location.Row}
		if m := in.MidTerm; m != nil {
			out[i].MidTerm = &corpus.MidTerm{Value: m.Value, Target: m.Target}
		}
	}
	return out
}

// StoredFindings turns the rules' findings into the rows corpus stores.
func StoredFindings(fs []rules.Finding) []corpus.Finding {
	out := make([]corpus.Finding, len(fs))
	for i, f := range fs {
		out[i] = storedFinding(f)
	}
	return out
}

func storedFinding(f rules.Finding) corpus.Finding {
	l := f.Location
	return corpus.Finding{Rule: f.Rule, Severity: string(f.Severity), Message: f.Message,
		Project: l.Project, Indicator: l.Indicator, SubGoal: l.SubGoal, Field: l.Field,
		Page: l.Page, Table: l.Table, Row: l.Row, Col: l.Col}
}
