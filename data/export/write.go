package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"jeugdmonitor/data/store"
)

// Format is the file format of an export.
type Format string

// The export formats.
const (
	FormatJSON Format = "json"
	FormatCSV  Format = "csv"
)

// Formats lists the export formats.
var Formats = []Format{FormatJSON, FormatCSV}

// Write exports one kind from the store to w. CSV holds one kind per file, so
// "alles" is JSON only.
func Write(w io.Writer, s *store.Store, kind Kind, format Format) error {
	c, err := newCollector(s)
	if err != nil {
		return err
	}
	var value any
	switch kind {
	case KindInterventies:
		value, err = c.interventies()
	case KindBereik:
		value, err = c.bereikRows()
	case KindIndicatoren:
		value, err = c.indicatoren()
	case KindBegroting:
		value, err = c.begroting()
	case KindBesparingen:
		value, err = c.besparingen()
	case KindAlles:
		if format == FormatCSV {
			return fmt.Errorf("\"alles\" kan alleen als JSON; kies voor CSV één soort (%s)", kindList())
		}
		value, err = c.alles()
	default:
		return fmt.Errorf("onbekende soort %q; kies uit %s", kind, kindList())
	}
	if err != nil {
		return err
	}
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(value)
	case FormatCSV:
		return writeCSV(w, csvTable(value))
	}
	return fmt.Errorf("onbekend formaat %q; kies json of csv", format)
}

func kindList() string {
	names := make([]string, 0, len(Kinds)-1)
	for _, k := range Kinds {
		if k != KindAlles {
			names = append(names, string(k))
		}
	}
	return strings.Join(names, ", ")
}

func (c *collector) alles() (Alles, error) {
	var a Alles
	var err error
	if a.Interventies, err = c.interventies(); err != nil {
		return a, err
	}
	if a.Indicatoren, err = c.indicatoren(); err != nil {
		return a, err
	}
	if a.Begrotingsdoelen, err = c.begroting(); err != nil {
		return a, err
	}
	a.Besparingen, err = c.besparingen()
	return a, err
}

// table is a CSV sheet: a header row and data rows.
type table struct {
	header []string
	rows   [][]string
}

// csvTable flattens an export value into one table.
func csvTable(value any) table {
	switch v := value.(type) {
	case []Interventie:
		t := table{header: []string{"Naam", "Uitvoerder", "Cluster", "Code", "Status", "Statuscategorie", "Start",
			"Beoogd einde", "Doelgroep", "Leeftijd van", "Leeftijd tot", "Begrotingsdoel", "Gearchiveerd",
			"Doelstellingen", "Bron"}}
		for _, i := range v {
			targets := make([]string, len(i.Doelstellingen))
			for k, d := range i.Doelstellingen {
				targets[k] = fmt.Sprintf("%s %s: %s %s %s", d.Periode, d.Soort, number(d.Waarde), upper(d.WaardeTot), d.Eenheid)
			}
			t.rows = append(t.rows, []string{i.Naam, i.Uitvoerder, i.Cluster, i.Code, i.Status, i.StatusCategorie,
				i.Start, i.BeoogdEinde, i.Doelgroep, optInt(i.LeeftijdVan), optInt(i.LeeftijdTot), i.Begrotingsdoel,
				yesNo(i.Gearchiveerd), strings.Join(targets, " | "), i.Bron})
		}
		return t
	case []Bereik:
		t := table{header: []string{"Interventie", "Periode", "Soort", "Waarde", "Waarde tot", "Eenheid", "Status",
			"Bron", "Notitie", "Vastgelegd door", "Vastgelegd op"}}
		for _, b := range v {
			t.rows = append(t.rows, []string{b.Interventie, b.Periode, b.Soort, number(b.Waarde), optNumber(b.WaardeTot),
				b.Eenheid, b.Status, b.Bron, b.Notitie, b.Gebruiker, b.Vastgelegd})
		}
		return t
	case []Indicator:
		t := table{header: []string{"Code", "Indicator", "Eenheid", "Groep", "Periode", "Waarde", "Vergelijking",
			"Vergelijkingswaarde", "Status", "Bron"}}
		for _, i := range v {
			if len(i.Metingen) == 0 {
				t.rows = append(t.rows, []string{i.Code, i.Naam, i.Eenheid, i.Groep, "", "", i.Vergelijking, "", "", i.Bron})
			}
			for _, m := range i.Metingen {
				t.rows = append(t.rows, []string{i.Code, i.Naam, i.Eenheid, i.Groep, m.Periode, number(m.Waarde),
					i.Vergelijking, optNumber(m.Vergelijkingswaarde), m.Status, m.Bron})
			}
		}
		return t
	case []Begrotingsdoel:
		t := table{header: []string{"Doel", "Naam", "Regel", "Jaar", "Bedrag (EUR)", "Streefwaarde (%)",
			"Referentiejaar", "Doeljaar", "Omschrijving", "Bron"}}
		for _, g := range v {
			for _, r := range g.Regels {
				t.rows = append(t.rows, []string{g.Code, g.Naam, r.Soort, strconv.Itoa(r.Jaar), number(r.Bedrag), "", "", "",
					r.Omschrijving, r.Bron})
			}
			for _, c := range g.Criteria {
				t.rows = append(t.rows, []string{g.Code, g.Naam, "criterium", "", "", optNumber(c.Streefwaarde),
					optInt(c.Referentiejaar), optInt(c.Doeljaar), c.Omschrijving, g.Bron})
			}
		}
		return t
	case Besparingen:
		t := table{header: []string{"Periode", "Rapportage", "Omschrijving", "Bedrag (EUR)", "Bron"}}
		for _, b := range v.Regels {
			t.rows = append(t.rows, []string{b.Periode, b.Rapportage, b.Omschrijving, number(b.Bedrag), b.Bron})
		}
		t.rows = append(t.rows, []string{"", "", "Som van de regels", number(v.SomRegels), "berekend"})
		if v.GerapporteerdTotaal != nil {
			t.rows = append(t.rows, []string{"", "", "Gerapporteerd totaal", number(*v.GerapporteerdTotaal), v.TotaalBron})
			t.rows = append(t.rows, []string{"", "", "Verschil (gerapporteerd - som)", number(v.Verschil), "berekend"})
		}
		return t
	}
	panic(fmt.Sprintf("export: geen CSV-indeling voor %T", value))
}

// writeCSV writes a table as Dutch Excel reads it: UTF-8 with BOM, semicolons,
// CRLF line ends.
func writeCSV(w io.Writer, t table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(t.header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.rows); err != nil {
		return err
	}
	return cw.Error()
}

// number writes a value with a decimal comma and no thousands separator, so
// Excel reads it as a number.
func number(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

func optNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return number(*v)
}

func upper(v *float64) string {
	if v == nil {
		return ""
	}
	return "tot " + number(*v)
}

func optInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}
