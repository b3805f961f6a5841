package bestandskeuze

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// lastigeNaam holds every character that has broken file names before: a
// space, '#', '%', 'ë' and '€'.
const lastigeNaam = "raad #3 100% ë €"

// kiezerVenster is a laptop-sized test window.
func kiezerVenster(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("achter de kiezer"))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1366, 697))
	return w
}

// onderdelen lists the widgets on the window's top overlay.
func onderdelen(w fyne.Window) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch t := o.(type) {
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

// knop finds the button with text on the top overlay.
func knop(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range onderdelen(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("geen knop %q op het scherm", text)
	return nil
}

// naamveld is the entry where a path is typed.
func naamveld(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	for _, o := range onderdelen(w) {
		if e, ok := o.(*widget.Entry); ok {
			return e
		}
	}
	t.Fatal("geen naamveld in de kiezer")
	return nil
}

// foutmelding reports the text of an error dialog on top, or "".
func foutmelding(w fyne.Window) string {
	for _, o := range onderdelen(w) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" && l.Importance != widget.LowImportance {
			return l.Text
		}
	}
	return ""
}

func typ(e *widget.Entry, s string) {
	e.SetText(s)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestOpenCancelledCallsNothing(t *testing.T) {
	w := kiezerVenster(t)
	called := false
	Open(w, Keuze{Map: t.TempDir()}, func(string) { called = true })
	test.Tap(knop(t, w, "Cancel"))
	if called || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatalf("annuleren: gekozen=%v, %d vensters open", called, len(w.Canvas().Overlays().List()))
	}
}

func TestOpenTakesATypedPath(t *testing.T) {
	w := kiezerVenster(t)
	dir := filepath.Join(t.TempDir(), "map met spatie #ë")
	os.MkdirAll(dir, 0o755)
	want := filepath.Join(dir, lastigeNaam+".xlsx")
	os.WriteFile(want, []byte("x"), 0o644)

	var got string
	Open(w, Keuze{Extensies: []string{".xlsx"}}, func(p string) { got = p })
	typ(naamveld(t, w), want)
	if got != want {
		t.Fatalf("gekozen %q, want %q", got, want)
	}
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d vensters open na bevestigen", n)
	}
}

func TestOpenTypedNameInTheFolderOnShow(t *testing.T) {
	w := kiezerVenster(t)
	dir := t.TempDir()
	want := filepath.Join(dir, lastigeNaam+".csv")
	os.WriteFile(want, []byte("x"), 0o644)
	var got string
	Open(w, Keuze{Map: dir}, func(p string) { got = p })
	typ(naamveld(t, w), lastigeNaam+".csv")
	if got != want {
		t.Fatalf("gekozen %q, want %q", got, want)
	}
}

func TestOpenRefusesAMissingFile(t *testing.T) {
	w := kiezerVenster(t)
	called := false
	Open(w, Keuze{Map: t.TempDir()}, func(string) { called = true })
	typ(naamveld(t, w), filepath.Join(t.TempDir(), "weg.xlsx"))
	if called {
		t.Fatal("een bestand dat niet bestaat is gekozen")
	}
	if msg := foutmelding(w); msg == "" {
		t.Fatal("geen melding bij een bestand dat niet bestaat")
	}
}

// TestOpenAFileClickedInTheList: a file chosen in Fyne's list (with every
// awkward character in its name) reaches the caller with its exact path.
func TestOpenAFileClickedInTheList(t *testing.T) {
	w := kiezerVenster(t)
	dir := t.TempDir()
	want := filepath.Join(dir, lastigeNaam+".db")
	os.WriteFile(want, []byte("x"), 0o644)
	var got string
	Open(w, Keuze{Map: dir, Extensies: []string{".db"}}, func(p string) { got = p })
	v := zoekVelden(popUp(w.Canvas().Overlays().Top()).Content)
	grid, ok := v.bestanden.(*widget.GridWrap)
	if !ok {
		t.Fatalf("bestanden zijn een %T", v.bestanden)
	}
	grid.Select(1) // 0 is the parent folder
	if e := naamveld(t, w); e.Text != lastigeNaam+".db" {
		t.Fatalf("het veld toont %q na een klik op het bestand", e.Text)
	}
	test.Tap(knop(t, w, "Open"))
	if got != want {
		t.Fatalf("gekozen %q, want %q", got, want)
	}
}

func TestSaveTakesATypedPathAndCreatesNothing(t *testing.T) {
	w := kiezerVenster(t)
	dir := filepath.Join(t.TempDir(), "Raad 2027 #1 €")
	os.MkdirAll(dir, 0o755)
	var got string
	Opslaan(w, Keuze{Naam: "voorstel.xlsx", Extensies: []string{".xlsx"}}, func(p string) { got = p })
	typ(naamveld(t, w), filepath.Join(dir, lastigeNaam))
	want := filepath.Join(dir, lastigeNaam+".xlsx")
	if got != want {
		t.Fatalf("gekozen %q, want %q (met de extensie erbij)", got, want)
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Fatalf("de kiezer maakte het bestand al: %v", err)
	}
}

func TestSaveCancelledCallsNothing(t *testing.T) {
	w := kiezerVenster(t)
	called := false
	Opslaan(w, Keuze{Naam: "x.db", Map: t.TempDir()}, func(string) { called = true })
	test.Tap(knop(t, w, "Cancel"))
	if called || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatalf("annuleren: gekozen=%v, %d vensters open", called, len(w.Canvas().Overlays().List()))
	}
}

func TestSaveAsksBeforeReplacing(t *testing.T) {
	w := kiezerVenster(t)
	dir := t.TempDir()
	bestaand := filepath.Join(dir, lastigeNaam+".xlsx")
	os.WriteFile(bestaand, []byte("oud"), 0o644)
	var got string
	Opslaan(w, Keuze{Map: dir}, func(p string) { got = p })
	typ(naamveld(t, w), lastigeNaam+".xlsx")
	if got != "" {
		t.Fatal("een bestaand bestand is gekozen zonder te vragen")
	}
	test.Tap(knop(t, w, "Yes"))
	if got != bestaand {
		t.Fatalf("na ja: gekozen %q, want %q", got, bestaand)
	}
	if b, _ := os.ReadFile(bestaand); string(b) != "oud" {
		t.Fatalf("de kiezer veranderde het bestaande bestand: %q", b)
	}
}

func TestSaveNewRefusesAnExistingFileAndAMissingFolder(t *testing.T) {
	w := kiezerVenster(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kopie.db"), []byte("oud"), 0o644)
	called := false
	Opslaan(w, Keuze{Map: dir, Nieuw: true}, func(string) { called = true })
	typ(naamveld(t, w), "kopie.db")
	if called || foutmelding(w) == "" {
		t.Fatalf("een bestaand bestand: gekozen=%v, melding %q", called, foutmelding(w))
	}
	test.Tap(knop(t, w, "OK"))
	typ(naamveld(t, w), filepath.Join(dir, "bestaat niet", "kopie.db"))
	if called || foutmelding(w) == "" {
		t.Fatalf("een map die niet bestaat: gekozen=%v, melding %q", called, foutmelding(w))
	}
}

// TestSaveAddsTheKindsExtensionToAnyOther: a name typed with another
// extension gets the file's kind added; one with it, in any case, does not.
func TestSaveAddsTheKindsExtensionToAnyOther(t *testing.T) {
	w := kiezerVenster(t)
	dir := t.TempDir()
	for typed, want := range map[string]string{"raad.v2": "raad.v2.pdf", "Raad.PDF": "Raad.PDF", "raad": "raad.pdf"} {
		var got string
		Opslaan(w, Keuze{Map: dir, Extensies: []string{".pdf"}}, func(p string) { got = p })
		typ(naamveld(t, w), typed)
		if got != filepath.Join(dir, want) {
			t.Errorf("%q typed: chosen %q, want %q", typed, got, want)
		}
	}
}
