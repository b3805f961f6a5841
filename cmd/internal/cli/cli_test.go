package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// run runs a subcommand and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(Env{Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// newDatabase makes a new database with the built-in register through the
// nieuw command.
func newDatabase(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jeugdmonitor.db")
	if code, _, stderr := run(t, "nieuw", "--db", path); code != ExitOK {
		t.Fatalf("nieuw: exit %d: %s", code, stderr)
	}
	return path
}

// TestHelpIsDutchAndExitsZero: asked for, the help goes to standard output
// (where a Windows console or a pipe to more shows it) and does not list the
// help option as one of the command's options; after a mistake what went
// wrong goes to standard error.
func TestHelpIsDutchAndExitsZero(t *testing.T) {
	for name := range commands {
		for _, ask := range []string{"--help", "-h"} {
			code, stdout, stderr := run(t, name, ask)
			if code != ExitOK || stderr != "" || !strings.Contains(stdout, "Gebruik: jeugdmonitor "+name) ||
				!strings.Contains(stdout, "Opties:") || strings.Contains(stdout, helpUsage) {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q", name, ask, code, stdout, stderr)
			}
		}
		code, stdout, stderr := run(t, name, "--onbekend")
		if code != ExitUsage || stdout != "" || stderr == "" {
			t.Errorf("%s --onbekend: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
	}
	var buf bytes.Buffer
	Usage(&buf)
	for name := range commands {
		if !strings.Contains(buf.String(), name) {
			t.Errorf("overview does not mention %s", name)
		}
	}
}

func TestWrongUsageExitsTwo(t *testing.T) {
	cases := [][]string{
		{"export", "--onbekend"},
		{"export", "--what", "alles", "--format", "csv"},
		{"export", "--what", "iets"},
		{"export", "--what", "bereik", "--format", "pdf"},
		{"bereik", "--periode", "2024", "--waarde", "10"},
		{"nieuw"},
		{"check", "overbodig"},
		{"onbekend"},
	}
	for _, args := range cases {
		if code, _, stderr := run(t, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d (want 2), stderr %q", args, code, stderr)
		}
	}
}

func TestMissingDatabaseIsNotCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bestaat-niet.db")
	for _, args := range [][]string{
		{"export", "--db", path, "--what", "interventies"},
		{"bereik", "--db", path, "--interventie", "Match", "--periode", "2024", "--waarde", "10"},
		{"check", "--db", path},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitError || !strings.Contains(stderr, "bestaat niet") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%v created the database", args)
		}
	}
}

func TestNotADatabaseIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cijfers.xlsx")
	content := []byte("PK\x03\x04 dit is een spreadsheet, geen database")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--db", path}, {"export", "--db", path, "--what", "bereik"}} {
		code, _, stderr := run(t, args...)
		if code != ExitError || !strings.Contains(stderr, "geen databasebestand") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
		t.Fatal("the file was changed")
	}
	if code, _, _ := run(t, "nieuw", "--db", path); code != ExitError {
		t.Fatal("nieuw overwrote an existing file")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
		t.Fatal("nieuw changed an existing file")
	}
}

func TestExportInterventiesJSON(t *testing.T) {
	db := newDatabase(t)
	code, stdout, stderr := run(t, "export", "--db", db, "--what", "interventies", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type bron struct{ Document, Sectie string }
	var list []struct {
		Naam, Uitvoerder, Cluster string
		Bron                      bron
		Doelstellingen            []struct {
			Waarde     float64
			Eenheid    string
			GedeeldMet []string `json:"gedeeld_met"`
			Bron       bron
		}
	}
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatal(err)
	}
	perCluster := map[string]int{}
	for _, i := range list {
		perCluster[i.Cluster]++
		if i.Naam == "" || i.Bron.Document == "" || i.Bron.Sectie == "" {
			t.Errorf("intervention without name or source: %+v", i)
		}
		for _, d := range i.Doelstellingen {
			if d.Bron.Document == "" {
				t.Errorf("target of %s without source", i.Naam)
			}
		}
	}
	want := map[string]int{"Interventies HVA": 4, "Interventies Regulier": 6, "Sociale basis jeugd": 22,
		"Preventie met Gezag": 8, "Spoor 3 Jeugd": 3}
	for cluster, n := range want {
		if perCluster[cluster] != n {
			t.Errorf("%s: %d interventions, want %d", cluster, perCluster[cluster], n)
		}
	}
	sharing := 0
	for _, i := range list {
		for _, d := range i.Doelstellingen {
			if d.Waarde == 300 && d.Eenheid == "jeugdigen" && len(d.GedeeldMet) == 3 {
				sharing++
			}
		}
	}
	if sharing != 4 {
		t.Errorf("the shared target of 300 jeugdigen appears with 3 partners in %d interventions, want 4", sharing)
	}
}

func TestExportCSVForDutchExcel(t *testing.T) {
	db := newDatabase(t)
	out := filepath.Join(t.TempDir(), "besparingen.csv")
	if code, _, stderr := run(t, "export", "--db", db, "--what", "besparingen", "--format", "csv", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	body, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(body)
	if !strings.HasPrefix(text, "\uFEFFPeriode;") {
		t.Fatalf("no BOM or no semicolon header: %q", text[:20])
	}
	if strings.Count(text, "\r\n") < 4 || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Fatal("lines do not end in CRLF")
	}
	for _, want := range []string{";200000;", ";Som van de regels;550000;", ";Gerapporteerd totaal;580000;", ";Verschil (gerapporteerd - som);30000;"} {
		if !strings.Contains(text, want) {
			t.Errorf("CSV lacks %q:\n%s", want, text)
		}
	}
	if code, _, stderr := run(t, "export", "--db", db, "--what", "besparingen", "--format", "csv", "-o", out); code != ExitError || !strings.Contains(stderr, "bestaat al") {
		t.Fatalf("an existing export file was overwritten: exit %d %s", code, stderr)
	}
}

func TestBereikRecordsWithFormValidation(t *testing.T) {
	db := newDatabase(t)
	code, stdout, stderr := run(t, "bereik", "--db", db, "--interventie", "Ambulant jongerenwerk", "--periode", "2024",
		"--waarde", "3.612", "--bron", "Jaarverslag Travers 2024")
	if code != ExitOK || !strings.Contains(stdout, "3.612 jongeren") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = run(t, "bereik", "--db", db, "--interventie", "Ambulant jongerenwerk", "--periode", "2025", "--waarde", "12a")
	if code != ExitError || !strings.Contains(stderr, "fout in waarde") || !strings.Contains(stderr, "niets opgeslagen") {
		t.Fatalf("invalid value: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "bereik", "--db", db, "--interventie", "Bestaat niet", "--periode", "2024", "--waarde", "1")
	if code != ExitError || !strings.Contains(stderr, "onbekende interventie") {
		t.Fatalf("unknown intervention: exit %d, stderr %q", code, stderr)
	}

	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	i, err := s.InterventieByNaam("Ambulant jongerenwerk")
	if err != nil {
		t.Fatal(err)
	}
	reach, err := s.BereikVan(i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(reach) != 1 || reach[0].Waarde != 3612 || reach[0].Periode != "2024" || reach[0].BronTekst != "Jaarverslag Travers 2024" {
		t.Fatalf("reach stored: %+v", reach)
	}
	audit, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "bereik", EntiteitID: reach[0].ID})
	if err != nil || len(audit) == 0 || audit[0].Actie != domain.ActieToegevoegd {
		t.Fatalf("reach not audited: %v %v", audit, err)
	}
}

func TestCheck(t *testing.T) {
	db := newDatabase(t)
	code, stdout, stderr := run(t, "check", "--db", db)
	if code != ExitOK || !strings.Contains(stdout, "Integriteit:  in orde") || !strings.Contains(stdout, "Schemaversie:") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestCheckNamesEachFault(t *testing.T) {
	dir := t.TempDir()
	good := newDatabase(t)
	body, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, content []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cases := map[string]string{
		write("leeg.db", nil):                              "leeg",
		write("ruis.db", bytes.Repeat([]byte{0x5a}, 5000)): "geen databasebestand",
		write("afgekapt.db", body[:len(body)/2]):           "afgekapt",
		write("blad.xlsx", []byte("PK\x03\x04rest")):       "geen databasebestand",
	}
	for path, want := range cases {
		code, _, stderr := run(t, "check", "--db", path)
		if code != ExitError || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", filepath.Base(path), code, stderr, want)
		}
	}
	// In use by another writer: the check says so and fails.
	s, err := store.Open(good, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, stdout, _ := run(t, "check", "--db", good)
	if code != ExitError || !strings.Contains(stdout, "in gebruik") {
		t.Errorf("database in use: exit %d, stdout %q", code, stdout)
	}
}

// TestExportDashMeansStdout: -o - writes the export to standard output (also
// a workbook) and never makes a file named "-".
func TestExportDashMeansStdout(t *testing.T) {
	db := newDatabase(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, format := range []string{"csv", "json", "xlsx"} {
		code, stdout, stderr := run(t, "export", "--db", db, "--what", "besparingen", "--format", format, "-o", "-")
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if format == "xlsx" && !strings.HasPrefix(stdout, "PK") || format == "csv" && !strings.HasPrefix(stdout, "\uFEFFPeriode;") {
			t.Errorf("%s: standard output holds %.20q", format, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was written")
	}
}

// TestEmptyDBIsRefused: `--db ""` (a script whose $DB is empty) is wrong use,
// not the program's own database: the attack pass saw "Opgeslagen" go into a
// database the user never named.
func TestEmptyDBIsRefused(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("APPDATA", config)
	own, err := store.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"bereik", "--db", "", "--interventie", "Match", "--periode", "2024", "--waarde", "4"},
		{"bereik", "--db= ", "--interventie", "Match", "--periode", "2024", "--waarde", "4"},
		{"check", "--db", ""},
		{"export", "--db", "", "--what", "bereik", "--format", "csv", "-o", filepath.Join(t.TempDir(), "x.csv")},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitUsage || !strings.Contains(stderr, "--db is leeg") {
			t.Errorf("%q: exit %d, %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(own); !os.IsNotExist(err) {
		t.Errorf("de eigen database %s is gemaakt (%v)", own, err)
	}
}
