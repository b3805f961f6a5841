package foutmelding

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/windows"
)

// SysteemReden says in Dutch what the Windows error code in err means,
// where Go's errors.Is says too little (a file in use by another program,
// a name Windows does not allow, a file where the path needs a folder) or
// nothing at all (Windows' own English, such as "Disk full." and "Invalid
// function."); "" when err carries no such code. Reden asks it first.
func SysteemReden(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return ""
	}
	path := padVan(err)
	switch errno {
	case windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL:
		return "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
	case windows.ERROR_DISK_QUOTA_EXCEEDED:
		return "uw schijfquotum is op; maak ruimte vrij of vraag IT om meer ruimte"
	case windows.ERROR_INVALID_FUNCTION:
		if isMap(path) {
			return "dit is een map, geen bestand"
		}
		return "Windows kan dit niet met dit bestand of op dit station"
	case windows.ERROR_ACCESS_DENIED:
		return "geen toegang: het bestand is alleen-lezen, afgeschermd of in gebruik door een ander programma"
	case windows.ERROR_SHARING_VIOLATION, windows.ERROR_USER_MAPPED_FILE:
		return "het bestand is in gebruik door een ander programma (Excel?); sluit het daar en probeer het opnieuw"
	case windows.ERROR_LOCK_VIOLATION:
		return "een ander programma heeft het bestand vergrendeld; sluit het daar en probeer het opnieuw"
	case windows.ERROR_FILE_NOT_FOUND, windows.ERROR_PATH_NOT_FOUND, windows.ERROR_INVALID_NAME,
		windows.ERROR_FILENAME_EXCED_RANGE, windows.ERROR_DIRECTORY:
		return padReden(errno, path)
	case windows.ERROR_WRITE_PROTECT:
		return "de schijf is tegen schrijven beveiligd"
	case windows.ERROR_NOT_READY:
		return "het station is niet gereed (is de USB-stick of schijf eruit gehaald?)"
	case windows.ERROR_INVALID_DRIVE:
		return "dit station bestaat niet"
	case windows.ERROR_BAD_NETPATH, windows.ERROR_BAD_NET_NAME, windows.ERROR_DEV_NOT_EXIST:
		return "de netwerkmap is niet gevonden of niet bereikbaar (is er verbinding met het netwerk?)"
	case windows.ERROR_NETNAME_DELETED, windows.ERROR_UNEXP_NET_ERR, windows.ERROR_NETWORK_UNREACHABLE, windows.ERROR_SEM_TIMEOUT:
		return "de verbinding met de netwerkschijf is verbroken; probeer het opnieuw als het netwerk er weer is"
	case windows.ERROR_NETWORK_ACCESS_DENIED:
		return "geen toegang tot de netwerkmap"
	case windows.ERROR_NOT_SAME_DEVICE:
		return "het bestand kan niet naar een ander station worden verplaatst"
	case windows.ERROR_CRC, windows.ERROR_IO_DEVICE, windows.ERROR_FILE_CORRUPT, windows.ERROR_DISK_CORRUPT:
		return "lees- of schrijffout op de schijf (is de schijf of USB-stick beschadigd?)"
	case windows.ERROR_FILE_TOO_LARGE:
		return "het bestand is te groot voor dit station"
	case windows.ERROR_DIR_NOT_EMPTY:
		return "de map is niet leeg"
	case windows.ERROR_DELETE_PENDING:
		return "het bestand wordt net verwijderd; probeer het zo opnieuw"
	case windows.ERROR_VIRUS_INFECTED, windows.ERROR_VIRUS_DELETED:
		return "de virusscanner heeft het bestand tegengehouden"
	case windows.ERROR_FILE_OFFLINE, windows.ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING, windows.ERROR_CLOUD_FILE_NETWORK_UNAVAILABLE,
		windows.ERROR_CLOUD_FILE_UNSUCCESSFUL, windows.ERROR_CLOUD_FILE_REQUEST_TIMEOUT, windows.ERROR_CLOUD_FILE_PROVIDER_TERMINATED,
		windows.ERROR_CLOUD_FILE_ACCESS_DENIED, windows.ERROR_CLOUD_FILE_IN_USE:
		return "het bestand staat alleen online (OneDrive?) en kan nu niet worden opgehaald; zorg dat OneDrive draait en het bestand op deze computer staat"
	}
	return ""
}

// maxNaam is the longest name of a file or folder Windows allows, in
// UTF-16 units.
const maxNaam = 255

// padReden says why Windows did not find path (errno is one of the
// not-found, invalid-name and too-long codes): Windows reports a name too
// long, a file where the path needs a folder and a missing folder with the
// same few codes, so the path itself decides; "" for a plain missing file.
func padReden(errno syscall.Errno, path string) string {
	switch {
	case path != "" && langeNaam(path):
		return "de bestandsnaam is te lang"
	case errno == windows.ERROR_FILENAME_EXCED_RANGE:
		return "het pad is te lang"
	case errno == windows.ERROR_INVALID_NAME:
		return `de naam bevat een teken dat Windows niet toestaat (\ / : * ? " < > |)`
	case path != "" && DeelIsBestand(path):
		return "een deel van het pad is een bestand, geen map"
	case errno == windows.ERROR_PATH_NOT_FOUND, errno == windows.ERROR_DIRECTORY:
		return "de map bestaat niet"
	}
	return ""
}

// langeNaam reports whether a name in path is longer than Windows allows.
func langeNaam(path string) bool {
	n := 0
	for _, r := range path {
		if r < 0x80 && os.IsPathSeparator(uint8(r)) {
			n = 0
			continue
		}
		n++
		if r >= 0x10000 {
			n++ // two UTF-16 units
		}
		if n > maxNaam {
			return true
		}
	}
	return false
}

// padVan is the path of the file operation that failed with err, "" when
// err does not name one.
func padVan(err error) string {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return pathErr.Path
	case errors.As(err, &linkErr):
		return linkErr.New
	}
	return ""
}

// isMap reports whether path is an existing folder.
func isMap(path string) bool {
	if path == "" {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
