package foutmelding

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"
)

// TestWindowsCodesAreDutch: every Windows code SysteemReden knows gets a
// Dutch reason instead of Windows' English text ("Disk full.", "Invalid
// function.", "Access denied.", ...), also wrapped in a path error.
func TestWindowsCodesAreDutch(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "weg.db")
	for errno, want := range map[syscall.Errno]string{
		windows.ERROR_DISK_FULL:                       "de schijf is vol",
		windows.ERROR_HANDLE_DISK_FULL:                "de schijf is vol",
		windows.ERROR_DISK_QUOTA_EXCEEDED:             "schijfquotum is op",
		windows.ERROR_INVALID_FUNCTION:                "Windows kan dit niet",
		windows.ERROR_ACCESS_DENIED:                   "geen toegang",
		windows.ERROR_SHARING_VIOLATION:               "in gebruik door een ander programma",
		windows.ERROR_USER_MAPPED_FILE:                "in gebruik door een ander programma",
		windows.ERROR_LOCK_VIOLATION:                  "vergrendeld",
		windows.ERROR_PATH_NOT_FOUND:                  "de map bestaat niet",
		windows.ERROR_DIRECTORY:                       "de map bestaat niet",
		windows.ERROR_INVALID_NAME:                    "een teken dat Windows niet toestaat",
		windows.ERROR_FILENAME_EXCED_RANGE:            "het pad is te lang",
		windows.ERROR_WRITE_PROTECT:                   "tegen schrijven beveiligd",
		windows.ERROR_NOT_READY:                       "niet gereed",
		windows.ERROR_INVALID_DRIVE:                   "dit station bestaat niet",
		windows.ERROR_BAD_NETPATH:                     "netwerkmap is niet gevonden",
		windows.ERROR_BAD_NET_NAME:                    "netwerkmap is niet gevonden",
		windows.ERROR_DEV_NOT_EXIST:                   "netwerkmap is niet gevonden",
		windows.ERROR_NETNAME_DELETED:                 "verbinding met de netwerkschijf is verbroken",
		windows.ERROR_UNEXP_NET_ERR:                   "verbinding met de netwerkschijf is verbroken",
		windows.ERROR_NETWORK_UNREACHABLE:             "verbinding met de netwerkschijf is verbroken",
		windows.ERROR_SEM_TIMEOUT:                     "verbinding met de netwerkschijf is verbroken",
		windows.ERROR_NETWORK_ACCESS_DENIED:           "geen toegang tot de netwerkmap",
		windows.ERROR_NOT_SAME_DEVICE:                 "naar een ander station",
		windows.ERROR_CRC:                             "lees- of schrijffout",
		windows.ERROR_IO_DEVICE:                       "lees- of schrijffout",
		windows.ERROR_FILE_CORRUPT:                    "lees- of schrijffout",
		windows.ERROR_DISK_CORRUPT:                    "lees- of schrijffout",
		windows.ERROR_FILE_TOO_LARGE:                  "te groot voor dit station",
		windows.ERROR_DIR_NOT_EMPTY:                   "de map is niet leeg",
		windows.ERROR_DELETE_PENDING:                  "wordt net verwijderd",
		windows.ERROR_VIRUS_INFECTED:                  "virusscanner",
		windows.ERROR_VIRUS_DELETED:                   "virusscanner",
		windows.ERROR_FILE_OFFLINE:                    "OneDrive",
		windows.ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING: "OneDrive",
		windows.ERROR_CLOUD_FILE_NETWORK_UNAVAILABLE:  "OneDrive",
		windows.ERROR_CLOUD_FILE_UNSUCCESSFUL:         "OneDrive",
		windows.ERROR_CLOUD_FILE_REQUEST_TIMEOUT:      "OneDrive",
		windows.ERROR_CLOUD_FILE_PROVIDER_TERMINATED:  "OneDrive",
		windows.ERROR_CLOUD_FILE_ACCESS_DENIED:        "OneDrive",
		windows.ERROR_CLOUD_FILE_IN_USE:               "OneDrive",
	} {
		for _, err := range []error{errno, &os.PathError{Op: "write", Path: missing, Err: errno}} {
			got := Reden(err)
			if !strings.Contains(got, want) || strings.Contains(got, errno.Error()) {
				t.Errorf("Reden(%v) (code %d) = %q, verwacht %q", err, uint32(errno), got, want)
			}
		}
	}
	if got := SysteemReden(windows.ERROR_FILE_NOT_FOUND); got != "" {
		t.Errorf("a plain missing file is left to Reden's shared text: %q", got)
	}
}

// TestWindowsPathsDecideTheReason: Windows gives a folder read as a file,
// a name with '?', a name too long, a missing folder and a file where the
// path needs a folder with few, shared codes; the reason follows the path.
func TestWindowsPathsDecideTheReason(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "map.csv")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "bestand")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, readFolder := os.ReadFile(folder)
	_, questionMark := os.Create(filepath.Join(dir, "vraag?.db"))
	_, longName := os.Create(filepath.Join(dir, strings.Repeat("x", 300)+".db"))
	_, longTemp := os.CreateTemp(dir, "."+strings.Repeat("x", 300)+".deel-*.db")
	_, missingFolder := os.Open(filepath.Join(dir, "weg", "x.db"))
	_, underFile := os.Open(filepath.Join(file, "x.db"))
	mkdirUnderFile := os.MkdirAll(filepath.Join(file, "sub"), 0o755)
	for name, c := range map[string]struct {
		err  error
		want string
	}{
		"folder read as a file": {readFolder, "dit is een map, geen bestand"},
		"'?' in the name":       {questionMark, `de naam bevat een teken dat Windows niet toestaat (\ / : * ? " < > |)`},
		"300 characters":        {longName, "de bestandsnaam is te lang"},
		"temporary, too long":   {longTemp, "de bestandsnaam is te lang"},
		"missing folder":        {missingFolder, "de map bestaat niet"},
		"under a file":          {underFile, "een deel van het pad is een bestand, geen map"},
		"folder under a file":   {mkdirUnderFile, "een deel van het pad is een bestand, geen map"},
	} {
		if c.err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if got := Reden(c.err); got != c.want {
			t.Errorf("%s: Reden(%v) = %q, verwacht %q", name, c.err, got, c.want)
		}
	}
}
