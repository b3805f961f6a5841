package store

import (
	"errors"
	"fmt"
	"os"
)

// TempNew is a new database being made and filled by CreateNew.
const TempNew = "nieuw"

// CreateNew makes a new database file at path and fills it; it never
// overwrites an existing file. The database is built under a temporary
// name beside path (see TempBeside) and gets its name only when fill
// succeeded and the file is on disk: on any failure, a kill included, no
// half-filled database has the name, and the next CreateNew for path
// removes what a killed one left. It returns the absolute path.
func CreateNew(path string, fill func(*Store) error) (string, error) {
	abs, err := ResolvePath(path)
	if err != nil {
		return "", err
	}
	exists := func() error {
		if _, err := os.Lstat(abs); err == nil {
			return fmt.Errorf("%s bestaat al; een bestaand bestand wordt niet overschreven", path)
		}
		return nil
	}
	if err := exists(); err != nil {
		return "", err
	}
	// the writer lock of the new name keeps a second CreateNew of it out,
	// and clears what a killed one left beside it
	w, err := ClaimWriter(abs)
	if err != nil {
		return "", err
	}
	defer w.Release()
	tmp, err := TempBeside(abs, TempNew)
	if err != nil {
		return "", err
	}
	os.Remove(tmp) // Open makes the database; an empty file is refused
	defer Remove(tmp)
	s, err := Open(tmp, Options{Create: true})
	if err != nil {
		return "", err
	}
	err = fill(s)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		return "", err
	}
	if err := exists(); err != nil {
		return "", err // it appeared meanwhile
	}
	if err := publish(tmp, abs); err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", exists()
		}
		return "", &FileError{Action: "een naam geven aan", Path: abs, Err: err}
	}
	return abs, nil
}

// syncFile writes the file at path to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
