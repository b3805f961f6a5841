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
