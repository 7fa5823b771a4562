package main

import (
	"archive/zip"
	"encoding/json"
	"html"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// contractDoc is the project's copy of the report/v1 contract.
var contractDoc = filepath.Join("..", "..", "docs", "report-v1.md")

// contractFiles are reports that together emit every field of report/v1:
// a Hebei report (part one, projects, findings), its PDF (pages), a
// department-level form (department_indicators, extra) and a
// self-evaluation form (actual, score). mid_term and deviation come from
// formDocxs, as no sample has a medium-term column group or a filled
// 偏差原因分析 column.
func contractFiles(t *testing.T) []string {
	real := func(name string) string { return filepath.Join("..", "..", "testdata", "real-forms", name) }
	files := []string{
		seed("seed.docx"),
		seed("seed.pdf"),
		real("07-fuliang-linye-zhengti.docx"),
		real("12-yongde-yingyang-ziping.docx"),
	}
	return append(files, formDocxs(t)...)
}

// TestReportV1Doc holds the code to docs/report-v1.md: every field `check
// --format json` emits is in the doc's example and every field of the
// example is emitted for one of contractFiles (paths compared, so a field
// renamed, added or moved fails); every target's fields are those the doc
// shows for its kind; and each target example is what `normalize` prints
// for the value after its //.
func TestReportV1Doc(t *testing.T) {
	example, targetLines := readContractDoc(t)

	docPaths := map[string]bool{}
	docKinds := map[string]map[string]bool{}
	var exampleTargets []map[string]any
	shape(t, "doc example", example, "", docPaths, func(m map[string]any) { exampleTargets = append(exampleTargets, m) })
	for _, l := range targetLines {
		kind, _ := l.target["kind"].(string)
		if docKinds[kind] == nil {
			docKinds[kind] = map[string]bool{}
		}
		for k := range l.target {
			docKinds[kind][k] = true
		}
	}
	checkTarget := func(where string, m map[string]any) {
		kind, _ := m["kind"].(string)
		keys, ok := docKinds[kind]
		if !ok {
			t.Errorf("%s: target kind %q has no example in %s", where, kind, contractDoc)
			return
		}
		for k := range m {
			if !keys[k] {
				t.Errorf("%s: %s target has %q, which no %s example in %s shows", where, kind, k, kind, contractDoc)
			}
		}
	}
	for _, m := range exampleTargets {
		checkTarget("doc example", m)
	}

	codePaths := map[string]string{} // path → first file emitting it
	for _, file := range contractFiles(t) {
		status, stdout, stderr := runCmd("check", "--format", "json", file)
		if status != 0 {
			t.Fatalf("check %s: status %d: %s", file, status, stderr)
		}
		var rep any
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("check %s: %v", file, err)
		}
		name := filepath.Base(file)
		paths := map[string]bool{}
		shape(t, name, rep, "", paths, func(m map[string]any) { checkTarget(name, m) })
		for p := range paths {
			if _, ok := codePaths[p]; !ok {
				codePaths[p] = name
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(codePaths)) {
		if !docPaths[p] {
			t.Errorf("%s emits %s, which the example in %s lacks", codePaths[p], p, contractDoc)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(docPaths)) {
		if _, ok := codePaths[p]; !ok {
			t.Errorf("%s declares %s, which no contract file emits", contractDoc, p)
		}
	}

	// The target examples, value by value, as normalize prints them.
	args := []string{"normalize", "--format", "json"}
	for _, l := range targetLines {
		args = append(args, l.text)
	}
	status, stdout, stderr := runCmd(args...)
	if status != 0 {
		t.Fatalf("normalize: status %d: %s", status, stderr)
	}
	outs := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(outs) != len(targetLines) {
		t.Fatalf("normalize printed %d lines for %d values", len(outs), len(targetLines))
	}
	for i, l := range targetLines {
		var got struct {
			Text   string
			Target map[string]any
		}
		if err := json.Unmarshal([]byte(outs[i]), &got); err != nil {
			t.Fatalf("normalize %q: %v", l.text, err)
		}
		if !reflect.DeepEqual(got.Target, l.target) {
			t.Errorf("%s: %q reads as %s, the doc says %s", contractDoc, l.text, mustJSON(got.Target), mustJSON(l.target))
		}
	}
}

// shape adds the path of every key under v to paths (.projects[].code),
// arrays written [] and a department-level form's indicators under the
// project indicators' paths, whose shape they share. It does not descend
// into extra, whose keys are the document's own labels and headers, nor
// into target, whose fields depend on its kind: target objects go to
// onTarget. It reports nulls, which report/v1 never has.
func shape(t *testing.T, where string, v any, path string, paths map[string]bool, onTarget func(map[string]any)) {
	switch v := v.(type) {
	case nil:
		t.Errorf("%s: %s is null", where, path)
	case []any:
		for _, e := range v {
			shape(t, where, e, path+"[]", paths, onTarget)
		}
	case map[string]any:
		for k, e := range v {
			p := path + "." + k
			paths[p] = true
			switch {
			case k == "extra":
				m, ok := e.(map[string]any)
				if !ok {
					t.Errorf("%s: %s is not an object", where, p)
				}
				for label, s := range m {
					if _, ok := s.(string); !ok {
						t.Errorf("%s: %s[%q] is not a string", where, p, label)
					}
				}
			case k == "target":
				m, ok := e.(map[string]any)
				if !ok {
					t.Errorf("%s: %s is not an object", where, p)
					continue
				}
				onTarget(m)
			case p == ".department_indicators":
				shape(t, where, e, ".projects[].indicators", paths, onTarget)
			default:
				shape(t, where, e, p, paths, onTarget)
			}
		}
	}
}

type targetLine struct {
	text   string // the value as written, after //
	target map[string]any
}

// readContractDoc reads the ```jsonc blocks of the doc: the one opening
// with a line "{" is the report example; in the others each line is a
// target followed by // and the value it reads.
func readContractDoc(t *testing.T) (example any, targets []targetLine) {
	data, err := os.ReadFile(contractDoc)
	if err != nil {
		t.Fatal(err)
	}
	var blocks [][]string
	var cur []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```jsonc":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			blocks = append(blocks, cur)
		case in:
			cur = append(cur, line)
		}
	}
	for _, b := range blocks {
		if len(b) > 0 && strings.TrimSpace(b[0]) == "{" {
			if example != nil {
				t.Fatalf("%s: two report examples", contractDoc)
			}
			var code []string
			for _, l := range b {
				c, _ := splitComment(l)
				code = append(code, c)
			}
			if err := json.Unmarshal([]byte(strings.Join(code, "\n")), &example); err != nil {
				t.Fatalf("%s: the report example is not JSON once comments are removed: %v", contractDoc, err)
			}
			continue
		}
		for _, l := range b {
			c, comment := splitComment(l)
			if strings.TrimSpace(c) == "" {
				continue
			}
			tl := targetLine{text: strings.TrimSpace(comment)}
			if err := json.Unmarshal([]byte(c), &tl.target); err != nil || tl.text == "" {
				t.Fatalf("%s: target example %q is not a JSON object followed by // and its value (%v)", contractDoc, l, err)
			}
			targets = append(targets, tl)
		}
	}
	if example == nil || len(targets) == 0 {
		t.Fatalf("%s: want a ```jsonc report example and ```jsonc target examples", contractDoc)
	}
	return example, targets
}

// splitComment cuts a jsonc line at a // outside strings.
func splitComment(line string) (code, comment string) {
	in, esc := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case !in && c == '/' && i+1 < len(line) && line[i+1] == '/':
			return line[:i], line[i+2:]
		}
	}
	return line, ""
}

// formDocxs writes the forms no sample covers: a project form whose
// indicator table has a medium-term value column beside the annual one,
// and a self-evaluation form whose 偏差原因分析 column is filled.
func formDocxs(t *testing.T) []string {
	para := func(s string) string { return `<w:p><w:r><w:t>` + html.EscapeString(s) + `</w:t></w:r></w:p>` }
	table := func(rows ...[]string) string {
		var b strings.Builder
		b.WriteString(`<w:tbl><w:tblPr/>`)
		for _, r := range rows {
			b.WriteString(`<w:tr>`)
			for _, c := range r {
				b.WriteString(`<w:tc>` + para(c) + `</w:tc>`)
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
		return b.String()
	}
	info := table(
		[]string{"项目名称", "社区养老服务补助"},
		[]string{"项目编码", "13073026P00012345678X"},
		[]string{"主管部门及代码", "[201]某某县民政局"},
		[]string{"年度绩效目标", "运营养老服务站12个"},
	)
	forms := map[string]string{
		"mid-term.docx": para("2026年项目支出绩效目标申报表") + info + table(
			[]string{"一级指标", "二级指标", "三级指标", "指标值（中期）", "指标值（年度）"},
			[]string{"产出指标", "数量指标", "养老服务站数量", "≥20个", "≥12个"},
		),
		"self-evaluation.docx": para("2026年度项目支出绩效自评表") + info + table(
			[]string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
			[]string{"产出指标", "数量指标", "养老服务站数量", "≥12个", "10个", "10", "8", "两个站点选址未定，下年完成"},
		),
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	dir := t.TempDir()
	var names []string
	for _, name := range slices.Sorted(maps.Keys(forms)) {
		parts := []struct{ name, body string }{
			{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
			{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
			{"word/document.xml", `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + forms[name] + `</w:body></w:document>`},
		}
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		for _, p := range parts {
			w, err := zw.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(p.body))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		names = append(names, path)
	}
	return names
}

// mustJSON writes v for a message, > and < unescaped.
func mustJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSpace(b.String())
}
