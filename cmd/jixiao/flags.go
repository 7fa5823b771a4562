package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// parseFlags reads a command's arguments in place of fs.Parse, the way
// finance staff type them: options anywhere, before or after the file
// names (`check a.docx --format json`), "--" ending the options; --help or
// -h printing the command's usage in Chinese; a wrong option, a missing or
// a bad value explained in Chinese. The arguments that are not options are
// fs.Args() afterwards, as with fs.Parse.
//
// It returns false when the command must stop, with the status to exit
// with: 0 after the help, 2 after an error.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (ok bool, status int) {
	fs.SetOutput(io.Discard) // every message is ours
	fs.Usage = func() {}
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if !isOption(a) {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if name == "h" || name == "help" {
			writeHelp(stdout, fs)
			return false, 0
		}
		f := fs.Lookup(name)
		if f == nil {
			fmt.Fprintf(stderr, "jixiao %s: %s\n", fs.Name(), unknownOption(fs, name))
			return false, 2
		}
		if !hasValue && !isBool(f) {
			if i+1 == len(args) {
				fmt.Fprintf(stderr, "jixiao %s: 选项 --%s 后面缺少值（%s）\n", fs.Name(), name, f.Usage)
				return false, 2
			}
			i++
			value = args[i]
		} else if !hasValue {
			value = "true"
		}
		if err := fs.Set(name, value); err != nil {
			fmt.Fprintf(stderr, "jixiao %s: 选项 --%s 的值 %q 无效：%s\n", fs.Name(), name, value, badValue(f, err))
			return false, 2
		}
	}
	// The options are set; what remains are the command's arguments.
	if err := fs.Parse(append([]string{"--"}, rest...)); err != nil {
		fmt.Fprintf(stderr, "jixiao %s: %v\n", fs.Name(), err)
		return false, 2
	}
	return true, 0
}

// isOption tells an option from an argument: "-" alone (standard input)
// and negative numbers (`normalize -5`) are arguments.
func isOption(a string) bool {
	if len(a) < 2 || a[0] != '-' {
		return false
	}
	c := strings.TrimLeft(a, "-")
	return c != "" && !(c[0] >= '0' && c[0] <= '9' && len(a)-len(c) == 1)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// unknownOption names the wrong option, the closest one when there is
// one, and all of the command's options.
func unknownOption(fs *flag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	msg := fmt.Sprintf("未知的选项 --%s", name)
	if near := closest(name, fs); near != "" {
		msg += fmt.Sprintf("（是不是 --%s？）", near)
	}
	if len(names) == 0 {
		return msg + "；此命令没有选项"
	}
	return msg + "；可用的选项：" + strings.Join(names, "、") + fmt.Sprintf("（jixiao %s --help 显示说明）", fs.Name())
}

// closest is the option a mistyped name most likely meant: the nearest
// by edit distance, or the one sharing the longest beginning
// (departement → dept), or "" when none is near.
func closest(name string, fs *flag.FlagSet) string {
	best, bestScore := "", 0
	fs.VisitAll(func(f *flag.Flag) {
		d := editDistance(name, f.Name)
		score := 0
		if d <= max(1, utf8.RuneCountInString(f.Name)/3) {
			score = 100 - d
		} else if p := commonPrefix(name, f.Name); p >= 3 {
			score = p
		}
		if score > bestScore {
			best, bestScore = f.Name, score
		}
	})
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// editDistance is the Levenshtein distance of two option names (short
// ASCII words; a typed name is bounded by the command line).
func editDistance(a, b string) int {
	if len(a) > 64 {
		a = a[:64]
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// badValue says in Chinese what an option's value should have been. The
// flag package's own errors are English (strconv's); a value type of
// ours already explains itself in Chinese.
func badValue(f *flag.Flag, err error) string {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return err.Error()
	}
	switch g.Get().(type) {
	case bool:
		return "应是 true 或 false"
	case int, int64, uint, uint64:
		if strings.Contains(err.Error(), "out of range") { // the flag package's unexported errRange

			return "数字太大"
		}
		return "应是整数"
	case float64:
		return "应是数字"
	case time.Duration:
		return "应是带单位的时长，例如 30s、2m、1h"
	}
	return err.Error()
}

// writeHelp prints a command's usage: its synopsis, what it does, and
// each option with its Chinese description and default.
func writeHelp(w io.Writer, fs *flag.FlagSet) {
	c := lookupCommand(fs.Name())
	fmt.Fprintf(w, "用法：jixiao %s", c.name)
	hasOptions := false
	fs.VisitAll(func(*flag.Flag) { hasOptions = true })
	if hasOptions {
		fmt.Fprint(w, " [选项]")
	}
	if c.args != "" {
		fmt.Fprint(w, " "+c.args)
	}
	fmt.Fprintln(w)
	if c.doc != "" {
		fmt.Fprintf(w, "\n%s\n", indent(c.doc, "  "))
	}
	if hasOptions {
		fmt.Fprintln(w, "\n选项（可写在文件名前后；-- 之后的参数都不当作选项）：")
	}
	fs.VisitAll(func(f *flag.Flag) {
		head := "  --" + f.Name
		if !isBool(f) {
			head += " " + valueName(f)
		}
		fmt.Fprintf(w, "%s\n        %s%s\n", head, f.Usage, defaultText(f))
	})
	fmt.Fprintln(w, "  -h, --help\n        显示本说明")
}

// valueName is the placeholder shown after an option that takes a value.
func valueName(f *flag.Flag) string {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64, float64:
			return "数字"
		case time.Duration:
			return "时长"
		}
	}
	return "值"
}

func defaultText(f *flag.Flag) string {
	switch f.DefValue {
	case "", "0", "false":
		return ""
	}
	return "（默认 " + f.DefValue + "）"
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
