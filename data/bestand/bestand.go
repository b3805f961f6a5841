// Package bestand writes files whole or not at all: the content goes to a
// temporary file in the same folder, which then takes the file's place in one
// rename, so a failed or interrupted write never leaves a half-written file.
package bestand

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Schrijf writes what schrijf produces to pad through a temporary file in the
// same folder and then renames it over pad. On any error pad is left as it
// was and the temporary file is removed. Whether an existing pad may be
// replaced is the caller's decision (a file chooser asks; the command line
// has --overschrijven).
func Schrijf(pad string, schrijf func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(pad), "."+filepath.Base(pad)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s kan niet worden geschreven: %w", pad, err)
	}
	defer os.Remove(tmp.Name())
	if err := schrijf(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(modus(pad)); err != nil {
		tmp.Close()
		return fmt.Errorf("%s kan niet worden geschreven: %w", pad, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s kan niet worden geschreven: %w", pad, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s kan niet worden geschreven: %w", pad, err)
	}
	if err := os.Rename(tmp.Name(), pad); err != nil {
		return fmt.Errorf("%s kan niet worden vervangen (is het bestand nog open in een ander programma?): %w", pad, err)
	}
	return nil
}

// modus keeps the permissions of the file that is replaced; a new file can be
// read by others, as a file saved by any program (a temporary file is
// private).
func modus(pad string) os.FileMode {
	if info, err := os.Stat(pad); err == nil {
		return info.Mode().Perm()
	}
	return 0o644
}
