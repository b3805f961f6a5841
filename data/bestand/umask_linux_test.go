package bestand

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSchrijfVolgtUmask checks that a new file gets 0644 less the umask, as
// a file saved by any program: 0600 under umask 077, 0640 under 027.
func TestSchrijfVolgtUmask(t *testing.T) {
	for mask, want := range map[int]os.FileMode{0o077: 0o600, 0o027: 0o640, 0o022: 0o644} {
		old := syscall.Umask(mask)
		pad := filepath.Join(t.TempDir(), "rapport.pdf")
		err := Schrijf(pad, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(pad); err != nil || info.Mode().Perm() != want {
			t.Errorf("umask %03o: rechten %v, want %v", mask, info.Mode().Perm(), want)
		}
	}
}
