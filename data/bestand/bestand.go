// Package bestand writes files whole or not at all: the content goes to a
// temporary file in the same folder, which then takes the file's place in one
// rename, so a failed or interrupted write never leaves a half-written file.
// It also refuses, before reading, what is not an ordinary file.
package bestand

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"jeugdmonitor/data/foutmelding"
)

// Schrijf writes what schrijf produces to pad through a temporary file in the
// same folder and then renames it over pad. On any error pad is left as it
// was and the temporary file is removed. Whether an existing pad may be
// replaced is the caller's decision (a file chooser asks; the command line
// has --overschrijven). A symbolic link is written through: its target gets
// the new content and the link stays; a link to nothing is refused.
func Schrijf(pad string, schrijf func(io.Writer) error) error {
	pad, err := Doel(pad)
	if err != nil {
		return err
	}
	if info, err := os.Stat(pad); err == nil && info.IsDir() {
		return fmt.Errorf("%s is een map; er is niets geschreven. Kies een bestandsnaam", pad)
	}
	tmp, err := os.CreateTemp(filepath.Dir(pad), "."+filepath.Base(pad)+".*.tmp")
	if err != nil {
		return nietGeschreven(pad, err)
	}
	defer os.Remove(tmp.Name())
	if err := schrijf(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(modus(pad)); err != nil {
		tmp.Close()
		return nietGeschreven(pad, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nietGeschreven(pad, err)
	}
	if err := tmp.Close(); err != nil {
		return nietGeschreven(pad, err)
	}
	if err := os.Rename(tmp.Name(), pad); err != nil {
		return fmt.Errorf("%s kan niet worden vervangen (is het bestand nog open in een ander programma?): %s", pad, foutmelding.Reden(err))
	}
	return nil
}

// nietGeschreven is the Dutch refusal of a write to pad.
func nietGeschreven(pad string, err error) error {
	return fmt.Errorf("%s kan niet worden geschreven: %s", pad, foutmelding.Reden(err))
}

// Doel is the file a write to pad changes: pad itself, or the file a
// symbolic link at pad points to (links followed to the end). A link that
// points to nothing is refused in Dutch, so it is never silently replaced
// by a file of its own.
func Doel(pad string) (string, error) {
	info, err := os.Lstat(pad)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return pad, nil
	}
	doel, err := filepath.EvalSymlinks(pad)
	if err != nil {
		naar, _ := os.Readlink(pad)
		return "", fmt.Errorf("%s is een snelkoppeling (symbolische link) naar %s, dat niet bestaat; er is niets geschreven. Kies het bestand zelf of een andere naam", pad, naar)
	}
	return doel, nil
}

// Gewoon refuses, in Dutch, a path that is not an ordinary file to read:
// a missing file, a folder, or a named pipe, device or socket (reading one
// could wait for ever). A symbolic link to an ordinary file is fine. It
// opens nothing.
func Gewoon(pad string) error {
	info, err := os.Stat(pad)
	switch {
	case err != nil:
		return fmt.Errorf("%s: %s", pad, foutmelding.Reden(err))
	case info.IsDir():
		return fmt.Errorf("%s is een map, geen bestand; kies een bestand", pad)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is geen gewoon bestand maar %s; kies een bestand dat op schijf staat", pad, Soort(info.Mode()))
	}
	return nil
}

// Soort names, in Dutch, the kind of a file that is not an ordinary one (a
// named pipe, socket or device).
func Soort(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "een named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "een socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "een apparaat"
	}
	return "een bijzonder bestand"
}

// modus keeps the permissions of the file that is replaced; a new file can be
// read by others, as a file saved by any program, 0644 less the umask (a
// temporary file is private).
func modus(pad string) os.FileMode {
	if info, err := os.Stat(pad); err == nil {
		return info.Mode().Perm()
	}
	return 0o644 &^ umask()
}
