package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// euroSVG is Material Design's "euro symbol" (Apache 2.0, as Fyne's own icons).
const euroSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" d="M15 18.5c-2.51 0-4.68-1.42-5.76-3.5H15l1-2H8.58c-.05-.33-.08-.66-.08-1s.03-.67.08-1H15l1-2H9.24C10.32 6.92 12.5 5.5 15 5.5c1.61 0 3.09.59 4.23 1.57L21 5.3C19.41 3.87 17.3 3 15 3c-3.92 0-7.24 2.51-8.48 6H3l-1 2h4.06c-.04.33-.06.66-.06 1s.02.67.06 1H3l-1 2h4.52c1.24 3.49 4.56 6 8.48 6 2.31 0 4.41-.87 6-2.3l-1.78-1.77c-1.13.98-2.6 1.57-4.22 1.57z"/></svg>`

// iconNameEuro names the euro icon of the Besparingen page in the theme.
const iconNameEuro fyne.ThemeIconName = "jeugdmonitor-euro"

// pageIcon is the icon of a page of the navigation, the euro sign also in
// themes that do not know it.
func pageIcon(n fyne.ThemeIconName) fyne.Resource {
	if n == iconNameEuro {
		return euroIcon
	}
	return theme.Icon(n)
}

// euroIcon is the euro sign in the theme's foreground colour.
var euroIcon = theme.NewThemedResource(fyne.NewStaticResource("euro.svg", []byte(euroSVG)))

// recordForm is a small form in a dialog that adds or corrects one figure:
// its button saves in the background and closes the dialog only when the
// store accepts; otherwise the store's messages appear at the fields and
// nothing is stored.
type recordForm struct {
	m       *Main
	fields  *fieldSet
	entries map[string]*entry
	choices map[string]*widget.Select
	first   fyne.Focusable
	save    *widget.Button
	dialog  *dialog.CustomDialog
	// figures holds the figures the form opened with, by key, and
	// openedSource its source: a changed figure needs a new source.
	figures      map[string]string
	openedSource string
}

func newRecordForm(m *Main) *recordForm {
	return &recordForm{m: m, fields: newFieldSet(), entries: map[string]*entry{}, choices: map[string]*widget.Select{}, figures: map[string]string{}}
}

// entry adds a one-line text field; key is the store's name for it.
func (f *recordForm) entry(key, label, value, hint string) *entry {
	return f.add(newEntry(hint), key, label, value)
}

// figure adds a text field for a figure: when a figure the form opened
// with is changed, the form asks for the source of the new one.
func (f *recordForm) figure(key, label, value, hint string) *entry {
	f.figures[key] = value
	return f.entry(key, label, value, hint)
}

// paragraph adds a text field for a paragraph (Enter starts a new line).
func (f *recordForm) paragraph(key, label, value, hint string) *entry {
	return f.add(newMultiLineEntry(hint), key, label, value)
}

// add puts a text field in the form.
func (f *recordForm) add(e *entry, key, label, value string) *entry {
	e.SetText(value)
	f.entries[key] = e
	f.fields.add(key, label, e)
	if f.first == nil {
		f.first = e
	}
	return e
}

// choice adds a choice among options.
func (f *recordForm) choice(key, label string, options []string, value string) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.SetSelected(value)
	f.choices[key] = s
	f.fields.add(key, label, s)
	return s
}

// source adds the two source fields every correction has: the document (or
// who gave the figure) and where in it. The place belongs to the document:
// while the source differs from the one the form opened with, a place the
// user did not type is emptied (and back under the old source it returns),
// so a new document is not cited with the old one's page.
func (f *recordForm) source(document, sectie string) {
	f.openedSource = document
	bron := f.entry("bron", lang.L("Bron"), document, lang.L("document, of wie het cijfer opgaf"))
	place := f.entry("bronvermelding", lang.L("Vindplaats"), sectie, lang.L("hoofdstuk, pagina of tabel (mag leeg)"))
	bron.OnChanged = func(text string) {
		if place.typed() {
			return
		}
		if strings.TrimSpace(text) == strings.TrimSpace(document) {
			place.SetText(sectie)
		} else {
			place.SetText("")
		}
	}
}

// text is the typed text of a field.
func (f *recordForm) text(key string) string {
	if e, ok := f.entries[key]; ok {
		return e.Text
	}
	return f.choices[key].Selected
}

// show opens the form; save stores it, done runs after a successful save.
func (f *recordForm) show(title, action string, save func() error, done func()) {
	run := func() {
		if err := f.sourceOfChangedFigure(); err != nil {
			f.fields.show(err)
			f.dialog.Resize(fyne.NewSize(640, 0))
			return
		}
		f.save.Disable()
		f.m.background(save, func(err error) {
			f.save.Enable()
			f.fields.show(err)
			if err != nil {
				f.dialog.Resize(fyne.NewSize(640, 0)) // room for the messages
				return
			}
			f.dialog.Hide()
			f.m.setStatus(lang.L("Opgeslagen: {{.Naam}}", map[string]any{"Naam": title}))
			done()
		})
	}
	f.save = widget.NewButton(action, run)
	f.save.Importance = widget.HighImportance
	for _, e := range f.entries {
		if !e.MultiLine {
			e.OnSubmitted = func(string) { run() }
		}
		e.onEscape = func() { f.dialog.Hide() }
	}
	cancel := widget.NewButton(lang.L("Annuleren"), func() { f.dialog.Hide() })
	note := lowLabel(lang.L("De wijziging wordt met uw naam vastgelegd in Wijzigingen."))
	body := container.NewVBox(f.fields.form(), note)
	f.fields.outer = body
	f.dialog = dialog.NewCustomWithoutButtons(title, body, f.m.win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dialog.Show()
	f.dialog.Resize(fyne.NewSize(640, 0))
	if f.first != nil {
		f.m.win.Canvas().Focus(f.first)
	}
}

// sourceOfChangedFigure refuses a changed figure under the source it had:
// the new number would be credited to a document that does not say it.
// The same number written otherwise ("290000" for "€ 290.000") is no
// change.
func (f *recordForm) sourceOfChangedFigure() error {
	if f.openedSource == "" || strings.TrimSpace(f.text("bron")) != strings.TrimSpace(f.openedSource) {
		return nil
	}
	for key, opened := range f.figures {
		now := f.text(key)
		if opened == "" || sameFigure(opened, now) {
			continue
		}
		return &domain.ValidationError{Problemen: []domain.FieldError{{Veld: "bron",
			Melding: lang.L("het cijfer is veranderd, de bron niet: geef de bron van het nieuwe cijfer (het document, of wie het opgaf)")}}}
	}
	return nil
}

// sameFigure reports whether two typed figures are the same number (or the
// same text when one is not a number).
func sameFigure(a, b string) bool {
	x, errA := dutchnum.Parse(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(a), "€")))
	y, errB := dutchnum.Parse(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(b), "€")))
	if errA != nil || errB != nil {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	return x == y
}

// confirmRemove asks before remove runs; done runs after it succeeded.
func confirmRemove(m *Main, what string, remove func() error, done func()) {
	dialog.ShowConfirm(lang.L("Verwijderen?"), lang.L("{{.Wat}} verwijderen? De verwijdering wordt vastgelegd in Wijzigingen.",
		map[string]any{"Wat": what}), func(ok bool) {
		if !ok {
			return
		}
		m.background(remove, func(err error) {
			if err != nil {
				m.showError(err)
				return
			}
			m.setStatus(lang.L("Verwijderd: {{.Wat}}", map[string]any{"Wat": what}))
			done()
		})
	}, m.win)
}

// rowButtons are the buttons of a row of figures: add one like it (may be
// nil), correct it, remove it.
type rowButtons struct {
	add, edit, remove *widget.Button
}

// newRowButtons makes the buttons; a nil callback leaves its button out.
func newRowButtons(onEdit, onRemove func()) rowButtons {
	var b rowButtons
	if onEdit != nil {
		b.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), onEdit)
		b.edit.Importance = widget.LowImportance
	}
	if onRemove != nil {
		b.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), onRemove)
		b.remove.Importance = widget.LowImportance
	}
	return b
}

// box lays the buttons side by side.
func (b rowButtons) box() fyne.CanvasObject {
	box := container.NewHBox()
	for _, btn := range []*widget.Button{b.add, b.edit, b.remove} {
		if btn != nil {
			box.Add(btn)
		}
	}
	return box
}

// editableTable is smallTable with the buttons of each row at its end; the
// header keeps their width free so the columns line up.
func editableTable(weights columns, header []string, rows [][]string, buttons []rowButtons) *fyne.Container {
	var width float32
	boxes := make([]fyne.CanvasObject, len(rows))
	for i := range rows {
		boxes[i] = buttons[i].box()
		width = max(width, boxes[i].MinSize().Width)
	}
	// padded gives every row's buttons the same width.
	padded := func(o fyne.CanvasObject) fyne.CanvasObject {
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(width, 0))
		return container.NewStack(spacer, container.NewVBox(container.NewHBox(layout.NewSpacer(), o)))
	}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, padded(layout.NewSpacer()), tableLine(weights, header, true)), widget.NewSeparator())
	for i, r := range rows {
		box.Add(container.NewBorder(nil, nil, nil, padded(boxes[i]), tableLine(weights, r, false)))
	}
	return box
}
