package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"jeugdmonitor/data/spreadsheet/vijandig"
)

// FuzzOpenTable reads arbitrary bytes as a CSV file and as an .xlsx file
// through the same path an import takes: no panic, no endless loop (every
// row read advances), and reading stops with io.EOF or an error.
func FuzzOpenTable(f *testing.F) {
	f.Add([]byte("\uFEFFInterventie;Periode;Aantal\r\nMatch;2024;35\r\n"), ".csv")
	f.Add([]byte("Overzicht 2024\n\nnaam,jaar,bereik\n\"Home-Start\",2023,\"1.234\"\nn.v.t.,-,\n"), ".csv")
	f.Add([]byte("Interventie\tPeriode\tAantal\nStichting Vechterweerd\t2023\t43\n"), ".csv")
	f.Add([]byte("PK\x03\x04"), ".xlsx")
	f.Fuzz(func(t *testing.T, content []byte, ext string) {
		if ext != ".csv" && ext != ".xlsx" {
			ext = ".csv"
		}
		path := filepath.Join(t.TempDir(), "bestand"+ext)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		table, err := OpenTable(path, "")
		if err != nil {
			return
		}
		defer table.Close()
		for rows := 0; ; rows++ {
			if rows > len(content)+1 {
				t.Fatalf("more rows (%d) than bytes in the file (%d)", rows, len(content))
			}
			if _, err := table.Next(); err != nil {
				if !errors.Is(err, io.EOF) && err.Error() == "" {
					t.Fatal("an error without a message")
				}
				return
			}
		}
	})
}

// FuzzCSVQuoting writes rows of arbitrary cells the way a correct CSV writer
// quotes them (';', CRLF, quotes doubled, quoted cells with line breaks) and
// reads them back (texts guarded against formulas as the exports write
// them): every row and cell must return as written (or, where a
// cell holds a control character such as NUL, be refused there), so that no
// quote ever swallows a following row; an arbitrary stray quote added to a
// cell must either read back as that cell or be refused at its row.
func FuzzCSVQuoting(f *testing.F) {
	f.Add("Match\x002024\x0012\x01Jongerencentra\x002024\x00x;\"y\"", "\"x")
	f.Add("a\x00b\r\nc\x01\"\x00\"\"", "\"")
	f.Fuzz(func(t *testing.T, cells string, stray string) {
		if !utf8.ValidString(cells) || !utf8.ValidString(stray) || len(cells) > 4000 {
			return
		}
		var want [][]string
		var buf bytes.Buffer
		buf.WriteString("Kolom1;Kolom2\r\n")
		w := csv.NewWriter(&buf)
		w.Comma, w.UseCRLF = ';', true
		for _, line := range strings.Split(cells, "\x01") {
			row := strings.Split(line, "\x00")
			for i := range row {
				row[i] = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(row[i], "\r", ""), "\x00", ""))
			}
			if strings.Join(row, "") == "" {
				continue
			}
			want = append(want, row)
			// as the program's exports write text: a formula start guarded
			// with a quote, which reading takes off again
			written := make([]string, len(row))
			for i, c := range row {
				written[i] = BeschermTegenFormule(c)
			}
			w.Write(written)
		}
		w.Flush()
		control := strings.IndexFunc(buf.String(), isControl) >= 0
		path := filepath.Join(t.TempDir(), "f.csv")
		os.WriteFile(path, buf.Bytes(), 0o644)
		table, err := OpenTable(path, "")
		if err != nil {
			return // too few columns for a header: nothing to compare
		}
		defer table.Close()
		for i := 0; ; i++ {
			row, err := table.Next()
			if errors.Is(err, io.EOF) {
				if i != len(want) {
					t.Fatalf("%d rijen gelezen, %d geschreven", i, len(want))
				}
				break
			}
			if err != nil && control && strings.Contains(err.Error(), "stuurteken") {
				return // a control character is refused at its cell
			}
			if err != nil {
				t.Fatalf("rij %d: %v", i, err)
			}
			if i >= len(want) {
				t.Fatalf("meer rijen gelezen dan geschreven")
			}
			for k, c := range want[i] {
				if got := row.Cell(k).Text; got != c {
					t.Fatalf("rij %d cel %d: %q, geschreven %q", i, k, got, c)
				}
			}
		}

		// A stray quote opening the last cell of the first data row: the
		// rows after it are never silently part of that cell.
		if len(want) < 2 || !strings.HasPrefix(stray, "\"") {
			return
		}
		var hostile bytes.Buffer
		hostile.WriteString("Kolom1;Kolom2\r\nx;" + strings.ReplaceAll(stray, "\n", "") + "\r\n")
		hostile.Write(buf.Bytes()[len("Kolom1;Kolom2\r\n"):])
		os.WriteFile(path, hostile.Bytes(), 0o644)
		table2, err := OpenTable(path, "")
		if err != nil {
			return
		}
		defer table2.Close()
		first, err := table2.Next()
		if err != nil {
			return // refused: fine
		}
		// it never closes only when no quote follows it anywhere: a quote in a
		// later row (of a quoted cell) closes it, and then the cell rightly
		// spans the rows in between
		closes := strings.Contains(stray[1:], "\"") || bytes.ContainsRune(buf.Bytes()[len("Kolom1;Kolom2\r\n"):], '"')
		if strings.Contains(first.Cell(1).Text, "\n") && !closes {
			t.Fatalf("a quote that never closes swallowed the rows after it: %q", first.Cell(1).Text)
		}
	})
}

// FuzzXLSXLimits builds a workbook with one data row of a given number of
// cells, a cell of a given length in a given column and a given number of
// shared strings, and checks that it is read exactly when every limit
// holds, and otherwise refused with a message that names the limit.
func FuzzXLSXLimits(f *testing.F) {
	f.Add(uint16(3), uint16(10), uint16(2), uint32(5))
	f.Add(uint16(20000), uint16(40000), uint16(16383), uint32(1_500_000))
	f.Fuzz(func(t *testing.T, cells, cellLen, column uint16, shared uint32) {
		shared %= 1_200_000
		col := int(column) % 16384
		var sheet strings.Builder
		sheet.WriteString(vijandig.Kop + `<row r="2">`)
		for range int(cells) {
			sheet.WriteString("<c/>")
		}
		sheet.WriteString(`<c r="` + ColumnLetter(col) + `2" t="inlineStr"><is><t>` + strings.Repeat("a", int(cellLen)) + `</t></is></c></row>`)
		sst := `<sst>` + strings.Repeat("<si><t>s</t></si>", int(shared)) + `</sst>`
		path := vijandig.Werkmap(t, t.TempDir(), "f.xlsx", vijandig.Blad(vijandig.Tekst(sheet.String())),
			map[string]vijandig.Onderdeel{"xl/sharedStrings.xml": vijandig.Tekst(sst)})
		err := readToEnd(path)
		within := int(cells)+1 <= MaxCellenPerRij && int(cellLen) <= MaxCelTekens && (col < MaxKolommen || cellLen == 0) && int(shared) <= MaxGedeeldeTeksten
		switch {
		case within && err != nil:
			t.Fatalf("binnen de grenzen geweigerd: %v", err)
		case !within && err == nil:
			t.Fatalf("buiten de grenzen gelezen (cellen %d, lengte %d, kolom %d, gedeeld %d)", cells, cellLen, col, shared)
		case err != nil && !strings.Contains(err.Error(), "grens"):
			t.Fatalf("melding noemt de grens niet: %v", err)
		}
	})
}

// readToEnd opens a table and reads all its rows; the first error, or nil.
func readToEnd(path string) error {
	tab, err := OpenTable(path, "")
	if err != nil {
		return err
	}
	defer tab.Close()
	for {
		if _, err := tab.Next(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}
