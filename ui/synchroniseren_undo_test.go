package ui

import (
	"context"
	"strings"
	"testing"

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
