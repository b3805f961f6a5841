//go:build !unix

package store

// whenUnused never runs fn: on this system the program does not ask
// SQLite's lock, and so never removes files beside a database that SQLite
// did not remove itself.
func whenUnused(path string, fn func()) bool { return false }
