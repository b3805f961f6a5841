package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// countingScreen counts how often it is asked to read its data.
type countingScreen struct{ refreshes int }

func (c *countingScreen) Content() fyne.CanvasObject { return widget.NewLabel("") }
func (c *countingScreen) Refresh()                   { c.refreshes++ }

// TestNavigateReadsThePageOnce: choosing a page from the menu reads its data
// once, not once for the selection in the navigation and again after it.
func TestNavigateReadsThePageOnce(t *testing.T) {
	m, _, _ := newTestMain(t, t.TempDir())
	c := &countingScreen{}
	m.screens[pageHelp] = c
	m.navigate(pageHelp)
	if c.refreshes != 1 {
		t.Fatalf("navigating to a built page read it %d times, want 1", c.refreshes)
	}
	m.navigate(pageHelp)
	if c.refreshes != 2 {
		t.Fatalf("navigating to the page on show read it %d times in all, want 2", c.refreshes)
	}
}

// TestShortcutsWithoutDatabase: the page shortcuts, Ctrl+F and Ctrl+N do
// nothing harmful before a database is open (while it opens, or after opening
// failed): no page is built on a missing store.
func TestShortcutsWithoutDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	applyTheme(a, themeLicht) // as Create does: Help needs its fonts
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	m := newMain(a, w, nil)
	m.sync = true
	w.SetContent(m.content())
	m.search()
	m.create()
	for id := range pages {
		m.navigate(id)
	}
	for id, sc := range m.screens {
		if sc != nil && id != pageInstellingen && id != pageHelp {
			t.Errorf("page %d built without a database", id)
		}
	}
}

// TestPagesDrawnAgainKeepTheirLayout: a page whose rows are replaced while it
// is on show (read again on a later visit, another goal chosen) looks as on
// its first visit, without rows drawn over each other.
func TestPagesDrawnAgainKeepTheirLayout(t *testing.T) {
	m, _, w := goldenMain(t, "jeugdmonitor-ui-golden") // the goldens show this folder
	m.navigate(pageBesparingen)
	m.navigate(pageInterventies)
	m.navigate(pageBesparingen)
	test.AssertImageMatches(t, "screen_besparingen.png", w.Canvas().Capture())
	b := m.navigate(pageBegroting).(*begrotingScreen)
	b.list.Select(1)
	b.list.Select(0)
	test.AssertImageMatches(t, "screen_begroting.png", w.Canvas().Capture())
}

// TestSetChoicesFiltersOnce: filling a filter's choices does not run the
// screen's filter (the screen filters once after all its selects), keeps
// what was chosen while it is offered, and leaves the handler in place.
func TestSetChoicesFiltersOnce(t *testing.T) {
	runs := 0
	sel := widget.NewSelect(nil, func(string) { runs++ })
	setChoices(sel, "Alle clusters", []string{"HVA", "Sociale basis"})
	if runs != 0 || sel.Selected != "Alle clusters" {
		t.Fatalf("first fill: %d runs, selected %q", runs, sel.Selected)
	}
	sel.SetSelected("HVA")
	setChoices(sel, "Alle clusters", []string{"HVA", "Jeugdhulp"})
	if runs != 1 || sel.Selected != "HVA" {
		t.Fatalf("refill: %d runs, selected %q; want the user's one run and HVA kept", runs, sel.Selected)
	}
	setChoices(sel, "Alle clusters", []string{"Jeugdhulp"})
	if sel.Selected != "Alle clusters" {
		t.Fatalf("a choice no longer offered stays selected: %q", sel.Selected)
	}
	sel.SetSelected("Jeugdhulp")
	if runs != 2 {
		t.Fatalf("the select's handler is gone after filling: %d runs", runs)
	}
}

// TestInstellingenShowsThemeWithoutApplyingIt: opening Instellingen shows
// the remembered theme without applying it again (that redraws the whole
// program); choosing another applies and remembers it.
func TestInstellingenShowsThemeWithoutApplyingIt(t *testing.T) {
	m, _, _ := newTestMain(t, t.TempDir())
	m.app.Preferences().SetString(prefTheme, themeDonker)
	inUse := test.Theme()
	m.app.Settings().SetTheme(inUse)
	s := newInstellingenScreen(m)
	if s.theme.Selected != themeDonker {
		t.Fatalf("shows %q, want the remembered %q", s.theme.Selected, themeDonker)
	}
	if m.app.Settings().Theme() != inUse {
		t.Fatal("building the screen applied the theme")
	}
	s.theme.SetSelected(themeHoogContrast)
	if m.app.Preferences().String(prefTheme) != themeHoogContrast || m.app.Settings().Theme() == inUse {
		t.Fatal("choosing a theme did not apply and remember it")
	}
}

// TestF5FromAField: F5 typed in a field reaches the window's keys (which
// present), since a focused field gets every key.
func TestF5FromAField(t *testing.T) {
	test.NewTempApp(t)
	e := newEntry("")
	w := test.NewWindow(e)
	t.Cleanup(w.Close)
	var keys []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { keys = append(keys, k.Name) })
	w.Canvas().Focus(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if len(keys) != 1 || keys[0] != fyne.KeyF5 {
		t.Fatalf("the window got %v, want only F5", keys)
	}
}

// TestHelpSaysWhereThingsAreDone: Help tells a new user where targets are
// set, where a chart's headline message is typed, how the report for the
// council is made and where the team database is set up and synchronised.
func TestHelpSaysWhereThingsAreDone(t *testing.T) {
	test.NewTempApp(t)
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *container.Scroll:
			walk(x.Content)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(newHelpScreen().Content())
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Doelstelling toevoegen…", "Kernboodschap opslaan", "Rapport voor de raad",
		"Instellingen > Teamdatabase", "Synchroniseren met het team"} {
		if !strings.Contains(all, want) {
			t.Errorf("Help does not mention %q", want)
		}
	}
}

// TestQuitStopsTheWorkBeforeFyneQuits: Ctrl+Q with nothing unsaved ends the
// window's background work and closes the database itself, before it asks
// Fyne to quit: Fyne 2.8.1 may leave a Lifecycle OnStopped hook waiting in
// its ended UI queue for ever, which kept the process running.
func TestQuitStopsTheWorkBeforeFyneQuits(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	m.requestQuit()
	if !m.stopped.Load() {
		t.Fatal("Ctrl+Q did not stop the window's background work")
	}
	if _, _, err := s.LaatsteJaar(); err == nil {
		t.Fatal("Ctrl+Q left the database open")
	}
	m.stop() // a second close (the window's close button after Ctrl+Q) does nothing
}

// TestQuitDuringSyncAsks: Ctrl+Q while a synchronisation runs asks first,
// and Terug leaves it running and the database open.
func TestQuitDuringSyncAsks(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	m.syncBusy = true
	m.requestQuit()
	if m.stopped.Load() {
		t.Fatal("Ctrl+Q during a synchronisation quit without asking")
	}
	_, _, texts := overlayWidgets(w)
	if !strings.Contains(strings.Join(texts, " "), "Afsluiten breekt het synchroniseren af") {
		t.Fatalf("vraag bij afsluiten: %q", texts)
	}
	test.Tap(overlayButton(t, w, "Terug"))
	if _, _, err := s.LaatsteJaar(); err != nil || m.stopped.Load() {
		t.Fatalf("na Terug: %v", err)
	}
	m.syncBusy = false
}

// TestStartOpensTheLastDatabase: a database opened in the window (another
// file, a team's copy) is the one the window opens at its next start
// without --db; one that has gone since is not, and the program's own
// database is opened instead. A database given at the start (--db) is not
// remembered.
func TestStartOpensTheLastDatabase(t *testing.T) {
	dir := t.TempDir()
	m, first, _ := newTestMain(t, dir)
	opened := []string{}
	own := filepath.Join(t.TempDir(), "eigen.db") // the program's own database, as "" names it
	open := func(path string, create bool) (*store.Store, error) {
		opened = append(opened, path)
		if path == "" {
			path, create = own, true
		}
		return store.Open(path, store.Options{Create: create, Now: clock})
	}
	m.open = open
	other := registertest.Open(t, t.TempDir(), store.Options{Now: clock}, nil)
	otherPath := other.Path()
	other.Close()
	m.openDatabase(otherPath, false)
	if m.store.Path() != otherPath || m.app.Preferences().String(prefDatabase) != otherPath {
		t.Fatalf("geopend %s, onthouden %q; verwacht %s", m.store.Path(), m.app.Preferences().String(prefDatabase), otherPath)
	}
	m.store.Close()

	// the next start, without --db, on the same preferences
	start := func(path string) string {
		t.Helper()
		opened = opened[:0]
		w := test.NewWindow(nil)
		t.Cleanup(w.Close)
		next := newMain(m.app, w, open)
		next.sync = true
		next.current = pageInterventies // the Overzicht draws on goroutines of its own
		next.openAtStart(path)
		if next.store != nil {
			next.store.Close()
		}
		return strings.Join(opened, ",")
	}
	if got := start(""); got != otherPath {
		t.Fatalf("bij de start geopend: %q, verwacht %s", got, otherPath)
	}
	if got := start(first.Path()); got != first.Path() || m.app.Preferences().String(prefDatabase) != otherPath {
		t.Fatalf("met --db geopend %q en onthouden %q", got, m.app.Preferences().String(prefDatabase))
	}
	if err := os.Remove(otherPath); err != nil {
		t.Fatal(err)
	}
	if got := start(""); got != "" || m.app.Preferences().String(prefDatabase) != "" {
		t.Fatalf("na verwijderen geopend %q (verwacht de eigen database), onthouden %q", got, m.app.Preferences().String(prefDatabase))
	}
}
