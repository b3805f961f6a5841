package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// Format is the file format of an export.
type Format string

// The export formats.
const (
	FormatJSON Format = "json"
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// Formats lists the export formats.
var Formats = []Format{FormatJSON, FormatCSV, FormatXLSX}

// sheetKinds are the kinds in "alles", in the order of the workbook's sheets.
var sheetKinds = []Kind{KindInterventies, KindBereik, KindIndicatoren, KindBegroting, KindBesparingen, KindBeleid,
	KindWijzigingen}

// Write exports one kind from the store to w. CSV holds one kind per file, so
// "alles" is JSON or XLSX (one sheet per kind).
func Write(w io.Writer, s *store.Store, kind Kind, format Format) error {
	if format != FormatJSON && format != FormatCSV && format != FormatXLSX {
		return fmt.Errorf("onbekend formaat %q; kies json, csv of xlsx", format)
	}
	c, err := newCollector(s)
	if err != nil {
		return err
	}
	if kind == KindAlles {
		switch format {
		case FormatCSV:
			return fmt.Errorf("\"alles\" kan alleen als JSON of XLSX; kies voor CSV één soort (%s)", kindList())
		case FormatXLSX:
			var sheets []sheet
			for _, k := range sheetKinds {
				value, err := c.value(k)
				if err != nil {
					return err
				}
				sheets = append(sheets, sheet{name: sheetName(k), t: tableOf(value)})
			}
			return writeXLSX(w, sheets)
		}
	}
	value, err := c.value(kind)
	if err != nil {
		return err
	}
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(value)
	case FormatCSV:
		err = writeCSV(w, tableOf(value))
	default:
		return writeXLSX(w, []sheet{{name: sheetName(kind), t: tableOf(value)}})
	}
	if err != nil {
		return fmt.Errorf("de export schrijven is mislukt: %s", foutmelding.Reden(err))
	}
	return nil
}

// value collects one kind.
func (c *collector) value(kind Kind) (any, error) {
	switch kind {
	case KindInterventies:
		return c.interventies()
	case KindBereik:
		return c.bereikRows()
	case KindIndicatoren:
		return c.indicatoren()
	case KindBegroting:
		return c.begroting()
	case KindBesparingen:
		return c.besparingen()
	case KindBeleid:
		return c.beleidsteksten()
	case KindWijzigingen:
		return c.wijzigingen()
	case KindAlles:
		return c.alles()
	}
	return nil, fmt.Errorf("onbekende soort %q; kies uit %s", kind, kindList())
}

// sheetName is the sheet of a kind: "Bereik".
func sheetName(k Kind) string {
	return strings.ToUpper(string(k[:1])) + string(k[1:])
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
	a := Alles{Formaat: Formaat, Schema: store.SchemaVersion()}
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
	if a.Besparingen, err = c.besparingen(); err != nil {
		return a, err
	}
	if a.Beleidsteksten, err = c.beleidsteksten(); err != nil {
		return a, err
	}
	if a.Presentaties, a.Importkoppelingen, err = c.savedSettings(); err != nil {
		return a, err
	}
	if a.Instellingen, err = c.s.Settings(); err != nil {
		return a, err
	}
	a.Wijzigingen, err = c.wijzigingen()
	return a, err
}

// cellFormat says how a column's values are shown in a workbook.
type cellFormat int

const (
	plain  cellFormat = iota // text, or a number as it is
	amount                   // euros with two decimals and thousands separators
	moment                   // date and time
)

// column is a header with the format of its cells.
type column struct {
	header string
	format cellFormat
}

// table is one sheet: columns and rows of typed values (string, float64,
// int, time.Time, or nil for an empty cell).
type table struct {
	columns []column
	rows    [][]any
}

func cols(headers ...string) []column {
	out := make([]column, len(headers))
	for i, h := range headers {
		out[i] = column{header: h}
	}
	return out
}

// with sets the format of the named columns.
func with(cs []column, f cellFormat, headers ...string) []column {
	for i := range cs {
		for _, h := range headers {
			if cs[i].header == h {
				cs[i].format = f
			}
		}
	}
	return cs
}

// optFloat is a pointer value as a cell: nil stays empty.
func optFloat(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// optInt is a pointer value as a cell: nil stays empty.
func optInt(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}

// tableOf flattens an export value into one table.
func tableOf(value any) table {
	switch v := value.(type) {
	case []Interventie:
		t := table{columns: cols("Naam", "Uitvoerder", "Cluster", "Code", "Status", "Statuscategorie", "Start",
			"Beoogd einde", "Doelgroep", "Leeftijd van", "Leeftijd tot", "Begrotingsdoel", "Gearchiveerd",
			"Doelstellingen", "Bron", "Afgeleid", "Bron per veld")}
		for _, i := range v {
			targets := make([]string, len(i.Doelstellingen))
			for k, d := range i.Doelstellingen {
				targets[k] = fmt.Sprintf("%s %s: %s %s %s", d.Periode, d.Soort, number(d.Waarde), upper(d.WaardeTot), d.Eenheid)
				if len(d.Afgeleid) > 0 {
					targets[k] += " (afgeleid: " + d.Afgeleid.Tekst() + ")"
				}
			}
			t.rows = append(t.rows, []any{i.Naam, i.Uitvoerder, i.Cluster, i.Code, i.Status, i.StatusCategorie,
				momentText(i.Start), momentText(i.BeoogdEinde), i.Doelgroep, optInt(i.LeeftijdVan), optInt(i.LeeftijdTot),
				i.Begrotingsdoel, yesNo(i.Gearchiveerd), strings.Join(targets, " | "), i.Bron.String(),
				i.Afgeleid.Tekst(), i.Veldbronnen.Tekst()})
		}
		return t
	case []Bereik:
		t := table{columns: with(cols("Interventie", "Periode", "Soort", "Waarde", "Waarde tot", "Eenheid", "Maat", "Status",
			"Bron", "Notitie", "Vastgelegd door", "Vastgelegd op", "Afgeleid"), moment, "Vastgelegd op")}
		for _, b := range v {
			t.rows = append(t.rows, []any{b.Interventie, b.Periode, b.Soort, b.Waarde, optFloat(b.WaardeTot),
				b.Eenheid, b.Maat, b.Status, b.Bron, b.Notitie, b.Gebruiker, b.Vastgelegd, b.Afgeleid.Tekst()})
		}
		return t
	case []Indicator:
		t := table{columns: cols("Code", "Indicator", "Eenheid", "Groep", "Periode", "Waarde", "Vergelijking",
			"Vergelijkingswaarde", "Status", "Bron")}
		for _, i := range v {
			if len(i.Metingen) == 0 {
				t.rows = append(t.rows, []any{i.Code, i.Naam, i.Eenheid, i.Groep, "", nil, i.Vergelijking, nil, "", i.Bron.String()})
			}
			for _, m := range i.Metingen {
				t.rows = append(t.rows, []any{i.Code, i.Naam, i.Eenheid, i.Groep, m.Periode, m.Waarde,
					i.Vergelijking, optFloat(m.Vergelijkingswaarde), m.Status, m.Bron.String()})
			}
		}
		return t
	case []Begrotingsdoel:
		t := table{columns: with(cols("Doel", "Naam", "Regel", "Jaar", "Bedrag (EUR)", "Streefwaarde (%)",
			"Referentiejaar", "Doeljaar", "Omschrijving", "Bron", "Afgeleid"), amount, "Bedrag (EUR)")}
		for _, g := range v {
			for _, r := range g.Regels {
				t.rows = append(t.rows, []any{g.Code, g.Naam, r.Soort, r.Jaar, r.Bedrag, nil, nil, nil, r.Omschrijving, r.Bron.String(),
					r.Afgeleid.Tekst()})
			}
			for _, c := range g.Criteria {
				t.rows = append(t.rows, []any{g.Code, g.Naam, "criterium", nil, nil, optFloat(c.Streefwaarde),
					optInt(c.Referentiejaar), optInt(c.Doeljaar), c.Omschrijving, c.Bron.String(), ""})
			}
		}
		return t
	case Besparingen:
		t := table{columns: with(cols("Periode", "Rapportage", "Omschrijving", "Bedrag (EUR)", "Bron"), amount, "Bedrag (EUR)")}
		for _, b := range v.Regels {
			t.rows = append(t.rows, []any{b.Periode, b.Rapportage, b.Omschrijving, b.Bedrag, b.Bron.String()})
		}
		t.rows = append(t.rows, []any{"", "", "Som van de regels", v.SomRegels, "berekend"})
		for _, total := range v.Totalen {
			t.rows = append(t.rows, []any{"", "", "Gerapporteerd totaal", total.Bedrag, total.Bron.String()})
		}
		if len(v.Totalen) > 0 {
			t.rows = append(t.rows, []any{"", "", "Verschil (gerapporteerd - som)", v.Verschil, "berekend"})
		}
		return t
	case []Beleidstekst:
		t := table{columns: cols("Soort", "Titel", "Tekst", "Bron")}
		for _, b := range v {
			t.rows = append(t.rows, []any{b.Soort, b.Titel, b.Tekst, b.Bron.String()})
		}
		return t
	case []Wijziging:
		t := table{columns: with(cols("Tijd", "Gebruiker", "Actie", "Entiteit", "Nummer", "Veld", "Oude waarde",
			"Nieuwe waarde"), moment, "Tijd")}
		for _, w := range v {
			t.rows = append(t.rows, []any{w.Tijd, w.Gebruiker, w.Actie, w.Entiteit, int(w.EntiteitID), w.Veld,
				w.OudeWaarde, w.NieuweWaarde})
		}
		return t
	}
	panic(fmt.Sprintf("export: geen tabelindeling voor %T", value))
}

// headers lists the column names of a table.
func (t table) headers() []string {
	out := make([]string, len(t.columns))
	for i, c := range t.columns {
		out[i] = c.header
	}
	return out
}

// writeCSV writes a table as Dutch Excel reads it: UTF-8 with BOM, semicolons,
// CRLF line ends, numbers with a decimal comma, times as dd-mm-jjjj uu:mm.
// A text a spreadsheet would run as a formula gets a quote in front (see
// spreadsheet.BeschermTegenFormule); the program's own import removes it.
func writeCSV(w io.Writer, t table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(t.headers()); err != nil {
		return err
	}
	record := make([]string, len(t.columns))
	for _, row := range t.rows {
		for i, v := range row {
			record[i] = cellText(v)
			if _, text := v.(string); text {
				record[i] = spreadsheet.BeschermTegenFormule(record[i])
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellText writes a value for CSV.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return number(x)
	case int:
		return strconv.Itoa(x)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Local().Format("02-01-2006 15:04")
	}
	return fmt.Sprint(v)
}

// number writes a value with a decimal comma and no thousands separator, so
// Excel reads it as a number.
func number(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

func upper(v *float64) string {
	if v == nil {
		return ""
	}
	return "tot " + number(*v)
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}
