package store

import (
	"testing"

	"jeugdmonitor/data/domain"
)

// TestUndoRemovesTheMeasureTheSaveAdded records a figure in a unit the
// intervention never counted in (which adds a measure), and undoes it: the
// figure and the measure go, and the trail records both removals.
func TestUndoRemovesTheMeasureTheSaveAdded(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Ambulant jongerenwerk")
	_, u, err := s.RecordBereikInvoerUndoable(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "3.612", Eenheid: "jongeren"})
	if err != nil {
		t.Fatal(err)
	}
	if u.NewMaat == nil || u.NewMaat.Eenheid != "jongeren" {
		t.Fatalf("the save did not report the measure it added: %+v", u.NewMaat)
	}
	if err := s.UndoBereik(u); err != nil {
		t.Fatal(err)
	}
	if maten, _ := s.Maten(in.ID); len(maten) != 0 {
		t.Fatalf("measures after undo: %+v", maten)
	}
	if reach, _ := s.BereikVan(in.ID); len(reach) != 0 {
		t.Fatalf("reach after undo: %+v", reach)
	}
	rows := auditRows(t, s, "maten", u.NewMaat.ID) // newest first
	if len(rows) == 0 || rows[0].Actie != domain.ActieVerwijderd {
		t.Fatalf("the trail does not record the measure's removal: %+v", rows)
	}
}

// TestUndoKeepsAMeasureInUse undoes a figure whose new measure another
// figure counts in by then (another period), and a figure in a measure that
// existed before the save: both measures stay.
func TestUndoKeepsAMeasureInUse(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Ambulant jongerenwerk")
	_, first, err := s.RecordBereikInvoerUndoable(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "3.612", Eenheid: "jongeren"})
	if err != nil {
		t.Fatal(err)
	}
	_, second, err := s.RecordBereikInvoerUndoable(BereikInvoer{Interventie: in.Naam, Periode: "2025", Waarde: "3.700", Eenheid: "jongeren"})
	if err != nil {
		t.Fatal(err)
	}
	if second.NewMaat != nil {
		t.Fatalf("a save in an existing measure reports a new one: %+v", second.NewMaat)
	}
	if err := s.UndoBereik(first); err != nil {
		t.Fatal(err)
	}
	if maten, _ := s.Maten(in.ID); len(maten) != 1 {
		t.Fatalf("the measure of the 2025 figure went with the 2024 one: %+v", maten)
	}
	if err := s.UndoBereik(second); err != nil {
		t.Fatal(err)
	}
	if maten, _ := s.Maten(in.ID); len(maten) != 1 {
		t.Fatalf("undoing a figure removed a measure it did not add: %+v", maten)
	}
}
