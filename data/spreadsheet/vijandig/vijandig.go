// Package vijandig builds hostile spreadsheet files for tests: workbooks and
// CSV files that cross the limits of the reader (huge cells, millions of
// shared strings or styles, rows of millions of cells), written on the fly
// so that no large file lives in the repository.
package vijandig

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Onderdeel writes the content of one part of a workbook.
type Onderdeel func(w io.Writer)

// Herhaal writes head, then body n times, then tail.
func Herhaal(head, body string, n int, tail string) Onderdeel {
	return func(w io.Writer) {
		io.WriteString(w, head)
		chunk := strings.Repeat(body, max(1, 64<<10/max(len(body), 1)))
		per := len(chunk) / max(len(body), 1)
		for ; n >= per; n -= per {
			io.WriteString(w, chunk)
		}
		io.WriteString(w, strings.Repeat(body, n))
		io.WriteString(w, tail)
	}
}

// Tekst writes s.
func Tekst(s string) Onderdeel { return func(w io.Writer) { io.WriteString(w, s) } }

// Blad wraps rows (the XML of <row> elements) into a worksheet.
func Blad(rows Onderdeel) Onderdeel {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		rows(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	}
}

// Kop is a header row (row 1) naming the columns of a reach import.
const Kop = `<row r="1"><c r="A1" t="inlineStr"><is><t>Interventie</t></is></c><c r="B1" t="inlineStr"><is><t>Periode</t></is></c><c r="C1" t="inlineStr"><is><t>Waarde</t></is></c></row>`

// Werkmap writes an .xlsx file in dir with one sheet and the given extra
// parts (by name, such as "xl/sharedStrings.xml"), compressed fast.
func Werkmap(t testing.TB, dir, name string, sheet Onderdeel, extra map[string]Onderdeel) string {
	t.Helper()
	parts := map[string]Onderdeel{
		"xl/workbook.xml":            Tekst(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		"xl/_rels/workbook.xml.rels": Tekst(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
		"xl/worksheets/sheet1.xml":   sheet,
	}
	for k, v := range extra {
		parts[k] = v
	}
	return Zip(t, dir, name, parts)
}

// Zip writes a zip file of the parts in dir.
func Zip(t testing.TB, dir, name string, parts map[string]Onderdeel) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for name, part := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		part(w)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := buf.Flush(); err != nil {
		t.Fatal(err)
	}
	return p
}

// CSV writes a CSV file in dir from head, then body n times.
func CSV(t testing.TB, dir, name, head, body string, n int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	Herhaal(head, body, n, "")(w)
	if err := w.Flush(); err != nil {
		t.Fatal(fmt.Errorf("%s schrijven: %w", p, err))
	}
	return p
}

// OngeslotenAanhalingsteken is the CSV file of issue 13, byte for byte as the
// issue's printf wrote it: the quote that opens Bron in row 2 never closes,
// and used to swallow the two rows after it into that cell.
const OngeslotenAanhalingsteken = "Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;\"x\r\nJongerencentra;2024;56;b\r\nMake it!;2024;7;b\r\n"
