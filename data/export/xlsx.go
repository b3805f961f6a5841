package export

import (
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
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

// writeXLSX writes the sheets as an Excel workbook: Dutch headers in bold
// with the header row frozen, numbers as numbers, times as dates, each
// column as wide as its contents (within limits). Rows are streamed.
func writeXLSX(w io.Writer, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range sheets {
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
	return f.Write(w)
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
