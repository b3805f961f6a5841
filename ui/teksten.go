package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// tekstForm describes the words of a record as a form asks for them: the
// label and store field of its name (or title) and of its text.
type tekstForm struct {
	title              string
	naamKey, naamLabel string
	tekstLabel         string
	naam, tekst        string
	bron               domain.Bron
}

// editTekst opens the form that corrects the words of a record where they
// are shown; save stores the typed words (the store checks them and
// records the change), done runs after it succeeded.
func editTekst(m *Main, t tekstForm, save func(store.TekstInvoer) error, setForm func(*recordForm), done func()) {
	f := newRecordForm(m)
	f.entry(t.naamKey, t.naamLabel, t.naam, "")
	f.paragraph("tekst", t.tekstLabel, t.tekst, "")
	f.source(t.bron.Document, t.bron.Sectie)
	setForm(f)
	f.show(t.title, lang.L("Opslaan"), func() error {
		return save(store.TekstInvoer{Naam: f.text(t.naamKey), Tekst: f.text("tekst"), BronDocument: f.text("bron"),
			BronSectie: f.text("bronvermelding")})
	}, done)
}

// editTextButton is the small pencil that opens a text's form.
func editTextButton(onTapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Tekst aanpassen"), theme.DocumentCreateIcon(), onTapped)
	b.Importance = widget.LowImportance
	return b
}
