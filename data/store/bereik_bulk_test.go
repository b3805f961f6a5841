package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

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
// same figure, so the list of columns cannot fall behind the model.
func TestWholeReachMatchesFieldAudit(t *testing.T) {
	s := openTemp(t)
	i := newIntervention(t, s, "Ambulant jongerenwerk")
	tot := 12.5
	b := domain.Bereik{InterventieID: &i.ID, Periode: "2024-H2", Soort: domain.SoortBandbreedte, Waarde: 10, WaardeTot: &tot,
		Eenheid: "uren", Status: domain.StatusVoorlopig, BronTekst: "bestand", Notitie: "n"}
	if err := s.RecordBereik(&b); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, r := range auditRows(t, s, "bereik", b.ID) {
		want[r.Veld] = r.NieuweWaarde
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(wholeReach(&b)), &got); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("whole record %v\nper field    %v", got, want)
	}
}

// TestAddBereikBulkSamePeriodTwice: a later figure for the same period in
// one batch replaces the earlier one, as two saves would.
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
	if rows := auditRows(t, s, "bereik", list[0].ID); len(rows) < 2 {
		t.Fatalf("replacement not audited: %+v", rows)
	}
}
