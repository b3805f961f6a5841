package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
)

var fixedNow = time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"), Options{Create: true, User: "tester", Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func intPtr(v int) *int { return &v }

// newTarget stores the THINK target of 1.246 lessons in 2023 for the
// intervention with number id.
func newTarget(t *testing.T, s *Store, id uint) domain.Doelstelling {
	t.Helper()
	target := domain.Doelstelling{Omschrijving: "THINK lessen", Periode: "2023", Soort: domain.SoortPrecies,
		Waarde: 1246, Eenheid: "lessen", InterventieIDs: []uint{id}}
	if err := s.CreateDoelstelling(&target); err != nil {
		t.Fatal(err)
	}
	return target
}

func newIntervention(t testing.TB, s *Store, naam string) domain.Interventie {
	t.Helper()
	i := domain.Interventie{Naam: naam, Uitvoerder: "Travers", Cluster: domain.ClusterSocialeBasis,
		StatusCategorie: domain.StatusStructureel, Start: domain.Moment{Jaar: intPtr(2012), Tekst: "2012"},
		Einde: domain.Moment{Structureel: true, Tekst: "Structureel"}}
	if err := s.CreateInterventie(&i); err != nil {
		t.Fatal(err)
	}
	return i
}

func auditRows(t *testing.T, s *Store, entity string, id uint) []domain.Wijziging {
	t.Helper()
	rows, err := s.Wijzigingen(WijzigingFilter{Entiteit: entity, EntiteitID: id})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestMigrationFromEmpty(t *testing.T) {
	s := openTemp(t)
	v, err := s.Version()
	if err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() || v < 1 {
		t.Fatalf("version %d, want %d", v, SchemaVersion())
	}
	var appID int
	s.db.Raw("PRAGMA application_id").Scan(&appID)
	if appID != ApplicationID {
		t.Fatalf("application_id %x", appID)
	}
	var mode string
	s.db.Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal mode %q, want wal", mode)
	}
	var fk int
	s.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Fatal("foreign keys are off")
	}
	report, err := s.Check()
	if err != nil || !report.OK() {
		t.Fatalf("check of a new database: %v %v", report.Problems, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	newIntervention(t, s, "Make it!")
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Interventies(false)
	if err != nil || len(all) != 1 || all[0].Naam != "Make it!" {
		t.Fatalf("after reopen: %v %v", all, err)
	}
}

func TestOpenRefusesWithoutWriting(t *testing.T) {
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec("PRAGMA user_version = 99").Error; err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()

	foreign := filepath.Join(dir, "foreign.db")
	f, err := Open(foreign, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	f.db.Exec("PRAGMA application_id = 1234")
	f.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	f.Close()

	cases := []struct {
		name    string
		content []byte
		path    string
		want    string
	}{
		{"leeg", []byte{}, "", "leeg"},
		{"tekst", []byte("naam;waarde\nMake it!;300\n"), "", "geen databasebestand"},
		{"spreadsheet", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 200)...), "", "geen databasebestand"},
		{"afgekapt", []byte("SQLite format 3\x00\x10\x00"), "", "geen databasebestand"},
		{"nieuwere versie", nil, newer, "nieuwere versie"},
		{"ander programma", nil, foreign, "ander programma"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path
			if path == "" {
				path = filepath.Join(dir, c.name+".db")
				if err := os.WriteFile(path, c.content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before, _ := os.ReadFile(path)
			_, err := Open(path, Options{Create: true})
			var openErr *OpenError
			if !errors.As(err, &openErr) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want an OpenError containing %q", err, c.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("the refused file was changed")
			}
		})
	}
}

func TestOpenMissingFileOnlyWhenAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "nieuw.db")
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "bestaat niet") {
		t.Fatalf("missing file without Create: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a file was created without being asked")
	}
	if _, err := Open(path, Options{ReadOnly: true, Create: true}); err == nil {
		t.Fatal("read-only open created a file")
	}
	// The program's own database on a fresh machine: no folder yet.
	s, err := Open(filepath.Join(filepath.Dir(path), "config", "Jeugdmonitor", "jeugdmonitor.db"), Options{Create: true})
	if err != nil {
		t.Fatalf("new database in folders that do not exist yet: %v", err)
	}
	if s.ReadOnly() {
		t.Fatalf("new database opened read-only: %s", s.Notice())
	}
	s.Close()
}

func TestReadOnlyRefusesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	i := domain.Interventie{Naam: "X", Cluster: domain.ClusterHVA, StatusCategorie: domain.StatusPilot}
	if err := ro.CreateInterventie(&i); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("create on read-only store: %v", err)
	}
}

func TestInsertUpdateDeleteAreAudited(t *testing.T) {
	s := openTemp(t)
	i := newIntervention(t, s, "Make it!")
	rows := auditRows(t, s, "interventies", i.ID)
	fields := map[string]string{}
	for _, r := range rows {
		if r.Actie != domain.ActieToegevoegd || r.Gebruiker != "tester" || !r.Tijd.Equal(fixedNow) {
			t.Fatalf("insert audit row %+v", r)
		}
		fields[r.Veld] = r.NieuweWaarde
	}
	if fields["naam"] != "Make it!" || fields["uitvoerder"] != "Travers" || fields["start_jaar"] != "2012" {
		t.Fatalf("insert audit fields %v", fields)
	}

	i.Uitvoerder = "Travers Welzijn"
	if err := s.UpdateInterventie(&i); err != nil {
		t.Fatal(err)
	}
	var changed []domain.Wijziging
	for _, r := range auditRows(t, s, "interventies", i.ID) {
		if r.Actie == domain.ActieGewijzigd {
			changed = append(changed, r)
		}
	}
	if len(changed) != 1 || changed[0].Veld != "uitvoerder" || changed[0].OudeWaarde != "Travers" || changed[0].NieuweWaarde != "Travers Welzijn" {
		t.Fatalf("update audit %+v", changed)
	}

	if err := s.DeleteInterventie(i.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Interventie(i.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	deleted := 0
	for _, r := range auditRows(t, s, "interventies", i.ID) {
		if r.Actie == domain.ActieVerwijderd && r.Veld == "naam" && r.OudeWaarde == "Make it!" {
			deleted++
		}
	}
	if deleted != 1 {
		t.Fatal("delete not audited")
	}
}

func TestAuditTrailIsAppendOnly(t *testing.T) {
	s := openTemp(t)
	newIntervention(t, s, "Match")
	if err := s.db.Exec("UPDATE wijzigingen SET gebruiker = 'iemand anders'").Error; err == nil {
		t.Fatal("audit rows could be updated")
	}
	if err := s.db.Exec("DELETE FROM wijzigingen").Error; err == nil {
		t.Fatal("audit rows could be deleted")
	}
}

func TestDuplicateNameIsAFieldError(t *testing.T) {
	s := openTemp(t)
	newIntervention(t, s, "Match")
	dup := domain.Interventie{Naam: "match", Cluster: domain.ClusterHVA, StatusCategorie: domain.StatusPilot}
	err := s.CreateInterventie(&dup)
	if p := domain.FieldProblems(err); len(p) != 1 || p[0].Veld != "naam" {
		t.Fatalf("duplicate name: %v", err)
	}
}

func TestSecondReachForSamePeriodUpdates(t *testing.T) {
	s := openTemp(t)
	i := newIntervention(t, s, "Ambulant jongerenwerk")
	first := domain.Bereik{InterventieID: &i.ID, Periode: "2024", Waarde: 3400, Eenheid: "jongeren", Status: domain.StatusVoorlopig}
	if err := s.RecordBereik(&first); err != nil {
		t.Fatal(err)
	}
	second := domain.Bereik{InterventieID: &i.ID, Periode: "2024", Waarde: 3612, Eenheid: "jongeren", Status: domain.StatusDefinitief}
	if err := s.RecordBereik(&second); err != nil {
		t.Fatal(err)
	}
	all, err := s.BereikVan(i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].Waarde != 3612 || all[0].Status != domain.StatusDefinitief || second.ID != first.ID {
		t.Fatalf("reach after second entry: %+v", all)
	}
	var update *domain.Wijziging
	for _, r := range auditRows(t, s, "bereik", first.ID) {
		if r.Actie == domain.ActieGewijzigd && r.Veld == "waarde" {
			update = &r
		}
	}
	if update == nil || update.OudeWaarde != "3400" || update.NieuweWaarde != "3612" {
		t.Fatalf("update of reach not audited: %+v", update)
	}
}

func TestBereikInvoerValidation(t *testing.T) {
	s := openTemp(t)
	i := newIntervention(t, s, "THINK op school")
	newTarget(t, s, i.ID)
	cases := []struct {
		name     string
		in       BereikInvoer
		badField string
	}{
		{"negatief", BereikInvoer{Interventie: i.Naam, Periode: "2024", Waarde: "-5"}, "waarde"},
		{"breuk bij telbare eenheid", BereikInvoer{Interventie: i.Naam, Periode: "2024", Waarde: "12,5"}, "waarde"},
		{"jaar buiten bereik", BereikInvoer{Interventie: i.Naam, Periode: "1999", Waarde: "10"}, "periode"},
		{"onbekende interventie", BereikInvoer{Interventie: "Bestaat niet", Periode: "2024", Waarde: "10"}, "interventie"},
		{"geen interventie", BereikInvoer{Periode: "2024", Waarde: "10"}, "interventie"},
		{"misvormd getal", BereikInvoer{Interventie: i.Naam, Periode: "2024", Waarde: "3,500,00"}, "waarde"},
		{"leeg getal", BereikInvoer{Interventie: i.Naam, Periode: "2024", Waarde: ""}, "waarde"},
		{"onbekende status", BereikInvoer{Interventie: i.Naam, Periode: "2024", Waarde: "10", Status: "bijna"}, "status"},
		{"jaarlijks", BereikInvoer{Interventie: i.Naam, Periode: "jaarlijks", Waarde: "10"}, "periode"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.RecordBereikInvoer(c.in)
			var v *domain.ValidationError
			if !errors.As(err, &v) || v.For(c.badField) == "" {
				t.Fatalf("error %v, want a problem with %q", err, c.badField)
			}
		})
	}
	if all, _ := s.BereikVan(i.ID); len(all) != 0 {
		t.Fatalf("invalid input stored reach: %+v", all)
	}
	b, err := s.RecordBereikInvoer(BereikInvoer{Interventie: "think op school", Periode: "2024", Waarde: "1.246"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Waarde != 1246 || b.Eenheid != "lessen" || b.Status != domain.StatusDefinitief || b.Gebruiker != "tester" {
		t.Fatalf("stored %+v", b)
	}
}

func TestBatchIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	a := newIntervention(t, s, "Fakkelteit")
	b := newIntervention(t, s, "School's cool")
	missing := uint(999)
	rows := []domain.Bereik{
		{InterventieID: &a.ID, Periode: "2024", Waarde: 80, Eenheid: "jeugdigen", Status: domain.StatusDefinitief},
		{InterventieID: &missing, Periode: "2024", Waarde: 90, Eenheid: "jeugdigen", Status: domain.StatusDefinitief},
	}
	err := s.RecordBereikBatch(rows)
	var batch *BatchError
	if !errors.As(err, &batch) || batch.Rows[0].Row != 1 {
		t.Fatalf("batch with an unknown intervention: %v", err)
	}
	if got, _ := s.BereikVan(a.ID); len(got) != 0 {
		t.Fatal("half of a failed batch was stored")
	}
	if n := len(auditRows(t, s, "bereik", 0)); n != 0 {
		t.Fatal("a failed batch left audit rows")
	}
	rows[1].InterventieID = &b.ID
	rows[1].Waarde = -1
	err = s.RecordBereikBatch(rows)
	if !errors.As(err, &batch) || len(batch.Rows) != 1 || batch.Rows[0].Row != 1 {
		t.Fatalf("batch with a negative value: %v", err)
	}
	rows[1].Waarde = 90
	if err := s.RecordBereikBatch(rows); err != nil {
		t.Fatal(err)
	}
	ga, _ := s.BereikVan(a.ID)
	gb, _ := s.BereikVan(b.ID)
	if len(ga) != 1 || len(gb) != 1 {
		t.Fatal("valid batch not stored")
	}
}

func TestSharedTargetAndRevision(t *testing.T) {
	s := openTemp(t)
	var ids []uint
	for _, n := range []string{"Fakkelteit", "School's cool", "Make it!", "Vrouwen coachen meiden"} {
		ids = append(ids, newIntervention(t, s, n).ID)
	}
	target := domain.Doelstelling{Omschrijving: "Individueel gericht jeugdwerk/jongerenwerk", Periode: "2023",
		Soort: domain.SoortMinimaal, Waarde: 300, Eenheid: "jeugdigen", InterventieIDs: ids}
	if err := s.CreateDoelstelling(&target); err != nil {
		t.Fatal(err)
	}
	all, _ := s.AlleDoelstellingen()
	if len(all) != 1 || len(all[0].InterventieIDs) != 4 {
		t.Fatalf("one shared target expected, got %+v", all)
	}
	for _, id := range ids {
		mine, _ := s.Doelstellingen(id)
		if len(mine) != 1 || mine[0].ID != target.ID {
			t.Fatalf("intervention %d does not see the shared target", id)
		}
	}
	if err := s.ReviseDoelstelling(target.ID, 320, nil, ""); domain.FieldProblems(err) == nil {
		t.Fatalf("revision without a reason: %v", err)
	}
	if err := s.ReviseDoelstelling(target.ID, 320, nil, "Subsidieafspraak 2024"); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Herzieningen(target.ID)
	if len(revs) != 1 || revs[0].OudeWaarde != 300 || revs[0].NieuweWaarde != 320 || revs[0].Reden != "Subsidieafspraak 2024" || !revs[0].Datum.Equal(fixedNow) {
		t.Fatalf("revision %+v", revs)
	}
	mine, _ := s.Doelstellingen(ids[0])
	if mine[0].Waarde != 320 {
		t.Fatal("target not revised")
	}
	// Deleting three of the four keeps the target; deleting the last removes it.
	for _, id := range ids {
		if err := s.DeleteInterventie(id); err != nil {
			t.Fatal(err)
		}
	}
	if all, _ := s.AlleDoelstellingen(); len(all) != 0 {
		t.Fatal("orphaned target kept")
	}
}

func TestMetingValidationAndUpsert(t *testing.T) {
	s := openTemp(t)
	ind := domain.Indicator{Code: "pct", Naam: "Ouders weten waar ze terecht kunnen", Eenheid: domain.EenheidPercentage,
		Groep: domain.GroepBegroting}
	if err := s.CreateIndicator(&ind); err != nil {
		t.Fatal(err)
	}
	bad := domain.Meting{IndicatorID: ind.ID, Periode: "2023", Waarde: 101, Status: domain.StatusDefinitief}
	if err := s.RecordMeting(&bad); domain.FieldProblems(err) == nil {
		t.Fatalf("101%% accepted: %v", err)
	}
	m := domain.Meting{IndicatorID: ind.ID, Periode: "2023", Waarde: 84.5, Status: domain.StatusVoorlopig}
	if err := s.RecordMeting(&m); err != nil {
		t.Fatal(err)
	}
	m2 := domain.Meting{IndicatorID: ind.ID, Periode: "2023", Waarde: 86, Status: domain.StatusDefinitief}
	if err := s.RecordMeting(&m2); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Metingen(ind.ID)
	if len(all) != 1 || all[0].Waarde != 86 {
		t.Fatalf("metingen %+v", all)
	}
}

func TestBesparingsoverzichtKeepsBothTotals(t *testing.T) {
	s := openTemp(t)
	for _, b := range []domain.Besparing{
		{Periode: "2020", Omschrijving: "Dyslexie, BSO+", BedragCent: 20_000_000},
		{Periode: "2022", Omschrijving: "BSO+ en eigen inzet", BedragCent: 12_000_000},
		{Periode: "2023", Omschrijving: "Toegang dyslexiezorg", BedragCent: 23_000_000},
	} {
		if err := s.Create(&b); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Create(&domain.BesparingTotaal{BedragCent: 58_000_000}); err != nil {
		t.Fatal(err)
	}
	o, err := s.Besparingsoverzicht()
	if err != nil {
		t.Fatal(err)
	}
	if o.SomCent != 55_000_000 || o.Gerapporteerd.BedragCent != 58_000_000 || o.VerschilCent() != 3_000_000 {
		t.Fatalf("overzicht %+v", o)
	}
}

func TestValidationOfInterventions(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*domain.Interventie)
		field string
	}{
		{"lege naam", func(i *domain.Interventie) { i.Naam = " " }, "naam"},
		{"einde voor start", func(i *domain.Interventie) {
			i.Einde = domain.Moment{Jaar: intPtr(2020)}
		}, "beoogd einde"},
		{"jaar buiten bereik", func(i *domain.Interventie) { i.Start.Jaar = intPtr(1990) }, "start"},
		{"onbekend cluster", func(i *domain.Interventie) { i.Cluster = "Overig" }, "cluster"},
		{"leeftijden omgedraaid", func(i *domain.Interventie) { i.LeeftijdVan, i.LeeftijdTot = intPtr(23), intPtr(12) }, "leeftijd tot"},
		{"onbekende ambitie", func(i *domain.Interventie) { i.Ambities = []string{"Meer geld"} }, "ambities"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			i := domain.Interventie{Naam: "X", Cluster: domain.ClusterHVA, StatusCategorie: domain.StatusLopend,
				Start: domain.Moment{Jaar: intPtr(2022), Maand: intPtr(4)}}
			c.edit(&i)
			var v *domain.ValidationError
			if err := i.Validate(); !errors.As(err, &v) || v.For(c.field) == "" {
				t.Fatalf("error %v, want a problem with %q", err, c.field)
			}
		})
	}
}

// TestSQLiteVersion guards the pinned SQLite: github.com/glebarez/go-sqlite
// v1.23.0 in go.mod brings SQLite 3.53 instead of glebarez/sqlite's own 3.41.
func TestSQLiteVersion(t *testing.T) {
	s := openTemp(t)
	var v string
	if err := s.db.Raw("SELECT sqlite_version()").Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v, "%d.%d", &major, &minor); err != nil || major != 3 || minor < 53 {
		t.Fatalf("SQLite %s, want 3.53 or newer", v)
	}
}
