package rapport

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/dashboard"
)

// pdfTekst is the text of pages first to last of a PDF as pdftotext -layout
// lays it out (last 0: to the end).
func pdfTekst(t *testing.T, pad string, first, last int) string {
	t.Helper()
	args := []string{"-layout", "-f", fmt.Sprint(first)}
	if last > 0 {
		args = append(args, "-l", fmt.Sprint(last))
	}
	out, err := exec.Command("pdftotext", append(args, pad, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestPDFRapportIsDrukklaar writes the report of every chart of a demo
// database the way the program does (bestand.Schrijf) and reads it back with
// poppler: one page per chart after the title page and a page of sources;
// the contents list every chart with the page it is on; every page says
// "pagina N van M"; the date is Dutch in words; every chart title and source
// line is printed once (the chart image carries neither); numbers in the
// tables are right-aligned and rounded as on the chart (110%, not 110,33%);
// criterion names wrap instead of being cut with "…"; the fonts are Noto
// Sans (proportional); and the file can be read by others as any saved
// file (0644 less the umask, not 0600).
func TestPDFRapportIsDrukklaar(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s ontbreekt: installeer poppler-utils", tool)
		}
	}
	in, err := Verzamel(demoStore(t), "", dashboard.Opties{Van: 2020, Tot: 2024}, stand)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pad := filepath.Join(dir, "raad.pdf")
	if err := bestand.Schrijf(pad, func(w io.Writer) error { return SchrijfPDF(w, in, nil) }); err != nil {
		t.Fatal(err)
	}

	// permissions: those of any file this process saves
	probe := filepath.Join(dir, "probe")
	f, err := os.OpenFile(probe, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, _ := os.Stat(probe)
	got, err := os.Stat(pad)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode().Perm() != want.Mode().Perm() || got.Mode().Perm()&0o400 == 0 {
		t.Errorf("rechten %v, verwacht %v (0644 min de umask)", got.Mode().Perm(), want.Mode().Perm())
	}

	n := len(in.Grafieken)
	info, err := exec.Command("pdfinfo", pad).Output()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info); m == nil || string(m[1]) != fmt.Sprint(n+2) {
		t.Fatalf("pdfinfo: %s; verwacht %d pagina's (titel, %d grafieken, bronnen)", info, n+2, n)
	}
	fonts, err := exec.Command("pdffonts", pad).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(string(fonts)), "notosans") || strings.Contains(string(fonts), "utf8go") {
		t.Errorf("lettertypen:\n%s", fonts)
	}

	titel := pdfTekst(t, pad, 1, 1)
	if !strings.Contains(titel, "Rapport voor de gemeenteraad: Alle grafieken van het dashboard\n") { // on one line, as the journey reads it
		t.Errorf("titelpagina zonder de titel op één regel:\n%s", titel)
	}
	if !strings.Contains(titel, "Gemaakt op 29 november 2026") {
		t.Errorf("titelpagina zonder Nederlandse datum:\n%s", titel)
	}
	if !strings.Contains(titel, "Cijfers over 2020 t/m 2024") {
		t.Errorf("titelpagina zonder de jaren van het rapport:\n%s", titel)
	}
	for i, g := range append(in.Grafieken, dashboard.Grafiek{Titel: "Bronnen"}) {
		entry := regexp.QuoteMeta(g.Titel)
		if i < n {
			entry = fmt.Sprintf(`%d\.\s+%s`, i+1, entry)
		}
		m := regexp.MustCompile(`(?m)^\s*` + entry + `\s+(\d+)\s*$`).FindStringSubmatch(titel)
		if m == nil {
			t.Errorf("de inhoud mist %q met paginanummer:\n%s", g.Titel, titel)
			continue
		}
		page := pdfTekst(t, pad, atoi(t, m[1]), atoi(t, m[1]))
		heading := g.Titel
		if i < n {
			heading = fmt.Sprintf("%d. %s", i+1, g.Titel)
		}
		if !strings.Contains(strings.Join(strings.Fields(page), " "), heading) {
			t.Errorf("pagina %s heeft niet de kop %q", m[1], heading)
		}
	}

	for p := 1; p <= n+2; p++ {
		page := pdfTekst(t, pad, p, p)
		if !strings.Contains(page, fmt.Sprintf("pagina %d van %d", p, n+2)) {
			t.Errorf("pagina %d zonder 'pagina %d van %d'", p, p, n+2)
		}
		if p < 2 || p > n+1 {
			continue
		}
		g := in.Grafieken[p-2]
		if c := strings.Count(strings.Join(strings.Fields(page), " "), g.Titel); c != 1 {
			t.Errorf("pagina %d: titel %q staat er %d keer", p, g.Titel, c)
		}
		if c := strings.Count(page, "Bron: "); c != 1 {
			t.Errorf("pagina %d: de bron staat er %d keer", p, c)
		}
	}

	raw, err := exec.Command("pdftotext", "-raw", pad, "-").Output() // cells in reading order
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "…") {
		t.Error("het rapport kort een tekst af met …")
	}
	flat := strings.Join(strings.Fields(string(raw)), " ")
	for _, want := range []string{
		"Scholen primair en voortgezet onderwijs met samenwerking rondom toegang tot niet vrij toegankelijke jeugdhulp",
		"110% *", "Kernboodschap uit DEMO",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("het rapport mist %q", want)
		}
	}
	if strings.Contains(flat, "110,33") {
		t.Error("de tabel rondt anders af dan de grafiek (110,33%)")
	}
	rechtsUitgelijnd(t, pdfTekst(t, pad, 2, 2))
}

// rechtsUitgelijnd checks the first table of a chart page: in the rows of
// the years the first number column ends at the same place, also where a
// value is longer ("3.550 *"), which left-aligned cells would not.
func rechtsUitgelijnd(t *testing.T, page string) {
	t.Helper()
	row := regexp.MustCompile(`^\s*(20\d\d)\s{2,}(\S+(?: \*)?)`)
	ends := map[int][]string{}
	lengths := map[int]bool{}
	for _, l := range strings.Split(page, "\n") {
		m := row.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		end := utf8.RuneCountInString(l[:m[5]])
		ends[end] = append(ends[end], l[m[4]:m[5]])
		lengths[m[5]-m[4]] = true
	}
	if len(ends) != 1 || len(lengths) < 2 {
		t.Errorf("de getallen staan niet rechts uitgelijnd (einden %v):\n%s", ends, page)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPDFZonderLegeGrafieken checks that a chart without figures gets no
// image in the report (its page says what is missing): the register's
// report has exactly as many images as charts with figures.
func TestPDFZonderLegeGrafieken(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages ontbreekt: installeer poppler-utils")
	}
	in, err := Verzamel(registerStore(t), "", dashboard.Opties{Van: 2019, Tot: 2023}, stand)
	if err != nil {
		t.Fatal(err)
	}
	met := 0
	for _, g := range in.Grafieken {
		if g.HeeftGegevens() {
			met++
		}
	}
	pad := filepath.Join(t.TempDir(), "register.pdf")
	if err := bestand.Schrijf(pad, func(w io.Writer) error { return SchrijfPDF(w, in, nil) }); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfimages", "-list", pad).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Count(strings.TrimSpace(string(out)), "\n") - 1 // two header lines
	if met == 0 || met == len(in.Grafieken) || rows != met {
		t.Errorf("%d afbeeldingen voor %d van %d grafieken met cijfers:\n%s", rows, met, len(in.Grafieken), out)
	}
	if text := pdfTekst(t, pad, 2, 2); !strings.Contains(text, "Geen gegevens voor 2019-2023") {
		t.Errorf("de pagina van een lege grafiek zegt niet wat er ontbreekt:\n%s", text)
	}
}
