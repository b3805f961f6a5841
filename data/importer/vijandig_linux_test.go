package importer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/spreadsheet/vijandig"
)

// maxImportRSS is the most memory any import may take, whatever the file.
const maxImportRSS = 200 << 20

// TestHostileImportChild is the child of TestHostileImportsBounded: it
// imports the file named in JM_VIJANDIG into a new register database and
// prints the outcome (the error, and whether the database is unchanged).
func TestHostileImportChild(t *testing.T) {
	path := os.Getenv("JM_VIJANDIG")
	if path == "" {
		t.Skip("alleen als kindproces van TestHostileImportsBounded")
	}
	s := openRegister(t)
	before := sha256.Sum256(fullExport(t, s))
	var err error
	soort := SoortBereik
	if strings.Contains(path, "NED") {
		soort = SoortIndicatoren
	}
	im, err := Open(s, path, "", soort)
	if err == nil {
		var r *Rapport
		if r, err = im.Uitvoeren(context.Background(), nil); err != nil && r != nil && len(r.Problemen) > 0 {
			err = fmt.Errorf("%w: %s", err, r.Problemen[0])
		}
	}
	unchanged := before == sha256.Sum256(fullExport(t, s))
	fmt.Printf("\nPIEK %d\n", ownPeakRSS(t))
	fmt.Printf("\nUITKOMST ongewijzigd=%v fout=%v\n", unchanged, err)
}

// ownPeakRSS is this process's peak resident set in bytes (VmHWM). The
// parent cannot use the child's rusage: Linux carries the high-water mark
// of the memory the child was forked from across exec, so a child of a
// test binary that has grown to 400 MB reports 400 MB whatever it used.
func ownPeakRSS(t *testing.T) int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("geen VmHWM in /proc/self/status")
	return 0
}

// TestHostileImportsBounded imports each memory bomb of issue 13, built on
// the fly, in a child process and requires: a Dutch refusal naming the
// limit or the problem, the database unchanged, and a peak memory (the
// child's own high-water mark, VmHWM) under 200 MB. Before, these files took
// 1,3 to 5,8 GB or ended in "fatal error: out of memory".
func TestHostileImportsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("bouwt bestanden van honderden MB (uitgepakt)")
	}
	dir := t.TempDir()
	kop := "Interventie;Periode;Waarde\r\n"
	cases := []struct {
		name string
		path func() string
		want string
	}{
		{"huge inline string", func() string {
			return vijandig.Werkmap(t, dir, "inline.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2"><c r="A2" t="inlineStr"><is><t>`, "x", 250<<20, `</t></is></c></row>`)), nil)
		}, "rij 2 kolom A"},
		{"100 million empty shared strings", func() string {
			return vijandig.Werkmap(t, dir, "gedeeld.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{
				"xl/sharedStrings.xml": vijandig.Herhaal(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, "<si/>", 100_000_000, "</sst>")})
		}, "meer dan de grens van 256 MB per onderdeel"},
		{"one row of 30 million cells", func() string {
			return vijandig.Werkmap(t, dir, "rij.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop+`<row r="2">`, "<c/>", 30_000_000, "</row>")), nil)
		}, "meer dan 16.384 cellen"},
		{"4.000 rows with a cell in column XFD", func() string {
			return vijandig.Werkmap(t, dir, "xfd.xlsx", vijandig.Blad(vijandig.Herhaal(vijandig.Kop, `<row><c r="A1" t="inlineStr"><is><t>Match</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>`, 4000, "")), nil)
		}, "voorbij de grens van 1.024 kolommen"},
		{"1 million styles", func() string {
			return vijandig.Werkmap(t, dir, "stijlen.xlsx", vijandig.Blad(vijandig.Tekst(vijandig.Kop)), map[string]vijandig.Onderdeel{
				"xl/styles.xml": vijandig.Herhaal(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`, `<xf numFmtId="14"/>`, 1_000_000, "</cellXfs></styleSheet>")})
		}, "meer dan 65.536 celopmaken"},
		{"140 MB CSV of wide rows", func() string {
			// 1.000 rows of 1.000 columns of 140 characters: within the
			// limits per row, so every row is read and checked
			row := "Match;2024;" + strings.Repeat(strings.Repeat("7", 139)+";", 998) + "\r\n"
			return vijandig.CSV(t, dir, "breed.csv", kop, row, 1000)
		}, "is geen getal"},
		{"CBS table with a million bad rows and 20.000 series", func() string {
			head := "\uFEFF\"Vormen van jeugdzorg\";\"Regio's\";\"Perioden\";\"Jongeren met jeugdzorg (aantal)\"\r\n"
			var rows strings.Builder
			for i := range 20000 {
				fmt.Fprintf(&rows, "\"JH %d Vorm\";\"Zwolle\";\"2023\";\"12\"\r\n", i)
			}
			rows.WriteString(strings.Repeat("\"JH 1 Totaal jeugdhulp\";\"Zwolle\";\"geen periode\";\"1\"\r\n", 50))
			return vijandig.CSV(t, dir, "85099NED_vijandig.csv", head+rows.String(), "\"JH 1 Totaal jeugdhulp\";\"Zwolle\";\"2023\";\"veel\"\r\n", 1_000_000)
		}, "meer dan 10.000 reeksen"},
		{"CSV with a line of 2 MB", func() string {
			return vijandig.CSV(t, dir, "lang.csv", kop+"Match;2024;", "1", 2<<20)
		}, "regel 2 is langer dan 1 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path()
			var out bytes.Buffer
			cmd := exec.Command(os.Args[0], "-test.run=^TestHostileImportChild$", "-test.v")
			cmd.Env = append(os.Environ(), "JM_VIJANDIG="+path)
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Fatalf("kindproces: %v\n%s", err, tail(out.String()))
			}
			os.Remove(path)
			_, piek, found := strings.Cut(out.String(), "PIEK ")
			if !found {
				t.Fatalf("geen piekgeheugen:\n%s", tail(out.String()))
			}
			piek, _, _ = strings.Cut(piek, "\n")
			rss, err := strconv.ParseInt(piek, 10, 64)
			if err != nil {
				t.Fatalf("piekgeheugen %q: %v", piek, err)
			}
			_, uitkomst, found := strings.Cut(out.String(), "UITKOMST ")
			if !found {
				t.Fatalf("geen uitkomst:\n%s", tail(out.String()))
			}
			uitkomst, _, _ = strings.Cut(uitkomst, "\n")
			t.Logf("piekgeheugen %d MB: %s", rss>>20, uitkomst)
			if rss > maxImportRSS {
				t.Errorf("piekgeheugen %d MB, meer dan %d MB", rss>>20, maxImportRSS>>20)
			}
			if !strings.HasPrefix(uitkomst, "ongewijzigd=true") {
				t.Errorf("de database is veranderd: %s", uitkomst)
			}
			if !strings.Contains(uitkomst, c.want) {
				t.Errorf("melding %q zegt niet %q", uitkomst, c.want)
			}
			if len(uitkomst) > 2000 {
				t.Errorf("melding van %d tekens: een cel wordt niet ingekort", len(uitkomst))
			}
		})
	}
}

// tail gives the last lines of a child's output.
func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}
