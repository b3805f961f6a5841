package team

import (
	"slices"
	"testing"
	"time"

	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// TestOpenMarkeringen: an open conflict on a target shared by
// interventions marks each of them, one on a figure its intervention;
// a settled conflict and one about a record removed here mark nothing,
// and a database without conflicts has no marks.
func TestOpenMarkeringen(t *testing.T) {
	s := registertest.Open(t, "", store.Options{User: "tester"}, nil)
	if list, err := OpenMarkeringen(s); err != nil || len(list) != 0 {
		t.Fatalf("zonder conflicten: %+v, %v", list, err)
	}
	all, err := s.Interventies(false)
	if err != nil {
		t.Fatal(err)
	}
	var shared, figureOf uint
	var sharedBy []uint
	for _, i := range all {
		targets, err := s.Doelstellingen(i.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range targets {
			if len(d.InterventieIDs) > 1 && shared == 0 {
				shared, sharedBy = d.ID, d.InterventieIDs
			}
		}
	}
	figure, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: all[0].Naam, Periode: "2024", Waarde: "50",
		Bron: "test", Maat: "deelnemers", Eenheid: "deelnemers"})
	if err != nil {
		t.Fatal(err)
	}
	figureOf = all[0].ID
	if shared == 0 {
		t.Fatal("het register heeft geen gedeelde doelstelling")
	}
	conflictRow := func(entiteit, sleutel, veld, opgelostDoor string) string {
		return `INSERT INTO team_conflicten (entiteit, sleutel, veld, eerste_id, eerste_actie, eerste_waarde, eerste_gebruiker,
  eerste_tijd, tweede_id, tweede_actie, tweede_waarde, tweede_gebruiker, tweede_tijd, opgelost_door)
VALUES ('` + entiteit + `', '` + sleutel + `', '` + veld + `', 'e-` + sleutel + veld + `', 'gewijzigd', '1', 'bram', ?,
  't-` + sleutel + veld + `', 'gewijzigd', '2', 'tester', ?, '` + opgelostDoor + `')`
	}
	now := time.Now().UTC()
	if err := s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"INSERT INTO team_sleutels VALUES ('doel', 'doelstellingen', ?)", []any{shared}},
			{"INSERT INTO team_sleutels VALUES ('cijfer', 'bereik', ?)", []any{figure.ID}},
			{conflictRow("doelstellingen", "doel", "waarde", ""), []any{now, now}},
			{conflictRow("bereik", "cijfer", "waarde", ""), []any{now, now}},
			{conflictRow("bereik", "cijfer", "status", "bram"), []any{now, now}}, // settled
			{conflictRow("bereik", "weg", "waarde", ""), []any{now, now}},        // not here
		} {
			if err := db.Exec(q.sql, q.args...).Error; err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	list, err := OpenMarkeringen(s)
	if err != nil {
		t.Fatal(err)
	}
	var targetOf []uint
	var figures []Markering
	for _, mk := range list {
		switch mk.Entiteit {
		case "doelstellingen":
			if mk.LokaalID != shared || mk.Veld != "waarde" {
				t.Errorf("doelstelling: %+v", mk)
			}
			targetOf = append(targetOf, mk.InterventieID)
		case "bereik":
			figures = append(figures, mk)
		default:
			t.Errorf("onverwacht: %+v", mk)
		}
	}
	slices.Sort(targetOf)
	slices.Sort(sharedBy)
	if !slices.Equal(targetOf, sharedBy) {
		t.Errorf("gedeelde doelstelling markeert interventies %v, verwacht %v", targetOf, sharedBy)
	}
	if len(figures) != 1 || figures[0].LokaalID != figure.ID || figures[0].Veld != "waarde" || figures[0].InterventieID != figureOf {
		t.Errorf("cijfers: %+v (cijfer %d van interventie %d)", figures, figure.ID, figureOf)
	}
}
