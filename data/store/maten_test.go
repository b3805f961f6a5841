package store

import (
	"compress/gzip"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
)

// TestSecondMeasureIsAnotherSeries records 179 casussen, 115 partners and 60
// professionals for one intervention and period: three series, none
// overwritten, and no audit row that says one figure became another.
func TestSecondMeasureIsAnotherSeries(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Proeftuin samenspel in de wijk")
	for _, f := range []BereikInvoer{
		{Interventie: in.Naam, Periode: "2022 t/m 2024", Waarde: "179", Maat: "casussen besproken", Eenheid: "casussen"},
		{Interventie: in.Naam, Periode: "2022 t/m 2024", Waarde: "115", Eenheid: "partners"},
		{Interventie: in.Naam, Periode: "2022 t/m 2024", Waarde: "60", Eenheid: "professionals"},
	} {
		if _, err := s.RecordBereikInvoer(f); err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
	}
	got, err := s.BereikVan(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]float64{}
	for _, b := range got {
		values[b.Eenheid] = b.Waarde
	}
	want := map[string]float64{"casussen": 179, "partners": 115, "professionals": 60}
	if fmt.Sprint(values) != fmt.Sprint(want) {
		t.Fatalf("reach %v, want %v", values, want)
	}
	maten, _ := s.Maten(in.ID)
	if len(maten) != 3 || maten[0].Naam != "casussen besproken" || maten[1].Naam != "partners" {
		t.Fatalf("measures %+v", maten)
	}
	for _, b := range got {
		for _, w := range auditRows(t, s, "bereik", b.ID) {
			if w.Actie != domain.ActieToegevoegd {
				t.Errorf("figure %d was changed: %+v", b.ID, w)
			}
		}
	}
	// The same measure again replaces its own figure only.
	if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2022 t/m 2024", Waarde: "120", Eenheid: "Partners"}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.BereikVan(in.ID)
	if len(got) != 3 {
		t.Fatalf("%d figures after a correction, want 3", len(got))
	}
	for _, b := range got {
		if b.Eenheid == "partners" && b.Waarde != 120 || b.Eenheid == "casussen" && b.Waarde != 179 {
			t.Errorf("after correcting partners: %s %v", b.Eenheid, b.Waarde)
		}
	}
	// Without a unit or measure, an intervention with three measures asks which.
	_, err = s.ParseBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "5"})
	if msg := fieldMessage(err, "maat"); !strings.Contains(msg, "kies er een") || !strings.Contains(msg, "casussen besproken") {
		t.Errorf("no unit, three measures: %v", err)
	}
}

// fieldMessage is the message of a validation error at veld, or "".
func fieldMessage(err error, veld string) string {
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		return ""
	}
	return v.For(veld)
}

// TestMeasuresInOneUnit keeps diagnostics and treatment of the dyslexia
// reform apart although both count leerlingen, and refuses a figure whose
// unit is not its measure's.
func TestMeasuresInOneUnit(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Hervorming dyslexie")
	for _, f := range []BereikInvoer{
		{Interventie: in.Naam, Periode: "2023", Waarde: "106", Maat: "diagnostiek", Eenheid: "leerlingen"},
		{Interventie: in.Naam, Periode: "2023", Waarde: "94", Maat: "behandeling", Eenheid: "leerlingen"},
	} {
		if _, err := s.RecordBereikInvoer(f); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.BereikVan(in.ID); len(got) != 2 {
		t.Fatalf("%d figures, want 2", len(got))
	}
	// A known measure gives its unit.
	b, err := s.ParseBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "100", Maat: "Behandeling"})
	if err != nil || b.Eenheid != "leerlingen" || b.MaatNaam != "behandeling" {
		t.Fatalf("known measure: %+v, %v", b, err)
	}
	// By unit alone the measure is ambiguous: refused, nothing stored.
	_, err = s.RecordBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "100", Eenheid: "leerlingen"})
	if !strings.Contains(fieldMessage(err, "maat"), "diagnostiek, behandeling") {
		t.Errorf("ambiguous unit: %v", err)
	}
	_, err = s.RecordBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2024", Waarde: "100", Maat: "diagnostiek", Eenheid: "scholen"})
	if !strings.Contains(fieldMessage(err, "eenheid"), `de maat "diagnostiek" telt leerlingen, niet scholen`) {
		t.Errorf("wrong unit for a measure: %v", err)
	}
	if got, _ := s.BereikVan(in.ID); len(got) != 2 {
		t.Fatalf("%d figures after refusals, want 2", len(got))
	}
}

// TestBulkKeepsEveryMeasure imports two units for one period in one batch and
// again with a correction: both series stay, the correction replaces only
// its own figure.
func TestBulkKeepsEveryMeasure(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Ambulant jongerenwerk")
	rows := func(jongeren float64) []domain.Bereik {
		return []domain.Bereik{
			{InterventieID: &in.ID, Periode: "2024", Waarde: jongeren, Eenheid: "jongeren", Status: domain.StatusDefinitief},
			{InterventieID: &in.ID, Periode: "2024", Waarde: 40, Eenheid: "activiteiten", Status: domain.StatusDefinitief},
		}
	}
	for _, v := range []float64{3612, 3700} {
		if err := s.Update(func(t *Tx) error { return t.AddBereikBulk(rows(v)) }); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.BereikVan(in.ID)
	if len(got) != 2 {
		t.Fatalf("%d figures, want 2: %+v", len(got), got)
	}
	for _, b := range got {
		if b.Eenheid == "jongeren" && b.Waarde != 3700 || b.Eenheid == "activiteiten" && b.Waarde != 40 || b.MaatID == nil {
			t.Errorf("figure %+v", b)
		}
	}
}

// TestTargetThatApplies picks, for a period and unit, the target set for
// that period before a yearly one, and no target once it has ended.
func TestTargetThatApplies(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Meldpunt")
	for _, d := range []DoelstellingInvoer{
		{Interventies: []string{in.Naam}, Periode: "jaarlijks", Waarde: "90-135", Eenheid: "meldingen"},
		{Interventies: []string{in.Naam}, Periode: "2025", Soort: "minimum", Waarde: "120", Eenheid: "meldingen"},
		{Interventies: []string{in.Naam}, Periode: "2024/2025", Soort: "maximum", Waarde: "12", Eenheid: "scholen"},
	} {
		if _, err := s.CreateDoelstellingInvoer(d); err != nil {
			t.Fatalf("%+v: %v", d, err)
		}
	}
	targets, _ := s.Doelstellingen(in.ID)
	cases := []struct{ periode, eenheid, want string }{
		{"2024", "meldingen", "bandbreedte 90 tot 135 meldingen"},
		{"2025", "meldingen", "minimaal 120 meldingen"},
		{"2024/2025", "meldingen", "bandbreedte 90 tot 135 meldingen"},
		{"2024/2025", "scholen", "maximaal 12 scholen"},
		{"2024", "scholen", ""},
		{"2024-H1", "meldingen", ""},
	}
	for _, c := range cases {
		got := ""
		if d := DoelVoorPeriode(targets, c.periode, c.eenheid); d != nil {
			got = string(d.Soort) + " " + Grootte("", d.Waarde, d.WaardeTot, d.Eenheid)
			if d.Soort == domain.SoortBandbreedte {
				got = Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
				got = "bandbreedte " + strings.TrimPrefix(got, "bandbreedte ")
			}
		}
		if got != c.want {
			t.Errorf("%s %s: %q, want %q", c.periode, c.eenheid, got, c.want)
		}
	}
	yearly := *DoelVoorPeriode(targets, "2024", "meldingen")
	if err := s.EndDoelstelling(yearly.ID, 2025, ""); fieldMessage(err, "reden") == "" {
		t.Errorf("ending without a reason: %v", err)
	}
	if err := s.EndDoelstelling(yearly.ID, 2025, "nieuwe afspraken in de Routekaart 2026"); err != nil {
		t.Fatal(err)
	}
	targets, _ = s.Doelstellingen(in.ID)
	if d := DoelVoorPeriode(targets, "2026", "meldingen"); d != nil {
		t.Errorf("an ended target applies to 2026: %+v", d)
	}
	if d := DoelVoorPeriode(targets, "2024", "meldingen"); d == nil {
		t.Error("an ended target no longer applies to a year before its end")
	}
	var ended bool
	for _, w := range auditRows(t, s, "doelstellingen", yearly.ID) {
		ended = ended || w.Veld == "einde_reden" && w.NieuweWaarde == "nieuwe afspraken in de Routekaart 2026"
	}
	if !ended {
		t.Error("the end of a target is not in the audit trail")
	}
}

// TestTargetInputChecks gives Dutch messages at the fields of a typed target.
func TestTargetInputChecks(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "THINK")
	cases := []struct {
		in          DoelstellingInvoer
		veld, words string
	}{
		{DoelstellingInvoer{Periode: "2025", Waarde: "10", Eenheid: "lessen"}, "interventies", "minstens één"},
		{DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025-2026x", Waarde: "10", Eenheid: "lessen"}, "periode", ""},
		{DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Soort: "veel", Waarde: "10", Eenheid: "lessen"}, "soort", "minimaal, maximaal, precies of bandbreedte"},
		{DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Waarde: "135-90", Eenheid: "lessen"}, "waarde tot", "onder de ondergrens"},
		{DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Waarde: "12,5", Eenheid: "lessen"}, "waarde", ""},
		{DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Waarde: "10"}, "eenheid", "wat de doelstelling telt"},
		{DoelstellingInvoer{Interventies: []string{"Onbekend"}, Periode: "2025", Waarde: "10", Eenheid: "lessen"}, "interventie", ""},
	}
	for _, c := range cases {
		_, err := s.CreateDoelstellingInvoer(c.in)
		msg := fieldMessage(err, c.veld)
		if msg == "" || !strings.Contains(msg, c.words) {
			t.Errorf("%+v: %v (want at %s: %q)", c.in, err, c.veld, c.words)
		}
	}
	if all, _ := s.AlleDoelstellingen(); len(all) != 0 {
		t.Fatalf("refused targets were stored: %+v", all)
	}
	d, err := s.CreateDoelstellingInvoer(DoelstellingInvoer{Interventies: []string{in.Naam}, Periode: "2025", Soort: "minimum", Waarde: "1.246", Eenheid: "lessen"})
	if err != nil || d.Omschrijving != "minimaal 1.246 lessen (2025)" {
		t.Fatalf("%+v, %v", d, err)
	}
	if err := s.ReviseDoelstellingInvoer(d.ID, "1.300", "", ""); fieldMessage(err, "reden") == "" {
		t.Errorf("revision without a reason: %v", err)
	}
	if err := s.ReviseDoelstellingInvoer(d.ID, "1.300", "", "begroting 2025"); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Herzieningen(d.ID)
	if len(revs) != 1 || revs[0].OudeWaarde != 1246 || revs[0].NieuweWaarde != 1300 || revs[0].Reden != "begroting 2025" {
		t.Fatalf("revisions %+v", revs)
	}
	var logged bool
	for _, w := range auditRows(t, s, "doelstellingen", d.ID) {
		logged = logged || w.Veld == "waarde" && w.OudeWaarde == "1246" && w.NieuweWaarde == "1300"
	}
	if !logged {
		t.Error("the revision is not in the audit trail")
	}
}

// releaseV3 is a database made by the release before measures (schema 3):
// `jeugdmonitor nieuw` (the built-in register, whose Spoor 3 reach then
// kept 4 of 7 figures) and two `jeugdmonitor bereik` saves for Ambulant
// jongerenwerk 2024 (3.612, then 3.700).
const releaseV3 = "testdata/release-v3.db.gz"

// TestMigrationKeepsEveryFigureAndItsHistory migrates the release database
// and compares every reach figure and every audit row with the file before.
func TestMigrationKeepsEveryFigureAndItsHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	unzip(t, releaseV3, path)
	type row = []string
	read := func(query string) []row {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var out []row
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			r := make(row, len(cols))
			for i, v := range vals {
				r[i] = fmt.Sprintf("%v %s", v.Valid, v.String)
			}
			out = append(out, r)
		}
		return out
	}
	const reachCols = "id, interventie_id, doelstelling_id, periode, jaar, periode_soort, soort, waarde, waarde_tot, eenheid, status, bron, notitie, gebruiker, vastgelegd"
	reachBefore := read("SELECT " + reachCols + " FROM bereik ORDER BY id")
	const auditCols = "id, tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde"
	auditBefore := read("SELECT " + auditCols + " FROM wijzigingen ORDER BY id")
	targetsBefore := read("SELECT id, omschrijving, periode, soort, waarde, waarde_tot, eenheid FROM doelstellingen ORDER BY id")
	if len(reachBefore) != 5 || len(auditBefore) < 1000 || read("PRAGMA user_version")[0][0] != "true 3" {
		t.Fatalf("fixture: %d figures, %d audit rows, version %v", len(reachBefore), len(auditBefore), read("PRAGMA user_version"))
	}

	s, err := Open(path, Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Version(); v != SchemaVersion() {
		t.Fatalf("version %d after opening, want %d", v, SchemaVersion())
	}
	// Every figure has a measure in its own unit.
	maten, err := s.AlleMaten()
	if err != nil {
		t.Fatal(err)
	}
	ambulant, err := s.InterventieByNaam("Ambulant jongerenwerk")
	if err != nil {
		t.Fatal(err)
	}
	reach, _ := s.BereikVan(ambulant.ID)
	if len(reach) != 1 || reach[0].Waarde != 3700 || reach[0].MaatID == nil || maten[*reach[0].MaatID].Eenheid != "jongeren" {
		t.Fatalf("Ambulant jongerenwerk after migration: %+v", reach)
	}
	// A second unit for the same period is now another series.
	if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: ambulant.Naam, Periode: "2024", Waarde: "41", Eenheid: "activiteiten"}); err != nil {
		t.Fatal(err)
	}
	if reach, _ = s.BereikVan(ambulant.ID); len(reach) != 2 {
		t.Fatalf("%d figures after a second unit, want 2", len(reach))
	}
	s.Close()

	reachAfter := read("SELECT " + reachCols + " FROM bereik WHERE id <= 5 ORDER BY id")
	if fmt.Sprint(reachAfter) != fmt.Sprint(reachBefore) {
		t.Errorf("reach changed by the migration:\n%v\n%v", reachBefore, reachAfter)
	}
	if n := read("SELECT count(*) FROM bereik WHERE interventie_id IS NOT NULL AND (maat_id IS NULL OR eenheid <> (SELECT eenheid FROM maten WHERE id = maat_id))"); n[0][0] != "true 0" {
		t.Errorf("figures without their measure: %v", n)
	}
	auditAfter := read(fmt.Sprintf("SELECT "+auditCols+" FROM wijzigingen WHERE id <= %s ORDER BY id", strings.TrimPrefix(auditBefore[len(auditBefore)-1][0], "true ")))
	if fmt.Sprint(auditAfter) != fmt.Sprint(auditBefore) {
		t.Errorf("audit trail changed by the migration: %d rows before, %d after", len(auditBefore), len(auditAfter))
	}
	if got := read("SELECT id, omschrijving, periode, soort, waarde, waarde_tot, eenheid FROM doelstellingen ORDER BY id"); fmt.Sprint(got) != fmt.Sprint(targetsBefore) {
		t.Error("targets changed by the migration")
	}
}

// unzip writes the gzip file src, uncompressed, to dst.
func unzip(t *testing.T, src, dst string) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, z); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRemovedInterventionLogsItsMeasures: the database removes an
// intervention's measures with it; the trail says so, after the
// intervention's own removal, so that nothing it describes vanishes
// unlogged (a team laptop would otherwise keep the measure's key for its
// number, and send the next measure given that number under it).
func TestRemovedInterventionLogsItsMeasures(t *testing.T) {
	s := openTemp(t)
	in := newIntervention(t, s, "Proeftuin samenspel in de wijk")
	if _, err := s.RecordBereikInvoer(BereikInvoer{Interventie: in.Naam, Periode: "2025", Waarde: "179",
		Maat: "casussen besproken", Eenheid: "casussen"}); err != nil {
		t.Fatal(err)
	}
	maten, err := s.Maten(in.ID)
	if err != nil || len(maten) != 1 {
		t.Fatalf("measures %+v, %v", maten, err)
	}
	if err := s.DeleteInterventie(in.ID); err != nil {
		t.Fatal(err)
	}
	var interventionRemoved uint
	for _, w := range auditRows(t, s, "interventies", in.ID) {
		if w.Actie == domain.ActieVerwijderd && w.Veld == "naam" {
			interventionRemoved = w.ID
		}
	}
	removed := map[string]string{}
	for _, w := range auditRows(t, s, "maten", maten[0].ID) {
		if w.Actie != domain.ActieVerwijderd {
			continue
		}
		if w.ID < interventionRemoved {
			t.Fatalf("measure logged as removed (row %d) before its intervention (row %d)", w.ID, interventionRemoved)
		}
		removed[w.Veld] = w.OudeWaarde
	}
	want := map[string]string{"interventie_id": fmt.Sprint(in.ID), "naam": "casussen besproken", "eenheid": "casussen"}
	if interventionRemoved == 0 || fmt.Sprint(removed) != fmt.Sprint(want) {
		t.Fatalf("measure removal logged as %v, want %v (intervention removed in row %d)", removed, want, interventionRemoved)
	}
	if left, err := s.Maten(in.ID); err != nil || len(left) != 0 {
		t.Fatalf("measures left %+v, %v", left, err)
	}
}
