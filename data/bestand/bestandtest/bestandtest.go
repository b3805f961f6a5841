// Package bestandtest helps tests check that a file was left alone.
package bestandtest

import (
	"crypto/sha256"
	"os"
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
