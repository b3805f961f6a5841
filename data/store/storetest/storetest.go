// Package storetest helps tests outside the store change a database the way
// a tool outside the program would.
package storetest

import (
	"database/sql"
	"testing"

	"jeugdmonitor/data/store"
)

// AlterOutside runs statements on the database at path over a connection of
// its own (not the store's), then checkpoints and leaves everything in the
// main file, so the program meets the change as a copied file would bring it.
func AlterOutside(t testing.TB, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", store.FileURI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range append(statements, "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode=DELETE") {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}
