package team

import (
	"slices"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// TestSameFigureAddedOnTwoLaptops: two laptops add a figure for the same
// intervention, measure and period offline, in a unit neither had (so both
// also add the same measure). After synchronising they hold one measure and
// one figure, with the value that reached the team last, a field only one
// of them filled in kept, and the differing value as a conflict.
func TestSameFigureAddedOnTwoLaptops(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	naam := interventies(t, a)[0].Naam
	add := func(s *store.Store, waarde, bron, notitie string) {
		if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2026-H1", Waarde: waarde,
			Maat: "uren begeleiding", Eenheid: "uren", Bron: bron, Notitie: notitie}); err != nil {
			t.Fatal(err)
		}
	}
	add(a, "10", "", "telling anna")
	add(b, "20", "jaarverslag", "")
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		iv, err := s.InterventieByNaam(naam)
		if err != nil {
			t.Fatal(err)
		}
		maten, err := s.Maten(iv.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range maten {
			if m.Naam == "uren begeleiding" {
				n++
			}
		}
		r, err := s.BereikVan(iv.ID)
		if err != nil {
			t.Fatal(err)
		}
		var found []float64
		for _, x := range r {
			if x.Periode == "2026-H1" {
				found = append(found, x.Waarde)
				if x.BronTekst != "jaarverslag" || x.Notitie != "telling anna" {
					t.Fatalf("%s: bron %q, notitie %q: een veld dat één laptop invulde ging verloren", s.User(), x.BronTekst, x.Notitie)
				}
			}
		}
		if n != 1 || len(found) != 1 || found[0] != 20 {
			t.Fatalf("%s: %d maten 'uren begeleiding', cijfers %v; verwacht 1 maat en één cijfer 20", s.User(), n, found)
		}
		if len(conflicts(t, s)) == 0 {
			t.Fatalf("%s: het verschil 10/20 is niet als conflict bewaard", s.User())
		}
	}
}

// TestSameFigureAddedThenChangedOnBoth: a figure added on two laptops is
// one record with two keys, each laptop knowing it first under its own.
// When both then change its value offline, each sends the change under
// its own key; the second to synchronise still finds the first's change
// as a conflict, and both laptops show it with both values.
func TestSameFigureAddedThenChangedOnBoth(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	naam := interventies(t, a)[0].Naam
	enter := func(s *store.Store, waarde string) {
		if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2026-H1", Waarde: waarde,
			Maat: "deelnemers", Eenheid: "deelnemers", Bron: "telling"}); err != nil {
			t.Fatal(err)
		}
	}
	enter(a, "10")
	enter(b, "20")
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	enter(a, "30")
	enter(b, "40")
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, a, srv)
	sameContent(t, a, b)
	changedOnBoth := func(c Conflict) bool {
		values := []string{c.Eerste.NieuweWaarde, c.Tweede.NieuweWaarde}
		slices.Sort(values)
		return c.Veld == "waarde" && slices.Equal(values, []string{"30", "40"})
	}
	for _, s := range []*store.Store{a, b} {
		if !slices.ContainsFunc(conflicts(t, s), changedOnBoth) {
			t.Fatalf("%s: de wijzigingen 30 en 40 van hetzelfde cijfer zijn niet als conflict bewaard: %v", s.User(), conflicts(t, s))
		}
	}
	// settled on one laptop: closed and equal on both
	open := conflicts(t, a)
	c := open[slices.IndexFunc(open, changedOnBoth)]
	keuze := KeuzeTweede
	if c.Eerste.NieuweWaarde == "30" {
		keuze = KeuzeEerste
	}
	if err := Resolve(a, c.ID, keuze); err != nil {
		t.Fatal(err)
	}
	sync(t, a, srv)
	sync(t, b, srv)
	sameContent(t, a, b)
	for _, s := range []*store.Store{a, b} {
		if slices.ContainsFunc(conflicts(t, s), changedOnBoth) {
			t.Fatalf("%s: na de keuze nog open: %v", s.User(), conflicts(t, s))
		}
		iv, err := s.InterventieByNaam(naam)
		if err != nil {
			t.Fatal(err)
		}
		figures, err := s.BereikVan(iv.ID)
		if err != nil {
			t.Fatal(err)
		}
		if i := slices.IndexFunc(figures, func(f domain.Bereik) bool { return f.Periode == "2026-H1" }); i < 0 || figures[i].Waarde != 30 {
			t.Fatalf("%s: na de keuze voor 30: %+v", s.User(), figures)
		}
	}
}
