package uitvoer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/rapport"
	"jeugdmonitor/ui/uidraad"
)

// venster is a laptop-sized test window.
func venster(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1366, 768))
	t.Cleanup(w.Close)
	return w
}

// wacht receives the outcome of background work, failing after a minute.
func wacht(t *testing.T, c <-chan error) error {
	t.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(time.Minute):
		t.Fatal("geen uitkomst binnen een minuut")
		return nil
	}
}

// teksten collects every label text in the window's dialogs.
func teksten(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		test.WidgetRenderer(o.(fyne.Widget)) // lays the dialog out
		walk(o, func(o fyne.CanvasObject) {
			switch v := o.(type) {
			case *widget.Label:
				b.WriteString(v.Text + "\n")
			case *widget.RichText:
				b.WriteString(v.String() + "\n")
			case *widget.Button:
				b.WriteString("[" + v.Text + "]\n")
			}
		})
	}
	return b.String()
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, f)
		}
	}
}

func TestSchrijfReportsTheFileWritten(t *testing.T) {
	w := venster(t)
	pad := filepath.Join(t.TempDir(), "raad 12 december €#%.pdf")
	var stappen []int
	err := wacht(t, Schrijf(w, "Rapport voor de raad", pad, func(out io.Writer, v rapport.Voortgang) error {
		for k := range 3 {
			v(k, 2)
			stappen = append(stappen, k)
		}
		_, err := io.WriteString(out, "%PDF-inhoud")
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(pad); string(got) != "%PDF-inhoud" {
		t.Errorf("bestand bevat %q", got)
	}
	if txt := teksten(w); !strings.Contains(txt, "Opgeslagen als "+pad) {
		t.Errorf("de melding noemt het bestand niet: %q", txt)
	}
	if len(stappen) != 3 {
		t.Errorf("voortgang %v", stappen)
	}
}

func TestSchrijfFailureLeavesNothingBehind(t *testing.T) {
	w := venster(t)
	dir := t.TempDir()
	nieuw := filepath.Join(dir, "nieuw.pptx") // the chooser does not create it
	oud := filepath.Join(dir, "oud.pptx")
	if err := os.WriteFile(oud, []byte("vorige versie"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("tekenen mislukt")
	for _, pad := range []string{nieuw, oud} {
		err := wacht(t, Schrijf(w, "Presentatie als PowerPoint", pad, func(out io.Writer, _ rapport.Voortgang) error {
			io.WriteString(out, "half")
			return boom
		}))
		if !errors.Is(err, boom) {
			t.Fatalf("%s: fout %v", pad, err)
		}
		if txt := strings.ToLower(teksten(w)); !strings.Contains(txt, filepath.Base(pad)+" is niet geschreven: tekenen mislukt") { // Fyne capitalises the message
			t.Errorf("foutmelding %q", txt)
		}
	}
	if _, err := os.Stat(nieuw); !os.IsNotExist(err) {
		t.Error("een mislukte schrijfpoging liet nieuw.pptx achter")
	}
	if got, _ := os.ReadFile(oud); string(got) != "vorige versie" {
		t.Errorf("het bestaande bestand werd aangetast: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("map bevat %d bestanden, want alleen oud.pptx", len(entries))
	}
}

func TestRapportSchrijverWritesPDFAndPPTX(t *testing.T) {
	w := venster(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := dashboard.VulDemo(s); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePresentatie(&store.Presentatie{Naam: "Raad", Dias: []string{"jeugdhulp"}}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for f, magic := range map[rapport.Formaat]string{rapport.PDF: "%PDF", rapport.PPTX: "PK"} {
		pad := filepath.Join(dir, rapport.Bestandsnaam("Raad", f, time.Now()))
		if err := wacht(t, Schrijf(w, Titel(f), pad, rapportSchrijver(s, f, "Raad", dashboard.Opties{}, true, time.Now()))); err != nil {
			t.Fatal(err)
		}
		if body, _ := os.ReadFile(pad); !bytes.HasPrefix(body, []byte(magic)) {
			t.Errorf("%s begint niet met %q", pad, magic)
		}
	}
	if err := wacht(t, Schrijf(w, "x", filepath.Join(dir, "x.pdf"), rapportSchrijver(s, rapport.PDF, "bestaat niet", dashboard.Opties{}, true, time.Now()))); err == nil {
		t.Error("een onbekende presentatie gaf geen fout")
	}
}

func TestToonRapportListsSavedPresentations(t *testing.T) {
	w := venster(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "jm.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SavePresentatie(&store.Presentatie{Naam: "Raad 12 december", Dias: []string{"jeugdhulp"}}); err != nil {
		t.Fatal(err)
	}
	r := ToonRapport(s, w, rapport.PPTX, dashboard.Opties{})
	select {
	case <-r.Geladen:
	case <-time.After(time.Minute):
		t.Fatal("de opgeslagen presentaties kwamen niet binnen een minuut")
	}
	if got := r.Keuze.Options; len(got) != 2 || got[0] != rapport.AlleGrafieken || got[1] != "Raad 12 december" {
		t.Errorf("keuzes %v", got)
	}
	if r.Keuze.Selected != rapport.AlleGrafieken {
		t.Errorf("voorgekozen %q", r.Keuze.Selected)
	}
	r.Dialoog.Hide()
}

func TestKopieerWithoutClipboardToolOffersPNG(t *testing.T) {
	w := venster(t)
	t.Setenv("PATH", t.TempDir()) // no xclip, no wl-copy
	g := dashboard.Grafiek{Naam: "leeg", Titel: "Lege grafiek", GeenGegevens: "Geen gegevens"}
	err := wacht(t, KopieerGrafiek(w, func() (dashboard.Grafiek, chart.Thema, bool) { return g, chart.Licht, true }))
	if err == nil {
		t.Skip("dit platform heeft een klembord voor afbeeldingen")
	}
	txt := teksten(w)
	if !strings.Contains(txt, "Een afbeelding kopiëren kan op deze computer niet") || !strings.Contains(txt, "[Opslaan als PNG…]") {
		t.Errorf("melding %q", txt)
	}
}

func TestSaveAndCopyWaitForTheDrawing(t *testing.T) {
	w := venster(t)
	nog := func() (dashboard.Grafiek, chart.Thema, bool) { return dashboard.Grafiek{}, chart.Licht, false }
	if err := wacht(t, KopieerGrafiek(w, nog)); !errors.Is(err, errNogNietGetekend) {
		t.Errorf("kopiëren voor het tekenen: %v", err)
	}
	BewaarGrafiek(w, nog, chart.PNG)
	if txt := teksten(w); !strings.Contains(txt, "nog getekend") {
		t.Errorf("melding %q", txt)
	}
}

// TestStoppedProgramLeavesTheWindowAlone: a write that ends after the
// program stopped shows nothing (Fyne would run it off the UI goroutine);
// while it runs, Bezig makes the program ask before quitting.
func TestStoppedProgramLeavesTheWindowAlone(t *testing.T) {
	w := venster(t)
	doorgaan := make(chan struct{})
	klaar := Schrijf(w, "Rapport voor de raad", filepath.Join(t.TempDir(), "r.pdf"), func(out io.Writer, _ rapport.Voortgang) error {
		<-doorgaan
		_, err := io.WriteString(out, "%PDF")
		return err
	})
	if !Bezig() {
		t.Error("Bezig is false terwijl er een bestand wordt geschreven")
	}
	voor := len(w.Canvas().Overlays().List())
	Stop(fyne.CurrentApp())
	close(doorgaan)
	if err := wacht(t, klaar); err != nil {
		t.Fatal(err)
	}
	if Bezig() {
		t.Error("Bezig is true na het schrijven")
	}
	if na := len(w.Canvas().Overlays().List()); na != voor {
		t.Errorf("na het stoppen veranderde het venster nog (%d dialogen, daarvoor %d)", na, voor)
	}
	// a new program is not stopped
	w2 := venster(t)
	if err := wacht(t, Schrijf(w2, "x", filepath.Join(t.TempDir(), "x.pdf"), func(io.Writer, rapport.Voortgang) error { return nil })); err != nil {
		t.Fatal(err)
	}
	if txt := teksten(w2); !strings.Contains(txt, "Opgeslagen als") {
		t.Errorf("een nieuw programma toonde de uitkomst niet: %q", txt)
	}
}

// TestBewaarTakesATypedPath: a full path typed in the chooser of the report,
// the presentation and the chart is the file written (the new-user pass got
// "Open /root/tmp/…: no such file" in English when the chooser glued a typed
// path to the folder on show), with the kind's extension added.
func TestBewaarTakesATypedPath(t *testing.T) {
	w := venster(t)
	dir := t.TempDir()
	// the background write hands its widget changes to this goroutine, so
	// reading the window below races with nothing
	afwerken, stop := uidraad.Wachtrij()
	defer stop()
	Bewaar(w, "Rapport voor de raad", "raad.pdf", func(out io.Writer, _ rapport.Voortgang) error {
		_, err := io.WriteString(out, "%PDF-inhoud")
		return err
	})
	var veld *widget.Entry
	for _, o := range w.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && veld == nil {
				veld = e
			}
		})
	}
	if veld == nil {
		t.Fatal("geen naamveld in de kiezer")
	}
	getypt := filepath.Join(dir, "raad #3 100% ë €")
	veld.SetText(getypt)
	veld.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pad := getypt + ".pdf"
	deadline := time.Now().Add(time.Minute)
	for afwerken(); !strings.Contains(teksten(w), "Opgeslagen als "+pad) || uidraad.Lopend() > 0; afwerken() {
		if time.Now().After(deadline) {
			t.Fatalf("geen melding over %s; op het scherm: %q", pad, teksten(w))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got, err := os.ReadFile(pad); err != nil || string(got) != "%PDF-inhoud" {
		t.Errorf("%s: %q, %v", pad, got, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "raad.pdf")); err == nil {
		t.Error("de voorgestelde naam in de map van de kiezer werd ook gemaakt")
	}
}

// slides counts the slides of a .pptx.
func slides(t *testing.T, body []byte) int {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "ppt/slides/slide") && strings.HasSuffix(f.Name, ".xml") {
			n++
		}
	}
	return n
}

// TestReportLeavesOutChartsWithoutFigures: unless asked, a report on every
// chart leaves out those without figures, and one with none left is refused
// with a message that says how to include them.
func TestReportLeavesOutChartsWithoutFigures(t *testing.T) {
	s := registertest.Open(t, "", store.Options{User: "test"}, nil)
	o := dashboard.Opties{Van: 2019, Tot: 2023}
	var zonder, met bytes.Buffer
	if err := rapportSchrijver(s, rapport.PPTX, "", o, false, time.Now())(&zonder, nil); err != nil {
		t.Fatal(err)
	}
	if err := rapportSchrijver(s, rapport.PPTX, "", o, true, time.Now())(&met, nil); err != nil {
		t.Fatal(err)
	}
	graphs, err := dashboard.BouwAlle(s, o)
	if err != nil {
		t.Fatal(err)
	}
	vol := len(dashboard.MetCijfers(graphs))
	if n := slides(t, zonder.Bytes()); n != vol+1 || vol == len(graphs) {
		t.Errorf("zonder lege: %d dia's, want titeldia + %d van %d grafieken", n, vol, len(graphs))
	}
	if n := slides(t, met.Bytes()); n != len(graphs)+1 {
		t.Errorf("met lege: %d dia's, want %d", n, len(graphs)+1)
	}
	leeg, err := store.Open(filepath.Join(t.TempDir(), "leeg.db"), store.Options{Create: true, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer leeg.Close()
	err = rapportSchrijver(leeg, rapport.PDF, "", o, false, time.Now())(io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "Ook grafieken zonder cijfers") {
		t.Errorf("rapport zonder één grafiek met cijfers: %v", err)
	}
}
