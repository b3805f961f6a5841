package spreadsheet

import (
	"errors"
	"io"
	"sync/atomic"
	"testing"
)

// countingSource gives a header row and then numbered data rows, every
// tenth one empty, and then err; it counts the rows asked for.
type countingSource struct {
	rows   int
	err    error
	read   atomic.Int64
	closed atomic.Bool
}

func (s *countingSource) Next() (Row, error) {
	n := int(s.read.Add(1))
	switch {
	case n == 1:
		return Row{Line: 1, Cells: []Cell{textCell("Interventie"), textCell("Aantal")}}, nil
	case n-1 > s.rows:
		return Row{}, s.err
	case n%10 == 0:
		return Row{Line: n}, nil
	}
	return Row{Line: n, Cells: []Cell{textCell("Match"), numberCell(float64(n))}}, nil
}

func (s *countingSource) Close() error { s.closed.Store(true); return nil }

// TestReadAheadKeepsOrderAndError: rows read ahead come out in file order
// across many hand-overs, empty rows skipped, and the error that ended the
// reading comes after the last row, every time Next is asked again.
func TestReadAheadKeepsOrderAndError(t *testing.T) {
	broken := errors.New("werkblad lezen: kapot")
	src := &countingSource{rows: 5*readAheadRows + 7, err: broken}
	tab, err := NewTable(src)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	want := 2
	for {
		row, err := tab.Next()
		if err != nil {
			if !errors.Is(err, broken) {
				t.Fatalf("ended with %v", err)
			}
			break
		}
		if want%10 == 0 {
			want++
		}
		if row.Line != want || row.Cells[1].Number != float64(want) {
			t.Fatalf("got row %d (%v), want row %d", row.Line, row.Cells, want)
		}
		want++
	}
	if want != src.rows+2 {
		t.Fatalf("stopped before row %d, want all %d data rows", want, src.rows)
	}
	if _, err := tab.Next(); !errors.Is(err, broken) {
		t.Fatalf("asked again: %v", err)
	}
}

// TestReadAheadStopsOnClose: a caller that stops early (a preview) does not
// make the whole file be read, and Close stops the reading goroutine before
// it closes the sheet.
func TestReadAheadStopsOnClose(t *testing.T) {
	src := &countingSource{rows: 1000 * readAheadRows, err: io.EOF}
	tab, err := NewTable(src)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if _, err := tab.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	read := src.read.Load()
	// the header, the batch being used, the batches waiting and the one
	// waiting to be handed over; a tenth of the rows is empty
	if limit := int64(1 + (readAheadBatches+2)*(readAheadRows*10/9+1)); read > limit {
		t.Fatalf("read %d rows for a preview of 20; at most %d expected", read, limit)
	}
	if !src.closed.Load() {
		t.Fatal("sheet not closed")
	}
	if _, err := tab.Next(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Next after Close: %v", err)
	}
}
