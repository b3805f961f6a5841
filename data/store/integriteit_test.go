package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/domain"
)

// TestBrokenReferencesRefuseWrites (issue 13): a reach figure whose
// intervention was made to point at nothing outside the program is reported
// by check, and the database opens read-only with a Dutch notice that points
// at restore; a change is refused and the file stays as it was.
func TestBrokenReferencesRefuseWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "verwijzing.db")
	s, err := Open(path, Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	i := newIntervention(t, s, "Match")
	b := domain.Bereik{InterventieID: &i.ID, Periode: "2024", Waarde: 55, Eenheid: "jongeren", Status: domain.StatusDefinitief}
	if err := s.RecordBereik(&b); err != nil {
		t.Fatal(err)
	}
	s.Close()
	alterOutside(t, path, "UPDATE bereik SET interventie_id = 999")
	before := bestandtest.Som(t, path)
	s, err = Open(path, Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() || !strings.Contains(s.Notice(), "verwijst naar een ontbrekende rij in interventies") || !strings.Contains(s.Notice(), "reservekopie terug") {
		t.Fatalf("read-only %v, notice %q", s.ReadOnly(), s.Notice())
	}
	err = s.CreateInterventie(&domain.Interventie{Naam: "Nieuw", Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusStructureel})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "restore") {
		t.Fatalf("write on a database with broken references: %v", err)
	}
	report, err := s.Check()
	if err != nil || report.OK() || !strings.Contains(strings.Join(report.Problems, "; "), "ontbrekende rij in interventies") {
		t.Fatalf("check: %q %v", report.Problems, err)
	}
	s.Close()
	if bestandtest.Som(t, path) != before {
		t.Fatal("the database changed")
	}
	// the writer lock is free, so a restore can replace the database
	w, err := ClaimWriter(path)
	if err != nil {
		t.Fatalf("the writer lock is held: %v", err)
	}
	w.Release()
}
