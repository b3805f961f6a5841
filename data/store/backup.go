package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"jeugdmonitor/data/foutmelding"
)

// TempBackup is the purpose of the temporary file a copy is written to
// before it gets its name (see TempBeside).
const TempBackup = "deel"

// BackupTo writes a consistent copy of the whole database to a new file at
// path, while the store stays open and usable: SQLite writes it (VACUUM
// INTO, which includes what is still in the write-ahead log) under a
// temporary name beside path, and only a complete copy, synced to disk, is
// given the name. An existing file is never overwritten.
func (s *Store) BackupTo(path string) error {
	return writeCopy(path, "", s.vacuumInto)
}

// BackupFile writes a consistent copy of the Jeugdmonitor database at src
// to a new file at path as BackupTo does, opening src read-only as
// Snapshot does: also a database with an older schema, which is copied as
// it is. Its temporary file is registered beside src, so the next writer
// of src removes it when the copy is killed (registerTemp).
func BackupFile(src, path string) error {
	abs, err := ResolvePath(src)
	if err != nil {
		return err
	}
	return writeCopy(path, abs, func(tmp string) error { return Snapshot(abs, tmp) })
}

// BackupStream writes a consistent copy of the database at src, as
// BackupFile makes it, to w (standard output): through a temporary file
// in the system's temporary folder, registered beside src, and removed.
func BackupStream(src string, w io.Writer) error {
	abs, err := ResolvePath(src)
	if err != nil {
		return err
	}
	tmp, release, err := registeredTemp(abs, os.TempDir(), ".jeugdmonitor-"+filepath.Base(abs)+"."+TempBackup+"-*.db")
	if err != nil {
		return err
	}
	defer release()
	defer os.Remove(tmp)
	if err := Snapshot(abs, tmp); err != nil {
		return err
	}
	in, err := os.Open(tmp)
	if err != nil {
		return &FileError{Action: "reservekopie lezen uit", Path: tmp, Err: err}
	}
	defer in.Close()
	if _, err := io.Copy(w, in); err != nil {
		return &FileError{Action: "reservekopie schrijven naar", Path: "standaarduitvoer", Err: err}
	}
	return nil
}

// tempForCopy makes the temporary file of a copy to abs: registered beside
// src when the copy is of another database than a store's own (src not ""),
// so that it is found when the copy is killed.
func tempForCopy(abs, src string) (tmp string, release func(), err error) {
	if src != "" {
		return registeredTemp(src, filepath.Dir(abs), "."+filepath.Base(abs)+"."+TempBackup+"-*.db")
	}
	tmp, err = TempBeside(abs, TempBackup)
	return tmp, func() {}, err
}

// writeCopy has write fill a temporary file beside path and gives the
// complete file the name path; an existing file is never overwritten. The
// temporary file is registered beside the database src, where given.
func writeCopy(path, src string, write func(tmp string) error) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &FileError{Action: "reservekopie schrijven naar", Path: path, Err: err}
	}
	if _, err := os.Lstat(abs); err == nil {
		return &FileError{Action: "reservekopie schrijven naar", Path: abs, Err: os.ErrExist}
	} else if !errors.Is(err, os.ErrNotExist) || foutmelding.DeelIsBestand(abs) {
		return &FileError{Action: "reservekopie schrijven naar", Path: abs, Err: err}
	}
	tmp, release, err := tempForCopy(abs, src)
	if err != nil {
		return err
	}
	defer release()
	defer os.Remove(tmp)
	if err := write(tmp); err != nil {
		return err
	}
	if err := publish(tmp, abs); err != nil {
		return &FileError{Action: "reservekopie schrijven naar", Path: abs, Err: err}
	}
	return nil
}

// vacuumInto writes the database into the empty file tmp and syncs it.
func (s *Store) vacuumInto(tmp string) error {
	if err := s.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return describeWriteError("reservekopie schrijven naar", tmp, err)
	}
	if err := syncFile(tmp); err != nil {
		return &FileError{Action: "reservekopie schrijven naar", Path: tmp, Err: err}
	}
	return nil
}

// describeWriteError makes an SQLite failure to write a file Dutch.
func describeWriteError(action, path string, err error) error {
	if d := describeSQLiteError(err); d != err {
		return errors.New(action + " " + path + " mislukt: " + d.Error())
	}
	return &FileError{Action: action, Path: path, Err: err}
}

// publish gives the complete file tmp the name path, never replacing a file
// that appeared there meanwhile: a hard link where the disk has them, else
// a rename after one more look.
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, path)
}

// Snapshot writes a consistent copy of the Jeugdmonitor database at src,
// with its latest commits (also those still in its write-ahead log), into
// the new, empty file dst, opening src read-only: it is refused like Open
// refuses (another program's file, a damaged one, a schema that is not this
// program's) before anything in it runs. An older schema is copied as it
// is.
func Snapshot(src, dst string) error {
	s, err := open(src, Options{ReadOnly: true}, true)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.vacuumInto(dst)
}
