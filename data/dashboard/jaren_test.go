package dashboard

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// TestVoorgesteldFollowsFiguresAndYearTargets: the suggested years end at the
// latest year with figures, or at a later target for one calendar year that
// has begun; the register's plan period 2024-2027 and a target for a year to
// come do not move them.
func TestVoorgesteldFollowsFiguresAndYearTargets(t *testing.T) {
	s := seeded(t)
	if o, err := Voorgesteld(s, 2026); err != nil || o != (Opties{Van: 2019, Tot: 2023}) {
		t.Fatalf("register: %+v %v", o, err)
	}
	doel := func(periode string) {
		t.Helper()
		if _, err := s.CreateDoelstellingInvoer(store.DoelstellingInvoer{Interventies: []string{"Ambulant jongerenwerk"},
			Periode: periode, Soort: "minimaal", Waarde: "3.600"}); err != nil {
			t.Fatal(err)
		}
	}
	doel("2024 t/m 2028")
	doel("2027")
	if o, _ := Voorgesteld(s, 2026); o.Tot != 2023 {
		t.Errorf("a plan period and a target for 2027 moved the range to %+v", o)
	}
	doel("2025")
	if o, _ := Voorgesteld(s, 2026); o != (Opties{Van: 2021, Tot: 2025}) {
		t.Errorf("target for 2025: %+v", o)
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2026", Waarde: "10"}); err != nil {
		t.Fatal(err)
	}
	if o, _ := Voorgesteld(s, 2026); o.Tot != 2026 {
		t.Errorf("reach for 2026: %+v", o)
	}
	if o, _ := Voorgesteld(openStore(t), 2026); o != (Opties{Van: 2021, Tot: 2025}) {
		t.Errorf("empty database: %+v", o)
	}
}

// TestChosenYearsStayWithTheDatabase: the chosen years are stored in the
// database (audited), read back by Standaard, and a broken value is ignored.
func TestChosenYearsStayWithTheDatabase(t *testing.T) {
	s := seeded(t)
	if err := Onthoud(s, Opties{Van: 2020, Tot: 2022}); err != nil {
		t.Fatal(err)
	}
	if err := Onthoud(s, Opties{Van: 2020, Tot: 2022}); err != nil {
		t.Fatal(err)
	}
	if o, err := Standaard(s); err != nil || o != (Opties{Van: 2020, Tot: 2022}) {
		t.Errorf("standaard na kiezen: %+v %v", o, err)
	}
	rows, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "instellingen"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if strings.Contains(r.NieuweWaarde, "2020-2022") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d logregels voor dezelfde keuze, want 1: %+v", n, rows)
	}
	if err := Onthoud(s, Opties{Van: 2024, Tot: 2020}); err == nil {
		t.Error("omgekeerde jaren opgeslagen")
	}
	if err := s.SetSetting(JarenKey, "twintig"); err != nil {
		t.Fatal(err)
	}
	if o, err := Standaard(s); err != nil || o != (Opties{Van: 2019, Tot: 2023}) {
		t.Errorf("onleesbare keuze: %+v %v", o, err)
	}
}

// TestLeegUntilTheUserHasFigures: a new database (only the register's
// figures) is empty for the Begin hier panel; a typed reach figure, an
// imported measurement or a demo database is not.
func TestLeegUntilTheUserHasFigures(t *testing.T) {
	s := seeded(t)
	if leeg, err := Leeg(s); err != nil || !leeg {
		t.Fatalf("nieuwe database: leeg %v %v", leeg, err)
	}
	meting(t, s, codeJeugdigen, "2022", 3500, domain.StatusDefinitief)
	if leeg, _ := Leeg(s); leeg {
		t.Error("een ingelezen meting laat het dashboard leeg")
	}
	s = seeded(t)
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2024", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	if leeg, _ := Leeg(s); leeg {
		t.Error("een ingevoerd bereik laat het dashboard leeg")
	}
	demo := openStore(t)
	if err := VulDemo(demo); err != nil {
		t.Fatal(err)
	}
	if leeg, _ := Leeg(demo); leeg {
		t.Error("de demodatabase is leeg")
	}
}

// TestProgressOnTargets: the key figure counts the targets of the year that
// the reach meets, says it is derived, and names the targets without reach.
func TestProgressOnTargets(t *testing.T) {
	s := seeded(t)
	before, err := VoortgangVan(s, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if before.Doelen == 0 || before.ZonderBereik != before.Doelen-before.Gehaald {
		t.Fatalf("register 2023: %+v", before)
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2023", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	after, _ := VoortgangVan(s, 2023)
	if after.Gehaald != before.Gehaald+1 || after.ZonderBereik != before.ZonderBereik-1 || after.Doelen != before.Doelen {
		t.Errorf("na 3.612 tegen min. 3.500: %+v, ervoor %+v", after, before)
	}
	k, err := Kerncijfers(s, Opties{Van: 2019, Tot: 2023}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{"Doelstellingen 2023", itoa(after.Gehaald) + " van " + itoa(after.Doelen) + " gehaald"}, "|")
	if got := k[1].Label + "|" + k[1].Waarde; got != want || !k[1].Berekend || !strings.HasSuffix(k[1].Toelichting, "zonder bereikcijfer voor 2023") {
		t.Errorf("kerncijfer %+v, want %s", k[1], want)
	}
	if k, _ := Kerncijfers(openStore(t), Opties{Van: 2028, Tot: 2030}, nil); k[1].Waarde != "geen" {
		t.Errorf("jaar zonder doelstellingen: %+v", k[1])
	}
}

// TestProgressCountsOnlyTargetsWithReach: a target without a reach figure for
// the year is not counted as missed; a new database says no figures yet, and
// one figure against its target reads "1 van 1 gehaald" with the rest named
// as without a figure.
func TestProgressCountsOnlyTargetsWithReach(t *testing.T) {
	s := seeded(t)
	o := Opties{Van: 2019, Tot: 2023}
	k, err := Kerncijfers(s, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := VoortgangVan(s, 2023)
	if v.Doelen < 2 || v.ZonderBereik != v.Doelen {
		t.Fatalf("register 2023: %+v", v)
	}
	wantToel := itoa(v.Doelen) + " doelstellingen voor 2023, geen met een bereikcijfer voor dat jaar"
	if k[1].Waarde != "nog geen bereikcijfers" || k[1].Toelichting != wantToel {
		t.Errorf("nieuwe database: %+v", k[1])
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2023", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	k, _ = Kerncijfers(s, o, nil)
	wantToel = itoa(v.Doelen-1) + " zonder bereikcijfer voor 2023"
	if k[1].Waarde != "1 van "+itoa(v.Doelen)+" gehaald" || k[1].Toelichting != wantToel {
		t.Errorf("een bereikcijfer boven het doel: %+v", k[1])
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2023", Waarde: "3.000"}); err != nil {
		t.Fatal(err)
	}
	// "0 van 1 gehaald … 1 zonder bereikcijfer" read as if there were one
	// target; the count is of all targets, the rest split in the explanation
	k, _ = Kerncijfers(s, o, nil)
	if k[1].Waarde != "0 van "+itoa(v.Doelen)+" gehaald" || k[1].Toelichting != "1 niet gehaald, "+wantToel {
		t.Errorf("een bereikcijfer onder het doel: %+v", k[1])
	}
}

// TestClusterChartSaysWhatIsMissing: reach without a target for the year is
// named as a missing target, never as missing figures (issue 15).
func TestClusterChartSaysWhatIsMissing(t *testing.T) {
	s := seeded(t)
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2024", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	g := build(t, s, "bereik-cluster", 2020, 2024)
	// the register's yearly target of another intervention applies to 2024
	if g.HeeftGegevens() || g.GeenGegevens != "Geen bereikcijfer voor 2024 bij de doelstelling van dat jaar. Bereik voor 2024 zonder doelstelling: Ambulant jongerenwerk" {
		t.Errorf("2024 met bereik zonder doel: %q", g.GeenGegevens)
	}
	o := Opties{Van: 2020, Tot: 2024, Cluster: domain.ClusterHVA}
	if g, _ := Bouw(s, "bereik-cluster", o); g.GeenGegevens != "Geen doelstelling en geen bereikcijfers voor 2024" {
		t.Errorf("cluster zonder doel of bereik: %q", g.GeenGegevens)
	}
	if g := build(t, s, "bereik-cluster", 2019, 2023); g.HeeftGegevens() || !strings.HasPrefix(g.GeenGegevens, "Geen bereikcijfers voor 2023 bij de ") {
		t.Errorf("2023 met doelen zonder bereik: %q", g.GeenGegevens)
	}
	// the register holds yearly reach of other interventions too: name it
	g, err := Bouw(s, "bereik-interventie", Opties{Van: 2022, Tot: 2024, Interventie: "Ambulant jongerenwerk"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(g.Opmerkingen, "Geen doelstelling voor 2024") {
		t.Errorf("bereik per jaar zegt niet dat 2024 geen doel heeft: %q", g.Opmerkingen)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
