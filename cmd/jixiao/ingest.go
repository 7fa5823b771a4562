package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件，不存在时新建")
	workers := fs.Int("workers", 0, "同时读取的文件数（0 为处理器核数）")
	force := fs.Bool("force", false, "已导入的文件也重新读取并保存")
	retry := fs.Bool("retry-failed", false, "重新读取此前读取失败的文件")
	rf := readerFlags(fs)
	config := fs.String("config", "", "审核规则配置文件（默认为当前目录下的 "+rules.ConfigName+"）")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao ingest: 请给出要导入的文件或文件夹")
		return 2
	}
	cfg, err := loadConfig(*config)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao ingest: 审核规则配置有误：%v\n", err)
		return 2
	}
	st, err := corpus.Open(*db)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao ingest: 无法打开数据库 %s：%v\n", *db, err)
		return 1
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends the program at once; the database stays whole
	}()
	prog := newProgress(stderr)
	reader := rf.reader(cfg.Reading)
	// Reading and storing allocate a lot of short-lived garbage:
	// collecting less often saves CPU, and a soft limit bounds the peak.
	// Isolated, this process keeps little live (about 15 MB midway through
	// 4,000 documents) beside the segmenter's dictionaries (about 55 MB,
	// not Go's): 64 MB holds its peak at 138 MB over 20,000 documents
	// (BenchmarkIngest20k; 191 MB with 300); a store far larger makes the
	// collector work harder rather than the memory grow. Reading here
	// needs room for the documents being read.
	limit := int64(64 << 20)
	if !reader.Isolate {
		limit = 300 << 20
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	defer reader.Close()
	sum, err := pipeline.Ingest(ctx, st, fs.Args(), pipeline.IngestConfig{
		Workers:     *workers,
		Force:       *force,
		RetryFailed: *retry,
		Reader:      reader,
		Release:     true, // this command's own
		Check:       func(rep *report.Report) *rules.Checked { return rules.Check(rep, cfg) },
		CheckBatch:  pipeline.BatchRules(cfg),
		Progress:    prog.event,
	})
	prog.finish()
	if err != nil {
		fmt.Fprintf(stderr, "jixiao ingest: 导入中止：%v\n", err)
		return 1
	}
	writeIngestSummary(stdout, sum)
	if stats, err := st.Stats(context.Background()); err == nil {
		fmt.Fprintf(stdout, "数据库 %s：文档 %d（失败 %d），报告 %d 份，项目 %d，指标 %d，审核发现 %d\n",
			*db, stats.Documents, stats.Failed, stats.Submissions, stats.Projects, stats.Indicators, stats.Findings)
		if stats.DuplicateGroups > 0 {
			fmt.Fprintf(stdout, "其中 %d 份报告报送了多个文件（如 .docx 与 .pdf），各计一次（以 .docx 为准），见 jixiao sql \"SELECT * FROM v_submissions\"\n",
				stats.DuplicateGroups)
		}
	}
	if sum.Interrupted || sum.Failed > 0 {
		return 1
	}
	return 0
}

// progress shows a bar on a terminal and plain lines elsewhere; failed
// files get a line of their own either way.
type progress struct {
	w         io.Writer
	bar       *progressbar.ProgressBar
	lastTenth int
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("导入"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
	}
	return p
}

func (p *progress) event(ev pipeline.Event) {
	if p.bar != nil {
		if p.bar.GetMax() != ev.Total {
			p.bar.ChangeMax(ev.Total)
		}
		if ev.Reason != "" {
			p.bar.Clear()
			p.line(ev)
		}
		p.bar.Set(ev.Done)
		return
	}
	if ev.Reason != "" {
		p.line(ev)
	}
	if tenth := ev.Done * 10 / max(ev.Total, 1); tenth > p.lastTenth {
		p.lastTenth = tenth
		fmt.Fprintf(p.w, "已处理 %d/%d 个文件\n", ev.Done, ev.Total)
	}
}

// line prints a file that failed or was passed over, with its reason.
func (p *progress) line(ev pipeline.Event) {
	what := "读取失败"
	if ev.Outcome == pipeline.Ignored {
		what = "已跳过"
	}
	fmt.Fprintf(p.w, "%s: %s：%s (%v)\n", shown(ev.Path), what, ev.Reason, ev.Err)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

func writeIngestSummary(w io.Writer, sum pipeline.Summary) {
	if sum.Interrupted {
		fmt.Fprintf(w, "已中断：已处理的文件都已保存，重新运行同一命令即可继续（用时 %.1f 秒）\n", sum.Elapsed.Seconds())
	} else {
		fmt.Fprintf(w, "完成：共 %d 个文件，用时 %.1f 秒\n", sum.Files, sum.Elapsed.Seconds())
	}
	fmt.Fprintf(w, "  新读入 %d\n", sum.Stored)
	fmt.Fprintf(w, "  已存在，跳过 %d", sum.Skipped)
	if sum.SkippedFailed > 0 {
		fmt.Fprintf(w, "（其中此前读取失败 %d，可用 --retry-failed 重读）", sum.SkippedFailed)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  读取失败 %d\n", sum.Failed)
	reasons := make([]string, 0, len(sum.Reasons))
	for r := range sum.Reasons {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { return sum.Reasons[reasons[i]] > sum.Reasons[reasons[j]] })
	for _, r := range reasons {
		fmt.Fprintf(w, "    %s：%d\n", r, sum.Reasons[r])
	}
	if sum.Ignored > 0 {
		fmt.Fprintf(w, "  不是 .docx/.pdf，未导入 %d\n", sum.Ignored)
	}
	if sum.BatchFindings >= 0 {
		fmt.Fprintf(w, "  跨文件审核发现 %d\n", sum.BatchFindings)
	}
}
