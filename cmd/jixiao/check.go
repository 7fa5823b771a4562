package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/output"
	"github.com/jixiao/jixiao/pipeline"
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
	var reports []*rules.Checked
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
		reports = append(reports, rules.Check(rep, cfg))
		if *explain {
			output.WriteExplain(stderr, rep, shown(rep.Source.Path))
		}
	}
	if len(reports) > 1 {
		rules.CheckBatch(reports, cfg)
	}
	switch *format {
	case "json":
		var v any = reports
		if read == 1 && len(errs) == 0 {
			if len(reports) == 0 {
				return status
			}
			v = reports[0]
		} else if reports == nil {
			v = []*rules.Checked{}
		}
		if err := output.WriteJSON(stdout, v); err != nil {
			fmt.Fprintf(stderr, "jixiao check: %v\n", err)
			return 1
		}
	default:
		for i, rep := range reports {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			output.WriteSummary(stdout, rep)
		}
		if read+len(errs) > 1 || other > 0 {
			output.WriteCheckTotals(stdout, reports, read+len(errs)-len(reports), other)
		}
	}
	if status == 0 && *failOn != "" && hasSeverity(reports, *failOn) {
		status = 1
	}
	return status
}

func hasSeverity(reports []*rules.Checked, failOn string) bool {
	for _, c := range reports {
		for _, f := range c.Findings {
			if f.Severity == rules.Error || failOn == "warning" && f.Severity == rules.Warning {
				return true
			}
		}
	}
	return false
}
