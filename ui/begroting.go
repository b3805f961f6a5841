package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// begrotingDoel is a budget goal with what the screen shows of it.
type begrotingDoel struct {
	doel     domain.Begrotingsdoel
	criteria []domain.Criterium
	regels   []domain.Begrotingsregel
	// realised is the latest measurement per criterion's indicator.
	realised map[uint]domain.Meting
}

// begrotingScreen shows the budget goals with their criteria (target against
// realised) and their budget lines.
type begrotingScreen struct {
	m *Main

	doelen []begrotingDoel
	// chosen is the goal shown; its criteria and lines have buttons to
	// correct and remove them, and addLine and addCriterium add one.
	chosen       int
	criteria     []rowButtons
	metingen     []rowButtons
	lines        []rowButtons
	addLine      *widget.Button
	addCriterium *widget.Button
	// editGoal corrects the chosen goal's name and description.
	editGoal *widget.Button
	form     *recordForm
	list     *widget.List
	detail   *fyne.Container
	scroll   *container.Scroll
	root     fyne.CanvasObject
}

func newBegrotingScreen(m *Main) *begrotingScreen {
	s := &begrotingScreen{m: m}
	s.buildUI()
	return s
}

func (s *begrotingScreen) buildUI() {
	s.list = widget.NewList(
		func() int { return len(s.doelen) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := s.doelen[id].doel
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s (%d)", d.Code, d.Naam, d.Begrotingsjaar))
		})
	s.list.OnSelected = func(id widget.ListItemID) { s.onChoose(id) }
	s.addLine = widget.NewButtonWithIcon(lang.L("Begrotingsregel toevoegen"), theme.DocumentCreateIcon(), func() {
		d := s.doelen[s.chosen].doel
		editBegrotingsregel(s.m, d, domain.Begrotingsregel{BegrotingsdoelID: d.ID}, func(f *recordForm) { s.form = f }, s.Refresh)
	})
	s.addCriterium = widget.NewButtonWithIcon(lang.L("Criterium toevoegen"), theme.DocumentCreateIcon(), func() {
		s.onCriterium(domain.Criterium{BegrotingsdoelID: s.doelen[s.chosen].doel.ID})
	})
	s.detail = container.NewVBox(widget.NewLabel(lang.L("Kies links een begrotingsdoel.")))
	s.scroll = container.NewVScroll(s.detail)
	split := container.NewHSplit(s.list, s.scroll)
	split.Offset = 0.28
	s.root = split
}

// Content is the screen's canvas object.
func (s *begrotingScreen) Content() fyne.CanvasObject { return s.root }

// Refresh reads the goals with their criteria, lines and realisations.
func (s *begrotingScreen) Refresh() {
	var doelen []begrotingDoel
	s.m.load(func() error {
		var err error
		doelen, err = readBegroting(s.m.store)
		return err
	}, func() {
		s.doelen = doelen
		s.list.Refresh()
		if len(doelen) > 0 {
			keep := min(s.chosen, len(doelen)-1)
			s.list.Select(keep)
			s.onChoose(keep) // also when it was selected already
		}
	})
}

// readBegroting reads every budget goal with its criteria, lines and the
// latest measurement of each criterion's indicator.
func readBegroting(st *store.Store) ([]begrotingDoel, error) {
	goals, err := st.Begrotingsdoelen()
	if err != nil {
		return nil, err
	}
	out := make([]begrotingDoel, len(goals))
	for k, g := range goals {
		d := begrotingDoel{doel: g, realised: map[uint]domain.Meting{}}
		if d.criteria, err = st.Criteria(g.ID); err != nil {
			return nil, err
		}
		if d.regels, err = st.Begrotingsregels(g.ID); err != nil {
			return nil, err
		}
		for _, c := range d.criteria {
			if c.IndicatorID == nil {
				continue
			}
			ms, err := st.Metingen(*c.IndicatorID)
			if err != nil {
				return nil, err
			}
			if len(ms) > 0 {
				d.realised[c.ID] = ms[len(ms)-1]
			}
		}
		out[k] = d
	}
	return out, nil
}

// onChoose shows one goal.
func (s *begrotingScreen) onChoose(id int) {
	if id < 0 || id >= len(s.doelen) {
		return
	}
	d := s.doelen[id]
	title := widget.NewLabelWithStyle(d.doel.Code+" "+d.doel.Naam, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabel(strings.TrimSpace(d.doel.Beschrijving + "\n" + lang.L("Bron: {{.B}}", map[string]any{"B": d.doel.Bron.String()})))
	text.Wrapping = fyne.TextWrapWord

	s.chosen = id
	var criteria [][]string
	s.criteria, s.metingen, s.lines = nil, nil, nil
	for _, c := range d.criteria {
		s.criteria = append(s.criteria, newRowButtons(func() { s.onCriterium(c) }, func() {
			confirmRemove(s.m, lang.L("Criterium {{.O}}", map[string]any{"O": c.Omschrijving}),
				func() error { return s.m.store.DeleteCriterium(c.ID) }, s.Refresh)
		}))
		target := "–"
		if c.Streefwaarde != nil {
			target = dutchnum.FormatAuto(*c.Streefwaarde) + "%"
		}
		years := strings.Trim(fmt.Sprintf("%s ⟶ %s", yearText(c.Referentiejaar), yearText(c.Doeljaar)), " ⟶")
		realised := lang.L("geen gegevens")
		if m, ok := d.realised[c.ID]; ok {
			realised = fmt.Sprintf("%s%% (%s, %s)", dutchnum.FormatAuto(m.Waarde), m.Periode, m.Status)
		}
		criteria = append(criteria, []string{c.Omschrijving, target, orNone(years), realised})
	}
	var lines [][]string
	for _, r := range d.regels {
		toelichting := r.Omschrijving
		if derived := afgeleidRegels("", r.Afgeleid); len(derived) > 0 {
			toelichting = strings.TrimSpace(toelichting + "\n" + lang.L("Afgeleid:") + "\n" + strings.Join(derived, "\n"))
		}
		lines = append(lines, []string{fmt.Sprint(r.Jaar) + afgeleidMerk(r.Afgeleid, "jaar"), string(r.Soort),
			dutchnum.FormatEuro(r.BedragCent) + afgeleidMerk(r.Afgeleid, "bedrag_cent"), toelichting, r.Bron.String()})
		s.lines = append(s.lines, budgetLineButtons(s.m, d.doel, r, func(f *recordForm) { s.form = f }, s.Refresh))
	}
	goal := d.doel
	s.editGoal = editTextButton(func() {
		editTekst(s.m, tekstForm{title: lang.L("Begrotingsdoel aanpassen: {{.C}}", map[string]any{"C": goal.Code}),
			naamKey: "naam", naamLabel: lang.L("Naam"), tekstLabel: lang.L("Beschrijving"), naam: goal.Naam, tekst: goal.Beschrijving,
			bron: goal.Bron}, func(in store.TekstInvoer) error {
			_, err := s.m.store.SaveBegrotingsdoelTekst(goal.ID, in)
			return err
		}, func(f *recordForm) { s.form = f }, s.Refresh)
	})
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewVBox(s.editGoal), title), text,
		container.NewBorder(nil, nil, nil, s.addCriterium, sectionTitle(lang.L("Criteria: streefwaarde en gerealiseerd")))}
	if len(criteria) > 0 {
		objs = append(objs, editableTable(columns{3.5, 1.8, 1.6, 2}, []string{lang.L("Criterium"), lang.L("Streefwaarde"),
			lang.L("Referentie ⟶ doel"), lang.L("Gerealiseerd")}, criteria, s.criteria))
	} else {
		objs = append(objs, widget.NewLabel(lang.L("Geen criteria in de bronnen.")))
	}
	if measured := s.metingRows(d); len(measured) > 0 {
		objs = append(objs, sectionTitle(lang.L("Metingen van de criteria")),
			editableTable(columns{5, 1, 1, 3}, []string{lang.L("Criterium"), lang.L("Periode"), lang.L("Waarde"), lang.L("Bron")},
				measured, s.metingen))
	}
	objs = append(objs, container.NewBorder(nil, nil, nil, s.addLine, sectionTitle(lang.L("Begrotingsregels"))))
	if len(lines) > 0 {
		objs = append(objs, editableTable(columns{1, 1.5, 1.6, 4, 2.4}, []string{lang.L("Jaar"), lang.L("Soort"),
			lang.L("Bedrag"), lang.L("Toelichting"), lang.L("Bron")}, lines, s.lines))
	} else {
		objs = append(objs, widget.NewLabel(lang.L("Geen begrotingsregels in de bronnen.")))
	}
	if len(d.doel.Activiteiten) > 0 {
		act := widget.NewLabel("• " + strings.Join(d.doel.Activiteiten, "\n• "))
		act.Wrapping = fyne.TextWrapWord
		objs = append(objs, sectionTitle(lang.L("Activiteiten")), act)
	}
	setScrolled(s.scroll, s.detail, objs)
}

// sectionTitle is the bold heading of a part of a page.
func sectionTitle(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// yearText writes an optional year.
func yearText(y *int) string {
	if y == nil {
		return ""
	}
	return fmt.Sprint(*y)
}

// onCriterium opens the form for a criterion: a new one when c has no
// number. Its indicator, which measures its realisation, can be chosen
// again (or none).
func (s *begrotingScreen) onCriterium(c domain.Criterium) {
	var indicators []domain.Indicator
	s.m.load(func() (err error) {
		indicators, err = s.m.store.Indicatoren("")
		return err
	}, func() { s.criteriumForm(c, indicators) })
}

// criteriumForm is the form of onCriterium, offering indicators.
func (s *begrotingScreen) criteriumForm(c domain.Criterium, indicators []domain.Indicator) {
	f := newRecordForm(s.m)
	target := ""
	if c.Streefwaarde != nil {
		target = dutchnum.FormatAuto(*c.Streefwaarde)
	}
	none := lang.L("(geen indicator)")
	options, chosen := []string{none}, none
	for _, ind := range indicators {
		name := ind.Code + " · " + ind.Naam
		options = append(options, name)
		if c.IndicatorID != nil && *c.IndicatorID == ind.ID {
			chosen = name
		}
	}
	f.paragraph("omschrijving", lang.L("Omschrijving"), c.Omschrijving, "")
	f.figure("streefwaarde", lang.L("Streefwaarde (%)"), target, lang.L("mag leeg"))
	f.choice("soort", lang.L("Soort"), append([]string{""}, soortNames()...), string(c.Soort))
	f.entry("referentiejaar", lang.L("Referentiejaar"), yearText(c.Referentiejaar), "")
	f.entry("doeljaar", lang.L("Doeljaar"), yearText(c.Doeljaar), "")
	indicator := f.choice("indicator", lang.L("Gemeten met"), options, chosen)
	f.source(c.Bron.Document, c.Bron.Sectie)
	title := lang.L("Criterium toevoegen")
	if c.ID != 0 {
		title = lang.L("Criterium aanpassen")
	}
	s.form = f
	f.show(title, lang.L("Opslaan"), func() error {
		var id *uint
		if k := indicator.SelectedIndex(); k > 0 {
			id = &indicators[k-1].ID
		}
		_, err := s.m.store.SaveCriterium(c.ID, store.CriteriumInvoer{BegrotingsdoelID: c.BegrotingsdoelID, IndicatorID: id,
			Omschrijving: f.text("omschrijving"), Streefwaarde: f.text("streefwaarde"), Soort: f.text("soort"),
			Referentiejaar: f.text("referentiejaar"), Doeljaar: f.text("doeljaar"), BronDocument: f.text("bron"), BronSectie: f.text("bronvermelding")})
		return err
	}, s.Refresh)
}

// metingRows lists the measurement shown for each criterion with an
// indicator (the latest), and makes the buttons that correct or remove it.
func (s *begrotingScreen) metingRows(d begrotingDoel) [][]string {
	var rows [][]string
	for _, c := range d.criteria {
		m, ok := d.realised[c.ID]
		if !ok {
			continue
		}
		rows = append(rows, []string{c.Omschrijving, m.Periode, dutchnum.FormatAuto(m.Waarde), m.Bron.String()})
		s.metingen = append(s.metingen, metingButtons(s.m, *c.IndicatorID, m, func(f *recordForm) { s.form = f }, s.Refresh))
	}
	return rows
}

// budgetLineButtons are the correct and remove buttons of a budget line of
// goal; setForm learns the form opened, done runs after a change.
func budgetLineButtons(m *Main, goal domain.Begrotingsdoel, r domain.Begrotingsregel, setForm func(*recordForm), done func()) rowButtons {
	return newRowButtons(func() { editBegrotingsregel(m, goal, r, setForm, done) }, func() {
		what := lang.L("Begrotingsregel {{.J}} {{.S}}", map[string]any{"J": r.Jaar, "S": r.Soort})
		confirmRemove(m, what, func() error { return m.store.DeleteBegrotingsregel(r.ID) }, done)
	})
}

// editBegrotingsregel opens the form for a budget line of goal: a new one
// when r has no number.
func editBegrotingsregel(m *Main, goal domain.Begrotingsdoel, r domain.Begrotingsregel, setForm func(*recordForm), done func()) {
	f := newRecordForm(m)
	jaar, bedrag := "", ""
	if r.ID != 0 {
		jaar, bedrag = fmt.Sprint(r.Jaar), dutchnum.FormatEuro(r.BedragCent)
	}
	var kinds []string
	for _, k := range domain.RegelSoorten {
		kinds = append(kinds, string(k))
	}
	f.entry("jaar", lang.L("Jaar"), jaar, "2024")
	f.choice("soort", lang.L("Soort"), kinds, string(r.Soort))
	f.figure("bedrag", lang.L("Bedrag"), bedrag, lang.L("€ 2.763.946"))
	f.paragraph("omschrijving", lang.L("Toelichting"), r.Omschrijving, "")
	f.source(r.Bron.Document, r.Bron.Sectie)
	title := lang.L("Begrotingsregel toevoegen: {{.D}}", map[string]any{"D": goal.Code + " " + goal.Naam})
	if r.ID != 0 {
		title = lang.L("Begrotingsregel aanpassen: {{.D}}", map[string]any{"D": goal.Code + " " + goal.Naam})
	}
	setForm(f)
	f.show(title, lang.L("Opslaan"), func() error {
		_, err := m.store.SaveBegrotingsregel(r.ID, store.BegrotingsregelInvoer{BegrotingsdoelID: goal.ID, Jaar: f.text("jaar"),
			Soort: f.text("soort"), Bedrag: f.text("bedrag"), Omschrijving: f.text("omschrijving"),
			BronDocument: f.text("bron"), BronSectie: f.text("bronvermelding")})
		return err
	}, done)
}

// soortNames are the kinds of target a criterion can have.
func soortNames() []string {
	var out []string
	for _, k := range domain.Soorten {
		out = append(out, string(k))
	}
	return out
}
