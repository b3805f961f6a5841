package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// Why a database that was asked for writing was opened read-only.
const (
	reasonReadOnlyFile   = "het bestand is alleen-lezen"
	reasonReadOnlyFolder = "de map van het bestand is alleen-lezen"
	reasonInUse          = "de database is al geopend in een ander venster van Jeugdmonitor"
)

// writerLock makes sure at most one Jeugdmonitor process writes a database:
// an OS file lock on "<database>.lock", released on Close or when the process
// ends (also when it crashes).
type writerLock struct{ lock *flock.Flock }

// acquireWriterLock tries to become the one writer; ok is false when another
// process holds the lock.
func acquireWriterLock(dbPath string) (*writerLock, bool, error) {
	l := flock.New(dbPath + ".lock")
	ok, err := l.TryLock()
	if err != nil {
		return nil, false, fmt.Errorf("vergrendelen van de database mislukt: %w", err)
	}
	if !ok {
		return nil, false, nil
	}
	return &writerLock{lock: l}, true, nil
}

func (w *writerLock) release() {
	if w != nil {
		w.lock.Unlock()
	}
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
