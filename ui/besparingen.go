package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// besparingenScreen shows the realised savings: the lines, their sum, and
// the total the source reports, with a difference flagged and never
// corrected by the program; a user adds, corrects and removes lines and
// the reported total here.
type besparingenScreen struct {
	m         *Main
	overzicht store.BesparingOverzicht
	body      *fyne.Container
	verschil  *widget.Label
	content   *container.Scroll
	// add opens the form for a new saving; rows are the buttons of each
	// line, total the button that corrects (or adds) the reported total.
	add   *widget.Button
	rows  []rowButtons
	total *widget.Button
	// form is the last form opened (for tests).
	form *recordForm
}

func newBesparingenScreen(m *Main) *besparingenScreen {
	s := &besparingenScreen{m: m}
	s.buildUI()
	return s
}

func (s *besparingenScreen) buildUI() {
	s.body = container.NewVBox()
	s.verschil = wrapLabel("")
	s.add = widget.NewButtonWithIcon(lang.L("Besparing toevoegen"), euroIcon, func() { s.onEdit(domain.Besparing{}) })
	s.add.Importance = widget.HighImportance
	s.total = widget.NewButtonWithIcon(lang.L("Gerapporteerd totaal aanpassen"), theme.DocumentCreateIcon(), s.onTotal)
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
	s.rows = nil
	for _, r := range o.Regels {
		rows = append(rows, []string{r.Periode, r.Rapportage, r.Omschrijving, dutchnum.FormatEuro(r.BedragCent), r.Bron.String()})
		s.rows = append(s.rows, newRowButtons(func() { s.onEdit(r) }, func() { s.onRemove(r) }))
	}
	sum := [][]string{{"", "", lang.L("Som van de regels (berekend)"), dutchnum.FormatEuro(o.SomCent), ""}}
	reported := lang.L("geen totaal gerapporteerd")
	source := ""
	if o.Gerapporteerd != nil {
		reported = dutchnum.FormatEuro(o.Gerapporteerd.BedragCent)
		source = o.Gerapporteerd.Bron.String()
	}
	sum = append(sum, []string{"", "", lang.L("Totaal zoals gerapporteerd in de bron"), reported, source})

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
	weights := columns{0.9, 1.8, 4, 1.2, 3}
	header := []string{lang.L("Periode"), lang.L("Rapportage"), lang.L("Omschrijving"), lang.L("Bedrag"), lang.L("Bron")}
	buttons := append(append([]rowButtons{}, s.rows...), rowButtons{}, rowButtons{})
	s.total.SetText(lang.L("Gerapporteerd totaal aanpassen"))
	if o.Gerapporteerd == nil {
		s.total.SetText(lang.L("Gerapporteerd totaal invoeren"))
	}
	setScrolled(s.content, s.body, []fyne.CanvasObject{
		container.NewBorder(nil, nil, nil, s.add, sectionTitle(lang.L("Gerealiseerde besparingen (Spoor 3 Jeugd)"))),
		editableTable(weights, header, append(rows, sum...), buttons),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, icon, container.NewVBox(s.total), s.verschil),
	})
}

// onEdit opens the form for a saving: a new one when b has no number.
func (s *besparingenScreen) onEdit(b domain.Besparing) {
	f := newRecordForm(s.m)
	bedrag := ""
	if b.ID != 0 {
		bedrag = dutchnum.FormatEuro(b.BedragCent)
	}
	f.entry("periode", lang.L("Periode"), b.Periode, lang.L("2024, 2023-H1, 2021/2022"))
	f.entry("rapportage", lang.L("Rapportage"), b.Rapportage, lang.L("bijv. Jaarrekening 2024"))
	f.entry("omschrijving", lang.L("Omschrijving"), b.Omschrijving, "")
	f.figure("bedrag", lang.L("Bedrag"), bedrag, lang.L("€ 250.000"))
	f.source(b.Bron.Document, b.Bron.Sectie)
	title := lang.L("Besparing toevoegen")
	if b.ID != 0 {
		title = lang.L("Besparing aanpassen")
	}
	s.form = f
	f.show(title, lang.L("Opslaan"), func() error {
		_, err := s.m.store.SaveBesparing(b.ID, store.BesparingInvoer{Periode: f.text("periode"), Rapportage: f.text("rapportage"),
			Omschrijving: f.text("omschrijving"), Bedrag: f.text("bedrag"), BronDocument: f.text("bron"), BronSectie: f.text("bronvermelding")})
		return err
	}, s.Refresh)
}

// onTotal opens the form for the reported total.
func (s *besparingenScreen) onTotal() {
	var t domain.BesparingTotaal
	bedrag := ""
	if s.overzicht.Gerapporteerd != nil {
		t = *s.overzicht.Gerapporteerd
		bedrag = dutchnum.FormatEuro(t.BedragCent)
	}
	f := newRecordForm(s.m)
	f.figure("bedrag", lang.L("Totaal"), bedrag, lang.L("€ 2.763.946"))
	f.source(t.Bron.Document, t.Bron.Sectie)
	s.form = f
	f.show(lang.L("Gerapporteerd totaal besparingen"), lang.L("Opslaan"), func() error {
		_, err := s.m.store.SaveBesparingTotaal(t.ID, f.text("bedrag"), f.text("bron"), f.text("bronvermelding"))
		return err
	}, s.Refresh)
}

// onRemove removes a saving after asking.
func (s *besparingenScreen) onRemove(b domain.Besparing) {
	what := lang.L("Besparing {{.P}}, {{.O}}", map[string]any{"P": b.Periode, "O": b.Omschrijving})
	confirmRemove(s.m, what, func() error { return s.m.store.DeleteBesparing(b.ID) }, s.Refresh)
}
