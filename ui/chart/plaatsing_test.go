package chart

import (
	"fmt"
	"testing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
)

// doelGrafiek is a chart of bars against a target per category, with the
// target placed at doel times each bar's value: the case where the dashed
// line ran through the label written under the bar's top.
func doelGrafiek(waarden []float64, doel float64, band bool, eenheid domain.Eenheid, reeksen int) dashboard.Grafiek {
	pn := dashboard.Paneel{Soort: dashboard.SoortStaven}
	for k := range reeksen {
		r := dashboard.Reeks{Naam: fmt.Sprintf("reeks %d", k+1), Eenheid: eenheid}
		for _, v := range waarden {
			r.Punten = append(r.Punten, dashboard.Punt{Waarde: v * (1 + 0.03*float64(k)), Bekend: true})
		}
		pn.Staven = append(pn.Staven, r)
	}
	for i, v := range waarden {
		pn.Categorieen = append(pn.Categorieen, fmt.Sprint(2019+i))
		d := dashboard.Doel{Van: v * doel, Tot: v * doel, Bekend: true}
		if band {
			d.Tot = v * (doel + 0.08)
		}
		pn.Doelen = append(pn.Doelen, d)
	}
	return dashboard.Grafiek{Naam: "doel", Titel: "Labels en doellijnen", Panelen: []dashboard.Paneel{pn}}
}

// controleerPlaatsing fails when a value label's text box overlaps a target
// line or another label.
func controleerPlaatsing(t *testing.T, naam string, g dashboard.Grafiek, o Opties) {
	t.Helper()
	sp := &spoor{}
	if _, _, _, err := teken(g, o, sp); err != nil {
		t.Fatal(err)
	}
	for i, l := range sp.labels {
		for _, d := range sp.doelen {
			if l.raakt(d) {
				t.Errorf("%s %dx%d: label %v raakt doellijn %v", naam, o.Breedte, o.Hoogte, l, d)
			}
		}
		for _, m := range sp.labels[i+1:] {
			if l.raakt(m) {
				t.Errorf("%s %dx%d: labels %v en %v overlappen", naam, o.Breedte, o.Hoogte, l, m)
			}
		}
	}
}

// TestLabelsRakenGeenDoellijnOfElkaar draws bars with targets from 20% below
// to 20% above the bars' tops in steps of 2% (single values and bands; one, two and three
// series of counts and euros) and every dashboard chart of the demo and
// register databases, at the projector size, at half of it, at the
// smallest size and as the PDF report draws them, and checks the geometry:
// no value label (nor a label under a bar against its target) touches a
// target line or another label.
func TestLabelsRakenGeenDoellijnOfElkaar(t *testing.T) {
	sizes := []struct {
		w, h  int
		tekst float64
	}{{1920, 1080, 1}, {960, 540, 1}, {400, 225, 1}, {1800, 1200, 1.4}} // the last as the PDF report draws
	waarden := []float64{2650, 2890, 3120, 3240, 3310, 1200}
	for _, sz := range sizes {
		o := Standaard()
		o.Breedte, o.Hoogte, o.Tekstschaal, o.AlleenGrafiek = sz.w, sz.h, sz.tekst, sz.tekst > 1
		o.Formaat = SVG // the same geometry as PNG, without the rasteriser
		for doel := 0.80; doel <= 1.20; doel += 0.02 {
			for _, band := range []bool{false, true} {
				for reeksen := 1; reeksen <= 3; reeksen++ {
					for _, e := range []domain.Eenheid{domain.EenheidAantal, domain.EenheidEuro} {
						naam := fmt.Sprintf("doel %.2f band %v %d reeksen %s", doel, band, reeksen, e)
						controleerPlaatsing(t, naam, doelGrafiek(waarden, doel, band, e, reeksen), o)
					}
				}
			}
		}
		for _, demo := range []bool{true, false} {
			graphs, err := dashboard.BouwAlle(fixture(t, demo), dashboard.Opties{Van: 2019, Tot: 2024})
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range graphs {
				controleerPlaatsing(t, g.Naam, g, o)
			}
		}
	}
}

// TestSpoorZietBotsing proves the geometry check can fail: a label box laid
// over a target line is reported as touching it.
func TestSpoorZietBotsing(t *testing.T) {
	lijn := vak{100, 498, 300, 502}
	if !(vak{150, 480, 220, 505}).raakt(lijn) {
		t.Error("een label over een doellijn raakt die niet")
	}
	if (vak{150, 470, 220, 497}).raakt(lijn) {
		t.Error("een label boven een doellijn raakt die wel")
	}
}

// TestLabelKleurHaaltAA checks every series colour of every theme: the value
// label written on it contrasts at least 4,5:1 (WCAG AA), computed, also on
// the yellow and orange where white "50,4" and "35%" were illegible.
func TestLabelKleurHaaltAA(t *testing.T) {
	for _, th := range Themas {
		for _, c := range append(th.Reeksen, th.Lijn) {
			label := th.LabelKleur(c)
			if r := Contrast(label, c); r < MinContrast {
				t.Errorf("%s: label %v op %v heeft contrast %.2f:1", th.Naam, label, c, r)
			}
		}
	}
	wit, geel, oranje := hex("ffffff"), hex("F0E442"), hex("E69F00")
	if r := Contrast(wit, geel); r >= MinContrast {
		t.Errorf("wit op geel gaf %.2f:1; de berekening klopt niet", r)
	}
	if r := Contrast(wit, oranje); r >= MinContrast {
		t.Errorf("wit op oranje gaf %.2f:1; de berekening klopt niet", r)
	}
	if r := Contrast(hex("000000"), wit); r < 20.99 || r > 21.01 {
		t.Errorf("zwart op wit gaf %.2f:1, verwacht 21:1", r)
	}
	for _, th := range Themas {
		if got := th.LabelKleur(geel); Contrast(got, geel) < MinContrast {
			t.Errorf("%s: label op geel %v", th.Naam, got)
		}
	}
}

// TestReeksenEigenKleur checks that two series in two panels (the Spoor 3
// movements) get different colours, and that a series in several panels
// (Zwolle, Nederland) keeps one.
func TestReeksenEigenKleur(t *testing.T) {
	g := dashboard.Grafiek{Panelen: []dashboard.Paneel{
		{Staven: []dashboard.Reeks{{Naam: "Naar NUL uithuisplaatsingen"}}},
		{Staven: []dashboard.Reeks{{Naam: "Sneller hulp dichtbij"}}},
		{Staven: []dashboard.Reeks{{Naam: "Zwolle"}, {Naam: "Nederland"}}},
		{Staven: []dashboard.Reeks{{Naam: "Zwolle"}, {Naam: "Nederland"}}},
	}}
	k := kleurenVan(g)
	p := &pen{t: Licht, kleuren: k}
	seen := map[string]string{}
	for naam := range k {
		c := fmt.Sprint(p.reeksKleur(naam))
		if other, ok := seen[c]; ok {
			t.Errorf("%s en %s hebben dezelfde kleur %s", naam, other, c)
		}
		seen[c] = naam
	}
	if len(k) != 4 {
		t.Errorf("%d reeksen genummerd, verwacht 4", len(k))
	}
}
