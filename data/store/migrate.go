package store

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFiles is where the migration scripts are read from (a test may
// point it elsewhere).
var migrationFiles fs.FS = embeddedMigrations

// migration is one numbered SQL script.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded scripts in order; their names start with the
// version they bring the schema to ("0001_schema.sql").
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	var out []migration
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		version, err := strconv.Atoi(prefix)
		if !ok || err != nil {
			panic("migratie zonder versienummer: " + e.Name())
		}
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: version, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			panic(fmt.Sprintf("twee migraties met versie %d: %s en %s; geef de nieuwste het volgende nummer", out[i].version, out[i-1].name, out[i].name))
		}
	}
	return out
}

// SchemaVersion is the newest schema version this program knows.
func SchemaVersion() int {
	all := migrations()
	return all[len(all)-1].version
}

// Version is the schema version of the open database.
func (s *Store) Version() (int, error) {
	var v int
	err := s.db.Raw("PRAGMA user_version").Scan(&v).Error
	return v, err
}

// migrate runs every script newer than the database's version, each in its own
// transaction together with the new version number. For an existing database
// beforeMigrate runs first (nil: nothing).
func (s *Store) migrate(beforeMigrate func(*Store, int, int) error) error {
	current, err := s.Version()
	if err != nil {
		return err
	}
	if current > 0 && current < SchemaVersion() && beforeMigrate != nil {
		if err := beforeMigrate(s, current, SchemaVersion()); err != nil {
			return fmt.Errorf("voor de schema-update: %w", err)
		}
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		err := s.db.Transaction(func(tx *gorm.DB) error { return applyMigration(tx, m) })
		if err != nil {
			return fmt.Errorf("schema-update %s mislukt: %w", m.name, err)
		}
	}
	return nil
}

// migrationSteps are the steps in Go that a migration script names on a
// line "-- stap: NAME", run at that point of the script.
var migrationSteps = map[string]func(tx *gorm.DB) error{
	"logboekketen": fillAuditChain,
}

// stepPrefix starts the line of a migration script that runs a step in Go.
const stepPrefix = "-- stap: "

// applyMigration runs one migration in the transaction tx (its SQL, with the
// Go steps it names in between) and sets the application id and the new
// version.
func applyMigration(tx *gorm.DB, m migration) error {
	var part strings.Builder
	flush := func() error {
		sql := part.String()
		part.Reset()
		if strings.TrimSpace(sql) == "" {
			return nil
		}
		return tx.Exec(sql).Error
	}
	for _, line := range strings.SplitAfter(m.sql, "\n") {
		name, isStep := strings.CutPrefix(strings.TrimSpace(line), stepPrefix)
		if !isStep {
			part.WriteString(line)
			continue
		}
		step, ok := migrationSteps[name]
		if !ok {
			return fmt.Errorf("onbekende stap %q in %s", name, m.name)
		}
		if err := flush(); err != nil {
			return err
		}
		if err := step(tx); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error; err != nil {
		return err
	}
	return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)).Error
}
