package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// wijzigingenColumns are the audit table's columns with their widths.
var wijzigingenColumns = []tableColumn{{"Tijd", 125}, {"Gebruiker", 120}, {"Actie", 90}, {"Gegeven", 130}, {"Nr.", 70}, {"Veld", 125}, {"Oude waarde", 190}, {"Nieuwe waarde", 215}}

// wijzigingenScreen is the audit trail, read-only, filterable by entity,
// user and date, in a virtualised table.
type wijzigingenScreen struct {
	m *Main

	rows []domain.Wijziging

	entiteit  *widget.Select
	gebruiker *widget.Select
	vanaf     *entry
	tot       *entry
	fields    *fieldSet
	count     *widget.Label
	table     *widget.Table
	// detail shows the chosen row whole, values that the table cuts off
	// included; it is hidden until a row is chosen.
	detail    *widget.Label
	detailBox fyne.CanvasObject
	content   fyne.CanvasObject
}

func newWijzigingenScreen(m *Main) *wijzigingenScreen {
	s := &wijzigingenScreen{m: m}
	s.buildUI()
	return s
}

func (s *wijzigingenScreen) buildUI() {
	s.entiteit = widget.NewSelect(nil, func(string) { s.onFilter() })
	s.gebruiker = widget.NewSelect(nil, func(string) { s.onFilter() })
	date := func() *entry {
		e := newEntry(lang.L("dd-mm-jjjj"))
		e.OnSubmitted = func(string) { s.onFilter() }
		e.onEscape = s.Cancel
		return e
	}
	s.vanaf, s.tot = date(), date()
	s.fields = newFieldSet()
	s.count = widget.NewLabel("")
	filter := widget.NewButton(lang.L("Filteren (Enter)"), s.onFilter)
	s.fields.add("entiteit", lang.L("Gegeven"), container.NewHBox(s.entiteit, widget.NewLabel(lang.L("Gebruiker")), s.gebruiker))
	s.fields.add("vanaf", lang.L("Vanaf"), container.NewGridWithColumns(4, s.vanaf, widget.NewLabel(lang.L("tot en met")), s.tot, filter))
	s.fields.add("tot", "", s.count)

	s.table = newTextTable(wijzigingenColumns, func() int { return len(s.rows) },
		func(row, col int) string { return wijzigingCell(s.rows[row], col) })
	s.table.OnSelected = func(id widget.TableCellID) { s.showDetail(id.Row) }
	note := lowLabel(lang.L("Alleen-lezen: elke wijziging wordt hier vastgelegd en kan niet worden aangepast."))
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Selectable = true
	scroll := container.NewVScroll(s.detail)
	scroll.SetMinSize(fyne.NewSize(0, 140))
	s.detailBox = container.NewVBox(widget.NewSeparator(), scroll)
	s.detailBox.Hide()
	s.content = container.NewBorder(container.NewVBox(s.fields.form(), note), s.detailBox, nil, nil, s.table)
}

// showDetail shows row whole under the table.
func (s *wijzigingenScreen) showDetail(row int) {
	if row < 0 || row >= len(s.rows) {
		s.detailBox.Hide()
		s.content.Refresh()
		return
	}
	s.detail.SetText(wijzigingDetail(s.rows[row]))
	s.detailBox.Show()
	s.content.Refresh()
}

// wijzigingDetail is one audit row in full: who changed what when, and the
// old and new value; a whole new record ("alle velden") as one field a line.
func wijzigingDetail(w domain.Wijziging) string {
	head := fmt.Sprintf(lang.L("%s · %s · %s %s nr. %d, veld %s"), store.FormatDatumTijd(w.Tijd), w.Gebruiker, w.Actie,
		w.Entiteit, w.EntiteitID, w.Veld)
	if w.Veld == store.AlleVelden {
		if fields, ok := jsonFields(w.NieuweWaarde); ok {
			return head + "\n" + strings.Join(fields, "\n")
		}
	}
	return head + "\n" + lang.L("Oude waarde") + ": " + orNone(w.OudeWaarde) + "\n" + lang.L("Nieuwe waarde") + ": " + orNone(w.NieuweWaarde)
}

// jsonFields lists the fields of a flat JSON object of texts as "name:
// value" lines, in their order.
func jsonFields(text string) ([]string, bool) {
	dec := json.NewDecoder(strings.NewReader(text))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out []string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var value string
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		out = append(out, fmt.Sprintf("%v: %s", key, value))
	}
	return out, true
}

// wijzigingCell is the text of one cell of the audit table.
func wijzigingCell(w domain.Wijziging, col int) string {
	switch col {
	case 0:
		return store.FormatDatumTijd(w.Tijd)
	case 1:
		return w.Gebruiker
	case 2:
		return string(w.Actie)
	case 3:
		return w.Entiteit
	case 4:
		return strconv.FormatUint(uint64(w.EntiteitID), 10)
	case 5:
		return w.Veld
	case 6:
		return w.OudeWaarde
	}
	return w.NieuweWaarde
}

// Content is the screen's canvas object.
func (s *wijzigingenScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the choices for the filters and the trail again.
func (s *wijzigingenScreen) Refresh() {
	var entiteiten, gebruikers []string
	s.m.load(func() (err error) {
		entiteiten, gebruikers, err = s.m.store.WijzigingKeuzes()
		return err
	}, func() {
		setChoices(s.entiteit, lang.L("Alle gegevens"), entiteiten)
		setChoices(s.gebruiker, lang.L("Alle gebruikers"), gebruikers)
		s.onFilter()
	})
}

// filter reads the filter fields; dates the store cannot read are field
// problems. The end date is inclusive.
func (s *wijzigingenScreen) filter() (store.WijzigingFilter, error) {
	var f store.WijzigingFilter
	if s.entiteit.SelectedIndex() > 0 {
		f.Entiteit = s.entiteit.Selected
	}
	if s.gebruiker.SelectedIndex() > 0 {
		f.Gebruiker = s.gebruiker.Selected
	}
	vanaf, err1 := store.ParseDatum("vanaf", s.vanaf.Text)
	tot, err2 := store.ParseDatum("tot", s.tot.Text)
	if err := errors.Join(err1, err2); err != nil {
		var problems []domain.FieldError
		for _, e := range []error{err1, err2} {
			problems = append(problems, domain.FieldProblems(e)...)
		}
		return f, &domain.ValidationError{Problemen: problems}
	}
	f.Vanaf = vanaf
	if !tot.IsZero() {
		f.Tot = tot.AddDate(0, 0, 1)
	}
	return f, nil
}

// onFilter reads the trail as the filters ask.
func (s *wijzigingenScreen) onFilter() {
	if s.entiteit.Selected == "" || s.gebruiker.Selected == "" {
		return // the choices are not read yet
	}
	f, err := s.filter()
	if err != nil {
		s.fields.show(err)
		return
	}
	s.fields.clear()
	var rows []domain.Wijziging
	s.m.load(func() (err error) {
		rows, err = s.m.store.Wijzigingen(f)
		return err
	}, func() {
		s.rows = rows
		s.count.SetText(lang.L("{{.N}} wijzigingen, nieuwste eerst", map[string]any{"N": len(rows)}))
		s.table.UnselectAll()
		s.detailBox.Hide()
		s.content.Refresh()
		s.table.ScrollToTop()
	})
}

// Cancel clears the date filters (Esc).
func (s *wijzigingenScreen) Cancel() {
	s.vanaf.SetText("")
	s.tot.SetText("")
	s.onFilter()
}
