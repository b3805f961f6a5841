package spreadsheet

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// readAll opens a table and returns its header and data rows as text.
func readAll(t *testing.T, path, sheet string) (*Table, [][]Cell) {
	t.Helper()
	tab, err := OpenTable(path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	var rows [][]Cell
	for {
		r, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r.Cells)
	}
	return tab, rows
}

func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCSVVariants(t *testing.T) {
	const body = "Bereik Travers 2024\r\n\r\nInterventie;Periode;Aantal\r\n" +
		"Kinderen in Echtscheidingssituaties;2024;1.234\r\nMatch;2024-H1;n.v.t.\r\n\"Café; praat\";2023/2024;12,5\r\n;;\r\n\r\n"
	win, err := charmap.Windows1252.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"utf8-bom.csv": append([]byte{0xEF, 0xBB, 0xBF}, body...),
		"utf8.csv":     []byte(body),
		"win1252.csv":  []byte(win),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			tab, rows := readAll(t, writeFile(t, name, content), "")
			if tab.HeaderLine != 3 || tab.Header[2] != "Aantal" {
				t.Fatalf("header %v at %d", tab.Header, tab.HeaderLine)
			}
			if len(rows) != 3 {
				t.Fatalf("got %d rows, want 3 (empty trailing rows skipped)", len(rows))
			}
			if rows[2][0].Text != "Café; praat" {
				t.Fatalf("text %q: encoding or quoting lost", rows[2][0].Text)
			}
			if v, err := rows[0][2].Value(); err != nil || v != 1234 {
				t.Fatalf("1.234 read as %v, %v", v, err)
			}
			if _, err := rows[1][2].Value(); !errors.Is(err, ErrMissing) {
				t.Fatalf("n.v.t. must be missing, got %v", err)
			}
			if v, _ := rows[2][2].Value(); v != 12.5 {
				t.Fatalf("12,5 read as %v", v)
			}
		})
	}
}

func TestCSVCommaDelimited(t *testing.T) {
	p := writeFile(t, "en.csv", []byte("Interventie,Periode,Aantal\nMatch,2024,\"1,234.5\"\nMatch,2025,-\n"))
	_, rows := readAll(t, p, "")
	if len(rows) != 2 {
		t.Fatalf("rows %v", rows)
	}
	if v, err := rows[0][2].Value(); err != nil || v != 1234.5 {
		t.Fatalf("1,234.5 read as %v %v", v, err)
	}
	if _, err := rows[1][2].Value(); !errors.Is(err, ErrMissing) {
		t.Fatal("'-' must be missing")
	}
}

func TestCSVLineNumbers(t *testing.T) {
	p := writeFile(t, "l.csv", []byte("titel\nA;B\n1;\"twee\nregels\"\n3;4\n"))
	tab, err := OpenTable(p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	r1, _ := tab.Next()
	r2, _ := tab.Next()
	if r1.Line != 3 || r2.Line != 5 {
		t.Fatalf("lines %d %d, want 3 5", r1.Line, r2.Line)
	}
}

func TestXLSXRealisticSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Bereik 2024"
	f.SetSheetName("Sheet1", sh)
	f.NewSheet("Toelichting")
	f.SetCellValue(sh, "A1", "Bereik interventies Travers")
	f.MergeCell(sh, "A1", "D1")
	f.SetCellValue(sh, "A2", "Aangeleverd door Travers")
	f.SetSheetRow(sh, "A4", &[]any{"Interventie", "Periode", "Aantal", "Datum"})
	f.SetSheetRow(sh, "A5", &[]any{"Match", 2024, 36, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
	f.SetSheetRow(sh, "A6", &[]any{"Kinderen in Echtscheidingssituaties", "2024-H1", "1.234", nil})
	f.SetSheetRow(sh, "A7", &[]any{"Stip", "2024", "n.v.t."})
	f.SetCellValue(sh, "C8", 0.5)
	f.SetCellStyle(sh, "A9", "D12", 0) // styled empty rows at the end
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(sh, "D5", "D5", dateStyle)
	p := filepath.Join(t.TempDir(), "travers.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	sheets, err := Sheets(p)
	if err != nil || len(sheets) != 2 || sheets[0] != sh {
		t.Fatalf("sheets %v %v", sheets, err)
	}
	tab, rows := readAll(t, p, "bereik 2024")
	if tab.HeaderLine != 4 || len(tab.Above) != 2 || tab.Above[0].Cells[0].Text != "Bereik interventies Travers" {
		t.Fatalf("header at %d, above %v", tab.HeaderLine, tab.Above)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows", len(rows))
	}
	if c := rows[0][1]; c.Kind != Number || c.Text != "2024" {
		t.Fatalf("year cell %+v", c)
	}
	if c := rows[0][3]; c.Kind != Date || c.Text != "01-03-2024" {
		t.Fatalf("date cell %+v", c)
	}
	if v, err := rows[1][2].Value(); err != nil || v != 1234 || rows[1][2].Kind != Text {
		t.Fatalf("number stored as text: %v %v", v, err)
	}
	if _, err := rows[2][2].Value(); !errors.Is(err, ErrMissing) {
		t.Fatal("n.v.t. must be missing")
	}
	if c := rows[3][2]; c.Number != 0.5 || c.Text != "0,5" || rows[3][0].Kind != Empty {
		t.Fatalf("sparse row %+v", rows[3])
	}
	if _, err := Open(p, "Bestaat niet"); err == nil {
		t.Fatal("unknown sheet accepted")
	}
}

func TestNoHeader(t *testing.T) {
	p := writeFile(t, "x.csv", []byte("1;2\n3;4\n"))
	if _, err := OpenTable(p, ""); !errors.Is(err, ErrNoHeader) {
		t.Fatalf("got %v", err)
	}
}

func TestWrongFileKinds(t *testing.T) {
	for _, name := range []string{"oud.xls", "a.ods", "b.pdf"} {
		if _, err := Open(writeFile(t, name, []byte("x")), ""); err == nil {
			t.Fatalf("%s accepted", name)
		}
	}
	if _, err := Open(writeFile(t, "kapot.xlsx", []byte("geen zip")), ""); err == nil {
		t.Fatal("broken xlsx accepted")
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA"} {
		if got := ColumnLetter(i); got != want {
			t.Errorf("ColumnLetter(%d) = %s, want %s", i, got, want)
		}
		if got, _ := columnIndex(want + "7"); got != i {
			t.Errorf("columnIndex(%s7) = %d", want, got)
		}
	}
}
