package team

import (
	"fmt"
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

// TestSameFigureAddedOnThreeLaptops: three laptops add the same figure
// offline, each with its own value and note. Whatever the order of the
// first synchronisation, a second round leaves all three with the same
// content: the value and note of the addition that reached the team last.
// The laptop whose addition that was keeps its own and says so.
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
			for _, l := range []byte("XYZ") {
				var texts []string
				for _, c := range conflicts(t, laptops[l]) {
					texts = append(texts, c.Omschrijving())
				}
				all := strings.Join(texts, "\n")
				own := fmt.Sprintf("ook hier toegevoegd, met %q; ", string(l))
				want := []string{own + "de waarde van de andere laptop bereikte het team later en vervangt die",
					fmt.Sprintf("vervangt die; daarna toegevoegd %q", string(last))}
				if l == last {
					want = []string{own + "die waarde bereikte het team later en blijft"}
					if strings.Contains(all, "vervangt") {
						t.Fatalf("%c: de eigen toevoeging bereikte het team het laatst, maar een conflict zegt dat ze vervangen is:\n%s", l, all)
					}
				}
				for _, w := range want {
					if !strings.Contains(all, w) {
						t.Fatalf("%c: de conflicten zeggen niet %q:\n%s", l, w, all)
					}
				}
			}
		})
	}
}
