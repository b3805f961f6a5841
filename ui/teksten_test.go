package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/domain"
)

// TestCriterionLinkedToAnotherIndicator opens a criterion with an indicator
// and chooses another one in its form: the criterion is measured with that
// one from then on, and the change is in the trail.
func TestCriterionLinkedToAnotherIndicator(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBegroting).(*begrotingScreen)
	goal, crit := -1, -1
	for k, d := range sc.doelen {
		for j, c := range d.criteria {
			if c.IndicatorID != nil && goal < 0 {
				goal, crit = k, j
			}
		}
	}
	if goal < 0 {
		t.Fatal("no criterion with an indicator in the register")
	}
	sc.list.Select(goal)
	c := sc.doelen[goal].criteria[crit]
	test.Tap(sc.criteria[crit].edit)
	choice := sc.form.choices["indicator"]
	if choice == nil || choice.SelectedIndex() <= 0 {
		t.Fatalf("the form does not show the criterion's indicator: %v", choice)
	}
	other := 1
	if choice.SelectedIndex() == 1 {
		other = 2
	}
	choice.SetSelectedIndex(other)
	test.Tap(sc.form.save)
	if msg := sc.form.fields.general.Text; msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	stored, err := s.Criteria(c.BegrotingsdoelID)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range stored {
		if got.ID == c.ID && (got.IndicatorID == nil || *got.IndicatorID == *c.IndicatorID) {
			t.Fatalf("criterion still measured with indicator %v", got.IndicatorID)
		}
	}
	h := m.navigate(pageWijzigingen).(*wijzigingenScreen)
	if line := h.changes[0].Regel(); !strings.Contains(line, "indicator") {
		t.Fatalf("newest change %q does not name the indicator", line)
	}
}

// TestTextsCorrectedWhereShown corrects a budget goal's description on the
// Begroting page (refused without a source), an indicator's key message on
// the Cijfers page and a track's text on the Preventie met Gezag page.
func TestTextsCorrectedWhereShown(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	b := m.navigate(pageBegroting).(*begrotingScreen)
	b.list.Select(0)
	goal := b.doelen[0].doel
	test.Tap(b.editGoal)
	fill(t, b.form, map[string]string{"tekst": "Alle jeugdigen doen mee.", "bron": ""})
	test.Tap(b.form.save)
	if b.form.fields.message("bron") == "" {
		t.Fatal("a text without a source was not refused at the source")
	}
	fill(t, b.form, map[string]string{"bron": "Begroting 2025"})
	test.Tap(b.form.save)
	if got := b.doelen[b.chosen].doel; got.ID != goal.ID || got.Beschrijving != "Alle jeugdigen doen mee." || got.Bron.Document != "Begroting 2025" {
		t.Fatalf("the page shows %+v", got)
	}

	c := m.navigate(pageCijfers).(*cijfersScreen)
	c.list.Select(0)
	test.Tap(c.editText)
	fill(t, c.textForm, map[string]string{"tekst": "Minder jongeren in de jeugdhulp.", "bron": "Monitor 2025"})
	test.Tap(c.textForm.save)
	if !strings.Contains(c.info.Text, "Minder jongeren in de jeugdhulp.") {
		t.Fatalf("the page shows %q", c.info.Text)
	}

	p := m.navigate(pagePreventie).(*preventieScreen)
	if len(p.data.tracks) == 0 {
		t.Fatal("no tracks")
	}
	track := p.data.tracks[0]
	p.editTextButton(track).OnTapped()
	fill(t, p.form, map[string]string{"tekst": track.Tekst + " Aangevuld.", "bron": "Plan PmG 2025"})
	test.Tap(p.form.save)
	texts, _ := s.Beleidsteksten(domain.TekstSpoor)
	if texts[0].ID != track.ID || !strings.HasSuffix(texts[0].Tekst, " Aangevuld.") || !strings.HasSuffix(p.data.tracks[0].Tekst, " Aangevuld.") {
		t.Fatalf("stored %q", texts[0].Tekst)
	}
}

// TestEscapeClosesACorrectionForm: Escape in a field of a correction form
// closes it without storing, as Annuleren does.
func TestEscapeClosesACorrectionForm(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	b := m.navigate(pageBegroting).(*begrotingScreen)
	b.list.Select(0)
	before := countChanges(t, s)
	test.Tap(b.editGoal)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the form did not open")
	}
	fill(t, b.form, map[string]string{"naam": "Iets anders"})
	b.form.entries["naam"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil || countChanges(t, s) != before {
		t.Fatal("Escape did not close the form, or stored something")
	}
}
