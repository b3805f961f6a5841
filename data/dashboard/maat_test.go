package dashboard

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

// tweeMaten gives Ambulant jongerenwerk (a target of min. 3.500 jongeren
// for 2023 in the register) reach in two measures: jongeren in 2023 and
// 2024, groepsactiviteiten (counted in activiteiten) in 2022-2024.
func tweeMaten(t *testing.T) *store.Store {
	t.Helper()
	s := seeded(t)
	for _, in := range []store.BereikInvoer{
		{Periode: "2023", Waarde: "3.612"},
		{Periode: "2024", Waarde: "3.650"},
		{Periode: "2022", Waarde: "180", Maat: "groepsactiviteiten", Eenheid: "activiteiten"},
		{Periode: "2023", Waarde: "190", Maat: "groepsactiviteiten"},
		{Periode: "2024", Waarde: "212", Maat: "groepsactiviteiten"},
	} {
		in.Interventie, in.Bron = "Ambulant jongerenwerk", "Jaarverslag Travers"
		if _, err := s.RecordBereikInvoer(in); err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
	}
	return s
}

// TestReachChartShowsTheChosenMeasure: by default the chart shows the
// measure of the latest target (jongeren, not the measure with the most
// figures); named in the options it shows the other measure's figures, its
// name in the title and its unit in the legend, and no target of another
// unit; a measure the intervention does not have falls back to the default.
func TestReachChartShowsTheChosenMeasure(t *testing.T) {
	s := tweeMaten(t)
	o := Opties{Van: 2020, Tot: 2024, Interventie: "Ambulant jongerenwerk"}
	g, err := Bouw(s, "bereik-interventie", o)
	if err != nil {
		t.Fatal(err)
	}
	k := g.Maatkeuze
	if k.Interventie != "Ambulant jongerenwerk" || k.Maat != "jongeren" || k.Standaard != "jongeren" ||
		!slices.Equal(k.Maten, []KeuzeMaat{{"jongeren", "jongeren"}, {"groepsactiviteiten", "activiteiten"}}) ||
		k.Maten[0].Label() != "jongeren" || k.Maten[1].Label() != "groepsactiviteiten (activiteiten)" {
		t.Fatalf("maatkeuze %+v", k)
	}
	p := g.Panelen[0]
	if g.Titel != "Bereik tegenover doelstelling: Ambulant jongerenwerk (jongeren)" || p.Staven[0].Naam != "Bereik (jongeren)" ||
		p.Staven[0].Punten[4].Waarde != 3650 || p.Staven[0].Punten[2].Bekend || p.Doelen[3].Van != 3500 {
		t.Errorf("standaard: %q, %+v", g.Titel, p)
	}

	o.Maat = "Groepsactiviteiten" // as typed: the case does not count
	if g, err = Bouw(s, "bereik-interventie", o); err != nil {
		t.Fatal(err)
	}
	p = g.Panelen[0]
	var waarden []float64
	for _, pt := range p.Staven[0].Punten {
		waarden = append(waarden, pt.Waarde)
	}
	if g.Maatkeuze.Maat != "groepsactiviteiten" || g.Maatkeuze.Standaard != "jongeren" || g.Titel != "Bereik per jaar: Ambulant jongerenwerk (groepsactiviteiten)" ||
		p.Staven[0].Naam != "Bereik (activiteiten)" || !slices.Equal(waarden, []float64{0, 0, 180, 190, 212}) {
		t.Errorf("groepsactiviteiten: %q, %q, %v", g.Titel, p.Staven[0].Naam, waarden)
	}
	for i, d := range p.Doelen {
		if d.Bekend {
			t.Errorf("de doelstelling in jongeren staat bij %d in de grafiek van de activiteiten", 2020+i)
		}
	}
	if !slices.Equal(g.Opmerkingen, []string{"Geen doelstelling voor 2022-2024"}) {
		t.Errorf("opmerkingen %q", g.Opmerkingen)
	}

	o.Maat = "bestaat niet"
	if g, err = Bouw(s, "bereik-interventie", o); err != nil || g.Maatkeuze.Maat != "jongeren" {
		t.Errorf("onbekende maat: %+v, %v", g.Maatkeuze, err)
	}
	if err := ControleerMaat(s, o); err == nil || err.Error() != `onbekende maat "bestaat niet" voor Ambulant jongerenwerk; bekende maten: jongeren, groepsactiviteiten` {
		t.Errorf("ControleerMaat: %v", err)
	}
	if o.Maat = "groepsactiviteiten"; ControleerMaat(s, o) != nil {
		t.Errorf("ControleerMaat weigert een bekende maat: %v", ControleerMaat(s, o))
	}
	// An intervention with one measure names none in its title.
	o = Opties{Van: 2020, Tot: 2024, Interventie: "Jongerencentra"}
	if err := ControleerMaat(s, Opties{Van: 2020, Tot: 2024, Interventie: "Jongerencentra", Maat: "x"}); err == nil ||
		!strings.HasPrefix(err.Error(), `onbekende maat "x" voor Jongerencentra; bekende maten: `) {
		t.Errorf("ControleerMaat bij één maat: %v", err)
	}
	if g, err := Bouw(s, "bereik-interventie", o); err != nil || len(g.Maatkeuze.Maten) != 1 || strings.Contains(g.Titel, "(") {
		t.Errorf("één maat: %q %+v %v", g.Titel, g.Maatkeuze, err)
	}
}

// TestChosenMeasureStaysWithTheIntervention: the measure is stored with the
// intervention (both settings, one audited change each) and is what
// Standaard gives; choosing another intervention returns to the default
// measure, also when the first is chosen again; a measure chosen for an
// intervention that another program version replaced, or that no longer
// exists, gives the default without an error.
func TestChosenMeasureStaysWithTheIntervention(t *testing.T) {
	s := tweeMaten(t)
	if err := OnthoudMaat(s, "Ambulant jongerenwerk", "groepsactiviteiten"); err != nil {
		t.Fatal(err)
	}
	std, err := Standaard(s)
	if err != nil || std.Interventie != "Ambulant jongerenwerk" || std.Maat != "groepsactiviteiten" {
		t.Fatalf("Standaard %+v, %v", std, err)
	}
	if g, err := Bouw(s, "bereik-interventie", std); err != nil || g.Maatkeuze.Maat != "groepsactiviteiten" {
		t.Errorf("gekozen maat niet getoond: %+v, %v", g.Maatkeuze, err)
	}
	log, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "instellingen"})
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.InterventieByNaam("Ambulant jongerenwerk")
	if err != nil {
		t.Fatal(err)
	}
	nummer := strconv.FormatUint(uint64(in.ID), 10)
	gelogd := map[string]string{}
	for _, w := range log {
		gelogd[w.Veld] = w.NieuweWaarde
	}
	if gelogd[InterventieKey] != nummer || gelogd[MaatKey] != nummer+":groepsactiviteiten" {
		t.Errorf("de keuze staat niet in het logboek: %v", gelogd)
	}
	// the same choice again writes nothing
	if err := OnthoudMaat(s, "Ambulant jongerenwerk", "groepsactiviteiten"); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Wijzigingen(store.WijzigingFilter{Entiteit: "instellingen"}); len(again) != len(log) {
		t.Errorf("dezelfde keuze opnieuw schreef %d logregels", len(again)-len(log))
	}

	if err := OnthoudInterventie(s, "Jongerencentra"); err != nil {
		t.Fatal(err)
	}
	if std, _ := Standaard(s); std.Maat != "" {
		t.Errorf("na een andere interventie blijft de maat %q", std.Maat)
	}
	if err := OnthoudInterventie(s, "Ambulant jongerenwerk"); err != nil {
		t.Fatal(err)
	}
	if std, _ := Standaard(s); std.Maat != "" {
		t.Errorf("terug naar de eerste interventie: de maat %q kwam terug", std.Maat)
	}

	// An older program changes only the intervention: the measure stored
	// for the other one is not used.
	if err := OnthoudMaat(s, "Ambulant jongerenwerk", "groepsactiviteiten"); err != nil {
		t.Fatal(err)
	}
	jc, err := s.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(InterventieKey, strconv.FormatUint(uint64(jc.ID), 10)); err != nil {
		t.Fatal(err)
	}
	if naam, err := GekozenMaat(s); err != nil || naam != "" {
		t.Errorf("maat van een andere interventie: %q, %v", naam, err)
	}

	// A stored measure that no longer exists: the default, no error.
	if err := OnthoudMaat(s, "Ambulant jongerenwerk", "verdwenen maat"); err != nil {
		t.Fatal(err)
	}
	std, err = Standaard(s)
	if err != nil || std.Maat != "verdwenen maat" {
		t.Fatalf("Standaard %+v, %v", std, err)
	}
	if g, err := Bouw(s, "bereik-interventie", std); err != nil || g.Maatkeuze.Maat != "jongeren" || !g.HeeftGegevens() {
		t.Errorf("verdwenen maat: %+v, %v", g.Maatkeuze, err)
	}
	// "" returns to the default and keeps the intervention.
	if err := OnthoudMaat(s, "Ambulant jongerenwerk", ""); err != nil {
		t.Fatal(err)
	}
	if std, _ := Standaard(s); std.Maat != "" || std.Interventie != "Ambulant jongerenwerk" {
		t.Errorf("terug naar de standaardmaat: %+v", std)
	}
	if err := OnthoudMaat(s, "Bestaat niet", "jongeren"); err == nil {
		t.Error("een maat van een onbekende interventie is bewaard")
	}
}

// TestTargetNotesSayEachTargetOnce: targets of the same value, each for
// its own year, are one note without "(doelstelling voor 2021)" after it;
// a yearly target still says it is yearly.
func TestTargetNotesSayEachTargetOnce(t *testing.T) {
	s := seeded(t)
	for _, jaar := range []string{"2021", "2022"} {
		if _, err := s.CreateDoelstellingInvoer(store.DoelstellingInvoer{Interventies: []string{"Ambulant jongerenwerk"},
			Periode: jaar, Soort: "minimaal", Waarde: "3.500", BronDocument: "Begroting " + jaar}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateDoelstellingInvoer(store.DoelstellingInvoer{Interventies: []string{"Ambulant jongerenwerk"},
		Periode: "jaarlijks", Soort: "minimaal", Waarde: "3.600", BronDocument: "Routekaart"}); err != nil {
		t.Fatal(err)
	}
	g, err := Bouw(s, "bereik-interventie", Opties{Van: 2021, Tot: 2024, Interventie: "Ambulant jongerenwerk"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Doelstelling 2021-2023: min. 3.500 jongeren", "Doelstelling 2024: min. 3.600 jongeren (jaarlijkse doelstelling)"}
	if !slices.Equal(g.Opmerkingen, want) {
		t.Errorf("opmerkingen %q, verwacht %q", g.Opmerkingen, want)
	}
}

// TestDefaultMeasureWithoutTargetIsTheLatest: the register counts the
// general practitioners' youth workers in two measures, once each (73% of
// the practices in 2019, 80% of the doctors in 2023) and sets no target:
// the chart shows the latest figure, and the other measure can be chosen.
func TestDefaultMeasureWithoutTargetIsTheLatest(t *testing.T) {
	s := seeded(t)
	o := Opties{Van: 2019, Tot: 2023, Interventie: "Jeugd- en gezinswerkers bij de huisarts"}
	g, err := Bouw(s, "bereik-interventie", o)
	if err != nil {
		t.Fatal(err)
	}
	p := g.Panelen[0].Staven[0]
	if g.Maatkeuze.Maat != "huisartsen met een jeugd- en gezinswerker" || p.Punten[4].Waarde != 80 || p.Punten[0].Bekend ||
		p.Naam != "Bereik (procent van de huisartsen)" || len(g.Maatkeuze.Maten) != 2 {
		t.Errorf("standaard: %+v, %+v", g.Maatkeuze, p)
	}
	o.Maat = "huisartsenpraktijken met een jeugd- en gezinswerker"
	if g, err = Bouw(s, "bereik-interventie", o); err != nil || g.Panelen[0].Staven[0].Punten[0].Waarde != 73 {
		t.Errorf("gekozen: %+v, %v", g.Panelen, err)
	}
	if g.Titel != "Bereik per jaar: Jeugd- en gezinswerkers bij de huisarts (huisartsenpraktijken met een jeugd- en gezinswerker)" {
		t.Errorf("titel %q", g.Titel)
	}
}

// TestKernboodschapBelongsToTheMeasure: the headline message typed for the
// intervention's default measure does not head the chart of its other
// measure, which keeps a message of its own.
func TestKernboodschapBelongsToTheMeasure(t *testing.T) {
	s := tweeMaten(t)
	o := Opties{Van: 2020, Tot: 2024, Interventie: "Ambulant jongerenwerk"}
	if err := SetKernboodschap(s, "bereik-interventie", o, "Meer jongeren bereikt dan beoogd"); err != nil {
		t.Fatal(err)
	}
	activiteiten := o
	activiteiten.Maat = "groepsactiviteiten"
	if g, err := Bouw(s, "bereik-interventie", activiteiten); err != nil || g.Kernboodschap != "" {
		t.Errorf("de boodschap over jongeren staat bij de groepsactiviteiten: %q, %v", g.Kernboodschap, err)
	}
	if err := SetKernboodschap(s, "bereik-interventie", activiteiten, "Elke week een activiteit"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		o    Opties
		want string
	}{{o, "Meer jongeren bereikt dan beoogd"}, {activiteiten, "Elke week een activiteit"}} {
		if g, err := Bouw(s, "bereik-interventie", c.o); err != nil || g.Kernboodschap != c.want || !strings.HasPrefix(g.KernboodschapHerkomst, "Kernboodschap aangepast door test") {
			t.Errorf("maat %q: %q (%q), %v", c.o.Maat, g.Kernboodschap, g.KernboodschapHerkomst, err)
		}
	}
}
