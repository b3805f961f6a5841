package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// maxPasteBytes bounds a block pasted into the bulk grid: far more than the
// grid's rows can hold, and refused before it is read cell by cell.
const maxPasteBytes = 256 << 10

// bulkCellNames are the grid's columns that take typed text, in their
// order: the measure or unit, the value and the note.
var bulkCellNames = []string{"Maat / eenheid", "Bereik", "Notitie"}

// errPasteTooBig refuses a clipboard larger than maxPasteBytes.
var errPasteTooBig = errors.New("het klembord bevat meer dan 256 kB tekst; zoveel past niet in de tabel, er is niets geplakt")

// parseBlock reads text copied from a spreadsheet (Excel, LibreOffice):
// cells separated by tabs, rows by CRLF or LF, and a cell holding a tab, a
// line break or a quote written between quotes with its quotes doubled. The
// line break after the last row is not a row of its own; every other empty
// line is a row of one empty cell, so the rows land where they were.
func parseBlock(text string) ([][]string, error) {
	if len(text) > maxPasteBytes {
		return nil, errPasteTooBig
	}
	text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
	var (
		rows [][]string
		row  []string
		cell strings.Builder
	)
	endCell := func() { row = append(row, cell.String()); cell.Reset() }
	endRow := func() { endCell(); rows = append(rows, row); row = nil }
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"' && cell.Len() == 0 && (i == 0 || text[i-1] == '\t' || text[i-1] == '\n'):
			end, value, ok := quotedCell(text, i)
			if !ok { // a lone quote: the cell's own text
				cell.WriteByte(c)
				continue
			}
			cell.WriteString(value)
			i = end - 1
		case c == '\t':
			endCell()
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
		case c == '\n':
			endRow()
		default:
			cell.WriteByte(c)
		}
	}
	endRow()
	return rows, nil
}

// quotedCell reads the quoted cell starting at text[start] (a quote): it
// returns the index just after the closing quote, and the cell's text. It
// is no quoted cell (ok false) when the closing quote is missing or is not
// followed by a tab, a line break or the end.
func quotedCell(text string, start int) (end int, value string, ok bool) {
	var b strings.Builder
	for i := start + 1; i < len(text); i++ {
		if text[i] != '"' {
			b.WriteByte(text[i])
			continue
		}
		if i+1 < len(text) && text[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		rest := text[i+1:]
		if rest == "" || rest[0] == '\t' || rest[0] == '\n' || strings.HasPrefix(rest, "\r\n") {
			return i + 1, b.String(), true
		}
		return 0, "", false
	}
	return 0, "", false
}

// onPaste puts a block copied from a spreadsheet into the grid's cells,
// starting at row k, column col (see bulkCellNames), and reports whether it
// took the paste; a single cell is left to the field's own paste. A block
// that does not fit is refused whole with a message saying why; nothing is
// saved until the user saves.
func (g *bulkGrid) onPaste(k, col int, text string) bool {
	if !strings.ContainsAny(text, "\t\n") {
		return false
	}
	block, err := parseBlock(text)
	if err != nil {
		g.message.SetText(lang.L("Niet geplakt: {{.Reden}}", map[string]any{"Reden": err.Error()}))
		return true
	}
	width := 0
	for _, r := range block {
		width = max(width, len(r))
	}
	if room := len(bulkCellNames) - col; width > room {
		g.message.SetText(lang.L("Niet geplakt: het blok is {{.Kolommen}} breed, maar vanaf de kolom {{.Kolom}} heeft de tabel er nog {{.Ruimte}} ({{.Namen}}). Kopieer minder kolommen of begin verder naar links.",
			map[string]any{"Kolommen": dutchnum.Aantal(width, lang.L("kolom"), lang.L("kolommen")), "Kolom": lang.L(bulkCellNames[col]),
				"Ruimte": room, "Namen": strings.Join(bulkCellNames[col:], ", ")}))
		return true
	}
	if room := len(g.rows) - k; len(block) > room {
		g.message.SetText(lang.L("Niet geplakt: het blok is {{.Rijen}} hoog, maar vanaf deze rij heeft de tabel er nog {{.Ruimte}}. Elke rij hoort bij een interventie; kies bij Organisatie en Cluster alle rijen of begin hoger.",
			map[string]any{"Rijen": dutchnum.Aantal(len(block), lang.L("rij"), lang.L("rijen")), "Ruimte": room}))
		return true
	}
	for i, cells := range block {
		r := g.rows[k+i]
		for j, text := range cells {
			r.cell(col + j).SetText(strings.TrimSpace(text))
		}
	}
	g.m.win.Canvas().Focus(g.rows[k+len(block)-1].cell(col))
	g.checkPasted(g.rows[k : k+len(block)])
	return true
}

// cell is the row's input in column col (see bulkCellNames).
func (r *bulkRow) cell(col int) *entry {
	return []*entry{r.maat, r.waarde, r.notitie}[col]
}

// checkPasted reads the pasted rows as the store would on saving, and marks
// each row with the full text of its problems; nothing is stored.
func (g *bulkGrid) checkPasted(rows []*bulkRow) {
	in := make([]store.BereikInvoer, len(rows))
	for i, r := range rows {
		in[i] = r.invoer(g.periode.Text, g.status.Selected, g.bron.Text)
	}
	problems := make([]error, len(rows))
	g.m.background(func() error {
		for i := range in {
			if strings.TrimSpace(in[i].Waarde+in[i].Notitie) == "" {
				continue
			}
			if _, err := g.m.store.ParseBereikInvoer(in[i]); err != nil {
				if domain.FieldProblems(err) == nil {
					return err
				}
				problems[i] = err
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			g.m.showError(err)
			return
		}
		var lines []string
		for i, r := range rows {
			own, _ := rowProblems(problems[i])
			if line := r.showProblems(own); line != "" {
				lines = append(lines, line)
			}
		}
		msg := lang.L("Geplakt in {{.Rijen}}; er is nog niets opgeslagen. Controleer de cijfers en kies Alles opslaan (Ctrl+S).",
			map[string]any{"Rijen": dutchnum.Aantal(len(rows), lang.L("rij"), lang.L("rijen"))})
		if len(lines) > 0 {
			msg += " " + lang.L("{{.Rijen}} met een fout:", map[string]any{"Rijen": dutchnum.Aantal(len(lines), lang.L("rij"), lang.L("rijen"))})
		}
		g.message.SetText(strings.Join(append([]string{msg}, lines...), "\n"))
	})
}

// sharedFields are the bulk grid's fields for all rows at once; their
// problems are shown at the field, once, not in every row.
var sharedFields = map[string]bool{"periode": true, "status": true, "bron": true}

// rowProblems splits the store's problems with one row into the row's own,
// as full texts, and those of the shared fields.
func rowProblems(err error) (own []string, shared []domain.FieldError) {
	if err == nil {
		return nil, nil
	}
	problems := domain.FieldProblems(err)
	if problems == nil {
		return []string{err.Error()}, nil
	}
	for _, p := range problems {
		if sharedFields[p.Veld] {
			shared = append(shared, p)
			continue
		}
		own = append(own, p.Error())
	}
	return own, shared
}

// showProblems puts a row's problems in its message cell, and returns them
// in full with the row's intervention and measure for the list under the
// grid ("" when there are none).
func (r *bulkRow) showProblems(own []string) string {
	r.err.SetText(strings.Join(own, "; "))
	if len(own) == 0 {
		return ""
	}
	return strings.TrimSpace(r.item.Naam+" "+strings.TrimSpace(r.maat.Text)) + ": " + strings.Join(own, "; ")
}
