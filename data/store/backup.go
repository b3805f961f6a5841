package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// BackupTo writes a consistent copy of the whole database to a new file at
// path (VACUUM INTO), while the store stays open and usable. An existing
// file is never overwritten.
func (s *Store) BackupTo(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("%s bestaat al; een reservekopie overschrijft geen bestaand bestand", abs)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return err
	}
	if err := s.db.Exec("VACUUM INTO ?", abs).Error; err != nil {
		os.Remove(abs)
		return fmt.Errorf("reservekopie naar %s mislukt: %w", abs, err)
	}
	return nil
}
