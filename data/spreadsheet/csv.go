package spreadsheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// utf8BOM starts a CSV file that Excel saved as "CSV UTF-8".
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffSize is how much of a CSV file is read to choose the delimiter.
const sniffSize = 64 << 10

// csvSource reads a CSV file row by row.
type csvSource struct {
	f *os.File
	r *csv.Reader
}

// openCSV opens a CSV file: it reads the file once to tell UTF-8 from
// Windows-1252 and samples its start to choose ';', ',' or tab, then streams.
func openCSV(path string) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	bom, isUTF8, sample, err := sniff(f)
	if err == nil {
		_, err = f.Seek(int64(len(bom)), io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s lezen: %w", filepath.Base(path), err)
	}
	var in io.Reader = bufio.NewReaderSize(f, 64<<10)
	if !isUTF8 {
		in = charmap.Windows1252.NewDecoder().Reader(in)
		sample, _ = charmap.Windows1252.NewDecoder().Bytes(sample)
	}
	r := csv.NewReader(in)
	r.Comma = delimiter(sample)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	return &csvSource{f: f, r: r}, nil
}

// sniff reads the whole file in chunks (bounded memory) and reports its BOM,
// whether every byte after it is valid UTF-8, and the first sniffSize bytes.
func sniff(f *os.File) (bom []byte, isUTF8 bool, sample []byte, err error) {
	buf := make([]byte, sniffSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, false, nil, err
	}
	sample = buf[:n]
	if bytes.HasPrefix(sample, utf8BOM) {
		return utf8BOM, true, sample[len(utf8BOM):], nil
	}
	isUTF8, err = validUTF8(io.MultiReader(bytes.NewReader(sample), f))
	return nil, isUTF8, sample, err
}

// validUTF8 reports whether r holds valid UTF-8, reading it in chunks and
// carrying an incomplete character over a chunk boundary.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		end := len(chunk)
		if err == nil {
			// keep up to 3 bytes of an unfinished character for the next round
			for k := 1; k <= 3 && k <= len(chunk); k++ {
				if utf8.RuneStart(chunk[len(chunk)-k]) {
					if !utf8.FullRune(chunk[len(chunk)-k:]) {
						end = len(chunk) - k
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:end]) {
			return false, nil
		}
		carry = copy(buf, chunk[end:])
		if errors.Is(err, io.EOF) {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// delimiter chooses the field separator from a sample: the candidate that
// splits the most lines into the same number (two or more) of fields; ';'
// on a tie, as Dutch Excel writes it.
func delimiter(sample []byte) rune {
	best, bestScore := ';', -1
	for _, d := range []rune{';', ',', '\t'} {
		r := csv.NewReader(bytes.NewReader(sample))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = d, -1, true
		counts := map[int]int{}
		for range 50 {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > 1 {
				counts[len(rec)]++
			}
		}
		score := 0
		for _, c := range counts {
			score = max(score, c)
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// Next returns the next line.
func (s *csvSource) Next() (Row, error) {
	rec, err := s.r.Read()
	if err != nil {
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return Row{}, fmt.Errorf("regel %d: %v", perr.Line, perr.Err)
		}
		return Row{}, err
	}
	line, _ := s.r.FieldPos(0)
	row := Row{Line: line, Cells: make([]Cell, len(rec))}
	for i, v := range rec {
		row.Cells[i] = textCell(v)
	}
	return row, nil
}

// Close closes the file.
func (s *csvSource) Close() error { return s.f.Close() }
