package foutmelding

import (
	"os"
	"path/filepath"
)

// DeelIsBestand reports whether a part of path that has to be a folder is
// a file: the nearest part of path that exists (path itself, for a folder
// that could not be made) is not a folder. Linux says so itself (ENOTDIR);
// Windows reports it as a path not found.
func DeelIsBestand(path string) bool {
	for p := filepath.Clean(path); ; {
		info, err := os.Stat(p)
		if err == nil {
			return !info.IsDir()
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
}
