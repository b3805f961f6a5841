package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// targetKinds are the kinds of target a user chooses from, as the store
// reads them.
var targetKinds = []string{string(domain.SoortMinimaal), string(domain.SoortMaximaal), string(domain.SoortPrecies),
	string(domain.SoortBandbreedte)}

// doelstellingenPanel lists the targets of one intervention in Interventie
// bewerken and adds, revises (with a reason) and ends them; each action is
// its own audited save, apart from the intervention's fields.
type doelstellingenPanel struct {
	m    *Main
	item domain.Interventie

	list    *fyne.Container
	fields  *fieldSet
	periode *entry
	soort   *widget.Select
	waarde  *entry
	eenheid *entry
	bron    *entry
	add     *widget.Button
	content fyne.CanvasObject
	targets []domain.Doelstelling
	names   map[uint]string
	// revisions are the revisions of each target, oldest first.
	revisions map[uint][]domain.DoelstellingHerziening
}

func newDoelstellingenPanel(m *Main, item domain.Interventie) *doelstellingenPanel {
	p := &doelstellingenPanel{m: m, item: item}
	p.list = container.NewVBox()
	p.periode = newEntry(lang.L("2025, 2024/2025, 2025 t/m 2027 of jaarlijks"))
	p.soort = widget.NewSelect(targetKinds, nil)
	p.soort.SetSelected(string(domain.SoortMinimaal))
	p.waarde = newEntry(lang.L("bijvoorbeeld 3.500, of 90-135 bij een bandbreedte"))
	p.eenheid = newEntry(lang.L("leeg: de eenheid van de maat of eerdere doelstelling"))
	p.bron = newEntry(lang.L("bijvoorbeeld Begroting 2025, programma 3"))
	for _, e := range []*entry{p.periode, p.waarde, p.eenheid, p.bron} {
		e.OnSubmitted = func(string) { p.onAdd() }
	}
	p.fields = newFieldSet()
	p.fields.add("periode", lang.L("Periode"), p.periode)
	p.fields.add("soort", lang.L("Soort"), p.soort)
	p.fields.add("waarde", lang.L("Waarde"), p.waarde)
	p.fields.add("eenheid", lang.L("Eenheid"), p.eenheid)
	p.fields.add("bron", lang.L("Bron"), p.bron)
	p.add = widget.NewButton(lang.L("Doelstelling toevoegen"), p.onAdd)
	title := widget.NewLabelWithStyle(lang.L("Doelstellingen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.content = container.NewVBox(widget.NewSeparator(), title, p.list,
		widget.NewLabelWithStyle(lang.L("Nieuwe doelstelling"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
		p.fields.form(), container.NewHBox(p.add))
	p.reload()
	return p
}

// reload reads the intervention's targets and the names of the
// interventions sharing them.
func (p *doelstellingenPanel) reload() {
	var (
		targets   []domain.Doelstelling
		all       []domain.Interventie
		revisions = map[uint][]domain.DoelstellingHerziening{}
	)
	p.m.load(func() (err error) {
		if all, err = p.m.store.Interventies(true); err != nil {
			return err
		}
		if targets, err = p.m.store.Doelstellingen(p.item.ID); err != nil {
			return err
		}
		for _, d := range targets {
			if revisions[d.ID], err = p.m.store.Herzieningen(d.ID); err != nil {
				return err
			}
		}
		return nil
	}, func() {
		p.targets, p.names, p.revisions = targets, map[uint]string{}, revisions
		for _, i := range all {
			p.names[i.ID] = i.Naam
		}
		p.showList()
	})
}

// targetLine describes a target: its size, period, who shares it and
// whether it ended.
func (p *doelstellingenPanel) targetLine(d domain.Doelstelling) string {
	line := lang.L("{{.Periode}}: {{.Doel}}", map[string]any{"Periode": d.Periode,
		"Doel": store.Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)})
	if len(d.InterventieIDs) > 1 {
		var others []string
		for _, id := range d.InterventieIDs {
			if id != p.item.ID {
				others = append(others, p.names[id])
			}
		}
		line += " · " + lang.L("gedeeld met {{.Namen}}", map[string]any{"Namen": strings.Join(others, ", ")})
	}
	if d.LaatsteJaar != nil {
		line += " · " + lang.L("beëindigd na {{.Jaar}} ({{.Reden}})", map[string]any{"Jaar": *d.LaatsteJaar, "Reden": d.EindeReden})
	}
	for _, h := range p.revisions[d.ID] {
		line += " · " + lang.L("herzien op {{.Wanneer}} door {{.Wie}}: {{.Oud}} ⟶ {{.Nieuw}} ({{.Reden}})", map[string]any{
			"Wanneer": store.FormatDatumTijd(h.Datum), "Wie": h.Gebruiker, "Oud": store.WaardeTekst(h.OudeWaarde, h.OudeWaardeTot),
			"Nieuw": store.WaardeTekst(h.NieuweWaarde, h.NieuweWaardeTot), "Reden": h.Reden})
	}
	if src := d.Bron.String(); src != "" {
		line += " · " + lang.L("bron: {{.Bron}}", map[string]any{"Bron": src})
	}
	return line
}

// showList writes a row per target with its Herzien and Beëindigen buttons.
func (p *doelstellingenPanel) showList() {
	p.list.RemoveAll()
	if len(p.targets) == 0 {
		p.list.Add(widget.NewLabel(lang.L("Nog geen doelstelling.")))
	}
	for _, d := range p.targets {
		label := widget.NewLabel(p.targetLine(d))
		label.Wrapping = fyne.TextWrapWord
		revise := widget.NewButton(lang.L("Herzien…"), func() { p.showRevise(d) })
		end := widget.NewButton(lang.L("Beëindigen…"), func() { p.showEnd(d) })
		if d.LaatsteJaar != nil {
			end.Disable()
		}
		p.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(revise, end), label))
	}
}

// onAdd stores the typed target for this intervention, or shows the
// store's messages at the fields and stores nothing.
func (p *doelstellingenPanel) onAdd() {
	in := store.DoelstellingInvoer{Interventies: []string{p.item.Naam}, Periode: p.periode.Text, Soort: p.soort.Selected,
		Waarde: p.waarde.Text, Eenheid: p.eenheid.Text, BronDocument: p.bron.Text}
	var saved domain.Doelstelling
	p.add.Disable()
	p.m.background(func() (err error) {
		saved, err = p.m.store.CreateDoelstellingInvoer(in)
		return err
	}, func(err error) {
		p.add.Enable()
		p.fields.show(err)
		if err != nil {
			return
		}
		for _, e := range []*entry{p.periode, p.waarde, p.eenheid, p.bron} {
			e.SetText("")
		}
		p.m.setStatus(lang.L("Doelstelling toegevoegd: {{.Naam}}, {{.Doel}}", map[string]any{"Naam": p.item.Naam, "Doel": saved.Omschrijving}))
		p.reload()
	})
}

// showRevise asks for the new value and the reason, and revises the target;
// the old value stays in its history and in the audit trail.
func (p *doelstellingenPanel) showRevise(d domain.Doelstelling) {
	value := newEntry("")
	value.SetText(store.WaardeTekst(d.Waarde, d.WaardeTot))
	reason := newEntry(lang.L("bijvoorbeeld nieuwe afspraak in de Routekaart 2025"))
	fs := newFieldSet()
	fs.add("waarde", lang.L("Nieuwe waarde"), value)
	fs.add("reden", lang.L("Reden"), reason)
	p.ask(lang.L("Doelstelling herzien: {{.Doel}}", map[string]any{"Doel": p.targetLine(d)}), fs, lang.L("Herzien"),
		func() error { return p.m.store.ReviseDoelstellingInvoer(d.ID, value.Text, "", reason.Text) }, value, reason)
}

// showEnd asks for the last year the target applies to and why.
func (p *doelstellingenPanel) showEnd(d domain.Doelstelling) {
	year := newEntry(lang.L("laatste jaar waarin de doelstelling geldt"))
	reason := newEntry(lang.L("waarom de doelstelling stopt"))
	fs := newFieldSet()
	fs.add("laatste jaar", lang.L("Laatste jaar"), year)
	fs.add("reden", lang.L("Reden"), reason)
	p.ask(lang.L("Doelstelling beëindigen: {{.Doel}}", map[string]any{"Doel": p.targetLine(d)}), fs, lang.L("Beëindigen"),
		func() error {
			y, err := store.ParseGeheel("laatste jaar", year.Text)
			if err != nil {
				return err
			}
			if y == nil {
				return &domain.ValidationError{Problemen: []domain.FieldError{{Veld: "laatste jaar", Melding: "geef het laatste jaar op, bijvoorbeeld " + strconv.Itoa(time.Now().Year())}}}
			}
			return p.m.store.EndDoelstelling(d.ID, *y, reason.Text)
		}, year, reason)
}

// ask shows a small form in a dialog; its button runs save in the
// background and closes the dialog only when save succeeds, else the
// messages appear at the fields and nothing is stored.
func (p *doelstellingenPanel) ask(title string, fs *fieldSet, action string, save func() error, entries ...*entry) {
	var dlg *dialog.CustomDialog
	var button *widget.Button
	run := func() {
		button.Disable()
		p.m.background(save, func(err error) {
			button.Enable()
			fs.show(err)
			if err != nil {
				return
			}
			dlg.Hide()
			p.m.setStatus(lang.L("Opgeslagen: {{.Naam}}", map[string]any{"Naam": p.item.Naam}))
			p.reload()
		})
	}
	button = widget.NewButton(action, run)
	for _, e := range entries {
		e.OnSubmitted = func(string) { run() }
	}
	button.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Annuleren"), func() { dlg.Hide() })
	heading := widget.NewLabel(title)
	heading.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(heading, fs.form())
	dlg = dialog.NewCustomWithoutButtons(lang.L("Doelstelling"), body, p.m.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, button})
	dlg.Show()
	dlg.Resize(fyne.NewSize(640, 320))
	p.m.win.Canvas().Focus(entries[0])
}
