package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/store/storetest"
)

// TestHostileTriggersAreRefusedByCheckRestoreAndOpen: a database with a
// trigger that multiplies new reach by 10 and one that deletes its audit
// rows is refused by check, restore and every command that opens it,
// before anything in it runs.
func TestHostileTriggersAreRefusedByCheckRestoreAndOpen(t *testing.T) {
	good := newDatabase(t)
	hostile := filepath.Join(t.TempDir(), "vijandig #1.db")
	if code, _, stderr := run(t, "backup", "--db", good, "-o", hostile); code != ExitOK {
		t.Fatal(stderr)
	}
	storetest.AlterOutside(t, hostile,
		"DROP TRIGGER wijzigingen_alleen_toevoegen_delete",
		"CREATE TRIGGER bereik_maal_tien AFTER INSERT ON bereik BEGIN UPDATE bereik SET waarde = NEW.waarde * 10 WHERE id = NEW.id; END",
		"CREATE TRIGGER logboek_wissen AFTER INSERT ON wijzigingen BEGIN DELETE FROM wijzigingen WHERE id = NEW.id; END")
	hostileSum, goodSum := bestandtest.Som(t, hostile), bestandtest.Som(t, good)
	commands := map[string][]string{
		"check":   {"check", "--db", hostile},
		"restore": {"restore", "--db", good, hostile},
		"bereik":  {"bereik", "--db", hostile, "--interventie", "Match", "--periode", "2024", "--waarde", "12"},
		"export":  {"export", "--db", hostile, "--what", "bereik", "--format", "csv"},
	}
	for name, args := range commands {
		code, stdout, stderr := run(t, args...)
		if code != ExitError || stdout != "" || !strings.Contains(stderr, "het schema wijkt af van dat van Jeugdmonitor") ||
			!strings.Contains(stderr, "trigger bereik_maal_tien (op tabel bereik) hoort er niet in") ||
			!strings.Contains(stderr, "trigger logboek_wissen (op tabel wijzigingen) hoort er niet in") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
	}
	if bestandtest.Som(t, hostile) != hostileSum || bestandtest.Som(t, good) != goodSum {
		t.Fatal("a refused database or the restore's target was changed")
	}
}

// TestReadingCommandsLeaveTheWriterLockFree: export, rapport and chart
// read without the writer lock, so a writer beside them is not refused.
func TestReadingCommandsLeaveTheWriterLockFree(t *testing.T) {
	db := newDatabase(t)
	reader, err := openForReading(db)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if code, stdout, stderr := run(t, "bereik", "--db", db, "--interventie", "Match", "--periode", "2030", "--waarde", "77"); code != ExitOK || !strings.Contains(stdout, "Opgeslagen") {
		t.Fatalf("a writer beside a reader: exit %d: %s %s", code, stdout, stderr)
	}
	if all, err := reader.Tel(); err != nil || all.Bereik == 0 {
		t.Fatalf("the reader does not see the database: %+v %v", all, err)
	}
}

// TestCheckNamesATamperedAuditRow: an audit row changed outside the
// program, with its guards lifted and put back, is named by check.
func TestCheckNamesATamperedAuditRow(t *testing.T) {
	db := newDatabase(t)
	conn, err := sql.Open("sqlite", store.FileURI(db, ""))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'wijzigingen'")
	if err != nil {
		t.Fatal(err)
	}
	var drop, create []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		drop, create = append(drop, "DROP TRIGGER "+name), append(create, def)
	}
	rows.Close()
	conn.Close()
	if len(drop) != 3 {
		t.Fatalf("guards: %v", drop)
	}
	storetest.AlterOutside(t, db, append(append(drop, "UPDATE wijzigingen SET nieuwe_waarde = nieuwe_waarde || '0' WHERE id = 10"), create...)...)
	before := bestandtest.Som(t, db)
	code, stdout, stderr := run(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(stdout, "Probleem:     het wijzigingenlogboek is buiten het programma aangepast: regel 10 (nummer 10, ") {
		t.Fatalf("check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if bestandtest.Som(t, db) != before {
		t.Fatal("check changed the database")
	}
}
