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
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"jeugdmonitor/data/foutmelding"
)

// utf8BOM starts a CSV file that Excel saved as "CSV UTF-8".
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffSize is how much of a CSV file is read to choose the delimiter.
const sniffSize = 64 << 10

// encoding is how a CSV file's bytes are read.
type encoding int

const (
	// utf8Text: UTF-8; a byte that is not is refused at its row and column.
	utf8Text encoding = iota
	// utf8WithBOM: as utf8Text, for a file that says it is UTF-8.
	utf8WithBOM
	// windows1252: a file without a single UTF-8 character beyond ASCII
	// but with bytes that are no UTF-8: Windows-1252, as older Excel saves.
	windows1252
)

// csvSource reads a CSV file row by row, a line at a time, within the
// limits of grenzen.go. A quoted cell may run over several lines but must
// close within MaxCelTekens characters, and only a delimiter or the end of
// the line may follow its closing quote: an unbalanced quote is refused at
// its row and column, never allowed to swallow the rows after it.
type csvSource struct {
	f     *os.File
	r     *bufio.Reader
	comma byte
	enc   encoding
	// line is the number of the last physical line read.
	line int
	// buf holds the physical line being parsed.
	buf []byte
}

// openCSV opens a CSV file: it reads the file once to tell UTF-8 from
// Windows-1252 and samples its start to choose ';', ',' or tab, then streams.
func openCSV(path string) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s openen: %s", filepath.Base(path), foutmelding.Reden(err))
	}
	bom, enc, sample, err := sniff(f)
	if err == nil {
		_, err = f.Seek(int64(len(bom)), io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s lezen: %s", filepath.Base(path), foutmelding.Reden(err))
	}
	var in io.Reader = f
	if enc == windows1252 {
		in = charmap.Windows1252.NewDecoder().Reader(in)
		sample, _ = charmap.Windows1252.NewDecoder().Bytes(sample)
	}
	return &csvSource{f: f, r: bufio.NewReaderSize(in, 64<<10), comma: byte(delimiter(sample)), enc: enc}, nil
}

// sniff reads the whole file in chunks (bounded memory) and reports its BOM,
// its encoding, and the first sniffSize bytes.
func sniff(f *os.File) (bom []byte, enc encoding, sample []byte, err error) {
	buf := make([]byte, sniffSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, 0, nil, err
	}
	sample = buf[:n]
	if bytes.HasPrefix(sample, utf8BOM) {
		return utf8BOM, utf8WithBOM, sample[len(utf8BOM):], nil
	}
	multibyte, invalid, err := scanUTF8(io.MultiReader(bytes.NewReader(sample), f))
	if invalid && !multibyte {
		return nil, windows1252, sample, err
	}
	return nil, utf8Text, sample, err
}

// scanUTF8 reads r in chunks, carrying an unfinished character over a chunk
// boundary, and reports whether it holds a UTF-8 character beyond ASCII and
// whether it holds a byte that is no UTF-8.
func scanUTF8(r io.Reader) (multibyte, invalid bool, err error) {
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
		for i := 0; i < end; {
			if chunk[i] < utf8.RuneSelf {
				i++
				continue
			}
			c, size := utf8.DecodeRune(chunk[i:end])
			if c == utf8.RuneError && size <= 1 {
				invalid = true
			} else {
				multibyte = true
			}
			i += size
		}
		if multibyte && invalid {
			return true, true, nil
		}
		carry = copy(buf, chunk[end:])
		if errors.Is(err, io.EOF) {
			return multibyte, invalid || carry > 0, nil
		}
		if err != nil {
			return multibyte, invalid, err
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

// physicalLine reads the next line without its line ending into s.buf,
// refusing one longer than MaxRijBytes; io.EOF when there is none.
func (s *csvSource) physicalLine() error {
	s.buf = s.buf[:0]
	for {
		part, err := s.r.ReadSlice('\n')
		s.buf = append(s.buf, part...)
		if len(s.buf) > MaxRijBytes {
			return fmt.Errorf("regel %d is langer dan %s, de grens per regel", s.line+1, grootte(MaxRijBytes))
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(s.buf) > 0:
		case errors.Is(err, io.EOF):
			return err
		case err != nil:
			return fmt.Errorf("regel %d lezen: %s", s.line+1, foutmelding.Reden(err))
		}
		s.line++
		s.buf = bytes.TrimSuffix(bytes.TrimSuffix(s.buf, []byte("\n")), []byte("\r"))
		return nil
	}
}

// Next returns the next row: one line, or more where a quoted cell holds
// line breaks.
func (s *csvSource) Next() (Row, error) {
	if err := s.physicalLine(); err != nil {
		return Row{}, err
	}
	row := Row{Line: s.line}
	size := 0
	for pos := 0; ; pos++ {
		col := len(row.Cells)
		if col >= MaxCellenPerRij || (col >= MaxKolommen && pos < len(s.buf)) {
			return Row{}, fmt.Errorf("regel %d heeft meer dan %s kolommen, de grens per regel", row.Line, getal(MaxKolommen))
		}
		var text string
		if pos < len(s.buf) && s.buf[pos] == '"' {
			var err error
			if text, pos, err = s.quoted(pos+1, row.Line, col); err != nil {
				return Row{}, err
			}
			if pos < len(s.buf) && s.buf[pos] != s.comma {
				return Row{}, fmt.Errorf("regel %d, kolom %s: na het sluitende aanhalingsteken (regel %d) staat nog tekst; een aanhalingsteken in een cel tussen aanhalingstekens schrijf je dubbel (\"\")",
					row.Line, ColumnLetter(col), s.line)
			}
		} else {
			end := bytes.IndexByte(s.buf[pos:], s.comma)
			if end < 0 {
				end = len(s.buf) - pos
			}
			text, pos = string(s.buf[pos:pos+end]), pos+end
		}
		if err := s.checkText(text, row.Line, col); err != nil {
			return Row{}, err
		}
		if size += len(text); size > MaxRijBytes {
			return Row{}, fmt.Errorf("regel %d is langer dan %s, de grens per regel", row.Line, grootte(MaxRijBytes))
		}
		row.Cells = append(row.Cells, textCell(zonderFormuleBescherming(text)))
		if pos >= len(s.buf) {
			return row, nil
		}
	}
}

// quoted reads a quoted cell whose text starts at pos of the current line,
// over following lines where it holds line breaks, and returns its text and
// the position just after its closing quote (on the line then current).
func (s *csvSource) quoted(pos, line, col int) (string, int, error) {
	var cell []byte
	for {
		end := bytes.IndexByte(s.buf[pos:], '"')
		if end < 0 {
			cell = append(cell, s.buf[pos:]...)
		} else {
			cell = append(cell, s.buf[pos:pos+end]...)
		}
		if len(cell) > maxCelBytes {
			return "", 0, unclosedQuote(line, col)
		}
		if end < 0 {
			err := s.physicalLine()
			if errors.Is(err, io.EOF) {
				return "", 0, unclosedQuote(line, col)
			}
			if err != nil {
				return "", 0, err
			}
			cell, pos = append(cell, '\n'), 0
			continue
		}
		pos += end + 1
		if pos < len(s.buf) && s.buf[pos] == '"' {
			cell = append(cell, '"')
			pos++
			continue
		}
		return string(cell), pos, nil
	}
}

// unclosedQuote is the refusal of a quote that opens a cell and never closes.
func unclosedQuote(line, col int) error {
	return fmt.Errorf("regel %d, kolom %s: het aanhalingsteken aan het begin van de cel wordt niet gesloten (binnen %s tekens); de regels erna zouden in deze cel verdwijnen. Sluit de tekst af met \" of haal het aanhalingsteken weg",
		line, ColumnLetter(col), getal(MaxCelTekens))
}

// checkText refuses a cell that is too long or, in a UTF-8 file, holds a
// byte that is no UTF-8 (a stray Windows-1252 character): such a byte is
// never stored, and the rest of the file is not reread as Windows-1252.
func (s *csvSource) checkText(text string, line, col int) error {
	if err := checkCell(text); err != nil {
		return fmt.Errorf("regel %d, kolom %s: %w", line, ColumnLetter(col), err)
	}
	if i := strings.IndexFunc(text, isControl); i >= 0 {
		return fmt.Errorf("regel %d, kolom %s: de cel bevat het stuurteken U+%04X%s op positie %d; zo'n teken hoort niet in een cel en wordt niet opgeslagen. Verwijder het teken",
			line, ColumnLetter(col), text[i], nulName(text[i]), utf8.RuneCountInString(text[:i])+1)
	}
	if s.enc == windows1252 || utf8.ValidString(text) {
		return nil
	}
	why := "de rest van het bestand is UTF-8"
	if s.enc == utf8WithBOM {
		why = "het bestand begint met de markering van UTF-8 (BOM)"
	}
	return fmt.Errorf("regel %d, kolom %s: byte 0x%02X in %s is geen UTF-8-teken, maar %s; sla het bestand op als \"CSV UTF-8\" of verbeter deze cel",
		line, ColumnLetter(col), text[firstInvalid(text)], foutmelding.Citeer(strings.ToValidUTF8(text, "\uFFFD")), why)
}

// isControl reports a control character other than tab and line breaks:
// a NUL byte or another character no spreadsheet cell or XML text holds.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
}

// nulName adds the name of the NUL byte, the control character a damaged
// or binary file holds most.
func nulName(b byte) string {
	if b == 0 {
		return " (NUL)"
	}
	return ""
}

// firstInvalid is the offset of the first byte of text that is no UTF-8.
func firstInvalid(text string) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(text)
}

// Close closes the file.
func (s *csvSource) Close() error { return s.f.Close() }
