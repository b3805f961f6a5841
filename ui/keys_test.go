package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
)

// TestCtrlZUndoesTypingBeforeTheLastSave: Ctrl+Z in a field with typed text
// undoes the typing and keeps the saved figure; only without typed text does
// it take back the save.
func TestCtrlZUndoesTypingBeforeTheLastSave(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	f.interventie.SetText("Jongerencentra")
	f.periode.SetText("2024")
	typeInto(w, f.waarde, "1.400")
	m.save()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 1400 {
		t.Fatalf("after the save: %+v", b)
	}
	typeInto(w, f.waarde, "25")
	// the real window's canvas hands the field's Ctrl+Z to undoKey; the
	// test canvas cannot take shortcuts, so the test calls it directly
	ctrlZ := m.undoKey
	ctrlZ()
	if f.waarde.Text == "25" {
		t.Fatal("Ctrl+Z did not undo the typing")
	}
	for f.waarde.Text != "" {
		ctrlZ()
	}
	if b := reachOf(t, s, "Jongerencentra", "2024"); b == nil || b.Waarde != 1400 {
		t.Fatalf("undoing the typing took back the save: %+v", b)
	}
	ctrlZ()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b != nil {
		t.Fatalf("Ctrl+Z without typed text kept the save: %+v", b)
	}
}

// TestUndoMenuItemTakesBackTheSave: the menu item takes back the last save
// also while a field holds typed text (it is a deliberate choice, unlike a
// Ctrl+Z meant for the field).
func TestUndoMenuItemTakesBackTheSave(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	f.interventie.SetText("Jongerencentra")
	f.periode.SetText("2024")
	typeInto(w, f.waarde, "1.400")
	m.save()
	typeInto(w, f.waarde, "7")
	m.undoSave()
	if b := reachOf(t, s, "Jongerencentra", "2024"); b != nil {
		t.Fatalf("the menu item kept the save: %+v", b)
	}
	if f.waarde.Text != "7" {
		t.Fatalf("the menu item changed the typed text to %q", f.waarde.Text)
	}
}

// TestRegisterListSkipsHeadingsAndOpensWithEnter: in the register the arrow
// keys never rest on a cluster heading and Enter opens the intervention.
func TestRegisterListSkipsHeadingsAndOpensWithEnter(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	if !sc.rows[0].heading {
		t.Fatal("the register does not start with a heading")
	}
	w.Canvas().Focus(sc.list)
	if sc.rows[sc.list.highlighted].heading {
		t.Fatalf("entering the list rests on heading %d", sc.list.highlighted)
	}
	down, up := &fyne.KeyEvent{Name: fyne.KeyDown}, &fyne.KeyEvent{Name: fyne.KeyUp}
	passed := 0
	for i := 0; i < len(sc.rows)+2; i++ {
		before := sc.list.highlighted
		sc.list.TypedKey(down)
		if sc.rows[sc.list.highlighted].heading {
			t.Fatalf("Down rests on heading %d", sc.list.highlighted)
		}
		if sc.list.highlighted > before+1 {
			passed++
		}
	}
	if passed == 0 {
		t.Fatal("Down never passed a heading")
	}
	if sc.list.highlighted != len(sc.rows)-1 {
		t.Fatalf("Down stops at %d of %d rows", sc.list.highlighted, len(sc.rows))
	}
	for i := 0; i < len(sc.rows)+2; i++ {
		sc.list.TypedKey(up)
		if sc.rows[sc.list.highlighted].heading {
			t.Fatalf("Up rests on heading %d", sc.list.highlighted)
		}
	}
	sc.list.TypedKey(down)
	want := sc.rows[sc.list.highlighted].item
	sc.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if sc.root.Objects[0] != sc.detail.Content() || sc.detail.item.ID != want.ID {
		t.Fatalf("Enter did not open %q", want.Naam)
	}
}

// TestWindowKeysAfterAClickInTheNavigation: a click in the navigation
// focuses the list; F1 and F5 still reach the window.
func TestWindowKeysAfterAClickInTheNavigation(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	var keys []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { keys = append(keys, k.Name) })
	w.Canvas().Focus(m.nav)
	for _, k := range []fyne.KeyName{fyne.KeyF5, fyne.KeyF1, fyne.KeyEscape} {
		m.nav.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(keys) != 3 {
		t.Fatalf("the window got %v from the navigation, want F5, F1 and Escape", keys)
	}
}

// TestF1OpensHelp: F1 shows Help from any page.
func TestF1OpensHelp(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	applyTheme(m.app, themeLicht) // as Create does: Help needs its fonts
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	if m.current != pageHelp {
		t.Fatalf("F1 shows page %d, want Help", m.current)
	}
}

// TestEscapeInTheEditFormAsksAfterEdits: Escape closes an untouched form at
// once and asks before throwing edits away.
func TestEscapeInTheEditFormAsksAfterEdits(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	item := sc.rows[1].item
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}

	f := showInterventieForm(m, &item, nil)
	f.naam.TypedKey(escape)
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("an untouched form stays open (%d overlays)", n)
	}

	f = showInterventieForm(m, &item, nil)
	typeInto(w, f.naam, " (nieuw)")
	f.naam.TypedKey(escape)
	discard := overlayButton(t, w, "Weggooien")
	if n := len(w.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("after Escape with edits %d overlays, want the form and the question", n)
	}
	test.Tap(overlayButton(t, w, "Terug naar het formulier"))
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("going back left %d overlays, want the form", n)
	}
	f.naam.TypedKey(escape)
	test.Tap(overlayButton(t, w, "Weggooien"))
	if n := len(w.Canvas().Overlays().List()); n != 0 || discard == nil {
		t.Fatalf("throwing the edits away left %d overlays", n)
	}
}

// overlayButton finds the button with text on the window's top overlay.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil { // one of the program's own
		return &overlayKeyButton(t, w, text).Button
	}
	return found
}

// walkObjects calls visit for o and everything drawn inside it.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch t := o.(type) {
	case *fyne.Container:
		for _, c := range t.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(t).Objects() {
			walkObjects(c, visit)
		}
	}
}

// TestEscapeInTheReachFormAsksBeforeClearing: Escape in Bereik invoeren with
// typed figures asks first and keeps them on Terug naar het formulier (also
// on Escape at the question); Weggooien clears the form and the next letter
// typed goes to the intervention. An empty form clears without asking.
func TestEscapeInTheReachFormAsksBeforeClearing(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}

	f.notitie.TypedKey(escape)
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("Escape in an empty form asks (%d overlays)", n)
	}

	typeInto(w, f.waarde, "1.400")
	typeInto(w, f.notitie, "telling van de GGD")
	f.notitie.TypedKey(escape)
	overlayButton(t, w, "Weggooien")
	if f.waarde.Text != "1.400" || f.notitie.Text != "telling van de GGD" {
		t.Fatalf("the question came after clearing: %q, %q", f.waarde.Text, f.notitie.Text)
	}
	w.Canvas().OnTypedKey()(escape) // Escape on the question: back to the form
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("Escape on the question left %d overlays", n)
	}
	if f.waarde.Text != "1.400" || f.notitie.Text != "telling van de GGD" {
		t.Fatalf("going back lost the input: %q, %q", f.waarde.Text, f.notitie.Text)
	}
	if w.Canvas().Focused() != f.notitie {
		t.Fatalf("going back put the cursor in %v, want the note", w.Canvas().Focused())
	}

	f.notitie.TypedKey(escape)
	test.Tap(overlayButton(t, w, "Weggooien"))
	if f.waarde.Text != "" || f.notitie.Text != "" {
		t.Fatalf("Weggooien kept %q, %q", f.waarde.Text, f.notitie.Text)
	}
	if w.Canvas().Focused() != f.interventie {
		t.Fatalf("after clearing the cursor is in %v, want the intervention", w.Canvas().Focused())
	}
	test.Type(w.Canvas().Focused(), "J")
	if f.interventie.Text != "J" {
		t.Fatalf("the first letter after clearing gave %q", f.interventie.Text)
	}
}

// TestEscapeOnTheQuestionKeepsEditing: Escape on "Wijzigingen weggooien?"
// closes the question only; the form stays open with the edit and the detail
// page behind it stays too.
func TestEscapeOnTheQuestionKeepsEditing(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	sc.onOpen(sc.rows[1].item)
	detail := sc.root.Objects[0]
	item := sc.rows[1].item
	f := showInterventieForm(m, &item, nil)
	typeInto(w, f.naam, "nieuw: ")
	edited := f.naam.Text
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}
	f.naam.TypedKey(escape)
	overlayButton(t, w, "Weggooien")
	w.Canvas().OnTypedKey()(escape) // nothing is focused on the question
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("Escape on the question left %d overlays, want the form", n)
	}
	if sc.root.Objects[0] != detail {
		t.Fatal("Escape on the question went back to the list behind the form")
	}
	if f.naam.Text != edited || f.naam.Text == item.Naam || w.Canvas().Focused() != f.naam {
		t.Fatalf("back in the form: naam %q, focus %v", f.naam.Text, w.Canvas().Focused())
	}
	f.naam.TypedKey(escape)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter does not throw the edit away
	if n := len(w.Canvas().Overlays().List()); n != 2 || f.naam.Text != edited {
		t.Fatalf("Enter on the question: %d overlays, naam %q", n, f.naam.Text)
	}
}

// TestEscapeAndEnterInTheReportDialogs: Escape cancels the report and
// PowerPoint dialogs, Enter goes on to the file chooser, and both close the
// message that tells where the file was saved.
func TestEscapeAndEnterInTheReportDialogs(t *testing.T) {
	// the dialog fills its list of charts in the background: its widget
	// changes run here, not on the background goroutine (the race detector)
	afwerken, stop := uidraad.Wachtrij()
	t.Cleanup(stop)
	settle := func() {
		for uidraad.Lopend() > 0 {
			time.Sleep(time.Millisecond)
		}
		afwerken()
	}
	m, _, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInterventies).(*interventiesScreen)
	settle()
	sc.onOpen(sc.rows[1].item)
	detail := sc.root.Objects[0]
	key := func(name fyne.KeyName) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name}) }
	for _, f := range []rapport.Formaat{rapport.PDF, rapport.PPTX} {
		m.report(f)
		settle()
		overlayButton(t, w, "Opslaan als…")
		key(fyne.KeyEscape)
		if n := len(w.Canvas().Overlays().List()); n != 0 {
			t.Fatalf("%v: Escape left %d overlays", f, n)
		}
		if sc.root.Objects[0] != detail {
			t.Fatalf("%v: Escape reached the page behind the dialog", f)
		}
		m.report(f)
		settle()
		top := w.Canvas().Overlays().Top()
		key(fyne.KeyReturn)
		if now := w.Canvas().Overlays().Top(); now == nil || now == top || dialogButtons(now) != nil {
			t.Fatalf("%v: Enter did not go on to the file chooser (top %T)", f, now)
		}
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	for _, name := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		dialog.ShowInformation("Rapport (PDF)", "Opgeslagen als /tmp/rapport.pdf", w)
		key(name)
		if n := len(w.Canvas().Overlays().List()); n != 0 {
			t.Fatalf("%s left the message open (%d overlays)", name, n)
		}
	}
	if sc.root.Objects[0] != detail {
		t.Fatal("the keys reached the page behind the message")
	}
}
