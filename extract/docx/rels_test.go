package docx

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// unmarshalRels is what parseRels replaces.
func unmarshalRels(data []byte) ([]relationship, error) {
	var v struct {
		Rels []relationship `xml:"Relationship"`
	}
	err := xml.Unmarshal(data, &v)
	return v.Rels, err
}

// sameRels reports how parseRels differs from xml.Unmarshal on data; ""
// when it does not.
func sameRels(data []byte) string {
	want, werr := unmarshalRels(data)
	got, err := parseRels(&xmlTokenizer{buf: make([]byte, 16)}, data)
	switch {
	case (err != nil) != (werr != nil):
		return fmt.Sprintf("error %v, xml.Unmarshal: %v", err, werr)
	case err == nil && fmt.Sprint(got) != fmt.Sprint(want):
		return fmt.Sprintf("%q, xml.Unmarshal reads %q", got, want)
	}
	return ""
}

var relsSamples = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="r2" Type="t&amp;" Target="x" TargetMode="External"></Relationship></Relationships>`,
	``, `<!-- only -->`, `<a/>`, `<a>`, `<a></b>`, `<p:a></q:a>`, `<p:a></p:a>trailing <garbage`, `<a><Relationship Type="1" p:Type="2"/></a>`,
	`<a><b><Relationship Type="deep"/></b><x:Relationship Target="ns"/></a>`, `<a><Relationship Type="x"><Relationship Type="in"/>text</Relationship></a>`,
	`<a><Relationship Type="x"></a>`, `<a><Relationship Type="x"/></a><b>`, `<a:></a:>`, `<a></a:>`, `<x:a><Relationship xmlns:Type="n"/></x:a>`,
}

func TestParseRelsSamples(t *testing.T) {
	for _, s := range relsSamples {
		if diff := sameRels([]byte(s)); diff != "" {
			t.Errorf("%q: %s", s, diff)
		}
	}
}

// TestParseRelsCorpus reads the relationships of every .docx at hand both
// ways.
func TestParseRelsCorpus(t *testing.T) {
	n := 0
	rels := func(name string) bool { return strings.HasSuffix(name, ".rels") }
	corpusParts(t, rels, func(label, name string, data []byte) {
		if diff := sameRels(data); diff != "" {
			t.Errorf("%s %s: %s", label, name, diff)
		}
		n++
	})
	t.Logf("%d relationship parts read as xml.Unmarshal reads them", n)
}

// FuzzRels compares parseRels with xml.Unmarshal on any input.
func FuzzRels(f *testing.F) {
	for _, s := range relsSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if diff := sameRels(data); diff != "" {
			t.Errorf("%q: %s", data, diff)
		}
	})
}
