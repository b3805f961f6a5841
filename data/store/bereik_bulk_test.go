package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
)

// reachKey identifies the figure of one owner in one period.
func reachKey(interventie, doelstelling *uint, periode string) string {
	if interventie != nil {
		return fmt.Sprintf("i%d|%s", *interventie, periode)
	}
	return fmt.Sprintf("d%d|%s", *doelstelling, periode)
}

// TestAddBereikBulk: new figures are inserted with one audit row each that
// holds all their fields, a replaced figure gets an audit row per changed
// field, and the stored figures are exactly those RecordBereik would store.
func TestAddBereikBulk(t *testing.T) {
	s := openTemp(t)
	a := newIntervention(t, s, "Ambulant jongerenwerk")
	b := newIntervention(t, s, "Match")
	old := domain.Bereik{InterventieID: &a.ID, Periode: "2023", Waarde: 10, Eenheid: "jongeren", Status: domain.StatusVoorlopig}
	if err := s.RecordBereik(&old); err != nil {
		t.Fatal(err)
	}
	tot := 900.0
	c := newIntervention(t, s, "Praktijkklas")
	owners := []uint{a.ID, b.ID, c.ID}
	var rows []domain.Bereik
	for k := range 657 {
		j := k % 300
		rows = append(rows, domain.Bereik{InterventieID: &owners[k/300], Periode: fmt.Sprintf("%d-K%d", 2000+j/4, j%4+1),
			Waarde: float64(k), Eenheid: "deelnemers", Status: domain.StatusDefinitief, BronTekst: "bestand.csv, rij 2"})
	}
	rows = append(rows, domain.Bereik{InterventieID: &a.ID, Periode: "2023", Soort: domain.SoortBandbreedte, Waarde: 800,
		WaardeTot: &tot, Eenheid: "jongeren", Status: domain.StatusDefinitief})
	if err := s.Update(func(tx *Tx) error { return tx.AddBereikBulk(rows) }); err != nil {
		t.Fatal(err)
	}
	stored := map[string]domain.Bereik{}
	for _, owner := range owners {
		list, err := s.BereikVan(owner)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list {
			stored[reachKey(r.InterventieID, r.DoelstellingID, r.Periode)] = r
		}
	}
	if len(stored) != len(rows) {
		t.Fatalf("%d figures stored, want %d", len(stored), len(rows))
	}
	for _, r := range rows {
		got := stored[reachKey(r.InterventieID, r.DoelstellingID, r.Periode)]
		if got.Waarde != r.Waarde || got.Eenheid != r.Eenheid || got.Jaar == 0 || got.PeriodeSoort == "" ||
			got.Gebruiker != "tester" || !got.Vastgelegd.Equal(fixedNow) || got.BronTekst != r.BronTekst {
			t.Fatalf("stored %+v for %+v", got, r)
		}
	}

	first := stored[reachKey(&b.ID, nil, "2000-K1")]
	if first.Waarde != 300 {
		t.Fatalf("first figure of %s: %+v", b.Naam, first)
	}
	audit := auditRows(t, s, "bereik", first.ID)
	if len(audit) != 1 || audit[0].Veld != AlleVelden || audit[0].Actie != domain.ActieToegevoegd {
		t.Fatalf("audit of a new figure: %+v", audit)
	}
	var fields map[string]string
	if err := json.Unmarshal([]byte(audit[0].NieuweWaarde), &fields); err != nil {
		t.Fatal(err)
	}
	if fields["periode"] != "2000-K1" || fields["waarde"] != "300" || fields["eenheid"] != "deelnemers" ||
		fields["interventie_id"] != fmt.Sprint(b.ID) || fields["bron"] != "bestand.csv, rij 2" {
		t.Fatalf("audit row does not hold the figure: %v", fields)
	}
	changed := map[string]domain.Wijziging{}
	for _, w := range auditRows(t, s, "bereik", old.ID) {
		if w.Actie == domain.ActieGewijzigd {
			changed[w.Veld] = w
		}
	}
	if changed["waarde"].OudeWaarde != "10" || changed["waarde"].NieuweWaarde != "800" || changed["waarde_tot"].NieuweWaarde != "900" {
		t.Fatalf("replacement not audited per field: %+v", changed)
	}
}

// TestAddBereikBulkRefusesAndNamesTheRow: an invalid figure stops the batch
// with its index, and nothing of the transaction is stored.
func TestAddBereikBulkRefusesAndNamesTheRow(t *testing.T) {
	s := openTemp(t)
	a := newIntervention(t, s, "Ambulant jongerenwerk")
	rows := []domain.Bereik{
		{InterventieID: &a.ID, Periode: "2024", Waarde: 1, Eenheid: "jongeren", Status: domain.StatusDefinitief},
		{InterventieID: &a.ID, Periode: "2025", Waarde: -1, Eenheid: "jongeren", Status: domain.StatusDefinitief},
	}
	err := s.Update(func(tx *Tx) error { return tx.AddBereikBulk(rows) })
	var batch *BatchError
	if !errors.As(err, &batch) || batch.Rows[0].Row != 1 {
		t.Fatalf("got %v", err)
	}
	if list, _ := s.BereikVan(a.ID); len(list) != 0 {
		t.Fatalf("a refused batch stored %d figures", len(list))
	}
}

// TestWholeReachMatchesFieldAudit: the whole-record audit row of a bulk
// insert holds exactly what the audit trail logs field by field for the
// same figure, so the list of columns cannot fall behind the model and the
// texts SQLite writes are those the audit trail writes. The same figures
// are saved one by one in one database and in bulk in another.
func TestWholeReachMatchesFieldAudit(t *testing.T) {
	figures := func(i, d uint) []domain.Bereik {
		tot, computed := 12.5, 0.1+0.2 // 17 digits, as FormatFloat writes it too
		return []domain.Bereik{
			{InterventieID: &i, Periode: "2024-H2", Soort: domain.SoortBandbreedte, Waarde: 10, WaardeTot: &tot,
				Eenheid: "uren", Status: domain.StatusVoorlopig, BronTekst: `bestand "mei" <def>`, Notitie: "n\tmet ' en é"},
			{InterventieID: &i, Periode: "2023", Waarde: computed, WaardeTot: &tot, Soort: domain.SoortBandbreedte,
				Eenheid: "uren", Status: domain.StatusDefinitief},
			{DoelstellingID: &d, Periode: "2023-K4", Waarde: 300, Eenheid: "lessen", Status: domain.StatusDefinitief},
		}
	}
	setup := func() (*Store, uint, uint) {
		s := openTemp(t)
		i := newIntervention(t, s, "Ambulant jongerenwerk")
		target := newTarget(t, s, i.ID)
		return s, i.ID, target.ID
	}
	one, i, d := setup()
	saved := figures(i, d)
	for k := range saved {
		if err := one.RecordBereik(&saved[k]); err != nil {
			t.Fatal(err)
		}
	}
	bulk, i2, d2 := setup()
	added := figures(i2, d2)
	if err := bulk.Update(func(tx *Tx) error { return tx.AddBereikBulk(added) }); err != nil {
		t.Fatal(err)
	}
	for k := range saved {
		want := map[string]string{}
		for _, r := range auditRows(t, one, "bereik", saved[k].ID) {
			want[r.Veld] = r.NieuweWaarde
		}
		rows := auditRows(t, bulk, "bereik", added[k].ID)
		if len(rows) != 1 || rows[0].Veld != AlleVelden || !rows[0].Tijd.Equal(fixedNow) || rows[0].Gebruiker != "tester" {
			t.Fatalf("figure %d: audit rows %+v", k, rows)
		}
		var got map[string]string
		if err := json.Unmarshal([]byte(rows[0].NieuweWaarde), &got); err != nil {
			t.Fatalf("figure %d: %v in %s", k, err, rows[0].NieuweWaarde)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("figure %d:\nwhole record %v\nper field    %v", k, got, want)
		}
	}
}

// TestSQLNumberText: SQLite writes reach values as the audit trail's
// FormatFloat does for every number of up to 15 significant digits in the
// range figures take, and any other number so that it reads back exactly.
func TestSQLNumberText(t *testing.T) {
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, 1, 0.1, 0.2 + 0.1, 12.5, 1.0 / 3, 2.0 / 3, 1e15 - 1, 999999999999999.9, 0.0001, 123456.789,
		0.060476540753316314}
	for range 5000 {
		scale := math.Pow(10, float64(rng.IntN(19)-4))
		digits := math.Pow(10, float64(rng.IntN(8)))
		values = append(values, rng.Float64()*scale, math.Round(rng.Float64()*scale*digits)/digits)
	}
	short := 0
	for _, v := range values {
		if v >= 1e15 || (v != 0 && v < 0.0001) {
			continue
		}
		var got string
		if err := s.db.Raw("SELECT "+sqlNumberText("?1"), v).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		want := strconv.FormatFloat(v, 'f', -1, 64)
		if back, err := strconv.ParseFloat(got, 64); err != nil || back != v {
			t.Fatalf("%s: SQLite writes %q, which reads back as %v", want, got, back)
		}
		if len(strings.Trim(strings.Replace(want, ".", "", 1), "0")) <= 15 {
			short++
			if got != want {
				t.Fatalf("%v: SQLite writes %q, the audit trail %q", v, got, want)
			}
		}
	}
	if short < 1000 {
		t.Fatalf("only %d numbers of up to 15 digits tried", short)
	}
}

// TestAddBereikBulkSamePeriodTwice: a later figure for the same period in
// one batch replaces the earlier one, as two saves would, and the audit
// trail shows the first as added and then its change.
func TestAddBereikBulkSamePeriodTwice(t *testing.T) {
	s := openTemp(t)
	a := newIntervention(t, s, "Ambulant jongerenwerk")
	rows := []domain.Bereik{
		{InterventieID: &a.ID, Periode: "2024", Waarde: 1, Eenheid: "jongeren", Status: domain.StatusVoorlopig},
		{InterventieID: &a.ID, Periode: "2025", Waarde: 2, Eenheid: "jongeren", Status: domain.StatusVoorlopig},
		{InterventieID: &a.ID, Periode: "2024", Waarde: 3, Eenheid: "jongeren", Status: domain.StatusDefinitief},
	}
	if err := s.Update(func(tx *Tx) error { return tx.AddBereikBulk(rows) }); err != nil {
		t.Fatal(err)
	}
	list, err := s.BereikVan(a.ID)
	if err != nil || len(list) != 2 || list[0].Periode != "2024" || list[0].Waarde != 3 || list[1].Waarde != 2 {
		t.Fatalf("stored %+v %v", list, err)
	}
	// newest first: the figure as first added comes last, its replacement before it
	audit := auditRows(t, s, "bereik", list[0].ID)
	added := audit[len(audit)-1]
	var fields map[string]string
	if added.Veld != AlleVelden || json.Unmarshal([]byte(added.NieuweWaarde), &fields) != nil || fields["waarde"] != "1" {
		t.Fatalf("the first figure is not audited as it was added: %+v", audit)
	}
	replaced := false
	for _, r := range audit[:len(audit)-1] {
		replaced = replaced || (r.Veld == "waarde" && r.OudeWaarde == "1" && r.NieuweWaarde == "3")
	}
	if !replaced {
		t.Fatalf("replacement not audited after the addition: %+v", audit)
	}
}

// TestBulkReplaceMatchesRecordBereik: figures that replace stored ones are
// stored and audited by the bulk path as RecordBereik stores and audits
// them, field by field and in the same order: a changed value, status,
// source and note; a range that becomes one number; a shared target's
// figure whose only change is its moment; and next to them a new figure.
func TestBulkReplaceMatchesRecordBereik(t *testing.T) {
	run := func(bulk bool) (figures string, changes []string) {
		hours := 0
		clock := func() time.Time { hours++; return fixedNow.Add(time.Duration(hours) * time.Hour) }
		s, err := Open(filepath.Join(t.TempDir(), "vervangen.db"), Options{Create: true, User: "tester", Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		i := newIntervention(t, s, "Ambulant jongerenwerk")
		target := newTarget(t, s, i.ID)
		tot := 20.0
		first := []domain.Bereik{
			{InterventieID: &i.ID, Periode: "2023", Waarde: 10, Eenheid: "jongeren", Status: domain.StatusVoorlopig, Notitie: "eerste"},
			{InterventieID: &i.ID, Periode: "2024", Soort: domain.SoortBandbreedte, Waarde: 12.5, WaardeTot: &tot, Eenheid: "uren",
				Status: domain.StatusDefinitief},
			{DoelstellingID: &target.ID, Periode: "2023", Waarde: 300, Eenheid: "lessen", Status: domain.StatusDefinitief},
		}
		second := []domain.Bereik{
			{InterventieID: &i.ID, Periode: "2023", Waarde: 11, Eenheid: "jongeren", Status: domain.StatusDefinitief,
				BronTekst: "bestand.csv, regel 2"},
			{InterventieID: &i.ID, Periode: "2024", Waarde: 13, Eenheid: "uren", Status: domain.StatusDefinitief},
			{DoelstellingID: &target.ID, Periode: "2023", Waarde: 300, Eenheid: "lessen", Status: domain.StatusDefinitief},
			{InterventieID: &i.ID, Periode: "2025", Waarde: 1, Eenheid: "jongeren", Status: domain.StatusDefinitief},
		}
		save := func(rows []domain.Bereik, bulk bool) {
			err := s.Update(func(tx *Tx) error {
				if bulk {
					return tx.AddBereikBulk(rows)
				}
				for k := range rows {
					if err := tx.RecordBereik(&rows[k]); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		save(first, false)
		save(second, bulk)
		own, err := s.BereikVan(i.ID)
		if err != nil {
			t.Fatal(err)
		}
		shared, err := s.BereikVanDoelstelling(target.ID)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := json.Marshal(append(own, shared...))
		audit, err := s.Wijzigingen(WijzigingFilter{Entiteit: "bereik"})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range audit {
			if w.Actie == domain.ActieGewijzigd {
				changes = append(changes, fmt.Sprintf("%s nr %d %s: %q -> %q (%s, %s)", w.Actie, w.EntiteitID, w.Veld,
					w.OudeWaarde, w.NieuweWaarde, w.Gebruiker, w.Tijd.UTC().Format(time.RFC3339)))
			}
		}
		return string(text), changes
	}
	oneByOne, wantChanges := run(false)
	bulk, gotChanges := run(true)
	if bulk != oneByOne {
		t.Fatalf("stored figures differ:\nbulk        %s\none by one  %s", bulk, oneByOne)
	}
	if strings.Join(gotChanges, "\n") != strings.Join(wantChanges, "\n") {
		t.Fatalf("audit rows differ:\nbulk:\n%s\none by one:\n%s", strings.Join(gotChanges, "\n"), strings.Join(wantChanges, "\n"))
	}
	if len(wantChanges) < 9 {
		t.Fatalf("only %d changes audited; the test does not cover the fields it means to:\n%s", len(wantChanges),
			strings.Join(wantChanges, "\n"))
	}
}
