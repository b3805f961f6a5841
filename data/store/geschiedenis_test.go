package store

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// TestGeschiedenisReadsSavesAsSentences: a reach figure entered and then
// corrected in the store reads as two sentences naming the intervention;
// the intervention filter keeps them and drops another intervention's.
func TestGeschiedenisReadsSavesAsSentences(t *testing.T) {
	s := openTemp(t)
	s.SetUser("Jan de Vries")
	aj := newIntervention(t, s, "Ambulant jongerenwerk")
	other := newIntervention(t, s, "Match")
	in := BereikInvoer{Interventie: aj.Naam, Periode: "2024", Waarde: "3.612", Eenheid: "jongeren"}
	if _, err := s.RecordBereikInvoer(in); err != nil {
		t.Fatal(err)
	}
	in.Waarde = "3.700"
	if _, err := s.RecordBereikInvoer(in); err != nil {
		t.Fatal(err)
	}
	all, err := s.Geschiedenis(GeschiedenisFilter{InterventieID: aj.ID})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, w := range all {
		lines = append(lines, w.Regel())
		if w.InterventieID != aj.ID {
			t.Errorf("filter kept %q", w.Regel())
		}
	}
	text := strings.Join(lines, "\n")
	want := "Ambulant jongerenwerk, 2024, jongeren: bereik 3.612 ⟶ 3.700 (Jan de Vries, " + FormatDatumTijd(fixedNow) + ")"
	if len(all) == 0 || all[0].Regel() != want {
		t.Fatalf("newest change is not the correction:\n%s\nwant first %q", text, want)
	}
	if !strings.Contains(text, "bereik toegevoegd, bereik 3.612") || !strings.Contains(text, "interventie toegevoegd") {
		t.Fatalf("history lacks the first entry or the intervention:\n%s", text)
	}
	if strings.Contains(text, other.Naam) {
		t.Fatalf("history of one intervention shows another:\n%s", text)
	}
}

// TestRenameUserIsRecorded: changing the name the trail records is itself
// a change in the trail, under the old name; an empty name is refused, and
// one longer than the team takes.
func TestRenameUserIsRecorded(t *testing.T) {
	s := openTemp(t)
	if err := s.RenameUser("  "); err == nil || !strings.Contains(err.Error(), "naam") {
		t.Fatalf("empty name: %v", err)
	}
	if err := s.RenameUser(strings.Repeat("é", domain.MaxGebruikersnaam+1)); err == nil || !strings.Contains(err.Error(), "hoogstens 200 tekens") {
		t.Fatalf("long name: %v", err)
	}
	if err := s.RenameUser("Jan de Vries"); err != nil {
		t.Fatal(err)
	}
	if s.User() != "Jan de Vries" {
		t.Fatalf("user %q", s.User())
	}
	rows := auditRows(t, s, geschiedenis.Gebruikersnaam, 0)
	if len(rows) != 1 || rows[0].Gebruiker != "tester" || rows[0].OudeWaarde != "tester" ||
		rows[0].NieuweWaarde != "Jan de Vries" || rows[0].Actie != domain.ActieGewijzigd {
		t.Fatalf("rename rows %+v", rows)
	}
	if err := s.RenameUser("Jan de Vries"); err != nil || len(auditRows(t, s, geschiedenis.Gebruikersnaam, 0)) != 1 {
		t.Fatalf("renaming to the same name recorded again: %v", err)
	}
	if err := s.RenameUser(strings.Repeat("é", domain.MaxGebruikersnaam)); err != nil {
		t.Fatalf("name of %d characters: %v", domain.MaxGebruikersnaam, err)
	}
	// a name from elsewhere (the window's preferences, the system) that
	// RenameUser refuses is passed over
	for _, name := range []string{strings.Repeat("x", domain.MaxGebruikersnaam+1), "rood\x1b[31m", "  "} {
		s.SetUser(name)
		if s.User() != strings.Repeat("é", domain.MaxGebruikersnaam) {
			t.Fatalf("SetUser(%q) made the user %q", name, s.User())
		}
	}
	s.SetUser(" Bram ")
	if s.User() != "Bram" {
		t.Fatalf("SetUser(\" Bram \"): %q", s.User())
	}
	if err := verifyChain(s.db); err != nil {
		t.Fatal(err)
	}
}

// TestGeschiedenisPagina reads a trail of 30 saves 7 changes at a time:
// the pages hold every change once, newest first, none split, and the last
// page says the trail is read to the end. A save of many rows at one
// moment (an import) stays whole on its page.
func TestGeschiedenisPagina(t *testing.T) {
	now := fixedNow
	s, err := Open(filepath.Join(t.TempDir(), "test.db"), Options{Create: true, User: "tester", Now: func() time.Time {
		now = now.Add(time.Minute)
		return now
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	aj := newIntervention(t, s, "Ambulant jongerenwerk")
	for k := range 30 {
		if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: aj.Naam, Periode: "2024", Waarde: strconv.Itoa(1000 + k), Eenheid: "jongeren"}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Geschiedenis(GeschiedenisFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	voor, pages := uint(0), 0
	for {
		page, next, err := s.GeschiedenisPagina(GeschiedenisFilter{}, voor, 7)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, w := range page {
			paged = append(paged, w.Regel())
		}
		if next == 0 {
			break
		}
		if len(page) < 7 || pages > 10 {
			t.Fatalf("page %d holds %d changes and is not the last", pages, len(page))
		}
		voor = next
	}
	var whole []string
	for _, w := range all {
		whole = append(whole, w.Regel())
	}
	if strings.Join(paged, "\n") != strings.Join(whole, "\n") || pages < 3 {
		t.Fatalf("%d pages differ from the whole history:\n%s\n---\n%s", pages, strings.Join(paged, "\n"), strings.Join(whole, "\n"))
	}
	if !strings.Contains(paged[0], "1.028 ⟶ 1.029") {
		t.Fatalf("the first page does not start with the newest change: %q", paged[0])
	}
}

// TestGeschiedenisPaginaKeepsAMomentWhole: rows written at one moment (as
// an import writes them, here every save under a fixed clock) are never
// split over pages, however small the page.
func TestGeschiedenisPaginaKeepsAMomentWhole(t *testing.T) {
	s := openTemp(t)
	aj := newIntervention(t, s, "Ambulant jongerenwerk")
	for k := range 12 {
		if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: aj.Naam, Periode: strconv.Itoa(2010 + k), Waarde: "5", Eenheid: "jongeren"}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Geschiedenis(GeschiedenisFilter{})
	if err != nil {
		t.Fatal(err)
	}
	page, _, err := s.GeschiedenisPagina(GeschiedenisFilter{}, 0, 2)
	if err != nil || len(page) != len(all) || len(all) < 14 {
		t.Fatalf("a page of a moment's %d changes holds %d (%v)", len(all), len(page), err)
	}
}

// TestRemovedInterventionKeepsItsName: after an intervention is removed
// with its figure, the history names the figure (its entry and its
// removal) by the intervention's name as the trail last recorded it, also
// after a rename, never as "interventie nr. N".
func TestRemovedInterventionKeepsItsName(t *testing.T) {
	s := openTemp(t)
	iv := newIntervention(t, s, "Gamma")
	if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: "Gamma", Periode: "2024", Waarde: "65", Eenheid: "deelnemers"}); err != nil {
		t.Fatal(err)
	}
	iv.Naam = "Gamma plus"
	if err := s.UpdateInterventie(&iv); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteInterventie(iv.ID); err != nil {
		t.Fatal(err)
	}
	all, err := s.Geschiedenis(GeschiedenisFilter{})
	if err != nil {
		t.Fatal(err)
	}
	figures := 0
	for _, w := range all {
		line := w.Regel()
		if strings.Contains(line, "nr. ") {
			t.Errorf("a change names a record by number: %q", line)
		}
		if w.Entiteit == "bereik" {
			figures++
			if !strings.HasPrefix(line, "Gamma plus, 2024") {
				t.Errorf("figure of the removed intervention: %q", line)
			}
		}
	}
	if figures != 2 {
		t.Fatalf("%d changes of the figure, want its entry and its removal", figures)
	}
}
