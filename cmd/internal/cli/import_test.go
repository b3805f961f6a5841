package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeCSV(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportBereikDryRunProblemsAndConfirm(t *testing.T) {
	db := newDatabase(t)
	bad := writeCSV(t, "travers.csv", "Bereik Travers\r\nInterventie;Periode;Aantal\r\nMatch;2024;-3\r\nOnbekend ding;2024;4\r\n")
	code, _, stderr := run(t, "import", "--db", db, "--what", "bereik", bad)
	if code != ExitError || !strings.Contains(stderr, "fout: rij 3, kolom Aantal (C): mag niet negatief zijn (-3)") ||
		!strings.Contains(stderr, `fout: rij 4, kolom Interventie (A): onbekende interventie "Onbekend ding"`) ||
		!strings.Contains(stderr, "niets opgeslagen") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	good := writeCSV(t, "travers.csv", "Interventie;Periode;Aantal\r\nMatch (Humanitas);2024;1.234\r\nMatch;2025;n.v.t.\r\n")
	code, stdout, _ := run(t, "import", "--db", db, "--what", "bereik", good, "--dry-run")
	if code != ExitOK || !strings.Contains(stdout, `Naam "Match (Humanitas)" -> "Match"`) || !strings.Contains(stdout, "Proefimport: 1 nieuw") ||
		!strings.Contains(stdout, "Overgeslagen: rij 3") {
		t.Fatalf("dry run: exit %d: %s", code, stdout)
	}
	if code, _, stderr := run(t, "import", "--db", db, "--what", "bereik", good); code != ExitError || !strings.Contains(stderr, "--bevestig") {
		t.Fatalf("unconfirmed: exit %d: %s", code, stderr)
	}
	code, stdout, stderr = run(t, "import", "--db", db, "--what", "bereik", good, "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "Opgeslagen: 1 nieuw, 0 bijgewerkt") || !strings.Contains(stdout, "Reservekopie vooraf:") {
		t.Fatalf("import: exit %d: %s %s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "export", "--db", db, "--what", "bereik", "--format", "csv")
	if code != ExitOK || !strings.Contains(stdout, "Match;2024;precies;1234;") {
		t.Fatalf("exported reach: %s", stdout)
	}
}

func TestImportCBSRecognisedByHeader(t *testing.T) {
	db := newDatabase(t)
	file := filepath.Join("..", "..", "..", "data", "cbs", "testdata", "85099NED_testbestand.csv")
	code, stdout, stderr := run(t, "import", "--db", db, "--what", "indicatoren", file)
	if code != ExitError || !strings.Contains(stdout, "Nieuwe indicator: cbs-jeugdbescherming") ||
		!strings.Contains(stderr, "controleer de nieuwe indicatoren hierboven en herhaal met --bevestig") || strings.Contains(stdout, "Opgeslagen") {
		t.Fatalf("new indicators without --bevestig: exit %d: %s %s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "import", "--db", db, "--what", "indicatoren", file, "--bevestig")
	if code != ExitOK || !strings.Contains(stdout, "CBS StatLine-tabel 85099NED") || !strings.Contains(stdout, "Nieuwe indicator: cbs-jeugdbescherming") ||
		!strings.Contains(stdout, "Opgeslagen: 9 nieuw") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "import", "--db", db, "--what", "bereik", file); code != ExitError || !strings.Contains(stderr, "als indicatoren") {
		t.Fatalf("CBS as reach: exit %d: %s", code, stderr)
	}
}

func TestImportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import", "--what", "bereik"},
		{"import", "--what", "iets", "x.csv"},
		{"import", "--what", "bereik", "a.csv", "b.csv"},
	} {
		if code, _, _ := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	db := newDatabase(t)
	f := writeCSV(t, "x.csv", "Interventie;Periode;Aantal\r\nMatch;2024;1\r\n")
	if code, _, _ := run(t, "import", "--db", db, "--what", "bereik", f, "--kolom", "waarde=Bestaat niet"); code != ExitUsage {
		t.Errorf("unknown column: exit %d", code)
	}
}

func TestBackupAndRestore(t *testing.T) {
	db := newDatabase(t)
	copyPath := filepath.Join(t.TempDir(), "kopie.db")
	if code, stdout, stderr := run(t, "backup", "--db", db, "-o", copyPath); code != ExitOK || !strings.Contains(stdout, "Reservekopie gemaakt") {
		t.Fatalf("backup: exit %d: %s %s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "backup", "--db", db, "-o", copyPath); code != ExitError {
		t.Fatal("backup overwrote an existing file")
	}
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2030", "--waarde", "77"); code != ExitOK {
		t.Fatal(stderr)
	}
	notDB := writeCSV(t, "geen.db", "dit is geen database")
	if code, _, stderr := run(t, "restore", "--db", db, notDB); code != ExitError || !strings.Contains(stderr, "geen bruikbare reservekopie") {
		t.Fatalf("restore of a non-database: exit %d: %s", code, stderr)
	}
	_, stdout, _ := run(t, "export", "--db", db, "--what", "bereik", "--format", "csv")
	if !strings.Contains(stdout, "Match;2030;") {
		t.Fatal("a refused restore changed the database")
	}
	code, stdout, stderr := run(t, "restore", "--db", db, copyPath)
	if code != ExitOK || !strings.Contains(stdout, "De vorige database is bewaard als") {
		t.Fatalf("restore: exit %d: %s %s", code, stdout, stderr)
	}
	_, stdout, _ = run(t, "export", "--db", db, "--what", "bereik", "--format", "csv")
	if strings.Contains(stdout, "Match;2030;") {
		t.Fatal("restore did not bring the copy back")
	}
	if code, _, _ := run(t, "check", "--db", db); code != ExitOK {
		t.Fatal("restored database fails its check")
	}
	_, stdout, _ = run(t, "export", "--db", db, "--what", "wijzigingen", "--format", "csv")
	if !strings.Contains(stdout, "teruggezet") || !strings.Contains(stdout, "uit kopie.db op ") {
		t.Fatal("the restore is not in the restored database's audit trail")
	}
}

func TestImportFullExportAsNewDatabase(t *testing.T) {
	db := newDatabase(t)
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2030", "--waarde", "77"); code != ExitOK {
		t.Fatal(stderr)
	}
	exported := filepath.Join(t.TempDir(), "alles.json")
	if code, _, stderr := run(t, "export", "--db", db, "--what", "alles", "--format", "json", "-o", exported); code != ExitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "import", "--what", "alles", "--dry-run", exported)
	if code != ExitOK || !strings.Contains(stdout, "Proefimport: ") || !strings.Contains(stdout, "niets opgeslagen") {
		t.Fatalf("dry run: exit %d: %s %s", code, stdout, stderr)
	}
	// the dry run checks every record as the import does: a negative reach is refused
	raw, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	broken := writeCSV(t, "kapot.json", strings.Replace(string(raw), `"waarde": 77`, `"waarde": -77`, 1))
	if !strings.Contains(string(raw), `"waarde": 77`) {
		t.Fatal("the export does not hold the figure the test breaks")
	}
	if code, _, stderr := run(t, "import", "--what", "alles", "--dry-run", broken); code != ExitError || !strings.Contains(stderr, "waarde") {
		t.Fatalf("dry run of a broken export: exit %d: %s", code, stderr)
	}
	colleague := filepath.Join(t.TempDir(), "collega.db")
	code, stdout, stderr = run(t, "import", "--what", "alles", "--db", colleague, exported)
	if code != ExitOK || !strings.Contains(stdout, "Nieuwe database") {
		t.Fatalf("import: exit %d: %s %s", code, stdout, stderr)
	}
	for _, kind := range []string{"interventies", "bereik", "indicatoren", "begroting", "besparingen", "beleidsteksten"} {
		_, want, _ := run(t, "export", "--db", db, "--what", kind, "--format", "csv")
		_, got, _ := run(t, "export", "--db", colleague, "--what", kind, "--format", "csv")
		if got != want {
			t.Errorf("%s differs in the new database", kind)
		}
	}
	if code, _, stderr := run(t, "import", "--what", "alles", "--db", colleague, exported); code != ExitError || !strings.Contains(stderr, "bestaat al") {
		t.Fatalf("second import over the new database: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "import", "--what", "alles", "--db", filepath.Join(t.TempDir(), "x.db"), writeCSV(t, "bereik.json", "[]")); code != ExitError || !strings.Contains(stderr, "geen volledige export") {
		t.Fatalf("a non-export: exit %d: %s", code, stderr)
	}
}

// A CBS file whose care form is no documented code ("Geen jeugdhulp") does
// not touch "Aantal jeugdigen met jeugdhulp"; it asks for a new indicator.
// A file that does change that figure lists it by name, period, old and
// new, before and after storing.
func TestImportCBSWijzigingGenoemd(t *testing.T) {
	db := newDatabase(t)
	plat := filepath.Join("..", "..", "..", "data", "cbs", "testdata", "85099NED_testbestand_plat.csv")
	if code, stdout, stderr := run(t, "import", "--db", db, "--what", "indicatoren", plat, "--bevestig"); code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	kop := "\"Vormen van jeugdzorg\";\"Regio's\";\"Perioden\";\"Jongeren met jeugdzorg (aantal)\"\r\n"
	geen := writeCSV(t, "85099NED_geen.csv", kop+"\"Geen jeugdhulp\";\"Zwolle\";\"2022\";\"5\"\r\n\"Geen jeugdhulp\";\"Nederland\";\"2022\";\"7\"\r\n")
	code, stdout, _ := run(t, "import", "--db", db, "--what", "indicatoren", geen)
	if code != ExitError || !strings.Contains(stdout, "Nieuwe indicator: cbs-jongeren-met-jeugdzorg-aantal-geen-jeugdhulp (") ||
		strings.Contains(stdout, "Gewijzigd:") {
		t.Fatalf("Geen jeugdhulp: exit %d: %s", code, stdout)
	}
	code, stdout, _ = run(t, "export", "--db", db, "--what", "indicatoren", "--format", "csv")
	if code != ExitOK || !strings.Contains(stdout, "jeugdhulp-jeugdigen;Aantal jeugdigen met jeugdhulp;aantal;dashboard jeugdhulp;2022;1300;") {
		t.Fatalf("export:\n%s", stdout)
	}
	jh := writeCSV(t, "85099NED_jh.csv", kop+"\"JH 1 Totaal jeugdhulp\";\"Zwolle\";\"2022\";\"5\"\r\n\"JH 1 Totaal jeugdhulp\";\"Nederland\";\"2022\";\"400000\"\r\n")
	want := "Gewijzigd: Aantal jeugdigen met jeugdhulp, 2022: van 1.300 naar 5\n"
	code, stdout, _ = run(t, "import", "--db", db, "--what", "indicatoren", jh, "--dry-run")
	if code != ExitOK || !strings.Contains(stdout, want) {
		t.Fatalf("dry run: exit %d: %s", code, stdout)
	}
	code, stdout, _ = run(t, "import", "--db", db, "--what", "indicatoren", jh)
	if code != ExitOK || !strings.Contains(stdout, want) || !strings.Contains(stdout, "Opgeslagen: 0 nieuw, 1 bijgewerkt") {
		t.Fatalf("import: exit %d: %s", code, stdout)
	}
}
