package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// trailFuzzColumns are the columns FuzzRecordsAgainstTrail changes.
var trailFuzzColumns = []struct{ table, column string }{
	{"bereik", "waarde"}, {"bereik", "notitie"}, {"bereik", "status"}, {"bereik", "periode"},
	{"interventies", "doel"}, {"interventies", "uitvoerder"}, {"instellingen", "waarde"},
}

// FuzzRecordsAgainstTrail changes one field of one record outside the
// program, without a trail row, to an arbitrary value: check must then
// report a problem exactly when the stored value changed.
func FuzzRecordsAgainstTrail(f *testing.F) {
	base := filepath.Join(f.TempDir(), "basis.db")
	s, err := Open(base, Options{Create: true, User: "tester"})
	if err != nil {
		f.Fatal(err)
	}
	writeEveryWay(f, s)
	s.Close()
	body, err := os.ReadFile(base)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(0), uint8(0), "120")
	f.Add(uint8(1), uint8(3), "import ë€ \"x\"")
	f.Add(uint8(2), uint8(1), "definitief")
	f.Add(uint8(6), uint8(0), "waarde")
	f.Fuzz(func(t *testing.T, which, row uint8, value string) {
		col := trailFuzzColumns[int(which)%len(trailFuzzColumns)]
		if col.column == "waarde" && col.table == "bereik" {
			if _, err := strconv.ParseFloat(value, 64); err != nil {
				return
			}
		}
		path := filepath.Join(t.TempDir(), "kopie.db")
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		db, err := openGorm(FileURI(path, ""))
		if err != nil {
			t.Fatal(err)
		}
		key := "id"
		if col.table == "instellingen" {
			key = "sleutel"
		}
		var keys []string
		db.Raw(fmt.Sprintf("SELECT CAST(%s AS TEXT) FROM %s ORDER BY %s", key, col.table, key)).Scan(&keys)
		target := keys[int(row)%len(keys)]
		read := func() string {
			var v []string
			db.Raw(fmt.Sprintf("SELECT CAST(%s AS TEXT) FROM %s WHERE CAST(%s AS TEXT) = ?", col.column, col.table, key), target).Scan(&v)
			return strings.Join(v, "")
		}
		before := read()
		err = db.Exec(fmt.Sprintf("UPDATE %s SET %s = ? WHERE CAST(%s AS TEXT) = ?", col.table, col.column, key), value, target).Error
		after := read()
		db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		sqlDB, _ := db.DB()
		sqlDB.Close()
		if err != nil {
			return // refused by a constraint: nothing changed
		}
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			return // refused before check (a value the program cannot read)
		}
		defer s.Close()
		report, err := s.Check()
		if err != nil {
			t.Fatal(err)
		}
		if changed := after != before; changed == report.OK() {
			t.Fatalf("%s.%s of %s: %q -> %q, check %q", col.table, col.column, target, before, after, report.Problems)
		}
	})
}
