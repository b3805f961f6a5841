package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// metingColumns are the columns of the measurements table with their widths.
var metingColumns = []tableColumn{{"Periode", 110}, {"Waarde", 120}, {"Vergelijking", 120}, {"Status", 100}, {"Bron", 420}}

// cijfersScreen shows per indicator its measurements in a grid and edits
// them: pick a row to change it, or type a new period.
type cijfersScreen struct {
	m *Main

	indicators []domain.Indicator
	chosen     int
	metingen   []domain.Meting
	marks      conflictMarks

	list  *widget.List
	title *widget.Label
	info  *widget.Label
	// conflict points out measurements of the chosen indicator with an open conflict
	conflict *conflictNotice
	table    *widget.Table
	fields   *fieldSet
	periode  *entry
	waarde   *entry
	vergelij *entry
	status   *widget.RadioGroup
	document *entry
	sectie   *entry
	save     *widget.Button
	remove   *widget.Button
	message  *widget.Label
	// editText corrects the chosen indicator's name and key message.
	editText *widget.Button
	textForm *recordForm
	selected *domain.Meting
	content  fyne.CanvasObject
}

func newCijfersScreen(m *Main) *cijfersScreen {
	s := &cijfersScreen{m: m, chosen: -1}
	s.buildUI()
	return s
}

func (s *cijfersScreen) buildUI() {
	s.list = widget.NewList(
		func() int { return len(s.indicators) },
		newTwoLineRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			ind := s.indicators[id]
			meta := fmt.Sprintf("%s · %s", ind.Groep, eenheidTekst(ind.Eenheid))
			if s.marks.indicator(ind.ID) {
				meta = lang.L("open conflict") + " · " + meta
			}
			setTwoLineRow(o, ind.Naam, meta, false)
			if s.marks.indicator(ind.ID) {
				warnTwoLineRow(o)
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) { s.onChoose(id) }

	s.title = widget.NewLabelWithStyle(lang.L("Kies links een indicator"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Wrapping = fyne.TextWrapWord
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.conflict = newConflictNotice(s.m)
	s.table = newTextTable(metingColumns, func() int { return len(s.metingen) },
		func(row, col int) string { return metingCell(s.metingen[row], col) })
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.metingen) {
			s.onEdit(s.metingen[id.Row])
		}
	}

	field := func(placeholder string) *entry {
		e := newEntry(placeholder)
		e.OnSubmitted = func(string) { s.onSave() }
		e.onEscape = s.Cancel
		return e
	}
	s.periode = field(lang.L("2024 of 2024-H1"))
	s.waarde = field(lang.L("Zwolle, bijvoorbeeld 520,2"))
	s.vergelij = field(lang.L("Nederland (niet verplicht)"))
	s.document = field(lang.L("document"))
	s.sectie = field(lang.L("sectie"))
	s.status = newStatusGroup()
	s.fields = newFieldSet()
	s.fields.add("periode", lang.L("Periode"), s.periode)
	s.fields.add("waarde", lang.L("Waarde"), s.waarde)
	s.fields.add("vergelijkingswaarde", lang.L("Vergelijking"), s.vergelij)
	s.fields.add("status", lang.L("Status"), s.status)
	s.fields.add("bron", lang.L("Bron"), container.NewGridWithColumns(2, s.document, s.sectie))
	s.save = widget.NewButtonWithIcon(lang.L("Opslaan (Enter)"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.remove = widget.NewButtonWithIcon(lang.L("Meting verwijderen…"), theme.DeleteIcon(), s.onDelete)
	s.remove.Disable()
	s.message = widget.NewLabel("")
	s.message.Importance = widget.SuccessImportance

	editTitle := widget.NewLabelWithStyle(lang.L("Meting toevoegen of wijzigen (kies een rij om te wijzigen)"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := container.NewVBox(widget.NewSeparator(), editTitle, s.fields.form(),
		container.NewHBox(s.save, s.remove, s.message))
	s.editText = editTextButton(s.onEditText)
	s.editText.Disable()
	right := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(s.editText), s.title), s.info, s.conflict.box),
		form, nil, nil, s.table)
	s.conflict.around = right
	split := container.NewHSplit(s.list, right)
	split.Offset = 0.3
	s.content = split
}

// metingCell is the text of one cell of the measurements table.
func metingCell(m domain.Meting, col int) string {
	switch col {
	case 0:
		return m.Periode
	case 1:
		return dutchnum.FormatAuto(m.Waarde)
	case 2:
		if m.Vergelijkingswaarde == nil {
			return "–"
		}
		return dutchnum.FormatAuto(*m.Vergelijkingswaarde)
	case 3:
		return string(m.Status)
	}
	return m.Bron.String()
}

// Content is the screen's canvas object.
func (s *cijfersScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the indicators and the chosen one's measurements; the
// chosen indicator stays chosen (found again by its number, as an import
// or a synchronisation may add indicators before it) and typed input stays.
func (s *cijfersScreen) Refresh() {
	var indicators []domain.Indicator
	var marks conflictMarks
	var chosenID uint
	if s.chosen >= 0 {
		chosenID = s.indicators[s.chosen].ID
	}
	s.m.load(func() (err error) {
		if indicators, err = s.m.store.Indicatoren(""); err != nil {
			return err
		}
		marks, err = readConflictMarks(s.m.store)
		return err
	}, func() {
		s.indicators, s.marks = indicators, marks
		s.list.Refresh()
		k := slices.IndexFunc(indicators, func(ind domain.Indicator) bool { return ind.ID == chosenID })
		switch {
		case k >= 0 && k != s.chosen:
			s.list.Select(k) // chooses it
		case k >= 0:
			s.onChoose(k)
		case len(indicators) > 0:
			s.chosen = -1
			s.list.Select(0)
		}
	})
}

// onChoose shows an indicator's measurements.
func (s *cijfersScreen) onChoose(id int) {
	if id < 0 || id >= len(s.indicators) {
		return
	}
	s.chosen = id
	ind := s.indicators[id]
	s.editText.Enable()
	s.title.SetText(ind.Naam)
	info := lang.L("Eenheid: {{.E}}. Bron: {{.B}}.", map[string]any{"E": eenheidTekst(ind.Eenheid), "B": orNone(ind.Bron.String())})
	if ind.Vergelijking != "" {
		info += " " + lang.L("Vergelijking met: {{.V}}.", map[string]any{"V": ind.Vergelijking})
	}
	if ind.Kernboodschap != "" {
		info += "\n" + ind.Kernboodschap
	}
	s.info.SetText(info)
	var metingen []domain.Meting
	s.m.load(func() (err error) {
		metingen, err = s.m.store.Metingen(ind.ID)
		return err
	}, func() {
		s.metingen = metingen
		s.conflict.set(s.marks.metingenText(ind.ID, metingen))
		s.table.Refresh()
		s.noteChanged()
	})
}

// noteChanged says so when the measurement being corrected was changed or
// removed meanwhile (a synchronisation, an import): the typed correction
// stays, and saving it is then a choice.
func (s *cijfersScreen) noteChanged() {
	if s.selected == nil || !s.dirty() {
		return
	}
	now := "–"
	if k := slices.IndexFunc(s.metingen, func(m domain.Meting) bool { return m.ID == s.selected.ID }); k >= 0 {
		if s.metingen[k].Waarde == s.selected.Waarde {
			return
		}
		now = dutchnum.FormatAuto(s.metingen[k].Waarde)
	}
	s.message.Importance = widget.WarningImportance
	s.message.SetText(lang.L("Intussen gewijzigd: {{.Periode}} was {{.Oud}}, nu {{.Nieuw}}; uw invoer staat er nog.",
		map[string]any{"Periode": s.selected.Periode, "Oud": dutchnum.FormatAuto(s.selected.Waarde), "Nieuw": now}))
}

// onEditText opens the form that corrects the chosen indicator's name and
// key message.
func (s *cijfersScreen) onEditText() {
	if s.chosen < 0 {
		return
	}
	ind := s.indicators[s.chosen]
	editTekst(s.m, tekstForm{title: lang.L("Indicator aanpassen: {{.C}}", map[string]any{"C": ind.Code}), naamKey: "naam",
		naamLabel: lang.L("Naam"), tekstLabel: lang.L("Kernboodschap"), naam: ind.Naam, tekst: ind.Kernboodschap, bron: ind.Bron},
		func(in store.TekstInvoer) error {
			_, err := s.m.store.SaveIndicatorTekst(ind.ID, in)
			return err
		}, func(f *recordForm) { s.textForm = f }, s.Refresh)
}

// onEdit puts a measurement in the form.
func (s *cijfersScreen) onEdit(m domain.Meting) {
	s.selected = &m
	s.periode.SetText(m.Periode)
	s.waarde.SetText(dutchnum.FormatAuto(m.Waarde))
	s.vergelij.SetText("")
	if m.Vergelijkingswaarde != nil {
		s.vergelij.SetText(dutchnum.FormatAuto(*m.Vergelijkingswaarde))
	}
	s.status.SetSelected(string(m.Status))
	s.document.SetText(m.Bron.Document)
	s.sectie.SetText(m.Bron.Sectie)
	s.remove.Enable()
	s.m.win.Canvas().Focus(s.waarde)
}

// onSave stores the measurement; one for a period that exists replaces it.
func (s *cijfersScreen) onSave() {
	if s.chosen < 0 {
		return
	}
	in := store.MetingInvoer{IndicatorID: s.indicators[s.chosen].ID, Periode: s.periode.Text, Waarde: s.waarde.Text,
		Vergelijkingswaarde: s.vergelij.Text, Status: s.status.Selected, BronDocument: s.document.Text, BronSectie: s.sectie.Text}
	s.m.background(func() error {
		_, err := s.m.store.RecordMetingInvoer(in)
		return err
	}, func(err error) {
		s.fields.show(err)
		if err != nil {
			s.message.SetText("")
			return
		}
		s.message.Importance = widget.SuccessImportance
		s.message.SetText(lang.L("Opgeslagen."))
		s.clearForm()
		s.onChoose(s.chosen)
	})
}

// onDelete removes the chosen measurement after confirmation.
func (s *cijfersScreen) onDelete() {
	if s.selected == nil {
		return
	}
	m := *s.selected
	dialog.ShowCustomConfirm(lang.L("Meting verwijderen?"), lang.L("Verwijderen"), lang.L("Annuleren"),
		widget.NewLabel(lang.L("De meting over {{.P}} wordt verwijderd; dit blijft zichtbaar in Wijzigingen.", map[string]any{"P": m.Periode})),
		func(ok bool) {
			if !ok {
				return
			}
			s.m.load(func() error { return s.m.store.DeleteMeting(m.ID) }, func() {
				s.message.Importance = widget.SuccessImportance
				s.message.SetText(lang.L("Verwijderd."))
				s.clearForm()
				s.onChoose(s.chosen)
			})
		}, s.m.win)
}

// Cancel empties the form (Esc); with typed input that is not saved it
// asks first.
func (s *cijfersScreen) Cancel() {
	if !s.dirty() {
		s.clearForm()
		return
	}
	askDiscard(s.m.win, lang.L("Invoer weggooien?"),
		lang.L("U heeft een meting ingevoerd of gewijzigd zonder op te slaan. Wilt u de invoer weggooien?"), s.clearForm)
}

// clearForm empties the form and lets go of the measurement picked.
func (s *cijfersScreen) clearForm() {
	s.selected = nil
	for _, e := range []*entry{s.periode, s.waarde, s.vergelij, s.document, s.sectie} {
		e.SetText("")
	}
	s.fields.clear()
	s.remove.Disable()
	s.table.UnselectAll()
}

// dirty reports typed input that is not saved: a new measurement, or a
// correction of the one picked.
func (s *cijfersScreen) dirty() bool {
	for _, e := range []*entry{s.periode, s.waarde, s.vergelij, s.document, s.sectie} {
		if e.typed() {
			return true
		}
	}
	return false
}

// eenheidTekst names an indicator's unit, or says that the source names none.
func eenheidTekst(e domain.Eenheid) string {
	if e == "" {
		return lang.L("eenheid niet genoemd in de bron")
	}
	return string(e)
}
