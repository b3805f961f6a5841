package store

import (
	"testing"

	"jeugdmonitor/data/domain"
)

// TestSaveTekstCorrectsWordsWithTheirSource corrects a budget goal's
// description: without a name or a source nothing is stored and each
// problem is at its field; with them the change is stored and audited.
func TestSaveTekstCorrectsWordsWithTheirSource(t *testing.T) {
	s := openTemp(t)
	goal := domain.Begrotingsdoel{Code: "1.3", Naam: "Jeugd", Begrotingsjaar: 2024}
	if err := s.Update(func(tx *Tx) error { return tx.insert(&goal) }); err != nil {
		t.Fatal(err)
	}
	before := len(auditRows(t, s, "begrotingsdoelen", goal.ID))
	_, err := s.SaveBegrotingsdoelTekst(goal.ID, TekstInvoer{Naam: " ", Tekst: "Nieuw"})
	if fieldMessage(err, "naam") == "" || fieldMessage(err, "bron") == "" {
		t.Fatalf("empty name and source: %v", err)
	}
	if n := len(auditRows(t, s, "begrotingsdoelen", goal.ID)); n != before {
		t.Fatalf("a refused correction left %d audit rows", n-before)
	}
	saved, err := s.SaveBegrotingsdoelTekst(goal.ID, TekstInvoer{Naam: "Jeugd en onderwijs", Tekst: "Alle jeugdigen doen mee.",
		BronDocument: "Begroting 2025", BronSectie: "programma 3"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Naam != "Jeugd en onderwijs" || saved.Code != "1.3" || saved.Bron.Document != "Begroting 2025" {
		t.Fatalf("saved %+v", saved)
	}
	changed := map[string]string{}
	for _, w := range auditRows(t, s, "begrotingsdoelen", goal.ID) {
		if w.Actie == domain.ActieGewijzigd {
			changed[w.Veld] = w.OudeWaarde + " > " + w.NieuweWaarde
		}
	}
	if changed["naam"] != "Jeugd > Jeugd en onderwijs" || changed["bron_document"] != " > Begroting 2025" {
		t.Fatalf("audit rows of the correction: %v", changed)
	}
	if _, err := s.SaveBeleidstekst(9999, TekstInvoer{Naam: "x", BronDocument: "y"}); err == nil {
		t.Fatal("a correction of a text that does not exist was accepted")
	}
}
