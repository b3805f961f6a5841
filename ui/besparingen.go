package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// besparingenScreen shows the realised savings: the lines, their sum, and
// the total the source reports, with a difference flagged and never
// corrected.
type besparingenScreen struct {
	m         *Main
	overzicht store.BesparingOverzicht
	body      *fyne.Container
	verschil  *widget.Label
	content   *container.Scroll
}

func newBesparingenScreen(m *Main) *besparingenScreen {
	s := &besparingenScreen{m: m}
	s.buildUI()
	return s
}

func (s *besparingenScreen) buildUI() {
	s.body = container.NewVBox()
	s.verschil = wrapLabel("")
	s.content = container.NewVScroll(s.body)
}

// Content is the screen's canvas object.
func (s *besparingenScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the savings overview.
func (s *besparingenScreen) Refresh() {
	var o store.BesparingOverzicht
	s.m.load(func() (err error) {
		o, err = s.m.store.Besparingsoverzicht()
		return err
	}, func() {
		s.overzicht = o
		s.render()
	})
}

// render writes the overview into the page.
func (s *besparingenScreen) render() {
	o := s.overzicht
	var rows [][]string
	for _, r := range o.Regels {
		rows = append(rows, []string{r.Periode, r.Rapportage, r.Omschrijving, dutchnum.FormatEuro(r.BedragCent), r.Bron.Sectie})
	}
	rows = append(rows, []string{"", "", lang.L("Som van de regels (berekend)"), dutchnum.FormatEuro(o.SomCent), ""})
	reported := lang.L("geen totaal gerapporteerd")
	source := ""
	if o.Gerapporteerd != nil {
		reported = dutchnum.FormatEuro(o.Gerapporteerd.BedragCent)
		source = o.Gerapporteerd.Bron.String()
	}
	rows = append(rows, []string{"", "", lang.L("Totaal zoals gerapporteerd in de bron"), reported, source})

	icon := widget.NewIcon(theme.ConfirmIcon())
	switch diff := o.VerschilCent(); {
	case o.Gerapporteerd == nil:
		s.verschil.SetText(lang.L("De bron noemt geen totaal; alleen de som van de regels is bekend."))
		s.verschil.Importance = widget.MediumImportance
	case diff != 0:
		icon.SetResource(theme.WarningIcon())
		s.verschil.SetText(lang.L("Let op: het gerapporteerde totaal ({{.T}}) wijkt {{.V}} af van de som van de regels ({{.S}}). "+
			"Beide staan hier zoals de bronnen ze geven; er is niets gecorrigeerd.",
			map[string]any{"T": dutchnum.FormatEuro(o.Gerapporteerd.BedragCent), "V": dutchnum.FormatEuro(diff), "S": dutchnum.FormatEuro(o.SomCent)}))
		s.verschil.Importance = widget.DangerImportance
	default:
		s.verschil.SetText(lang.L("Het gerapporteerde totaal is gelijk aan de som van de regels."))
		s.verschil.Importance = widget.SuccessImportance
	}
	s.verschil.Refresh()
	setScrolled(s.content, s.body, []fyne.CanvasObject{
		sectionTitle(lang.L("Gerealiseerde besparingen (Spoor 3 Jeugd)")),
		smallTable(columns{0.9, 1.8, 4, 1.2, 3}, []string{lang.L("Periode"), lang.L("Rapportage"), lang.L("Omschrijving"),
			lang.L("Bedrag"), lang.L("Bron")}, rows),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, icon, nil, s.verschil),
	})
}
