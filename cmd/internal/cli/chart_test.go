package cli

import (
	"archive/zip"
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

func TestChartList(t *testing.T) {
	code, out, _ := run(t, "chart", "--list")
	if code != ExitOK || !strings.Contains(out, "jeugdhulp") || !strings.Contains(out, "besparingen") {
		t.Fatalf("exit %d: %q", code, out)
	}
}

func TestChartWritesPNGAndSVG(t *testing.T) {
	db := newDatabase(t)
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "pmg.png")
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "preventie-met-gezag", "-o", pngPath); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	body, _ := os.ReadFile(pngPath)
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil || img.Bounds().Dx() != 1920 || img.Bounds().Dy() != 1080 {
		t.Fatalf("png %v %v", err, img)
	}
	dbl := filepath.Join(dir, "dubbel.png")
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "huisarts", "--dubbel", "--width", "1366", "--height", "768", "-o", dbl); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(must(os.ReadFile(dbl)))); err != nil || cfg.Width != 2732 || cfg.Height != 1536 {
		t.Errorf("dubbel: %+v %v", cfg, err)
	}
	svgPath := filepath.Join(dir, "besparingen.svg")
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "besparingen", "--format", "svg", "-o", svgPath); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	svg := string(must(os.ReadFile(svgPath)))
	for _, want := range []string{"<svg", "€ 580.000", "€ 550.000", "Gerealiseerde besparingen per periode"} {
		if !strings.Contains(svg, want) {
			t.Errorf("svg mist %q", want)
		}
	}
	if code, _, _ := run(t, "chart", "--db", db, "--name", "besparingen", "-o", svgPath); code != ExitError {
		t.Error("een bestaand bestand is overschreven zonder --overschrijven")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestChartWrongUsage(t *testing.T) {
	for _, args := range [][]string{
		{"chart", "--name", "jeugdhulp"},
		{"chart", "--name", "jeugdhulp", "-o", "x.png", "--format", "gif"},
		{"chart", "--name", "jeugdhulp", "-o", "x.png", "--thema", "paars"},
		{"rapport"},
		{"demo"},
	} {
		if code, _, _ := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	db := newDatabase(t)
	if code, _, stderr := run(t, "chart", "--db", db, "--name", "bestaat-niet", "-o", filepath.Join(t.TempDir(), "x.png")); code != ExitError || !strings.Contains(stderr, "onbekende grafiek") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestDemoDatabaseIsSeparateAndMarked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if code, out, stderr := run(t, "demo", "-o", path); code != ExitOK || !strings.Contains(out, "fictieve cijfers") {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	if code, _, _ := run(t, "demo", "-o", path); code != ExitError {
		t.Error("demo overschreef een bestaand bestand")
	}
	s, err := OpenDatabase(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range all {
		if !strings.Contains(i.Naam, "(demo)") {
			t.Errorf("register-interventie %q in de demodatabase", i.Naam)
		}
	}
}

// pdfText runs poppler's pdftotext, or skips when poppler is not installed.
func pdfText(t *testing.T, path string) (text, info string) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s ontbreekt: installeer poppler-utils (apt-get install poppler-utils) om het PDF-rapport te controleren", tool)
		}
	}
	txt, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext kan het rapport niet lezen: %v", err)
	}
	inf, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(txt), string(inf)
}

// pages reads the page count from pdfinfo's output.
func pages(info string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestRapportOpensInPopplerWithTitlesAndSources(t *testing.T) {
	db := newDatabase(t)
	s, err := OpenDatabase(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.SavePresentatie(&store.Presentatie{Naam: "Raadsvergadering 12 december", Dias: []string{"preventie-met-gezag", "besparingen"}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "raad.pdf")
	if code, _, stderr := run(t, "rapport", "--db", db, "--presentatie", "raadsvergadering 12 december", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text, info := pdfText(t, out)
	if pages(info) != 4 {
		t.Errorf("pdfinfo: %s", info)
	}
	for _, want := range []string{"Raadsvergadering 12 december", "Preventie met Gezag: Zwolle en Nederland", "520,2", "450,97",
		"Gerealiseerde besparingen per periode", "€ 580.000", "Plan van aanpak Preventie met Gezag (mei 2024)",
		"Spoor 3 Jeugd (Hervormingsagenda sociaal domein)", "Bronnen", "Kerncijfers"} {
		if !strings.Contains(text, want) {
			t.Errorf("rapport mist %q", want)
		}
	}
	all := filepath.Join(t.TempDir(), "alles.pdf")
	if code, _, stderr := run(t, "rapport", "--db", db, "-o", all); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, info := pdfText(t, all); pages(info) != 12 {
		t.Errorf("alle grafieken: %s", info)
	}
	if code, _, _ := run(t, "rapport", "--db", db, "--presentatie", "bestaat niet", "-o", filepath.Join(t.TempDir(), "x.pdf")); code != ExitError {
		t.Error("onbekende presentatie geaccepteerd")
	}
}

// TestRapportPPTXByExtension writes the same report as PowerPoint when the
// file name ends in .pptx and refuses any other extension.
func TestRapportPPTXByExtension(t *testing.T) {
	db := newDatabase(t)
	out := filepath.Join(t.TempDir(), "raad.pptx")
	code, stdout, stderr := run(t, "rapport", "--db", db, "-o", out)
	if code != ExitOK || !strings.Contains(stdout, "Presentatie met 10 grafieken") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("%s is geen pptx-archief: %v", out, err)
	}
	n := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "ppt/slides/slide") {
			n++
		}
	}
	z.Close()
	if n != 11 {
		t.Errorf("%d dia's, want een titeldia en 10 grafieken", n)
	}
	if code, _, stderr := run(t, "rapport", "--db", db, "-o", out); code != ExitError || !strings.Contains(stderr, "bestaat al") {
		t.Errorf("bestaand bestand: exit %d: %s", code, stderr)
	}
	wrong := filepath.Join(t.TempDir(), "raad.docx")
	if code, _, stderr := run(t, "rapport", "--db", db, "-o", wrong); code != ExitUsage || !strings.Contains(stderr, ".pptx") {
		t.Errorf("-o raad.docx: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(wrong); !os.IsNotExist(err) {
		t.Errorf("%s is toch geschreven", wrong)
	}
}
