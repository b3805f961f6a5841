package chart

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
)

// reeks is a series of known, final values.
func reeks(naam string, e domain.Eenheid, waarden ...float64) dashboard.Reeks {
	r := dashboard.Reeks{Naam: naam, Eenheid: e}
	for _, v := range waarden {
		r.Punten = append(r.Punten, dashboard.Punt{Waarde: v, Bekend: true})
	}
	return r
}

// TestGoldenDefecten draws each chart defect of issue 15 as it is drawn now
// and compares it with its golden image. Two more are covered by TestGolden:
// the Spoor 3 movements in two colours (demo-bewegingen.png) and the savings
// with 2021 marked as a gap (register-besparingen.png), as is a chart without
// figures that no longer carries a headline about a trend
// (register-verblijf.png).
func TestGoldenDefecten(t *testing.T) {
	jaren := []string{"2021", "2022", "2023"}
	hoog := Standaard()
	hoog.Thema = HoogContrast
	for _, c := range []struct {
		naam string
		g    dashboard.Grafiek
		o    Opties
	}{
		// the dashed target line ran through the value under the bar's top
		{"defect-doellijn-label", doelGrafiek([]float64{2650, 2890, 3120, 3240, 3310, 1200}, 0.96, false, domain.EenheidAantal, 1), Standaard()},
		// white "50,4" on yellow and "35%" on orange were illegible
		{"defect-label-op-geel", dashboard.Grafiek{Naam: "geel", Titel: "Labels op geel en oranje", Panelen: []dashboard.Paneel{{
			Soort: dashboard.SoortStaven, Categorieen: jaren,
			Staven: []dashboard.Reeks{reeks("Zwolle", domain.EenheidPer10000, 48.2, 50.4, 49.9), reeks("Nederland", domain.EenheidPer10000, 51.3, 50.4, 52.8)}}}}, hoog},
		{"defect-label-op-oranje", dashboard.Grafiek{Naam: "oranje", Titel: "Labels op oranje en groen", Panelen: []dashboard.Paneel{{
			Soort: dashboard.SoortGestapeld, Categorieen: jaren,
			Staven: []dashboard.Reeks{reeks("Zwaar", domain.EenheidAantal, 20, 22, 21), reeks("Midden", domain.EenheidAantal, 35, 35, 36), reeks("Licht", domain.EenheidAantal, 45, 43, 43)}}}}, Standaard()},
		// one euro figure got a 0-1 count axis
		{"defect-een-euro", dashboard.Grafiek{Naam: "euro", Titel: "Eén bedrag: een euro-as", Panelen: []dashboard.Paneel{{
			Soort: dashboard.SoortStaven, Categorieen: jaren,
			Staven: []dashboard.Reeks{{Naam: "Jeugdigen met jeugdhulp", Eenheid: domain.EenheidAantal, Punten: make([]dashboard.Punt, 3)}},
			Lijn:   &dashboard.Reeks{Naam: "Uitgaven jeugdhulp", Eenheid: domain.EenheidEuro, Punten: []dashboard.Punt{{}, {}, {Waarde: 47_900_000, Bekend: true}}}}}}, Standaard()},
		// a count of 3 got steps of 0,5
		{"defect-telling-heel", dashboard.Grafiek{Naam: "telling", Titel: "Kleine aantallen: hele stappen", Panelen: []dashboard.Paneel{{
			Soort: dashboard.SoortStaven, Categorieen: jaren, Staven: []dashboard.Reeks{reeks("Casussen", domain.EenheidAantal, 1, 3, 2)}}}}, Standaard()},
		// a percentage axis ended at 60%
		{"defect-percentage-as", dashboard.Grafiek{Naam: "procent", Titel: "Percentages: as van 0 tot 100%", Panelen: []dashboard.Paneel{{
			Soort: dashboard.SoortStaven, Categorieen: jaren, Staven: []dashboard.Reeks{reeks("Ouders die weten waar", domain.EenheidPercentage, 48, 52, 57)}}}}, Standaard()},
	} {
		t.Run(c.naam, func(t *testing.T) {
			got, err := Teken(c.g, c.o)
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", c.naam+".png"), got)
		})
	}
}

// TestGoldenKernboodschapAangepast draws a chart whose headline message a
// user changed: under it, who changed it and when.
func TestGoldenKernboodschapAangepast(t *testing.T) {
	s := fixture(t, true)
	if err := dashboard.SetKernboodschap(s, "huisarts", dashboard.Opties{}, "Minder verwijzingen door de huisarts sinds de praktijkondersteuner jeugd"); err != nil {
		t.Fatal(err)
	}
	g, err := dashboard.Bouw(s, "huisarts", dashboard.Opties{Van: 2019, Tot: 2024})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Teken(g, Standaard())
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join("testdata", "defect-kernboodschap-aangepast.png"), got)
}

// TestAlleenGrafiekZonderKop checks that a chart drawn for the report
// leaves out its title, headline message, notes and source line (the page
// prints them once as text; they were printed twice), and keeps its legend,
// its values and the demo mark; drawn normally it has them all.
func TestAlleenGrafiekZonderKop(t *testing.T) {
	s := fixture(t, true)
	g, err := dashboard.Bouw(s, "besparingen", dashboard.Opties{Van: 2019, Tot: 2024})
	if err != nil {
		t.Fatal(err)
	}
	g.Kernboodschap = "Besparingen boven verwachting"
	kop := []string{g.Titel, g.Kernboodschap, g.Opmerkingen[0]}
	for _, alleen := range []bool{false, true} {
		o := Standaard()
		o.AlleenGrafiek, o.Tekstschaal = alleen, 1.4
		sp := &spoor{}
		if _, _, _, err := teken(g, o, sp); err != nil {
			t.Fatal(err)
		}
		alles := strings.Join(sp.teksten, "\n")
		for _, k := range kop { // drawn whole or as the first line of its wrapping
			getekend := slices.ContainsFunc(sp.teksten, func(s string) bool { return s == k || len(s) > 30 && strings.HasPrefix(k, s) })
			if getekend == alleen {
				t.Errorf("alleen grafiek %v: %q getekend: %v", alleen, k, getekend)
			}
		}
		if strings.Contains(alles, "Bron:") == alleen {
			t.Errorf("alleen grafiek %v: bronregel getekend: %v", alleen, !alleen)
		}
		for _, want := range []string{"Gerealiseerde besparing", "€ 150.000", "DEMO - fictieve cijfers"} {
			if !strings.Contains(alles, want) {
				t.Errorf("alleen grafiek %v: %q ontbreekt in %q", alleen, want, sp.teksten)
			}
		}
	}
}
