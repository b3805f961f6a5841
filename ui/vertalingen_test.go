package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/ui/bestandskeuze"
)

// TestFyneDialogsSpeakDutch loads the program's catalogue, as the program
// does on a system that is not set to Dutch (the tests run under C or
// English): an error message is headed "Fout", not "Error", and a file
// chooser, headed "Bestand openen", offers Annuleren and Openen, not
// Cancel and Open.
func TestFyneDialogsSpeakDutch(t *testing.T) {
	m, _, w := newTestMain(t, t.TempDir())
	loadTranslations()
	m.showError(errors.New("de database is in gebruik"))
	var texts []string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if all := strings.Join(texts, "|"); !strings.Contains(all, "Fout") || strings.Contains(all, "Error") {
		t.Fatalf("the error message is headed in English: %s", all)
	}
	test.Tap(overlayButton(t, w, "OK"))

	bestandskeuze.Open(w, bestandskeuze.Keuze{}, func(string) {})
	overlayButton(t, w, "Annuleren")
	overlayButton(t, w, "Openen")
	title := false
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Bestand openen" {
			title = true
		}
	}
	if !title {
		t.Error("the file chooser is not headed \"Bestand openen\"")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
}
