// Package pdf reads PDF files into an extract.Document: the text of their
// pages as paragraphs, and the tables drawn with rules as grids of cells,
// each with its page and its box in PDF user space. Importing it registers
// the format with package extract, so that extract.Read and extract.Open
// read PDFs (see extract/formats); Read reads one directly, and
// DumpContent shows what the reader sees before layout.
//
// The reader uses github.com/ledongthuc/pdf for the object layer: the
// cross-reference tables and streams, objects, the Flate and ASCII85
// filters. Everything above it is ours, and some of what is below:
//
//   - guard.go checks the cross-references and object streams for what
//     would make the library loop, overflow its stack or allocate without
//     bound;
//   - rebuild.go writes anew, by scanning for objects, a file the
//     library cannot read as it is: one with broken or missing
//     cross-references, one encrypted (crypt.go opens the standard
//     security handler with the empty user password: RC4, AES-128 and
//     AES-256), one with LZW or RunLength streams (filter.go);
//   - lex.go splits content streams and CMaps into tokens (the library's
//     Interpret loops forever on a hex string left open at the end of a
//     stream, and cannot skip inline images);
//   - content.go interprets the operators: glyph positions with the CTM
//     and the text matrix applied, Form XObjects, and the stroked lines and
//     thin filled rectangles that draw table rules;
//   - font.go and cmap.go decode text: widths from /Widths, W and DW,
//     ToUnicode maps parsed once per font, the predefined Chinese CMaps;
//   - table.go turns rules into grids with merged cells and puts glyphs
//     in cells by their centre;
//   - layout.go groups glyphs into lines and lines into paragraphs;
//   - stitch.go drops running headers, footers and page numbers and joins
//     a table that goes on over a page break;
//   - blocks.go assembles the Document in reading order, with the page
//     and the box (in PDF user space) of every paragraph and cell.
//
// The library panics on malformed input: every call into it runs under a
// recover that turns the panic into an error naming the file and page.
// What it cannot survive, loops and huge allocations driven by numbers in
// the file, guard.go checks for before the library is called.
//
// PDF paragraphs have no Style, Heading or List: a PDF does not say.
//
// # Scanned pages
//
// When extract.Options ask for it (extract.OCROptions: OCRAuto for a file
// with no text layer at all, OCRForce for every file), a page with no text
// layer, only an image (a scan of a printed, stamped form), is read from
// its image: the image is taken out of the PDF
// (ocrpdf.go), turned grey with red and blue stamp ink dropped, levelled
// (ocrimage.go); the table rules are found in the raster and handed to
// findTables, as a vector page's are (ocrgrid.go); every cell is cut into
// text lines, and so is the text outside tables, and each line is read by
// PaddleOCR's PP-OCRv4 rec model under ONNX Runtime (ocrrec.go). The
// characters read become glyphs at their places on the page, and the page
// goes through the same layout as a vector page: the Document has the same
// tables, spans, boxes and paragraphs. Every position read so carries a
// confidence (Pos.Confidence).
package pdf

// BUG(pdf): Only horizontal text running the page's main way is read (a page
// whose text runs sideways is read turned); vertical writing (Identity-V
// fonts) and text at other angles, such as stamps and watermarks, is
// skipped.

// BUG(pdf): Files larger than 64 MiB are not rebuilt: one that is
// encrypted with AES-256 or RC4-40, uses LZW or RunLength streams, or has
// broken cross-references is refused, and the object streams of one that
// is encrypted are not checked before the library reads them.

// BUG(pdf): A file that needs an owner password only is opened; one that
// needs a user password is refused with ErrEncrypted: no password can be
// given.

// BUG(pdf): Pages are read in one column: a page laid out in two text
// columns interleaves their lines.

// BUG(pdf): The entries of a hybrid file's /XRefStm stream are not
// checked for object streams inside object streams.

// BUG(pdf): Tables are found by their rules: a table drawn with no
// vertical rules (a 三线表) or none at all reads as lines whose cells are
// separated by runs of spaces.

// BUG(pdf): A row that ends a page with a single full line in each cell,
// over a row whose labels the document holds nowhere else, reads as one
// row that the page break cut: nothing on the page tells the two apart.

// BUG(pdf): A cell merged down across a page break is rejoined only when the
// document shows its whole text in another cell (the same label in another
// project's form); otherwise its two parts read as two cells.
