package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
	"jeugdmonitor/data/team/pgtest"
)

// TestSyncAndConflictsInTheWindow: Synchroniseren in the Bestand menu
// fetches a colleague's change, reports the conflict it makes in the status
// line and opens Conflicten, where a button keeps a value.
func TestSyncAndConflictsInTheWindow(t *testing.T) {
	dsn := pgtest.Database(t)
	m, s, _ := newTestMain(t, "")
	srv, err := team.Connect(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := team.Init(s, srv); err != nil {
		t.Fatal(err)
	}
	if err := team.RememberServer(s, dsn); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(filepath.Join(t.TempDir(), "collega.db"), store.Options{Create: true, User: "bram"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetSetting(register.SeededKey, "uit de teamdatabase"); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Join(other, srv, nil); err != nil {
		t.Fatal(err)
	}
	for _, db := range []*store.Store{s, other} {
		all, err := db.Interventies(false)
		if err != nil {
			t.Fatal(err)
		}
		all[0].Werkwijze = "werkwijze van " + db.User()
		if err := db.UpdateInterventie(&all[0]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := team.Sync(other, srv, nil); err != nil {
		t.Fatal(err)
	}

	m.onSync()
	if got := m.status.Text; !strings.Contains(got, "Gesynchroniseerd") || !strings.Contains(got, "1 nieuwe conflicten") {
		t.Fatalf("statusregel na synchroniseren: %q", got)
	}
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil || len(list) != 1 {
		t.Fatalf("open conflicten: %+v, %v", list, err)
	}
	if got := list[0].Omschrijving(); !strings.Contains(got, "werkwijze van tester") || !strings.Contains(got, "werkwijze van bram") {
		t.Fatalf("conflict toont niet beide waarden: %s", got)
	}
	test.Tap(v.buttons[list[0].ID][0]) // keep bram's, which reached the team first
	if list, _ := team.OpenConflicten(s); len(list) != 0 {
		t.Fatalf("na de keuze nog open: %+v", list)
	}
	all, _ := s.Interventies(false)
	if all[0].Werkwijze != "werkwijze van bram" {
		t.Fatalf("werkwijze na de keuze: %q", all[0].Werkwijze)
	}
}

// TestSyncWithoutTeamExplains: a database that is not in a team gets an
// explanation, not an error.
func TestSyncWithoutTeamExplains(t *testing.T) {
	m, _, w := newTestMain(t, "")
	m.onSync()
	if m.status.Text != "" {
		t.Fatalf("statusregel: %q", m.status.Text)
	}
	var shown []string
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
	})
	if !strings.Contains(strings.Join(shown, " "), "hoort niet bij een team") {
		t.Fatalf("geen uitleg getoond: %q", shown)
	}
}
