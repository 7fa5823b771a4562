package extract

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is a file to read, as Find lists it.
type File struct {
	Path  string
	Named bool // given by name, rather than found in a folder
}

// Find lists the files to read under paths, in a stable order: each path
// that names a file, and the regular files in and below each folder, hidden
// files and folders left out. Paths that cannot be opened or walked come
// back as errors naming them.
func Find(paths []string) (files []File, errs []*Error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Path: p, Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, File{Path: p, Named: true})
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &Error{Path: path, Err: err})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, File{Path: path})
			}
			return nil
		})
	}
	return files, errs
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
