package ui

import (
	"strings"
	"testing"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/store"
)

func TestSecondWindowSaysItIsReadOnly(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	second, err := store.Open(s.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	m.useStore(second)
	if !strings.Contains(m.status.Text, "Alleen-lezen geopend") || !strings.Contains(m.status.Text, "ander venster") {
		t.Fatalf("status line of a second instance: %q", m.status.Text)
	}
}

// TestDailyBackupShowsInTheList has Instellingen in view when the day's
// backup is made (as after joining a team, which opens the new database
// with the page in view): the list of backups shows it, not "Nog geen
// reservekopieën".
func TestDailyBackupShowsInTheList(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	before := len(sc.backups.items)
	path, err := backup.MakeDaily(s, clock())
	if err != nil || path == "" {
		t.Fatalf("no daily backup made: %q, %v", path, err)
	}
	m.dailyBackupMade(path)
	if len(sc.backups.items) != before+1 || !sc.backups.empty.Hidden {
		t.Fatalf("the list shows %d backups (empty line hidden: %v), want %d", len(sc.backups.items), sc.backups.empty.Hidden, before+1)
	}
	if !strings.Contains(m.status.Text, path) {
		t.Errorf("the status line does not name the backup: %q", m.status.Text)
	}
}
