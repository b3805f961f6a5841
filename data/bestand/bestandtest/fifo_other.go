//go:build !unix

package bestandtest

import "testing"

// FIFO returns "": this system has no named pipes in the file system.
func FIFO(t testing.TB, dir string) string { return "" }
