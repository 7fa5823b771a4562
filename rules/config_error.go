package rules

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigError is a mistake in a config file: where it is and, in Chinese,
// what is wrong, for the clerk who edits the file.
type ConfigError struct {
	Path    string // the file; "" when the text was given
	Line    int    // 1-based; 0 when the place is not known
	Key     string // the TOML key, as severity.V603; "" when not known
	Problem string // in Chinese
}

func (e *ConfigError) Error() string {
	var place []string
	switch {
	case e.Path != "" && e.Line > 0:
		place = append(place, e.Path+":"+strconv.Itoa(e.Line))
	case e.Path != "":
		place = append(place, e.Path)
	case e.Line > 0:
		place = append(place, "line "+strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		place = append(place, e.Key)
	}
	return strings.Join(append(append([]string{"rules: config"}, place...), e.Problem), ": ")
}

// Chinese is the error as the command line shows it:
// 配置文件 jixiao.toml 第 3 行，severity.V603：…
func (e *ConfigError) Chinese() string {
	var b strings.Builder
	b.WriteString("配置文件")
	if e.Path != "" {
		b.WriteString(" " + e.Path)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " 第 %d 行", e.Line)
	}
	if e.Key != "" {
		b.WriteString("，" + e.Key)
	}
	return b.String() + "：" + e.Problem
}

func badKey(key, problem string, args ...any) *ConfigError {
	return &ConfigError{Key: key, Problem: fmt.Sprintf(problem, args...)}
}

// The TOML library reports a value of the wrong type as plain text, not as
// a ParseError: toml: line 2 (last key "severity.V603"): incompatible types: …
var typeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): incompatible types: .*destination has type (\w+)`)

// decodeError turns the TOML library's error into a ConfigError with the
// line and key it names, and the problem in Chinese.
func decodeError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &ConfigError{Line: pe.Position.Line, Key: pe.LastKey, Problem: syntaxProblem(pe.Message)}
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		want := map[string]string{"integer": "整数", "int": "整数", "float": "数字", "string": "加引号的文字，如 \"130730\"",
			"slice": "列表，如 [\"Y1001\", \"V605\"]", "array": "列表，如 [\"Y1001\", \"V605\"]", "map": "表（[名称] 下逐行写 键 = 值）"}[m[3]]
		if want == "" {
			want = m[3]
		}
		return &ConfigError{Line: line, Key: m[2], Problem: "值的类型不对，应是" + want}
	}
	return &ConfigError{Problem: "无法读取：" + err.Error()}
}

// syntaxProblem says in Chinese what the most common TOML slips are; the
// library's message is kept beside it for the rest.
func syntaxProblem(msg string) string {
	switch {
	case strings.HasPrefix(msg, "expected value but found"):
		return "等号后面缺少值"
	case strings.Contains(msg, "array terminator"):
		return "列表缺少逗号或右方括号 ]"
	case strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "unclosed") || strings.Contains(msg, "unterminated"):
		return "引号或括号没有闭合"
	}
	return "不是有效的 TOML 写法（" + msg + "）"
}

// keyLine finds the line of a key in the config text, for the errors found
// after decoding (an unknown rule ID), which the library does not place.
// key is dotted (severity.V603); 0 when the line is not found.
func keyLine(data []byte, key string) int {
	table, name := "", key
	if i := strings.LastIndex(key, "."); i >= 0 {
		table, name = key[:i], key[i+1:]
	}
	current := ""
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			current = strings.Trim(strings.TrimSpace(strings.Trim(line, "[]")), `"`)
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if ok && current == table && strings.Trim(strings.TrimSpace(k), `"'`) == name {
			return i + 1
		}
	}
	return 0
}

// withLine fills in the line of a ConfigError from the text.
func withLine(data []byte, err error) error {
	var ce *ConfigError
	if errors.As(err, &ce) && ce.Line == 0 && ce.Key != "" {
		ce.Line = keyLine(data, ce.Key)
		if ce.Line == 0 { // severity.Q1 written as severity = {Q1 = …}
			top, _, _ := strings.Cut(ce.Key, ".")
			ce.Line = keyLine(data, top)
		}
	}
	return err
}

// configKeys lists the keys a config file may hold (File's), for the
// message about an unknown one.
func configKeys() string {
	var keys []string
	t := reflect.TypeOf(File{})
	for i := range t.NumField() {
		if k := t.Field(i).Tag.Get("toml"); k != "" {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, "、")
}
