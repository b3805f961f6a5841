package spreadsheet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/spreadsheet/vijandig"
)

// TestUnbalancedQuoteRefused reads the file of issue 13 as the issue's own
// printf wrote it: the quote that opens Bron in row 2 never closes, which
// used to swallow the two rows after it into that cell ("1 rijen, 0
// fouten"). Now it is refused at row 2, column D.
func TestUnbalancedQuoteRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "q.csv")
	if err := os.WriteFile(p, []byte(vijandig.OngeslotenAanhalingsteken), 0o644); err != nil {
		t.Fatal(err)
	}
	err := readErr(p)
	if err == nil {
		t.Fatal("an unbalanced quote was accepted")
	}
	for _, want := range []string{"regel 2, kolom D", "aanhalingsteken", "niet gesloten"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("melding %q zegt niet %q", err, want)
		}
	}
}

// TestQuotedCells: quoted cells with the delimiter, doubled quotes and line
// breaks inside still read as one cell; text after a closing quote, and a
// quote that runs past the cell limit, are refused at their row and column.
func TestQuotedCells(t *testing.T) {
	dir := t.TempDir()
	good := "A;B;C\r\n\"x;y\";\"zei \"\"hoi\"\"\";\"twee\r\nregels\"\r\nlos\"aanhalingsteken;2;3\r\n"
	p := filepath.Join(dir, "goed.csv")
	os.WriteFile(p, []byte(good), 0o644)
	tab, err := spreadsheet.OpenTable(p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	r1, err := tab.Next()
	if err != nil {
		t.Fatal(err)
	}
	if r1.Line != 2 || r1.Cell(0).Text != "x;y" || r1.Cell(1).Text != `zei "hoi"` || r1.Cell(2).Text != "twee\nregels" {
		t.Errorf("rij 1: %+v", r1)
	}
	r2, err := tab.Next()
	if err != nil {
		t.Fatal(err)
	}
	if r2.Line != 4 || r2.Cell(0).Text != `los"aanhalingsteken` || len(r2.Cells) != 3 {
		t.Errorf("rij 2: %+v", r2)
	}

	for _, c := range []struct{ name, content, want string }{
		{"text after closing quote", "A;B;C\r\n1;\"x\"y;3\r\n", "regel 2, kolom B: na het sluitende aanhalingsteken"},
		{"quote over the cell limit", "A;B;C\r\n1;2;\"" + strings.Repeat("regel;met;tekst\r\n", 10000), "regel 2, kolom C: het aanhalingsteken aan het begin van de cel wordt niet gesloten (binnen 32.767 tekens)"},
	} {
		p := filepath.Join(dir, "fout.csv")
		os.WriteFile(p, []byte(c.content), 0o644)
		if err := readErr(p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: melding %v, verwacht %q", c.name, err, c.want)
		}
	}
}

// TestCSVEncodings: a file that says it is UTF-8 (BOM) but holds a
// Windows-1252 byte, and a UTF-8 file with one stray Windows-1252 byte, are
// refused at the row and column of the byte, instead of storing invalid
// bytes or reading the whole file as Windows-1252 (mojibake); a file
// entirely in Windows-1252 still reads faithfully.
func TestCSVEncodings(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name    string
		content string
		want    string
	}{
		{"BOM with Windows-1252", "\xEF\xBB\xBFA;B\r\nCaf\xE9;1\r\n", "regel 2, kolom A: byte 0xE9"},
		{"stray byte in UTF-8", "A;B\r\nCrème brûlée;1\r\nx;2\r\nMatch;na\xEFef\r\n", "regel 4, kolom B: byte 0xEF"},
	} {
		p := filepath.Join(dir, "enc.csv")
		os.WriteFile(p, []byte(c.content), 0o644)
		err := readErr(p)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("%s: melding %v, verwacht %q", c.name, err, c.want)
		}
	}
	p := filepath.Join(dir, "ansi.csv")
	os.WriteFile(p, []byte("A;B\r\nCaf\xE9 \x80;1\r\n"), 0o644)
	tab, err := spreadsheet.OpenTable(p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	r, err := tab.Next()
	if err != nil || r.Cell(0).Text != "Café €" {
		t.Errorf("Windows-1252: %q, %v", r.Cell(0).Text, err)
	}
}
