package overzicht

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// TestTileMenuChoosesTheMeasure: the register counts the general
// practitioners' youth workers in two measures. With that intervention
// shown, the reach chart's tile menu offers Maat kiezen… (set when the menu
// opens); the choice redraws the chart in the other measure, is kept with
// the database for a new Overzicht and the report, and choosing another
// intervention returns to the default measure. An intervention with one
// measure disables the item and says why.
func TestTileMenuChoosesTheMeasure(t *testing.T) {
	const (
		huisarts   = "Jeugd- en gezinswerkers bij de huisarts"
		praktijken = "huisartsenpraktijken met een jeugd- en gezinswerker"
		huisartsen = "huisartsen met een jeugd- en gezinswerker"
	)
	test.NewTempApp(t)
	s := registertest.Open(t, "", store.Options{User: "test"}, nil)
	if err := dashboard.Onthoud(s, dashboard.Opties{Van: 2019, Tot: 2023}); err != nil {
		t.Fatal(err)
	}
	if err := dashboard.OnthoudInterventie(s, huisarts); err != nil {
		t.Fatal(err)
	}
	sc := screenOn(t, s, fyne.NewSize(1366, 768))
	i := slices.IndexFunc(sc.Kaarten, func(k *Kaart) bool { return k.Naam == BereikInterventie })
	item := sc.MaatMenu()
	if i < 0 || item == nil || !slices.Contains(sc.Kaarten[i].Menu.Items, item) {
		t.Fatal("het menu van de tegel heeft geen " + MaatKiezen)
	}
	sc.Kaarten[i].TappedSecondary(&fyne.PointEvent{}) // opens the menu, which sets the item
	if item.Label != MaatKiezen || item.Disabled {
		t.Fatalf("met twee maten: %q, uitgeschakeld %v", item.Label, item.Disabled)
	}
	if g, _ := sc.grafiek(i); g.Maatkeuze.Maat != huisartsen {
		t.Fatalf("standaard toont de grafiek %q", g.Maatkeuze.Maat)
	}

	item.Action()
	keuze := sc.MaatKeuze()
	if keuze == nil {
		t.Fatal("de keuze van de maat verscheen niet")
	}
	want := []string{"Standaard: " + huisartsen,
		praktijken + " (procent van de huisartsenpraktijken)", huisartsen + " (procent van de huisartsen)"}
	if !slices.Equal(keuze.Options, want) || keuze.Selected != want[0] {
		t.Fatalf("keuzes %q, gekozen %q", keuze.Options, keuze.Selected)
	}
	waitRefresh(t, sc, func() { keuze.SetSelected(want[1]) })
	g, _ := sc.grafiek(i)
	if g.Maatkeuze.Maat != praktijken || !strings.HasSuffix(g.Titel, "("+praktijken+")") || g.Panelen[0].Staven[0].Punten[0].Waarde != 73 {
		t.Errorf("na de keuze: %q, %+v", g.Titel, g.Maatkeuze)
	}
	if std, err := dashboard.Standaard(s); err != nil || std.Maat != praktijken || std.Interventie != huisarts {
		t.Errorf("niet bewaard: %+v, %v", std, err)
	}
	again := screenOn(t, s, fyne.NewSize(1366, 768))
	if g, _ := again.grafiek(i); g.Maatkeuze.Maat != praktijken {
		t.Errorf("nieuw Overzicht: %q", g.Maatkeuze.Maat)
	}
	again.toonMaatKeuze()
	if k := again.MaatKeuze(); k == nil || k.Selected != want[1] {
		t.Errorf("de keuze toont de gekozen maat niet: %v", k)
	}
	// the years chosen after it keep the measure
	waitRefresh(t, again, func() { again.Van.SetSelected("2018") })
	if g, _ := again.grafiek(i); g.Maatkeuze.Maat != praktijken {
		t.Errorf("na andere jaren: %q", g.Maatkeuze.Maat)
	}

	// another intervention: its only measure, and the item says so
	waitRefresh(t, again, func() { again.KiesInterventie("Ambulant jongerenwerk") })
	again.werkMaatMenuBij()
	if item := again.MaatMenu(); !item.Disabled || item.Label != MaatKiezen+" (maar één maat: jongeren)" {
		t.Errorf("bij één maat: %q, uitgeschakeld %v", item.Label, item.Disabled)
	}
	if _, waarom := maatMenuTekst(again.maatKeuzeVan()); waarom != "Ambulant jongerenwerk heeft één maat: jongeren" {
		t.Errorf("waarom niet: %q", waarom)
	}
	// and back: the default measure again
	waitRefresh(t, again, func() { again.KiesInterventie(huisarts) })
	if g, _ := again.grafiek(i); g.Maatkeuze.Maat != huisartsen {
		t.Errorf("terug naar %s: maat %q", huisarts, g.Maatkeuze.Maat)
	}
}
