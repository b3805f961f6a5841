package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestReachFormUndoRemovesTheNewMeasure saves a figure in a unit the
// intervention never counted in, then presses Ctrl+Z: the figure and the
// measure the save added are gone, also from the form's measure buttons.
func TestReachFormUndoRemovesTheNewMeasure(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	item, err := s.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Maten(item.ID)
	f.interventie.SetText(item.Naam)
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "12")
	typeInto(w, f.eenheid, "workshops")
	m.save()
	if after, _ := s.Maten(item.ID); len(after) != len(before)+1 {
		t.Fatalf("the save added no measure: %d before, %d after (%s)", len(before), len(after), f.fields.message("eenheid"))
	}
	w.Canvas().Focus(nil)
	m.undoKey()
	if after, _ := s.Maten(item.ID); len(after) != len(before) {
		t.Fatalf("after Ctrl+Z %d measures, want %d: %+v", len(after), len(before), after)
	}
	if len(f.maten) != len(before) {
		t.Errorf("the form still offers %d measures, want %d", len(f.maten), len(before))
	}
}

// TestReachFormKeepsTheInterventionAndAsksBeforeQuitting saves a figure:
// the intervention stays for a second measure; a period typed alone then
// counts as unsaved input, so Ctrl+Q asks.
func TestReachFormKeepsTheInterventionAndAsksBeforeQuitting(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "1.400")
	m.save()
	if f.interventie.Text != "Jongerencentra" || f.waarde.Text != "" {
		t.Fatalf("after saving: intervention %q, value %q", f.interventie.Text, f.waarde.Text)
	}
	if f.dirty() {
		t.Fatal("the form counts the kept intervention and period as unsaved")
	}
	f.Cancel()
	typeInto(w, f.periode, "2025")
	if !f.dirty() {
		t.Fatal("a typed period alone does not count as unsaved input")
	}
	m.requestQuit()
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Ctrl+Q with a typed period quit without asking")
	}
}

// TestReachFormHintStaysBelowTheFields chooses an intervention, which adds
// a line of measure buttons to the form, and types a value whose hint
// wraps in a narrow window: the hint stays below the Notitie field instead
// of being drawn over it.
func TestReachFormHintStaysBelowTheFields(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	w.Resize(fyne.NewSize(1000, 700))
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "ambulant jongerenwerk")
	enter(f.interventie)
	typeInto(w, f.periode, "2023")
	typeInto(w, f.waarde, "3.612")
	d := fyne.CurrentApp().Driver()
	notitie, hint := d.AbsolutePositionForObject(f.notitie), d.AbsolutePositionForObject(f.preview)
	if bottom := notitie.Y + f.notitie.Size().Height; hint.Y < bottom {
		t.Fatalf("the hint (y %v) is drawn over the Notitie field (bottom %v)", hint.Y, bottom)
	}
	buttons := d.AbsolutePositionForObject(f.saveButton)
	if hint.Y+f.preview.Size().Height > buttons.Y+1 {
		t.Fatalf("the hint (y %v, height %v) runs into the buttons (y %v)", hint.Y, f.preview.Size().Height, buttons.Y)
	}
}

// TestReachFormDropsTheSourceForAnotherIntervention saves a figure of
// Ambulant jongerenwerk under its annual report, then chooses an
// intervention of another organisation: the source is emptied, so Enter
// cannot save the second figure under the first one's document; a second
// figure of the same intervention keeps it.
func TestReachFormDropsTheSourceForAnotherIntervention(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Ambulant jongerenwerk")
	typeInto(w, f.periode, "2025")
	typeInto(w, f.waarde, "3.612")
	typeInto(w, f.bron, "jaarverslag Travers 2025")
	m.save()
	if reachOf(t, s, "Ambulant jongerenwerk", "2025") == nil {
		t.Fatalf("the first figure was not saved: %s", f.fields.message("bron"))
	}
	if f.bron.Text != "jaarverslag Travers 2025" {
		t.Fatalf("the source is not kept for a second figure of the same intervention: %q", f.bron.Text)
	}
	f.interventie.SetText("")
	typeInto(w, f.interventie, "Proeftuin samenspel in de wijk")
	if f.bron.Text != "" {
		t.Fatalf("another intervention keeps the source %q", f.bron.Text)
	}
	typeInto(w, f.waarde, "40")
	m.save()
	if b := reachOf(t, s, "Proeftuin samenspel in de wijk", "2025"); b != nil && b.BronTekst == "jaarverslag Travers 2025" {
		t.Fatal("the second figure was saved under the first intervention's source")
	}
}

// TestReachFormHistoryWrapsInsteadOfCutting saves a figure with a long
// source in a window of 1366x697: every line of the history pane ends inside
// the window, where a single line ran off its right edge ("29-11-202").
func TestReachFormHistoryWrapsInsteadOfCutting(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	w.Resize(fyne.NewSize(1366, 697))
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Ambulant jongerenwerk")
	typeInto(w, f.periode, "2025")
	typeInto(w, f.waarde, "3.612")
	typeInto(w, f.bron, "jaarverslag Travers 2025, bijlage 3: bereik per wijk en per leeftijdsgroep")
	typeInto(w, f.notitie, "geteld als unieke jongeren, zonder de bezoekers van de inloop")
	m.save()
	if len(f.history) == 0 {
		t.Fatalf("nothing saved: %s", f.fields.message("bron"))
	}
	found := false
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		text, ok := o.(*canvas.Text)
		if !ok || !o.Visible() || !strings.Contains(text.Text, "vastgelegd door") {
			continue
		}
		found = true
		if need := fyne.MeasureText(text.Text, text.TextSize, text.TextStyle).Width; need > text.Size().Width+1 {
			t.Errorf("history text %q needs %v wide and gets %v: its end is cut off", text.Text, need, text.Size().Width)
		}
	}
	if !found {
		t.Fatal("the history shows no line of the saved figure")
	}
}

// TestReachFormMeasureButtonsWrap chooses an intervention with three
// measures in a window of 1366x697: their buttons go on in a second row
// instead of widening the form past its pane, which cut off the fields'
// right edge.
func TestReachFormMeasureButtonsWrap(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	w.Resize(fyne.NewSize(1366, 697))
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Proeftuin samenspel in de wijk")
	if n := len(f.maten); n < 3 {
		t.Fatalf("the intervention has %d measures, the test needs 3", n)
	}
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(f.left).X + f.left.Size().Width
	for _, o := range f.maatKeuze.Objects {
		if end := d.AbsolutePositionForObject(o).X + o.Size().Width; end > right+1 {
			t.Errorf("a measure button ends at x %v, past the form's edge at %v", end, right)
		}
	}
	if end := d.AbsolutePositionForObject(f.bron).X + f.bron.Size().Width; end > right+1 {
		t.Errorf("the Bron field ends at x %v, past the form's edge at %v", end, right)
	}
}

// TestBulkGridTabSkipsTheMeasure types a column of figures and notes with
// Tab: from the note Tab goes to the next row's value, never into the next
// row's measure; Esc then asks before emptying them. A measure's name the
// cell cuts off is written in full under it.
func TestBulkGridTabSkipsTheMeasure(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	w.Resize(fyne.NewSize(1366, 768))
	sc := m.navigate(pageBereik).(*bereikScreen)
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	typeInto(w, g.periode, "2020")
	enter(g.periode)
	for k, v := range []string{"33", "34"} {
		r := g.rows[k]
		if w.Canvas().Focused() != r.waarde {
			t.Fatalf("row %d: the cursor is not in Bereik but in %#v", k, w.Canvas().Focused())
		}
		test.Type(r.waarde, v)
		w.Canvas().FocusNext() // Tab from the value: the note
		if !r.notitie.AcceptsTab() {
			t.Fatal("the note leaves Tab to the window, which goes to the next row's measure")
		}
		r.notitie.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	}
	for k := range 2 {
		if r := g.rows[k]; r.waarde.Text != []string{"33", "34"}[k] || r.maat.typed() {
			t.Errorf("row %d: value %q, measure %q", k, r.waarde.Text, r.maat.Text)
		}
	}
	m.cancel()
	if len(w.Canvas().Overlays().List()) == 0 || g.rows[0].waarde.Text != "33" {
		t.Fatal("Esc emptied the typed figures without asking")
	}
	var full *bulkRow
	for _, r := range g.rows {
		if r.maat.Text == "huisartsenpraktijken met een jeugd- en gezinswerker" {
			full = r
		}
	}
	if full == nil || !full.eenheid.Visible() || !strings.HasPrefix(full.eenheid.Text, full.maat.Text) {
		t.Fatalf("the long measure is not written in full under its cell: %+v", full)
	}
	for _, r := range g.rows {
		if r.maat.Text == "diagnostiek" && strings.Contains(r.eenheid.Text, "diagnostiek") {
			t.Errorf("a measure that fits is written twice: %q", r.eenheid.Text)
		}
	}
}

// TestReachFormForgetsAnInterventionRemovedMeanwhile chooses an
// intervention and types a period; then the intervention is removed (as a
// colleague's removal comes in with a synchronisation) and the window reads
// its data again: no error dialog about a number, but a history pane that
// names the intervention as removed and shows none of its figures, and the
// typed input stays.
func TestReachFormForgetsAnInterventionRemovedMeanwhile(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	item, err := s.InterventieByNaam("Jongerencentra")
	if err != nil {
		t.Fatal(err)
	}
	jongerencentra2024(t, s, "1.400")
	f.interventie.SetText(item.Naam)
	typeInto(w, f.periode, "2025")
	if f.historyFor != item.ID || len(f.history) == 0 {
		t.Fatalf("the history shows intervention %d with %d figures, want %d with its figures", f.historyFor, len(f.history), item.ID)
	}
	if err := s.DeleteInterventie(item.ID); err != nil {
		t.Fatal(err)
	}
	m.reload()
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("reading the data again shows %d dialog(s) over the window", n)
	}
	if f.historyFor != 0 || len(f.history) != 0 || len(f.historyBox.Objects) != 0 || len(f.maatKeuze.Objects) != 0 {
		t.Fatalf("the pane still shows the removed intervention: for %d, %d figures, %d lines, %d measure buttons",
			f.historyFor, len(f.history), len(f.historyBox.Objects), len(f.maatKeuze.Objects))
	}
	if f.historyTitle.Text != "Geschiedenis" || !strings.Contains(f.targetText.Text, "Jongerencentra is intussen verwijderd") {
		t.Errorf("the pane does not say the intervention was removed: %q / %q", f.historyTitle.Text, f.targetText.Text)
	}
	if f.periode.Text != "2025" || f.interventie.Text != item.Naam {
		t.Errorf("the typed input went: intervention %q, period %q", f.interventie.Text, f.periode.Text)
	}
}

// TestReachFormClearEmptiesTheHistory saves a figure, which shows the
// intervention's history, targets and measures beside the form; Leegmaken
// then empties that pane too, instead of leaving the previous intervention
// on show next to an empty form.
func TestReachFormClearEmptiesTheHistory(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	f := m.navigate(pageBereik).(*bereikScreen).form
	typeInto(w, f.interventie, "Jongerencentra")
	typeInto(w, f.periode, "2024")
	typeInto(w, f.waarde, "1.400")
	m.save()
	if !strings.Contains(f.historyTitle.Text, "Jongerencentra") || len(f.historyBox.Objects) == 0 || f.historyFor == 0 {
		t.Fatalf("after saving the history shows %q with %d lines", f.historyTitle.Text, len(f.historyBox.Objects))
	}
	test.Tap(f.clearButton)
	if f.interventie.Text != "" || f.historyTitle.Text != "Geschiedenis" || len(f.historyBox.Objects) != 0 ||
		f.historyFor != 0 || len(f.maatKeuze.Objects) != 0 || f.targetText.Text != "Nog geen interventie gekozen." {
		t.Fatalf("after Leegmaken: intervention %q, history %q with %d lines, %d measure buttons, %q",
			f.interventie.Text, f.historyTitle.Text, len(f.historyBox.Objects), len(f.maatKeuze.Objects), f.targetText.Text)
	}
}
