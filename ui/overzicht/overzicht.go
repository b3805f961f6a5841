// Package overzicht is the dashboard screen (Overzicht) of Jeugdmonitor: a grid
// of chart tiles drawn at the size they are shown, key-figure tiles, a
// year-range selector remembered with the database, a Begin hier panel on a
// database without figures of its own, a click to enlarge (where the headline
// message is edited), and the presentation mode for the council. Charts are
// drawn off the UI goroutine; widgets change only on it, through Screen.ui
// (uidraad.Doe in the program).
package overzicht

import (
	"fmt"
	"image"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
	"jeugdmonitor/ui/uitvoer"
)

// hertekenNa is how long the tiles' size must stay the same before they are
// drawn again at it: a window being dragged larger is not redrawn per pixel.
const hertekenNa = 250 * time.Millisecond

// Screen is the Overzicht. Its widgets are fields so tests can reach them.
type Screen struct {
	store  *store.Store
	window fyne.Window

	// Van and Tot choose the years of the charts.
	Van, Tot *widget.Select
	// Tegels holds the key-figure tiles.
	Tegels *fyne.Container
	// Kaarten are the chart thumbnails in dashboard order.
	Kaarten []*Kaart
	// Status says what the screen is doing.
	Status *widget.Label
	// PresenteerKnop opens the choice of slides for the presentation mode.
	PresenteerKnop *widget.Button
	// RapportKnop writes the report for the council (PDF).
	RapportKnop *widget.Button
	// BeginHier shows the ways to fill a database without figures of its
	// own; hidden once it has some.
	BeginHier *BeginHier
	// Wegen are the places the Begin hier panel leads to, set by the window.
	Wegen Wegen

	content fyne.CanvasObject

	mu      sync.Mutex
	gen     int
	gestopt bool             // the program is closing: background results are dropped
	opties  dashboard.Opties // the years drawn last
	// keuze are the years chosen on this screen; zero until then, when
	// each refresh takes the database's (dashboard.Standaard), so a figure
	// for a later year moves them
	keuze     dashboard.Opties
	grafieken []dashboard.Grafiek
	// grafiekenGen is the refresh grafieken were built by
	grafiekenGen int
	stil         bool // set while the year selectors are set from code

	// tegel is the size in pixels the chart tiles are shown at (zero until
	// laid out), getekendVoor the refresh and size each tile's image was
	// drawn for.
	tegel        image.Point
	getekendVoor []tekening
	// tekenen is held by the one drawing of the tiles at a time, so that a
	// tile is not drawn twice at once for the same refresh and size
	tekenen sync.Mutex
	// knop is the size in pixels of a tile's menu button, whose corner
	// the charts leave free
	knop      image.Point
	maatTijd  time.Time // when tegel last changed
	hertekent bool      // hertekenTegels is waiting or drawing

	vergroting       *Vergroting
	kiezer           *Kiezer
	interventieKeuze *widget.Select
	maatKeuze        *widget.Select
	maatMenu         *fyne.MenuItem // Maat kiezen… in the reach chart's tile menu
	thema            chart.Thema

	// klaar, when set, is called on the UI goroutine after each refresh.
	klaar func()
	// ui runs f on the UI goroutine: uidraad.Doe, except in tests, where Fyne's
	// test driver would run f at once on the background goroutine that asks.
	ui func(f func())
}

// New builds the Overzicht on the store, in the window it is shown in (for
// dialogs and the presentation mode).
func New(s *store.Store, w fyne.Window) *Screen {
	sc := &Screen{store: s, window: w, thema: chart.Licht, Status: widget.NewLabel("Grafieken worden getekend…"),
		Tegels: container.NewGridWithColumns(4)}
	// Once the program stops, Fyne runs fyne.Do's function at once on the
	// goroutine that asks: a chart finished while closing must not touch
	// its widget then.
	sc.ui = func(f func()) {
		uidraad.Doe(func() {
			if !sc.isGestopt() {
				f()
			}
		})
	}
	years := jaarKeuzes()
	sc.Van = widget.NewSelect(years, func(string) { sc.onJaren() })
	sc.Tot = widget.NewSelect(years, func(string) { sc.onJaren() })
	sc.PresenteerKnop = widget.NewButtonWithIcon("Presenteren… (F5)", theme.MediaPlayIcon(), sc.Presenteer)
	sc.RapportKnop = widget.NewButtonWithIcon(uitvoer.Knop(rapport.PDF), theme.DocumentPrintIcon(), func() {
		uitvoer.ToonRapport(sc.store, sc.window, rapport.PDF, sc.Opties())
	})
	var cards []fyne.CanvasObject
	for i, g := range dashboard.Grafieken() {
		items := []*fyne.MenuItem{fyne.NewMenuItem("Vergroten", func() { sc.vergroot(i) })}
		if g.Naam == BereikInterventie {
			sc.maatMenu = fyne.NewMenuItem(MaatKiezen, sc.toonMaatKeuze)
			items = append(items, fyne.NewMenuItem(InterventieKiezen, sc.toonInterventieKeuze), sc.maatMenu)
		}
		k := newKaart(g, w, append(items, uitvoer.GrafiekMenu(w, sc.getekend(i))...))
		if g.Naam == BereikInterventie {
			k.voorMenu = sc.werkMaatMenuBij
		}
		k.OnTapped = func() { sc.vergroot(i) }
		k.onMaat = sc.kaartMaat
		sc.Kaarten = append(sc.Kaarten, k)
		cards = append(cards, k)
	}
	sc.getekendVoor = make([]tekening, len(sc.Kaarten))
	sc.BeginHier = newBeginHier(&sc.Wegen)
	bar := container.NewHBox(widget.NewLabel("Jaren"), sc.Van, widget.NewLabel("t/m"), sc.Tot, sc.PresenteerKnop, sc.RapportKnop, sc.Status)
	grid := container.New(&thumbGrid{minWidth: minTegel, maxWidth: maxTegel}, cards...)
	sc.content = container.NewBorder(bar, nil, nil, nil, container.NewVScroll(container.NewVBox(sc.BeginHier, sc.Tegels, grid)))
	return sc
}

// Thema is the chart theme the screen draws in (light unless set).
func (s *Screen) Thema() chart.Thema {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.thema
}

// SetThema draws the charts in another theme (high contrast for the projector)
// from now on, and redraws them if they were drawn already.
func (s *Screen) SetThema(t chart.Thema) {
	s.mu.Lock()
	redraw := s.thema.Naam != t.Naam && s.gen > 0
	s.thema = t
	s.mu.Unlock()
	if redraw {
		s.Refresh()
	}
}

// jaarKeuzes are the years a user can pick.
func jaarKeuzes() []string {
	var out []string
	for y := 2015; y <= time.Now().Year()+1; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the data again and redraws every chart off the UI goroutine;
// a newer refresh makes the results of an older one be dropped.
func (s *Screen) Refresh() {
	s.mu.Lock()
	s.gen++
	gen, o := s.gen, s.keuze
	s.mu.Unlock()
	uidraad.Go(func() { s.load(gen, o) })
}

// Stop ends the screen's background work when the program closes: charts
// still being drawn are dropped and no widget is changed any more.
func (s *Screen) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	s.gestopt = true
}

func (s *Screen) isGestopt() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gestopt
}

// current reports whether gen is still the newest refresh.
func (s *Screen) current(gen int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return gen == s.gen
}

// load builds the charts and tiles and draws the thumbnails, off the UI
// goroutine. At the program's start it does not wait for the window: it reads
// and draws on another processor while the window opens, and what it shows
// waits in the UI goroutine's queue.
func (s *Screen) load(gen int, o dashboard.Opties) {
	var err error
	if o.Tot == 0 {
		if o, err = dashboard.Standaard(s.store); err != nil {
			s.fout(err)
			return
		}
	}
	graphs, err := dashboard.BouwAlle(s.store, o)
	if err != nil {
		s.fout(err)
		return
	}
	tiles, err := dashboard.Kerncijfers(s.store, o, graphs)
	if err != nil {
		s.fout(err)
		return
	}
	leeg, err := dashboard.Leeg(s.store)
	if err != nil {
		s.fout(err)
		return
	}
	status := fmt.Sprintf("%d grafieken, %d-%d", len(graphs), o.Van, o.Tot)
	if laatste, ok, err := s.store.LaatsteJaar(); err != nil {
		s.fout(err)
		return
	} else if ok && laatste > o.Tot {
		status += fmt.Sprintf("; er zijn ook cijfers voor %d: kies t/m %d", laatste, laatste)
	}
	s.mu.Lock()
	if gen != s.gen {
		s.mu.Unlock()
		return // a newer refresh (other years, another theme) is on its way
	}
	s.opties, s.grafieken, s.grafiekenGen = o, graphs, gen
	s.mu.Unlock()
	s.ui(func() {
		s.stil = true
		s.Van.SetSelected(strconv.Itoa(o.Van))
		s.Tot.SetSelected(strconv.Itoa(o.Tot))
		s.stil = false
		s.toonTegels(tiles)
		s.BeginHier.toon(leeg)
	})
	if !s.tekenTegels() {
		return
	}
	s.ui(func() {
		s.Status.SetText(status)
		if s.klaar != nil {
			s.klaar()
		}
	})
}

// EersteBeeldEnv names the environment variable that makes the program print
// EersteBeeldMelding on standard error once the dashboard is first drawn
// completely: the marker the start-up benchmark waits for.
const EersteBeeldEnv = "JEUGDMONITOR_EERSTE_BEELD"

// EersteBeeldMelding is the line printed at the first complete dashboard.
const EersteBeeldMelding = "overzicht volledig getekend"

var eersteBeeld sync.Once

func meldEersteBeeld() {
	if os.Getenv(EersteBeeldEnv) != "" {
		eersteBeeld.Do(func() { fmt.Fprintln(os.Stderr, EersteBeeldMelding) })
	}
}

// fout shows an error from the background work.
func (s *Screen) fout(err error) {
	fyne.LogError("overzicht", err)
	s.ui(func() {
		s.Status.SetText("Fout: " + err.Error())
		dialog.ShowError(err, s.window)
		if s.klaar != nil {
			s.klaar()
		}
	})
}

// toonTegels replaces the key-figure tiles; a figure the program derived
// says so in its heading.
func (s *Screen) toonTegels(tiles []dashboard.Kerncijfer) {
	s.Tegels.Objects = nil
	for _, k := range tiles {
		// the whole figure or message, on two lines where it must: "nog
		// geen bereikcijfers" cut to "nog geen bereikcij…" said nothing
		value := widget.NewLabelWithStyle(k.Waarde, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		value.SizeName = theme.SizeNameHeadingText
		value.Wrapping = fyne.TextWrapWord
		note := widget.NewLabel(k.Toelichting)
		note.Wrapping = fyne.TextWrapWord
		label := k.Label
		if k.Berekend {
			label += " · berekend"
		}
		s.Tegels.Add(widget.NewCard("", label, container.NewVBox(value, note)))
	}
	s.Tegels.Refresh()
}

// tekening is the refresh and the size in pixels a tile was drawn for.
type tekening struct {
	gen  int
	maat image.Point
}

// tekenTegels draws, off the UI goroutine, every tile not yet drawn for the
// charts built last at the tiles' size, on as many goroutines as there are
// processors, and shows each as it is done; none while the tiles have no size
// yet (kaartMaat has them drawn once they have). It reports false when the
// charts built last are no longer of the newest refresh or a chart failed.
func (s *Screen) tekenTegels() bool {
	s.tekenen.Lock()
	defer s.tekenen.Unlock()
	s.mu.Lock()
	gen, graphs, voor := s.grafiekenGen, s.grafieken, tekening{s.grafiekenGen, s.tegel}
	knop := s.knop
	var todo []int
	for i := range graphs {
		if s.getekendVoor[i] != voor {
			todo = append(todo, i)
		}
	}
	s.mu.Unlock()
	if !s.current(gen) {
		return false
	}
	if voor.maat == (image.Point{}) {
		return true
	}
	o := chart.Opties{Breedte: max(voor.maat.X, chart.MinBreedte), Hoogte: max(voor.maat.Y, chart.MinHoogte),
		Thema: s.Thema(), VrijeHoek: knop}
	volgende := make(chan int, len(todo))
	for _, i := range todo {
		volgende <- i
	}
	close(volgende)
	var mislukt atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(todo)) {
		wg.Go(func() {
			for i := range volgende {
				if mislukt.Load() || !s.tekenTegel(i, graphs[i], voor, o) {
					mislukt.Store(true)
					return
				}
			}
		})
	}
	wg.Wait()
	if mislukt.Load() {
		return false
	}
	s.mu.Lock()
	alles := voor.maat == s.tegel && !slices.ContainsFunc(s.getekendVoor, func(t tekening) bool { return t != voor })
	s.mu.Unlock()
	if alles {
		s.ui(meldEersteBeeld)
	}
	return true
}

// tekenTegel draws chart i, g, for the refresh and size voor, with options o,
// and shows it. It reports false when the refresh is no longer the newest or
// the chart failed.
func (s *Screen) tekenTegel(i int, g dashboard.Grafiek, voor tekening, o chart.Opties) bool {
	img, err := chart.TekenBeeld(g, o)
	if err != nil {
		s.fout(err)
		return false
	}
	s.mu.Lock()
	current := voor.gen == s.gen
	if current {
		s.getekendVoor[i] = voor
	}
	s.mu.Unlock()
	if current {
		s.ui(func() { s.Kaarten[i].zet(img) })
	}
	return current
}

// kaartMaat records the size a tile is laid out at (on the UI goroutine) and
// draws the tiles at that size in pixels, off the UI goroutine: the first
// size once the UI goroutine has done the layout it is in (which may pass
// other sizes first), a later one once it has stayed the same for hertekenNa.
func (s *Screen) kaartMaat(size fyne.Size) {
	scale := float32(1)
	if c := s.window.Canvas(); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	px := image.Pt(int(size.Width*scale+0.5), int(size.Height*scale+0.5))
	knop := s.Kaarten[0].MenuKnop.MinSize()
	s.mu.Lock()
	s.knop = image.Pt(int(knop.Width*scale+0.5), int(knop.Height*scale+0.5))
	if px == s.tegel || px.X <= 0 || px.Y <= 0 {
		s.mu.Unlock()
		return
	}
	eerste := s.tegel == (image.Point{})
	s.tegel, s.maatTijd = px, time.Now()
	wacht := !eerste && !s.hertekent
	s.hertekent = s.hertekent || wacht
	s.mu.Unlock()
	switch {
	case eerste:
		s.ui(func() { uidraad.Go(func() { s.tekenTegels() }) })
	case wacht:
		uidraad.Go(s.hertekenTegels)
	}
}

// hertekenTegels waits until the tiles' size has not changed for
// hertekenNa and then draws every tile drawn at another size again.
func (s *Screen) hertekenTegels() {
	for {
		time.Sleep(hertekenNa)
		s.mu.Lock()
		if time.Since(s.maatTijd) < hertekenNa {
			s.mu.Unlock()
			continue
		}
		s.hertekent = false // a size from now on starts a new wait
		s.mu.Unlock()
		s.tekenTegels()
		return
	}
}

// onJaren redraws the charts for the chosen years.
func (s *Screen) onJaren() {
	if s.stil {
		return
	}
	van, err1 := strconv.Atoi(s.Van.Selected)
	tot, err2 := strconv.Atoi(s.Tot.Selected)
	if err1 != nil || err2 != nil {
		return
	}
	if van > tot {
		s.Status.SetText("Het eerste jaar ligt na het laatste; kies opnieuw.")
		return
	}
	s.mu.Lock()
	s.keuze = s.opties // with the intervention drawn last
	s.keuze.Van, s.keuze.Tot = van, tot
	o := s.keuze
	s.mu.Unlock()
	s.Status.SetText("Grafieken worden getekend…")
	s.Refresh()
	uidraad.Go(func() {
		if err := dashboard.Onthoud(s.store, o); err != nil {
			s.fout(err)
		}
	})
}

// Opties are the years the charts are drawn for (zero until the first
// drawing, which means the database's default years).
func (s *Screen) Opties() dashboard.Opties {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opties
}

// getekend gives chart i as it is on screen, for saving and copying.
func (s *Screen) getekend(i int) uitvoer.Grafiek {
	return func() (dashboard.Grafiek, chart.Thema, bool) {
		g, ok := s.grafiek(i)
		return g, s.Thema(), ok
	}
}

// grafiek returns the chart built last with the given index.
func (s *Screen) grafiek(i int) (dashboard.Grafiek, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i >= len(s.grafieken) {
		return dashboard.Grafiek{}, false
	}
	return s.grafieken[i], true
}
