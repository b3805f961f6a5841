package overzicht

import (
	"bytes"
	"image"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/uidraad"
)

// demoScreen shows the Overzicht of a new demo database in a test window and
// waits until its charts are drawn.
func demoScreen(t *testing.T) (*Screen, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := dashboard.VulDemo(s); err != nil {
		t.Fatal(err)
	}
	return screenOn(t, s, fyne.NewSize(1366, 768)), s
}

// screenOn shows the Overzicht of s in a test window of the given size,
// waits until its charts are drawn at the size of their tiles, and stops
// its background work when the test ends, before the store closes.
func screenOn(t *testing.T, s *store.Store, size fyne.Size) *Screen {
	t.Helper()
	w := test.NewWindow(nil)
	w.Resize(size)
	t.Cleanup(w.Close)
	sc := New(s, w)
	sc.ui = testUI.do
	t.Cleanup(func() {
		sc.Stop()
		for deadline := time.Now().Add(30 * time.Second); uidraad.Lopend() > 0 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			testUI.drain()
		}
		testUI.drain()
	})
	w.SetContent(sc.Content())
	waitRefresh(t, sc, sc.Refresh)
	waitTiles(t, sc)
	return sc
}

// waitTiles waits until every tile shows its chart drawn at the tile's size.
func waitTiles(t *testing.T, sc *Screen) {
	t.Helper()
	eventually(t, "de tegels zijn niet op hun maat getekend", func() bool {
		sc.mu.Lock()
		maat := sc.tegel
		sc.mu.Unlock()
		for _, k := range sc.Kaarten {
			if k.Beeld.Image == nil || k.Beeld.Image.Bounds().Size() != maat {
				return false
			}
		}
		return uidraad.Lopend() == 0
	})
}

// uiQueue stands in for the UI goroutine in the tests: background work hands
// it what fyne.Do would run, and the test goroutine runs that between its
// checks (Fyne's test driver would run it at once on the background
// goroutine, racing with the test).
type uiQueue chan func()

// testUI is the UI goroutine of the screens under test.
var testUI = make(uiQueue, 1024)

func (q uiQueue) do(f func()) { q <- f }

// drain runs what is waiting, on the calling goroutine.
func (q uiQueue) drain() {
	for {
		select {
		case f := <-q:
			f()
		default:
			return
		}
	}
}

// waitRefresh runs start and waits until the screen has redrawn.
func waitRefresh(t *testing.T, sc *Screen, start func()) {
	t.Helper()
	done := false
	sc.klaar = func() { done = true }
	start()
	eventually(t, "de grafieken zijn niet binnen 30 seconden getekend", func() bool { return done })
}

// eventually runs the work handed to the UI goroutine until ok holds, for
// at most 30 seconds.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		testUI.drain()
		if ok() {
			return
		}
	}
	t.Fatal(what)
}

func TestOverzichtDrawsEveryChartAndTiles(t *testing.T) {
	sc, _ := demoScreen(t)
	for _, k := range sc.Kaarten {
		if k.Beeld.Image == nil || k.Beeld.Image.Bounds().Dx() != int(k.Size().Width) {
			t.Errorf("%s: geen afbeelding op de maat van de tegel (%v)", k.Naam, k.Size())
		}
	}
	if sc.Van.Selected != "2020" || sc.Tot.Selected != "2024" {
		t.Errorf("jaren %s-%s", sc.Van.Selected, sc.Tot.Selected)
	}
	if len(sc.Tegels.Objects) != 4 {
		t.Errorf("%d tegels", len(sc.Tegels.Objects))
	}
	if sc.Status.Text != "10 grafieken, 2020-2024" {
		t.Errorf("status %q", sc.Status.Text)
	}
	waitRefresh(t, sc, func() { sc.Van.SetSelected("2019") })
	if g, _ := sc.grafiek(0); len(g.Panelen[0].Categorieen) != 6 {
		t.Errorf("na het kiezen van 2019: %v", g.Panelen[0].Categorieen)
	}
}

func TestEnlargeAndEditKernboodschap(t *testing.T) {
	sc, s := demoScreen(t)
	test.Tap(sc.Kaarten[1])
	v := sc.Vergroting()
	if v == nil || v.Naam != "huisarts" {
		t.Fatalf("vergroting %+v", v)
	}
	eventually(t, "de vergrote grafiek is niet getekend", func() bool { return v.Beeld.Image != nil })
	v.Kernboodschap.SetText("")
	test.Type(v.Kernboodschap, "Minder verwijzingen door de huisarts")
	test.Tap(v.Opslaan)
	eventually(t, "de kernboodschap is niet opgeslagen", func() bool {
		g, err := dashboard.Bouw(s, "huisarts", dashboard.Opties{Van: 2020, Tot: 2024})
		return err == nil && g.Kernboodschap == "Minder verwijzingen door de huisarts"
	})
}

// TestEscapeClosesChooser: Escape closes the slide chooser on the button
// that has the focus when it opens, and Cancel (Escape with nothing
// focused) closes it and the enlarged chart too.
func TestEscapeClosesChooser(t *testing.T) {
	sc, _ := demoScreen(t)
	sc.Presenteer()
	k := sc.Kiezer()
	if k == nil || sc.window.Canvas().Focused() != k.Start {
		t.Fatalf("kiezer %v, focus on %v", k, sc.window.Canvas().Focused())
	}
	k.Start.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sc.Kiezer() != nil {
		t.Fatal("Escape on Starten left the chooser open")
	}
	if k.Presentatie != nil {
		t.Fatal("Escape started the presentation")
	}
	sc.Presenteer()
	sc.window.Canvas().Unfocus()
	sc.Cancel()
	if sc.Kiezer() != nil {
		t.Fatal("Cancel left the chooser open")
	}
	sc.Cancel() // nothing open: nothing to do
	sc.vergroot(0)
	if sc.vergroting == nil {
		t.Fatal("no enlarged chart")
	}
	sc.Cancel()
	if sc.vergroting != nil {
		t.Fatal("Cancel left the enlarged chart open")
	}
}

func TestPresentationThroughSavedSlidesWithKeyboard(t *testing.T) {
	sc, s := demoScreen(t)
	test.Tap(sc.PresenteerKnop)
	k := sc.Kiezer()
	if k == nil || len(k.Dias) != 10 {
		t.Fatalf("kiezer %+v", k)
	}
	if !k.MetLege.Disabled() {
		t.Error("'Ook grafieken zonder cijfers' kan aan terwijl elke grafiek cijfers heeft")
	}
	if focused := sc.window.Canvas().Focused(); focused != k.Start {
		t.Fatalf("focus on %v, want the Starten button (Space starts)", focused)
	}
	k.Lijst.Select(9)
	test.Tap(k.Omhoog)
	if k.Dias[8] != "besparingen" {
		t.Errorf("volgorde %v", k.Dias)
	}
	for len(k.Dias) > 3 {
		k.Lijst.Select(0)
		test.Tap(k.Weg)
	}
	test.Tap(k.Opslaan)
	eventually(t, "geen melding over de ontbrekende naam", func() bool {
		return k.Melding.Text == "naam: geef de presentatie een naam"
	})
	test.Type(k.Naam, "Raadsvergadering 12 december")
	test.Tap(k.Opslaan)
	eventually(t, "de presentatie is niet opgeslagen", func() bool { return strings.HasPrefix(k.Melding.Text, "Opgeslagen:") })
	saved, err := s.PresentatieByNaam("Raadsvergadering 12 december")
	if err != nil || len(saved.Dias) != 3 || saved.Dias[1] != "besparingen" {
		t.Fatalf("opgeslagen %+v %v", saved, err)
	}
	k.Start.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	p := k.Presentatie
	if p == nil || len(p.Dias) != 3 || !p.Dias[0].Demo {
		t.Fatalf("presentatie %+v", p)
	}
	key := func(name fyne.KeyName) { p.Venster.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name}) }
	for _, step := range []struct {
		key  fyne.KeyName
		want int
	}{{fyne.KeyRight, 1}, {fyne.KeyPageDown, 2}, {fyne.KeyRight, 2}, {fyne.KeyHome, 0}, {fyne.KeyLeft, 0},
		{fyne.KeyEnd, 2}, {fyne.KeyPageUp, 1}} {
		key(step.key)
		if p.Index != step.want {
			t.Errorf("na %s: dia %d, want %d", step.key, p.Index, step.want)
		}
	}
	if p.Teller.Text != "2 / 3" {
		t.Errorf("teller %q", p.Teller.Text)
	}
	eventually(t, "de dia is niet getekend", func() bool { return p.Beeld.Image != nil })
	key(fyne.KeyEscape)
}

// TestGoldenOverzicht compares the whole screen, tiles and thumbnails, on the
// demo database with its image in testdata.
func TestGoldenOverzicht(t *testing.T) {
	// Fyne stamps renderers with the clock of the last drawing and drops
	// those stamped over a minute ago at the next one: after a minute without
	// drawing (under the race detector) the tiles came out half drawn. An
	// empty canvas drawn first brings the clock up to date.
	test.NewTempWindow(t, nil).Canvas().Capture()
	sc, _ := demoScreen(t)
	test.ApplyTheme(t, test.Theme())
	test.AssertImageMatches(t, "overzicht_demo.png", stableCapture(t, sc.window))
}

// stableCapture takes pictures of the window until three in a row are the
// same: a theme change redraws widgets on Fyne's own goroutines, which a
// picture may catch half done (seen under the race detector, where two
// pictures in a row once caught the same half-drawn screen).
func stableCapture(t *testing.T, w fyne.Window) image.Image {
	t.Helper()
	last, same := w.Canvas().Capture(), 0
	for range 200 {
		time.Sleep(25 * time.Millisecond)
		testUI.drain()
		next := w.Canvas().Capture()
		if !samePixels(last, next) {
			same = 0
		} else if same++; same == 2 {
			return next
		}
		last = next
	}
	t.Fatal("het venster bleef 5 seconden lang veranderen")
	return nil
}

// samePixels reports whether two pictures are equal pixel for pixel.
func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	if na, ok := a.(*image.NRGBA); ok {
		if nb, ok := b.(*image.NRGBA); ok {
			return bytes.Equal(na.Pix, nb.Pix)
		}
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func TestHighContrastThemeRedrawsThumbnails(t *testing.T) {
	sc, _ := demoScreen(t)
	waitRefresh(t, sc, func() { sc.SetThema(chart.HoogContrast) })
	r, g, b, _ := sc.Kaarten[0].Beeld.Image.At(2, 2).RGBA()
	wr, wg, wb, _ := chart.HoogContrast.Achtergrond.RGBA()
	if r != wr || g != wg || b != wb {
		t.Fatalf("thumbnail background %v,%v,%v, want the high-contrast background", r, g, b)
	}
}

// TestStoppedScreenLeavesItsWidgets: once the program closes, a chart that
// finishes drawing no longer touches the screen's widgets (Fyne then runs
// fyne.Do's function at once, off the UI goroutine).
func TestStoppedScreenLeavesItsWidgets(t *testing.T) {
	test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "leeg.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	sc := New(s, w)
	ran := false
	sc.ui(func() { ran = true })
	if !ran {
		t.Fatal("before Stop the screen's UI work does not run")
	}
	sc.Stop()
	ran = false
	sc.ui(func() { ran = true })
	if ran {
		t.Fatal("after Stop the screen still changes its widgets")
	}
}

// menuLabels lists the labels of a menu's items.
func menuLabels(items []*fyne.MenuItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

// TestEveryChartCanBeSavedAndCopied: the tile menu, the enlarged chart and a
// slide each offer PNG, SVG and the clipboard; the tile's menu button opens
// its menu on the screen.
func TestEveryChartCanBeSavedAndCopied(t *testing.T) {
	sc, _ := demoScreen(t)
	acties := []string{"Opslaan als PNG…", "Opslaan als SVG…", "Kopiëren"}
	k := sc.Kaarten[0]
	if got := menuLabels(k.Menu.Items); !slices.Equal(got, append([]string{"Vergroten"}, acties...)) {
		t.Errorf("tegelmenu %v", got)
	}
	before := len(sc.window.Canvas().Overlays().List())
	test.Tap(k.MenuKnop)
	if len(sc.window.Canvas().Overlays().List()) != before+1 {
		t.Error("de menuknop van de tegel opende geen menu")
	}
	sc.window.Canvas().Overlays().Top().Hide()
	k.Menu.Items[0].Action()
	v := sc.Vergroting()
	if v == nil || v.Naam != k.Naam {
		t.Fatalf("Vergroten vergrootte %+v", v)
	}
	var labels []string
	for _, o := range v.Acties {
		labels = append(labels, o.(*widget.Button).Text)
	}
	if !slices.Equal(labels, acties) {
		t.Errorf("knoppen bij de vergroting %v", labels)
	}
	v.Dialoog.Hide()

	sc.Presenteer()
	kz := sc.Kiezer()
	kz.Start.Tapped(nil)
	p := kz.Presentatie
	if got := menuLabels(p.Menu.Items); !slices.Equal(got, acties) {
		t.Errorf("menu van de dia %v", got)
	}
	if g, _, ok := p.getoond(); !ok || g.Naam != p.Dias[0].Naam {
		t.Errorf("de dia geeft grafiek %q", g.Naam)
	}
	p.Venster.Close()
}

// TestKiezerReportTakesTheSavedSlides: the report and PowerPoint buttons
// ask to save first while the slides on screen are not the saved ones.
func TestKiezerReportTakesTheSavedSlides(t *testing.T) {
	sc, _ := demoScreen(t)
	sc.Presenteer()
	k := sc.Kiezer()
	for _, b := range []*escKnop{k.Rapport, k.PowerPoint} {
		k.Melding.SetText("")
		test.Tap(b)
		if !strings.HasPrefix(k.Melding.Text, "Sla de presentatie eerst op") {
			t.Errorf("%s zonder opslaan: melding %q", b.Text, k.Melding.Text)
		}
	}
	test.Type(k.Naam, "Raad")
	test.Tap(k.Opslaan)
	eventually(t, "de presentatie is niet opgeslagen", func() bool { return strings.HasPrefix(k.Melding.Text, "Opgeslagen:") })
	k.Lijst.Select(0)
	test.Tap(k.Weg)
	k.Melding.SetText("")
	test.Tap(k.PowerPoint)
	if !strings.HasPrefix(k.Melding.Text, "Sla de presentatie eerst op") {
		t.Errorf("na een gewijzigde dia: melding %q", k.Melding.Text)
	}
	test.Tap(k.Opslaan)
	eventually(t, "de presentatie is niet opnieuw opgeslagen", func() bool { return strings.HasPrefix(k.Melding.Text, "Opgeslagen:") })
	before := len(sc.window.Canvas().Overlays().List())
	test.Tap(k.PowerPoint)
	if len(sc.window.Canvas().Overlays().List()) != before+1 {
		t.Errorf("PowerPoint opende de bestandskeuze niet (melding %q)", k.Melding.Text)
	}
}
