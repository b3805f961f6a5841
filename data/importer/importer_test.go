package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// openRegister opens a new database with the built-in register.
func openRegister(t testing.TB) *store.Store {
	return openRegisterWith(t, func([]register.Document) {})
}

// openRegisterWith opens a new database with the built-in register as edit
// leaves it.
func openRegisterWith(t testing.TB, edit func([]register.Document)) *store.Store {
	t.Helper()
	return registertest.Open(t, "", store.Options{
		Now: func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }}, edit)
}

// writeXLSX writes a workbook with a title above the header and the rows.
func writeXLSX(t testing.TB, dir, name, sheet string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	f.SetCellValue(sheet, "A1", "Bereik interventies (aangeleverd)")
	f.MergeCell(sheet, "A1", "D1")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func countRows(t *testing.T, s *store.Store) (bereik, wijzigingen int) {
	t.Helper()
	all, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range all {
		b, _ := s.BereikVan(i.ID)
		bereik += len(b)
	}
	w, err := s.Wijzigingen(store.WijzigingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return bereik, len(w)
}

func TestBereikProblemsByRowAndColumn(t *testing.T) {
	s := openRegister(t)
	p := writeXLSX(t, t.TempDir(), "travers bereik 2024.xlsx", "Bereik", [][]any{
		{"Activiteit", "Jaar", "Aantal", "Opmerking"},
		{"Match", 2024, 36, ""},
		{"Ambulant jongerenwerk", "2024", "1.234", "tekst-getal"},
		{"Jongerencentra", "2024", -5, ""},
		{"Bestaat niet", "2024", 3, ""},
		{"Make it!", "2024-H3", 4, ""},
		{"THINK op school", "2024", "n.v.t.", ""},
		{"Match", 2024, 12, "dubbel"},
		{"Voorzorg", "2024", "veel", ""},
	})
	before, auditBefore := countRows(t, s)
	im, err := Open(s, p, "", SoortBereik)
	if err != nil {
		t.Fatal(err)
	}
	if im.HeaderLine != 3 || im.Koppeling["interventie"] != 0 || im.Koppeling["periode"] != 1 ||
		im.Koppeling["waarde"] != 2 || im.Koppeling["notitie"] != 3 {
		t.Fatalf("header %d, mapping %v", im.HeaderLine, im.Koppeling)
	}
	r, err := im.Uitvoeren(context.Background(), nil)
	if !errors.Is(err, ErrProblemen) {
		t.Fatalf("import with problems: %v", err)
	}
	want := []string{
		"rij 6, kolom Aantal (C): mag niet negatief zijn (-5)",
		`rij 7, kolom Activiteit (A): onbekende interventie "Bestaat niet"`,
		"rij 8, kolom Jaar (B): halfjaar 3 bestaat niet: kies 1 of 2",
		"rij 10, kolom Jaar (B): periode 2024 staat voor deze interventie en maat al op rij 4",
		`rij 11, kolom Aantal (C): "veel" is geen getal`,
	}
	var got []string
	for _, p := range r.Problemen {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Overgeslagen) != 1 || r.Overgeslagen[0].Rij != 9 {
		t.Fatalf("skipped %v", r.Overgeslagen)
	}
	after, auditAfter := countRows(t, s)
	if after != before || auditAfter != auditBefore {
		t.Fatal("something was written despite the problems")
	}
}

func TestBereikImportWithConfirmedNames(t *testing.T) {
	s := openRegister(t)
	dir := t.TempDir()
	p := writeXLSX(t, dir, "travers bereik 2024.xlsx", "Bereik", [][]any{
		{"Interventie", "Periode", "Bereik", "Status"},
		{"MATCH", "2024-H1", "1.234", "voorlopig"},
		{"Match (Humanitas)", "2024-H2", 20, ""},
		{"Ambulant jongeren werk", "2024", "n.v.t.", ""},
		{"Ambulant jongeren werk", "2025", 300, ""},
		{},
		{},
	})
	im, err := Open(s, p, "Bereik", SoortBereik)
	if err != nil {
		t.Fatal(err)
	}
	r, err := im.Controleer(context.Background(), nil)
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problemen)
	}
	if r.Nieuw != 3 || len(r.Overgeslagen) != 1 {
		t.Fatalf("report %+v", r)
	}
	confirm := r.TeBevestigen()
	if len(confirm) != 2 || confirm[0].Naam != "Match" || confirm[1].Naam != "Ambulant jongerenwerk" {
		t.Fatalf("to confirm: %+v", confirm)
	}
	if _, err := im.Uitvoeren(context.Background(), nil); !errors.Is(err, ErrNietBevestigd) {
		t.Fatalf("import before confirming: %v", err)
	}
	for _, m := range confirm {
		im.Bevestig(m.InBestand, m.Naam)
	}
	var last Voortgang
	r, err = im.Uitvoeren(context.Background(), func(v Voortgang) { last = v })
	if err != nil || !r.Opgeslagen {
		t.Fatalf("import: %v %+v", err, r)
	}
	if last.Fase != "opslaan" || last.Rijen != 4 || last.Totaal != 4 {
		t.Fatalf("last progress %+v", last)
	}
	match, _ := s.InterventieByNaam("Match")
	reach, _ := s.BereikVan(match.ID)
	if len(reach) != 2 || reach[0].Waarde != 1234 || reach[0].Status != domain.StatusVoorlopig || reach[0].Eenheid != "jongeren" {
		t.Fatalf("reach of Match: %+v", reach)
	}
	if !strings.Contains(reach[0].BronTekst, "travers bereik 2024.xlsx, blad Bereik, rij 4") {
		t.Fatalf("source %q", reach[0].BronTekst)
	}
	audit, _ := s.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik", EntiteitID: reach[0].ID})
	if len(audit) == 0 {
		t.Fatal("no audit rows for imported reach")
	}
	// The mapping is remembered for the next file of the same source.
	p2 := writeXLSX(t, dir, "travers bereik 2025.xlsx", "Bereik", [][]any{{"Bereik", "Interventie", "Periode"}, {5, "Match", "2025"}})
	im2, err := Open(s, p2, "", SoortBereik)
	if err != nil {
		t.Fatal(err)
	}
	if !im2.Onthouden || im2.Bron != "travers bereik" || im2.Koppeling["waarde"] != 0 || im2.Koppeling["interventie"] != 1 {
		t.Fatalf("remembered mapping: %v %+v", im2.Onthouden, im2.Koppeling)
	}
}

func TestCancelLeavesDatabaseAsItWas(t *testing.T) {
	s := openRegister(t)
	rows := [][]any{{"Interventie", "Periode", "Aantal"}}
	for y := 2001; y <= 2099; y++ {
		rows = append(rows, []any{"Match", y, y - 2000})
	}
	p := writeXLSX(t, t.TempDir(), "veel.xlsx", "Blad1", rows)
	im, err := Open(s, p, "", SoortBereik)
	if err != nil {
		t.Fatal(err)
	}
	before, auditBefore := countRows(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	_, err = im.Uitvoeren(ctx, func(v Voortgang) {
		if v.Fase == "opslaan" && v.Rijen > 0 {
			cancel()
		}
		if v.Fase == "opslaan" && v.Rijen == 0 {
			cancel() // cancel as soon as writing starts
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	after, auditAfter := countRows(t, s)
	if after != before || auditAfter != auditBefore {
		t.Fatalf("cancel left %d reach rows (was %d), %d audit rows (was %d)", after, before, auditAfter, auditBefore)
	}
}

func TestCSVIndicatorenCreatesIndicator(t *testing.T) {
	s := openRegister(t)
	p := filepath.Join(t.TempDir(), "ggd.csv")
	csv := "\ufeffCode;Indicator;Eenheid;Groep;Periode;Waarde;Vergelijkingswaarde\r\n" +
		"ggd-test;Testindicator;percentage;dashboard jeugdhulp;2023;12,5;-\r\n" +
		"ggd-test;Testindicator;percentage;dashboard jeugdhulp;2024;n.v.t.;11\r\n" +
		"jeugdhulp-jeugdigen;;;;2024;3.612;\r\n" +
		"ggd-test;Testindicator;percentage;dashboard jeugdhulp;2022;120;\r\n"
	if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	im, err := Open(s, p, "", SoortIndicatoren)
	if err != nil {
		t.Fatal(err)
	}
	r, err := im.Uitvoeren(context.Background(), nil)
	if !errors.Is(err, ErrProblemen) || len(r.Problemen) != 1 ||
		r.Problemen[0].String() != "rij 5, kolom Waarde (F): percentage 120 ligt buiten 0-100" {
		t.Fatalf("%v %v", err, r.Problemen)
	}
	if _, err := s.IndicatorByCode("ggd-test"); err == nil {
		t.Fatal("indicator created despite problems")
	}
	csv = strings.Replace(csv, ";120;", ";10;", 1)
	os.WriteFile(p, []byte(csv), 0o644)
	r, err = im.Uitvoeren(context.Background(), nil)
	if err != nil || len(r.NieuweIndicatoren) != 1 || r.Nieuw != 3 || r.Bijgewerkt != 0 {
		t.Fatalf("%v %+v", err, r)
	}
	ind, _ := s.IndicatorByCode("ggd-test")
	ms, _ := s.Metingen(ind.ID)
	if len(ms) != 2 || ms[1].Waarde != 12.5 || ms[1].Vergelijkingswaarde != nil {
		t.Fatalf("measurements %+v", ms)
	}
}

func TestOpenRefusesWrongInput(t *testing.T) {
	s := openRegister(t)
	if _, err := Open(s, "x.csv", "", "iets"); err == nil {
		t.Fatal("unknown kind accepted")
	}
	if _, err := Open(s, filepath.Join(t.TempDir(), "weg.csv"), "", SoortBereik); err == nil {
		t.Fatal("missing file accepted")
	}
}

func TestBronVan(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/Travers bereik 2024.xlsx": "travers bereik", "GGD_monitor-2023-H1.csv": "ggd monitor",
	} {
		if got := BronVan(in); got != want {
			t.Errorf("BronVan(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDotUsedBothWaysIsRefused: in a column that also has a decimal point
// ("12.5"), "1.234" most likely means 1,234; reading it as 1234 stored a
// figure 1.000 times too large without a word (attack pass). A column with
// only thousands dots, or only decimal points, imports as before.
func TestDotUsedBothWaysIsRefused(t *testing.T) {
	s := openRegister(t)
	dir := t.TempDir()
	write := func(name string, rows ...string) string {
		p := filepath.Join(dir, name)
		csv := "Code,Indicator,Eenheid,Groep,Periode,Waarde\r\n" + strings.Join(rows, "\r\n") + "\r\n"
		if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	check := func(p string) *Rapport {
		t.Helper()
		im, err := Open(s, p, "", SoortIndicatoren)
		if err != nil {
			t.Fatal(err)
		}
		r, err := im.Controleer(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	row := func(jaar, waarde string) string {
		return "pmg-test,Testcijfer,euro,Preventie met Gezag," + jaar + "," + `"` + waarde + `"`
	}
	r := check(write("beide.csv", row("2040", "1.234"), row("2041", "12.5")))
	if len(r.Problemen) != 1 || r.Problemen[0].Rij != 2 ||
		!strings.Contains(r.Problemen[0].Melding, `"1.234" is dubbelzinnig`) ||
		!strings.Contains(r.Problemen[0].Melding, `"12.5" in rij 3`) {
		t.Errorf("decimale punt en 1.234 in één kolom: %v", r.Problemen)
	}
	if r := check(write("duizendtallen.csv", row("2040", "1.234"), row("2041", "1.234.567"))); !r.OK() {
		t.Errorf("alleen duizendtallen: %v", r.Problemen)
	}
	if r := check(write("decimalen.csv", row("2040", "12.5"), row("2041", "0.750"))); !r.OK() {
		t.Errorf("alleen decimale punten: %v", r.Problemen)
	}
}
