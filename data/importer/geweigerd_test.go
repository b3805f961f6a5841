package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/spreadsheet/vijandig"
)

// TestRefusedFilesLeaveDatabase imports the hostile files of issue 13 that
// are refused for what they hold rather than their size (the unbalanced
// quote as the printf wrote it, a BOM before Windows-1252 text, one
// stray Windows-1252 byte in UTF-8, numbers stored as 1e308 and 1e20 in an
// .xlsx, a NUL byte in a cell, a note over domain.MaxTekst) and requires a
// Dutch message at the row and column, and the database exactly as it was.
func TestRefusedFilesLeaveDatabase(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, path string
		wants      []string
	}{
		{"unbalanced quote", write("q.csv", vijandig.OngeslotenAanhalingsteken), []string{"regel 2, kolom D", "niet gesloten"}},
		{"BOM with Windows-1252", write("bom.csv", "\xEF\xBB\xBFInterventie;Periode;Waarde;Bron\r\nMatch;2024;12;Caf\xE9\r\n"), []string{"regel 2, kolom D", "byte 0xE9", "UTF-8"}},
		{"stray Windows-1252 byte", write("los.csv", "Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;één\r\nMake it!;2024;7;na\xEFef\r\n"), []string{"regel 3, kolom D", "byte 0xEF"}},
		{"1e308 in xlsx", writeXLSX(t, dir, "groot.xlsx", "Bereik", [][]any{{"Interventie", "Periode", "Waarde"}, {"Match", "2024", 1e308}}), []string{"rij 4", "Waarde (C)", "meer dan 15 cijfers"}},
		{"NUL byte in a cell", write("nulteken.csv", "Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;ja\x00nee\r\n"), []string{"regel 2, kolom D", "stuurteken U+0000 (NUL)"}},
		{"note over the text limit", write("notitie.csv", "Interventie;Periode;Waarde;Notitie\r\nMatch;2024;12;"+strings.Repeat("ë", 20_000)+"\r\n"), []string{"rij 2, kolom Notitie (D)", "is 20.000 tekens lang; een tekst mag hoogstens 10.000 tekens zijn"}},
		{"1e20 in xlsx", writeXLSX(t, dir, "groot2.xlsx", "Bereik", [][]any{{"Interventie", "Periode", "Waarde"}, {"Match", "2024", 1e20}}), []string{"rij 4", "meer dan 15 cijfers"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openRegister(t)
			before := fullExport(t, s)
			var msg string
			im, err := Open(s, c.path, "", SoortBereik)
			if err == nil {
				var r *Rapport
				r, err = im.Uitvoeren(context.Background(), nil)
				if r != nil && len(r.Problemen) > 0 {
					msg = r.Problemen[0].String()
				}
			}
			if err == nil {
				t.Fatal("the file was imported")
			}
			msg = err.Error() + " " + msg
			for _, want := range c.wants {
				if !strings.Contains(msg, want) {
					t.Errorf("melding %q zegt niet %q", msg, want)
				}
			}
			if !bytes.Equal(before, fullExport(t, s)) {
				t.Error("the database changed")
			}
		})
	}
}
