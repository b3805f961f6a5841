package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Purposes of the temporary databases made beside a database; they name
// the files ".<database>.<purpose>-<random>.db".
const (
	// TempRestore is a copy being checked before it replaces the database.
	TempRestore = "herstel"
	// TempImport is a database being built from a full export.
	TempImport = "inlezen"
)

// TempBeside makes a new, empty temporary file in the folder of the
// database at path, named after the database and purpose, so the last
// step can be a rename on the same disk and a leftover is recognised (and
// removed by the next writer of that database).
func TempBeside(path, purpose string) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &FileError{Action: "map maken voor", Path: dir, Err: err}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"."+purpose+"-*.db")
	if err != nil {
		return "", &FileError{Action: "tijdelijk bestand maken in", Path: dir, Err: err}
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", &FileError{Action: "tijdelijk bestand maken in", Path: dir, Err: err}
	}
	return name, nil
}

// leftoverRE matches the temporary databases (and SQLite's and the lock's
// files beside them) made by TempBeside for the database named %s.
const leftoverRE = `^\.%s\.(` + TempRestore + `|` + TempImport + `|` + TempNew + `)-[^/\\]*\.db(-wal|-shm|-journal|\.lock)?$`

// removeLeftovers deletes the temporary databases a killed restore,
// import or CreateNew left beside the database at path, and the temporary copies a
// killed backup to elsewhere registered there (removeAbandonedTemps). Only
// the writer of the database calls it: no restore of it can be running
// then.
func removeLeftovers(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	re := regexp.MustCompile(strings.Replace(leftoverRE, "%s", regexp.QuoteMeta(base), 1))
	for _, e := range entries {
		if !e.IsDir() && re.MatchString(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	removeAbandonedTemps(path, time.Now())
}
