package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jeugdmonitor/data/foutmelding"
)

// workbook is an open .xlsx file: its sheets, shared strings and which cell
// styles are dates. Sheets are read straight from the zip, streaming.
type workbook struct {
	f        *os.File
	zr       *zip.Reader
	file     string
	sheets   []sheetRef
	strings  []string
	dateXf   []bool
	date1904 bool
}

type sheetRef struct {
	name, part string
}

// openWorkbook reads the workbook's structure (not its sheets), refusing a
// zip beyond the limits of grenzen.go before anything of it is unpacked.
func openWorkbook(p string) (*workbook, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("%s openen: %s", filepath.Base(p), foutmelding.Reden(err))
	}
	wb := &workbook{f: f, file: filepath.Base(p)}
	if err := wb.openZip(); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s is geen leesbaar Excel-bestand (.xlsx): %w", wb.file, err)
	}
	if err := wb.readStructure(); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s is geen leesbaar Excel-bestand: %w", wb.file, err)
	}
	return wb, nil
}

// openZip reads the zip's directory after checking, from its end record,
// that it lists no more than MaxOnderdelen parts, and refuses any part that
// unpacks to more than MaxOnderdeelBytes (the zip reader holds each part to
// the size its directory declares).
func (wb *workbook) openZip() error {
	info, err := wb.f.Stat()
	if err != nil {
		return errors.New(foutmelding.Reden(err))
	}
	if err := checkDirectory(wb.f, info.Size()); err != nil {
		return err
	}
	wb.zr, err = zip.NewReader(wb.f, info.Size())
	if err != nil {
		return errors.New(foutmelding.Reden(err))
	}
	for _, f := range wb.zr.File {
		if f.UncompressedSize64 > MaxOnderdeelBytes {
			return fmt.Errorf("het onderdeel %s is uitgepakt %s, meer dan de grens van %s per onderdeel",
				foutmelding.Citeer(f.Name), grootte(int(min(f.UncompressedSize64, 1<<50))), grootte(MaxOnderdeelBytes))
		}
	}
	return nil
}

// checkDirectory reads the zip's end record and refuses a directory of more
// than MaxOnderdelen parts (a zip64 directory says 0xFFFF: also refused).
func checkDirectory(r io.ReaderAt, size int64) error {
	const endLen, maxComment = 22, 65535
	tail := make([]byte, min(size, endLen+maxComment))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil {
		return errors.New(foutmelding.Reden(err))
	}
	at := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if at < 0 || len(tail)-at < endLen {
		return errors.New(foutmelding.Reden(zip.ErrFormat))
	}
	if n := int(binary.LittleEndian.Uint16(tail[at+10:])); n > MaxOnderdelen {
		return fmt.Errorf("het bestand bestaat uit meer dan %s onderdelen, de grens voor een werkmap", getal(MaxOnderdelen))
	}
	return nil
}

// Close closes the file.
func (wb *workbook) Close() error { return wb.f.Close() }

// sheetNames lists the names of the sheets in order.
func (wb *workbook) sheetNames() []string {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names
}

// part opens a file inside the zip by name, nil when absent, refusing one
// larger than limit once unpacked. The XML in it is held to MaxXMLStuk
// between tags (see xmlGuard).
func (wb *workbook) part(name string, limit int) (io.ReadCloser, error) {
	for _, f := range wb.zr.File {
		if !strings.EqualFold(f.Name, name) {
			continue
		}
		if f.UncompressedSize64 > uint64(limit) {
			return nil, fmt.Errorf("het onderdeel %s is uitgepakt groter dan de grens van %s", foutmelding.Citeer(f.Name), grootte(limit))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("onderdeel %s: %s", foutmelding.Citeer(f.Name), foutmelding.Reden(err))
		}
		return &xmlGuard{rc: rc, part: f.Name}, nil
	}
	return nil, nil
}

// decodePart decodes a whole (small) XML part into v; an absent part leaves v.
func (wb *workbook) decodePart(name string, v any) error {
	rc, err := wb.part(name, MaxStructuurBytes)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return xmlError(name, err)
	}
	return nil
}

// xmlError says in Dutch what went wrong reading the XML of a part.
func xmlError(part string, err error) error {
	var g *grensError
	if errors.As(err, &g) {
		return g
	}
	return fmt.Errorf("onderdeel %s: %s", part, foutmelding.Reden(err))
}

// grensError is a limit of grenzen.go that a part of the workbook crosses.
type grensError struct{ msg string }

func (e *grensError) Error() string { return e.msg }

// xmlGuard passes a part's bytes to the XML decoder and refuses a run of
// more than MaxXMLStuk bytes without a tag boundary ('<' or '>'): the
// decoder holds a whole text or tag in memory before it hands it over.
type xmlGuard struct {
	rc   io.ReadCloser
	part string
	run  int
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.rc.Read(p)
	chunk := p[:n]
	first := bytes.IndexAny(chunk, "<>")
	switch {
	case first < 0:
		g.run += n
	case len(chunk) > MaxXMLStuk:
		for _, b := range chunk {
			if b == '<' || b == '>' {
				g.run = 0
			} else if g.run++; g.run > MaxXMLStuk {
				break
			}
		}
	case g.run+first > MaxXMLStuk:
		g.run += first
	default:
		// runs inside the chunk are shorter than the chunk itself
		g.run = n - bytes.LastIndexAny(chunk, "<>") - 1
	}
	if g.run > MaxXMLStuk {
		return 0, &grensError{fmt.Sprintf("onderdeel %s bevat een tekst of kenmerk langer dan %s, de grens in een werkmap", foutmelding.Citeer(g.part), grootte(MaxXMLStuk))}
	}
	return n, err
}

func (g *xmlGuard) Close() error { return g.rc.Close() }

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func (wb *workbook) readStructure() error {
	var book struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decodePart("xl/workbook.xml", &book); err != nil {
		return err
	}
	if len(book.Sheets) == 0 {
		return errors.New("geen werkbladen gevonden")
	}
	wb.date1904 = book.Pr.Date1904 == "1" || book.Pr.Date1904 == "true"
	var rels relationships
	if err := wb.decodePart("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	targets := map[string]string{}
	sharedStrings, styles := "xl/sharedStrings.xml", "xl/styles.xml"
	for _, r := range rels.Rels {
		target := resolve(r.Target)
		targets[r.ID] = target
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sharedStrings = target
		case strings.HasSuffix(r.Type, "/styles"):
			styles = target
		}
	}
	for _, s := range book.Sheets {
		if part, ok := targets[s.RID]; ok {
			wb.sheets = append(wb.sheets, sheetRef{name: s.Name, part: part})
		}
	}
	if err := wb.readSharedStrings(sharedStrings); err != nil {
		return err
	}
	return wb.readStyles(styles)
}

// resolve turns a relationship target into a part name inside the zip.
func resolve(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean("xl/" + target)
}

// readSharedStrings streams the shared string table: every <si>, its text
// runs joined, phonetic hints left out; at most MaxGedeeldeTeksten strings
// of MaxCelTekens characters, MaxGedeeldeTekstBytes in all.
func (wb *workbook) readSharedStrings(name string) error {
	rc, err := wb.part(name, MaxOnderdeelBytes)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var cur strings.Builder
	inT, skip, total := false, 0, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return xmlError(name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = true
			case "rPh":
				skip++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "si":
				if len(wb.strings) == MaxGedeeldeTeksten {
					return fmt.Errorf("de werkmap heeft meer dan %s gedeelde teksten, de grens", getal(MaxGedeeldeTeksten))
				}
				if err := checkCell(cur.String()); err != nil {
					return fmt.Errorf("gedeelde tekst nr. %s: %w", getal(len(wb.strings)+1), err)
				}
				wb.strings = append(wb.strings, cur.String())
			case "t":
				inT = false
			case "rPh":
				skip--
			}
		case xml.CharData:
			if inT && skip == 0 {
				if cur.Len()+len(el) > maxCelBytes {
					return fmt.Errorf("gedeelde tekst nr. %s: %w", getal(len(wb.strings)+1), tooLong())
				}
				if total += len(el); total > MaxGedeeldeTekstBytes {
					return fmt.Errorf("de gedeelde teksten van de werkmap zijn samen groter dan %s, de grens", grootte(MaxGedeeldeTekstBytes))
				}
				cur.Write(el)
			}
		}
	}
}

// readStyles streams the styles part and notes which cell formats (by
// index) show a date; at most MaxStijlen formats.
func (wb *workbook) readStyles(name string) error {
	rc, err := wb.part(name, MaxOnderdeelBytes)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	custom := map[int]bool{}
	var xfs []int
	inXfs := false
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return xmlError(name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "cellXfs":
				inXfs = true
			case "numFmt":
				if len(custom) == MaxStijlen {
					return fmt.Errorf("de werkmap heeft meer dan %s getalnotaties, de grens", getal(MaxStijlen))
				}
				id, _ := strconv.Atoi(attr(el, "numFmtId"))
				custom[id] = isDateFormat(attr(el, "formatCode"))
			case "xf":
				if !inXfs {
					continue
				}
				if len(xfs) == MaxStijlen {
					return fmt.Errorf("de werkmap heeft meer dan %s celopmaken, de grens", getal(MaxStijlen))
				}
				id, _ := strconv.Atoi(attr(el, "numFmtId"))
				xfs = append(xfs, id)
			}
		case xml.EndElement:
			if el.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	wb.dateXf = make([]bool, len(xfs))
	for i, id := range xfs {
		if isDate, ok := custom[id]; ok {
			wb.dateXf[i] = isDate
		} else {
			wb.dateXf[i] = (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
		}
	}
	return nil
}

// isDateFormat reports whether a number format code shows a date or time:
// it has d, m, y, h or s outside quoted text and [..] sections.
func isDateFormat(code string) bool {
	var b strings.Builder
	quoted, bracket := false, false
	for _, r := range code {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case !bracket:
			b.WriteRune(r)
		}
	}
	return strings.ContainsAny(strings.ToLower(b.String()), "dmyhs")
}

// xlsxSource streams the rows of one sheet.
type xlsxSource struct {
	wb   *workbook
	part string
	rc   io.ReadCloser
	d    *xml.Decoder
	line int
}

// openXLSX opens a sheet by name (the first when name is empty).
func openXLSX(p, name string) (*xlsxSource, error) {
	wb, err := openWorkbook(p)
	if err != nil {
		return nil, err
	}
	ref := wb.sheets[0]
	if name != "" {
		found := false
		for _, s := range wb.sheets {
			if strings.EqualFold(s.name, name) {
				ref, found = s, true
				break
			}
		}
		if !found {
			wb.Close()
			return nil, fmt.Errorf("%s heeft geen werkblad %q; kies uit: %s", wb.file, name, strings.Join(wb.sheetNames(), ", "))
		}
	}
	rc, err := wb.part(ref.part, MaxOnderdeelBytes)
	if err == nil && rc == nil {
		err = fmt.Errorf("werkblad %q ontbreekt in het bestand", ref.name)
	}
	if err != nil {
		wb.Close()
		return nil, err
	}
	return &xlsxSource{wb: wb, part: ref.part, rc: rc, d: xml.NewDecoder(rc)}, nil
}

// Close closes the sheet and the file.
func (s *xlsxSource) Close() error {
	s.rc.Close()
	return s.wb.Close()
}

// Next reads the next <row>.
func (s *xlsxSource) Next() (Row, error) {
	for {
		tok, err := s.d.RawToken()
		if errors.Is(err, io.EOF) {
			return Row{}, io.EOF
		}
		if err != nil {
			return Row{}, fmt.Errorf("werkblad lezen: %w", xmlError(s.part, err))
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "row" {
			s.line++
			if n, err := strconv.Atoi(attr(el, "r")); err == nil {
				s.line = n
			}
			return s.readRow()
		}
	}
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readRow reads the cells of the row just opened, within the limits on
// cells per row, columns and text per row.
func (s *xlsxSource) readRow() (Row, error) {
	row := Row{Line: s.line}
	col, cells, size := -1, 0, 0
	for {
		tok, err := s.d.RawToken()
		if err != nil {
			return row, fmt.Errorf("werkblad lezen, rij %d: %w", s.line, xmlError(s.part, err))
		}
		switch el := tok.(type) {
		case xml.EndElement:
			if el.Name.Local == "row" {
				return row, nil
			}
		case xml.StartElement:
			if el.Name.Local != "c" {
				continue
			}
			if cells++; cells > MaxCellenPerRij {
				return row, fmt.Errorf("rij %d heeft meer dan %s cellen, de grens per rij", s.line, getal(MaxCellenPerRij))
			}
			col++
			if ref := attr(el, "r"); ref != "" {
				if c, ok := columnIndex(ref); ok {
					col = c
				}
			}
			cell, err := s.readCell(el)
			if err != nil {
				return row, fmt.Errorf("werkblad lezen, rij %d kolom %s: %w", s.line, ColumnLetter(col), err)
			}
			if cell.Kind == Empty {
				continue
			}
			if col >= MaxKolommen {
				return row, fmt.Errorf("rij %d: de cel in kolom %s ligt voorbij de grens van %s kolommen (t/m kolom %s)",
					s.line, ColumnLetter(col), getal(MaxKolommen), ColumnLetter(MaxKolommen-1))
			}
			if size += len(cell.Text); size > MaxRijBytes {
				return row, fmt.Errorf("rij %d bevat meer dan %s tekst, de grens per rij", s.line, grootte(MaxRijBytes))
			}
			for len(row.Cells) < col {
				row.Cells = append(row.Cells, Cell{})
			}
			row.Cells = append(row.Cells, cell)
		}
	}
}

// columnIndex reads the column of a cell reference ("C12" is 2).
func columnIndex(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
	}
	return n - 1, i > 0 && n <= 16384
}

// readCell reads one <c> element into a cell.
func (s *xlsxSource) readCell(el xml.StartElement) (Cell, error) {
	typ := attr(el, "t")
	style, _ := strconv.Atoi(attr(el, "s"))
	var value, inline strings.Builder
	where := ""
	for {
		tok, err := s.d.RawToken()
		if err != nil {
			return Cell{}, xmlError(s.part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				where = "v"
			case "t":
				if typ == "inlineStr" {
					where = "t"
				}
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				if err := checkCell(value.String()); err != nil {
					return Cell{}, err
				}
				if err := checkCell(inline.String()); err != nil {
					return Cell{}, err
				}
				return s.cellOf(typ, style, value.String(), inline.String())
			}
			where = ""
		case xml.CharData:
			if value.Len()+inline.Len()+len(t) > maxCelBytes {
				return Cell{}, tooLong()
			}
			switch where {
			case "v":
				value.Write(t)
			case "t":
				inline.Write(t)
			}
		}
	}
}

// cellOf interprets a cell's type, style and stored value.
func (s *xlsxSource) cellOf(typ string, style int, v, inline string) (Cell, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.wb.strings) {
			return Cell{}, fmt.Errorf("verwijzing %q naar een tekst die niet bestaat", v)
		}
		return textCell(s.wb.strings[i]), nil
	case "inlineStr":
		return textCell(inline), nil
	case "str", "e":
		return textCell(v), nil
	case "b":
		c := Cell{Kind: Bool, Text: "ONWAAR"}
		if strings.TrimSpace(v) == "1" {
			c.Text = "WAAR"
		}
		return c, nil
	case "d":
		tm, err := time.Parse(time.RFC3339, strings.TrimSpace(v))
		if err != nil {
			tm, err = time.Parse("2006-01-02", strings.TrimSpace(v))
		}
		if err != nil {
			return textCell(v), nil
		}
		return Cell{Kind: Date, Time: tm, Text: tm.Format("02-01-2006")}, nil
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return Cell{}, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return Cell{}, fmt.Errorf("%q is als getal opgeslagen maar is geen getal", v)
	}
	if style >= 0 && style < len(s.wb.dateXf) && s.wb.dateXf[style] {
		tm := serialTime(f, s.wb.date1904)
		text := tm.Format("02-01-2006")
		if tm.Hour() != 0 || tm.Minute() != 0 {
			text = tm.Format("02-01-2006 15:04")
		}
		return Cell{Kind: Date, Number: f, Time: tm, Text: text}, nil
	}
	return numberCell(f), nil
}

// serialTime converts a spreadsheet day number to a time (UTC, to the second).
func serialTime(serial float64, date1904 bool) time.Time {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(serial)
	secs := math.Round((serial - days) * 86400)
	return epoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
}
