package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestEveryErrorHasAReason: each sentinel declared in errors.go has its
// Chinese text, and so crosses a worker's process boundary.
func TestEveryErrorHasAReason(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "errors.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Err") {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	if len(names) == 0 || len(names) != len(Sentinels()) {
		t.Errorf("errors.go declares %d sentinels %v, reasons has %d", len(names), names, len(Sentinels()))
	}
	for _, s := range Sentinels() {
		if Reason(s) == "" {
			t.Errorf("%v: no reason", s)
		}
	}
}
