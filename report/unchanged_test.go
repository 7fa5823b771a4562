package report_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// reportHashes holds the SHA-256 of the fingerprint of every report at
// hand, as the reader before it was made faster (issue 14) read them (the
// hashes were made again, with paths written as labels, from a reader
// shown equal to it); the reader must still read them the same. Refresh
// with -update, only for a change meant to change output.
const reportHashes = "testdata/reports.sha256"

// TestReportsUnchanged reads every .docx and .pdf at hand (the repository's
// testdata, and the bench corpus and the shared fixtures when they are
// there) and compares the hash of each report's fingerprint, or of its
// error, with reportHashes. With JIXIAO_REPORT_FINGERPRINTS=dir it also
// writes the fingerprints there, to diff against those of another reader.
func TestReportsUnchanged(t *testing.T) {
	texts := map[string]string{}
	for label, path := range reportFiles(t) {
		// The file's path is in the reading (source.path, positions):
		// written as its label, the hash does not depend on where the
		// shared folders are.
		texts[label] = strings.ReplaceAll(fingerprint(t, path), path, label)
	}
	truth.Pinned{File: reportHashes, Update: *update, Dir: os.Getenv("JIXIAO_REPORT_FINGERPRINTS")}.Check(t, texts)
}

// reportFiles are the files TestReportsUnchanged reads, by a label that
// does not depend on where the shared folders are.
func reportFiles(t *testing.T) map[string]string {
	files := map[string]string{}
	walk := func(prefix, dir string) {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); ext != ".docx" && ext != ".pdf" {
				return nil
			}
			rel, _ := filepath.Rel(dir, path)
			files[prefix+filepath.ToSlash(rel)] = path
			return nil
		})
	}
	walk("testdata/", filepath.Join("..", "testdata"))
	if bench, err := truth.BenchCorpus(); err == nil {
		walk("bench/", bench)
		walk("fixtures/", filepath.Join(bench, "..", "fixtures"))
	} else {
		t.Logf("testdata only: %v", err)
	}
	if len(files) == 0 {
		t.Fatal("no .docx or .pdf found")
	}
	return files
}

// fingerprint is all a reading gives: the report/v1 JSON with the findings
// of the default rules, what the JSON leaves out (where each field, cell
// and column was read, what could not be mapped, the pages lost) and the
// account of the reading (Options.Explain); or the error.
func fingerprint(t *testing.T, path string) string {
	doc, err := extract.Open(path)
	if err != nil {
		return "extract error: " + err.Error() + "\n"
	}
	rep, err := report.Read(doc)
	if err != nil {
		return "report error: " + err.Error() + "\n"
	}
	explained, err := report.Options{Explain: true}.Read(doc)
	if err != nil {
		t.Fatalf("%s: read with Explain: %v", path, err)
	}
	var b strings.Builder
	b.WriteString(fields(t, rep))
	if e := fields(t, explained); e != b.String() {
		t.Errorf("%s: Explain changes the report", path)
	}
	data, err := json.MarshalIndent(rules.Check(rep, rules.Default()), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b.Write(data)
	b.WriteString("\n--- trace\n")
	for _, line := range explained.Trace {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// fields writes the report/v1 JSON and what it leaves out.
func fields(t *testing.T, rep *report.Report) string {
	var b strings.Builder
	data, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b.Write(data)
	fmt.Fprintf(&b, "\n--- not in the JSON\noverall_goal_at %+v\n", rep.OverallGoalAt)
	for _, g := range rep.SubGoals {
		fmt.Fprintf(&b, "sub_goal %d at %+v\n", g.No, g.At)
	}
	for _, u := range rep.Unmapped {
		fmt.Fprintf(&b, "unmapped %+v\n", u)
	}
	for _, l := range rep.Lost {
		fmt.Fprintf(&b, "lost %+v\n", l)
	}
	indicators := func(what string, inds []report.Indicator) {
		for i, ind := range inds {
			cols, _ := json.Marshal(ind.Cols)
			fmt.Fprintf(&b, "%s %d cols %s location %+v\n", what, i+1, cols, ind.Location)
		}
	}
	for _, p := range rep.Projects {
		keys := make([]report.Key, 0, len(p.At))
		for k := range p.At {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			fmt.Fprintf(&b, "project %d at %s %+v\n", p.Seq, k, p.At[k])
		}
		indicators(fmt.Sprintf("project %d indicator", p.Seq), p.Indicators)
		indicators(fmt.Sprintf("project %d mid-term indicator", p.Seq), p.MidTermIndicators)
	}
	indicators("department indicator", rep.DepartmentIndicators)
	return b.String()
}
