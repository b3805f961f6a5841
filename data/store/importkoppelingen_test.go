package store

import (
	"strings"
	"testing"
)

func TestImportkoppelingRemembered(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.Importkoppeling("travers", "bereik"); ok || err != nil {
		t.Fatalf("new database has a mapping: %v %v", ok, err)
	}
	for _, kolom := range []string{"Aantal", "Bereikt aantal"} {
		err := s.Update(func(tx *Tx) error {
			return tx.SaveImportkoppeling("travers", "bereik", map[string]string{"interventie": "Activiteit", "waarde": kolom})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	k, ok, err := s.Importkoppeling("travers", "bereik")
	if err != nil || !ok || k["waarde"] != "Bereikt aantal" || k["interventie"] != "Activiteit" {
		t.Fatalf("mapping %v %v %v", k, ok, err)
	}
	rows, err := s.Wijzigingen(WijzigingFilter{Entiteit: "importkoppelingen"})
	if err != nil || len(rows) < 3 {
		t.Fatalf("audit rows %v %v", rows, err)
	}
	for _, r := range rows {
		if r.Veld == "koppeling" && !strings.HasPrefix(r.NieuweWaarde, `{"interventie":"Activiteit","waarde":`) {
			t.Errorf("mapping in the audit trail as %q, want JSON", r.NieuweWaarde)
		}
	}
	if err := s.Update(func(tx *Tx) error { return tx.SaveImportkoppeling(" ", "bereik", nil) }); err == nil {
		t.Fatal("mapping without a source name accepted")
	}
}
