package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/team/pgtest"
)

// TestTeamCommands: one laptop sets up the team database, a second joins
// with a new database, a figure entered on the second reaches the first by
// two syncs that find the team database by themselves, and neither has
// conflicts.
func TestTeamCommands(t *testing.T) {
	dsn := pgtest.Database(t)
	a := newDatabase(t)
	if code, out, stderr := run(t, "team", "init", "--team", dsn, "--db", a); code != ExitOK || !strings.Contains(out, "Teamdatabase ingericht") ||
		!strings.Contains(out, "uit het wijzigingenlogboek") {
		t.Fatalf("team init: exit %d: %s%s", code, out, stderr)
	}
	if code, _, stderr := run(t, "team", "init", "--team", dsn, "--db", a); code != ExitError || !strings.Contains(stderr, "hoort al bij een team") {
		t.Fatalf("tweede team init: exit %d: %s", code, stderr)
	}
	b := filepath.Join(t.TempDir(), "laptop-b.db")
	if code, out, stderr := run(t, "team", "koppel", "--team", dsn, "--db", b); code != ExitOK || !strings.Contains(out, "hoort nu bij het team") {
		t.Fatalf("team koppel: exit %d: %s%s", code, out, stderr)
	}
	if code, _, stderr := run(t, "team", "koppel", "--team", dsn, "--db", b); code != ExitError || !strings.Contains(stderr, "bestaat al") {
		t.Fatalf("koppel over een bestaand bestand: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "bereik", "--db", b, "--interventie", "Doorbraakmethode IPW", "--periode", "2025",
		"--waarde", "4.321", "--eenheid", "deelnemers", "--bron", "teamtest"); code != ExitOK {
		t.Fatalf("bereik op b: exit %d: %s", code, stderr)
	}
	for _, db := range []string{b, a} {
		if code, out, stderr := run(t, "sync", "--db", db); code != ExitOK || !strings.Contains(out, "Gesynchroniseerd") {
			t.Fatalf("sync %s: exit %d: %s%s", db, code, out, stderr)
		}
	}
	// b's audit trail has a's from before team init, with its authors
	if code, out, stderr := run(t, "export", "--db", b, "--what", "wijzigingen", "--format", "csv"); code != ExitOK ||
		!strings.Contains(out, register.SeedUser) {
		t.Fatalf("het logboek van b mist dat van a van vóór team init: exit %d: %s%s", code, out[:min(len(out), 500)], stderr)
	}
	code, out, stderr := run(t, "export", "--db", a, "--what", "bereik", "--format", "csv")
	if code != ExitOK || !strings.Contains(out, "4321") || !strings.Contains(out, "teamtest") {
		t.Fatalf("export van a mist het cijfer van b: exit %d: %s%s", code, out, stderr)
	}
	if code, out, _ := run(t, "conflicten", "--db", a); code != ExitOK || !strings.Contains(out, "Geen conflicten") {
		t.Fatalf("conflicten: exit %d: %s", code, out)
	}
	// the same figure changed on both laptops: listed with both values, resolved by a choice
	for db, value := range map[string]string{a: "1.111", b: "2.222"} {
		if code, _, stderr := run(t, "bereik", "--db", db, "--interventie", "Doorbraakmethode IPW", "--periode", "2025",
			"--waarde", value, "--eenheid", "deelnemers"); code != ExitOK {
			t.Fatalf("bereik: exit %d: %s", code, stderr)
		}
	}
	for _, db := range []string{a, b} {
		if code, _, stderr := run(t, "sync", "--db", db); code != ExitOK {
			t.Fatalf("sync: exit %d: %s", code, stderr)
		}
	}
	code, out, _ = run(t, "conflicten", "--db", b)
	if code != ExitOK || !strings.Contains(out, "1. Bereik Doorbraakmethode IPW, 2025, deelnemers, bereik: eerst wijzigde") || !strings.Contains(out, `"1111"`) || !strings.Contains(out, `"2222"`) {
		t.Fatalf("conflicten op b: exit %d: %s", code, out)
	}
	if code, out, stderr := run(t, "conflicten", "--db", b, "--kies", "1", "--houd", "eerste"); code != ExitOK || !strings.Contains(out, "opgelost") {
		t.Fatalf("conflicten --kies: exit %d: %s%s", code, out, stderr)
	}
	if code, out, _ := run(t, "conflicten", "--db", b); code != ExitOK || !strings.Contains(out, "Geen conflicten") {
		t.Fatalf("conflicten na de keuze: exit %d: %s", code, out)
	}
	if code, out, _ := run(t, "export", "--db", b, "--what", "bereik", "--format", "csv"); code != ExitOK || !strings.Contains(out, "1111") || strings.Contains(out, "2222") {
		t.Fatalf("b houdt na de keuze niet 1111: %s", out)
	}
	if code, _, stderr := run(t, "team", "rechten", "--team", dsn, "--rol", "niemand_hier", "--recht", "lezen"); code != ExitError || !strings.Contains(stderr, "bestaat niet") {
		t.Fatalf("rechten voor een onbekende rol: exit %d: %s", code, stderr)
	}
	// without --team, rechten uses the team database kept with --db
	if code, _, stderr := run(t, "team", "rechten", "--db", a, "--rol", "niemand_hier", "--recht", "lezen"); code != ExitError || !strings.Contains(stderr, "bestaat niet") {
		t.Fatalf("rechten met --db: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "team", "rechten", "--db", newDatabase(t), "--rol", "x", "--recht", "lezen"); code != ExitError || !strings.Contains(stderr, "geen teamdatabase bekend") {
		t.Fatalf("rechten met --db zonder team: exit %d: %s", code, stderr)
	}
	// a password in a given address is never repeated, not even when it is refused
	pgtest.Role(t, "wachtwoordrol", "juist-wachtwoord", pgtest.GroupPassword)
	if code, _, stderr := run(t, "sync", "--db", a, "--team", pgtest.URL(dsn, "wachtwoordrol")+"?password=Fout-Wachtwoord-99"); code != ExitError ||
		!strings.Contains(stderr, "weigert het wachtwoord van gebruiker wachtwoordrol") || strings.Contains(stderr, "Fout-Wachtwoord-99") {
		t.Fatalf("sync met een verkeerd wachtwoord: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "team", "rechten", "--team", dsn, "--rol", "x", "--recht", "alles"); code != ExitUsage {
		t.Fatalf("onbekend recht: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "sync", "--db", newDatabase(t)); code != ExitError || !strings.Contains(stderr, "geen teamdatabase bekend") {
		t.Fatalf("sync zonder team: exit %d: %s", code, stderr)
	}
}

// TestTeamRestoreAndCopyLoseNothing: a laptop restored from a backup after
// it sent a figure, and a database file copied to a second laptop, make new
// changes under audit numbers they sent (or their copy sent) before. The
// team gets every figure, and the restored laptop gets back what it sent
// after the backup.
func TestTeamRestoreAndCopyLoseNothing(t *testing.T) {
	dsn := pgtest.Database(t)
	a := newDatabase(t)
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s%s", strings.Join(args, " "), code, out, stderr)
		}
		return out
	}
	figure := func(db, periode, waarde string) {
		t.Helper()
		mustRun("bereik", "--db", db, "--interventie", "Doorbraakmethode IPW", "--periode", periode,
			"--waarde", waarde, "--eenheid", "deelnemers", "--bron", "teamtest")
	}
	has := func(db string, periodes ...string) {
		t.Helper()
		out := mustRun("export", "--db", db, "--what", "bereik", "--format", "csv")
		for _, p := range periodes {
			if !strings.Contains(out, ";"+p+";") {
				t.Fatalf("%s mist het cijfer over %s:\n%s", filepath.Base(db), p, out)
			}
		}
	}
	mustRun("team", "init", "--team", dsn, "--db", a)
	dir := t.TempDir()
	d, bkd := filepath.Join(dir, "d.db"), filepath.Join(dir, "bkd.db")
	mustRun("team", "koppel", "--team", dsn, "--db", d)

	// restore: backup, change, sync, restore, change, sync
	mustRun("backup", "-o", bkd, "--db", d)
	figure(d, "2080", "80")
	if out := mustRun("sync", "--db", d); !strings.Contains(out, "verstuurd") {
		t.Fatalf("sync d: %s", out)
	}
	mustRun("restore", bkd, "--db", d)
	figure(d, "2081", "81")
	mustRun("sync", "--db", d)
	mustRun("sync", "--db", a)
	has(a, "2080", "2081")
	mustRun("sync", "--db", d)
	has(d, "2080", "2081")

	// copy: b's next change has the number of one g already sent
	b, g := filepath.Join(dir, "b.db"), filepath.Join(dir, "g.db")
	mustRun("team", "koppel", "--team", dsn, "--db", b)
	raw, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(g, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	figure(g, "2090", "90")
	mustRun("sync", "--db", g)
	figure(b, "2091", "91")
	for _, db := range []string{b, a, g, b} {
		mustRun("sync", "--db", db)
	}
	for _, db := range []string{a, b, g} {
		has(db, "2080", "2081", "2090", "2091")
	}
}

// runWithInput runs the program's command line with input as its input.
func runWithInput(t *testing.T, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(input)}, args)
	return code, out.String(), errOut.String()
}

// TestTeamWachtwoord: team wachtwoord reads the password from the input,
// refuses a wrong one without repeating it, remembers a right one (in a
// file only the user may read, without a desktop keyring) so that the
// other commands connect without one, and forgets it on request.
func TestTeamWachtwoord(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	dsn := pgtest.Database(t)
	pgtest.Role(t, "wachtwoordcli", "Juist-Wachtwoord-7", pgtest.GroupPassword)
	addr := pgtest.URL(dsn, "wachtwoordcli")
	// sync reaches the server before it finds that this is no team database
	syncs := func() string {
		_, _, stderr := run(t, "sync", "--db", newDatabase(t), "--team", addr)
		return stderr
	}
	if got := syncs(); !strings.Contains(got, "vraagt een wachtwoord voor gebruiker wachtwoordcli") {
		t.Fatalf("zonder wachtwoord: %s", got)
	}
	code, _, stderr := runWithInput(t, "Verkeerd-Wachtwoord-3\n", "team", "wachtwoord", "--team", addr)
	if code != ExitError || !strings.Contains(stderr, "weigert het wachtwoord") || strings.Contains(stderr, "Verkeerd-Wachtwoord-3") {
		t.Fatalf("verkeerd wachtwoord: exit %d: %s", code, stderr)
	}
	code, out, stderr := runWithInput(t, "Juist-Wachtwoord-7\r\n", "team", "wachtwoord", "--team", addr)
	file := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "jeugdmonitor", "teamwachtwoorden.json")
	if code != ExitOK || !strings.Contains(out, "onthouden in het bestand "+file) || strings.Contains(out+stderr, "Juist-Wachtwoord-7") {
		t.Fatalf("juist wachtwoord: exit %d: %s%s", code, out, stderr)
	}
	if got := syncs(); !strings.Contains(got, "geen teamdatabase van Jeugdmonitor") {
		t.Fatalf("met het onthouden wachtwoord: %s", got)
	}
	if code, _, stderr := runWithInput(t, "", "team", "wachtwoord", "--team", addr+"x"); code != ExitError || !strings.Contains(stderr, "geen wachtwoord gelezen") {
		t.Fatalf("lege invoer: exit %d: %s", code, stderr)
	}
	if code, out, _ := run(t, "team", "wachtwoord", "--team", addr, "--vergeet"); code != ExitOK || !strings.Contains(out, "is vergeten") {
		t.Fatalf("--vergeet: exit %d: %s", code, out)
	}
	if got := syncs(); !strings.Contains(got, "vraagt een wachtwoord") {
		t.Fatalf("na vergeten: %s", got)
	}
}
