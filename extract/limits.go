package extract

// The limits the readers enforce that a user's error message quotes: they
// are declared here, beside the Chinese reasons of reason.go, and not in
// the format packages, which import this one. Where and why each is
// enforced is documented in the format package (extract/docx limits.go,
// extract/pdf read.go).

// MaxFileSize is the largest file Open reads. Real reports are a few
// megabytes; anything far larger is refused rather than loaded.
const MaxFileSize = 256 << 20

// MaxPDFPages is the most pages a PDF may have: more are refused with
// ErrTooManyPages. Reports run to tens of pages.
const MaxPDFPages = 10000

// Limits on the structure of one .docx, refused with ErrTooDeep,
// ErrTooManyCells or ErrTooManyElements (all ErrTooComplex); see package
// extract/docx.
const (
	// MaxDOCXNesting bounds tables and text boxes inside one another.
	// The reader descends into them recursively: this bounds its stack.
	MaxDOCXNesting = 64
	// MaxDOCXElementDepth bounds XML elements inside one another, of any
	// kind: content controls, hyperlinks and fields are read through
	// recursively too.
	MaxDOCXElementDepth = 1000
	// MaxDOCXTableCols bounds the grid columns of a table row:
	// w:gridBefore, the spans of its cells and w:gridAfter. (A single
	// span past MaxSpan, also 1,000, is cut to it.)
	MaxDOCXTableCols = 1000
	// MaxDOCXTableSlots bounds the grid of one table, rows × columns:
	// 10,000 rows of 20 columns.
	MaxDOCXTableSlots = 200_000
	// MaxDOCXSlots bounds the grid slots of all the tables of a document.
	MaxDOCXSlots = 1_000_000
	// MaxDOCXElements bounds the paragraphs, tables, rows and cells of a
	// document, text boxes' included: each costs a few hundred bytes
	// however little XML it takes (<w:p/> is 6 bytes).
	MaxDOCXElements = 500_000
	// MaxDOCXPartTags bounds the XML tags (counted as '<') of a part
	// decoded whole rather than streamed (relationships, styles,
	// numbering), where each element becomes a struct: Word's styles.xml
	// has about 12,000.
	MaxDOCXPartTags = 100_000
)
