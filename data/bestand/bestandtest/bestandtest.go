// Package bestandtest helps tests check that a file was left alone, and
// that a name Windows does not allow is refused in Dutch there.
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
