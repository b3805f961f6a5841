package cbs

import (
	"context"
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
	for _, want := range []string{"per 1.000", "Inwoners tot 23 jaar", "maanden", "2022: geen waarde voor GM0193"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	nieuw, bijgewerkt, err := res.Opslaan(context.Background(), s, nil)
	if err != nil || nieuw+bijgewerkt != 7 {
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
	for _, want := range []string{"JH 1221 Pleegzorg", "JH 12 Totaal jeugdhulp in natura", "JZ Totaal jeugdzorg", "deel of som"} {
		if !strings.Contains(n, want) {
			t.Errorf("notes lack %q:\n%s", want, n)
		}
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
	if n := notes(res); !strings.Contains(n, "Herhaald beroep") || !strings.Contains(n, "krijgt al") {
		t.Errorf("notes:\n%s", n)
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
