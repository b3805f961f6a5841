package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"jeugdmonitor/data/domain"

	"jeugdmonitor/data/bestand/bestandtest"
)

// writeEveryWay changes the database through every path that writes audit
// rows: single changes, a batch, the import's bulk insert and its replacing
// of figures, settings.
func writeEveryWay(t testing.TB, s *Store) {
	t.Helper()
	i := newIntervention(t, s, "Match")
	i.Doel = "meer jongeren bereiken"
	if err := s.UpdateInterventie(&i); err != nil {
		t.Fatal(err)
	}
	b := domain.Bereik{InterventieID: &i.ID, Periode: "2024", Waarde: 55, Eenheid: "jongeren", Status: domain.StatusDefinitief}
	if err := s.RecordBereik(&b); err != nil {
		t.Fatal(err)
	}
	bulk := func(values ...float64) {
		rows := make([]domain.Bereik, len(values))
		for k, v := range values {
			rows[k] = domain.Bereik{InterventieID: &i.ID, Periode: fmt.Sprint(2010 + k), Waarde: v, Eenheid: "jongeren",
				Status: domain.StatusVoorlopig, Notitie: "import ë€ \"x\""}
		}
		if err := s.Update(func(t *Tx) error { return t.AddBereikBulk(rows) }); err != nil {
			t.Fatal(err)
		}
	}
	bulk(1, 25, 3, 4, 123456789012345)
	bulk(7, 25, 9, 10, 11, 12) // replaces some, adds one
	if err := s.SetSetting("sleutel", "waarde"); err != nil {
		t.Fatal(err)
	}
	other := newIntervention(t, s, "Home-Start")
	if err := s.DeleteInterventie(other.ID); err != nil {
		t.Fatal(err)
	}
}

func TestAuditChainHoldsForEveryWayOfWriting(t *testing.T) {
	s := openTemp(t)
	writeEveryWay(t, s)
	rows, err := s.Wijzigingen(WijzigingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 30 {
		t.Fatalf("only %d audit rows", len(rows))
	}
	for k, w := range rows { // newest first, numbered without gaps
		if w.ID != uint(len(rows)-k) || len(w.Keten) != 64 {
			t.Fatalf("row %d: number %d, keten %q", k, w.ID, w.Keten)
		}
	}
	report, err := s.Check()
	if err != nil || !report.OK() {
		t.Fatalf("check after writing every way: %+v %v", report, err)
	}
}

// tamperOutside changes the audit trail with another SQLite connection,
// lifting the guards for the moment and putting them back exactly, so the
// schema is the program's again and only the chain can tell.
func tamperOutside(t *testing.T, s *Store, statements ...string) {
	t.Helper()
	var guards []string
	if err := s.db.Raw("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'wijzigingen'").Scan(&guards).Error; err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	var all []string
	for _, name := range []string{"wijzigingen_alleen_toevoegen_update", "wijzigingen_alleen_toevoegen_delete", "wijzigingen_alleen_achteraan"} {
		all = append(all, "DROP TRIGGER "+name)
	}
	all = append(append(all, statements...), guards...)
	alterOutside(t, path, all...)
}

func TestCheckNamesTheFirstBrokenRowOfTheAuditTrail(t *testing.T) {
	cases := []struct {
		name   string
		tamper string
		row    int
		id     int
	}{
		{"waarde aangepast", "UPDATE wijzigingen SET nieuwe_waarde = '120' WHERE id = 7", 7, 7},
		{"regel verwijderd", "DELETE FROM wijzigingen WHERE id = 7", 7, 8},
		{"gebruiker aangepast", "UPDATE wijzigingen SET gebruiker = 'iemand anders' WHERE id = 3", 3, 3},
		{"tijd aangepast", "UPDATE wijzigingen SET tijd = '2020-01-01 00:00:00+00:00' WHERE id = 12", 12, 12},
		{"tijd onleesbaar", "UPDATE wijzigingen SET tijd = 'gisteren' WHERE id = 12", 12, 12},
		{"regel tussengevoegd", "INSERT INTO wijzigingen SELECT id + 1000, tijd, gebruiker, actie, entiteit, entiteit_id, veld, " +
			"oude_waarde, '999', keten FROM wijzigingen WHERE id = 5; UPDATE wijzigingen SET id = -1 WHERE id = 6;" +
			" UPDATE wijzigingen SET id = 6 WHERE id = 1005; DELETE FROM wijzigingen WHERE id = -1", 6, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "logboek.db")
			s, err := Open(path, Options{Create: true, User: "tester"})
			if err != nil {
				t.Fatal(err)
			}
			writeEveryWay(t, s)
			tamperOutside(t, s, c.tamper)
			before := bestandtest.Som(t, path)
			s, err = Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("the schema is the program's, yet: %v", err)
			}
			defer s.Close()
			report, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("het wijzigingenlogboek is buiten het programma aangepast: regel %d (nummer %d, ", c.row, c.id)
			if len(report.Problems) != 1 || !strings.Contains(report.Problems[0], want) {
				t.Fatalf("check: %q, want %q", report.Problems, want)
			}
			if bestandtest.Som(t, path) != before {
				t.Fatal("the check changed the file")
			}
		})
	}
}

func TestAuditTrailRefusesReplaceAndRowsOutOfOrder(t *testing.T) {
	s := openTemp(t)
	writeEveryWay(t, s)
	var before []domain.Wijziging
	s.db.Order("id").Find(&before)
	attempts := []string{
		"REPLACE INTO wijzigingen (id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, keten)" +
			" SELECT id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, 'vervalst', keten FROM wijzigingen",
		"INSERT OR REPLACE INTO wijzigingen SELECT * FROM wijzigingen WHERE id = 3",
		"INSERT INTO wijzigingen (tijd, gebruiker, actie, entiteit, entiteit_id, veld) VALUES ('2026-01-01', 'x', 'gewijzigd', 'bereik', 1, 'waarde')",
		"INSERT INTO wijzigingen (id, tijd, gebruiker, actie, entiteit, entiteit_id, veld) VALUES (100000, '2026-01-01', 'x', 'gewijzigd', 'bereik', 1, 'waarde')",
		"UPDATE wijzigingen SET nieuwe_waarde = 'x' WHERE id = 3",
		"DELETE FROM wijzigingen WHERE id = 3",
	}
	for _, sql := range attempts {
		err := s.db.Exec(sql).Error
		if err == nil || !strings.Contains(err.Error(), "het wijzigingenlogboek kan ") {
			t.Errorf("%s: %v", sql, err)
		}
	}
	var after []domain.Wijziging
	s.db.Order("id").Find(&after)
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("the audit trail changed")
	}
}

func TestMigrationChainsAnExistingAuditTrail(t *testing.T) {
	restore := migrationsBefore(t, chainVersion)
	path := filepath.Join(t.TempDir(), "oud.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 4, 5, 6, 7, 891234567, time.UTC)
	// as version 3 wrote them: numbered by SQLite, no keten (for records of
	// a kind the trail is not compared with, as there are none)
	for k := 0; k < 12; k++ {
		if err := s.db.Exec("INSERT INTO wijzigingen (tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde)"+
			" VALUES (?, ?, 'gewijzigd', 'proef', ?, 'waarde', ?, ?)", at.Add(time.Duration(k)*time.Second), "gebruiker ë", k, fmt.Sprint(k), fmt.Sprint(k*10)).Error; err != nil {
			t.Fatal(err)
		}
	}
	var before []domain.Wijziging
	s.db.Order("id").Find(&before)
	s.Close()
	restore()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var after []domain.Wijziging
	s.db.Order("id").Find(&after)
	if len(after) != len(before) || len(after) < 10 {
		t.Fatalf("%d rows before, %d after", len(before), len(after))
	}
	for k := range after {
		b := before[k]
		b.Keten = after[k].Keten
		if fmt.Sprint(b) != fmt.Sprint(after[k]) || len(after[k].Keten) != 64 {
			t.Fatalf("row %d changed by the migration: %+v -> %+v", k, before[k], after[k])
		}
	}
	if err := verifyChain(s.db); err != nil {
		t.Fatal(err)
	}
	newIntervention(t, s, "Na de update")
	if report, err := s.Check(); err != nil || !report.OK() {
		t.Fatalf("check: %+v %v", report, err)
	}
}

// FuzzAuditChain gives the chain arbitrary rows: a chain made of them
// verifies, and changing any one field of any row is found at that row.
func FuzzAuditChain(f *testing.F) {
	f.Add("tester", "bereik", "waarde", "55", "120", uint(3), int64(1732269000123456789), uint8(1), uint8(0))
	f.Add("", "", "", "", "", uint(0), int64(0), uint8(0), uint8(5))
	f.Add("a:b", "1:", "", "x", "", uint(1), int64(-5), uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, user, entity, field, oldValue, newValue string, entityID uint, nanos int64, row, which uint8) {
		at := time.Unix(0, nanos).UTC()
		rows := make([]domain.Wijziging, 3)
		prev := ""
		for k := range rows {
			rows[k] = domain.Wijziging{ID: uint(k + 1), Tijd: at.Add(time.Duration(k)), Gebruiker: user, Actie: domain.ActieGewijzigd,
				Entiteit: entity, EntiteitID: entityID + uint(k), Veld: field, OudeWaarde: oldValue, NieuweWaarde: newValue}
			rows[k].Keten = chainLink(prev, &rows[k])
			prev = rows[k].Keten
		}
		walk := func() error {
			k := 0
			return walkChain(func(w *domain.Wijziging) (bool, error) {
				if k == len(rows) {
					return false, nil
				}
				*w = rows[k]
				k++
				return true, nil
			})
		}
		if err := walk(); err != nil {
			t.Fatalf("an untouched chain: %v", err)
		}
		r := &rows[int(row)%len(rows)]
		switch which % 9 {
		case 0:
			r.Gebruiker += "x"
		case 1:
			r.Entiteit = "y" + r.Entiteit
		case 2:
			r.Veld += "\x00"
		case 3:
			r.OudeWaarde += "o"
		case 4:
			r.NieuweWaarde += "1"
		case 5:
			r.EntiteitID++
		case 6:
			r.Tijd = r.Tijd.Add(time.Nanosecond)
		case 7:
			r.ID += 10
		case 8:
			r.Actie = domain.ActieVerwijderd
		}
		var chain *ChainError
		if err := walk(); !errors.As(err, &chain) || chain.Row != int(row)%len(rows)+1 {
			t.Fatalf("changing field %d of row %d: %v", which%9, int(row)%len(rows)+1, err)
		}
	})
}

func TestBackupFileCopiesAnOlderSchemaAsItIs(t *testing.T) {
	restore := migrationsBefore(t, chainVersion)
	dir := t.TempDir()
	path := filepath.Join(dir, "oud #3.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	restore()
	before := bestandtest.Som(t, path)
	copyPath := filepath.Join(dir, "kopie.db")
	if err := BackupFile(path, copyPath); err != nil {
		t.Fatal(err)
	}
	if bestandtest.Som(t, path) != before {
		t.Fatal("the copy changed the database")
	}
	c, err := open(copyPath, Options{ReadOnly: true}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if v, _ := c.Version(); v != chainVersion-1 {
		t.Fatalf("the copy has schema version %d", v)
	}
	if err := BackupFile(path, copyPath); err == nil || !strings.Contains(err.Error(), "er staat al een bestand met die naam") {
		t.Fatalf("a second copy over the first: %v", err)
	}
}

// migrationsBefore makes the store migrate only up to the version before
// version, until the returned function (or the test's end) puts every
// migration back: a database made in between is one of an older release.
func migrationsBefore(t *testing.T, version int) (restore func()) {
	t.Helper()
	all := migrationFiles
	restore = func() { migrationFiles = all }
	t.Cleanup(restore)
	old := fstest.MapFS{}
	for _, m := range migrations() {
		if m.version < version {
			old["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	migrationFiles = old
	return restore
}

// TestUnreadableAuditTimeInDutch (issue 13): a moment in the trail that is
// no time (written outside the program) gives a Dutch message when the
// trail is listed or exported, not Go's scan error.
func TestUnreadableAuditTimeInDutch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logboek.db")
	s, err := Open(path, Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	writeEveryWay(t, s)
	tamperOutside(t, s, "UPDATE wijzigingen SET tijd = 'gisteren' WHERE id = 3")
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Wijzigingen(WijzigingFilter{})
	if err == nil || !strings.Contains(err.Error(), "de kolom tijd bevat een waarde die het programma niet kan lezen") || strings.Contains(err.Error(), "Scan error") {
		t.Fatalf("listing the trail: %v", err)
	}
}

// TestAuditRowsWithHostileTexts: the audit trail writes its values into
// the statement (not bound), so texts from a colleague's laptop that
// quote, end or comment out SQL, hold a NUL or look like parameters are
// stored and read back byte for byte, and the chain over them holds (rows
// about a measure: the check replays the trail of the other kinds).
func TestAuditRowsWithHostileTexts(t *testing.T) {
	s := openTemp(t)
	texts := []string{"O'Brien", "''", "'); DROP TABLE wijzigingen; --", "a\x00b", "\x00", "? ?1 :a @b $c",
		"regel 1\nregel 2\r\n\ttab", "zeïs € 😀", "\\'", strings.Repeat("'", 1000)}
	at := time.Date(2026, 11, 30, 9, 0, 0, 123456789, time.FixedZone("CET", 3600))
	var rows []domain.Wijziging
	for i, text := range texts {
		rows = append(rows, domain.Wijziging{Tijd: at.Add(time.Duration(i) * time.Second), Gebruiker: text,
			Actie: domain.ActieGewijzigd, Entiteit: "maten", EntiteitID: 1, Veld: "notitie " + text,
			OudeWaarde: text, NieuweWaarde: text + text})
	}
	if err := s.UpdateRaw(func(r *RawTx) error { return r.Log(rows) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.Wijzigingen(WijzigingFilter{Entiteit: "maten", EntiteitID: 1})
	if err != nil {
		t.Fatal(err)
	}
	byUser := map[string]domain.Wijziging{}
	for _, w := range got {
		byUser[w.Gebruiker] = w
	}
	for i, text := range texts {
		w, ok := byUser[text]
		if !ok || w.Veld != "notitie "+text || w.OudeWaarde != text || w.NieuweWaarde != text+text || !w.Tijd.Equal(rows[i].Tijd) {
			t.Fatalf("%q read back as %+v (found %v)", text, w, ok)
		}
	}
	if report, err := s.Check(); err != nil || !report.OK() {
		t.Fatalf("check after hostile texts: %+v, %v", report, err)
	}
}
