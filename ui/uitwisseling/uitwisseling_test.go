package uitwisseling

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/export"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

func openRegister(t *testing.T, dir string) *store.Store {
	return registertest.Open(t, dir, store.Options{}, nil)
}

// dialogSetup opens the register in a temporary folder and an 800x600
// window for a dialog, in a test app.
func dialogSetup(t *testing.T) (string, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir()
	s := openRegister(t, dir)
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(800, 600))
	return dir, s, win
}

// capture writes what the window shows to $UITWISSELING_CAPTURES/name.png
// when that variable is set, to look at the dialogs.
func capture(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("UITWISSELING_CAPTURES")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func writeWorkbook(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "Bereik Humanitas 2024")
	f.MergeCell("Sheet1", "A1", "C1")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestImportWizard(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	s := openRegister(t, dir)
	path := filepath.Join(dir, "humanitas bereik 2024.xlsx")
	writeWorkbook(t, path, [][]any{
		{"Activiteit", "Jaar", "Aantal deelnemers"},
		{"Match (Humanitas)", "2024", 36},
		{"Home-Start", "2024", -4},
		{"Home-Start", "2025", "n.v.t."},
	})
	done := false
	wz := NewImportWizard(s, test.NewWindow(nil), func() { done = true })
	wz.sync = true
	w := test.NewWindow(wz.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(960, 640))
	wz.LoadFile(path, "")
	if wz.im == nil || !strings.Contains(wz.status.Text, "Kopregel op rij 3") {
		t.Fatalf("status %q", wz.status.Text)
	}
	if wz.selects["interventie"].Selected != "Activiteit (A)" || wz.selects["waarde"].Selected != "Aantal deelnemers (C)" {
		t.Fatalf("proposed mapping: %q %q", wz.selects["interventie"].Selected, wz.selects["waarde"].Selected)
	}
	capture(t, w, "import-voorbeeld")
	test.Tap(wz.controleerKnop)
	if !strings.Contains(wz.problemen.Text, "rij 5, kolom Aantal deelnemers (C): mag niet negatief zijn (-4)") || !wz.importeerKnop.Disabled() {
		t.Fatalf("problems %q", wz.problemen.Text)
	}
	capture(t, w, "import-controle")
	writeWorkbook(t, path, [][]any{
		{"Activiteit", "Jaar", "Aantal deelnemers"},
		{"Match (Humanitas)", "2024", 36},
		{"Home-Start", "2024", 4},
		{"Home-Start", "2025", "n.v.t."},
	})
	test.Tap(wz.controleerKnop)
	if !wz.importeerKnop.Disabled() || len(wz.namen.Objects) != 2 {
		t.Fatalf("a similar name must be confirmed first: %d names", len(wz.namen.Objects))
	}
	check := wz.namen.Objects[0].(*widget.Check)
	capture(t, w, "import-namen")
	test.Tap(check)
	if wz.importeerKnop.Disabled() {
		t.Fatal("import still disabled after confirming")
	}
	test.Tap(wz.importeerKnop)
	if !done || !strings.HasPrefix(wz.status.Text, "Opgeslagen: 2 nieuw") || wz.voortgang.Value != 1 {
		t.Fatalf("after import: %q, done %v", wz.status.Text, done)
	}
	capture(t, w, "import-klaar")
	match, _ := s.InterventieByNaam("Match")
	reach, _ := s.BereikVan(match.ID)
	if len(reach) == 0 || reach[len(reach)-1].Waarde != 36 {
		t.Fatalf("reach %+v", reach)
	}
}

// TestImportWizardRefusedFileReplacesThePrevious opens a good CSV file and
// then one with a quote that does not close (issue 13): the wizard names
// the refused file with its message, shows nothing of the good one any
// more, and offers neither a check nor an import of either.
func TestImportWizardRefusedFileReplacesThePrevious(t *testing.T) {
	dir, s, win := dialogSetup(t)
	goed := filepath.Join(dir, "goed.csv")
	fout := filepath.Join(dir, "aanhalingsteken.csv")
	for path, text := range map[string]string{
		goed: "Interventie;Periode;Waarde;Bron\r\nMatch;2022;33;Jaarverslag\r\n",
		fout: "Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;\"x\r\nJongerencentra;2024;56;b\r\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	wz := NewImportWizard(s, win, nil)
	wz.sync = true
	w := test.NewWindow(wz.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(960, 640))
	wz.LoadFile(goed, "")
	if wz.im == nil || wz.bestand.Text != "goed.csv" || wz.controleerKnop.Disabled() {
		t.Fatalf("good file not opened: %q %q", wz.bestand.Text, wz.status.Text)
	}
	wz.LoadFile(fout, "")
	if wz.bestand.Text != "aanhalingsteken.csv" {
		t.Fatalf("the wizard still names %q after refusing aanhalingsteken.csv", wz.bestand.Text)
	}
	if !strings.HasPrefix(wz.status.Text, "aanhalingsteken.csv is niet geopend: regel 2, kolom D: het aanhalingsteken") {
		t.Fatalf("message does not name the refused file and its line: %q", wz.status.Text)
	}
	if wz.im != nil || len(wz.kolommen.Objects) != 0 || !wz.controleerKnop.Disabled() || !wz.importeerKnop.Disabled() {
		t.Fatalf("the good file is still loaded (im %v, %d mapping rows, check disabled %v)", wz.im != nil,
			len(wz.kolommen.Objects), wz.controleerKnop.Disabled())
	}
	if rows, cols := wz.previewSize(); rows != 0 || cols != 0 {
		t.Fatalf("preview of the good file still shown: %dx%d", rows, cols)
	}
	wz.soort.SetSelected("Indicatoren (ook CBS StatLine)") // reloaded the good file before
	if wz.im != nil || !wz.controleerKnop.Disabled() {
		t.Fatal("choosing another kind opened the earlier file again")
	}
}

func TestExportBackupRestoreDialogs(t *testing.T) {
	dir, s, win := dialogSetup(t)

	ed := NewExportDialog(s, win)
	ed.sync = true
	ed.Show()
	capture(t, win, "export")
	ed.format.SetSelected("csv")
	if !strings.Contains(ed.status.Text, "CSV bevat één soort") {
		t.Fatalf("alles as CSV not explained: %q", ed.status.Text)
	}
	ed.format.SetSelected("json")
	if !strings.Contains(ed.status.Text, "Volledige export") {
		t.Fatalf("alles as JSON not explained as the full export: %q", ed.status.Text)
	}
	capture(t, win, "export-volledig")
	ed.soort.SetSelected("bereik")
	if ed.status.Text != "" {
		t.Fatalf("hint left standing for one kind: %q", ed.status.Text)
	}
	ed.format.SetSelected("csv")
	out := filepath.Join(dir, "bereik.csv")
	var werr error
	ed.Write(out, func(err error) { werr = err })
	data, _ := os.ReadFile(out)
	if werr != nil || !strings.HasPrefix(string(data), "\ufeffInterventie;Periode") {
		t.Fatalf("export: %v %q", werr, data[:min(len(data), 40)])
	}

	copyPath := filepath.Join(dir, "kopie.db")
	bd := NewBackupDialog(s, win)
	bd.sync = true
	bd.Write(copyPath, func(err error) { werr = err })
	if werr != nil {
		t.Fatal(werr)
	}
	bd.Write(copyPath, func(err error) { werr = err })
	if werr == nil {
		t.Fatal("a backup overwrote an existing copy")
	}

	target := s.Path()
	closed := false
	rd := NewRestoreDialog(target, win, func() error { closed = true; return s.Close() }, nil)
	rd.sync = true
	rd.Confirm(copyPath)
	capture(t, win, "terugzetten")
	var kept string
	rd.Restore(copyPath, func(k string, err error) { kept, werr = k, err })
	if werr != nil || !closed || kept == "" {
		t.Fatalf("restore: %v, closed %v, kept %q", werr, closed, kept)
	}
	s2, err := store.Open(target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestImportWizardCBSForAnotherMunicipality(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	s := openRegister(t, dir)
	wz := NewImportWizard(s, test.NewWindow(nil), func() {})
	wz.sync = true
	w := test.NewWindow(wz.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(960, 640))
	wz.soort.SetSelected(wz.soort.Options[1])
	wz.LoadFile(filepath.Join("..", "..", "data", "cbs", "testdata", "85099NED_testbestand.csv"), "")
	if wz.im == nil || !wz.im.CBS || wz.gemeente == nil || wz.gemeente.Text != "GM0193" {
		t.Fatalf("CBS file not recognised with Zwolle as default: %q", wz.status.Text)
	}
	wz.gemeente.SetText("gm0363")
	wz.gemeenteNaam.SetText("Amsterdam")
	test.Tap(wz.controleerKnop)
	if wz.importeerKnop.Disabled() {
		t.Fatalf("import not possible after the check: %q %q", wz.status.Text, wz.problemen.Text)
	}
	test.Tap(wz.importeerKnop)
	ind, err := s.IndicatorByCode("jeugdhulp-jeugdigen")
	if err != nil {
		t.Fatal(err)
	}
	series, err := s.Jaarreeks(ind.ID, 2021, 2021)
	if err != nil || len(series) != 1 || series[0].Waarde != 9999 {
		t.Fatalf("2021 for GM0363: %+v %v (%q)", series, err, wz.status.Text)
	}
}

// The check of a CBS file proposes new indicators: nothing can be imported
// until the user ticks each of them in the preview.
func TestImportWizardCBSAsksForNewIndicators(t *testing.T) {
	test.NewTempApp(t)
	s := openRegister(t, t.TempDir())
	wz := NewImportWizard(s, test.NewWindow(nil), func() {})
	wz.sync = true
	w := test.NewWindow(wz.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(960, 640))
	wz.soort.SetSelected(wz.soort.Options[1])
	wz.LoadFile(filepath.Join("..", "..", "data", "cbs", "testdata", "85099NED_testbestand.csv"), "")
	test.Tap(wz.controleerKnop)
	var checks []*widget.Check
	for _, o := range wz.namen.Objects {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
	}
	if len(checks) != 4 || !strings.HasPrefix(checks[0].Text, "cbs-jeugdbescherming (") || !wz.importeerKnop.Disabled() ||
		wz.tabs.SelectedIndex() != 2 || !strings.Contains(wz.status.Text, "Bevestig de nieuwe indicatoren") {
		t.Fatalf("new indicators not asked: %d ticks, import enabled %v, status %q", len(checks), !wz.importeerKnop.Disabled(), wz.status.Text)
	}
	for i, c := range checks {
		test.Tap(c)
		if enabled := !wz.importeerKnop.Disabled(); enabled != (i == len(checks)-1) {
			t.Fatalf("after %d of %d ticks the import button is enabled: %v", i+1, len(checks), enabled)
		}
	}
	if _, err := s.IndicatorByCode("cbs-jeugdbescherming"); err == nil {
		t.Fatal("indicator created before the import")
	}
	test.Tap(wz.importeerKnop)
	if _, err := s.IndicatorByCode("cbs-jeugdbescherming"); err != nil {
		t.Fatalf("confirmed indicator not created: %v (%q)", err, wz.status.Text)
	}
}

// overlayTexts lists the texts of the labels in the window's top overlay
// (an open dialog).
func overlayTexts(w fyne.Window) []string {
	var out []string
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(wd).Objects() {
				walk(child)
			}
		}
	}
	walk(top)
	return out
}

func TestRestoreDialogTakesFullExport(t *testing.T) {
	dir, s, win := dialogSetup(t)

	counts, err := s.Tel()
	if err != nil {
		t.Fatal(err)
	}
	exported := filepath.Join(dir, "alles.json")
	f, err := os.Create(exported)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.Write(f, s, export.KindAlles, export.FormatJSON); err != nil {
		t.Fatal(err)
	}
	f.Close()
	target := filepath.Join(t.TempDir(), "ander.db")
	other, err := store.Open(target, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	rd := NewRestoreDialog(target, win, other.Close, nil)
	rd.sync = true
	rd.Confirm(exported)
	capture(t, win, "terugzetten-export")
	want := fmt.Sprintf("alles.json bevat %d interventies, %d bereikcijfers", counts.Interventies, counts.Bereik)
	if texts := strings.Join(overlayTexts(win), "\n"); !strings.Contains(texts, want) {
		t.Fatalf("confirmation does not count the export: %q", texts)
	}
	var werr error
	rd.Restore(exported, func(_ string, err error) { werr = err })
	if werr != nil {
		t.Fatal(werr)
	}
	restored, err := store.Open(target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if got, _ := restored.Tel(); got.Interventies != counts.Interventies || got.Metingen != counts.Metingen {
		t.Fatalf("restored %+v, exported %+v", got, counts)
	}
}

// A CBS file that changes a stored figure lists it in the check's report,
// by indicator, period, old and new, as the import command does.
func TestImportWizardCBSNoemtWijzigingen(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	s := openRegister(t, dir)
	wz := NewImportWizard(s, test.NewWindow(nil), func() {})
	wz.sync = true
	w := test.NewWindow(wz.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(960, 640))
	wz.soort.SetSelected(wz.soort.Options[1])
	wz.LoadFile(filepath.Join("..", "..", "data", "cbs", "testdata", "84134NED_testbestand_labels.csv"), "")
	test.Tap(wz.controleerKnop)
	test.Tap(wz.importeerKnop)
	if !strings.HasPrefix(wz.status.Text, "Opgeslagen") {
		t.Fatalf("first import: %q %q", wz.status.Text, wz.problemen.Text)
	}
	file := filepath.Join(dir, "84134NED_correctie.csv")
	if err := os.WriteFile(file, []byte("\"Regio's\";\"Perioden\";\"Onderwerp\";\"Waarde\"\n\"Zwolle\";\"2019\";\"Jongeren met jeugdhulp\";\"5\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wz.LoadFile(file, "")
	test.Tap(wz.controleerKnop)
	if !strings.Contains(wz.problemen.Text, "Gewijzigd: Aantal jeugdigen met jeugdhulp, 2019: van 1.000 naar 5 (vergelijking van 200.000 naar geen)") {
		t.Fatalf("change not listed: %q (%q)", wz.problemen.Text, wz.status.Text)
	}
}
