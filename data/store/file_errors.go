package store

import (
	"errors"
	"io/fs"
	"syscall"

	"jeugdmonitor/data/foutmelding"
)

// describeFileError says in Dutch why a file operation failed: no access,
// missing, a full disk, a read-only disk, a name too long (and Windows' own
// codes: foutmelding.SysteemReden); other failures keep the system's own
// text behind a Dutch start.
func describeFileError(err error) string {
	if reden := foutmelding.SysteemReden(err); reden != "" {
		return reden
	}
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "geen toegang tot het bestand of de map (alleen-lezen of geen rechten)"
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand of de map bestaat niet"
	case errors.Is(err, fs.ErrExist):
		return "er staat al een bestand met die naam"
	case errors.As(err, &errno) && (errno == syscall.ENOSPC || errno == syscall.EDQUOT):
		return "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
	case errors.As(err, &errno) && errno == syscall.EROFS:
		return "de schijf is alleen-lezen"
	case errors.As(err, &errno) && errno == syscall.ENAMETOOLONG:
		return "de bestandsnaam is te lang"
	case errors.As(err, &errno) && errno == syscall.ENOTDIR:
		return "een deel van het pad is een bestand, geen map"
	case errors.As(err, &errno) && errno == syscall.EISDIR:
		return "dit is een map, geen bestand"
	case errors.As(err, &errno) && errno == syscall.EXDEV:
		return "het bestand kan niet naar een andere schijf worden verplaatst"
	default:
		return "bestandsfout (" + err.Error() + ")"
	}
}

// FileError is a failed file operation on a database or its copy, in Dutch.
type FileError struct {
	// Action says what was being done ("reservekopie schrijven").
	Action string
	Path   string
	Err    error
}

// Error gives the Dutch message.
func (e *FileError) Error() string {
	return e.Action + " " + e.Path + " mislukt: " + describeFileError(e.Err)
}

// Unwrap gives the system's error.
func (e *FileError) Unwrap() error { return e.Err }
