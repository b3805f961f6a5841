package store

import (
	"bytes"
	"errors"
	"fmt"
	"jeugdmonitor/data/bestand/bestandtest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// alterOutside changes the database at path the way another SQLite tool
// would, bypassing the program, and checkpoints so the file holds it all.
func alterOutside(t testing.TB, path string, statements ...string) {
	t.Helper()
	db, err := openGorm(FileURI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range statements {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Exec("PRAGMA journal_mode=DELETE")
	sqlDB, _ := db.DB()
	sqlDB.Close()
}

// HostileTriggers multiply every new reach figure by 10 and delete the audit
// rows of every change, after dropping the guards that would stop that.
var hostileTriggers = []string{
	"DROP TRIGGER wijzigingen_alleen_toevoegen_delete",
	"CREATE TRIGGER bereik_maal_tien AFTER INSERT ON bereik BEGIN UPDATE bereik SET waarde = NEW.waarde * 10 WHERE id = NEW.id; END",
	"CREATE TRIGGER logboek_wissen AFTER INSERT ON wijzigingen BEGIN DELETE FROM wijzigingen WHERE id = NEW.id; END",
}

func TestOpenRefusesASchemaChangedOutsideTheProgram(t *testing.T) {
	cases := []struct {
		name  string
		alter []string
		want  []string
	}{
		{"triggers die bereik vervalsen en het logboek wissen", hostileTriggers, []string{
			"trigger bereik_maal_tien (op tabel bereik) hoort er niet in",
			"trigger logboek_wissen (op tabel wijzigingen) hoort er niet in",
			"trigger wijzigingen_alleen_toevoegen_delete (op tabel wijzigingen) ontbreekt"}},
		{"logboek weggegooid", []string{"DROP TABLE wijzigingen"}, []string{"tabel wijzigingen ontbreekt"}},
		{"extra view", []string{"CREATE VIEW v AS SELECT * FROM bereik"}, []string{"view v hoort er niet in"}},
		{"extra kolom", []string{"ALTER TABLE bereik ADD COLUMN geheim TEXT"}, []string{"tabel bereik is anders gedefinieerd"}},
		{"index weg", []string{"DROP INDEX interventies_cluster"}, []string{"index interventies_cluster (op tabel interventies) ontbreekt"}},
		{"bewaker vervangen", []string{"DROP TRIGGER wijzigingen_alleen_toevoegen_update",
			"CREATE TRIGGER wijzigingen_alleen_toevoegen_update BEFORE UPDATE ON wijzigingen BEGIN SELECT 1; END"},
			[]string{"trigger wijzigingen_alleen_toevoegen_update (op tabel wijzigingen) is anders gedefinieerd"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "aangepast.db")
			s, err := Open(path, Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			newIntervention(t, s, "Match")
			s.Close()
			alterOutside(t, path, c.alter...)
			before := bestandtest.Som(t, path)
			for _, opt := range []Options{{}, {ReadOnly: true}} {
				_, err := Open(path, opt)
				var se *SchemaError
				if !errors.As(err, &se) || !strings.Contains(err.Error(), "het schema wijkt af van dat van Jeugdmonitor") {
					t.Fatalf("open %+v: %v, want a SchemaError", opt, err)
				}
				for _, w := range c.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("message %q does not name %q", err, w)
					}
				}
				if bestandtest.Som(t, path) != before {
					t.Fatal("the refused file was changed")
				}
			}
			if err := Snapshot(path, filepath.Join(t.TempDir(), "kopie.db")); err == nil {
				t.Fatal("a copy was made of a database with a foreign schema")
			}
		})
	}
}

func TestSchemaComparisonIgnoresLayoutOnly(t *testing.T) {
	want := []schemaObject{{Type: "table", Name: "t", TblName: "t", SQL: "CREATE TABLE t (\n  a TEXT NOT NULL DEFAULT '' -- uitleg\n)"}}
	same := []schemaObject{{Type: "table", Name: "t", TblName: "t", SQL: "create table t(a text /* x */ not null default '')"}}
	if d := compareSchemas(want, same); len(d) != 0 {
		t.Fatalf("layout counted as a difference: %v", d)
	}
	otherDefault := []schemaObject{{Type: "table", Name: "t", TblName: "t", SQL: "CREATE TABLE t (a TEXT NOT NULL DEFAULT 'X')"}}
	if d := compareSchemas(want, otherDefault); len(d) != 1 {
		t.Fatalf("another default was not seen: %v", d)
	}
}

func TestExpectedSchemaIsTheOneOpenMakes(t *testing.T) {
	s := openTemp(t)
	want, err := expectedSchema(SchemaVersion())
	if err != nil {
		t.Fatal(err)
	}
	got, err := readSchema(s.db)
	if err != nil {
		t.Fatal(err)
	}
	if d := compareSchemas(want, got); len(d) != 0 || len(got) < 20 {
		t.Fatalf("a new database differs from the expected schema (%d objects): %v", len(got), d)
	}
	var buf bytes.Buffer
	for _, o := range got {
		buf.WriteString(o.key() + "\n")
	}
	for _, name := range []string{"table wijzigingen", "trigger wijzigingen_alleen_toevoegen_delete", "index bereik_soort_jaar"} {
		if !strings.Contains(buf.String(), name+"\n") {
			t.Errorf("expected schema lacks %s", name)
		}
	}
}

// FuzzSchemaComparison gives the schema comparison arbitrary definitions:
// no panic, normalising twice changes nothing, a schema equals itself also
// with comments and line breaks added between its words, and an object
// too many or too few is always named.
func FuzzSchemaComparison(f *testing.F) {
	objs, err := expectedSchema(SchemaVersion())
	if err != nil {
		f.Fatal(err)
	}
	for _, o := range objs {
		f.Add(o.SQL)
	}
	for _, sql := range hostileTriggers {
		f.Add(sql)
	}
	f.Add("CREATE TABLE t (a TEXT DEFAULT 'it''s' -- x\n, [b c] /* y */ INT)")
	f.Add("'unterminated")
	f.Fuzz(func(t *testing.T, sql string) {
		once := normalizeSQL(sql)
		if twice := normalizeSQL(once); twice != once {
			t.Fatalf("normalising again changed %q into %q", once, twice)
		}
		o := schemaObject{Type: "trigger", Name: "x", TblName: "t", SQL: sql}
		if d := compareSchemas([]schemaObject{o}, []schemaObject{o}); len(d) != 0 {
			t.Fatalf("a schema differs from itself: %v", d)
		}
		spaced := schemaObject{Type: "trigger", Name: "x", TblName: "t", SQL: "/* buiten */\n\t" + once}
		if d := compareSchemas([]schemaObject{o}, []schemaObject{spaced}); len(d) != 0 {
			t.Fatalf("layout counted as a difference: %v", d)
		}
		extra := schemaObject{Type: "trigger", Name: "y", TblName: "t", SQL: sql}
		if d := compareSchemas([]schemaObject{o}, []schemaObject{o, extra}); len(d) != 1 || !strings.Contains(d[0], "trigger y") {
			t.Fatalf("an extra trigger was not named: %v", d)
		}
		if d := compareSchemas([]schemaObject{o, extra}, []schemaObject{o}); len(d) != 1 || !strings.Contains(d[0], "ontbreekt") {
			t.Fatalf("a missing trigger was not named: %v", d)
		}
	})
}

// TestTwoMigrationsWithOneVersionAreRefused: two branches that each add a
// migration with the same number must not both run as one version.
func TestTwoMigrationsWithOneVersionAreRefused(t *testing.T) {
	restore := migrationFiles
	t.Cleanup(func() { migrationFiles = restore })
	migrationFiles = fstest.MapFS{
		"migrations/0001_schema.sql": {Data: []byte("CREATE TABLE a (id INTEGER PRIMARY KEY);")},
		"migrations/0002_een.sql":    {Data: []byte("CREATE TABLE b (id INTEGER PRIMARY KEY);")},
		"migrations/0002_twee.sql":   {Data: []byte("CREATE TABLE c (id INTEGER PRIMARY KEY);")},
	}
	defer func() {
		if r := fmt.Sprint(recover()); !strings.Contains(r, "twee migraties met versie 2: 0002_een.sql en 0002_twee.sql") {
			t.Fatalf("recovered %q", r)
		}
	}()
	SchemaVersion()
}
