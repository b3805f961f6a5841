package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

func openRegister(t *testing.T) *store.Store {
	t.Helper()
	s := registertest.Open(t, "", store.Options{
		Now: func() time.Time { return time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC) }}, nil)
	match, err := s.InterventieByNaam("Match")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordBereik(&domain.Bereik{InterventieID: &match.ID, Periode: "2024-H1", Waarde: 1234.5, Eenheid: "uren",
		Status: domain.StatusVoorlopig, BronTekst: "Humanitas; \"kwartaal\"", Notitie: "regel\neen"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func export(t *testing.T, s *store.Store, kind Kind, format Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, kind, format); err != nil {
		t.Fatalf("%s %s: %v", kind, format, err)
	}
	return buf.Bytes()
}

func TestJSONEveryKind(t *testing.T) {
	s := openRegister(t)
	for _, k := range Kinds {
		var v any
		if err := json.Unmarshal(export(t, s, k, FormatJSON), &v); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
	}
	var a Alles
	json.Unmarshal(export(t, s, KindAlles, FormatJSON), &a)
	if len(a.Interventies) == 0 || len(a.Wijzigingen) == 0 || a.Wijzigingen[0].Tijd.IsZero() {
		t.Fatalf("alles: %d interventions, %d audit rows", len(a.Interventies), len(a.Wijzigingen))
	}
}

func TestCSVAsDutchExcelReadsIt(t *testing.T) {
	s := openRegister(t)
	out := export(t, s, KindBereik, FormatCSV)
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Fatal("no BOM")
	}
	text := string(out[3:])
	if !strings.HasPrefix(text, "Interventie;Periode;Soort;Waarde;Waarde tot;Eenheid;Maat;Status;Bron;Notitie;Vastgelegd door;Vastgelegd op;Afgeleid\r\n") {
		t.Fatalf("header: %q", text[:120])
	}
	if !strings.Contains(text, "Match;2024-H1;precies;1234,5;;uren;uren;voorlopig;\"Humanitas; \"\"kwartaal\"\"\";\"regel\r\neen\";tester;") {
		t.Fatalf("row not quoted or not with decimal comma:\n%s", text)
	}
	if strings.Count(text, "\r\n") < 2 || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\r") {
		t.Fatal("line ends are not CRLF")
	}
	for _, k := range sheetKinds {
		if out := export(t, s, k, FormatCSV); len(out) < 10 {
			t.Fatalf("%s: empty CSV", k)
		}
	}
	if err := Write(io.Discard, s, KindAlles, FormatCSV); err == nil {
		t.Fatal("alles as CSV accepted")
	}
	if err := Write(io.Discard, s, KindBereik, "pdf"); err == nil {
		t.Fatal("unknown format accepted")
	}
}

// readSheet reads a sheet of a workbook with the import reader.
func readSheet(t *testing.T, path, name string) (*spreadsheet.Table, []spreadsheet.Row) {
	t.Helper()
	tab, err := spreadsheet.OpenTable(path, name)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	var rows []spreadsheet.Row
	for {
		r, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return tab, rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
}

func TestXLSXWorkbook(t *testing.T) {
	s := openRegister(t)
	path := filepath.Join(t.TempDir(), "alles.xlsx")
	if err := os.WriteFile(path, export(t, s, KindAlles, FormatXLSX), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Interventies", "Bereik", "Indicatoren", "Begroting", "Besparingen", "Beleidsteksten", "Wijzigingen"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v", got)
	}
	for _, name := range want {
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", name, panes, err)
		}
		if w, _ := f.GetColWidth(name, "A"); w < minWidth || w > maxWidth {
			t.Errorf("%s: width %v", name, w)
		}
	}
	if w, _ := f.GetColWidth("Interventies", "A"); w <= minWidth {
		t.Errorf("name column not sized to its contents: %v", w)
	}
	tab, rows := readSheet(t, path, "Bereik")
	if tab.HeaderLine != 1 || tab.Header[3] != "Waarde" {
		t.Fatalf("header %v", tab.Header)
	}
	var found bool
	for _, r := range rows {
		if r.Cell(0).Text == "Match" && r.Cell(1).Text == "2024-H1" {
			found = true
			if c := r.Cell(3); c.Kind != spreadsheet.Number || c.Number != 1234.5 {
				t.Errorf("value cell %+v is not the number 1234,5", c)
			}
			if c := r.Cell(11); c.Kind != spreadsheet.Date {
				t.Errorf("recorded-at cell %+v is not a date", c)
			}
			if r.Cell(4).Kind != spreadsheet.Empty {
				t.Errorf("missing upper bound is not empty: %+v", r.Cell(4))
			}
		}
	}
	if !found {
		t.Fatal("reach row missing from the workbook")
	}
	// Each sheet holds the same values as the CSV export of its kind.
	for _, k := range sheetKinds {
		csvPath := filepath.Join(t.TempDir(), string(k)+".csv")
		os.WriteFile(csvPath, export(t, s, k, FormatCSV), 0o644)
		_, csvRows := readSheet(t, csvPath, "")
		_, xlsxRows := readSheet(t, path, sheetName(k))
		if len(csvRows) != len(xlsxRows) {
			t.Fatalf("%s: %d CSV rows, %d sheet rows", k, len(csvRows), len(xlsxRows))
		}
		for i := range csvRows {
			for j := range csvRows[i].Cells {
				a, b := csvRows[i].Cell(j), xlsxRows[i].Cell(j)
				if a.Text != b.Text && !(b.Kind == spreadsheet.Date && strings.HasPrefix(a.Text, b.Time.Format("02-01-2006"))) {
					t.Fatalf("%s row %d column %d: CSV %q, sheet %q", k, i+1, j+1, a.Text, b.Text)
				}
			}
		}
	}
}

// TestDerivedValuesMarkedInExports checks that a value the register derived
// carries its "afgeleid" mark and reasoning in every export: the CSV and the
// Excel sheets of interventions, reach and budget, and the full JSON export,
// from which an import restores it.
func TestDerivedValuesMarkedInExports(t *testing.T) {
	s := openRegister(t)
	csv := string(export(t, s, KindInterventies, FormatCSV))
	if !strings.Contains(csv, ";Afgeleid;Bron per veld\r\n") {
		t.Fatalf("interventies: no columns Afgeleid and Bron per veld: %q", csv[:400])
	}
	for _, want := range []string{
		"uitvoering: De kaart noemt geen uitvoerder;",                   // Gemeente Zwolle on a card that names none
		"beoogd einde: Berekend: “Start april 2022, looptijd 2 jaar”",   // Proeftuin
		"statuscategorie: Het plan (mei 2024) noemt geen status",        // Preventie met Gezag
		"(afgeleid: periode: De kaart beschrijft de verwachte instroom", // Team Zwerfjongeren's yearly target
		"status: Borging", // Praktijkklas Ambelt's status
	} {
		if !strings.Contains(csv, want) {
			t.Errorf("interventies CSV mist %q", want)
		}
	}
	if reach := string(export(t, s, KindBereik, FormatCSV)); !strings.Contains(reach, "periode: De kaart noemt de jaren van de pilotfase niet") {
		t.Error("bereik CSV: de afgeleide periode van de 17 gezinnen is niet gemarkeerd")
	}
	if budget := string(export(t, s, KindBegroting, FormatCSV)); !strings.Contains(budget, "jaar: De Berap noemt geen jaar voor de besparing") {
		t.Error("begroting CSV: het afgeleide jaar van de verwachte besparing is niet gemarkeerd")
	}

	path := filepath.Join(t.TempDir(), "alles.xlsx")
	if err := os.WriteFile(path, export(t, s, KindAlles, FormatXLSX), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, rows := readSheet(t, path, "Interventies")
	col := -1
	for k, h := range tab.Header {
		if h == "Afgeleid" {
			col = k
		}
	}
	if col < 0 {
		t.Fatalf("Excel, Interventies: geen kolom Afgeleid in %v", tab.Header)
	}
	marked := 0
	for _, r := range rows {
		if r.Cell(col).Text != "" {
			marked++
		}
	}
	if marked < 20 {
		t.Errorf("Excel, Interventies: %d rijen met een afgeleide waarde, verwacht minstens 20", marked)
	}

	var a Alles
	if err := json.Unmarshal(export(t, s, KindAlles, FormatJSON), &a); err != nil {
		t.Fatal(err)
	}
	for _, in := range a.Interventies {
		if in.Naam == "Proeftuin samenspel in de wijk" {
			if _, ok := in.Afgeleid.Van("einde"); !ok {
				t.Error("volledige export: het afgeleide einde van de proeftuin ontbreekt")
			}
		}
	}
}
