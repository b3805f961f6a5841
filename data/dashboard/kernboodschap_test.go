package dashboard

import (
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// TestKernboodschapNoemtHerkomst checks that a headline message from the
// register names its document with its date, that one a user changed names
// who changed it and when (read from the audit trail), and that a chart
// without figures does not show it.
func TestKernboodschapNoemtHerkomst(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC) }
	s := registertest.Open(t, "", store.Options{User: "anna", Now: now}, nil)
	g := build(t, s, "verblijf", 2019, 2023)
	if !strings.HasPrefix(g.Kernboodschap, "Daling inzet verblijf") ||
		g.KernboodschapHerkomst != "Kernboodschap uit Routekaart Jeugdbeleid Zwolle (mei 2023)" {
		t.Errorf("uit het register: %q, herkomst %q", g.Kernboodschap, g.KernboodschapHerkomst)
	}
	if g.ToonKernboodschap() {
		t.Error("een grafiek zonder cijfers toont een kernboodschap over een trend")
	}
	meting(t, s, codeVerblijf, "2023", 410, domain.StatusDefinitief)
	if g := build(t, s, "verblijf", 2019, 2023); !g.ToonKernboodschap() {
		t.Error("met een cijfer hoort de kernboodschap erbij")
	}
	if err := SetKernboodschap(s, "verblijf", Opties{}, "Verblijf daalt verder"); err != nil {
		t.Fatal(err)
	}
	g = build(t, s, "verblijf", 2019, 2023)
	if g.Kernboodschap != "Verblijf daalt verder" || g.KernboodschapHerkomst != "Kernboodschap aangepast door anna op 29 november 2026" {
		t.Errorf("aangepast: %q, herkomst %q", g.Kernboodschap, g.KernboodschapHerkomst)
	}
	if err := SetKernboodschap(s, "besparingen", Opties{}, "Besparingen op koers"); err != nil {
		t.Fatal(err)
	}
	if g := build(t, s, "besparingen", 2019, 2023); g.KernboodschapHerkomst != "Kernboodschap aangepast door anna op 29 november 2026" {
		t.Errorf("bij de grafiek bewaard: herkomst %q", g.KernboodschapHerkomst)
	}
	if g := build(t, s, "huisarts", 2019, 2023); g.KernboodschapHerkomst != "Kernboodschap uit Routekaart Jeugdbeleid Zwolle (mei 2023)" {
		t.Errorf("een andere grafiek houdt zijn bron: %q", g.KernboodschapHerkomst)
	}
}

// TestBesparingenTonenOntbrekendJaar checks that the savings per period
// (2020, 2022, 2023 in Spoor 3) show 2021 as a category without a figure
// instead of jumping from 2020 to 2022.
func TestBesparingenTonenOntbrekendJaar(t *testing.T) {
	p := build(t, seeded(t), "besparingen", 2019, 2023).Panelen[0]
	if strings.Join(p.Categorieen, " ") != "2020 2021 2022 2023" {
		t.Fatalf("perioden %v", p.Categorieen)
	}
	pts := p.Staven[0].Punten
	if !pts[0].Bekend || pts[1].Bekend || pts[1].Waarde != 0 || !pts[2].Bekend || !pts[3].Bekend {
		t.Errorf("punten %+v", pts)
	}
}

// TestTabelRondtAfZoalsDeGrafiek checks that a share of a target reads the
// same in the table as on the chart: 110%, not 110,33%.
func TestTabelRondtAfZoalsDeGrafiek(t *testing.T) {
	r := Reeks{Eenheid: domain.EenheidPercentage, Heel: true, Punten: []Punt{{Waarde: 110.33, Bekend: true}}}
	p := Paneel{Soort: SoortDoel, Categorieen: []string{"x"}, Staven: []Reeks{r}}
	if _, rows := p.Tabel(); rows[0][1] != "110%" || r.Tekst(110.33) != "110%" {
		t.Errorf("tabel %q, grafiek %q", rows[0][1], r.Tekst(110.33))
	}
	if r.Heel = false; r.Tekst(53.99) != "53,99%" {
		t.Errorf("zonder afronding: %q", r.Tekst(53.99))
	}
}

func TestDatum(t *testing.T) {
	for d, want := range map[time.Time]string{
		time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC): "29 november 2026",
		time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC):   "1 januari 2024",
		time.Date(2023, 5, 31, 0, 0, 0, 0, time.UTC):  "31 mei 2023",
	} {
		if got := Datum(d); got != want {
			t.Errorf("Datum(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestKernboodschapBlijftBijDeInterventie: the headline message of the reach
// chart belongs to the intervention it was written about; choosing another
// intervention shows that one's own message or none, in the chart and so in
// the report, and choosing the first again brings its message back.
func TestKernboodschapBlijftBijDeInterventie(t *testing.T) {
	s := openStore(t)
	if err := VulDemo(s); err != nil {
		t.Fatal(err)
	}
	auto := Opties{Van: 2020, Tot: 2024}
	jeugdwerk := auto
	jeugdwerk.Interventie = "Jeugdwerk (demo)"
	if err := SetKernboodschap(s, "bereik-interventie", jeugdwerk, "Jeugdwerk bereikt het doel net niet"); err != nil {
		t.Fatal(err)
	}
	g, err := Bouw(s, "bereik-interventie", jeugdwerk)
	if err != nil || g.Kernboodschap != "Jeugdwerk bereikt het doel net niet" ||
		g.KernboodschapHerkomst != "Kernboodschap aangepast door test op "+Datum(time.Now()) {
		t.Fatalf("bij jeugdwerk: %q, %q, %v", g.Kernboodschap, g.KernboodschapHerkomst, err)
	}
	ander, err := Bouw(s, "bereik-interventie", auto)
	if err != nil || ander.Titel == g.Titel {
		t.Fatalf("de proef moet automatisch een andere interventie tonen: %q, %v", ander.Titel, err)
	}
	if ander.Kernboodschap != "" || ander.KernboodschapHerkomst != "" {
		t.Errorf("een andere interventie toont %q (%q)", ander.Kernboodschap, ander.KernboodschapHerkomst)
	}
	if err := SetKernboodschap(s, "bereik-interventie", auto, "Eigen boodschap"); err != nil {
		t.Fatal(err)
	}
	if g, _ := Bouw(s, "bereik-interventie", jeugdwerk); g.Kernboodschap != "Jeugdwerk bereikt het doel net niet" {
		t.Errorf("terug naar jeugdwerk: %q", g.Kernboodschap)
	}
	if g, _ := Bouw(s, "bereik-interventie", auto); g.Kernboodschap != "Eigen boodschap" {
		t.Errorf("de andere interventie: %q", g.Kernboodschap)
	}
}

// TestOudeKernboodschapHoortBijDeGetoondeInterventie: a headline message
// saved with the reach chart before it was kept per intervention belongs to
// the intervention chosen when it was saved; saved under the automatic
// choice, it stays with the automatic choice.
func TestOudeKernboodschapHoortBijDeGetoondeInterventie(t *testing.T) {
	const oud = "kernboodschap.bereik-interventie"
	auto := Opties{Van: 2020, Tot: 2024}
	jeugdwerk := auto
	jeugdwerk.Interventie = "Jeugdwerk (demo)"

	s := openStore(t)
	if err := VulDemo(s); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(OnthoudInterventie(s, "Jeugdwerk (demo)"))
	must(s.SetSetting(oud, "Over jeugdwerk"))
	must(OnthoudInterventie(s, ""))
	if g, _ := Bouw(s, "bereik-interventie", jeugdwerk); g.Kernboodschap != "Over jeugdwerk" {
		t.Errorf("jeugdwerk, gekozen toen de boodschap werd opgeslagen: %q", g.Kernboodschap)
	}
	if g, _ := Bouw(s, "bereik-interventie", auto); g.Kernboodschap != "" {
		t.Errorf("de automatische keuze toont de boodschap over jeugdwerk: %q", g.Kernboodschap)
	}

	s = openStore(t)
	must(VulDemo(s))
	must(s.SetSetting(oud, "Over de automatische keuze"))
	if g, _ := Bouw(s, "bereik-interventie", auto); g.Kernboodschap != "Over de automatische keuze" {
		t.Errorf("opgeslagen bij de automatische keuze: %q", g.Kernboodschap)
	}
	if g, _ := Bouw(s, "bereik-interventie", jeugdwerk); g.Kernboodschap != "" {
		t.Errorf("een gekozen interventie toont de boodschap van de automatische keuze: %q", g.Kernboodschap)
	}
}
