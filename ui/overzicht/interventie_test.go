package overzicht

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
)

// TestTileMenuChoosesTheIntervention: the menu of the reach chart's tile
// chooses its intervention from those with reach in the years; the chart
// shows it at once, and a new Overzicht on the same database shows it too.
func TestTileMenuChoosesTheIntervention(t *testing.T) {
	sc, s := demoScreen(t)
	i := slices.IndexFunc(sc.Kaarten, func(k *Kaart) bool { return k.Naam == BereikInterventie })
	if i < 0 {
		t.Fatal("geen tegel " + BereikInterventie)
	}
	var kies *fyne.MenuItem
	for _, item := range sc.Kaarten[i].Menu.Items {
		if item.Label == InterventieKiezen {
			kies = item
		}
	}
	if kies == nil {
		t.Fatalf("het menu van de tegel heeft geen %q", InterventieKiezen)
	}
	kies.Action()
	eventually(t, "de keuze van de interventie verscheen niet", func() bool { return sc.InterventieKeuze() != nil })
	keuze := sc.InterventieKeuze()
	if !slices.Contains(keuze.Options, "Jeugdwerk (demo)") || keuze.Selected != automatisch {
		t.Fatalf("keuzes %q, gekozen %q", keuze.Options, keuze.Selected)
	}
	const titel = "Bereik tegenover doelstelling: Jeugdwerk (demo)"
	if g, _ := sc.grafiek(i); g.Titel == titel {
		t.Fatal("de proef moet met een andere interventie beginnen")
	}
	waitRefresh(t, sc, func() { keuze.SetSelected("Jeugdwerk (demo)") })
	if g, _ := sc.grafiek(i); g.Titel != titel {
		t.Errorf("na de keuze: %q", g.Titel)
	}
	again := screenOn(t, s, fyne.NewSize(1366, 768))
	if g, _ := again.grafiek(i); g.Titel != titel {
		t.Errorf("nieuw Overzicht: %q", g.Titel)
	}
	// the years chosen after it keep the intervention
	waitRefresh(t, again, func() { again.Van.SetSelected("2021") })
	if g, _ := again.grafiek(i); g.Titel != titel {
		t.Errorf("na andere jaren: %q", g.Titel)
	}
}
