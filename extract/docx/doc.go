// Package docx reads Word documents (.docx, WordprocessingML) into an
// extract.Document. Importing it registers the format with package
// extract, so that extract.Read and extract.Open read .docx files (see
// extract/formats); Read reads one directly.
//
// A .docx is a zip archive of XML parts. The reader finds the main part
// through the package relationships and walks word/document.xml once,
// token by token, rather than through a docx object model: the models at
// hand drop text in content controls, tracked insertions, smart tags,
// simple fields and hyperlinks of several runs, and shift the columns of
// a row whose cell sits in a content control. Content controls, custom XML,
// smart tags, fields and hyperlinks are read through as if they were not
// there.
//
// Body paragraphs become extract.Paragraphs numbered in document order;
// runs are concatenated, a tab becomes '\t' and a line break '\n', and
// characters of the Symbol and Wingdings fonts are mapped to Unicode.
// Tables become grids through extract.BuildTable: w:gridSpan, w:vMerge,
// the legacy w:hMerge, w:gridBefore and w:gridAfter are resolved into
// cells that cover several slots, and a table is as wide as its w:tblGrid
// when that is wider than its rows. Nested tables hang from the cell that
// holds them. Text boxes are read as paragraphs after the paragraph that
// anchors them.
//
// Styles (word/styles.xml) and numbering (word/numbering.xml) are read
// after the body, and only as far as the body uses them: a paragraph
// inherits its heading level from w:outlineLvl or a "heading N" style
// name, and its list label is rendered as Word counts it. The styles of a
// part seen before (most reports of a county come from one template) are
// found again by its SHA-256 instead of being parsed anew (stylecache.go).
//
// The XML is split into tokens by xmlTokenizer (xmltok.go), which accepts
// and refuses what encoding/xml's RawToken does (FuzzTokenizer) without
// allocating for each token; it streams word/document.xml through a
// window and reads the relationship parts. encoding/xml itself still
// reads the few tokens that are processing instructions or directives
// (the XML declaration: its version and encoding checks are its own), the
// styles a body uses (each once per distinct styles.xml, see
// stylecache.go) and word/numbering.xml (a few kilobytes, once a report):
// both are decoded into structs, which xml.Unmarshal does best, and cost
// little next to the body.
//
// Every part is decompressed through a size cap (MaxPartSize), and the
// structure of the document is bounded before the reader allocates for it
// (limits.go: nesting, grid columns and slots, elements), so a zip bomb or
// a hostile file fails early with an error instead of filling memory.
package docx
