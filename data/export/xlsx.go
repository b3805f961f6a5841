package export

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
)

// sheet is one named sheet of a workbook.
type sheet struct {
	name string
	t    table
}

// Column widths in characters.
const (
	minWidth = 8
	maxWidth = 60
)

// The limits of an Excel worksheet: rows (the header included) and
// characters in a cell.
const (
	excelRijen      = 1_048_576
	excelCelTekens  = 32_767
	excelDataRijen  = excelRijen - 1
	excelBladTekens = 31
)

// writeXLSX writes the sheets as an Excel workbook: Dutch headers in bold
// with the header row frozen, numbers as numbers, times as dates, each
// column as wide as its contents (within limits). Rows are streamed. A
// table longer than a worksheet continues on sheets "Naam (2)", "Naam (3)"
// with the same header; a text Excel cannot hold (longer than 32.767
// characters, or with a control character) is refused in Dutch, never cut
// or replaced.
func writeXLSX(w io.Writer, sheets []sheet) error {
	for _, sh := range sheets {
		if err := checkTexts(sh); err != nil {
			return err
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range splitSheets(sheets) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		if err := writeSheet(f, sh, styles); err != nil {
			return fmt.Errorf("werkblad %s: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("het Excel-bestand schrijven is mislukt: %s", foutmelding.Reden(err))
	}
	return nil
}

// splitSheets continues each table longer than a worksheet on further
// sheets named "Naam (2)", "Naam (3)", each with the header.
func splitSheets(sheets []sheet) []sheet {
	var out []sheet
	for _, sh := range sheets {
		rows := sh.t.rows
		for part := 1; part == 1 || len(rows) > 0; part++ {
			n := min(len(rows), excelDataRijen)
			name := sh.name
			if part > 1 {
				suffix := fmt.Sprintf(" (%d)", part)
				name = string([]rune(name)[:min(len([]rune(name)), excelBladTekens-len(suffix))]) + suffix
			}
			out = append(out, sheet{name: name, t: table{columns: sh.t.columns, rows: rows[:n]}})
			rows = rows[n:]
		}
	}
	return out
}

// checkTexts refuses a text that a worksheet cannot hold as it is: longer
// than 32.767 characters, or with a control character XML cannot carry
// (Excel would otherwise get it cut short or replaced by U+FFFD).
func checkTexts(sh sheet) error {
	for r, row := range sh.t.rows {
		for c, v := range row {
			text, ok := v.(string)
			if !ok {
				continue
			}
			where := fmt.Sprintf("werkblad %s, rij %d, kolom %s", sh.name, r+2, sh.t.columns[c].header)
			if n := utf8.RuneCountInString(text); n > excelCelTekens {
				return fmt.Errorf("%s: de tekst is %s tekens lang; een Excel-cel houdt er hoogstens %s. Er is niets geschreven: exporteer als JSON of CSV, die de hele tekst bewaren",
					where, dutchnum.Format(float64(n), 0), dutchnum.Format(excelCelTekens, 0))
			}
			if !utf8.ValidString(text) {
				return fmt.Errorf("%s: de tekst %s bevat bytes die geen UTF-8 zijn. Er is niets geschreven", where, foutmelding.Citeer(strings.ToValidUTF8(text, "\uFFFD")))
			}
			if i := strings.IndexFunc(text, notInXML); i >= 0 {
				r, _ := utf8.DecodeRuneInString(text[i:])
				return fmt.Errorf("%s: de tekst %s bevat het stuurteken U+%04X, dat een Excel-bestand niet kan bevatten. Er is niets geschreven: verwijder het teken of exporteer als JSON of CSV",
					where, foutmelding.Citeer(text), r)
			}
		}
	}
	return nil
}

// notInXML reports whether r cannot stand in XML 1.0 text (a control
// character other than tab, line feed and carriage return, a surrogate, or
// U+FFFE/U+FFFF).
func notInXML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// styleSet holds the style ids of the header and of each cell format.
type styleSet struct {
	header int
	format map[cellFormat]int
}

func newStyles(f *excelize.File) (styleSet, error) {
	s := styleSet{format: map[cellFormat]int{}}
	var err error
	s.header, err = f.NewStyle(&excelize.Style{
		Font:   &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border: []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
	})
	if err != nil {
		return s, err
	}
	amountFmt, dateFmt := "#,##0.00", "dd-mm-yyyy hh:mm"
	for f2, style := range map[cellFormat]*excelize.Style{
		amount: {CustomNumFmt: &amountFmt},
		moment: {CustomNumFmt: &dateFmt},
	} {
		id, err := f.NewStyle(style)
		if err != nil {
			return s, err
		}
		s.format[f2] = id
	}
	return s, nil
}

func writeSheet(f *excelize.File, sh sheet, styles styleSet) error {
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	for i, width := range widths(sh.t) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(sh.t.columns))
	for i, c := range sh.t.columns {
		header[i] = excelize.Cell{StyleID: styles.header, Value: c.header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	cells := make([]any, len(sh.t.columns))
	for r, row := range sh.t.rows {
		for i, v := range row {
			cells[i] = xlsxCell(v, styles.format[sh.t.columns[i].format])
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxCell makes a typed cell: numbers stay numbers, times become dates
// (local time, as the user reads them), nil an empty cell.
func xlsxCell(v any, style int) any {
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		if x.IsZero() {
			return nil
		}
		l := x.Local()
		return excelize.Cell{StyleID: style, Value: time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)}
	case float64, int:
		return excelize.Cell{StyleID: style, Value: x}
	}
	return excelize.Cell{Value: v}
}

// widths sizes each column to its longest text (header included), within
// minWidth and maxWidth.
func widths(t table) []float64 {
	out := make([]float64, len(t.columns))
	for i, c := range t.columns {
		out[i] = float64(utf8.RuneCountInString(c.header)) + 2
	}
	for _, row := range t.rows {
		for i, v := range row {
			n := float64(utf8.RuneCountInString(cellText(v))) + 2
			if _, isTime := v.(time.Time); isTime {
				n = 18
			}
			out[i] = max(out[i], n)
		}
	}
	for i := range out {
		out[i] = min(max(out[i], minWidth), maxWidth)
	}
	return out
}
