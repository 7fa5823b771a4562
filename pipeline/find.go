package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is a file to read, as Find lists it.
type File struct {
	Path  string
	Named bool // given by name, rather than found in a folder
}

// FindError is a path Find could not take: missing, unreadable, or not a
// regular file.
type FindError struct {
	Path   string
	Reason string // Chinese, for the staff importing the files
	Err    error
}

func (e *FindError) Error() string { return fmt.Sprintf("pipeline: %s: %v", e.Path, e.Err) }
func (e *FindError) Unwrap() error { return e.Err }

// ErrNotRegular is a FIFO, device or socket: reading one could block
// forever or never end, so it is passed over.
var ErrNotRegular = errors.New("not a regular file")

// ErrSymlinkLoop is a symbolic link to a folder that contains it.
var ErrSymlinkLoop = errors.New("symbolic link loop")

// Find lists the files to read under paths, in a stable order: each path
// that names a file, and the regular files in and below each folder, hidden
// files and folders left out. Symbolic links are followed, to files and to
// folders, except a link back into a folder being walked. Paths that cannot
// be opened or walked, and FIFOs, devices and sockets, come back as errors
// naming them.
func Find(paths []string) (files []File, errs []*FindError) {
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, &FindError{Path: p, Reason: "文件不存在或无法打开", Err: err})
		case st.IsDir():
			w := &walker{}
			w.dir(p, st)
			files, errs = append(files, w.files...), append(errs, w.errs...)
		case !st.Mode().IsRegular():
			errs = append(errs, notRegular(p, st.Mode()))
		default:
			files = append(files, File{Path: p, Named: true})
		}
	}
	return files, errs
}

// walker lists one folder argument; ancestors holds the folders being
// walked, to stop at a link back into one of them.
type walker struct {
	ancestors []os.FileInfo
	files     []File
	errs      []*FindError
}

func (w *walker) dir(path string, st os.FileInfo) {
	for _, a := range w.ancestors {
		if os.SameFile(a, st) {
			w.errs = append(w.errs, &FindError{Path: path, Reason: "符号链接指向其所在的文件夹（循环），已跳过", Err: ErrSymlinkLoop})
			return
		}
	}
	w.ancestors = append(w.ancestors, st)
	defer func() { w.ancestors = w.ancestors[:len(w.ancestors)-1] }()
	entries, err := os.ReadDir(path)
	if err != nil {
		w.errs = append(w.errs, &FindError{Path: path, Reason: "文件夹无法打开", Err: err})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(path, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				w.errs = append(w.errs, &FindError{Path: p, Reason: "符号链接指向的文件不存在", Err: err})
				continue
			}
			if st.IsDir() {
				w.dir(p, st)
				continue
			}
			mode = st.Mode()
		}
		switch {
		case mode.IsDir():
			st, err := os.Stat(p)
			if err != nil {
				w.errs = append(w.errs, &FindError{Path: p, Reason: "文件夹无法打开", Err: err})
				continue
			}
			w.dir(p, st)
		case mode.IsRegular():
			w.files = append(w.files, File{Path: p})
		default:
			w.errs = append(w.errs, notRegular(p, mode))
		}
	}
}

func notRegular(path string, mode fs.FileMode) *FindError {
	kind := "特殊文件"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "命名管道"
	case mode&fs.ModeSocket != 0:
		kind = "套接字"
	case mode&fs.ModeDevice != 0:
		kind = "设备文件"
	}
	return &FindError{Path: path, Reason: "不是普通文件（" + kind + "），已跳过", Err: fmt.Errorf("%w: %v", ErrNotRegular, mode.Type())}
}

// NamedAsReport tells a file whose name says it is a report document. Found
// in a folder but unreadable, such a file is refused with its reason; other
// files that are neither .docx nor PDF by content are passed over.
func NamedAsReport(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".pdf", ".doc", ".wps", ".docm", ".dotx", ".rtf":
		return true
	}
	return false
}
