package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Wegen are the three ways to fill an empty dashboard, each the window's
// action that leads there; a nil one is not offered.
type Wegen struct {
	// BereikInvoeren shows the page where reach is typed in.
	BereikInvoeren func()
	// Importeren opens the import of a CBS download, Excel or CSV file.
	Importeren func()
	// Demo makes and opens a separate demonstration database.
	Demo func()
}

// BeginHier is the panel on a dashboard without figures of the user's own
// (a new database: only the built-in register's figures) that says how to
// fill it. Its buttons are fields for tests.
type BeginHier struct {
	widget.BaseWidget
	Bereik, Importeer, Demo *widget.Button

	inhoud fyne.CanvasObject
}

// newBeginHier builds the panel, hidden; its buttons call the ways in w as
// they are when tapped.
func newBeginHier(w *Wegen) *BeginHier {
	b := &BeginHier{}
	doe := func(f *func()) func() {
		return func() {
			if *f != nil {
				(*f)()
			}
		}
	}
	b.Bereik = widget.NewButtonWithIcon("Bereik invoeren", theme.DocumentCreateIcon(), doe(&w.BereikInvoeren))
	b.Importeer = widget.NewButtonWithIcon("Importeren uit CBS of Excel…", theme.UploadIcon(), doe(&w.Importeren))
	b.Demo = widget.NewButtonWithIcon("Demodatabase openen…", theme.FolderOpenIcon(), doe(&w.Demo))
	for _, k := range []*widget.Button{b.Bereik, b.Importeer, b.Demo} {
		k.Importance = widget.HighImportance
		k.Alignment = widget.ButtonAlignLeading
	}
	titel := widget.NewLabelWithStyle("Begin hier", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	titel.SizeName = theme.SizeNameSubHeadingText
	uitleg := container.NewVBox(regel("Deze database heeft nog geen eigen cijfers, alleen die uit de beleidsdocumenten van het ingebouwde register;"),
		regel("daarom zijn de meeste grafieken nog leeg. Vul het dashboard op een van deze drie manieren:"))
	// a form layout: the three buttons one width, each explained beside it
	wegen := container.New(layout.NewFormLayout(),
		b.Bereik, regel("Typ het bereik van een interventie per jaar in, met de bron erbij."),
		b.Importeer, regel("Lees een CBS StatLine-download, een Excel-werkmap of een CSV-bestand in; elke rij wordt eerst gecontroleerd."),
		b.Demo, regel("Bekijk het dashboard met fictieve cijfers, in een aparte database; elke grafiek zegt DEMO."))
	b.inhoud = widget.NewCard("", "", container.NewVBox(titel, uitleg, wegen))
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

// regel is one line of text, cut with "…" in a narrow window: a wrapped
// label in this panel is first laid out one word per line, and the panel
// kept that height.
func regel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// toon shows the panel while the dashboard is empty and hides it once it
// has figures.
func (b *BeginHier) toon(leeg bool) {
	if leeg {
		b.Show()
	} else {
		b.Hide()
	}
}

// CreateRenderer draws the panel.
func (b *BeginHier) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.inhoud) }
