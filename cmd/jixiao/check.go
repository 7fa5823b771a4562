package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	format := fs.String("format", "text", "输出格式：text（便于阅读）或 json")
	failOn := fs.String("fail-on", "", "有此严重程度或更严重的审核发现时以状态 1 退出：error（错误）或 warning（警告）")
	configPath := fs.String("config", "", "审核规则配置文件（默认为当前目录下的 jixiao.toml）")
	rf := readerFlags(fs)
	explain := fs.Bool("explain", false, "说明每个文件的读取过程：每张表的作用，哪个单元格或哪一列读成了哪个字段")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "jixiao check: --format 只能是 text 或 json，而不是 %q\n", *format)
		return 2
	}
	if *failOn != "" && *failOn != "error" && *failOn != "warning" {
		fmt.Fprintf(stderr, "jixiao check: --fail-on 只能是 error 或 warning，而不是 %q\n", *failOn)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao check: 请给出要检查的文件")
		return 2
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		return 2
	}
	cfg.Reading.Explain = *explain
	reader := rf.reader(cfg.Reading)
	defer reader.Close()
	status := 0
	var reports []*report.Report
	files, errs := pipeline.Find(fs.Args())
	for _, e := range errs {
		fmt.Fprintf(stderr, "%s: 无法读取：%s (%v)\n", shown(e.Path), e.Reason, e.Err)
		if !errors.Is(e, pipeline.ErrNotRegular) && !errors.Is(e, pipeline.ErrSymlinkLoop) {
			status = 1
		}
	}
	read, other := 0, 0 // files taken for reports: named ones, and those in folders that are or claim to be
	for _, f := range files {
		rep, err := reader.ReadFile(context.Background(), f.Path)
		if !f.Named && !pipeline.NamedAsReport(f.Path) && errors.Is(err, extract.ErrUnknownFormat) {
			other++
			continue // a folder's other files: notes, spreadsheets, truth files
		}
		read++
		if err != nil {
			fmt.Fprintf(stderr, "%s: 无法读取：%s (%v)\n", shown(f.Path), pipeline.Reason(err), err)
			status = 1
			continue
		}
		rules.Check(rep, cfg)
		reports = append(reports, rep)
		if *explain {
			writeExplain(stderr, rep)
		}
	}
	if len(reports) > 1 {
		rules.CheckBatch(reports, cfg)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		var v any = reports
		if read == 1 && len(errs) == 0 {
			if len(reports) == 0 {
				return status
			}
			v = reports[0]
		} else if reports == nil {
			v = []*report.Report{}
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "jixiao check: %v\n", err)
			return 1
		}
	default:
		for i, rep := range reports {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			writeSummary(stdout, rep)
		}
		if read+len(errs) > 1 || other > 0 {
			writeCheckTotals(stdout, reports, read+len(errs)-len(reports), other)
		}
	}
	if status == 0 && *failOn != "" && hasSeverity(reports, *failOn) {
		status = 1
	}
	return status
}

// writeCheckTotals ends a check of several files or a folder with what
// a reviewer asks first: how many files were read, how many refused, and
// the findings by severity.
func writeCheckTotals(w io.Writer, reports []*report.Report, refused, other int) {
	count := map[report.Severity]int{}
	total := 0
	for _, rep := range reports {
		for _, f := range rep.Findings {
			count[f.Severity]++
			total++
		}
	}
	fmt.Fprintf(w, "\n汇总：读取报告 %d 份，无法读取 %d 个文件", len(reports), refused)
	if other > 0 {
		fmt.Fprintf(w, "，另有 %d 个不是 .docx/.pdf 的文件未读取", other)
	}
	fmt.Fprintf(w, "\n      审核发现 %d 条：%s %d，%s %d，%s %d\n", total,
		report.Error.Name(), count[report.Error], report.Warning.Name(), count[report.Warning], report.Info.Name(), count[report.Info])
}

// writeExplain prints how a file was read: each title and table with the
// role it was given, which cell or column went to which field, and what
// could not be mapped.
func writeExplain(w io.Writer, rep *report.Report) {
	fmt.Fprintf(w, "== %s 的读取过程\n", shown(rep.Source.Path))
	for _, line := range rep.Trace {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "结果：%d 个项目，%d 个项目指标，%d 个部门整体指标，%d 处未识别\n\n",
		len(rep.Projects), countIndicators(rep), len(rep.DepartmentIndicators), len(rep.Unmapped))
}

func countIndicators(rep *report.Report) int {
	n := 0
	for _, p := range rep.Projects {
		n += len(p.Indicators)
	}
	return n
}

func hasSeverity(reports []*report.Report, failOn string) bool {
	for _, rep := range reports {
		for _, f := range rep.Findings {
			if f.Severity == report.Error || failOn == "warning" && f.Severity == report.Warning {
				return true
			}
		}
	}
	return false
}
