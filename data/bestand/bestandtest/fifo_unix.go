//go:build unix

package bestandtest

import (
	"path/filepath"
	"syscall"
	"testing"
)

// FIFO makes a named pipe in dir and returns its path ("" where the system
// has none). Opening it to read blocks until someone writes, which is what
// a program must never do with a file the user chose.
func FIFO(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "pijp.csv")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
