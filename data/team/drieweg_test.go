package team

import (
	"fmt"
	"slices"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// TestSameFigureAddedOnThreeLaptops: three laptops add the same figure
// offline, each with its own value and note. Whatever the order of the
// first synchronisation, a second round leaves all three with the same
// content: the value and note of the addition that reached the team last.
// Each has the conflict of that addition with the one before it, and a
// choice made on one laptop closes it on the others.
func TestSameFigureAddedOnThreeLaptops(t *testing.T) {
	for _, order := range []string{"XYZ", "ZYX", "YXZ"} {
		t.Run(order, func(t *testing.T) {
			srv, _ := teamServer(t)
			laptops := map[byte]*store.Store{'X': founder(t, srv, "xandra")}
			laptops['Y'] = member(t, srv, "yusuf")
			laptops['Z'] = member(t, srv, "zoe")
			naam := interventies(t, laptops['X'])[0].Naam
			waarden := map[byte]string{'X': "11", 'Y': "22", 'Z': "33"}
			for _, l := range []byte("XYZ") {
				if _, err := laptops[l].RecordBereikInvoer(store.BereikInvoer{Interventie: naam, Periode: "2030",
					Waarde: waarden[l], Eenheid: "jongeren", Notitie: string(l)}); err != nil {
					t.Fatal(err)
				}
			}
			for range 2 {
				for _, l := range []byte(order) {
					sync(t, laptops[l], srv)
				}
			}
			last := order[2]
			sameContent(t, laptops['X'], laptops['Y'], laptops['Z'])
			for _, l := range []byte("XYZ") {
				iv, err := laptops[l].InterventieByNaam(naam)
				if err != nil {
					t.Fatal(err)
				}
				cijfers, err := laptops[l].BereikVan(iv.ID)
				if err != nil {
					t.Fatal(err)
				}
				var found []string
				for _, r := range cijfers {
					if r.Periode == "2030" {
						found = append(found, fmt.Sprintf("%g %s", r.Waarde, r.Notitie))
					}
				}
				if want := waarden[last] + " " + string(last); len(found) != 1 || found[0] != want {
					t.Fatalf("%c: cijfers 2030 %q, verwacht alleen %q (de laatst aangekomen toevoeging)", l, found, want)
				}
			}
			// every laptop has the conflict that ends with the last addition,
			// as the same pair of changes, with that value holding: a choice
			// made on one laptop closes it on all
			endsLast := func(c Conflict) bool { return c.Veld == "waarde" && c.Tweede.NieuweWaarde == waarden[last] }
			for _, l := range []byte("XYZ") {
				list := conflicts(t, laptops[l])
				i := slices.IndexFunc(list, endsLast)
				if i < 0 || !list[i].Geldt(list[i].Tweede) || list[i].Eerste.Actie != domain.ActieToegevoegd {
					t.Fatalf("%c: geen conflict tussen twee toevoegingen dat eindigt met de laatste (%s):\n%v", l, waarden[last], list)
				}
			}
			chooser := laptops[order[0]]
			list := conflicts(t, chooser)
			if err := Resolve(chooser, list[slices.IndexFunc(list, endsLast)].ID, KeuzeTweede); err != nil {
				t.Fatal(err)
			}
			for _, l := range []byte(order) {
				sync(t, laptops[l], srv)
			}
			for _, l := range []byte("XYZ") {
				if slices.ContainsFunc(conflicts(t, laptops[l]), endsLast) {
					t.Fatalf("%c: de keuze op %s sloot het conflict hier niet:\n%v", l, chooser.User(), conflicts(t, laptops[l]))
				}
			}
		})
	}
}
