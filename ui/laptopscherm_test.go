package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/store"
)

// laptopScreen is the size of the users' laptops' screens.
var laptopScreen = fyne.NewSize(1366, 768)

// TestSettingsButtonsClearOfTheScrollBar: at 1366x768 and wider, the
// buttons at the right end of a row in Instellingen (Adres opslaan, Naam
// opslaan) end at least a scroll bar's width before the right edge of the
// scrolling page, so the scroll bar is not drawn over them.
func TestSettingsButtonsClearOfTheScrollBar(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	d := fyne.CurrentApp().Driver()
	for _, size := range []fyne.Size{laptopScreen, fyne.NewSize(1920, 1080)} {
		w.Resize(size)
		page := sc.Content()
		edge := d.AbsolutePositionForObject(page).X + page.Size().Width
		for name, b := range map[string]*widget.Button{"Adres opslaan": sc.team.saveButton, "Naam gebruiken": sc.naamButton} {
			if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > edge-theme.ScrollBarSize() {
				t.Errorf("%v: %s eindigt op x %v, de schuifbalk begint op x %v", size, name, right, edge-theme.ScrollBarSize())
			}
		}
	}
}

// TestReachTableWholeOnALaptop: at 1366x768 and wider the reach table of
// an intervention shows every text whole: no cell is cut off with "…"; the
// headers and a figure with its unit fit on one line, and a long source
// wraps within its column at 1366x768.
func TestReachTableWholeOnALaptop(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	w.Resize(laptopScreen)
	const source = "jaarverslag Travers 2023, bijlage 3: bereik per wijk en per leeftijdsgroep, tabel 4"
	for _, in := range []store.BereikInvoer{
		{Interventie: "Jongerencentra", Periode: "2023", Waarde: "1.612", Bron: source},
		{Interventie: "Jongerencentra", Periode: "2022/2023", Waarde: "1.500", Status: "voorlopig", Bron: "schooljaarverslag"},
	} {
		if _, err := s.RecordBereikInvoer(in); err != nil {
			t.Fatal(err)
		}
	}
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	i, err := s.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	sc.onOpen(i)
	for _, size := range []fyne.Size{laptopScreen, fyne.NewSize(1920, 1080)} {
		w.Resize(size)
		checkReachTable(t, sc.detail.reachGrid, source, size == laptopScreen)
	}
}

// checkReachTable checks that the reach table shows every text whole, on
// one line but the long source, which wraps when wraps is set.
func checkReachTable(t *testing.T, table *fyne.Container, source string, wraps bool) {
	t.Helper()
	oneLine := widget.NewLabel("x").MinSize().Height
	var cells []*widget.Label
	walkObjects(table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			cells = append(cells, l)
		}
	})
	found := map[string]bool{}
	for _, l := range cells {
		found[l.Text] = true
		if l.Truncation != fyne.TextTruncateOff || l.Wrapping == fyne.TextWrapOff {
			t.Errorf("%q kan worden afgekapt", l.Text)
		}
		switch l.Text {
		case "Periode", "Bereik", "Doelstelling", "Gerealiseerd", "Vastgelegd door, op", "Bron", "Afgeleid", "1.612 jongeren",
			"1.500 jongeren (voorlopig)", "minimaal 1.500 jongeren", "2022/2023":
			if l.MinSize().Height > oneLine {
				t.Errorf("%q past niet op één regel (%v breed, %v hoog)", l.Text, l.Size().Width, l.MinSize().Height)
			}
		case source:
			if wraps && l.MinSize().Height <= oneLine {
				t.Errorf("de lange bron loopt niet door op een volgende regel: %v", l.Size())
			}
		}
	}
	for _, want := range []string{"Gerealiseerd", "1.612 jongeren", "1.500 jongeren (voorlopig)", "minimaal 1.500 jongeren", source} {
		if !found[want] {
			t.Errorf("de tabel toont %q niet; wel: %q", want, gridTexts(table.Objects))
		}
	}
}
