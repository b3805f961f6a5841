package spreadsheet

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// workbook is an open .xlsx file: its sheets, shared strings and which cell
// styles are dates. Sheets are read straight from the zip, streaming.
type workbook struct {
	zr       *zip.ReadCloser
	file     string
	sheets   []sheetRef
	strings  []string
	dateXf   []bool
	date1904 bool
}

type sheetRef struct {
	name, part string
}

// openWorkbook reads the workbook's structure (not its sheets).
func openWorkbook(p string) (*workbook, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("%s is geen leesbaar Excel-bestand (.xlsx): %v", filepath.Base(p), err)
	}
	wb := &workbook{zr: zr, file: filepath.Base(p)}
	if err := wb.readStructure(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%s is geen leesbaar Excel-bestand: %w", wb.file, err)
	}
	return wb, nil
}

// Close closes the file.
func (wb *workbook) Close() error { return wb.zr.Close() }

// sheetNames lists the names of the sheets in order.
func (wb *workbook) sheetNames() []string {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names
}

// part opens a file inside the zip by name, nil when absent.
func (wb *workbook) part(name string) (io.ReadCloser, error) {
	for _, f := range wb.zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, nil
}

// decodePart decodes a whole (small) XML part into v; an absent part leaves v.
func (wb *workbook) decodePart(name string, v any) error {
	rc, err := wb.part(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

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
// runs joined, phonetic hints left out.
func (wb *workbook) readSharedStrings(name string) error {
	rc, err := wb.part(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var cur strings.Builder
	inT, skip := false, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
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
				wb.strings = append(wb.strings, cur.String())
			case "t":
				inT = false
			case "rPh":
				skip--
			}
		case xml.CharData:
			if inT && skip == 0 {
				cur.Write(el)
			}
		}
	}
}

// readStyles notes which cell formats (by index) show a date.
func (wb *workbook) readStyles(name string) error {
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := wb.decodePart(name, &styles); err != nil {
		return err
	}
	custom := map[int]bool{}
	for _, f := range styles.NumFmts {
		custom[f.ID] = isDateFormat(f.Code)
	}
	wb.dateXf = make([]bool, len(styles.Xfs))
	for i, xf := range styles.Xfs {
		if isDate, ok := custom[xf.NumFmtID]; ok {
			wb.dateXf[i] = isDate
		} else {
			id := xf.NumFmtID
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
	rc, err := wb.part(ref.part)
	if err == nil && rc == nil {
		err = fmt.Errorf("werkblad %q ontbreekt in het bestand", ref.name)
	}
	if err != nil {
		wb.Close()
		return nil, err
	}
	return &xlsxSource{wb: wb, rc: rc, d: xml.NewDecoder(rc)}, nil
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
			return Row{}, fmt.Errorf("werkblad lezen: %w", err)
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

// readRow reads the cells of the row just opened.
func (s *xlsxSource) readRow() (Row, error) {
	row := Row{Line: s.line}
	col := -1
	for {
		tok, err := s.d.RawToken()
		if err != nil {
			return row, fmt.Errorf("werkblad lezen, rij %d: %w", s.line, err)
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
			return Cell{}, err
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
				return s.cellOf(typ, style, value.String(), inline.String())
			}
			where = ""
		case xml.CharData:
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
