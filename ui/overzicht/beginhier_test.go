package overzicht

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// newScreen shows the Overzicht of a new database with the built-in
// register (no figures of the user's own) at the given size.
func newScreen(t *testing.T, size fyne.Size) (*Screen, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	s := registertest.Open(t, "", store.Options{User: "test"}, nil)
	return screenOn(t, s, size), s
}

// TestBeginHierLeadsAndGoes: a new database shows the Begin hier panel with
// three buttons, each leading to its place; once there is a figure of the
// user's own the panel is gone.
func TestBeginHierLeadsAndGoes(t *testing.T) {
	sc, s := newScreen(t, fyne.NewSize(1366, 697))
	if !sc.BeginHier.Visible() {
		t.Fatal("geen Begin hier op een nieuwe database")
	}
	var ging []string
	sc.Wegen = Wegen{BereikInvoeren: func() { ging = append(ging, "bereik") }, Importeren: func() { ging = append(ging, "import") },
		Demo: func() { ging = append(ging, "demo") }}
	for _, b := range []fyne.Tappable{sc.BeginHier.Bereik, sc.BeginHier.Importeer, sc.BeginHier.Demo} {
		test.Tap(b)
	}
	if !slices.Equal(ging, []string{"bereik", "import", "demo"}) {
		t.Errorf("de knoppen leidden naar %v", ging)
	}
	test.ApplyTheme(t, test.Theme())
	// laid out again in the test theme, whose wrapped lines differ
	sc.window.Resize(fyne.NewSize(1366, 698))
	sc.window.Resize(fyne.NewSize(1366, 697))
	test.AssertObjectRendersToImage(t, "begin_hier.png", sc.BeginHier)

	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2023", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	waitRefresh(t, sc, sc.Refresh)
	if sc.BeginHier.Visible() {
		t.Error("Begin hier blijft staan nu er een bereikcijfer is")
	}
}

// TestDemoHasNoBeginHier: a database with figures does not show the panel.
func TestDemoHasNoBeginHier(t *testing.T) {
	sc, _ := demoScreen(t)
	if sc.BeginHier.Visible() {
		t.Error("Begin hier op de demodatabase")
	}
}

// TestChosenYearsOutliveTheScreen: years chosen on the Overzicht are the
// years of a new Overzicht on the same database (leaving the page, reopening
// the database).
func TestChosenYearsOutliveTheScreen(t *testing.T) {
	sc, s := demoScreen(t)
	waitRefresh(t, sc, func() { sc.Van.SetSelected("2021") })
	eventually(t, "de gekozen jaren zijn niet bewaard", func() bool {
		o, ok, err := dashboard.Gekozen(s)
		return err == nil && ok && o.Van == 2021 && o.Tot == 2024
	})
	again := screenOn(t, s, fyne.NewSize(1366, 768))
	if again.Van.Selected != "2021" || again.Tot.Selected != "2024" {
		t.Errorf("nieuw Overzicht: %s-%s", again.Van.Selected, again.Tot.Selected)
	}
}

// tileColumns counts the columns the tiles are laid out in.
func tileColumns(sc *Screen) int {
	xs := map[float32]bool{}
	for _, k := range sc.Kaarten {
		xs[k.Position().X] = true
	}
	return len(xs)
}

// TestTilesGrowNotMultiply: at 1366x697 the tiles are at least minTegel
// wide, drawn at exactly their size; at 1920x1080 they are larger, in as many
// columns, and drawn again at their new size. Both are golden images.
func TestTilesGrowNotMultiply(t *testing.T) {
	sc, _ := demoScreen(t)
	// beside the navigation, as in the program
	nav := container.NewHSplit(widget.NewLabel("Jeugdmonitor Zwolle"), sc.Content())
	nav.Offset = 0.17
	sc.window.SetContent(nav)
	sc.window.Resize(fyne.NewSize(1366, 697))
	waitTiles(t, sc)
	small := sc.Kaarten[0].Size()
	if small.Width < minTegel || tileColumns(sc) != 2 {
		t.Fatalf("1366x697: tegel %v in %d kolommen", small, tileColumns(sc))
	}
	test.AssertImageMatches(t, "tegel_1366x697.png", sc.Kaarten[0].Beeld.Image)
	sc.window.Resize(fyne.NewSize(1920, 1080))
	waitTiles(t, sc)
	large := sc.Kaarten[0].Size()
	if large.Width <= small.Width || large.Width > maxTegel || tileColumns(sc) != 2 {
		t.Fatalf("1920x1080: tegel %v in %d kolommen", large, tileColumns(sc))
	}
	for _, k := range sc.Kaarten {
		if got := k.Beeld.Image.Bounds().Dx(); got != int(large.Width+0.5) {
			t.Errorf("%s: %d px breed getekend op een tegel van %v", k.Naam, got, large)
		}
	}
	test.AssertImageMatches(t, "tegel_1920x1080.png", sc.Kaarten[0].Beeld.Image)
}

// TestTileSaysClickEnlarges: the pointer on a tile shows that a click
// enlarges it; leaving hides it.
func TestTileSaysClickEnlarges(t *testing.T) {
	sc, _ := demoScreen(t)
	k := sc.Kaarten[0]
	if k.Hint.Visible() {
		t.Fatal("hint zichtbaar zonder muis")
	}
	k.MouseIn(&desktop.MouseEvent{})
	if !k.Hint.Visible() {
		t.Error("geen hint met de muis op de tegel")
	}
	k.MouseOut()
	if k.Hint.Visible() {
		t.Error("hint blijft na het verlaten")
	}
}

// TestTileMenuStaysInTheWindow: the menu of the right-hand tile opens with
// its right edge at the menu button, inside the window.
func TestTileMenuStaysInTheWindow(t *testing.T) {
	sc, _ := demoScreen(t)
	k := sc.Kaarten[1]
	test.Tap(k.MenuKnop)
	pop := k.menu
	if pop == nil || !pop.Visible() {
		t.Fatal("geen menu")
	}
	right := pop.Position().X + pop.Size().Width
	knop := fyne.CurrentApp().Driver().AbsolutePositionForObject(k.MenuKnop).X + k.MenuKnop.Size().Width
	if right > sc.window.Canvas().Size().Width || right > knop+1 || right < knop-1 {
		t.Errorf("menu eindigt op %v, knop op %v, venster %v", right, knop, sc.window.Canvas().Size().Width)
	}
}

// TestPresentationLeavesOutEmptyCharts: on a new database the chooser offers
// only the charts with figures, the check adds the others; the first slide
// shows its tile at once (never blank) until it is drawn sharp.
func TestPresentationLeavesOutEmptyCharts(t *testing.T) {
	sc, _ := newScreen(t, fyne.NewSize(1366, 697))
	leeg := sc.zonderCijfers()
	if len(leeg) == 0 {
		t.Fatal("het register heeft geen lege grafieken meer; de test zegt dan niets")
	}
	sc.Presenteer()
	k := sc.Kiezer()
	if len(k.Dias)+len(leeg) != len(sc.Kaarten) || slices.ContainsFunc(k.Dias, func(n string) bool { return leeg[n] }) {
		t.Fatalf("dia's %v, leeg %v", k.Dias, leeg)
	}
	if k.MetLege.Text != "Ook grafieken zonder cijfers ("+strconv.Itoa(len(leeg))+")" {
		t.Errorf("vinkje %q", k.MetLege.Text)
	}
	k.MetLege.SetChecked(true)
	if len(k.Dias) != len(sc.Kaarten) {
		t.Errorf("met lege: %v", k.Dias)
	}
	k.MetLege.SetChecked(false)
	first := k.Dias[0]
	k.Start.Tapped(nil)
	p := k.Presentatie
	if p == nil || p.Dias[0].Naam != first || p.Beeld.Image == nil {
		t.Fatalf("eerste dia leeg of verkeerd: %+v", p)
	}
	eventually(t, "de eerste dia is niet scherp getekend", func() bool { return p.Beeld.Image.Bounds().Dx() == 1920 })
	p.Venster.Close()

	// slides of a saved presentation without figures are skipped too
	var naam string
	for n := range leeg {
		naam = n
	}
	k.Dias = append(k.Dias, naam)
	k.Start.Tapped(nil)
	if p := k.Presentatie; slices.ContainsFunc(p.Dias, func(g dashboard.Grafiek) bool { return g.Naam == naam }) ||
		!strings.HasPrefix(k.Melding.Text, "1 dia zonder cijfers voor 2019-2023 overgeslagen") {
		t.Errorf("lege dia %s: dia's %d, melding %q", naam, len(p.Dias), k.Melding.Text)
	}
	k.Presentatie.Venster.Close()
}

// TestNewFigureMovesTheYearsUntilChosen: without a choice, a figure for a
// later year moves the Overzicht's years on the next refresh (leaving and
// returning to the page); once years are chosen they stay, and the status
// line says there are later figures.
func TestNewFigureMovesTheYearsUntilChosen(t *testing.T) {
	sc, s := newScreen(t, fyne.NewSize(1366, 697))
	if sc.Tot.Selected != "2023" {
		t.Fatalf("register: t/m %s", sc.Tot.Selected)
	}
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2024", Waarde: "3.612"}); err != nil {
		t.Fatal(err)
	}
	waitRefresh(t, sc, sc.Refresh)
	if sc.Van.Selected != "2020" || sc.Tot.Selected != "2024" {
		t.Errorf("na een cijfer voor 2024: %s-%s", sc.Van.Selected, sc.Tot.Selected)
	}
	waitRefresh(t, sc, func() { sc.Tot.SetSelected("2023") })
	if _, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: "Ambulant jongerenwerk", Periode: "2025", Waarde: "3.700"}); err != nil {
		t.Fatal(err)
	}
	waitRefresh(t, sc, sc.Refresh)
	if sc.Tot.Selected != "2023" || sc.Status.Text != "10 grafieken, 2020-2023; er zijn ook cijfers voor 2025: kies t/m 2025" {
		t.Errorf("gekozen t/m %s, status %q", sc.Tot.Selected, sc.Status.Text)
	}
}
