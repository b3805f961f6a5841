package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// TestSyncEndsTheUndoOfASave saves a figure in Bereik invoeren and
// synchronises while a colleague's figure of the same intervention comes
// in: the form no longer offers to take the save back (its message, its
// button and Ctrl+Z), the figure stays as saved, and the history shows the
// colleague's figure.
func TestSyncEndsTheUndoOfASave(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	other := colleague(t, s, srv, dsn)

	sc := m.navigate(pageBereik).(*bereikScreen)
	f := sc.form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "70")
	typeInto(w, f.bron, "telling")
	f.onSave()
	if !strings.Contains(f.message.Text, "Ctrl+Z maakt dit ongedaan") || f.undoButton.Disabled() {
		t.Fatalf("na opslaan: melding %q, knop uit: %v", f.message.Text, f.undoButton.Disabled())
	}

	if _, err := other.RecordBereikInvoer(store.BereikInvoer{Interventie: "Jongerencentra", Periode: "2023", Waarde: "55",
		Bron: "collega", Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if !strings.Contains(m.status.Text, "Gesynchroniseerd") {
		t.Fatalf("statusregel na synchroniseren: %q", m.status.Text)
	}
	if m.screens[pageBereik] != sc {
		t.Fatal("Bereik invoeren werd opnieuw gebouwd")
	}
	if strings.Contains(f.message.Text, "Ctrl+Z") || !f.undoButton.Disabled() || len(f.undos) != 0 {
		t.Fatalf("na synchroniseren biedt het formulier nog ongedaan maken aan: melding %q, knop uit: %v, %d opslagen",
			f.message.Text, f.undoButton.Disabled(), len(f.undos))
	}
	if !strings.Contains(f.historyTexts(), "55 deelnemers") {
		t.Fatalf("de geschiedenis toont het cijfer van de collega niet: %s", f.historyTexts())
	}

	m.undoKey() // Ctrl+Z with the cursor in the intervention
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Ctrl+Z na synchroniseren toont een melding: %q", overlayText(w))
	}
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 70 {
		t.Fatalf("na Ctrl+Z is het bereik %+v, verwacht 70", b)
	}
}

// TestReloadEndsTheUndoOfASave: an import, a CBS update and a settled
// conflict read every page again (Main.reload, which the import wizard and
// the CBS dialog call when done); after it Bereik invoeren no longer offers
// to take back a save made before, as after a synchronisation.
func TestReloadEndsTheUndoOfASave(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "70")
	m.save()
	if f.undoButton.Disabled() || len(f.undos) != 1 {
		t.Fatalf("after saving: button off %v, %d saves", f.undoButton.Disabled(), len(f.undos))
	}
	m.reload()
	if strings.Contains(f.message.Text, "Ctrl+Z") || !f.undoButton.Disabled() || len(f.undos) != 0 {
		t.Fatalf("after reading again the form still offers undo: %q, button off %v, %d saves",
			f.message.Text, f.undoButton.Disabled(), len(f.undos))
	}
}

// TestSettledConflictEndsTheUndoOfASave saves a figure in Bereik invoeren
// and then keeps a value in Conflicten: the form no longer offers to take
// the save back.
func TestSettledConflictEndsTheUndoOfASave(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	other := colleague(t, s, srv, dsn)
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
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "70")
	m.save()
	if f.undoButton.Disabled() {
		t.Fatal("after saving the form offers no undo")
	}
	v := m.showConflicts()
	list, err := team.OpenConflicten(s)
	if err != nil || len(list) != 1 {
		t.Fatalf("open conflicten: %+v, %v", list, err)
	}
	test.Tap(v.buttons[list[0].ID][0])
	if strings.Contains(f.message.Text, "Ctrl+Z") || !f.undoButton.Disabled() || len(f.undos) != 0 {
		t.Fatalf("after the choice the form still offers undo: %q, button off %v", f.message.Text, f.undoButton.Disabled())
	}
}
