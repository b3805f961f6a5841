package dashboard

import (
	"slices"
	"testing"
)

// TestChosenInterventionStaysWithTheDatabase: the interventions to choose
// from are those with yearly reach in the years; a chosen one is what
// Standaard gives and what the reach chart then shows, also after the
// intervention is renamed; "" leaves the choice to the chart again; an
// unknown name is refused and changes nothing.
func TestChosenInterventionStaysWithTheDatabase(t *testing.T) {
	s := openStore(t)
	if err := VulDemo(s); err != nil {
		t.Fatal(err)
	}
	o := Opties{Van: 2020, Tot: 2024}
	namen, err := Interventiekeuzes(s, o)
	if err != nil || !slices.Contains(namen, "Jeugdwerk (demo)") || !slices.IsSorted(namen) {
		t.Fatalf("keuzes %q, %v", namen, err)
	}
	auto, err := Bouw(s, "bereik-interventie", o)
	if err != nil || auto.Titel == "Bereik tegenover doelstelling: Jeugdwerk (demo)" {
		t.Fatalf("zonder keuze %q, %v: de proef moet een andere interventie kiezen", auto.Titel, err)
	}
	if err := OnthoudInterventie(s, "Jeugdwerk (demo)"); err != nil {
		t.Fatal(err)
	}
	std, err := Standaard(s)
	if err != nil || std.Interventie != "Jeugdwerk (demo)" {
		t.Fatalf("Standaard %+v, %v", std, err)
	}
	if g, err := Bouw(s, "bereik-interventie", std); err != nil || g.Titel != "Bereik tegenover doelstelling: Jeugdwerk (demo)" {
		t.Errorf("met keuze %q, %v", g.Titel, err)
	}
	in, err := s.InterventieByNaam("Jeugdwerk (demo)")
	if err != nil {
		t.Fatal(err)
	}
	in.Naam = "Jeugdwerk Zwolle (demo)"
	if err := s.UpdateInterventie(&in); err != nil {
		t.Fatal(err)
	}
	if naam, err := GekozenInterventie(s); err != nil || naam != in.Naam {
		t.Errorf("na hernoemen %q, %v", naam, err)
	}
	if err := OnthoudInterventie(s, "Bestaat niet"); err == nil {
		t.Error("een onbekende interventie is geaccepteerd")
	}
	if naam, _ := GekozenInterventie(s); naam != in.Naam {
		t.Errorf("na een geweigerde keuze %q", naam)
	}
	if err := OnthoudInterventie(s, ""); err != nil {
		t.Fatal(err)
	}
	if std, err := Standaard(s); err != nil || std.Interventie != "" {
		t.Errorf("na automatisch %+v, %v", std, err)
	}
}
