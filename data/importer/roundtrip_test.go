package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// openWithoutFigures opens a new database with the register's interventions,
// targets and indicators but none of its reach or measurements: empty for
// the kinds an import brings in.
func openWithoutFigures(t *testing.T) *store.Store {
	return openRegisterWith(t, func(docs []register.Document) {
		for i := range docs {
			docs[i].Bereik = nil
			for j := range docs[i].Indicatoren {
				docs[i].Indicatoren[j].Metingen = nil
			}
		}
	})
}

// figures lists every reach figure and measurement of a database as text,
// by intervention name or indicator code, sorted.
func figures(t *testing.T, s *store.Store) []string {
	t.Helper()
	var out []string
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprint(*v)
	}
	interventies, _ := s.Interventies(true)
	for _, i := range interventies {
		reach, err := s.BereikVan(i.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range reach {
			out = append(out, fmt.Sprintf("bereik|%s|%s|%s|%v|%s|%s|%s|%s|%s", i.Naam, b.Periode, b.Soort, b.Waarde,
				f(b.WaardeTot), b.Eenheid, b.Status, b.BronTekst, b.Notitie))
		}
	}
	doelen, _ := s.AlleDoelstellingen()
	for _, d := range doelen {
		reach, _ := s.BereikVanDoelstelling(d.ID)
		for _, b := range reach {
			out = append(out, fmt.Sprintf("doel|%s|%s|%v|%s|%s", d.Omschrijving, b.Periode, b.Waarde, b.Eenheid, b.BronTekst))
		}
	}
	indicatoren, _ := s.Indicatoren("")
	for _, ind := range indicatoren {
		out = append(out, fmt.Sprintf("indicator|%s|%s|%s|%s|%s", ind.Code, ind.Naam, ind.Eenheid, ind.Groep, ind.Vergelijking))
		ms, _ := s.Metingen(ind.ID)
		for _, m := range ms {
			out = append(out, fmt.Sprintf("meting|%s|%s|%v|%s|%s|%s", ind.Code, m.Periode, m.Waarde,
				f(m.Vergelijkingswaarde), m.Status, m.Bron))
		}
	}
	sort.Strings(out)
	return out
}

// hyperlink is a source text that LibreOffice ran as a live link when it
// opened an unguarded CSV export.
const hyperlink = `=HYPERLINK("http://example.invalid","klik")`

func TestExportImportRoundTrip(t *testing.T) {
	src := openRegister(t)
	match, _ := src.InterventieByNaam("Match")
	tot := 40.0
	for _, b := range []domain.Bereik{
		{InterventieID: &match.ID, Periode: "2024-H1", Waarde: 12, Eenheid: "jongeren", Status: domain.StatusVoorlopig, BronTekst: "Humanitas", Notitie: "eerste helft"},
		{InterventieID: &match.ID, Periode: "2024-H2", Soort: domain.SoortBandbreedte, Waarde: 30, WaardeTot: &tot, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: "Humanitas; jaarverslag"},
		// texts a spreadsheet would run as formulas: the CSV export guards
		// them, the import restores them exactly
		{InterventieID: &match.ID, Periode: "2023", Waarde: 7, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: hyperlink, Notitie: "=1+1"},
		{InterventieID: &match.ID, Periode: "2022", Waarde: 8, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: "@SUM(1+1)", Notitie: "'=al beschermd"},
		{InterventieID: &match.ID, Periode: "2021", Waarde: 9, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: "-1+1", Notitie: "+31 38 123"},
		{InterventieID: &match.ID, Periode: "2020", Waarde: 10, Eenheid: "jongeren", Status: domain.StatusDefinitief, BronTekst: "'s-Hertogenbosch", Notitie: "''=twee"},
	} {
		if err := src.RecordBereik(&b); err != nil {
			t.Fatal(err)
		}
	}
	ind := domain.Indicator{Code: "ggd-test", Naam: "Testreeks", Eenheid: domain.EenheidPercentage, Groep: domain.GroepDashboard, Vergelijking: "Nederland"}
	if err := src.CreateIndicator(&ind); err != nil {
		t.Fatal(err)
	}
	nl := 11.5
	for _, m := range []domain.Meting{
		{IndicatorID: ind.ID, Periode: "2023", Waarde: 12.25, Vergelijkingswaarde: &nl, Status: domain.StatusDefinitief, Bron: domain.Bron{Document: "GGD", Sectie: "tabel 3"}},
		{IndicatorID: ind.ID, Periode: "2024-H1", Waarde: 13, Status: domain.StatusVoorlopig, Bron: domain.Bron{Document: "GGD"}},
	} {
		if err := src.RecordMeting(&m); err != nil {
			t.Fatal(err)
		}
	}
	empty := domain.Indicator{Code: "zonder-metingen", Naam: "Nog zonder cijfers", Eenheid: domain.EenheidAantal, Groep: domain.GroepDashboard}
	if err := src.CreateIndicator(&empty); err != nil {
		t.Fatal(err)
	}
	want := figures(t, src)
	for _, format := range []export.Format{export.FormatXLSX, export.FormatCSV} {
		t.Run(string(format), func(t *testing.T) {
			dst := openWithoutFigures(t)
			dir := t.TempDir()
			for _, kind := range []export.Kind{export.KindBereik, export.KindIndicatoren} {
				path := filepath.Join(dir, string(kind)+"."+string(format))
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := export.Write(f, src, kind, format); err != nil {
					t.Fatal(err)
				}
				f.Close()
				im, err := Open(dst, path, "", Soort(kind))
				if err != nil {
					t.Fatal(err)
				}
				r, err := im.Uitvoeren(context.Background(), nil)
				if err != nil {
					t.Fatalf("%s: %v %v", kind, err, r.Problemen)
				}
			}
			got := figures(t, dst)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("round trip differs:\n got %d lines\nwant %d lines\n%s", len(got), len(want), diff(got, want))
			}
		})
	}
}

// diff lists the lines only one side has.
func diff(got, want []string) string {
	in := func(list []string) map[string]bool {
		m := map[string]bool{}
		for _, l := range list {
			m[l] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var b strings.Builder
	for _, l := range want {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range got {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
