package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

// TestRulesDoc keeps docs/rules.md, the rule catalogue reviewers read
// without the program, in step with the rules (refresh with -update).
func TestRulesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 审核规则 · Review rules\n\n")
	b.WriteString("Generated from the rules by `go test ./rules -run RulesDoc -update`; `jixiao rules explain ID` prints the same text.\n")
	b.WriteString("Severities can be changed and rules turned off in `jixiao.toml` (see README).\n\n")
	b.WriteString("| 编号 | 严重程度 | 范围 | 标题 |\n|---|---|---|---|\n")
	scope := func(r *Rule) string {
		if r.Batch != nil {
			return "跨报告"
		}
		return "单份报告"
	}
	for _, r := range All() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Severity.Name(), scope(r), r.Title)
	}
	for _, r := range All() {
		fmt.Fprintf(&b, "\n## %s\n\n**%s** · %s · %s\n\n%s\n", r.ID, r.Title, r.Severity.Name(), scope(r), strings.TrimSpace(r.Doc))
	}
	path := filepath.Join("..", "docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("docs/rules.md is out of date: go test ./rules -run RulesDoc -update")
	}
}
