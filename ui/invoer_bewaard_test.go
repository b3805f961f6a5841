package ui

import (
	"context"
	"strings"
	"testing"

	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// TestSyncKeepsUnsavedReach types a figure in both tabs of Bereik invoeren
// without saving, while a colleague changes the stored figure it would
// replace, and synchronises: the typed input, the chosen tab and the cell
// with the cursor stay, and both tabs show that the stored figure changed.
func TestSyncKeepsUnsavedReach(t *testing.T) {
	m, s, w, srv, dsn := newTeamTestMain(t)
	jongerencentra2024(t, s, "50")
	other := colleague(t, s, srv, dsn)

	sc := m.navigate(pageBereik).(*bereikScreen)
	f := sc.form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "70")
	typeInto(w, f.maat, "deelnemers")
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	typeInto(w, g.periode, "2024")
	row := bulkRowOf(t, g, "Jongerencentra", "deelnemers")
	typeInto(w, row.waarde, "70")
	typeInto(w, row.notitie, "getypt")

	jongerencentra2024(t, other, "65")
	if _, err := team.Sync(context.Background(), other, srv, nil); err != nil {
		t.Fatal(err)
	}
	m.onSync()
	if !strings.Contains(m.status.Text, "Gesynchroniseerd") {
		t.Fatalf("statusregel na synchroniseren: %q", m.status.Text)
	}

	if m.screens[pageBereik] != sc || sc.tabs.SelectedIndex() != 1 {
		t.Fatalf("het venster bouwde Bereik invoeren opnieuw of koos een ander tabblad (%d)", sc.tabs.SelectedIndex())
	}
	for _, c := range []struct{ got, want string }{{f.interventie.Text, "Jongerencentra"}, {f.periode.Text, "2024"},
		{f.waarde.Text, "70"}, {f.maat.Text, "deelnemers"}} {
		if c.got != c.want {
			t.Errorf("formulier na synchroniseren: %q, verwacht %q", c.got, c.want)
		}
	}
	if !f.changed.Visible() || !strings.Contains(f.changed.Text, "was 50") || !strings.Contains(f.changed.Text, "nu 65") {
		t.Errorf("het formulier zegt niet dat het opgeslagen cijfer veranderde: %q", f.changed.Text)
	}
	row = bulkRowOf(t, g, "Jongerencentra", "deelnemers")
	if row.waarde.Text != "70" || row.notitie.Text != "getypt" || g.periode.Text != "2024" {
		t.Fatalf("tabel na synchroniseren: bereik %q, notitie %q, periode %q", row.waarde.Text, row.notitie.Text, g.periode.Text)
	}
	if !strings.HasPrefix(row.current.Text, "65") || !strings.Contains(row.current.Text, "(was 50)") ||
		!strings.Contains(g.message.Text, "u typte 70") {
		t.Errorf("de tabel zegt niet dat het opgeslagen cijfer veranderde: Nu %q, melding %q", row.current.Text, g.message.Text)
	}
	if w.Canvas().Focused() != row.notitie {
		t.Errorf("de cursor staat niet meer in de notitie die werd getypt: %#v", w.Canvas().Focused())
	}
	if !m.dirty() {
		t.Error("de bewaarde invoer telt niet meer als niet opgeslagen")
	}

	m.save()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 70 {
		t.Fatalf("na opslaan is het bereik %+v, verwacht 70", b)
	}
	if row.was != "" || strings.Contains(row.current.Text, "was") {
		t.Errorf("na opslaan staat er nog dat het cijfer veranderde: %q", row.current.Text)
	}
}

// bulkRowOf is the grid's row of an intervention's measure.
func bulkRowOf(t *testing.T, g *bulkGrid, naam, maat string) *bulkRow {
	t.Helper()
	for _, r := range g.rows {
		if r.item.Naam == naam && r.maat.Text == maat {
			return r
		}
	}
	t.Fatalf("geen rij voor %s, %s", naam, maat)
	return nil
}

// TestReloadKeepsACorrectionOfAFigure starts correcting a measurement on
// the Cijfers page; an import (reload) changes the same measurement and
// adds nothing: the typed correction and the chosen indicator stay, and the
// page says the stored value changed. Esc then asks before throwing the
// correction away.
func TestReloadKeepsACorrectionOfAFigure(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageCijfers).(*cijfersScreen)
	for k := range sc.indicators {
		if len(sc.metingen) > 0 {
			break
		}
		sc.list.Select(k)
	}
	if sc.chosen < 0 || len(sc.metingen) == 0 {
		t.Fatal("geen indicator met metingen gekozen")
	}
	ind, meting := sc.indicators[sc.chosen], sc.metingen[0]
	sc.onEdit(meting)
	if sc.dirty() {
		t.Fatal("een gekozen meting telt als niet opgeslagen invoer")
	}
	sc.waarde.SetText("")
	typeInto(w, sc.waarde, "123")
	if !sc.dirty() {
		t.Fatal("een getypte correctie telt niet als niet opgeslagen invoer")
	}
	changed := "1"
	if meting.Waarde == 1 {
		changed = "2"
	}
	if _, err := s.RecordMetingInvoer(store.MetingInvoer{IndicatorID: ind.ID, Periode: meting.Periode, Waarde: changed,
		Status: string(meting.Status), BronDocument: "import", BronSectie: "test"}); err != nil {
		t.Fatal(err)
	}
	m.reload()
	if m.screens[pageCijfers] != sc || sc.indicators[sc.chosen].ID != ind.ID {
		t.Fatal("na het herladen is de pagina nieuw of een andere indicator gekozen")
	}
	if sc.waarde.Text != "123" || sc.selected == nil || sc.selected.ID != meting.ID {
		t.Fatalf("na het herladen: waarde %q, gekozen meting %+v", sc.waarde.Text, sc.selected)
	}
	if !strings.Contains(sc.message.Text, "nu "+changed+";") {
		t.Errorf("de pagina zegt niet dat de meting veranderde: %q", sc.message.Text)
	}
	m.cancel()
	if len(w.Canvas().Overlays().List()) == 0 || sc.waarde.Text != "123" {
		t.Fatal("Esc gooide de correctie weg zonder te vragen")
	}
}

// TestReloadRebuildsPagesWithoutInput: a page without typed input is still
// built anew by a reload, as before.
func TestReloadRebuildsPagesWithoutInput(t *testing.T) {
	m, _, _ := newTestMain(t, t.TempDir())
	before := m.navigate(pageInterventies)
	m.reload()
	if m.screens[pageInterventies] == before || m.currentScreen() == nil {
		t.Fatal("de registerpagina werd niet opnieuw gebouwd")
	}
}

// jongerencentra2024 enters waarde deelnemers of Jongerencentra for 2024 on db.
func jongerencentra2024(t *testing.T, db *store.Store, waarde string) {
	t.Helper()
	if _, err := db.RecordBereikInvoer(store.BereikInvoer{Interventie: "Jongerencentra", Periode: "2024", Waarde: waarde,
		Bron: "test", Maat: "deelnemers", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
}
