package team

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
)

// TestReceivedRecordsInTheTrail: a laptop that receives the register and
// records added elsewhere (one by one and in bulk) writes each added record
// as one audit row with all its fields, under its author and moment,
// noted as received once (not once per field); the trail played back
// gives the records as stored, and the chain holds.
func TestReceivedRecordsInTheTrail(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)
	nieuw := domain.Interventie{Naam: "Huiswerkklas Holtenbroek", Cluster: iv[0].Cluster, StatusCategorie: iv[0].StatusCategorie,
		Werkwijze: "Twee middagen per week"}
	if err := a.CreateInterventie(&nieuw); err != nil {
		t.Fatal(err)
	}
	rows := []domain.Bereik{{InterventieID: &nieuw.ID, Periode: "2024", Waarde: 12, Eenheid: "deelnemers", MaatNaam: "deelnemers",
		Status: domain.StatusDefinitief, BronTekst: "test"}, {InterventieID: &iv[1].ID, Periode: "2019", Waarde: 7,
		Eenheid: "deelnemers", MaatNaam: "deelnemers", Status: domain.StatusDefinitief, BronTekst: "test"}}
	if err := a.Update(func(t *store.Tx) error { return t.AddBereikBulk(rows) }); err != nil {
		t.Fatal(err)
	}
	sync(t, a, srv)
	res := sync(t, b, srv)
	if res.Toegepast == 0 || res.Toegepast != res.Ontvangen {
		t.Fatalf("ontvangen: %+v", res)
	}
	sameContent(t, a, b)

	report, err := b.Check()
	if err != nil || !report.OK() {
		t.Fatalf("controle bij bram: %+v, %v", report, err)
	}
	got, err := b.InterventieByNaam(nieuw.Naam)
	if err != nil {
		t.Fatal(err)
	}
	trail, err := b.Wijzigingen(store.WijzigingFilter{Entiteit: "interventies", EntiteitID: got.ID})
	if err != nil || len(trail) != 1 {
		t.Fatalf("logboek van de ontvangen interventie: %+v, %v", trail, err)
	}
	w := trail[0]
	var fields map[string]string
	if w.Veld != geschiedenis.AlleVelden || w.Gebruiker != "anna" || w.Actie != domain.ActieToegevoegd ||
		json.Unmarshal([]byte(w.NieuweWaarde), &fields) != nil || fields["naam"] != nieuw.Naam || fields["werkwijze"] != nieuw.Werkwijze {
		t.Fatalf("logboekregel van de ontvangen interventie: %+v", w)
	}
	// the record's changes are noted as received once, naming that row
	var named int
	if err := b.ReadRaw(func(db *gorm.DB) error {
		return db.Raw("SELECT count(*) FROM team_ontvangen WHERE logregel = ?", w.ID).Scan(&named).Error
	}); err != nil {
		t.Fatal(err)
	}
	if named != 1 || len(fields) < 2 {
		t.Fatalf("%d ontvangen wijzigingen wijzen naar de logboekregel van %d velden, verwacht 1", named, len(fields))
	}
	// the history shows it added by anna, with its name
	changes, err := b.Geschiedenis(store.GeschiedenisFilter{WijzigingFilter: store.WijzigingFilter{Entiteit: "interventies", EntiteitID: got.ID}})
	if err != nil || len(changes) != 1 || changes[0].Gebruiker != "anna" || changes[0].Onderwerp != nieuw.Naam {
		t.Fatalf("geschiedenis bij bram: %+v, %v", changes, err)
	}
}

// TestSameFigureAmongManyAdded: a laptop receives figures added in bulk
// (added with one statement), one of which it added itself too; that one
// becomes one figure with the value that reached the team last, the
// difference a conflict, and the others are added as they are.
func TestSameFigureAmongManyAdded(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)[0]
	reach(t, b, iv.Naam, "2032", "99")
	sync(t, b, srv)
	var rows []domain.Bereik
	for jaar := 2030; jaar < 2035; jaar++ {
		rows = append(rows, domain.Bereik{InterventieID: &iv.ID, Periode: fmt.Sprint(jaar), Waarde: float64(jaar - 2000),
			Eenheid: "deelnemers", MaatNaam: "deelnemers", Status: domain.StatusDefinitief, BronTekst: "bulk"})
	}
	if err := a.Update(func(t *store.Tx) error { return t.AddBereikBulk(rows) }); err != nil {
		t.Fatal(err)
	}
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	sameContent(t, a, b)
	got, err := b.InterventieByNaam(iv.Naam)
	if err != nil {
		t.Fatal(err)
	}
	figures, err := b.BereikVan(got.ID)
	if err != nil {
		t.Fatal(err)
	}
	byYear := map[string][]float64{}
	for _, f := range figures {
		byYear[f.Periode] = append(byYear[f.Periode], f.Waarde)
	}
	for jaar := 2030; jaar < 2035; jaar++ {
		if v := byYear[fmt.Sprint(jaar)]; len(v) != 1 || v[0] != float64(jaar-2000) {
			t.Fatalf("bram, %d: cijfers %v, verwacht één cijfer %d", jaar, v, jaar-2000)
		}
	}
	if len(conflicts(t, b)) == 0 {
		t.Fatal("bram: het verschil 99/32 is niet als conflict bewaard")
	}
	report, err := b.Check()
	if err != nil || !report.OK() {
		t.Fatalf("controle bij bram: %+v, %v", report, err)
	}
}

// TestFetchReadsAlongNumbers: right after a large send, while PostgreSQL's
// statistics still count the changes before it, a fetch reads the next
// changes along the index of numbers and stops at its limit, instead of
// gathering and sorting all changes after the number.
func TestFetchReadsAlongNumbers(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	bulkFigures(t, a, 10000)
	sync(t, a, srv)
	var plan []string
	err := srv.withConn(func(c *pgx.Conn) error {
		return pgx.BeginFunc(context.Background(), c, func(tx pgx.Tx) error {
			if _, err := tx.Exec(context.Background(), alongNumbers); err != nil {
				return err
			}
			rows, err := tx.Query(context.Background(), "EXPLAIN "+fetchQuery,
				pgx.NamedArgs{"h": "een andere laptop", "after": 1, "end": 1 << 40, "limit": fetchBatch})
			if err != nil {
				return err
			}
			plan, err = pgx.CollectRows(rows, pgx.RowTo[string])
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(plan, "\n")
	if !strings.Contains(text, "Index Scan using team_wijzigingen_pkey") || strings.Contains(text, "Sort") {
		t.Fatalf("ophalen leest niet langs de volgnummers:\n%s", text)
	}
}

// TestQueuedChangesKeepTheOrder: a figure changed twice, removed and
// entered again, all before a sync, reaches a colleague in one batch with
// the last value: the changes to its fields that wait to be made together
// are made before the removal, and never on the new figure, which may get
// the removed one's number there.
func TestQueuedChangesKeepTheOrder(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	naam := interventies(t, a)[0].Naam
	reach(t, a, naam, "2030", "50")
	sync(t, a, srv)
	b := member(t, srv, "bram")
	reach(t, a, naam, "2030", "60")
	first := reach(t, a, naam, "2030", "70")
	if err := a.DeleteBereik(first.ID); err != nil {
		t.Fatal(err)
	}
	reach(t, a, naam, "2030", "80")
	sync(t, a, srv)
	sync(t, b, srv)
	sameContent(t, a, b)
	var got []domain.Bereik
	if err := b.ReadRaw(func(db *gorm.DB) error { return db.Where("periode = ?", "2030").Find(&got).Error }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Waarde != 80 {
		t.Fatalf("bram: %+v, verwacht één cijfer 80", got)
	}
}
