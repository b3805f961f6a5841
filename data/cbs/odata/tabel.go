package odata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/spreadsheet"
)

// eigenschap is one entry of a table's DataProperties: a dimension
// (Type Dimension, GeoDimension or TimeDimension), a measure (Topic, with
// its Unit) or a group of measures (TopicGroup).
type eigenschap struct {
	ID       int    `json:"ID"`
	ParentID *int   `json:"ParentID"`
	Type     string `json:"Type"`
	Key      string `json:"Key"`
	Title    string `json:"Title"`
	Unit     string `json:"Unit"`
}

// code is one value of a dimension's code list: the Key in the data, its
// Title, and for a period its Status ("Voorlopig", "Nader voorlopig").
type code struct {
	Key    string `json:"Key"`
	Title  string `json:"Title"`
	Status string `json:"Status"`
}

// dimensie is a dimension of the table with its code list.
type dimensie struct {
	key, titel, soort string
	codes             map[string]code
}

// onderwerp is a measure: its key in the data and its column header.
type onderwerp struct{ key, kop string }

// tabelIndeling is how a table is built: its dimensions (region and period
// among them) and its measures.
type tabelIndeling struct {
	dims        []dimensie
	regio, tijd int
	onderwerpen []onderwerp
}

// indeling reads a table's build from its DataProperties.
func indeling(props []eigenschap) (*tabelIndeling, error) {
	t := &tabelIndeling{regio: -1, tijd: -1}
	groepen := map[int]string{}
	titels := map[string]int{}
	for _, p := range props {
		switch p.Type {
		case "TopicGroup":
			groepen[p.ID] = strings.TrimSpace(p.Title)
		case "Topic":
			titels[strings.TrimSpace(p.Title)]++
		}
	}
	for _, p := range props {
		switch p.Type {
		case "GeoDimension":
			t.regio = len(t.dims)
			t.dims = append(t.dims, dimensie{key: p.Key, titel: "Regio's", soort: p.Type})
		case "TimeDimension":
			t.tijd = len(t.dims)
			t.dims = append(t.dims, dimensie{key: p.Key, titel: "Perioden", soort: p.Type})
		case "Dimension":
			t.dims = append(t.dims, dimensie{key: p.Key, titel: strings.TrimSpace(p.Title), soort: p.Type})
		case "Topic":
			kop := strings.TrimSpace(p.Title)
			if g := groepen[deref(p.ParentID)]; titels[kop] > 1 && g != "" {
				kop = g + "/" + kop
			}
			unit := strings.TrimSpace(p.Unit)
			if unit == "" {
				unit = "zonder eenheid"
			}
			t.onderwerpen = append(t.onderwerpen, onderwerp{key: p.Key, kop: kop + " (" + unit + ")"})
		}
	}
	switch {
	case t.regio < 0:
		return nil, errors.New("de tabel heeft geen regio's (geen GeoDimension in DataProperties)")
	case t.tijd < 0:
		return nil, errors.New("de tabel heeft geen perioden (geen TimeDimension in DataProperties)")
	case len(t.onderwerpen) == 0:
		return nil, errors.New("de tabel heeft geen onderwerpen (geen Topic in DataProperties)")
	}
	return t, nil
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// regioFilter is the $filter for the municipality and Nederland, with their
// keys as the region's code list writes them (padded with spaces).
func (t *tabelIndeling) regioFilter(gemeente string) (string, error) {
	r := t.dims[t.regio]
	var parts []string
	for _, want := range []string{gemeente, "NL01"} {
		found := ""
		for key := range r.codes {
			if strings.EqualFold(strings.TrimSpace(key), strings.TrimSpace(want)) {
				found = key
			}
		}
		if found == "" {
			return "", fmt.Errorf("regio %s staat niet in de regio's van de tabel", strings.TrimSpace(want))
		}
		parts = append(parts, fmt.Sprintf("(%s eq '%s')", r.key, strings.ReplaceAll(found, "'", "''")))
	}
	return strings.Join(parts, " or "), nil
}

// selectie is the $select of the data: dimensions and measures.
func (t *tabelIndeling) selectie() string {
	var keys []string
	for _, d := range t.dims {
		keys = append(keys, d.key)
	}
	for _, o := range t.onderwerpen {
		keys = append(keys, o.key)
	}
	return strings.Join(keys, ",")
}

// kop is the header of the flat table handed to package cbs.
func (t *tabelIndeling) kop() spreadsheet.Row {
	row := spreadsheet.Row{Line: 1}
	for _, d := range t.dims {
		row.Cells = append(row.Cells, spreadsheet.Cell{Kind: spreadsheet.Text, Text: d.titel})
	}
	for _, o := range t.onderwerpen {
		row.Cells = append(row.Cells, spreadsheet.Cell{Kind: spreadsheet.Text, Text: o.kop})
	}
	return row
}

// rij turns one record of the TypedDataSet into a row of the flat table:
// dimension labels (the region as its code, the period as its code with
// "*" or "**" for its status) and the measures' values as text.
func (t *tabelIndeling) rij(line int, rec map[string]json.RawMessage) (spreadsheet.Row, error) {
	row := spreadsheet.Row{Line: line}
	for i, d := range t.dims {
		key, err := tekst(rec[d.key])
		if err != nil {
			return row, fmt.Errorf("rij %d, %s: %v", line-1, d.key, err)
		}
		c, known := d.codes[key]
		v := strings.TrimSpace(key)
		switch {
		case i == t.tijd:
			v += statusTeken(c.Status)
		case i != t.regio && known && strings.TrimSpace(c.Title) != "":
			v = strings.TrimSpace(c.Title)
		}
		row.Cells = append(row.Cells, cel(v))
	}
	for _, o := range t.onderwerpen {
		v, err := waarde(rec[o.key])
		if err != nil {
			return row, fmt.Errorf("rij %d, %s: %v", line-1, o.key, err)
		}
		row.Cells = append(row.Cells, cel(v))
	}
	return row, nil
}

func cel(s string) spreadsheet.Cell {
	if strings.TrimSpace(s) == "" {
		return spreadsheet.Cell{}
	}
	return spreadsheet.Cell{Kind: spreadsheet.Text, Text: s}
}

// statusTeken is StatLine's mark after a period of a status.
func statusTeken(status string) string {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case "voorlopig":
		return "*"
	case "nader voorlopig":
		return "**"
	}
	return ""
}

// tekst reads a JSON string (a dimension key).
func tekst(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errors.New("geen tekst")
	}
	return s, nil
}

// waarde reads a measure's value: a number (TypedDataSet), null (missing),
// or a text as the UntypedDataSet gives it ("  .  " is missing), written
// with a decimal comma for package cbs.
func waarde(raw json.RawMessage) (string, error) {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "" || s == "null":
		return "", nil
	case strings.HasPrefix(s, `"`):
		return tekst(raw)
	}
	f, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) {
		return "", fmt.Errorf("%s ligt buiten het bereik dat het programma opslaat", kortGetal(s))
	}
	if err != nil {
		return "", fmt.Errorf("%s is geen getal", kortGetal(s))
	}
	if _, err := dutchnum.CheckStored(f); err != nil {
		return "", fmt.Errorf("%s ligt buiten het bereik dat het programma opslaat (hoogstens 15 cijfers)", strconv.FormatFloat(f, 'g', 6, 64))
	}
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1), nil
}

// kortGetal shortens a number's text for a message: at most 20 characters,
// the rest named by its length ("1000000000… (401 tekens)").
func kortGetal(s string) string {
	if len(s) <= 20 {
		return s
	}
	return fmt.Sprintf("%s… (%d tekens)", strings.ToValidUTF8(s[:12], ""), len(s))
}

// rijen is the TypedDataSet as a spreadsheet.Source: the header first, then
// the rows page by page, each page fetched when the one before is read.
type rijen struct {
	c     *Client
	ctx   context.Context
	t     *tabelIndeling
	meld  func(string, float64)
	next  string
	page  []map[string]json.RawMessage
	line  int
	pages int
}

// Next gives the header, then the rows, then io.EOF.
func (r *rijen) Next() (spreadsheet.Row, error) {
	if r.line == 0 {
		r.line = 1
		return r.t.kop(), nil
	}
	for len(r.page) == 0 {
		if r.next == "" {
			return spreadsheet.Row{}, io.EOF
		}
		if r.pages == maxPaginas {
			return spreadsheet.Row{}, fmt.Errorf("de cijfers hebben meer dan %d pagina's; dat is meer dan een tabel van de Jeugdmonitor kan hebben", maxPaginas)
		}
		var p pagina[map[string]json.RawMessage]
		if err := r.c.haal(r.ctx, r.next, "TypedDataSet", &p); err != nil {
			return spreadsheet.Row{}, err
		}
		r.pages++
		r.meld(fmt.Sprintf("cijfers, pagina %d", r.pages), 0.4+0.6*(1-1/float64(r.pages+1)))
		next, err := r.c.volgende(p.NextLink, "TypedDataSet")
		if err != nil {
			return spreadsheet.Row{}, err
		}
		if err := r.c.telRijen(len(*p.Value)); err != nil {
			return spreadsheet.Row{}, err
		}
		r.page, r.next = *p.Value, next
	}
	rec := r.page[0]
	r.page = r.page[1:]
	r.line++
	return r.t.rij(r.line, rec)
}

// Close has nothing to release: each answer is read whole and closed.
func (r *rijen) Close() error { return nil }
