package spreadsheet_test

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/spreadsheet/vijandig"
)

// readErr opens a table and reads it to the end, returning the first error
// (nil when the file reads cleanly).
func readErr(path string) error {
	tab, err := spreadsheet.OpenTable(path, "")
	if err != nil {
		return err
	}
	defer tab.Close()
	for {
		_, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestHostileWorkbooksRefusedByLimit builds each memory bomb of issue 13 on
// the fly (a huge inline string, millions of shared strings, a row of 30
// million cells, cells in column XFD, too many styles, too many parts, a
// part that claims to unpack to a terabyte) and requires a Dutch refusal
// that names the limit it crosses.
func TestHostileWorkbooksRefusedByLimit(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name  string
		path  func() string
		wants []string
	}{
		{"huge inline string", func() string {
			return vijandig.Werkmap(t, dir, "inline.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2"><c r="A2" t="inlineStr"><is><t>`, "x", 200<<20, `</t></is></c></row>`)), nil)
		}, []string{"rij 2 kolom A", "langer dan", "de grens"}},
		{"cell over 32.767 characters", func() string {
			return vijandig.Werkmap(t, dir, "cel.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2"><c r="A2" t="inlineStr"><is><t>`, "é", 40000, `</t></is></c></row>`)), nil)
		}, []string{"rij 2 kolom A", "langer dan 32.767 tekens"}},
		{"attribute of 2 MB", func() string {
			return vijandig.Werkmap(t, dir, "kenmerk.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2"><c r="A2" s="`, "7", 2<<20, `"/></row>`)), nil)
		}, []string{"langer dan 1 MB, de grens"}},
		{"2 million empty shared strings", func() string {
			return vijandig.Werkmap(t, dir, "gedeeld.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{
				"xl/sharedStrings.xml": vijandig.Herhaal(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, "<si/>", 2_000_000, "</sst>")})
		}, []string{"meer dan 1.000.000 gedeelde teksten"}},
		{"one row of 30 million cells", func() string {
			return vijandig.Werkmap(t, dir, "rij.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2">`, "<c/>", 30_000_000, "</row>")), nil)
		}, []string{"rij 2 heeft meer dan 16.384 cellen"}},
		{"cells in column XFD", func() string {
			return vijandig.Werkmap(t, dir, "xfd.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop, `<row><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>`, 4000, "")), nil)
		}, []string{"kolom XFD ligt voorbij de grens van 1.024 kolommen"}},
		{"100.000 styles", func() string {
			return vijandig.Werkmap(t, dir, "stijlen.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{
				"xl/styles.xml": vijandig.Herhaal(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`, `<xf numFmtId="0"/>`, 100_000, "</cellXfs></styleSheet>")})
		}, []string{"meer dan 65.536 celopmaken"}},
		{"33 million styles", func() string {
			return vijandig.Werkmap(t, dir, "stijlen33m.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{
				"xl/styles.xml": vijandig.Herhaal(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`, `<xf/>`, 33_000_000, "</cellXfs></styleSheet>")})
		}, []string{"meer dan 65.536 celopmaken"}},
		{"10.001 parts", func() string {
			p := filepath.Join(dir, "onderdelen.xlsx")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			zw := zip.NewWriter(f)
			for i := 0; i < 10001 && err == nil; i++ {
				_, err = zw.CreateHeader(&zip.FileHeader{Name: "x/" + strconv.Itoa(i), Method: zip.Store})
			}
			if err == nil {
				err = zw.Close()
			}
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			return p
		}, []string{"meer dan 10.000 onderdelen"}},
		{"a part that claims a terabyte", func() string {
			p := filepath.Join(dir, "tera.xlsx")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			zw := zip.NewWriter(f)
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store, CompressedSize64: 3, UncompressedSize64: 1 << 40})
			if err == nil {
				_, err = w.Write([]byte("abc"))
			}
			if err == nil {
				err = zw.Close()
			}
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			return p
		}, []string{"meer dan de grens van 256 MB per onderdeel"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := readErr(c.path())
			if err == nil {
				t.Fatal("the file was read without a refusal")
			}
			for _, want := range c.wants {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("melding %q zegt niet %q", err, want)
				}
			}
		})
	}
}

// TestHostileCSVRefusedByLimit: very wide rows, too many columns and a cell
// over 32.767 characters are refused at their line with the limit named.
func TestHostileCSVRefusedByLimit(t *testing.T) {
	dir := t.TempDir()
	head := "Interventie;Periode;Waarde\r\nMatch;2024;12\r\n"
	for _, c := range []struct {
		name, body string
		n          int
		want       string
	}{
		{"line of 2 MB", "x", 2 << 20, "regel 3 is langer dan 1 MB, de grens per regel"},
		{"2.000 columns", "1;", 2000, "regel 3 heeft meer dan 1.024 kolommen"},
		{"cell of 40.000 characters", "é", 40000, "regel 3, kolom A: de cel is langer dan 32.767 tekens"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := readErr(vijandig.CSV(t, dir, "breed.csv", head, c.body, c.n))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("melding %v, verwacht %q", err, c.want)
			}
		})
	}
}
