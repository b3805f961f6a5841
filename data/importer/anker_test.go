package importer

import (
	"path/filepath"
	"testing"

	"jeugdmonitor/data/store"
)

// TestRestoreAndImportAnchorTheNewDatabase (issue 13): a database the
// program puts in place (a restore, a database from a full export) gets
// this installation's anchor of its audit trail at once, so check finds
// neither a problem nor a missing anchor.
func TestRestoreAndImportAnchorTheNewDatabase(t *testing.T) {
	store.SetAnchorFolder(t.TempDir())
	t.Cleanup(func() { store.SetAnchorFolder("") })
	src := usedDatabase(t)
	exported := writeFullExport(t, src)
	dir := t.TempDir()
	target := filepath.Join(dir, "mijn.db")
	dbWith(t, target, "Oud")
	if _, err := Herstel(exported, target, loadMoment); err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(dir, "collega.db")
	if _, err := NewDatabaseFromExport(exported, built, loadMoment); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{target, built} {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		report, err := s.Check()
		s.Close()
		if err != nil || !report.OK() || len(report.Warnings) != 0 {
			t.Fatalf("%s: %+v %v", filepath.Base(path), report, err)
		}
	}
}
