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
	list   *widget.List
	detail *fyne.Container
	scroll *container.Scroll
	root   fyne.CanvasObject
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
			s.list.Select(0)
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

	var criteria [][]string
	for _, c := range d.criteria {
		target := "–"
		if c.Streefwaarde != nil {
			target = dutchnum.FormatAuto(*c.Streefwaarde) + "%"
		}
		years := strings.Trim(fmt.Sprintf("%s → %s", yearText(c.Referentiejaar), yearText(c.Doeljaar)), " →")
		realised := lang.L("geen gegevens")
		if m, ok := d.realised[c.ID]; ok {
			realised = fmt.Sprintf("%s%% (%s, %s)", dutchnum.FormatAuto(m.Waarde), m.Periode, m.Status)
		}
		criteria = append(criteria, []string{c.Omschrijving, target, orNone(years), realised})
	}
	var lines [][]string
	for _, r := range d.regels {
		lines = append(lines, []string{fmt.Sprint(r.Jaar), string(r.Soort), dutchnum.FormatEuro(r.BedragCent), r.Omschrijving})
	}
	objs := []fyne.CanvasObject{title, text, sectionTitle(lang.L("Criteria: streefwaarde en gerealiseerd"))}
	if len(criteria) > 0 {
		objs = append(objs, smallTable(columns{5, 1.2, 1.4, 2}, []string{lang.L("Criterium"), lang.L("Streefwaarde"),
			lang.L("Referentie → doel"), lang.L("Gerealiseerd")}, criteria))
	} else {
		objs = append(objs, widget.NewLabel(lang.L("Geen criteria in de bronnen.")))
	}
	objs = append(objs, sectionTitle(lang.L("Begrotingsregels")))
	if len(lines) > 0 {
		objs = append(objs, smallTable(columns{0.7, 1.5, 1.5, 6}, []string{lang.L("Jaar"), lang.L("Soort"),
			lang.L("Bedrag"), lang.L("Toelichting")}, lines))
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
