package ui

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/uidraad"
)

// TestEveryAction builds the main window on a new database with the
// built-in register and on a demonstration database, and does everything a
// user can reach: every menu item, every shortcut and window key on every
// screen, and every button (and list row) found by walking the widget tree
// of every screen, so a new button or menu item is covered without a new
// test. Every dialog that opens is cancelled once and confirmed once; file
// choosers get a typed path in a temporary folder whose name holds a space,
// '#', 'ë' and '€'. The test fails on a panic, on an error dialog, and on a
// Fyne threading warning in the log.
func TestEveryAction(t *testing.T) {
	if testing.Short() {
		t.Skip("the walk takes a minute or two; ./build.sh test runs it (the race step runs -short)")
	}
	kind := os.Getenv(walkEnv)
	if kind == "" {
		// each walk in a process of its own, both at once: Fyne keeps state
		// between tests in one process (a walk left the next test's window
		// drawn wrongly), and the walks are slow
		for _, kind := range []string{"nieuw", "demo"} {
			t.Run(kind, func(t *testing.T) {
				t.Parallel()
				cmd := exec.Command(os.Args[0], "-test.run=^TestEveryAction$", "-test.timeout=8m")
				cmd.Env = append(os.Environ(), walkEnv+"="+kind)
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("de wandeling op de %s database faalde: %v\n%s", kind, err, walkReport(out))
				}
			})
		}
		return
	}
	demo := kind == "demo"
	wk := newWalker(t, demo)
	wk.walkMenu()
	wk.walkKeys(!demo) // on the demo database on the first screen only, to keep the walk short
	wk.walkScreens(!demo)
	wk.finish()
}

// TestEveryAction is in the package's last file so that it runs last: a
// golden test that ran after the minute-long walk drew its window wrongly
// (Fyne's test driver expires cached renderers after a minute).

// walkEnv names the environment variable that makes TestEveryAction walk,
// in the process it starts, the window on a new ("nieuw") or a demo database.
const walkEnv = "JEUGDMONITOR_WANDELING"

// walkReport is the walk's output without Fyne's noise about favourite
// folders this machine lacks.
func walkReport(out []byte) string {
	var keep []string
	skip := 0
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "Fyne error:  Getting favorite locations") {
			skip = 2
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

// walker does every action of one main window.
type walker struct {
	t   *testing.T
	m   *Main
	w   fyne.Window
	dir string // where the choosers read and write
	// files the open choosers are given, by a word of their title
	openFiles map[string]string
	saved     int // files written through save choosers
	done      map[string]int
	log       *lockedBuffer
	// afwerken runs the widget changes background work handed over
	afwerken func() int
	// before are the windows that were there before the walk began
	before map[fyne.Window]bool
}

// lockedBuffer collects the log, which background goroutines write too.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// walkerOpener opens databases as the program does: a new one gets the
// built-in register.
func walkerOpener(path string, create bool) (*store.Store, error) {
	s, err := store.Open(path, store.Options{Create: create, User: "tester"})
	if err != nil || !create {
		return s, err
	}
	docs, err := register.Builtin()
	if err == nil {
		_, err = register.Seed(s, docs)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func newWalker(t *testing.T, demo bool) *walker {
	a := test.NewTempApp(t)
	applyTheme(a, themeLicht)
	dir := filepath.Join(t.TempDir(), "map met spatie #ë €")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuffer{}
	log.SetOutput(io.MultiWriter(os.Stderr, logs))
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	path := filepath.Join(dir, "jeugdmonitor.db")
	s, err := walkerOpener(path, !demo)
	if demo {
		s, err = store.Open(path, store.Options{Create: true, User: "tester"})
		if err == nil {
			err = dashboard.VulDemo(s)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	// files for the open choosers: two copies of the database (one to open,
	// one to restore) and the reach as CSV for the import wizard
	wk := &walker{t: t, dir: dir, done: map[string]int{}, log: logs, openFiles: map[string]string{
		"Database":     filepath.Join(dir, "te openen #1 €.db"),
		"Reservekopie": filepath.Join(dir, "terug te zetten 100% ë.db"),
		"Bestand":      filepath.Join(dir, "bereik #2 ë.csv"),
	}}
	for _, p := range []string{wk.openFiles["Database"], wk.openFiles["Reservekopie"]} {
		if err := s.BackupTo(p); err != nil {
			t.Fatal(err)
		}
	}
	var csv bytes.Buffer
	if err := export.Write(&csv, s, export.KindBereik, export.FormatCSV); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wk.openFiles["Bestand"], csv.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// the choosers start in the temporary folder
	a.Preferences().SetString("fyne:fileDialogLastFolder", "file://"+filepath.ToSlash(dir))

	afwerken, stop := uidraad.Wachtrij()
	wk.afwerken = afwerken
	wk.before = map[fyne.Window]bool{}
	for _, o := range a.Driver().AllWindows() {
		wk.before[o] = true
	}
	w := test.NewWindow(nil)
	t.Cleanup(func() {
		defer stop()
		wk.closeOtherWindows()
		w.Close()
		if wk.m.store != nil {
			wk.m.store.Close()
		}
	})
	m := newMain(a, w, walkerOpener)
	m.sync = true
	w.SetMainMenu(m.menu())
	w.SetContent(m.content())
	w.Resize(fyne.NewSize(1366, 697))
	wk.m, wk.w = m, w
	m.useStore(s)
	wk.settle()
	return wk
}

// settle runs the widget changes of the background work an action started,
// on the test goroutine, until all that work has ended.
func (wk *walker) settle() {
	wk.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for wk.afwerken() > 0 || uidraad.Lopend() > 0 {
		if time.Now().After(deadline) {
			wk.t.Fatalf("achtergrondwerk loopt na 2 minuten nog (%d)", uidraad.Lopend())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// act does one action and then cancels (confirm false) or confirms every
// dialog it opens.
func (wk *walker) act(what string, confirm bool, action func()) {
	wk.t.Helper()
	wk.done[what]++
	action()
	wk.answer(what, confirm)
}

// answer cancels or confirms the dialogs on top of the window until none is
// left, and leaves any presentation window with Escape. Confirming first
// taps the dialog's other buttons (the import wizard's "Bestand kiezen…"),
// then its button of high importance; a dialog still there after all that
// (a form that refuses empty fields) is cancelled.
func (wk *walker) answer(what string, confirm bool) {
	wk.t.Helper()
	tapped := map[*widget.Button]bool{}
	for range 40 {
		wk.settle()
		wk.closeOtherWindows()
		top := wk.w.Canvas().Overlays().Top()
		if top == nil {
			return
		}
		objs := visibleObjects(top)
		if msg := errorMessage(objs); msg != "" {
			wk.t.Errorf("%s: foutmelding %q", what, msg)
		}
		if wk.chooser(what, objs, confirm) {
			continue
		}
		if b := pickButton(objs, confirm, tapped); b != nil {
			tapped[b] = true
			wk.done["dialoogknop "+buttonKey(b)]++
			test.Tap(b)
			continue
		}
		wk.w.Canvas().Overlays().Remove(top) // a pop-up list or menu: clicking beside it closes it
	}
	wk.t.Fatalf("%s: dialogs keep opening", what)
}

// chooser answers a file chooser: Cancel, or a typed path in the temporary
// folder. It reports whether objs is a chooser.
func (wk *walker) chooser(what string, objs []fyne.CanvasObject, confirm bool) bool {
	var cancel, open, save *widget.Button
	var field *widget.Entry
	var title string
	for _, o := range objs {
		switch t := o.(type) {
		case *widget.Button:
			switch t.Text {
			case lang.L("Cancel"):
				cancel = t
			case lang.L("Open"):
				open = t
			case lang.L("Save"):
				save = t
			}
		case *widget.Entry:
			field = t
		case *widget.Label:
			if title == "" && t.TextStyle.Bold {
				title = t.Text
			}
		}
	}
	if cancel == nil || field == nil || (open == nil && save == nil) {
		return false
	}
	if !confirm {
		wk.done["kiezer geannuleerd: "+title]++
		test.Tap(cancel)
		return true
	}
	var path string
	if save != nil {
		wk.saved++
		name := field.Text
		if name == "" {
			name = "bestand"
		}
		path = filepath.Join(wk.dir, fmt.Sprintf("%d %s", wk.saved, name))
	} else {
		path = wk.openFiles["Database"]
		for word, p := range wk.openFiles {
			if strings.Contains(title, word) {
				path = p
			}
		}
	}
	wk.done["kiezer bevestigd: "+title]++
	field.SetText(path)
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if save != nil && !strings.HasSuffix(path, ".db") {
		// every save but a new database (which the window opens) writes
		// the file, in the background
		wk.settle()
		if _, err := os.Stat(path); err != nil {
			wk.t.Errorf("%s: %s is niet geschreven: %v", what, filepath.Base(path), err)
		}
	}
	return true
}

// closeOtherWindows leaves every window besides the main one (a
// presentation) with Escape, as a user does; one that stays is closed.
func (wk *walker) closeOtherWindows() {
	open := func(w fyne.Window) bool {
		for _, o := range fyne.CurrentApp().Driver().AllWindows() {
			if o == w {
				return true
			}
		}
		return false
	}
	// a copy: closing a window changes the test driver's list
	for _, o := range append([]fyne.Window(nil), fyne.CurrentApp().Driver().AllWindows()...) {
		if o == wk.w || wk.before[o] || !open(o) {
			continue
		}
		wk.done["venster "+o.Title()]++
		if key := o.Canvas().OnTypedKey(); key != nil {
			key(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		if open(o) {
			wk.t.Errorf("Escape sloot het venster %q niet", o.Title())
			o.Close()
		}
	}
}

// walkMenu does every menu item, cancelling and then confirming its dialogs.
func (wk *walker) walkMenu() {
	for _, menu := range wk.w.MainMenu().Items {
		for _, it := range menu.Items {
			if it.IsSeparator || it.IsQuit || it.Action == nil {
				continue // Ctrl+Q is left to the journey with the real program
			}
			what := "menu " + menu.Label + " > " + it.Label
			wk.act(what, false, it.Action)
			wk.act(what, true, it.Action)
		}
	}
}

// walkKeys presses every shortcut of the menu and the window's own keys,
// also right after a click in the navigation: on every screen, or only on
// the first.
func (wk *walker) walkKeys(everyScreen bool) {
	type shortcut struct {
		item *fyne.MenuItem
		// onScreen: what it does depends on the screen (the Bewerken menu)
		onScreen bool
	}
	var shortcuts []shortcut
	for i, menu := range wk.w.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil && !it.IsQuit {
				shortcuts = append(shortcuts, shortcut{it, i == 1})
			}
		}
	}
	keys := []fyne.KeyName{fyne.KeyF1, fyne.KeyF5, fyne.KeyEscape}
	for id := range pages {
		if id > 0 && !everyScreen {
			return
		}
		// the dialogs a key opens are confirmed on the first screen (and
		// the menu's through the menu) and cancelled on the others
		confirm := id == 0
		for _, sc := range shortcuts {
			if id > 0 && !sc.onScreen {
				continue
			}
			wk.m.navigate(id)
			// what Fyne does with a shortcut of the menu
			wk.act("sneltoets "+sc.item.Shortcut.ShortcutName(), false, sc.item.Action)
		}
		for _, k := range keys {
			wk.m.navigate(id)
			wk.act("toets "+string(k), confirm, func() { wk.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) })
			wk.m.navigate(id)
			wk.w.Canvas().Focus(wk.m.nav) // a click in the navigation focuses it
			wk.act("toets "+string(k)+" na de navigatie", confirm, func() { wk.m.nav.TypedKey(&fyne.KeyEvent{Name: k}) })
		}
		wk.m.navigate(id)
		wk.act("Ctrl+Z", true, wk.m.undoKey)
	}
}

// walkScreens taps every button and chooses a row of every list on every
// screen, and, when deep, the buttons that appear after that (the detail
// view of an intervention), each with its dialogs cancelled and then
// confirmed.
func (wk *walker) walkScreens(deep bool) {
	for id := range pages {
		seen := map[string]bool{}
		for _, key := range wk.actionsOn(id, nil) {
			for _, confirm := range []bool{false, true} {
				wk.doOn(id, nil, key, confirm)
			}
			seen[key] = true
		}
		if !deep {
			continue
		}
		// one level deeper: what a tap or a chosen row brings on screen
		for _, first := range wk.actionsOn(id, nil) {
			for _, key := range wk.actionsOn(id, []string{first}) {
				if seen[key] {
					continue
				}
				seen[key] = true
				for _, confirm := range []bool{false, true} {
					wk.doOn(id, []string{first}, key, confirm)
				}
			}
		}
	}
}

// actionsOn lists the keys of the actions on page id after doing path.
func (wk *walker) actionsOn(id int, path []string) []string {
	wk.show(id, path)
	var keys []string
	for key := range wk.tappables() {
		keys = append(keys, key)
	}
	return keys
}

// show navigates to page id and does path there, confirming its dialogs.
func (wk *walker) show(id int, path []string) {
	wk.m.navigate(id)
	wk.settle()
	for _, key := range path {
		if do, ok := wk.tappables()[key]; ok {
			do()
			wk.answer(key, false)
		}
	}
}

// doOn does the action key on page id after path.
func (wk *walker) doOn(id int, path []string, key string, confirm bool) {
	wk.show(id, path)
	if do, ok := wk.tappables()[key]; ok {
		wk.act(fmt.Sprintf("%s: %s", pages[id].title, key), confirm, do)
	}
}

// tappables are the enabled buttons, the program's own tappable widgets and
// the first rows of the lists on show, by a key that finds them again.
func (wk *walker) tappables() map[string]func() {
	out := map[string]func(){}
	count := map[string]int{}
	add := func(key string, do func()) {
		count[key]++
		out[fmt.Sprintf("%s #%d", key, count[key])] = do
	}
	for _, o := range visibleObjects(wk.m.body) {
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		if b := asButton(o); b != nil {
			add("knop "+buttonKey(b), func() { test.Tap(b) })
			continue
		}
		switch t := o.(type) {
		case *entry:
			// a field: typing is not an action of its own
		case *keyList:
			if n := t.Length(); n > 0 {
				add("lijst", func() { t.Select(min(1, n-1)) })
			}
		case *widget.List:
			if n := t.Length(); n > 0 {
				add("lijst", func() { t.Select(min(1, n-1)) })
			}
		case fyne.Tappable:
			// the program's own tappable widgets, once per kind (the ten
			// chart cards of the dashboard do the same)
			kind := fmt.Sprintf("%T", t)
			if strings.HasPrefix(reflect.TypeOf(t).Elem().PkgPath(), "jeugdmonitor/") && count[kind] == 0 {
				add(kind, func() { test.Tap(t) })
			}
		}
	}
	return out
}

// finish checks the log and that the walk did reach what every window has.
func (wk *walker) finish() {
	wk.settle() // nothing of the walk runs on into the next test
	if strings.Contains(wk.log.String(), "Error in Fyne call thread") {
		wk.t.Error("Fyne meldde een widget die buiten fyne.Do werd veranderd (zie de log hierboven)")
	}
	for _, must := range []string{"kiezer geannuleerd: Database openen", "kiezer bevestigd: Database openen",
		"kiezer bevestigd: Nieuwe database", "kiezer bevestigd: Reservekopie maken", "kiezer bevestigd: Exporteren",
		"kiezer bevestigd: Reservekopie terugzetten", "venster Presentatie"} {
		if wk.done[must] == 0 {
			wk.t.Errorf("de wandeling deed nooit %q", must)
		}
	}
	wk.t.Logf("%d soorten handelingen gedaan", len(wk.done))
}

// visibleObjects lists o and everything visible drawn inside it.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch t := o.(type) {
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(t.Content)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// errorMessage is the text of a Fyne error dialog among objs, or "".
func errorMessage(objs []fyne.CanvasObject) string {
	var texts []string
	isError := false
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			if l.Text == lang.L("Error") {
				isError = true
				continue
			}
			texts = append(texts, l.Text)
		}
	}
	if !isError {
		return ""
	}
	return strings.Join(texts, " / ")
}

// cancelTexts are the buttons that close a dialog without doing anything,
// in order of preference.
var cancelTexts = []string{"Cancel", "No", "Annuleren", "Annuleren (Esc)", "Terug naar het formulier", "Terug",
	"Sluiten", "Close", "OK"}

// pickButton chooses the next button to tap on the dialog among objs:
// cancelling takes the first cancel button; confirming takes every other
// enabled button once, then the button of high importance once, and then
// cancels.
func pickButton(objs []fyne.CanvasObject, confirm bool, tapped map[*widget.Button]bool) *widget.Button {
	var buttons []*widget.Button
	for _, o := range objs {
		if b := asButton(o); b != nil && !b.Disabled() {
			buttons = append(buttons, b)
		}
	}
	isCancel := func(b *widget.Button) bool {
		for _, text := range cancelTexts {
			if b.Text == lang.L(text) || b.Text == text {
				return true
			}
		}
		return false
	}
	if confirm {
		for _, b := range buttons {
			if !tapped[b] && !isCancel(b) && b.Importance != widget.HighImportance {
				return b
			}
		}
		for _, b := range buttons {
			if !tapped[b] && b.Importance == widget.HighImportance {
				return b
			}
		}
	}
	for _, text := range cancelTexts {
		for _, b := range buttons {
			if b.Text == lang.L(text) || b.Text == text {
				return b
			}
		}
	}
	return nil
}

// asButton is o as a button: a widget.Button, or a widget of the program's
// that is one with extras (the presentation chooser's buttons take Escape).
func asButton(o fyne.CanvasObject) *widget.Button {
	if b, ok := o.(*widget.Button); ok {
		return b
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	if f := v.Elem().FieldByName("Button"); f.IsValid() && f.Type() == reflect.TypeOf(widget.Button{}) {
		return f.Addr().Interface().(*widget.Button)
	}
	return nil
}

// buttonKey names a button by its text, or its icon when it has none.
func buttonKey(b *widget.Button) string {
	if b.Text != "" {
		return b.Text
	}
	if b.Icon != nil {
		return "icoon " + b.Icon.Name()
	}
	return "zonder tekst"
}

// buttonText is the Text field of one of the program's own widgets, if any.
func buttonText(o any) string {
	v := reflect.ValueOf(o).Elem()
	if f := v.FieldByName("Text"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	if f := v.FieldByName("Naam"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}
