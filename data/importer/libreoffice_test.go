package importer

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/spreadsheet"
)

// needSoffice skips a test when LibreOffice is not installed.
func needSoffice(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is niet geïnstalleerd; installeer het Debian-pakket libreoffice-calc om deze test te draaien")
	}
}

// soffice runs LibreOffice headless with its own profile in a temporary folder.
func soffice(t *testing.T, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal(err)
	}
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir())
	out, err := exec.Command(bin, append([]string{profile, "--headless", "--norestore"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
}

// TestLibreOfficeOpensExport has LibreOffice convert an exported workbook to
// CSV and compares every reach figure with the database.
func TestLibreOfficeOpensExport(t *testing.T) {
	needSoffice(t)
	s := openRegister(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "bereik.xlsx")
	f, err := os.Create(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.Write(f, s, export.KindBereik, export.FormatXLSX); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// semicolon, double quote, UTF-8, from row 1, raw values (not as shown)
	soffice(t, "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false", "--outdir", dir, xlsx)
	tab, err := spreadsheet.OpenTable(filepath.Join(dir, "bereik.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if strings.Join(tab.Header[:4], ";") != "Interventie;Periode;Soort;Waarde" {
		t.Fatalf("header as LibreOffice reads it: %v", tab.Header)
	}
	want := map[string]float64{}
	interventies, _ := s.Interventies(true)
	maten, _ := s.AlleMaten()
	for _, i := range interventies {
		reach, _ := s.BereikVan(i.ID)
		for _, b := range reach {
			want[i.Naam+"|"+b.Periode+"|"+maten[*b.MaatID].Naam] = b.Waarde
		}
	}
	seen := 0
	for {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		key := row.Cell(0).Text + "|" + row.Cell(1).Text + "|" + row.Cell(6).Text
		w, ok := want[key]
		if !ok {
			continue // reach of a shared target
		}
		got, err := strconv.ParseFloat(strings.Replace(row.Cell(3).Text, ",", ".", 1), 64)
		if err != nil || got != w {
			t.Errorf("%s: LibreOffice reads %q, database has %v", key, row.Cell(3).Text, w)
		}
		if row.Cell(11).Text == "" {
			t.Errorf("%s: no recorded-at date", key)
		}
		seen++
	}
	if seen != len(want) || seen == 0 {
		t.Fatalf("LibreOffice showed %d of %d reach figures", seen, len(want))
	}
}

// TestImportWorkbookWrittenByLibreOffice imports an .xlsx that LibreOffice
// wrote (shared strings, numeric cells, its own styles).
func TestImportWorkbookWrittenByLibreOffice(t *testing.T) {
	needSoffice(t)
	s := openRegister(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "humanitas bereik.csv")
	body := "Bereik Humanitas;;\nInterventie;Periode;Aantal deelnemers\nMatch;2024-H1;36\nMatch;2024-H2;n.v.t.\nHome-Start;2024;52\n"
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	soffice(t, "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", dir, csv)
	im, err := Open(s, filepath.Join(dir, "humanitas bereik.xlsx"), "", SoortBereik)
	if err != nil {
		t.Fatal(err)
	}
	r, err := im.Uitvoeren(context.Background(), nil)
	if err != nil {
		t.Fatalf("%v %v", err, r.Problemen)
	}
	if r.Nieuw != 2 || len(r.Overgeslagen) != 1 {
		t.Fatalf("report %+v", r)
	}
	home, _ := s.InterventieByNaam("Home-Start")
	reach, _ := s.BereikVan(home.ID)
	found := false
	for _, b := range reach {
		if b.Periode == "2024" && b.Waarde == 52 && b.Eenheid == "koppelingen" {
			found = true
		}
	}
	if !found {
		t.Fatalf("Home-Start 2024 not imported: %+v", reach)
	}
}

// TestLibreOfficeRunsNoFormulaFromCSVExport exports reach figures whose
// source and note are formulas (a live link, =1+1, @, +, -, a DDE call) as
// CSV, has LibreOffice open the export and save it as a workbook, and
// requires that no cell of it holds a formula and every text reads as
// written (with the guarding quote in front). Unguarded, LibreOffice made
// the link live and showed 2.
func TestLibreOfficeRunsNoFormulaFromCSVExport(t *testing.T) {
	needSoffice(t)
	s := openRegister(t)
	match, _ := s.InterventieByNaam("Match")
	texts := [][2]string{{hyperlink, "=1+1"}, {"@SUM(1+1)", "+1+1"}, {"-1+1", "=cmd|' /C calc'!A0"}, {"\t=1+1", "\r=2+2"}}
	for k, tx := range texts {
		b := domain.Bereik{InterventieID: &match.ID, Periode: strconv.Itoa(2010 + k), Waarde: 5, Eenheid: "jongeren",
			Status: domain.StatusDefinitief, BronTekst: tx[0], Notitie: tx[1]}
		if err := s.RecordBereik(&b); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "bereik.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.Write(f, s, export.KindBereik, export.FormatCSV); err != nil {
		t.Fatal(err)
	}
	f.Close()
	soffice(t, "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", dir, csvPath)
	wb, err := excelize.OpenFile(filepath.Join(dir, "bereik.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheet := wb.GetSheetName(0)
	rows, err := wb.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if formula, _ := wb.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("%s: LibreOffice runs the formula %q (shows %q)", cell, formula, v)
			}
			shown[v] = true
		}
	}
	for _, tx := range texts {
		for _, text := range tx {
			if want := "'" + strings.TrimSpace(text); !shown[want] && !shown["'"+text] {
				t.Errorf("text %q not shown as guarded text %q", text, want)
			}
		}
	}
}
