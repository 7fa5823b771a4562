package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/docxtest"
)

// TestRosterStatusCompare imports a roster, lists the status and compares
// the seed report with the one of the year before, built from it.
func TestRosterStatusCompare(t *testing.T) {
	needFTS5(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	runCmd("ingest", "--db", db, seed("seed.docx"), seed("seed.pdf"))
	roster := filepath.Join(dir, "名单.csv")
	os.WriteFile(roster, []byte("\ufeff部门编码,部门名称,联系人\n430001,怀来县机关事务服务中心,张三\n401001,怀来县教育和体育局,李四\n"), 0o644)
	if status, stdout, stderr := runCmd("roster", "import", "--db", db, roster); status != 0 || !strings.Contains(stdout, "2 个部门") {
		t.Fatalf("roster import: %d %s %s", status, stdout, stderr)
	}
	bad := filepath.Join(dir, "坏名单.csv")
	os.WriteFile(bad, []byte("部门编码,部门名称\n430001,甲\n430001,乙\n"), 0o644)
	if status, _, stderr := runCmd("roster", "import", "--db", db, bad); status != 1 || !strings.Contains(stderr, "第 3 行：部门编码 430001 与第 2 行重复") {
		t.Errorf("duplicate code: %d %s", status, stderr)
	}
	status, stdout, stderr := runCmd("status", "--db", db)
	if status != 0 || !strings.Contains(stdout, "2025 年度：2 个部门，未报送 1") || !strings.Contains(stdout, "另有 PDF 版本") {
		t.Errorf("status: %d\n%s%s", status, stdout, stderr)
	}
	_, csvOut, _ := runCmd("status", "--db", db, "--format", "csv")
	lines := strings.Split(strings.TrimSpace(csvOut), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "401001,怀来县教育和体育局,李四,未报送") || !strings.Contains(lines[2], "张三,已报送有") {
		t.Errorf("status csv:\n%s", csvOut)
	}

	if status, _, stderr := runCmd("compare", "--db", db, "--years", "2025"); status != 2 || !strings.Contains(stderr, "两个年度") {
		t.Errorf("compare --years 2025: %d %s", status, stderr)
	}
	last := editDOCXFile(t, seed("seed.docx"), filepath.Join(dir, "seed-2024.docx"),
		"2025", "2024", "13073025P", "13073024P", "≥95百分比", "≥98百分比")
	runCmd("ingest", "--db", db, last)
	status, stdout, stderr = runCmd("compare", "--db", db, "--dept", "430001", "--years", "2024,2025", "--format", "csv")
	if status != 0 || strings.Count(stdout, "目标值降低") != 4 || !strings.Contains(stdout, "≥98百分比,≥95百分比") {
		t.Errorf("compare: %d\n%s%s", status, stdout, stderr)
	}
	// A year in the database twice over is no duplicate of the other.
	if _, out, _ := runCmd("issues", "--db", db, "--rule", "B1303"); strings.Contains(out, "B1303") {
		t.Errorf("B1303 across years:\n%s", out)
	}
}

// editDOCXFile copies the .docx src to dst with the replacements (old,
// new …) made in word/document.xml; each old must occur.
func editDOCXFile(t *testing.T, src, dst string, repl ...string) string {
	t.Helper()
	if err := docxtest.Edit(src, dst, repl...); err != nil {
		t.Fatal(err)
	}
	return dst
}
