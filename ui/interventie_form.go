package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// interventieForm adds or edits an intervention; the store validates and its
// messages appear at the fields.
type interventieForm struct {
	m        *Main
	original *domain.Interventie
	onSaved  func(domain.Interventie)

	fields                     *fieldSet
	naam, uitvoerder, code     *entry
	doel, doelgroep, werkwijze *entry
	statusTekst, resultaten    *entry
	leeftijdVan, leeftijdTot   *entry
	startJaar, startMaand      *entry
	eindeJaar, eindeMaand      *entry
	bronDocument, bronSectie   *entry
	cluster, statusCategorie   *widget.Select
	structureel                *widget.Check
	ambities                   *widget.CheckGroup
	dialog                     *dialog.CustomDialog
	// targets edits the intervention's targets (nil for a new intervention)
	targets *doelstellingenPanel
	// body scrolls the form.
	body *container.Scroll
	// opened is what the form held when it was opened (see values)
	opened                   string
	saveButton, cancelButton *widget.Button
}

// showInterventieForm opens the form for a new intervention (original nil) or
// for editing one; onSaved gets the stored intervention.
func showInterventieForm(m *Main, original *domain.Interventie, onSaved func(domain.Interventie)) *interventieForm {
	f := &interventieForm{m: m, original: original, onSaved: onSaved}
	f.buildUI()
	f.dialog.Show()
	m.win.Canvas().Focus(f.naam)
	return f
}

func (f *interventieForm) buildUI() {
	f.fields = newFieldSet()
	e := func(placeholder string) *entry {
		x := newEntry(placeholder)
		x.onEscape = f.Cancel
		x.OnSubmitted = func(string) { f.onSave() }
		return x
	}
	ml := func() *entry {
		x := newMultiLineEntry("")
		x.onEscape = f.Cancel
		return x
	}
	f.naam, f.uitvoerder, f.code = e(""), e(lang.L("bijvoorbeeld GGD, Sociaal wijkteam")), e(lang.L("bijvoorbeeld 2.1.3"))
	f.doel, f.doelgroep, f.werkwijze, f.statusTekst, f.resultaten = ml(), ml(), ml(), ml(), ml()
	f.leeftijdVan, f.leeftijdTot = e(lang.L("jaar")), e(lang.L("jaar"))
	f.startJaar, f.startMaand = e(lang.L("jaar")), e(lang.L("maand (1-12)"))
	f.eindeJaar, f.eindeMaand = e(lang.L("jaar")), e(lang.L("maand (1-12)"))
	f.bronDocument, f.bronSectie = e(lang.L("document")), e(lang.L("sectie"))
	f.cluster = widget.NewSelect(clusterNames(), nil)
	f.statusCategorie = widget.NewSelect(statusNames(), nil)
	f.structureel = widget.NewCheck(lang.L("structureel (geen einde)"), nil)
	f.ambities = widget.NewCheckGroup(domain.Ambities, nil)
	f.ambities.Horizontal = true

	pair := func(a, b fyne.CanvasObject, extra ...fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2+len(extra), append([]fyne.CanvasObject{a, b}, extra...)...)
	}
	fs := f.fields
	fs.add("naam", lang.L("Naam"), f.naam)
	fs.add("uitvoerder", lang.L("Uitvoerder"), f.uitvoerder)
	fs.add("cluster", lang.L("Cluster"), f.cluster)
	fs.add("code", lang.L("Code"), f.code)
	fs.add("doel", lang.L("Wat is het doel?"), f.doel)
	fs.add("doelgroep", lang.L("Wat is de doelgroep?"), f.doelgroep)
	fs.add("leeftijd van", lang.L("Leeftijd van"), f.leeftijdVan)
	fs.add("leeftijd tot", lang.L("Leeftijd tot"), f.leeftijdTot)
	fs.add("werkwijze", lang.L("Korte omschrijving/werkwijze"), f.werkwijze)
	fs.add("statuscategorie", lang.L("Status"), f.statusCategorie)
	fs.add("statustekst", lang.L("Toelichting status"), f.statusTekst)
	fs.add("start", lang.L("Start"), pair(f.startJaar, f.startMaand))
	fs.add("beoogd einde", lang.L("Beoogd einde"), pair(f.eindeJaar, f.eindeMaand, f.structureel))
	fs.add("resultaten", lang.L("Resultaten tot nu toe"), f.resultaten)
	fs.add("ambities", lang.L("Ambities"), f.ambities)
	fs.add("bron", lang.L("Bron"), pair(f.bronDocument, f.bronSectie))

	f.fill()
	title := lang.L("Nieuwe interventie")
	if f.original != nil {
		title = lang.L("Interventie bewerken")
	}
	f.saveButton = widget.NewButton(lang.L("Opslaan (Enter)"), f.onSave)
	f.saveButton.Importance = widget.HighImportance
	f.cancelButton = widget.NewButton(lang.L("Annuleren (Esc)"), f.Cancel)
	content := fs.form()
	if f.original != nil {
		f.targets = newDoelstellingenPanel(f.m, *f.original)
		content = container.NewVBox(content, f.targets.content)
	}
	f.opened = f.values()
	body := container.NewVScroll(content)
	f.body = body
	body.SetMinSize(fyne.NewSize(880, 520))
	f.fields.outer = body
	follow := []*entry{f.naam, f.uitvoerder, f.code, f.doel, f.doelgroep, f.werkwijze, f.statusTekst, f.resultaten,
		f.leeftijdVan, f.leeftijdTot, f.startJaar, f.startMaand, f.eindeJaar, f.eindeMaand, f.bronDocument, f.bronSectie}
	if f.targets != nil {
		f.targets.fields.outer = body
		follow = append(follow, f.targets.periode, f.targets.waarde, f.targets.eenheid, f.targets.bron)
	}
	for _, x := range follow {
		x.onFocusGained = func() { scrollIntoView(body, x) }
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, body, f.m.win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancelButton, f.saveButton})
}

// showTargetFields puts the cursor in the period of a new target and
// scrolls the form down to it (Doelstelling toevoegen… on the detail page),
// again once the existing targets are read and shown above it.
func (f *interventieForm) showTargetFields() {
	if f.targets == nil {
		return
	}
	show := func() {
		f.body.Refresh() // lays out the targets just shown, or their place is not known yet
		f.m.win.Canvas().Focus(f.targets.periode)
		scrollIntoView(f.body, f.targets.periode)
	}
	f.targets.onLoaded = show
	show()
}

// fill puts the original's values in the fields, or the defaults for a new one.
func (f *interventieForm) fill() {
	i := domain.Interventie{Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusLopend}
	if f.original != nil {
		i = *f.original
	}
	f.naam.SetText(i.Naam)
	f.uitvoerder.SetText(i.Uitvoerder)
	f.code.SetText(i.Code)
	f.doel.SetText(i.Doel)
	f.doelgroep.SetText(i.Doelgroep)
	f.werkwijze.SetText(i.Werkwijze)
	f.statusTekst.SetText(i.StatusTekst)
	f.resultaten.SetText(i.Resultaten)
	f.leeftijdVan.SetText(intText(i.LeeftijdVan))
	f.leeftijdTot.SetText(intText(i.LeeftijdTot))
	f.startJaar.SetText(intText(i.Start.Jaar))
	f.startMaand.SetText(intText(i.Start.Maand))
	f.eindeJaar.SetText(intText(i.Einde.Jaar))
	f.eindeMaand.SetText(intText(i.Einde.Maand))
	f.structureel.SetChecked(i.Einde.Structureel)
	f.cluster.SetSelected(string(i.Cluster))
	f.statusCategorie.SetSelected(string(i.StatusCategorie))
	f.ambities.SetSelected(slices.Clone(i.Ambities))
	f.bronDocument.SetText(i.Bron.Document)
	f.bronSectie.SetText(i.Bron.Sectie)
}

// intText writes an optional number for an entry.
func intText(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// record reads the fields into an intervention; numbers the store cannot
// read come back as field problems.
func (f *interventieForm) record() (domain.Interventie, error) {
	i := domain.Interventie{}
	if f.original != nil {
		i = *f.original
	}
	i.Naam, i.Uitvoerder, i.Code = f.naam.Text, f.uitvoerder.Text, f.code.Text
	i.Doel, i.Doelgroep, i.Werkwijze = f.doel.Text, f.doelgroep.Text, f.werkwijze.Text
	i.StatusTekst, i.Resultaten = f.statusTekst.Text, f.resultaten.Text
	i.Cluster = domain.Cluster(f.cluster.Selected)
	i.StatusCategorie = domain.StatusCategorie(f.statusCategorie.Selected)
	i.Ambities = slices.Clone(f.ambities.Selected)
	i.Bron = domain.Bron{Document: f.bronDocument.Text, Sectie: f.bronSectie.Text}
	var errs []error
	number := func(veld string, e *entry) *int {
		v, err := store.ParseGeheel(veld, e.Text)
		errs = append(errs, err)
		return v
	}
	i.LeeftijdVan = number("leeftijd van", f.leeftijdVan)
	i.LeeftijdTot = number("leeftijd tot", f.leeftijdTot)
	start := domain.Moment{Jaar: number("start", f.startJaar), Maand: number("start", f.startMaand)}
	einde := domain.Moment{Jaar: number("beoogd einde", f.eindeJaar), Maand: number("beoogd einde", f.eindeMaand),
		Structureel: f.structureel.Checked}
	i.Start = withText(i.Start, start)
	i.Einde = withText(i.Einde, einde)
	var problems []domain.FieldError
	for _, err := range errs {
		problems = append(problems, domain.FieldProblems(err)...)
	}
	if len(problems) > 0 {
		return i, &domain.ValidationError{Problemen: problems}
	}
	return i, nil
}

// withText keeps the documents' own words for a moment that did not change,
// and writes new words for one that did.
func withText(old, m domain.Moment) domain.Moment {
	if intText(old.Jaar) == intText(m.Jaar) && intText(old.Maand) == intText(m.Maand) && old.Structureel == m.Structureel {
		m.Tekst = old.Tekst
		return m
	}
	m.Tekst = momentTekst(m)
	return m
}

// maanden are the Dutch month names.
var maanden = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december"}

// momentTekst writes a moment: "maart 2024", "2023", "structureel".
func momentTekst(m domain.Moment) string {
	switch {
	case m.Structureel:
		return lang.L("structureel")
	case m.Jaar == nil:
		return ""
	case m.Maand != nil && *m.Maand >= 1 && *m.Maand <= 12:
		return maanden[*m.Maand-1] + " " + strconv.Itoa(*m.Jaar)
	}
	return strconv.Itoa(*m.Jaar)
}

// onSave stores the intervention, or shows the store's messages at the fields.
func (f *interventieForm) onSave() {
	i, err := f.record()
	if err != nil {
		f.fields.show(err)
		return
	}
	var changes []store.DoelstellingWijziging
	if f.targets != nil {
		if f.targets.typed() {
			f.targets.fields.show(errors.New(lang.L("Deze doelstelling is nog niet toegevoegd: kies Doelstelling toevoegen, of maak de velden leeg.")))
			return
		}
		changes = f.targets.changes()
	}
	f.saveButton.Disable()
	f.m.background(func() error {
		if f.original == nil {
			return f.m.store.CreateInterventie(&i)
		}
		return f.m.store.UpdateInterventieMetDoelstellingen(&i, changes)
	}, func(err error) {
		f.saveButton.Enable()
		if err != nil {
			if domain.FieldProblems(err) == nil && !errors.Is(err, store.ErrDuplicate) {
				fyne.LogError("interventie opslaan", err)
			}
			f.fields.show(err)
			if f.targets != nil && f.fields.general.Visible() {
				f.targets.fields.show(err) // a target's problem, shown at the targets too
			}
			return
		}
		f.dialog.Hide()
		f.m.setStatus(lang.L("Opgeslagen: {{.Naam}}", map[string]any{"Naam": i.Naam}))
		if f.onSaved != nil {
			f.onSaved(i)
		}
	})
}

// Cancel closes the form without saving (Escape, Annuleren); with edits,
// also to the targets, it asks first. Nothing of the form is stored.
func (f *interventieForm) Cancel() {
	if f.values() == f.opened {
		f.dialog.Hide()
		return
	}
	askDiscard(f.m.win, lang.L("Wijzigingen weggooien?"),
		lang.L("U heeft deze interventie gewijzigd zonder op te slaan. Wilt u de wijzigingen weggooien?"), f.dialog.Hide)
}

// values is everything the form holds, to tell edits from what it was
// opened with.
func (f *interventieForm) values() string {
	var b strings.Builder
	for _, e := range []*entry{f.naam, f.uitvoerder, f.code, f.doel, f.doelgroep, f.werkwijze, f.statusTekst,
		f.resultaten, f.leeftijdVan, f.leeftijdTot, f.startJaar, f.startMaand, f.eindeJaar, f.eindeMaand,
		f.bronDocument, f.bronSectie} {
		b.WriteString(e.Text)
		b.WriteByte(0)
	}
	fmt.Fprintf(&b, "%s\x00%s\x00%v\x00%q", f.cluster.Selected, f.statusCategorie.Selected, f.structureel.Checked, f.ambities.Selected)
	if f.targets != nil {
		fmt.Fprintf(&b, "\x00%d\x00%v", len(f.targets.staged), f.targets.typed())
	}
	return b.String()
}
