package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/rules"
)

// cellHTML renders one table cell; codes and rule IDs link to the pages
// that filter by them, so a reviewer can walk from a department to its
// findings and from a finding to its rule.
func cellHTML(key string, v any) template.HTML {
	text := ""
	switch v := v.(type) {
	case nil:
	case string:
		text = v
	case float64:
		text = fmt.Sprintf("%g", v)
	default:
		text = fmt.Sprint(v)
	}
	esc := template.HTMLEscapeString(text)
	if text == "" {
		return ""
	}
	switch key {
	case "department_code":
		return link("/issues?dept="+url.QueryEscape(text), esc)
	case "project_code":
		return link("/indicators?project="+url.QueryEscape(text), esc)
	case "kind":
		if name, ok := kindNames[text]; ok {
			return template.HTML(template.HTMLEscapeString(name))
		}
	case "file":
		return link("/issues?file="+url.QueryEscape(text), esc)
	case "rule":
		return link("/rules/"+url.PathEscape(text), esc)
	case "severity":
		if sev, ok := rules.ParseSeverity(text); ok {
			return template.HTML(`<span class="sev ` + string(sev) + `">` + sev.Name() + `</span>`)
		}
	}
	return template.HTML(esc)
}

func link(href, text string) template.HTML {
	return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `">` + text + `</a>`)
}

// urlEscape escapes a file name for Content-Disposition (RFC 5987).
func urlEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// kindNames are the target kinds of report/v1 as the filter form and the
// listings show them: normalize's names, the ones the CLI prints too.
var kindNames = func() map[string]string {
	m := make(map[string]string, len(normalize.KindNames))
	for k, name := range normalize.KindNames {
		m[string(k)] = name
	}
	return m
}()
