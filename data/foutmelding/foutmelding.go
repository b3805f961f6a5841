// Package foutmelding turns what goes wrong outside the program (a file
// that cannot be opened, a full disk, a damaged zip or XML file) into Dutch,
// and quotes a user's text in a message without echoing it whole.
package foutmelding

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"
)

// citeerTekens is how much of a user's text a message quotes.
const citeerTekens = 200

// Citeer quotes s for a message: in double quotes, at most 200 characters,
// with an ellipsis where it was cut, so that a cell of megabytes is never
// echoed whole.
func Citeer(s string) string {
	if utf8.RuneCountInString(s) <= citeerTekens {
		return fmt.Sprintf("%q", s)
	}
	n := 0
	for i := range s {
		if n == citeerTekens {
			return fmt.Sprintf("%q…", s[:i])
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}

// Reden says in Dutch why an operation on a file failed: the cause of err
// for the common failures of the system (with Windows' own codes:
// SysteemReden), the zip and the XML reader, and err's own text (which may
// be English) for anything else.
func Reden(err error) string {
	if r := SysteemReden(err); r != "" {
		return r
	}
	var syntax *xml.SyntaxError
	var pathErr *fs.PathError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand of de map bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming (alleen-lezen of afgeschermd)"
	case errors.Is(err, fs.ErrExist):
		return "er staat al een bestand met die naam"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "de naam van het bestand of het pad is te lang"
	case errors.Is(err, syscall.ELOOP):
		return "te veel snelkoppelingen (symbolische links) na elkaar"
	case errors.Is(err, syscall.ENOSPC):
		return "de schijf is vol"
	case errors.Is(err, syscall.EISDIR):
		return "dit is een map, geen bestand"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is een bestand, geen map"
	case errors.Is(err, syscall.EROFS):
		return "de schijf is alleen-lezen"
	case errors.Is(err, syscall.EXDEV):
		return "doel en bron staan op verschillende schijven"
	case errors.Is(err, os.ErrClosed):
		return "het bestand was al gesloten"
	case errors.Is(err, zip.ErrFormat):
		return "geen geldig zip-bestand (een .xlsx is een zip-bestand)"
	case errors.Is(err, zip.ErrAlgorithm):
		return "het zip-bestand gebruikt een onbekende compressie"
	case errors.Is(err, zip.ErrChecksum):
		return "het zip-bestand is beschadigd (controlegetal klopt niet)"
	case errors.Is(err, zip.ErrInsecurePath):
		return "het zip-bestand bevat een onveilige bestandsnaam"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "het bestand houdt onverwacht op (afgekapt?)"
	case errors.As(err, &syntax):
		return fmt.Sprintf("ongeldige XML op regel %d", syntax.Line)
	case errors.As(err, &pathErr):
		return Reden(pathErr.Err)
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "flate: ") {
		return "het zip-bestand is beschadigd (uitpakken mislukt)"
	}
	return msg
}
