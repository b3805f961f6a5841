package cbs

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

func openRegister(t *testing.T) *store.Store {
	return registertest.Open(t, "", store.Options{}, nil)
}

func read(t *testing.T, s *store.Store, file string, opt Opties) *Resultaat {
	t.Helper()
	p := filepath.Join("testdata", file)
	tab, err := spreadsheet.OpenTable(p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if !Herken(tab.Header) {
		t.Fatalf("%s not recognised: %v", file, tab.Header)
	}
	if opt.Tabel == "" {
		opt.Tabel = TabelUit(p, tab.Above)
	}
	res, err := Lees(context.Background(), s, tab, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func reeks(t *testing.T, res *Resultaat, code string) *Reeks {
	t.Helper()
	for _, r := range res.Reeksen {
		if r.Indicator.Code == code {
			return r
		}
	}
	t.Fatalf("no series for %s; have %v", code, res.Reeksen)
	return nil
}

func TestKerncijfers(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85099NED_testbestand.csv", Opties{})
	if res.Tabel != "85099NED" || len(res.Problemen) != 0 {
		t.Fatalf("table %s, problems %v", res.Tabel, res.Problemen)
	}
	j := reeks(t, res, "jeugdhulp-jeugdigen")
	if j.Nieuw || len(j.Metingen) != 4 {
		t.Fatalf("jeugdhulp: %+v", j)
	}
	m := j.Metingen
	if m[0].Periode != "2021" || m[0].Waarde != 1111 || *m[0].Vergelijkingswaarde != 222222 || m[0].Status != domain.StatusDefinitief {
		t.Fatalf("2021: %+v", m[0])
	}
	if m[1].Periode != "2022" || m[1].Vergelijkingswaarde != nil {
		t.Fatalf("'.' for Nederland must be missing, not 0: %+v", m[1])
	}
	if m[2].Status != domain.StatusVoorlopig || m[2].Bron.String() != "CBS StatLine, tabel 85099NED, periode 2023JJ00, voorlopig" {
		t.Fatalf("2023*: %+v %s", m[2], m[2].Bron)
	}
	if m[3].Periode != "2024-H1" || !strings.HasSuffix(m[3].Bron.Sectie, "nader voorlopig") {
		t.Fatalf("2024HJ01**: %+v", m[3])
	}
	v := reeks(t, res, "jeugdhulp-verblijf")
	if len(v.Metingen) != 1 {
		t.Fatalf("verblijf: '.' for Zwolle must leave 2022 out: %+v", v.Metingen)
	}
	if b := reeks(t, res, "cbs-jeugdbescherming"); !b.Nieuw || b.Indicator.Vergelijking != "Nederland" {
		t.Fatalf("jeugdbescherming: %+v", b)
	}
	if p := reeks(t, res, "cbs-jeugdhulp-percentage"); p.Indicator.Eenheid != domain.EenheidPercentage || p.Metingen[0].Waarde != 5.5 {
		t.Fatalf("percentage: %+v", p)
	}
	notes := ""
	for _, o := range res.Overgeslagen {
		notes += o.String() + "\n"
	}
	for _, want := range []string{"maanden", "2022: geen waarde voor GM0193"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// Measures the dashboard does not chart become indicators of their own,
	// named from the table and the measure; a unit the application has no
	// name for is left empty and kept in the name.
	if p := reeks(t, res, "cbs-jongeren-met-jeugdhulp-per-1-000-jongeren"); !p.Nieuw || p.Indicator.Eenheid != "" ||
		p.Indicator.Naam != "Jongeren met jeugdhulp per 1 000 jongeren (CBS-tabel 85099NED)" || p.Metingen[0].Waarde != 55.5 {
		t.Fatalf("per 1 000: %+v", p)
	}
	if i := reeks(t, res, "cbs-inwoners-tot-23-jaar"); !i.Nieuw || i.Indicator.Eenheid != domain.EenheidAantal || i.Metingen[0].Waarde != 30000 {
		t.Fatalf("inwoners: %+v", i)
	}
	nieuw, bijgewerkt, err := res.Opslaan(context.Background(), s, nil)
	if err != nil || nieuw+bijgewerkt != 9 {
		t.Fatalf("stored %d+%d: %v", nieuw, bijgewerkt, err)
	}
	ind, err := s.IndicatorByCode("cbs-jeugdbescherming")
	if err != nil || ind.Bron.Document != "CBS StatLine, tabel 85099NED" {
		t.Fatalf("created indicator %+v %v", ind, err)
	}
}

func TestVerwijzers(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85097NED_testbestand.csv", Opties{})
	h := reeks(t, res, "jeugdhulp-huisarts")
	if h.Nieuw || h.Metingen[0].Waarde != 600 || *h.Metingen[0].Vergelijkingswaarde != 110000 {
		t.Fatalf("huisarts: %+v", h)
	}
	g := reeks(t, res, "cbs-verwijzer-gemeentelijke-toegang")
	if !g.Nieuw || len(g.Metingen) != 1 || g.Metingen[0].Vergelijkingswaarde != nil {
		t.Fatalf("gemeentelijke toegang: %+v", g)
	}
	if tr := reeks(t, res, "cbs-verwijzer-huisarts-trajecten"); tr.Metingen[0].Waarde != 800 {
		t.Fatalf("trajecten are not jeugdigen: %+v", tr)
	}
	reeks(t, res, "cbs-jeugdhulp-trajecten")
	if _, _, err := res.Opslaan(context.Background(), s, nil); err != nil {
		t.Fatal(err)
	}
}

func TestLabelsAndOtherMunicipality(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "84134NED_testbestand_labels.csv", Opties{})
	j := reeks(t, res, "jeugdhulp-jeugdigen")
	if len(j.Metingen) != 2 || j.Metingen[1].Status != domain.StatusVoorlopig || j.Metingen[1].Waarde != 1010 {
		t.Fatalf("labels: %+v", j.Metingen)
	}
	res = read(t, s, "85099NED_testbestand.csv", Opties{Gemeente: "GM0363 "})
	if reeks(t, res, "jeugdhulp-jeugdigen").Metingen[0].Waarde != 9999 {
		t.Fatal("another municipality was not chosen")
	}
}

func notes(res *Resultaat) string {
	var b strings.Builder
	for _, o := range res.Overgeslagen {
		b.WriteString(o.String() + "\n")
	}
	return b.String()
}

func hasReeks(res *Resultaat, code string) bool {
	for _, r := range res.Reeksen {
		if r.Indicator.Code == code {
			return true
		}
	}
	return false
}

// The flat StatLine download of 85099NED: one column per measure, the care
// form as a dimension with its CBS code ("JH 122 Totaal jeugdhulp met
// verblijf"), period labels.
func TestKerncijfersPlat(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85099NED_testbestand_plat.csv", Opties{})
	if res.Tabel != "85099NED" || len(res.Problemen) != 0 {
		t.Fatalf("table %s, problems %v", res.Tabel, res.Problemen)
	}
	j := reeks(t, res, "jeugdhulp-jeugdigen")
	if j.Nieuw || len(j.Metingen) != 3 || j.Metingen[0].Waarde != 1300 || *j.Metingen[0].Vergelijkingswaarde != 400000 {
		t.Fatalf("JH 1 Totaal jeugdhulp: %+v", j)
	}
	if m := j.Metingen[1]; m.Periode != "2023" || m.Status != domain.StatusVoorlopig {
		t.Fatalf("2023*: %+v", m)
	}
	if m := j.Metingen[2]; m.Periode != "2024-H1" || m.Waarde != 1000 || m.Vergelijkingswaarde != nil {
		t.Fatalf("1e halfjaar 2024*: %+v", m)
	}
	if v := reeks(t, res, "jeugdhulp-verblijf"); v.Metingen[0].Waarde != 120 || *v.Metingen[0].Vergelijkingswaarde != 35000 {
		t.Fatalf("JH 122 met verblijf: %+v", v)
	}
	if p := reeks(t, res, "cbs-jeugdhulp-percentage"); p.Indicator.Eenheid != domain.EenheidPercentage || p.Metingen[0].Waarde != 8.5 {
		t.Fatalf("relatief: %+v", p)
	}
	if tr := reeks(t, res, "cbs-jeugdhulp-verblijf-trajecten"); tr.Metingen[0].Waarde != 150 {
		t.Fatalf("trajecten: %+v", tr)
	}
	if b := reeks(t, res, "cbs-jeugdbescherming"); !b.Nieuw || b.Metingen[0].Waarde != 110 {
		t.Fatalf("JB 1: %+v", b)
	}
	n := notes(res)
	for _, code := range []string{"cbs-jongeren-met-jeugdzorg-aantal-jh-1221-pleegzorg", "cbs-jongeren-met-jeugdzorg-aantal-jz-totaal-jeugdzorg",
		"cbs-jeugdzorgtrajecten-aantal-jh-1221-pleegzorg"} {
		if r := reeks(t, res, code); !r.Nieuw || !strings.Contains(r.Indicator.Naam, "Vormen van jeugdzorg: ") {
			t.Errorf("a part or sum of care forms becomes an indicator of its own: %+v", r)
		}
	}
	if !strings.Contains(n, "geen waarde voor GM0193") {
		t.Errorf("notes:\n%s", n)
	}
	if _, _, err := res.Opslaan(context.Background(), s, nil); err != nil {
		t.Fatal(err)
	}
}

// The flat StatLine download of 85097NED counts trajectories per referrer,
// never young people; a municipality can carry "(gemeente)" in its label.
func TestVerwijzersPlat(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85097NED_testbestand_plat.csv", Opties{})
	if len(res.Problemen) != 0 {
		t.Fatalf("problems %v", res.Problemen)
	}
	h := reeks(t, res, "cbs-verwijzer-huisarts-trajecten")
	if len(h.Metingen) != 2 || h.Metingen[0].Waarde != 1200 || *h.Metingen[0].Vergelijkingswaarde != 180000 || h.Metingen[1].Periode != "2024-H1" {
		t.Fatalf("huisarts: %+v", h)
	}
	if hasReeks(res, "jeugdhulp-huisarts") {
		t.Fatal("trajectories went into the count of young people referred by a GP")
	}
	if tot := reeks(t, res, "cbs-jeugdhulp-in-natura-trajecten"); tot.Metingen[0].Waarde != 4000 {
		t.Fatalf("totaal: %+v", tot)
	}
	reeks(t, res, "cbs-verwijzer-rechter-officier-van-justitie-trajecten")
	// Two measures that would fill the same indicator: the second gets one
	// of its own instead of being left out.
	if b := reeks(t, res, "cbs-totaal-begonnen-trajecten-aantal-huisarts"); !b.Nieuw || b.Metingen[0].Waarde != 500 {
		t.Fatalf("begonnen trajecten per huisarts: %+v", b)
	}
	if h := reeks(t, res, "cbs-herhaald-beroep-aantal"); h.Metingen[0].Waarde != 300 || *h.Metingen[0].Vergelijkingswaarde != 40000 {
		t.Fatalf("herhaald beroep: %+v", h)
	}
	if n := notes(res); strings.Contains(n, "krijgt al") {
		t.Errorf("a series was left out:\n%s", n)
	}
	res = read(t, s, "85097NED_testbestand_plat.csv", Opties{Gemeente: "GM0518", GemeenteNaam: "'s-Gravenhage"})
	if h := reeks(t, res, "cbs-verwijzer-huisarts-trajecten"); h.Metingen[0].Waarde != 7000 {
		t.Fatalf("'s-Gravenhage (gemeente): %+v", h)
	}
}

func TestHerkenPlat(t *testing.T) {
	if !Herken([]string{"Regio's", "Perioden", "Jongeren met jeugdhulp in natura (% (zie toelichting))"}) {
		t.Error("flat 85098NED header not recognised")
	}
	if Herken([]string{"Regio's", "Perioden", "Opmerking"}) {
		t.Error("a header without values recognised")
	}
	if Herken([]string{"Indicator", "Periode", "Gemeente", "Vergelijkingswaarde (NL)"}) {
		t.Error("an own indicator sheet taken for a flat StatLine download")
	}
}

func TestPeriodeCodes(t *testing.T) {
	for in, want := range map[string][2]string{
		"2023JJ00": {"2023", ""}, "2023JJ00*": {"2023", "*"}, "2023HJ02**": {"2023-H2", "**"},
		"2022KW03": {"2022-K3", ""}, "2020*": {"2020", "*"},
	} {
		got, _, mark, err := parsePeriode(in)
		if err != nil || got != want[0] || mark != want[1] {
			t.Errorf("parsePeriode(%q) = %q %q %v", in, got, mark, err)
		}
	}
	if _, _, _, err := parsePeriode("2023MM01"); err != errPeriodeNiet {
		t.Errorf("month accepted: %v", err)
	}
}

func TestTabelUit(t *testing.T) {
	if got := TabelUit("/x/Jeugdzorg_85098NED_2024.csv", nil); got != "85098NED" {
		t.Errorf("from name: %q", got)
	}
	above := []spreadsheet.Row{{Cells: []spreadsheet.Cell{{Kind: spreadsheet.Text, Text: "Tabel 84134NED: Jeugdzorg"}}}}
	if got := TabelUit("download.csv", above); got != "84134NED" {
		t.Errorf("from title: %q", got)
	}
	if got := TabelUit("download.csv", nil); got != "" {
		t.Errorf("invented %q", got)
	}
}

// Any number of further dimensions, with labels: the totals go to the
// dashboard's indicators, every other combination to an indicator of its
// own, whatever the order of the rows (the breakdown comes first here).
func TestLeeftijdEnGeslacht(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85099NED_testbestand_leeftijd_geslacht.csv", Opties{})
	if len(res.Problemen) != 0 {
		t.Fatalf("problems %v", res.Problemen)
	}
	j := reeks(t, res, "jeugdhulp-jeugdigen")
	if j.Nieuw || len(j.Metingen) != 2 || j.Metingen[0].Waarde != 1300 || *j.Metingen[0].Vergelijkingswaarde != 400000 {
		t.Fatalf("Totaal, Totaal: %+v", j)
	}
	if m := j.Metingen[1]; m.Periode != "2023" || m.Status != domain.StatusVoorlopig || m.Waarde != 1400 || m.Vergelijkingswaarde != nil {
		t.Fatalf("2023* with an empty cell for Nederland: %+v", m)
	}
	both := reeks(t, res, "cbs-jeugdhulp-leeftijd-0-tot-12-jaar-geslacht-meisjes")
	if !both.Nieuw || len(both.Metingen) != 1 || both.Metingen[0].Waarde != 210 || *both.Metingen[0].Vergelijkingswaarde != 60000 ||
		both.Indicator.Naam != "Jongeren met jeugdhulp (aantal); Leeftijd: 0 tot 12 jaar; Geslacht: Meisjes (CBS-tabel 85099NED)" {
		t.Fatalf("0 tot 12 jaar, Meisjes: %+v", both)
	}
	if a := reeks(t, res, "cbs-jeugdhulp-leeftijd-0-tot-12-jaar"); a.Metingen[0].Waarde != 500 {
		t.Fatalf("0 tot 12 jaar: %+v", a)
	}
	if g := reeks(t, res, "cbs-jeugdhulp-geslacht-meisjes"); g.Metingen[0].Waarde != 640 {
		t.Fatalf("Meisjes: %+v", g)
	}
	if p := reeks(t, res, "cbs-jeugdhulp-percentage-leeftijd-0-tot-12-jaar-geslacht-meisjes"); p.Indicator.Eenheid != domain.EenheidPercentage || p.Metingen[0].Waarde != 4.1 {
		t.Fatalf("percentage 0 tot 12 jaar, Meisjes: %+v", p)
	}
	if p := reeks(t, res, "cbs-jeugdhulp-percentage"); len(p.Metingen) != 1 {
		t.Fatalf("an empty cell for Zwolle in 2023 must leave 2023 out: %+v", p.Metingen)
	}
	if n := notes(res); !strings.Contains(n, "Leeftijd: 0 tot 12 jaar; Geslacht: Meisjes, 2023: geen waarde voor GM0193") {
		t.Errorf("'.' not noted as missing:\n%s", n)
	}
	if _, _, err := res.Opslaan(context.Background(), s, nil); err != nil {
		t.Fatal(err)
	}
}

// A long table with a unit column and dimension codes instead of labels.
func TestLangMetEenheid(t *testing.T) {
	s := openRegister(t)
	res := read(t, s, "85098NED_testbestand_lang_eenheid.csv", Opties{})
	if len(res.Problemen) != 0 {
		t.Fatalf("problems %v", res.Problemen)
	}
	b := reeks(t, res, "cbs-jeugdbescherming")
	if len(b.Metingen) != 2 || b.Metingen[0].Waarde != 120 || *b.Metingen[0].Vergelijkingswaarde != 31000 || b.Metingen[1].Status != domain.StatusVoorlopig {
		t.Fatalf("totals by code T001374/T001038: %+v", b)
	}
	if d := reeks(t, res, "cbs-jeugdbescherming-leeftijd-53105-geslacht-3000"); d.Metingen[0].Waarde != 40 {
		t.Fatalf("dimension codes: %+v", d)
	}
	duur := reeks(t, res, "cbs-gemiddelde-duur-jeugdbescherming-dagen")
	if duur.Indicator.Eenheid != "" || duur.Metingen[0].Waarde != 410.5 || len(duur.Metingen) != 1 ||
		duur.Indicator.Naam != "Gemiddelde duur jeugdbescherming (dagen) (CBS-tabel 85098NED)" {
		t.Fatalf("days are no count: %+v", duur)
	}
	if p := reeks(t, res, "cbs-jongeren-met-jeugdbescherming-per-1-000-jongeren"); p.Indicator.Eenheid != "" || p.Metingen[0].Waarde != 4.2 {
		t.Fatalf("per 1 000 from the unit column: %+v", p)
	}
}

func TestBegrensdeCode(t *testing.T) {
	a := begrensdeCode("cbs-" + strings.Repeat("lang-", 40) + "a")
	b := begrensdeCode("cbs-" + strings.Repeat("lang-", 40) + "b")
	if len(a) > maxCode || a == b || !strings.HasPrefix(a, "cbs-lang-") {
		t.Fatalf("%q %q", a, b)
	}
}

// readText reads a table written into a file of the test's own.
func readText(t *testing.T, s *store.Store, name, text string) *Resultaat {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	tab, err := spreadsheet.OpenTable(filepath.Join(dir, name), "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	res, err := Lees(context.Background(), s, tab, Opties{Tabel: TabelUit(name, tab.Above)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Only a documented care-form code or an exact label of the known tables
// goes to a register indicator: a care form "Geen jeugdhulp", one named like
// the register's indicator, a measure that merely mentions youth care and a
// referrer that only looks like "Huisarts" each get an indicator of their
// own, to be confirmed, and never fill "Aantal jeugdigen met jeugdhulp".
func TestAlleenBekendeCodesNaarHetRegister(t *testing.T) {
	s := openRegister(t)
	plat := readText(t, s, "85099NED_aanval.csv", "\"Vormen van jeugdzorg\";\"Regio's\";\"Perioden\";\"Jongeren met jeugdzorg (aantal)\"\n"+
		"\"Geen jeugdhulp\";\"Zwolle\";\"2022\";\"5\"\n"+
		"\"Aantal jeugdigen met jeugdhulp\";\"Zwolle\";\"2022\";\"6\"\n"+
		"\"JH-1221  pleegzorg!\";\"Zwolle\";\"2022\";\"7\"\n"+
		"\"JH 1 Totaal jeugdhulp\";\"Zwolle\";\"2022\";\"1300\"\n")
	lang := readText(t, s, "84134NED_aanval.csv", "\"Regio's\";\"Perioden\";\"Onderwerp\";\"Waarde\"\n"+
		"\"Zwolle\";\"2021\";\"Jongeren zonder jeugdhulp\";\"8\"\n"+
		"\"Zwolle\";\"2021\";\"Jeugdhulp verblijf\";\"9\"\n"+
		"\"Zwolle\";\"2021\";\"Jongeren met jeugdhulp\";\"1000\"\n")
	verwijzer := readText(t, s, "85097NED_aanval.csv", "\"Verwijzer\";\"Regio's\";\"Perioden\";\"Onderwerp\";\"Waarde\"\n"+
		"\"Huis-arts\";\"GM0193\";\"2022JJ00\";\"Jongeren met jeugdhulp\";\"10\"\n"+
		"\"Huisarts\";\"GM0193\";\"2022JJ00\";\"Jongeren met jeugdhulp\";\"600\"\n")
	for _, res := range []*Resultaat{plat, lang, verwijzer} {
		if len(res.Problemen) != 0 {
			t.Fatalf("%s: %v", res.Tabel, res.Problemen)
		}
		for _, r := range res.Reeksen {
			v := r.Metingen[0].Waarde
			echt := v == 1300 || v == 1000 || v == 600
			if echt == r.Nieuw || (!echt && !strings.HasPrefix(r.Indicator.Code, "cbs-")) {
				t.Errorf("%s: %q (%v) went to %s, new %v", res.Tabel, r.Label, v, r.Indicator.Code, r.Nieuw)
			}
		}
	}
	if j := reeks(t, plat, "jeugdhulp-jeugdigen"); j.Metingen[0].Waarde != 1300 {
		t.Fatalf("JH 1 Totaal jeugdhulp: %+v", j)
	}
	if j := reeks(t, lang, "jeugdhulp-jeugdigen"); j.Metingen[0].Waarde != 1000 {
		t.Fatalf("Jongeren met jeugdhulp: %+v", j)
	}
	if h := reeks(t, verwijzer, "jeugdhulp-huisarts"); h.Metingen[0].Waarde != 600 {
		t.Fatalf("Huisarts: %+v", h)
	}
	if len(plat.Reeksen) != 4 || len(lang.Reeksen) != 3 || len(verwijzer.Reeksen) != 2 {
		t.Fatalf("series left out: %d %d %d", len(plat.Reeksen), len(lang.Reeksen), len(verwijzer.Reeksen))
	}
}

// A municipality is GM and four ASCII digits; Nederland or any other region
// is refused before a file is read, so its figures are never stored as the
// municipality's.
func TestGemeenteCode(t *testing.T) {
	for _, ok := range []string{"GM0193", " gm0363 "} {
		if c, err := GemeenteCode(ok); err != nil || c != strings.ToUpper(strings.TrimSpace(ok)) {
			t.Errorf("%q: %q %v", ok, c, err)
		}
	}
	for _, bad := range []string{"NL01", "GM019", "GM01934", "PV23", "GM０１９３", "", "WK019301"} {
		if _, err := GemeenteCode(bad); err == nil || !strings.Contains(err.Error(), "schrijf GM en vier cijfers") {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
	tab, err := spreadsheet.OpenTable(filepath.Join("testdata", "85099NED_testbestand_plat.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if _, err := Lees(context.Background(), openRegister(t), tab, Opties{Gemeente: "NL01", GemeenteNaam: "Zwolle", Tabel: "85099NED"}, nil); err == nil ||
		!strings.HasPrefix(err.Error(), `Gemeentecode "NL01": `) {
		t.Fatalf("NL01 read as the municipality: %v", err)
	}
}
