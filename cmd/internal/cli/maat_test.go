package cli

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
)

// huisarts is the register's intervention with reach in two measures.
const (
	huisarts    = "Jeugd- en gezinswerkers bij de huisarts"
	praktijken  = "huisartsenpraktijken met een jeugd- en gezinswerker"
	praktijkEen = "procent van de huisartsenpraktijken"
)

// TestChartNamesTheMeasure: --maat draws the intervention's other measure
// (its unit in the legend); an unknown measure is refused in Dutch naming
// the measures there are, and nothing is written.
func TestChartNamesTheMeasure(t *testing.T) {
	db := newDatabase(t)
	dir := t.TempDir()
	svg := filepath.Join(dir, "maat.svg")
	code, _, stderr := run(t, "chart", "--db", db, "--name", "bereik-interventie", "--interventie", huisarts,
		"--maat", strings.ToUpper(praktijken), "--van", "2019", "--tot", "2023", "--format", "svg", "-o", svg)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if body := string(must(os.ReadFile(svg))); !strings.Contains(body, "Bereik ("+praktijkEen+")") || !strings.Contains(body, ">73<") {
		t.Errorf("de grafiek toont de gekozen maat niet")
	}
	bad := filepath.Join(dir, "onbekend.svg")
	code, _, stderr = run(t, "chart", "--db", db, "--name", "bereik-interventie", "--interventie", huisarts,
		"--maat", "activiteiten", "--van", "2019", "--tot", "2023", "-o", bad)
	want := `onbekende maat "activiteiten" voor ` + huisarts + `; bekende maten: ` + praktijken + `, huisartsen met een jeugd- en gezinswerker`
	if code != ExitError || !strings.Contains(stderr, want) {
		t.Errorf("exit %d: %q", code, stderr)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("bij een onbekende maat is %s toch geschreven (%v)", bad, err)
	}
}

// TestChartAndReportFollowTheChosenMeasure: the measure chosen on the
// Overzicht (stored with the database) is what chart, the PDF report and
// the PowerPoint show without options; naming another intervention drops it.
func TestChartAndReportFollowTheChosenMeasure(t *testing.T) {
	db := newDatabase(t)
	s, err := OpenDatabase(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = dashboard.OnthoudMaat(s, huisarts, praktijken)
	if err == nil {
		err = dashboard.Onthoud(s, dashboard.Opties{Van: 2019, Tot: 2023})
	}
	if err == nil {
		err = s.SavePresentatie(&store.Presentatie{Naam: "Bereik", Dias: []string{"bereik-interventie"}})
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	svg := filepath.Join(dir, "gekozen.svg")
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "bereik-interventie", "--format", "svg", "-o", svg); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(string(must(os.ReadFile(svg))), "Bereik ("+praktijkEen+")") {
		t.Error("chart volgt de gekozen maat niet")
	}
	other := filepath.Join(dir, "ander.svg")
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "bereik-interventie", "--interventie", "Ambulant jongerenwerk",
		"--format", "svg", "-o", other); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(string(must(os.ReadFile(other))), praktijkEen) {
		t.Error("een andere interventie kreeg de maat van de gekozen")
	}

	pptx := filepath.Join(dir, "raad.pptx")
	if code, _, stderr := run(t, "rapport", "--db", db, "--presentatie", "Bereik", "-o", pptx); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if slide := zipText(t, pptx, "ppt/slides/slide2.xml"); !strings.Contains(slide, praktijken) {
		t.Errorf("de dia noemt de gekozen maat niet: %.600s", slide)
	}
	pdf := filepath.Join(dir, "raad.pdf")
	if code, _, stderr := run(t, "rapport", "--db", db, "--presentatie", "Bereik", "-o", pdf); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text, _ := pdfText(t, pdf)
	if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, praktijken) || !strings.Contains(flat, "73") {
		t.Errorf("het rapport toont de gekozen maat niet: %.800s", flat)
	}
}

// zipText reads one part of a zip archive (a PowerPoint file).
func zipText(t *testing.T, path, name string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := r.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	return string(must(io.ReadAll(f)))
}
