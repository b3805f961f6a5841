// Package spreadsheet reads the rows of .xlsx and .csv files the way real
// files from other organisations contain them: a title above the header row,
// merged title cells, empty trailing rows, numbers stored as text, CSV with
// ';' or ',' in UTF-8 (with or without BOM) or Windows-1252. It streams: a
// sheet is read row by row, never held whole in memory.
package spreadsheet

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jeugdmonitor/data/dutchnum"
)

// Kind says what a cell holds.
type Kind int

// The kinds of cells.
const (
	Empty  Kind = iota // nothing, or only spaces
	Text               // text, which may still be a number stored as text
	Number             // a number stored as a number
	Date               // a number formatted as a date
	Bool               // TRUE or FALSE
)

// Cell is one cell of a row.
type Cell struct {
	Kind Kind
	// Text is the cell as a person reads it: the text itself, a number with a
	// decimal comma and no thousands dots ("1234,5"), a date as dd-mm-jjjj.
	Text string
	// Number is the value of a Number or Date cell (for a date the serial day
	// number of the spreadsheet).
	Number float64
	// Time is the moment of a Date cell.
	Time time.Time
}

// Row is one row of a sheet.
type Row struct {
	// Line is the row number in the sheet, or the line number in a CSV file,
	// counting from 1, as the user sees it in Excel or an editor.
	Line  int
	Cells []Cell
}

// Cell returns the cell in column i (from 0), an empty cell past the end.
func (r Row) Cell(i int) Cell {
	if i < 0 || i >= len(r.Cells) {
		return Cell{}
	}
	return r.Cells[i]
}

// IsEmpty reports whether every cell of the row is empty.
func (r Row) IsEmpty() bool {
	for _, c := range r.Cells {
		if c.Kind != Empty {
			return false
		}
	}
	return true
}

// ErrMissing is returned by Cell.Value for a cell that holds no value (empty,
// "-", "n.v.t.", ...). A missing value is never zero.
var ErrMissing = dutchnum.ErrMissing

// Value reads the cell as a number: a number cell held to the same check
// as typed numbers (dutchnum.CheckStored: 1e20 is refused), text tolerantly
// (thousands separators, decimal comma or point, a percent sign). A cell
// without a value gives ErrMissing; text that is no number a Dutch error.
func (c Cell) Value() (float64, error) {
	switch c.Kind {
	case Number:
		return dutchnum.CheckStored(c.Number)
	case Empty:
		return 0, ErrMissing
	case Date:
		return 0, fmt.Errorf("%s is een datum, geen getal", c.Text)
	}
	return dutchnum.ParseCell(c.Text)
}

// textCell makes a cell from text, trimmed; only spaces make an empty cell.
func textCell(s string) Cell {
	s = strings.TrimSpace(s)
	if s == "" {
		return Cell{}
	}
	return Cell{Kind: Text, Text: s}
}

// numberCell makes a cell from a stored number; its text shows the number
// rounded to the 15 significant digits a spreadsheet shows (0,3 for the
// 0.30000000000000004 a sum may store).
func numberCell(v float64) Cell {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return Cell{Kind: Number, Number: v, Text: strconv.FormatInt(int64(v), 10)}
	}
	shown, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		shown = v
	}
	return Cell{Kind: Number, Number: v, Text: strings.Replace(strconv.FormatFloat(shown, 'f', -1, 64), ".", ",", 1)}
}

// Source is an open sheet: Next gives its rows one by one, io.EOF after the last.
type Source interface {
	Next() (Row, error)
	Close() error
}

// IsXLSX reports whether path names an Excel workbook (by its extension).
func IsXLSX(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlsx" || ext == ".xlsm"
}

// Sheets lists the sheets of a workbook in order; a CSV file has one, named
// after the file.
func Sheets(path string) ([]string, error) {
	if IsXLSX(path) {
		wb, err := openWorkbook(path)
		if err != nil {
			return nil, err
		}
		defer wb.Close()
		return wb.sheetNames(), nil
	}
	if err := checkCSVExtension(path); err != nil {
		return nil, err
	}
	return []string{strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}, nil
}

// Open opens one sheet of a workbook (the first when sheet is empty) or a
// CSV file (sheet is ignored).
func Open(path, sheet string) (Source, error) {
	if IsXLSX(path) {
		return openXLSX(path, sheet)
	}
	if err := checkCSVExtension(path); err != nil {
		return nil, err
	}
	return openCSV(path)
}

func checkCSVExtension(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
		return nil
	case ".xls":
		return fmt.Errorf("%s is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx of .csv", filepath.Base(path))
	case ".ods":
		return fmt.Errorf("%s is een OpenDocument-bestand (.ods); sla het op als .xlsx of .csv", filepath.Base(path))
	}
	return fmt.Errorf("%s is geen .xlsx- of .csv-bestand", filepath.Base(path))
}

// ErrNoHeader is returned when no header row is found near the top of a sheet.
var ErrNoHeader = errors.New("geen kopregel gevonden in de eerste regels; een kopregel heeft minstens twee kolomnamen")

// headerSearchRows is how far down a sheet the header row is looked for.
const headerSearchRows = 30

// Table is a sheet read below its header row: the header names the columns,
// and Next gives the data rows, skipping empty ones.
type Table struct {
	src Source
	// Header holds the column names as the file writes them, trimmed.
	Header []string
	// HeaderLine is the row number of the header.
	HeaderLine int
	// Above holds the rows above the header (titles, notes), for callers that
	// read a table id or a unit from them.
	Above []Row

	// The data rows are read ahead on a goroutine of their own (see Next).
	ahead   chan rowBatch
	stop    chan struct{}
	stopped chan struct{}
	pending []Row
	err     error
}

// rowBatch is rows read ahead, with the error that ended the reading (io.EOF
// at the end) after them.
type rowBatch struct {
	rows []Row
	err  error
}

// readAheadRows is how many rows the reading goroutine hands over at once
// (fewer when they hold more than readAheadBytes), and readAheadBatches how
// many hand-overs it may be ahead: enough to keep it busy, and memory
// bounded however large the file and its rows.
const (
	readAheadRows    = 256
	readAheadBytes   = 4 << 20
	readAheadBatches = 4
)

// size estimates the memory a row takes: its text and its cells.
func (r Row) size() int {
	n := 0
	for _, c := range r.Cells {
		n += len(c.Text) + 64
	}
	return n
}

// NewTable finds the header row of src: the first row near the top with at
// least two filled cells that are all text. Rows above it (titles, merged
// title cells, notes) are kept in Above.
func NewTable(src Source) (*Table, error) {
	t := &Table{src: src}
	for range headerSearchRows {
		row, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if isHeader(row) {
			t.HeaderLine = row.Line
			t.Header = make([]string, len(row.Cells))
			for i, c := range row.Cells {
				t.Header[i] = c.Text
			}
			return t, nil
		}
		t.Above = append(t.Above, row)
	}
	return nil, ErrNoHeader
}

func isHeader(row Row) bool {
	filled := 0
	for _, c := range row.Cells {
		switch c.Kind {
		case Empty:
		case Text:
			if _, err := dutchnum.ParseCell(c.Text); err == nil {
				return false
			}
			filled++
		default:
			return false
		}
	}
	return filled >= 2
}

// Next returns the next row that is not empty, or io.EOF. The rows are
// read and decoded ahead on another goroutine, so that decoding the file
// overlaps the caller's work on the rows before.
func (t *Table) Next() (Row, error) {
	if t.ahead == nil && t.err == nil {
		t.readAhead()
	}
	for len(t.pending) == 0 {
		if t.err != nil {
			return Row{}, t.err
		}
		b := <-t.ahead
		t.pending, t.err = b.rows, b.err
	}
	row := t.pending[0]
	t.pending = t.pending[1:]
	return row, nil
}

// readAhead starts the goroutine that reads the rows below the header; it
// stops after the first error (io.EOF at the end) or when Close asks.
func (t *Table) readAhead() {
	t.ahead, t.stop, t.stopped = make(chan rowBatch, readAheadBatches), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(t.stopped)
		for {
			b := rowBatch{rows: make([]Row, 0, readAheadRows)}
			for size := 0; b.err == nil && len(b.rows) < readAheadRows && size < readAheadBytes; {
				var row Row
				row, b.err = t.src.Next()
				if b.err == nil && !row.IsEmpty() {
					b.rows = append(b.rows, row)
					size += row.size()
				}
			}
			select {
			case t.ahead <- b:
			case <-t.stop:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
}

// ErrClosed is what Next returns after Close.
var ErrClosed = errors.New("het werkblad is al gesloten")

// Close stops reading ahead and closes the underlying sheet.
func (t *Table) Close() error {
	if t.stop != nil {
		close(t.stop)
		<-t.stopped
		t.stop = nil
	}
	t.ahead, t.pending, t.err = nil, nil, ErrClosed
	return t.src.Close()
}

// ColumnLetter is the spreadsheet letter of column i (from 0): A, B, ..., AA.
func ColumnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// OpenTable opens a sheet and finds its header row.
func OpenTable(path, sheet string) (*Table, error) {
	src, err := Open(path, sheet)
	if err != nil {
		return nil, err
	}
	t, err := NewTable(src)
	if err != nil {
		src.Close()
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return t, nil
}
