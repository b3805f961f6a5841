package store

import (
	"testing"

	"jeugdmonitor/data/domain"
)

func TestPresentatieCreateUpdateDeleteAudited(t *testing.T) {
	s := openTemp(t)
	p := Presentatie{Naam: " Raadsvergadering 12 december ", Dias: []string{"jeugdhulp", "besparingen"}}
	if err := s.SavePresentatie(&p); err != nil {
		t.Fatal(err)
	}
	if p.Naam != "Raadsvergadering 12 december" {
		t.Errorf("naam %q", p.Naam)
	}
	got, err := s.PresentatieByNaam("raadsvergadering 12 DECEMBER")
	if err != nil || len(got.Dias) != 2 || got.Dias[1] != "besparingen" {
		t.Fatalf("%+v %v", got, err)
	}
	got.Dias = []string{"besparingen"}
	if err := s.SavePresentatie(&got); err != nil {
		t.Fatal(err)
	}
	rows := auditRows(t, s, "presentaties", p.ID)
	if len(rows) != 3 || rows[0].Actie != domain.ActieGewijzigd || rows[0].OudeWaarde != `["jeugdhulp","besparingen"]` || rows[0].NieuweWaarde != `["besparingen"]` {
		t.Errorf("audit %+v", rows)
	}
	dup := Presentatie{Naam: "RAADSVERGADERING 12 december", Dias: []string{"x"}}
	if err := s.SavePresentatie(&dup); domain.FieldProblems(err) == nil {
		t.Errorf("dubbele naam: %v", err)
	}
	if err := s.SavePresentatie(&Presentatie{}); len(domain.FieldProblems(err)) != 2 {
		t.Errorf("lege presentatie: %v", err)
	}
	if err := s.DeletePresentatie(p.ID); err != nil {
		t.Fatal(err)
	}
	if all, err := s.Presentaties(); err != nil || len(all) != 0 {
		t.Errorf("na verwijderen: %v %v", all, err)
	}
	if n := len(auditRows(t, s, "presentaties", p.ID)); n != 5 {
		t.Errorf("%d auditregels na verwijderen", n)
	}
}

func TestLaatsteJaarOfAnEmptyDatabase(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.LaatsteJaar(); ok || err != nil {
		t.Errorf("lege database: %v %v", ok, err)
	}
}

func TestSavePresentatieOnderNaamReplacesTheSameName(t *testing.T) {
	s := openTemp(t)
	first := Presentatie{Naam: "Raadsvergadering 12 december", Dias: []string{"besparingen"}}
	if err := s.SavePresentatieOnderNaam(&first); err != nil {
		t.Fatal(err)
	}
	again := Presentatie{Naam: "raadsvergadering 12 december", Dias: []string{"besparingen", "preventie-met-gezag"}}
	if err := s.SavePresentatieOnderNaam(&again); err != nil {
		t.Fatal(err)
	}
	all, err := s.Presentaties()
	if err != nil || len(all) != 1 || again.ID != first.ID || len(all[0].Dias) != 2 {
		t.Fatalf("after saving under the same name: %+v %v", all, err)
	}
}
