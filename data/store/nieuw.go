package store

import (
	"fmt"
	"os"
)

// CreateNew makes a new database file at path and fills it; it never
// overwrites an existing file, and on any failure removes what it made, so
// no half-filled database is left behind. It returns the absolute path.
func CreateNew(path string, fill func(*Store) error) (string, error) {
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s bestaat al; een bestaand bestand wordt niet overschreven", path)
	}
	s, err := Open(path, Options{Create: true})
	if err != nil {
		return "", err
	}
	abs := s.Path()
	err = fill(s)
	s.Close()
	if err != nil {
		Remove(abs)
		return "", err
	}
	return abs, nil
}
