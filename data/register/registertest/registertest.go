// Package registertest gives tests of other packages a temporary database with
// the built-in register loaded, closed when the test ends.
package registertest

import (
	"path/filepath"
	"testing"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// Open makes a new database file in dir (a fresh temporary folder when dir is
// empty) with the built-in register. opt.Create is implied and opt.User
// defaults to "tester"; edit, when not nil, may change the documents before
// they are loaded.
func Open(t testing.TB, dir string, opt store.Options, edit func([]register.Document)) *store.Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	opt.Create = true
	if opt.User == "" {
		opt.User = "tester"
	}
	s, err := store.Open(filepath.Join(dir, "register.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	docs, err := register.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(docs)
	}
	if _, err := register.Seed(s, docs); err != nil {
		t.Fatal(err)
	}
	return s
}
