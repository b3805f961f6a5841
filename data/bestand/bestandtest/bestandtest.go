// Package bestandtest helps tests with files: check that a file was left
// alone, that a name Windows does not allow is refused in Dutch there, and
// make a symbolic link where the system can.
package bestandtest

import (
	"crypto/sha256"
	"os"
	"runtime"
	"strings"
	"testing"
)

// Som is the SHA-256 of the file at path; it fails the test when the file
// cannot be read. Equal sums before and after an action prove the action
// left the file byte for byte as it was.
func Som(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// WindowsWeigert reports whether name has a character Windows allows in no
// file name ('?'), so a test can skip what Windows cannot do with it. Then
// it first requires actie, which uses the name, to fail with the Dutch
// reason.
func WindowsWeigert(t testing.TB, name string, actie func() error) bool {
	t.Helper()
	if runtime.GOOS != "windows" || !strings.Contains(name, "?") {
		return false
	}
	if err := actie(); err == nil || !strings.Contains(err.Error(), "de naam bevat een teken dat Windows niet toestaat") {
		t.Fatalf("%s op Windows: %v, verwacht een Nederlandse weigering", name, err)
	}
	return true
}

// Koppeling makes a symbolic link at link to doel, or skips the test where
// the system makes none: Windows refuses without developer mode or
// administrator rights, and Wine reports success and makes nothing.
func Koppeling(t testing.TB, doel, link string) {
	t.Helper()
	if err := os.Symlink(doel, link); err != nil {
		t.Skip("geen symbolische koppelingen hier (Windows: alleen met ontwikkelaarsmodus of als beheerder):", err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Skip("de symbolische koppeling kwam er niet (Wine meldt succes en maakt niets):", err)
	}
}
