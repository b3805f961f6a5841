package store

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// Why a database that was asked for writing was opened read-only.
const (
	reasonReadOnlyFile   = "het bestand is alleen-lezen"
	reasonReadOnlyFolder = "de map van het bestand is alleen-lezen"
	reasonInUse          = "de database is al geopend door een ander venster of een andere opdracht van Jeugdmonitor"
)

// WriterLock makes sure at most one Jeugdmonitor process writes a database:
// an OS file lock on "<database>.lock" beside the real file (a symbolic link
// to the database shares it), released by Release or when the process ends
// (also when it crashes). Open takes one itself; a restore claims it first
// (ClaimWriter) and keeps every other writer out until the new file is in
// place.
type WriterLock struct {
	path string
	lock *flock.Flock
}

// ClaimWriter takes the writer lock of the database at path, which need not
// exist yet, and clears what a killed restore or import left beside it. It
// refuses, in Dutch, when another process writes the database.
func ClaimWriter(path string) (*WriterLock, error) {
	abs, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	w, ok, err := acquireWriterLock(abs)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &OpenError{Path: abs, Reason: reasonInUse + "; sluit dat venster of wacht tot de opdracht klaar is, en probeer het opnieuw"}
	}
	removeLeftovers(abs)
	return w, nil
}

// Path is the resolved path of the database the lock is for.
func (w *WriterLock) Path() string { return w.path }

// Release lets another process write the database.
func (w *WriterLock) Release() {
	if w != nil {
		w.lock.Unlock()
	}
}

// acquireWriterLock tries to become the one writer of the database at the
// resolved path; ok is false when another process holds the lock.
func acquireWriterLock(dbPath string) (*WriterLock, bool, error) {
	l := flock.New(dbPath + ".lock")
	ok, err := l.TryLock()
	if err != nil {
		return nil, false, errors.New("vergrendelen van de database mislukt: " + describeFileError(err))
	}
	if !ok {
		return nil, false, nil
	}
	return &WriterLock{path: dbPath, lock: l}, true, nil
}

// ResolvePath is the absolute path of the file path names, symbolic links
// followed (for a file that does not exist yet: its folder's), so every
// name of one database shares its lock, backups and temporary files.
func ResolvePath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &OpenError{Path: path, Reason: describeFileError(err)}
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs)), nil
	}
	return abs, nil
}

// writability says whether the folder of path can be written and, for an
// existing file, why the file cannot be written ("" when it can).
func writability(path string, exists bool) (reason string, folderWritable bool) {
	probe, err := os.CreateTemp(filepath.Dir(path), ".jeugdmonitor-schrijftest-*")
	if err == nil {
		probe.Close()
		os.Remove(probe.Name())
		folderWritable = true
	}
	if exists {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if errors.Is(err, os.ErrPermission) {
			return reasonReadOnlyFile, folderWritable
		}
		if err == nil {
			f.Close()
		}
	}
	if !folderWritable {
		return reasonReadOnlyFolder, false
	}
	return "", true
}
