// Package ui holds Jeugdmonitor's Fyne screens: the main window with its
// navigation, the register of interventions, the reach forms, the figures,
// budget and savings views, the audit trail and the settings. Screens read and
// change data only through the store in package data/store, off the UI
// goroutine, and show the errors it returns at the field they concern.
package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/assets"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/overzicht"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
	"jeugdmonitor/ui/uitvoer"
	"jeugdmonitor/ui/uitwisseling"
)

// Opener opens the database at path, creating it when create is set, with
// the built-in register loaded; an empty path is the program's own database.
type Opener func(path string, create bool) (*store.Store, error)

// Screen is one page of the main window.
type Screen interface {
	// Content is the page's canvas object.
	Content() fyne.CanvasObject
	// Refresh reads the page's data again, off the UI goroutine.
	Refresh()
}

// The optional abilities of a screen, used by the menu and the shortcuts.
type (
	searcher interface{ onSearch() }
	creator  interface{ onNew() }
	saver    interface{ onSave() }
	undoer   interface{ onUndo() bool }
	// undoForgetter ends the taking back of saves made before a
	// synchronisation.
	undoForgetter interface{ forgetUndos() }
	// canceller is exported so that screens of sub-packages (the
	// dashboard) take part
	canceller interface{ Cancel() }
	// dirtier reports typed input that has not been saved.
	dirtier interface{ dirty() bool }
	// holder reports that a record is open on the page (a detail view),
	// which a reload keeps open and reads again.
	holder interface{ holding() bool }
)

// page is an entry of the navigation.
type page struct {
	title string
	icon  fyne.ThemeIconName
}

// The pages, in the order of the navigation.
const (
	pageOverzicht = iota
	pageInterventies
	pageBereik
	pageCijfers
	pageBegroting
	pagePreventie
	pageBesparingen
	pageWijzigingen
	pageInstellingen
	pageHelp
)

// pages lists the navigation in its order.
var pages = []page{
	{"Overzicht", theme.IconNameGrid},
	{"Interventies", theme.IconNameList},
	{"Bereik invoeren", theme.IconNameDocumentCreate},
	{"Cijfers", theme.IconNameStorage},
	{"Begroting en doelen", theme.IconNameFolder},
	{"Preventie met Gezag", theme.IconNameWarning},
	{"Besparingen", iconNameEuro},
	{"Wijzigingen", theme.IconNameHistory},
	{"Instellingen", theme.IconNameSettings},
	{"Help", theme.IconNameHelp},
}

// build makes page id on the open database.
func (m *Main) build(id int) Screen {
	switch id {
	case pageOverzicht:
		sc := overzicht.New(m.store, m.win)
		sc.SetThema(chartTheme(m.app.Preferences().StringWithFallback(prefTheme, themeLicht)))
		sc.Wegen = overzicht.Wegen{BereikInvoeren: func() { m.navigate(pageBereik) }, Importeren: m.importWizard, Demo: m.openDemo}
		return sc
	case pageInterventies:
		return newInterventiesScreen(m)
	case pageBereik:
		return newBereikScreen(m)
	case pageCijfers:
		return newCijfersScreen(m)
	case pageBegroting:
		return newBegrotingScreen(m)
	case pagePreventie:
		return newPreventieScreen(m)
	case pageBesparingen:
		return newBesparingenScreen(m)
	case pageWijzigingen:
		return newWijzigingenScreen(m)
	case pageInstellingen:
		return newInstellingenScreen(m)
	}
	return newHelpScreen()
}

// Main is the main window: the navigation on the left, the current page on
// the right, a status line below, and the menu with the shortcuts.
type Main struct {
	app  fyne.App
	win  fyne.Window
	open Opener

	store   *store.Store
	screens []Screen
	current int

	nav    *keyList
	body   *fyne.Container
	status *widget.Label
	// statusWhole shows the status line's whole message (when cut off);
	// statusLine holds both.
	statusWhole *widget.Button
	statusLine  *fyne.Container
	where       *widget.Label

	// stopBackups ends the daily backups of the open database.
	stopBackups chan struct{}

	// syncing is the last synchronisation with the team, or joining of
	// one (nil: none yet).
	syncing *syncProgress
	// syncBusy is set from Synchroniseren until that synchronisation ends.
	syncBusy bool

	// sync runs background work on the calling goroutine (tests).
	sync bool

	// pathText writes a database path for the window; nil writes it as it
	// is. Tests set it so their pictures do not depend on the temporary folder.
	pathText func(string) string

	// stopped is set when the program closes: work finishing later no
	// longer touches the window (Fyne then runs fyne.Do at once, off the
	// UI goroutine).
	stopped atomic.Bool
}

// stop ends the window's background work and closes the database, once;
// quit calls it on the UI goroutine.
func (m *Main) stop() {
	if m.stopped.Swap(true) {
		return
	}
	if m.syncing != nil {
		m.syncing.cancel()
	}
	uitvoer.Stop(m.app)
	if o, ok := m.screenIfBuilt(pageOverzicht).(*overzicht.Screen); ok {
		o.Stop()
	}
	if m.store != nil {
		m.store.Close()
	}
}

// do runs f on the UI goroutine, unless the program has stopped.
func (m *Main) do(f func()) {
	uidraad.Doe(func() {
		if !m.stopped.Load() {
			f()
		}
	})
}

// screenIfBuilt is page id when it has been built, or nil.
func (m *Main) screenIfBuilt(id int) Screen {
	if m.screens == nil {
		return nil
	}
	return m.screens[id]
}

// Create builds the main window's content on w, installs the menu, the
// shortcuts and the check for unsaved input on closing, and opens the
// database at path in the background.
func Create(a fyne.App, w fyne.Window, open Opener, path string) fyne.CanvasObject {
	loadTranslations()
	m := newMain(a, w, open)
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, themeLicht))
	w.SetMainMenu(m.menu())
	// No Lifecycle().SetOnStopped: Fyne 2.8.1 runs that hook through its
	// UI queue while the loop is ending, and when the hook reaches the queue
	// just after the loop emptied it for the last time it waits there for
	// ever, so the window was gone and the process kept running. quit stops
	// the window's work itself before it asks Fyne to quit.
	w.SetCloseIntercept(m.requestQuit)
	m.setStatus(lang.L("Database wordt geopend…"))
	m.openAtStart(path)
	return m.content()
}

// openAtStart opens the database given at the start (--db), or without
// one the database the window opened last, or the program's own.
func (m *Main) openAtStart(path string) {
	if path != "" {
		m.openStore(path, false, false)
		return
	}
	last := m.app.Preferences().String(prefDatabase)
	if last == "" {
		m.openStore("", false, false)
		return
	}
	// in the background: the file may be on a network drive out of reach
	var gone error
	m.background(func() error {
		_, gone = os.Stat(last)
		return nil
	}, func(error) {
		if gone != nil {
			fyne.LogError("de laatst geopende database is er niet meer; de eigen database wordt geopend", gone)
			m.app.Preferences().RemoveValue(prefDatabase)
			last = ""
		}
		m.openStore(last, false, false)
	})
}

// prefDatabase is the preference that holds the database the window opened
// last from within the window (another database, a new one, a team's, a
// demo): started without --db, the window opens it again.
const prefDatabase = "database"

// loadTranslations gives Fyne the Dutch catalogue. It is also loaded as the
// English one, Fyne's fallback: the interface is Dutch on every system, and
// Fyne's own words (the title "Error" of an error message, Cancel, Save and
// Open in a file chooser) would otherwise stay English where Windows is not
// set to Dutch.
func loadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("vertalingen laden", err)
	}
	nl, err := assets.Translations.ReadFile("translations/nl.json")
	if err == nil {
		err = lang.AddTranslationsForLocale(nl, "en")
	}
	if err != nil {
		fyne.LogError("vertalingen laden", err)
	}
}

// newMain builds the window's parts without a database.
func newMain(a fyne.App, w fyne.Window, open Opener) *Main {
	m := &Main{app: a, win: w, open: open, current: pageOverzicht, where: widget.NewLabel("")}
	m.newStatusLine()
	m.where.Truncation = fyne.TextTruncateEllipsis
	m.body = container.NewStack(widget.NewLabel(""))
	m.nav = newKeyList(
		func() int { return len(pages) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ListIcon()), nil, widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(lang.L(pages[id].title))
			row.Objects[1].(*widget.Icon).SetResource(pageIcon(pages[id].icon))
		})
	m.nav.OnSelected = func(id widget.ListItemID) { m.show(id) }
	m.installKeys()
	return m
}

// installKeys makes the window handle its own keys: Escape, F1, F5 (which
// the program's fields and lists pass on) and Ctrl+Z. With a dialog open,
// Escape and Enter act on the dialog only (dialogKey).
func (m *Main) installKeys() {
	m.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if top := m.win.Canvas().Overlays().Top(); top != nil {
			dialogKey(top, k)
			return
		}
		switch k.Name {
		case fyne.KeyEscape:
			m.cancel()
		case fyne.KeyF5:
			m.present()
		case fyne.KeyF1:
			m.navigate(pageHelp)
		}
	})
	m.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { m.undoKey() })
}

// navigationShare is the part of the window's width the navigation takes
// at the start.
const navigationShare = 0.17

// content lays the window out.
func (m *Main) content() fyne.CanvasObject {
	brand := widget.NewLabelWithStyle(lang.L("Jeugdmonitor Zwolle"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.NewBorder(brand, nil, nil, nil, m.nav)
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, nil,
		container.NewGridWithColumns(2, m.statusLine, m.where))
	split := container.NewHSplit(side, m.body)
	split.Offset = navigationShare
	return container.NewBorder(nil, statusBar, nil, nil, split)
}

// openDatabase opens a database the user chose in the window in the
// background and, when that works, makes it the one the window works on,
// also at the next start (see prefDatabase).
func (m *Main) openDatabase(path string, create bool) {
	m.openStore(path, create, true)
}

// openStore opens the database at path in the background and, when that
// works, makes it the one the window works on, noting it as the one to open
// at the next start when remember is set. Without a database the settings
// page is shown so another file can be chosen.
func (m *Main) openStore(path string, create, remember bool) {
	var s *store.Store
	m.background(func() (err error) {
		s, err = m.open(path, create)
		if err == nil {
			s.SetUser(m.app.Preferences().String(prefUser))
		}
		return err
	}, func(err error) {
		if err != nil {
			fyne.LogError("database openen", err)
			m.showError(err)
			if m.store == nil {
				m.setStatus(lang.L("Geen database geopend; kies er een bij Instellingen."))
				m.nav.Select(pageInstellingen)
			}
			return
		}
		if remember {
			m.app.Preferences().SetString(prefDatabase, s.Path())
		}
		m.useStore(s)
	})
}

// useStore makes s the database the window works on: every page is built
// anew on it, the previous database is closed.
func (m *Main) useStore(s *store.Store) {
	m.dropScreens()
	if m.store != nil && m.store != s {
		m.store.Close()
	}
	m.store = s
	m.win.SetTitle(fmt.Sprintf("Jeugdmonitor Zwolle — %s (%s)", filepath.Base(s.Path()), filepath.Dir(s.Path())))
	m.updateWhere()
	m.setStatus(lang.L("Database geopend: {{.Pad}}", map[string]any{"Pad": m.storePath()}))
	m.showReadOnlyNotice(s)
	m.startDailyBackups(s)
	m.selectPage(m.current)
}

// present opens the dashboard's presentation chooser, ready to start with
// the keyboard (F5, as in presentation programs).
func (m *Main) present() {
	if m.store == nil {
		return
	}
	sc := m.currentScreen()
	if m.current != pageOverzicht || sc == nil {
		sc = m.navigate(pageOverzicht) // on the dashboard already: no need to read it again
	}
	if o, ok := sc.(*overzicht.Screen); ok {
		o.Presenteer()
	}
}

// reload reads every page again on the open database, after a change that
// may touch all of them (an import, a synchronisation, a resolved
// conflict). Pages where the user types (dirtier) are kept and read their
// data again around what is typed there, so unsaved input, the chosen tab
// and the cursor stay, and so are pages with a record open (holder); the
// other pages are built anew. Saves made before
// can no longer be taken back (forgetUndos): the figures under them may
// have changed.
func (m *Main) reload() {
	m.forgetUndos()
	kept := make([]Screen, len(pages))
	for id, sc := range m.screens {
		h, open := sc.(holder)
		if _, input := sc.(dirtier); input || open && h.holding() {
			kept[id] = sc
		}
	}
	m.dropScreens()
	m.screens = kept
	if sc := kept[m.current]; sc != nil && m.body.Objects[0] == sc.Content() {
		sc.Refresh()
		return
	}
	m.show(m.current)
}

// forgetUndos ends, on every page built, the taking back of saves made
// before a synchronisation, an import or a settled conflict.
func (m *Main) forgetUndos() {
	for _, sc := range m.screens {
		if u, ok := sc.(undoForgetter); ok {
			u.forgetUndos()
		}
	}
}

// dropScreens lets every page be built anew on next use; the dashboard's
// drawing in the background ends first, so it does not report the database
// it read from as closed. Safe from any goroutine.
func (m *Main) dropScreens() {
	if o, ok := m.screenIfBuilt(pageOverzicht).(*overzicht.Screen); ok {
		o.Stop()
	}
	m.screens = make([]Screen, len(pages))
}

// updateWhere shows the database and the user in the status line.
func (m *Main) updateWhere() {
	m.where.SetText(lang.L("{{.Bestand}} · wijzigingen op naam van {{.Naam}}",
		map[string]any{"Bestand": m.storePath(), "Naam": m.store.User()}))
}

// storePath is the open database's path as the window writes it.
func (m *Main) storePath() string { return m.showPath(m.store.Path()) }

// showPath is a database path as the window writes it.
func (m *Main) showPath(path string) string {
	if m.pathText != nil {
		return m.pathText(path)
	}
	return path
}

// show makes page id the current one, building it on first use.
func (m *Main) show(id int) {
	if id < 0 || id >= len(pages) {
		return
	}
	m.current = id
	if m.store == nil {
		if id != pageInstellingen && id != pageHelp {
			m.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Geen database geopend; kies er een bij Instellingen."))}
			m.body.Refresh()
			return
		}
	}
	first := m.screens == nil || m.screens[id] == nil
	sc := m.screen(id)
	m.body.Objects = []fyne.CanvasObject{sc.Content()}
	m.body.Refresh()
	if !first {
		sc.Refresh()
	}
	if f, ok := sc.(searcher); ok {
		f.onSearch() // keyboard first: the cursor starts in the page's first field
	}
}

// screen returns page id, building it when it is not built yet.
func (m *Main) screen(id int) Screen {
	if m.screens == nil {
		m.screens = make([]Screen, len(pages))
	}
	if m.screens[id] == nil {
		m.screens[id] = m.build(id)
		m.screens[id].Refresh()
	}
	return m.screens[id]
}

// navigate shows page id, selected in the navigation, and returns it; nil
// when the page cannot be shown because no database is open.
func (m *Main) navigate(id int) Screen {
	m.selectPage(id)
	return m.currentScreen()
}

// selectPage selects page id in the navigation, whose OnSelected shows it:
// once, also when it was selected already (it then reads its data again).
func (m *Main) selectPage(id int) {
	m.nav.Unselect(id)
	m.nav.Select(id)
}

// currentScreen is the page on show, or nil.
func (m *Main) currentScreen() Screen {
	if m.screens == nil || m.screens[m.current] == nil {
		return nil
	}
	return m.screens[m.current]
}

// background runs work off the UI goroutine and then done on it with work's
// error. Database and file work always goes through here.
func (m *Main) background(work func() error, done func(err error)) {
	finish := func() {
		err := work()
		m.do(func() { done(err) })
	}
	if m.sync {
		finish()
		return
	}
	uidraad.Go(finish)
}

// load runs work in the background and shows its error, if any, as a dialog;
// otherwise it calls done on the UI goroutine.
func (m *Main) load(work func() error, done func()) {
	m.background(work, func(err error) {
		if err != nil {
			m.showError(err)
			return
		}
		done()
	})
}

// showError logs an error and shows it in a dialog.
func (m *Main) showError(err error) {
	fyne.LogError("Jeugdmonitor", err)
	dialog.ShowError(err, m.win)
}

// dirty reports whether any page holds typed input that is not saved.
func (m *Main) dirty() bool {
	for _, sc := range m.screens {
		if d, ok := sc.(dirtier); ok && d.dirty() {
			return true
		}
	}
	return false
}

// requestQuit quits, asking first when typed input would be lost.
func (m *Main) requestQuit() {
	switch {
	case uitvoer.Bezig():
		m.askQuit(lang.L("Bestand wordt geschreven"), lang.L("Toch afsluiten"),
			lang.L("Er wordt nog een bestand geschreven (rapport, presentatie of grafiek). Afsluiten breekt dat af; het bestand wordt dan niet gemaakt."))
	case m.dirty():
		m.askQuit(lang.L("Niet opgeslagen invoer"), lang.L("Afsluiten zonder opslaan"),
			lang.L("Er is invoer die nog niet is opgeslagen. Wilt u afsluiten zonder op te slaan?"))
	case m.syncBusy:
		m.askQuit(lang.L("Er wordt gesynchroniseerd"), lang.L("Toch afsluiten"),
			lang.L("Afsluiten breekt het synchroniseren af. Wat al verstuurd of binnen is, blijft; de volgende keer gaat het verder."))
	default:
		m.quit()
	}
}

// quit ends the window's background work, closes the database and then
// ends the program.
func (m *Main) quit() {
	m.stop()
	m.app.Quit()
}

// askQuit asks before quitting; quit is the label of the button that quits.
func (m *Main) askQuit(title, quit, text string) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, quit, lang.L("Terug"), msg, func(ok bool) {
		if ok {
			m.quit()
		}
	}, m.win)
	d.Show()
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
}

// The actions of the menu and the shortcuts, handed to the page on show.

func (m *Main) search() {
	if s, ok := m.currentScreen().(searcher); ok {
		s.onSearch()
		return
	}
	if s, ok := m.navigate(pageInterventies).(searcher); ok {
		s.onSearch()
	}
}

func (m *Main) create() {
	if c, ok := m.currentScreen().(creator); ok {
		c.onNew()
		return
	}
	if c, ok := m.navigate(pageInterventies).(creator); ok {
		c.onNew()
	}
}

func (m *Main) save() {
	if s, ok := m.currentScreen().(saver); ok {
		s.onSave()
	}
}

// undoSave takes back the page's last save (the menu item and the page's
// button).
func (m *Main) undoSave() {
	if u, ok := m.currentScreen().(undoer); ok {
		u.onUndo()
	}
}

// undoKey is Ctrl+Z: in a field with typed text it undoes the typing, and
// it takes back the page's last save only when no field holds unsaved text.
func (m *Main) undoKey() {
	e, inField := m.win.Canvas().Focused().(*entry)
	switch {
	case inField && (e.typed() || m.dirty()):
		e.undoTyping()
	case m.dirty():
		m.setStatus(lang.L("Ctrl+Z neemt de laatste opslag pas terug als er geen niet-opgeslagen invoer is; gebruik anders de knop."))
	default:
		if u, ok := m.currentScreen().(undoer); ok && u.onUndo() {
			return
		}
		if inField {
			e.undoTyping()
		}
	}
}

// cancel is Escape with no field focused: the screen's own cancel.
func (m *Main) cancel() {
	if c, ok := m.currentScreen().(canceller); ok {
		c.Cancel()
	}
}

// menu is the window's menu bar with the shortcuts.
func (m *Main) menu() *fyne.MainMenu {
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		if sc != nil {
			// Fyne 2.8.1 sizes a menu so that its widest label just
			// touches its shortcut, and in the high-contrast theme they
			// overlap: an em space keeps them apart
			label += "\u2003"
		}
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	quit := item(lang.L("Afsluiten"), ctrl(fyne.KeyQ), m.requestQuit)
	quit.IsQuit = true
	settings := func() *instellingenScreen {
		sc, _ := m.screen(pageInstellingen).(*instellingenScreen)
		return sc
	}
	withStore := func(action func()) func() {
		return func() {
			if m.store != nil {
				action()
			}
		}
	}
	file := fyne.NewMenu(lang.L("Bestand"),
		item(lang.L("Database openen…"), nil, func() { settings().onOpen() }),
		item(lang.L("Nieuwe database…"), nil, func() { settings().onCreate() }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Importeren uit Excel, CSV of CBS…"), nil, withStore(m.importWizard)),
		item(lang.L("Bijwerken vanuit CBS…"), nil, withStore(func() { uitwisseling.NewCBSDialog(m.store, m.win, m.reload).Show() })),
		item(lang.L("Exporteren naar Excel, CSV of JSON…"), nil, withStore(func() {
			uitwisseling.NewExportDialog(m.store, m.win).Show()
		})),
		item(uitvoer.Knop(rapport.PDF), nil, func() { m.report(rapport.PDF) }),
		item(uitvoer.Knop(rapport.PPTX), nil, func() { m.report(rapport.PPTX) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Synchroniseren met het team"), nil, m.onSync),
		item(lang.L("Conflicten…"), nil, func() { m.showConflicts() }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Reservekopie maken…"), nil, withStore(func() { uitwisseling.NewBackupDialog(m.store, m.win).Show() })),
		item(lang.L("Reservekopie terugzetten…"), nil, withStore(func() { m.restoreDialog().Show() })),
		fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu(lang.L("Bewerken"),
		item(lang.L("Zoeken"), ctrl(fyne.KeyF), m.search),
		item(lang.L("Nieuw"), ctrl(fyne.KeyN), m.create),
		item(lang.L("Opslaan"), ctrl(fyne.KeyS), m.save),
		// no shortcut here: a menu shortcut would run before the field
		// with the cursor could undo its typing (see undoKey)
		item(lang.L("Laatste opslag ongedaan maken"), nil, m.undoSave))
	var views []*fyne.MenuItem
	for i, p := range pages {
		var sc fyne.Shortcut
		if i < 9 {
			sc = ctrl(fyne.KeyName(fmt.Sprint(i + 1)))
		}
		views = append(views, item(lang.L(p.title), sc, func() { m.navigate(i) }))
	}
	views = append(views, fyne.NewMenuItemSeparator(), item(lang.L("Presenteren… (F5)"), nil, m.present))
	help := fyne.NewMenu(lang.L("Help"), item(lang.L("Sneltoetsen en uitleg"), nil, func() { m.navigate(pageHelp) }))
	return fyne.NewMainMenu(file, edit, fyne.NewMenu(lang.L("Beeld"), views...), help)
}
