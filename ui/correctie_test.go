package ui

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// fill types values into the fields of a record form.
func fill(t *testing.T, f *recordForm, values map[string]string) {
	t.Helper()
	// in a fixed order, bron before bronvermelding: a new source empties a
	// vindplaats the user did not type, so map order made the test flaky
	for _, k := range slices.Sorted(maps.Keys(values)) {
		v := values[k]
		e, ok := f.entries[k]
		if !ok {
			t.Fatalf("form has no field %q", k)
		}
		e.SetText(v)
	}
}

// TestSavingAddedInTheWindow: "Besparing toevoegen" opens a form; a saving
// without a source is refused at the field and stores nothing; with one it
// is stored, shown on the page and read in Wijzigingen as a sentence.
func TestSavingAddedInTheWindow(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBesparingen).(*besparingenScreen)
	before := len(sc.overzicht.Regels)
	test.Tap(sc.add)
	f := sc.form
	fill(t, f, map[string]string{"periode": "2024", "rapportage": "Jaarrekening 2024", "omschrijving": "Minder verwijzingen",
		"bedrag": "€ 125.000"})
	test.Tap(f.save)
	if msg := f.fields.message("bron"); !strings.Contains(msg, "vul de bron in") {
		t.Fatalf("no message at the source: %q", msg)
	}
	if all, _ := s.Besparingen(); len(all) != before {
		t.Fatal("a refused saving was stored")
	}
	fill(t, f, map[string]string{"bron": "Jaarrekening 2024", "bronvermelding": "p. 12"})
	test.Tap(f.save)
	if len(sc.overzicht.Regels) != before+1 || len(sc.rows) != before+1 {
		t.Fatalf("page shows %d savings, want %d", len(sc.overzicht.Regels), before+1)
	}
	last := sc.overzicht.Regels[len(sc.overzicht.Regels)-1]
	if last.Periode != "2024" || last.BedragCent != 12_500_000 || last.Bron.String() != "Jaarrekening 2024, p. 12" {
		t.Fatalf("stored %+v", last)
	}
	h := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	if got := h.changes[0].Regel(); !strings.HasPrefix(got, "Besparing 2024, Minder verwijzingen: besparing toegevoegd, bedrag € 125.000 (") {
		t.Fatalf("history: %q", got)
	}

	sc = m.navigate(pageBesparingen).(*besparingenScreen)
	test.Tap(sc.rows[len(sc.rows)-1].edit)
	fill(t, sc.form, map[string]string{"bedrag": "130.000", "bron": "Jaarrekening 2024, herzien"})
	test.Tap(sc.form.save)
	if got := sc.overzicht.Regels[len(sc.overzicht.Regels)-1].BedragCent; got != 13_000_000 {
		t.Fatalf("corrected amount %d", got)
	}
}

// TestBudgetLineCorrectedInTheWindow: the pencil of a budget line opens it
// in a form; a bad amount is refused at its field, a good one stored and
// shown.
func TestBudgetLineCorrectedInTheWindow(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBegroting).(*begrotingScreen)
	var goal int
	for k, d := range sc.doelen {
		if len(d.regels) > 0 {
			goal = k
			break
		}
	}
	sc.list.Select(goal)
	if len(sc.lines) == 0 {
		t.Fatal("no budget lines with buttons")
	}
	r := sc.doelen[goal].regels[0]
	test.Tap(sc.lines[0].edit)
	if sc.form.text("bedrag") != strings.TrimSpace(sc.form.text("bedrag")) || sc.form.text("jaar") == "" {
		t.Fatalf("form not filled: %q %q", sc.form.text("jaar"), sc.form.text("bedrag"))
	}
	fill(t, sc.form, map[string]string{"bedrag": "12,345", "bron": "Jaarrekening 2023"})
	test.Tap(sc.form.save)
	if msg := sc.form.fields.message("bedrag"); msg == "" {
		t.Fatal("no message at a bad amount")
	}
	fill(t, sc.form, map[string]string{"bedrag": "€ 1.234.567", "bronvermelding": "correctie na wijziging"})
	test.Tap(sc.form.save)
	lines, _ := s.Begrotingsregels(r.BegrotingsdoelID)
	if lines[0].ID != r.ID || lines[0].BedragCent != 123_456_700 || lines[0].Bron.Sectie != "correctie na wijziging" {
		t.Fatalf("line %+v", lines[0])
	}
	if sc.doelen[sc.chosen].regels[0].BedragCent != 123_456_700 {
		t.Fatal("page does not show the corrected line")
	}
}

// TestChangedFigureNeedsItsSource: a corrected amount under the source it
// had is refused at the source field and nothing is stored, since the new
// number would be credited to a document that does not say it; the same
// amount written otherwise, or a changed text with the old source, saves.
func TestChangedFigureNeedsItsSource(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBegroting).(*begrotingScreen)
	for k, d := range sc.doelen {
		if len(d.regels) > 0 {
			sc.list.Select(k)
			break
		}
	}
	r := sc.doelen[sc.chosen].regels[0]
	test.Tap(sc.lines[0].edit)
	fill(t, sc.form, map[string]string{"bedrag": dutchnum.FormatEuro(r.BedragCent + 500_000)})
	test.Tap(sc.form.save)
	if msg := sc.form.fields.message("bron"); !strings.Contains(msg, "het cijfer is veranderd, de bron niet") {
		t.Fatalf("message at the source: %q", msg)
	}
	if lines, _ := s.Begrotingsregels(r.BegrotingsdoelID); lines[0].BedragCent != r.BedragCent {
		t.Fatalf("stored %d under the old source", lines[0].BedragCent)
	}
	fill(t, sc.form, map[string]string{"bedrag": strings.NewReplacer("€", "", ".", "", " ", "").Replace(dutchnum.FormatEuro(r.BedragCent)),
		"omschrijving": "toelichting aangevuld"})
	test.Tap(sc.form.save)
	lines, _ := s.Begrotingsregels(r.BegrotingsdoelID)
	if msg := sc.form.fields.message("bron"); msg != "" || lines[0].Omschrijving != "toelichting aangevuld" || lines[0].BedragCent != r.BedragCent {
		t.Fatalf("same amount retyped: message %q, stored %+v", msg, lines[0])
	}
}

// TestPoliceFigureMeasuredInTheWindow: the + of a police indicator adds a
// measurement for a new year, which the page then shows.
func TestPoliceFigureMeasuredInTheWindow(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pagePreventie).(*preventieScreen)
	if len(sc.measure) == 0 {
		t.Fatal("no police indicators")
	}
	ind := sc.data.indicators[0]
	test.Tap(sc.measure[0])
	fill(t, sc.form, map[string]string{"periode": "2024", "waarde": "500,5", "vergelijkingswaarde": "440", "bron": "Politie, data.politie.nl"})
	test.Tap(sc.form.save)
	if msg := sc.form.fields.message("periode") + sc.form.fields.general.Text; msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	if got := sc.data.latest[ind.ID]; got.Periode != "2024" || got.Waarde != 500.5 {
		t.Fatalf("latest shown %+v", got)
	}
	rows, _ := s.Wijzigingen(store.WijzigingFilter{Entiteit: "metingen"})
	if len(rows) == 0 || rows[0].Actie != domain.ActieToegevoegd {
		t.Fatal("measurement not audited")
	}
}

// TestRenameInSettingsIsInTheHistory: a new name typed in Instellingen is
// used from then on and the change of name is the newest line of the history.
func TestRenameInSettingsIsInTheHistory(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	old := s.User()
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	sc.naam.SetText("Jan de Vries")
	test.Tap(sc.naamButton)
	if s.User() != "Jan de Vries" {
		t.Fatalf("user %q", s.User())
	}
	h := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	want := "Gebruikersnaam: naam " + old + " ⟶ Jan de Vries (" + old + ", "
	if len(h.changes) == 0 || !strings.HasPrefix(h.changes[0].Regel(), want) {
		t.Fatalf("newest change %q, want it to start with %q", h.changes[0].Regel(), want)
	}
	h.gebruiker.SetSelected(old)
	for _, c := range h.changes {
		if c.Gebruiker != old {
			t.Fatalf("user filter kept %q", c.Regel())
		}
	}
}

// TestNewSourceEmptiesTheOldPlace corrects a budget line: typing another
// source empties the place of the old one (which would otherwise be cited
// with the new document), the old source brings it back, and a place the
// user typed stays.
func TestNewSourceEmptiesTheOldPlace(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBegroting).(*begrotingScreen)
	for k, d := range sc.doelen {
		if len(d.regels) > 0 {
			sc.list.Select(k)
			break
		}
	}
	test.Tap(sc.lines[0].edit)
	f := sc.form
	oldSource, oldPlace := f.text("bron"), f.text("bronvermelding")
	if oldPlace == "" {
		t.Fatal("the budget line has no place in its source; the test needs one")
	}
	w.Canvas().Focus(f.entries["bron"])
	f.entries["bron"].TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f.entries["bron"], "Jaarrekening 2025")
	if got := f.text("bronvermelding"); got != "" {
		t.Fatalf("under the new source the place is still %q", got)
	}
	f.entries["bron"].SetText(oldSource)
	if got := f.text("bronvermelding"); got != oldPlace {
		t.Fatalf("back under the old source the place is %q, want %q", got, oldPlace)
	}
	typeInto(w, f.entries["bronvermelding"], ", tabel 4")
	f.entries["bron"].SetText("Jaarrekening 2025")
	if got := f.text("bronvermelding"); !strings.Contains(got, ", tabel 4") {
		t.Fatalf("the typed place became %q", got)
	}
}
