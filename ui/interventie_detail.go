package ui

import (
	"errors"
	"strings"

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

// interventieDetail shows one intervention as the Routekaart describes it,
// with its source, its targets, and its reach per period against the target.
type interventieDetail struct {
	m      *Main
	onBack func()

	item    domain.Interventie
	targets []domain.Doelstelling
	reach   []domain.Bereik
	marks   conflictMarks

	title *widget.Label
	meta  *widget.Label
	// conflict points out an open conflict on the intervention, its
	// figures or its targets
	conflict  *conflictNotice
	text      *fyne.Container
	reachGrid *fyne.Container
	scroll    *container.Scroll

	backButton    *widget.Button
	bereikButton  *widget.Button
	editButton    *widget.Button
	targetButton  *widget.Button
	archiveButton *widget.Button
	deleteButton  *widget.Button
	root          fyne.CanvasObject
}

func newInterventieDetail(m *Main, onBack func()) *interventieDetail {
	d := &interventieDetail{m: m, onBack: onBack}
	d.buildUI()
	return d
}

func (d *interventieDetail) buildUI() {
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameHeadingText
	d.title.Wrapping = fyne.TextWrapWord
	d.meta = widget.NewLabel("")
	d.meta.Wrapping = fyne.TextWrapWord
	d.conflict = newConflictNotice(d.m)
	d.text = container.NewVBox()
	d.reachGrid = container.NewVBox()

	d.backButton = widget.NewButtonWithIcon(lang.L("Terug naar overzicht (Esc)"), theme.NavigateBackIcon(), d.onBack)
	d.bereikButton = widget.NewButtonWithIcon(lang.L("Bereik invoeren"), theme.DocumentCreateIcon(), d.onBereik)
	d.bereikButton.Importance = widget.HighImportance
	d.editButton = widget.NewButtonWithIcon(lang.L("Bewerken"), theme.DocumentIcon(), d.onEdit)
	d.targetButton = widget.NewButtonWithIcon(lang.L("Doelstelling toevoegen…"), theme.ContentAddIcon(), d.onAddTarget)
	d.archiveButton = widget.NewButtonWithIcon(lang.L("Archiveren"), theme.FolderIcon(), d.onArchive)
	d.deleteButton = widget.NewButtonWithIcon(lang.L("Verwijderen…"), theme.DeleteIcon(), d.onDelete)
	d.deleteButton.Importance = widget.DangerImportance

	actions := container.NewHBox(d.backButton, d.bereikButton, d.editButton, d.targetButton, d.archiveButton, d.deleteButton)
	reachTitle := widget.NewLabelWithStyle(lang.L("Bereik per periode"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	reachTitle.SizeName = theme.SizeNameSubHeadingText
	body := container.NewVBox(d.title, d.meta, d.conflict.box, widget.NewSeparator(), d.text, widget.NewSeparator(), reachTitle, d.reachGrid)
	d.scroll = container.NewVScroll(body)
	d.conflict.around = d.scroll
	d.root = container.NewBorder(actions, nil, nil, nil, d.scroll)
}

// Content is the view's canvas object.
func (d *interventieDetail) Content() fyne.CanvasObject { return d.root }

// show fills the view with an intervention and reads its targets and reach.
func (d *interventieDetail) show(i domain.Interventie) {
	d.item = i
	d.targets, d.reach, d.marks = nil, nil, conflictMarks{}
	d.render()
	d.Refresh()
}

// Refresh reads the intervention, its targets and its reach again; when
// the intervention is gone (a colleague removed it, and a synchronisation
// brought that in) it says so and returns to the list.
func (d *interventieDetail) Refresh() {
	id := d.item.ID
	var (
		item    domain.Interventie
		targets []domain.Doelstelling
		reach   []domain.Bereik
		marks   conflictMarks
		remover string
	)
	gone := false
	d.m.background(func() (err error) {
		if item, err = d.m.store.Interventie(id); err != nil {
			if gone = errors.Is(err, store.ErrNotFound); gone {
				remover = removedBy(d.m.store, id)
			}
			return err
		}
		if marks, err = readConflictMarks(d.m.store); err != nil {
			return err
		}
		if targets, err = d.m.store.Doelstellingen(id); err != nil {
			return err
		}
		reach, err = d.m.store.BereikVan(id)
		return err
	}, func(err error) {
		switch {
		case gone:
			d.onGone(remover)
		case err != nil:
			d.m.showError(err)
		default:
			d.item, d.targets, d.reach, d.marks = item, targets, reach, marks
			d.render()
		}
	})
}

// removedBy is who removed the intervention with number id, as the newest
// line of its history says ("" when that is not its removal).
func removedBy(s *store.Store, id uint) string {
	rows, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "interventies", EntiteitID: id, Limit: 1})
	if err != nil || len(rows) == 0 || rows[0].Actie != domain.ActieVerwijderd {
		return ""
	}
	return rows[0].Gebruiker
}

// onGone returns to the list from an intervention that was removed while
// it was open, and says so in a message.
func (d *interventieDetail) onGone(remover string) {
	msg := lang.L("{{.Naam}} is intussen verwijderd; u ziet daarom weer de lijst van interventies. Wat er is verwijderd, staat in Wijzigingen.",
		map[string]any{"Naam": d.item.Naam})
	if remover != "" && remover != d.m.store.User() {
		msg = lang.L("{{.Naam}} is verwijderd door {{.Wie}}; u ziet daarom weer de lijst van interventies. Wat er is verwijderd, staat in Wijzigingen.",
			map[string]any{"Naam": d.item.Naam, "Wie": remover})
	}
	d.onBack()
	dialog.ShowInformation(lang.L("Interventie verwijderd"), msg, d.m.win)
}

// render writes the intervention into the widgets.
func (d *interventieDetail) render() {
	i := d.item
	d.title.SetText(i.Naam)
	meta := []string{string(i.Cluster)}
	if i.Code != "" {
		meta = append(meta, lang.L("code {{.Code}}", map[string]any{"Code": i.Code}))
	}
	meta = append(meta, lang.L("uitvoering: {{.Wie}}", map[string]any{"Wie": orNone(i.Uitvoerder)})+afgeleidMerk(i.Afgeleid, "uitvoerder"))
	if len(i.Ambities) > 0 {
		meta = append(meta, lang.L("ambitie: {{.Ambities}}", map[string]any{"Ambities": strings.Join(i.Ambities, ", ")}))
	}
	if i.Gearchiveerd {
		meta = append(meta, lang.L("GEARCHIVEERD"))
	}
	d.meta.SetText(strings.Join(meta, " · "))
	d.conflict.set(d.marks.interventieText(i, d.reach, d.targets))

	doelgroep := i.Doelgroep
	if leeftijd := leeftijdTekst(i); leeftijd != "" {
		doelgroep = strings.TrimSpace(doelgroep + "\n" + leeftijd)
	}
	status := strings.TrimSpace(i.StatusTekst + "\n" + lang.L("Categorie: {{.C}}. Start: {{.S}}. Beoogd einde: {{.E}}.",
		map[string]any{"C": string(i.StatusCategorie) + afgeleidMerk(i.Afgeleid, "status_categorie"),
			"S": afgeleidMoment(i.Afgeleid, "start", i.Start), "E": afgeleidMoment(i.Afgeleid, "einde", i.Einde)}))
	var objs []fyne.CanvasObject
	section := func(title, body string) {
		objs = append(objs, sectionTitle(title), wrapLabel(orNone(strings.TrimSpace(body))))
	}
	section(lang.L("Wat is het doel?"), i.Doel)
	section(lang.L("Wat is de doelgroep?"), doelgroep)
	section(lang.L("Korte omschrijving/werkwijze"), i.Werkwijze)
	section(lang.L("Status"), status)
	section(lang.L("Welke resultaten zijn er tot nu toe bereikt?"), i.Resultaten)
	section(lang.L("Doelgroep en kwantitatieve doelstelling"), d.targetText())
	section(lang.L("Bron"), d.bronText())
	if derived := d.derivedText(); derived != "" {
		section(lang.L("Afgeleid, niet letterlijk uit de bron"), derived)
	}
	d.text.Objects = objs
	d.text.Refresh()

	d.renderReach()
	relayoutScroll(d.scroll)
	if i.Gearchiveerd {
		d.archiveButton.SetText(lang.L("Terugzetten uit archief"))
	} else {
		d.archiveButton.SetText(lang.L("Archiveren"))
	}
}

// bronText is the intervention's source, with the section of each field
// quoted from elsewhere in the document.
func (d *interventieDetail) bronText() string {
	lines := []string{d.item.Bron.String()}
	for _, veld := range d.item.Veldbronnen.Velden() {
		lines = append(lines, lang.L("{{.Veld}}: {{.Sectie}}", map[string]any{"Veld": domain.VeldLabel(veld),
			"Sectie": d.item.Veldbronnen[veld]}))
	}
	return strings.Join(lines, "\n")
}

// derivedText gives the reasoning of every value on the page that the
// register derived rather than quoted: the intervention's fields, its
// targets and its reach.
func (d *interventieDetail) derivedText() string {
	lines := afgeleidRegels("", d.item.Afgeleid)
	for _, t := range d.targets {
		lines = append(lines, afgeleidRegels(lang.L("doelstelling {{.P}}", map[string]any{"P": t.Periode}), t.Afgeleid)...)
	}
	for _, b := range d.reach {
		lines = append(lines, afgeleidRegels(lang.L("bereik {{.P}} ({{.E}})", map[string]any{"P": b.Periode, "E": b.Eenheid}), b.Afgeleid)...)
	}
	return strings.Join(lines, "\n")
}

// leeftijdTekst writes the age range of the target group.
func leeftijdTekst(i domain.Interventie) string {
	switch {
	case i.LeeftijdVan != nil && i.LeeftijdTot != nil:
		return lang.L("Leeftijd: {{.Van}} tot {{.Tot}} jaar", map[string]any{"Van": *i.LeeftijdVan, "Tot": *i.LeeftijdTot})
	case i.LeeftijdVan != nil:
		return lang.L("Leeftijd: vanaf {{.Van}} jaar", map[string]any{"Van": *i.LeeftijdVan})
	case i.LeeftijdTot != nil:
		return lang.L("Leeftijd: tot {{.Tot}} jaar", map[string]any{"Tot": *i.LeeftijdTot})
	}
	return ""
}

// targetText lists the targets, each with its period, size and source.
func (d *interventieDetail) targetText() string {
	if len(d.targets) == 0 {
		return lang.L("Geen kwantitatieve doelstelling in de bronnen.")
	}
	var lines []string
	for _, t := range d.targets {
		line := t.Periode + ": " + store.Grootte(t.Soort, t.Waarde, t.WaardeTot, t.Eenheid)
		if t.Omschrijving != "" {
			line += " — " + t.Omschrijving
		}
		if len(t.InterventieIDs) > 1 {
			line += " " + lang.L("(gedeeld met {{.Andere}})", map[string]any{"Andere": dutchnum.Aantal(len(t.InterventieIDs)-1, lang.L("andere interventie"), lang.L("andere interventies"))})
		}
		if b := t.Bron.String(); b != "" {
			line += " [" + b + "]"
		}
		if len(t.Afgeleid) > 0 {
			line += " (" + lang.L("afgeleid") + ")"
		}
		lines = append(lines, "• "+line)
	}
	return strings.Join(lines, "\n")
}

// reachColumns are the weights of the columns of the reach table, wide
// enough at 1366x768 for a header word and a figure with its unit on one
// line; a longer text (a source, a target range) wraps, never cut off.
var reachColumns = columns{0.9, 1.9, 1.9, 1.15, 1.7, 2.5, 0.95}

// renderReach fills the reach table: one row per period with the target,
// the percentage realised, who recorded it, the source and what was
// derived.
func (d *interventieDetail) renderReach() {
	objs := []fyne.CanvasObject{tableLine(reachColumns, []string{lang.L("Periode"), lang.L("Bereik"), lang.L("Doelstelling"),
		lang.L("Gerealiseerd"), lang.L("Vastgelegd door, op"), lang.L("Bron"), lang.L("Afgeleid")}, true), widget.NewSeparator()}
	for _, b := range d.reach {
		target := store.DoelVoorPeriode(d.targets, b.Periode, b.Eenheid)
		doel, pct := "–", "–"
		if target != nil {
			doel = store.Grootte(target.Soort, target.Waarde, target.WaardeTot, target.Eenheid)
		}
		if p, ok := store.Realisatie(b.Waarde, b.Eenheid, target); ok {
			pct = dutchnum.Format(p, 0) + "%"
		}
		value := store.Grootte(b.Soort, b.Waarde, b.WaardeTot, b.Eenheid)
		if b.Status == domain.StatusVoorlopig {
			value += " " + lang.L("(voorlopig)")
		}
		conflict := d.marks.record("bereik", b.ID) != ""
		if conflict {
			value += " (" + lang.L("conflict") + ")"
		}
		line := tableLine(reachColumns, []string{b.Periode, value, doel, pct, b.Gebruiker + ", " + store.FormatDatumTijd(b.Vastgelegd),
			orNone(b.BronTekst), afgeleidVelden(b.Afgeleid)}, false)
		if conflict {
			line.(*fyne.Container).Objects[1].(*widget.Label).Importance = widget.WarningImportance
		}
		objs = append(objs, line)
	}
	if len(d.reach) == 0 {
		objs = append(objs, widget.NewLabel("–"))
	}
	d.reachGrid.Objects = objs
	d.reachGrid.Refresh()
}

// onBereik opens the reach form for this intervention.
func (d *interventieDetail) onBereik() {
	if b, ok := d.m.navigate(pageBereik).(*bereikScreen); ok {
		b.form.choose(d.item.Naam)
	}
}

// onEdit opens the form with this intervention.
func (d *interventieDetail) onEdit() {
	item := d.item
	showInterventieForm(d.m, &item, func(domain.Interventie) { d.Refresh() })
}

// onAddTarget opens the form with this intervention at the fields of a new
// target, with the checks of Bewerken.
func (d *interventieDetail) onAddTarget() {
	item := d.item
	showInterventieForm(d.m, &item, func(domain.Interventie) { d.Refresh() }).showTargetFields()
}

// onArchive retires the intervention, or brings it back.
func (d *interventieDetail) onArchive() {
	id, archive := d.item.ID, !d.item.Gearchiveerd
	d.m.load(func() error { return d.m.store.ArchiveInterventie(id, archive) }, func() {
		if archive {
			d.m.setStatus(lang.L("Gearchiveerd: {{.Naam}}", map[string]any{"Naam": d.item.Naam}))
		} else {
			d.m.setStatus(lang.L("Teruggezet uit archief: {{.Naam}}", map[string]any{"Naam": d.item.Naam}))
		}
		d.Refresh()
	})
}

// onDelete removes the intervention after confirmation.
func (d *interventieDetail) onDelete() {
	item := d.item
	msg := widget.NewLabel(deleteQuestion(item.Naam, len(d.reach)))
	msg.Wrapping = fyne.TextWrapWord
	confirm := dialog.NewCustomConfirm(lang.L("Interventie verwijderen?"), lang.L("Verwijderen"), lang.L("Annuleren"), msg,
		func(ok bool) {
			if !ok {
				return
			}
			d.m.load(func() error { return d.m.store.DeleteInterventie(item.ID) }, func() {
				d.m.setStatus(lang.L("Verwijderd: {{.Naam}}", map[string]any{"Naam": item.Naam}))
				d.onBack()
			})
		}, d.m.win)
	confirm.Resize(fyne.NewSize(520, 240))
	confirm.Show()
}

// deleteQuestion says what removing intervention naam with its reach
// figures takes with it: the figures, the measures they are counted in
// (Wijzigingen lists those too) and the links to targets; with no figures
// it says so, not "met 0 bereikcijfers".
func deleteQuestion(naam string, figures int) string {
	what := lang.L("{{.Naam}} wordt verwijderd met haar maten en de koppelingen aan doelstellingen; bereikcijfers heeft ze niet.",
		map[string]any{"Naam": naam})
	if figures > 0 {
		what = lang.L("{{.Naam}} wordt verwijderd met {{.Bereik}}, haar maten en de koppelingen aan doelstellingen.",
			map[string]any{"Naam": naam, "Bereik": dutchnum.Aantal(figures, lang.L("bereikcijfer"), lang.L("bereikcijfers"))})
	}
	return what + " " + lang.L("Dit blijft zichtbaar in Wijzigingen. Archiveren bewaart alles en haalt de interventie alleen uit de lijsten.")
}
