package store

import (
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/domain"
)

// TestCheckFindsRecordsThatDisagreeWithTheTrail (issue 13): check plays the
// audit trail back and names the first record it does not give: a figure
// changed outside the program without a trail row, a trail cut short at its
// end (which the chain cannot see), a record removed outside. Every way of
// writing (forms, bulk imports that replace and add, settings, a removed
// intervention, an ended target) agrees with its trail; check changes
// nothing.
func TestCheckFindsRecordsThatDisagreeWithTheTrail(t *testing.T) {
	cases := []struct {
		name, want string
		tamper     func(t *testing.T, s *Store)
	}{
		{"cijfer buiten het programma veranderd", `bereik nummer 1, veld waarde, is "120", maar volgens het wijzigingenlogboek "55"`,
			func(t *testing.T, s *Store) {
				path := s.Path()
				s.Close()
				alterOutside(t, path, "UPDATE bereik SET waarde = 120 WHERE id = 1")
			}},
		{"logboek aan het eind ingekort", "de gegevens kloppen niet met het wijzigingenlogboek: ",
			func(t *testing.T, s *Store) {
				tamperOutside(t, s, "DELETE FROM wijzigingen WHERE id > (SELECT max(id) - 3 FROM wijzigingen)")
			}},
		{"regel buiten het programma verwijderd", "staat in het wijzigingenlogboek, maar niet in de gegevens",
			func(t *testing.T, s *Store) {
				path := s.Path()
				s.Close()
				alterOutside(t, path, "DELETE FROM bereik WHERE id = (SELECT max(id) FROM bereik)")
			}},
		{"instelling buiten het programma veranderd", `instellingen, veld sleutel, is "anders", maar volgens het wijzigingenlogboek "waarde"`,
			func(t *testing.T, s *Store) {
				path := s.Path()
				s.Close()
				alterOutside(t, path, "UPDATE instellingen SET waarde = 'anders' WHERE sleutel = 'sleutel'")
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "logboek.db")
			s, err := Open(path, Options{Create: true, User: "tester"})
			if err != nil {
				t.Fatal(err)
			}
			writeEveryWay(t, s)
			endATarget(t, s)
			if report, err := s.Check(); err != nil || !report.OK() {
				t.Fatalf("check before tampering: %q %v", report.Problems, err)
			}
			c.tamper(t, s)
			before := bestandtest.Som(t, path)
			s, err = Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			report, err := s.Check()
			if err != nil || len(report.Problems) != 1 || !strings.Contains(report.Problems[0], c.want) {
				t.Fatalf("check: %q %v, want %q", report.Problems, err, c.want)
			}
			s.Close()
			if bestandtest.Som(t, path) != before {
				t.Fatal("the check changed the file")
			}
		})
	}
}

// endATarget adds a target and ends it, so its last year and reason are in
// the records and the trail.
func endATarget(t *testing.T, s *Store) {
	t.Helper()
	i, err := s.InterventieByNaam("Match")
	if err != nil {
		t.Fatal(err)
	}
	d := domain.Doelstelling{Omschrijving: "bereik", Periode: "jaarlijks", Soort: domain.SoortMinimaal, Waarde: 50,
		Eenheid: "jongeren", InterventieIDs: []uint{i.ID}}
	if err := s.CreateDoelstelling(&d); err != nil {
		t.Fatal(err)
	}
	if err := s.EndDoelstelling(d.ID, 2025, "afgerond"); err != nil {
		t.Fatal(err)
	}
}
