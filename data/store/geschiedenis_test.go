package store

import (
	"strings"
	"testing"

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
// a change in the trail, under the old name; an empty name is refused.
func TestRenameUserIsRecorded(t *testing.T) {
	s := openTemp(t)
	if err := s.RenameUser("  "); err == nil || !strings.Contains(err.Error(), "naam") {
		t.Fatalf("empty name: %v", err)
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
	if err := verifyChain(s.db); err != nil {
		t.Fatal(err)
	}
}
