package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store/storetest"
	"jeugdmonitor/data/team/pgtest"
)

// The remaining holes of issue 13's attack pass, each refused in Dutch with
// the database as it was.

// TestBackupDashMeansStdout: backup -o - writes the copy to standard output
// (as export -o - does) and never makes a file named "-"; the copy is a
// sound database.
func TestBackupDashMeansStdout(t *testing.T) {
	db := newDatabase(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code, stdout, stderr := run(t, "backup", "--db", db, "-o", "-")
	if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "SQLite format 3\x00") {
		t.Fatalf("exit %d, stderr %q, stdout %.20q", code, stderr, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was written")
	}
	kopie := filepath.Join(t.TempDir(), "kopie.db")
	if err := os.WriteFile(kopie, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "check", "--db", kopie); code != ExitOK || !strings.Contains(out, "in orde") {
		t.Fatalf("the copy from standard output: exit %d: %s", code, out)
	}
}

// TestExportToDanglingSymlinkRefused: a symbolic link to nothing given to
// export -o is refused in Dutch and stays a link; a link to a file is
// written through (with --overschrijven) and stays a link.
func TestExportToDanglingSymlinkRefused(t *testing.T) {
	db := newDatabase(t)
	dir := t.TempDir()
	hangend := filepath.Join(dir, "hangend.csv")
	bestandtest.Koppeling(t, filepath.Join(dir, "weg", "niets.csv"), hangend)
	code, _, stderr := run(t, "export", "--db", db, "--what", "bereik", "--format", "csv", "-o", hangend)
	if code != ExitError || !strings.Contains(stderr, "snelkoppeling") || !strings.Contains(stderr, "er is niets geschreven") {
		t.Fatalf("dangling link: exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(hangend); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	doel := filepath.Join(dir, "echt.csv")
	os.WriteFile(doel, []byte("oud"), 0o644)
	link := filepath.Join(dir, "link.csv")
	bestandtest.Koppeling(t, doel, link)
	if code, _, stderr := run(t, "export", "--db", db, "--what", "bereik", "--format", "csv", "-o", link, "--overschrijven"); code != ExitOK {
		t.Fatalf("link to a file: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(doel); !bytes.HasPrefix(got, []byte("\uFEFF")) {
		t.Errorf("the link's target holds %.20q", got)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
}

// TestNamedPipeIsRefusedAtOnce: import, a full-export import and restore
// refuse a named pipe in Dutch at once instead of waiting for a writer.
func TestNamedPipeIsRefusedAtOnce(t *testing.T) {
	db := newDatabase(t)
	pipe := bestandtest.FIFO(t, t.TempDir())
	if pipe == "" {
		t.Skip("no named pipes here")
	}
	before := bestandtest.Som(t, db)
	for _, args := range [][]string{
		{"import", "--db", db, "--what", "bereik", pipe},
		{"import", "--db", filepath.Join(t.TempDir(), "nieuw.db"), "--what", "alles", pipe},
		{"restore", "--db", db, pipe},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			code, _, stderr = run(t, args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v waits on the pipe", args[:4])
		}
		if code != ExitError || !strings.Contains(stderr, "named pipe") {
			t.Errorf("%v: exit %d: %s", args[:4], code, stderr)
		}
	}
	if bestandtest.Som(t, db) != before {
		t.Fatal("the database changed")
	}
}

// TestOneTextLimitOnEveryWayIn: a note of 120.000 characters is refused on
// the command line and in an import with the same Dutch message (the limit
// of domain.MaxTekst, below Excel's 32.767), and nothing is stored; a note
// at the limit is stored and exported to Excel.
func TestOneTextLimitOnEveryWayIn(t *testing.T) {
	db := newDatabase(t)
	_, before, _ := run(t, "export", "--db", db, "--what", "alles", "--format", "json")
	lang := strings.Repeat("é", 120_000)
	const want = "een tekst mag hoogstens 10.000 tekens zijn"
	code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2024", "--waarde", "12", "--notitie", lang)
	if code != ExitError || !strings.Contains(stderr, "fout in notitie: is 120.000 tekens lang; "+want) {
		t.Fatalf("command line: exit %d: %.300s", code, stderr)
	}
	csv := writeCSV(t, "lang.csv", "Interventie;Periode;Waarde;Notitie\r\nMatch;2024;12;"+strings.Repeat("x", 20_000)+"\r\n")
	code, _, stderr = run(t, "import", "--db", db, "--what", "bereik", csv)
	if code != ExitError || !strings.Contains(stderr, "rij 2") || !strings.Contains(stderr, want) {
		t.Fatalf("import: exit %d: %.300s", code, stderr)
	}
	if _, after, _ := run(t, "export", "--db", db, "--what", "alles", "--format", "json"); after != before {
		t.Fatal("the database changed")
	}
	vol := strings.Repeat("é", domain.MaxTekst)
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2024", "--waarde", "12", "--notitie", vol); code != ExitOK {
		t.Fatalf("a note at the limit: exit %d: %.300s", code, stderr)
	}
	xlsx := filepath.Join(t.TempDir(), "alles.xlsx")
	if code, _, stderr := run(t, "export", "--db", db, "--what", "alles", "--format", "xlsx", "-o", xlsx); code != ExitOK {
		t.Fatalf("Excel export of a note at the limit: exit %d: %.300s", code, stderr)
	}
}

// TestBrokenReferencesRefuseWritesFromTheCommandLine: on a database whose
// rows point at rows that are not there (changed outside the program),
// check reports it and a change is refused with a message that points at
// restore; the file stays as it was.
func TestBrokenReferencesRefuseWritesFromTheCommandLine(t *testing.T) {
	db := newDatabase(t)
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2024", "--waarde", "12"); code != ExitOK {
		t.Fatal(stderr)
	}
	storetest.AlterOutside(t, db, "UPDATE bereik SET interventie_id = 9999")
	before := bestandtest.Som(t, db)
	code, stdout, _ := run(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(stdout, "verwijst naar een ontbrekende rij in interventies") {
		t.Fatalf("check: exit %d: %s", code, stdout)
	}
	code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2025", "--waarde", "13")
	if code != ExitError || !strings.Contains(stderr, "wijzigingen worden geweigerd") || !strings.Contains(stderr, "restore") {
		t.Fatalf("write: exit %d: %s", code, stderr)
	}
	if bestandtest.Som(t, db) != before {
		t.Fatal("the database changed")
	}
}

// TestCheckComparesRecordsWithTrailAndAnchor: check plays the audit trail
// back and names a figure changed outside the program; a database this
// computer has no anchor of (copied by hand) is in order with a warning.
func TestCheckComparesRecordsWithTrailAndAnchor(t *testing.T) {
	db := newDatabase(t)
	if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2024", "--waarde", "12"); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, stdout, _ := run(t, "check", "--db", db); code != ExitOK || !strings.Contains(stdout, "in orde") || strings.Contains(stdout, "Let op") {
		t.Fatalf("check: exit %d: %s", code, stdout)
	}
	kopie := filepath.Join(t.TempDir(), "kopie.db")
	if b, err := os.ReadFile(db); err != nil || os.WriteFile(kopie, b, 0o644) != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := run(t, "check", "--db", kopie); code != ExitOK || !strings.Contains(stdout, "in orde") || !strings.Contains(stdout, "geen anker") {
		t.Fatalf("check of a copy: exit %d: %s", code, stdout)
	}
	storetest.AlterOutside(t, db, "UPDATE bereik SET waarde = 120 WHERE waarde = 12")
	code, stdout, _ := run(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(stdout, `veld waarde, is "120", maar volgens het wijzigingenlogboek "12"`) {
		t.Fatalf("check after a figure changed outside: exit %d: %s", code, stdout)
	}
}

// TestCheckAgreesAfterTeamSync: figures that arrive from the team (a new
// one, and a conflict resolved by a choice) are in order with the audit
// trail and the anchor: check on both laptops finds no problem.
func TestCheckAgreesAfterTeamSync(t *testing.T) {
	dsn := pgtest.Database(t)
	a := newDatabase(t)
	if code, _, stderr := run(t, "team", "init", "--team", dsn, "--db", a); code != ExitOK {
		t.Fatalf("team init: exit %d: %s", code, stderr)
	}
	b := filepath.Join(t.TempDir(), "laptop-b.db")
	if code, _, stderr := run(t, "team", "koppel", "--team", dsn, "--db", b); code != ExitOK {
		t.Fatalf("team koppel: exit %d: %s", code, stderr)
	}
	sync := func() {
		t.Helper()
		for _, db := range []string{b, a} {
			if code, _, stderr := run(t, "sync", "--db", db); code != ExitOK {
				t.Fatalf("sync: exit %d: %s", code, stderr)
			}
		}
	}
	if code, _, stderr := run(t, "bereik", "--db", b, "--interventie", "Doorbraakmethode IPW", "--periode", "2025",
		"--waarde", "4.321", "--eenheid", "deelnemers", "--bron", "teamtest", "--notitie", "van b"); code != ExitOK {
		t.Fatalf("bereik: exit %d: %s", code, stderr)
	}
	sync()
	for db, value := range map[string]string{a: "1.111", b: "2.222"} {
		if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Doorbraakmethode IPW", "--periode", "2025",
			"--waarde", value, "--eenheid", "deelnemers"); code != ExitOK {
			t.Fatalf("bereik: exit %d: %s", code, stderr)
		}
	}
	sync()
	sync()
	if code, _, stderr := run(t, "conflicten", "--db", b, "--kies", "1", "--houd", "eerste"); code != ExitOK {
		t.Fatalf("conflicten --kies: exit %d: %s", code, stderr)
	}
	for _, db := range []string{a, b} {
		if code, out, _ := run(t, "check", "--db", db); code != ExitOK || !strings.Contains(out, "in orde") {
			t.Errorf("check of %s after the team sync: exit %d: %s", filepath.Base(db), code, out)
		}
	}
}
