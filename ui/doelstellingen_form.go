package ui

import (
	"strings"

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
// bewerken and adds, revises (with a reason) and ends them. Each change is
// checked against the store when it is made, and kept in the form until
// Opslaan stores it with the intervention (see store.DoelstellingWijziging):
// Annuleren leaves the targets as they were.
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
	// staged are the changes made in the form, in their order, with the
	// line that describes each.
	staged []stagedChange
	// onLoaded runs when the targets are read and shown (nil: nothing).
	onLoaded func()
}

// stagedChange is a change to the targets kept until Opslaan.
type stagedChange struct {
	change store.DoelstellingWijziging
	line   string
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

// changes are the changes to the targets made in the form, in their order.
func (p *doelstellingenPanel) changes() []store.DoelstellingWijziging {
	out := make([]store.DoelstellingWijziging, len(p.staged))
	for k, c := range p.staged {
		out[k] = c.change
	}
	return out
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
		if p.onLoaded != nil {
			p.onLoaded()
		}
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

// showList writes a row per target with its Herzien and Beëindigen buttons,
// and then the changes kept until Opslaan, each with a button that takes
// it out again.
func (p *doelstellingenPanel) showList() {
	p.list.RemoveAll()
	if len(p.targets) == 0 && len(p.staged) == 0 {
		p.list.Add(widget.NewLabel(lang.L("Nog geen doelstelling.")))
	}
	for _, d := range p.targets {
		label := widget.NewLabel(p.targetLine(d))
		label.Wrapping = fyne.TextWrapWord
		revise := widget.NewButton(lang.L("Herzien…"), func() { p.showRevise(d) })
		end := widget.NewButton(lang.L("Beëindigen…"), func() { p.showEnd(d) })
		ended := d.LaatsteJaar != nil || p.isStaged(store.DoelstellingBeeindigen, d.ID)
		if ended {
			end.Disable()
		}
		if ended || p.isStaged(store.DoelstellingHerzien, d.ID) {
			revise.Disable() // the store refuses to revise an ended target
		}
		p.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(revise, end), label))
	}
	for k, c := range p.staged {
		label := widget.NewLabel(lang.L("Bij Opslaan: {{.Wijziging}}", map[string]any{"Wijziging": c.line}))
		label.Wrapping = fyne.TextWrapWord
		label.Importance = widget.HighImportance
		undo := widget.NewButton(lang.L("Weghalen"), func() {
			p.staged = append(p.staged[:k:k], p.staged[k+1:]...)
			p.showList()
		})
		p.list.Add(container.NewBorder(nil, nil, nil, undo, label))
	}
}

// isStaged reports whether the form holds a change of this kind to target id.
func (p *doelstellingenPanel) isStaged(actie store.DoelstellingActie, id uint) bool {
	for _, c := range p.staged {
		if c.change.Actie == actie && c.change.ID == id {
			return true
		}
	}
	return false
}

// stage checks a change, after the changes already made, against the store
// (which stores nothing) and keeps it for Opslaan; else it shows the
// problems at fs. done runs when the change is kept.
func (p *doelstellingenPanel) stage(c store.DoelstellingWijziging, line string, fs *fieldSet, button *widget.Button, done func()) {
	all := append(p.changes(), c)
	button.Disable()
	p.m.background(func() error { return p.m.store.CheckDoelstellingWijzigingen(all) }, func(err error) {
		button.Enable()
		fs.show(err)
		if err != nil {
			return
		}
		p.staged = append(p.staged, stagedChange{change: c, line: line})
		p.showList()
		p.m.setStatus(lang.L("Doelstelling gewijzigd in het formulier; Opslaan bewaart het, Annuleren niet."))
		done()
	})
}

// onAdd keeps the typed target for this intervention until Opslaan, or
// shows the store's messages at the fields.
func (p *doelstellingenPanel) onAdd() {
	in := store.DoelstellingInvoer{Interventies: []string{p.item.Naam}, Periode: p.periode.Text, Soort: p.soort.Selected,
		Waarde: p.waarde.Text, Eenheid: p.eenheid.Text, BronDocument: p.bron.Text}
	line := lang.L("nieuwe doelstelling {{.Periode}}: {{.Soort}} {{.Waarde}} {{.Eenheid}}", map[string]any{
		"Periode": strings.TrimSpace(in.Periode), "Soort": in.Soort, "Waarde": strings.TrimSpace(in.Waarde), "Eenheid": strings.TrimSpace(in.Eenheid)})
	p.stage(store.DoelstellingWijziging{Actie: store.DoelstellingToevoegen, Nieuw: in}, strings.TrimSpace(line), p.fields, p.add, func() {
		for _, e := range []*entry{p.periode, p.waarde, p.eenheid, p.bron} {
			e.SetText("")
		}
	})
}

// typed reports text typed in the new target's fields and not yet added.
func (p *doelstellingenPanel) typed() bool {
	for _, e := range []*entry{p.periode, p.waarde, p.eenheid, p.bron} {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
}

// showRevise asks for the new value and the reason; the revision is kept
// until Opslaan, and then the old value stays in the target's history and
// in the audit trail.
func (p *doelstellingenPanel) showRevise(d domain.Doelstelling) {
	value := newEntry("")
	value.SetText(store.WaardeTekst(d.Waarde, d.WaardeTot))
	reason := newEntry(lang.L("bijvoorbeeld nieuwe afspraak in de Routekaart 2025"))
	fs := newFieldSet()
	fs.add("waarde", lang.L("Nieuwe waarde"), value)
	fs.add("reden", lang.L("Reden"), reason)
	target := d.Periode + ": " + store.Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
	p.ask(lang.L("Doelstelling herzien: {{.Doel}}", map[string]any{"Doel": p.targetLine(d)}), fs, lang.L("Herzien"),
		func() (store.DoelstellingWijziging, string) {
			return store.DoelstellingWijziging{Actie: store.DoelstellingHerzien, ID: d.ID, Waarde: value.Text, Reden: reason.Text},
				lang.L("{{.Doel}} herzien naar {{.Waarde}} ({{.Reden}})", map[string]any{"Doel": target,
					"Waarde": strings.TrimSpace(value.Text), "Reden": strings.TrimSpace(reason.Text)})
		}, fieldEntry{"waarde", value}, fieldEntry{"reden", reason})
}

// showEnd asks for the last year the target applies to and why; the end
// is kept until Opslaan.
func (p *doelstellingenPanel) showEnd(d domain.Doelstelling) {
	year := newEntry(lang.L("laatste jaar waarin de doelstelling geldt"))
	reason := newEntry(lang.L("waarom de doelstelling stopt"))
	fs := newFieldSet()
	fs.add("laatste jaar", lang.L("Laatste jaar"), year)
	fs.add("reden", lang.L("Reden"), reason)
	target := d.Periode + ": " + store.Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
	p.ask(lang.L("Doelstelling beëindigen: {{.Doel}}", map[string]any{"Doel": p.targetLine(d)}), fs, lang.L("Beëindigen"),
		func() (store.DoelstellingWijziging, string) {
			return store.DoelstellingWijziging{Actie: store.DoelstellingBeeindigen, ID: d.ID, LaatsteJaar: year.Text, Reden: reason.Text},
				lang.L("{{.Doel}} beëindigd na {{.Jaar}} ({{.Reden}})", map[string]any{"Doel": target,
					"Jaar": strings.TrimSpace(year.Text), "Reden": strings.TrimSpace(reason.Text)})
		}, fieldEntry{"laatste jaar", year}, fieldEntry{"reden", reason})
}

// fieldEntry is an entry of a small form with the store's name of its field.
type fieldEntry struct {
	key string
	e   *entry
}

// ask shows a small form in a dialog; its button checks the change it
// describes and keeps it for Opslaan, closing the dialog, or shows the
// problems at the fields. A field's message goes as soon as it is edited.
func (p *doelstellingenPanel) ask(title string, fs *fieldSet, action string, change func() (store.DoelstellingWijziging, string), entries ...fieldEntry) {
	var dlg *dialog.CustomDialog
	var button *widget.Button
	run := func() {
		c, line := change()
		p.stage(c, line, fs, button, func() { dlg.Hide() })
	}
	button = widget.NewButton(action, run)
	for _, f := range entries {
		f.e.OnSubmitted = func(string) { run() }
		f.e.OnChanged = func(string) { fs.clearField(f.key) }
		f.e.onEscape = func() { dlg.Hide() }
	}
	button.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Annuleren"), func() { dlg.Hide() })
	heading := widget.NewLabel(title)
	heading.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(heading, fs.form())
	fs.outer = body
	dlg = dialog.NewCustomWithoutButtons(lang.L("Doelstelling"), body, p.m.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, button})
	dlg.Show()
	dlg.Resize(fyne.NewSize(640, 320))
	p.m.win.Canvas().Focus(entries[0].e)
}
