package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/spreadsheet/vijandig"
)

// englishWords are phrases of Go's and the system's own error texts.
var englishWords = []string{"no such file", "not a valid zip", "zip: ", "XML syntax error", "xml: syntax", ": EOF", "unexpected EOF",
	"no space left", "permission denied", "not a directory", "is a directory", "rename ", "open ", "flate: ", "checksum", "invalid"}

// TestRefusalsInDutch feeds the import the broken files and paths that
// ended in English (a missing file, a folder, no zip, a cut-off zip,
// damaged compression, broken XML in the workbook and in a row, a
// database path under a file) and requires a message without Go's or the
// system's English, and the database unchanged.
func TestRefusalsInDutch(t *testing.T) {
	dir := t.TempDir()
	good := writeXLSX(t, dir, "goed.xlsx", "Bereik", [][]any{{"Interventie", "Periode", "Waarde"}, {"Match", "2024", 3}})
	body, _ := os.ReadFile(good)
	write := func(name string, content []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, content, 0o644)
		return p
	}
	damaged := bytes.Clone(body)
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			at, _ := f.DataOffset()
			for i := at + 20; i < at+int64(f.CompressedSize64)-4; i++ {
				damaged[i] ^= 0x5A
			}
		}
	}
	os.Mkdir(filepath.Join(dir, "map.csv"), 0o755)
	paths := map[string]string{
		"missing csv":       filepath.Join(dir, "weg.csv"),
		"missing xlsx":      filepath.Join(dir, "weg.xlsx"),
		"folder":            filepath.Join(dir, "map.csv"),
		"no zip":            write("geen.xlsx", []byte("dit is geen zip-bestand, maar het heet wel zo")),
		"cut-off zip":       write("kort.xlsx", body[:len(body)/2]),
		"damaged zip":       write("kapot.xlsx", damaged),
		"broken workbook":   vijandig.Werkmap(t, dir, "boek.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{"xl/workbook.xml": vijandig.Tekst("<workbook><sheets><sheet")}),
		"broken row XML":    vijandig.Werkmap(t, dir, "rij.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop+`<row r="2"><c r="A2" t="inlineStr"><is><t>Match</t></is></c><c r="B2"><v>2024</x>`)), nil),
		"broken shared XML": vijandig.Werkmap(t, dir, "sst.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{"xl/sharedStrings.xml": vijandig.Tekst("<sst><si><t>a<</t></si></sst>")}),
	}
	s := openRegister(t)
	before := fullExport(t, s)
	for name, p := range paths {
		im, err := Open(s, p, "", SoortBereik)
		if err == nil {
			var r *Rapport
			if r, err = im.Uitvoeren(context.Background(), nil); err == nil {
				t.Errorf("%s: imported %+v", name, r)
				continue
			}
		}
		t.Logf("%s: %s", name, err)
		for _, w := range englishWords {
			if strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q is (deels) Engels (%q)", name, err, w)
			}
		}
	}
	if !bytes.Equal(before, fullExport(t, s)) {
		t.Error("the database changed")
	}
	under := filepath.Join(write("bestand", []byte("x")), "nieuw.db")
	exportPath := filepath.Join(dir, "alles.json")
	os.WriteFile(exportPath, fullExport(t, s), 0o644)
	if _, err := NewDatabaseFromExport(exportPath, under, time.Now()); err == nil || !strings.Contains(err.Error(), "een deel van het pad is een bestand") {
		t.Errorf("database under a file: %v", err)
	}
}
