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

// preventieData is what the Preventie met Gezag page shows.
type preventieData struct {
	indicators []domain.Indicator
	latest     map[uint]domain.Meting
	goal       domain.Begrotingsdoel
	budget     []domain.Begrotingsregel
	tracks     []domain.Beleidstekst
	results    []domain.Beleidstekst
	items      []domain.Interventie
}

// preventieScreen shows Preventie met Gezag: the four police indicators for
// Zwolle against the Netherlands, the budget per year, and the three tracks
// with their interventions and desired results.
type preventieScreen struct {
	m    *Main
	data preventieData
	// indicators are the buttons of each police figure (correct or remove
	// the latest measurement), measure the buttons that add one; budget the
	// buttons of each budget line and addBudget adds one.
	indicators []rowButtons
	measure    []*widget.Button
	budget     []rowButtons
	addBudget  *widget.Button
	form       *recordForm
	body       *fyne.Container
	content    *container.Scroll
}

func newPreventieScreen(m *Main) *preventieScreen {
	s := &preventieScreen{m: m}
	s.buildUI()
	return s
}

func (s *preventieScreen) buildUI() {
	s.addBudget = widget.NewButtonWithIcon(lang.L("Budgetregel toevoegen"), theme.DocumentCreateIcon(), func() {
		g := s.data.goal
		editBegrotingsregel(s.m, g, domain.Begrotingsregel{BegrotingsdoelID: g.ID, Soort: domain.RegelMaximaalBudget},
			func(f *recordForm) { s.form = f }, s.Refresh)
	})
	s.body = container.NewVBox()
	s.content = container.NewVScroll(s.body)
}

// Content is the screen's canvas object.
func (s *preventieScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the indicators, budget, tracks and interventions.
func (s *preventieScreen) Refresh() {
	var d preventieData
	s.m.load(func() (err error) {
		d, err = s.read()
		return err
	}, func() {
		s.data = d
		s.render()
	})
}

// read gathers the page's data from the store.
func (s *preventieScreen) read() (d preventieData, err error) {
	st := s.m.store
	d.latest = map[uint]domain.Meting{}
	if d.indicators, err = st.Indicatoren(domain.GroepPreventieGezag); err != nil {
		return d, err
	}
	for _, ind := range d.indicators {
		ms, err := st.Metingen(ind.ID)
		if err != nil {
			return d, err
		}
		if len(ms) > 0 {
			d.latest[ind.ID] = ms[len(ms)-1]
		}
	}
	goals, err := st.Begrotingsdoelen()
	if err != nil {
		return d, err
	}
	for _, g := range goals {
		if g.Code == "PmG" {
			d.goal = g
			if d.budget, err = st.Begrotingsregels(g.ID); err != nil {
				return d, err
			}
		}
	}
	if d.tracks, err = st.Beleidsteksten(domain.TekstSpoor); err != nil {
		return d, err
	}
	if d.results, err = st.Beleidsteksten(domain.TekstBeoogdResultaat); err != nil {
		return d, err
	}
	all, err := st.Interventies(false)
	for _, i := range all {
		if i.Cluster == domain.ClusterPreventieGezag {
			d.items = append(d.items, i)
		}
	}
	return d, err
}

// render writes the data into the page.
func (s *preventieScreen) render() {
	d := s.data
	var rows [][]string
	s.indicators, s.measure, s.budget = nil, nil, nil
	for _, ind := range d.indicators {
		add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
			editMeting(s.m, ind, domain.Meting{IndicatorID: ind.ID}, func(f *recordForm) { s.form = f }, s.Refresh)
		})
		add.Importance = widget.LowImportance
		s.measure = append(s.measure, add)
		m, ok := d.latest[ind.ID]
		if !ok {
			rows = append(rows, []string{ind.Naam, lang.L("geen gegevens"), "", "", ""})
			s.indicators = append(s.indicators, rowButtons{add: add})
			continue
		}
		b := metingButtons(s.m, ind.ID, m, func(f *recordForm) { s.form = f }, s.Refresh)
		b.add = add
		s.indicators = append(s.indicators, b)
		nl, diff := "–", "–"
		if m.Vergelijkingswaarde != nil {
			nl = dutchnum.FormatAuto(*m.Vergelijkingswaarde)
			if *m.Vergelijkingswaarde != 0 {
				diff = fmt.Sprintf("%+.0f%%", (m.Waarde / *m.Vergelijkingswaarde * 100)-100)
				diff = strings.Replace(diff, ".", ",", 1)
			}
		}
		rows = append(rows, []string{ind.Naam, dutchnum.FormatAuto(m.Waarde), nl, diff, m.Periode})
	}
	objs := []fyne.CanvasObject{sectionTitle(lang.L("Preventie met Gezag")),
		sectionTitle(lang.L("Politiecijfers per 10.000 inwoners: Zwolle en Nederland")),
		editableTable(columns{5, 1, 1, 1.2, 0.8}, []string{lang.L("Indicator"), lang.L("Zwolle"), lang.L("Nederland"),
			lang.L("Zwolle t.o.v. NL"), lang.L("Jaar")}, rows, s.indicators)}
	if len(d.indicators) > 0 {
		objs = append(objs, lowLabel(lang.L("Bron: {{.B}}. Met + voert u een nieuwe meting in; het potlood past de getoonde aan.",
			map[string]any{"B": d.indicators[0].Bron.String()})))
	}
	var budget [][]string
	for _, r := range d.budget {
		budget = append(budget, []string{fmt.Sprint(r.Jaar), dutchnum.FormatEuro(r.BedragCent), r.Omschrijving, r.Bron.String()})
		s.budget = append(s.budget, budgetLineButtons(s.m, d.goal, r, func(f *recordForm) { s.form = f }, s.Refresh))
	}
	title := sectionTitle(lang.L("Budget per jaar"))
	if d.goal.ID != 0 {
		title = container.NewBorder(nil, nil, nil, s.addBudget, title)
	}
	objs = append(objs, title,
		editableTable(columns{0.6, 1.2, 5, 2}, []string{lang.L("Jaar"), lang.L("Maximaal"), lang.L("Toelichting"), lang.L("Bron")}, budget, s.budget))

	tracks := widget.NewAccordion()
	for k, t := range d.tracks {
		tracks.Append(widget.NewAccordionItem(t.Titel, s.trackDetail(k+1, t)))
	}
	if len(d.tracks) > 0 {
		tracks.Open(0)
	}
	objs = append(objs, sectionTitle(lang.L("De drie sporen")), tracks)
	setScrolled(s.content, s.body, objs)
}

// trackDetail shows a track's text, its interventions (by code n.x.y) and its
// desired results.
func (s *preventieScreen) trackDetail(n int, t domain.Beleidstekst) fyne.CanvasObject {
	prefix := fmt.Sprintf("%d.", n)
	var items []string
	for _, i := range s.data.items {
		if strings.HasPrefix(i.Code, prefix) {
			items = append(items, fmt.Sprintf("%s %s — %s", i.Code, i.Naam, orNone(i.Uitvoerder)))
		}
	}
	var result *domain.Beleidstekst
	for k, r := range s.data.results {
		if strings.HasSuffix(strings.ToLower(r.Titel), fmt.Sprintf("spoor %d", n)) {
			result = &s.data.results[k]
		}
	}
	text := wrapLabel(t.Tekst)
	box := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(s.editTextButton(t)), text),
		sectionTitle(lang.L("Interventies")), wrapLabel(orNone(strings.Join(items, "\n"))),
		sectionTitle(lang.L("Gewenste resultaten")))
	if result != nil {
		box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(s.editTextButton(*result)), wrapLabel(result.Tekst)))
	} else {
		box.Add(wrapLabel(orNone("")))
	}
	box.Add(lowLabel(lang.L("Bron: {{.B}}", map[string]any{"B": t.Bron.String()})))
	return box
}

// editTextButton is the button that corrects a policy text shown on the
// page: its title, text and source.
func (s *preventieScreen) editTextButton(t domain.Beleidstekst) *widget.Button {
	return editTextButton(func() {
		editTekst(s.m, tekstForm{title: lang.L("Tekst aanpassen: {{.T}}", map[string]any{"T": t.Titel}), naamKey: "titel",
			naamLabel: lang.L("Titel"), tekstLabel: lang.L("Tekst"), naam: t.Titel, tekst: t.Tekst, bron: t.Bron},
			func(in store.TekstInvoer) error {
				_, err := s.m.store.SaveBeleidstekst(t.ID, in)
				return err
			}, func(f *recordForm) { s.form = f }, s.Refresh)
	})
}

// wrapLabel is a label whose text wraps at word boundaries.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// lowLabel is a wrapping label in italics, for sources and notes.
func lowLabel(text string) *widget.Label {
	l := wrapLabel(text)
	l.TextStyle = fyne.TextStyle{Italic: true}
	return l
}

// metingButtons are the correct and remove buttons of a measurement of
// indicator indicatorID; setForm learns the form opened, done runs after a change.
func metingButtons(m *Main, indicatorID uint, mt domain.Meting, setForm func(*recordForm), done func()) rowButtons {
	return newRowButtons(func() {
		ind, err := m.store.IndicatorByID(indicatorID)
		if err != nil {
			m.showError(err)
			return
		}
		editMeting(m, ind, mt, setForm, done)
	}, func() {
		what := lang.L("Meting {{.P}}", map[string]any{"P": mt.Periode})
		confirmRemove(m, what, func() error { return m.store.DeleteMeting(mt.ID) }, done)
	})
}

// editMeting opens the form for a measurement of ind: a new one when mt
// has no number.
func editMeting(m *Main, ind domain.Indicator, mt domain.Meting, setForm func(*recordForm), done func()) {
	f := newRecordForm(m)
	waarde, nl := "", ""
	if mt.ID != 0 {
		waarde = dutchnum.FormatAuto(mt.Waarde)
	}
	if mt.Vergelijkingswaarde != nil {
		nl = dutchnum.FormatAuto(*mt.Vergelijkingswaarde)
	}
	status := string(mt.Status)
	if status == "" {
		status = string(domain.StatusDefinitief)
	}
	var statuses []string
	for _, st := range domain.Statussen {
		statuses = append(statuses, string(st))
	}
	f.entry("periode", lang.L("Periode"), mt.Periode, "2024")
	f.figure("waarde", lang.L("Waarde"), waarde, "")
	f.figure("vergelijkingswaarde", lang.L("Nederland"), nl, lang.L("mag leeg"))
	f.choice("status", lang.L("Status"), statuses, status)
	f.source(mt.Bron.Document, mt.Bron.Sectie)
	title := lang.L("Meting toevoegen: {{.I}}", map[string]any{"I": ind.Naam})
	if mt.ID != 0 {
		title = lang.L("Meting aanpassen: {{.I}}", map[string]any{"I": ind.Naam})
	}
	setForm(f)
	f.show(title, lang.L("Opslaan"), func() error {
		_, err := m.store.SaveMetingInvoer(mt.ID, store.MetingInvoer{IndicatorID: ind.ID, Periode: f.text("periode"), Waarde: f.text("waarde"),
			Vergelijkingswaarde: f.text("vergelijkingswaarde"), Status: f.text("status"), BronDocument: f.text("bron"), BronSectie: f.text("bronvermelding")})
		return err
	}, done)
}
