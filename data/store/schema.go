package store

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"gorm.io/gorm"
)

// schemaObject is one row of sqlite_schema: a table, index, trigger or view.
type schemaObject struct {
	Type    string
	Name    string
	TblName string
	SQL     string
}

// key identifies an object across two schemas.
func (o schemaObject) key() string { return o.Type + " " + o.Name }

// describe names the object in Dutch ("trigger x op tabel y").
func (o schemaObject) describe() string {
	kind := map[string]string{"table": "tabel", "index": "index", "trigger": "trigger", "view": "view"}[o.Type]
	if kind == "" {
		kind = o.Type
	}
	if o.Type == "index" || o.Type == "trigger" {
		return fmt.Sprintf("%s %s (op tabel %s)", kind, o.Name, o.TblName)
	}
	return kind + " " + o.Name
}

// SchemaError says how the schema of a file differs from the one this
// program makes for its schema version. The file has not been changed,
// and nothing in its schema (triggers, views) has run.
type SchemaError struct {
	Version     int
	Differences []string
}

// maxListed is how many differences a SchemaError names in its message.
const maxListed = 5

// Error gives the Dutch message naming the differences.
func (e *SchemaError) Error() string {
	list := e.Differences
	more := ""
	if len(list) > maxListed {
		more = fmt.Sprintf("; en nog %d verschil(len)", len(list)-maxListed)
		list = list[:maxListed]
	}
	return fmt.Sprintf("het schema wijkt af van dat van Jeugdmonitor (schemaversie %d): %s%s; "+
		"het bestand is aangepast buiten het programma en wordt niet gebruikt", e.Version, strings.Join(list, "; "), more)
}

// readSchema lists the objects in sqlite_schema, reading only: no trigger
// fires and no view is evaluated. SQLite's statistics tables are left out
// (they only steer query plans).
func readSchema(db *gorm.DB) ([]schemaObject, error) {
	var out []schemaObject
	err := db.Raw("SELECT type, name, tbl_name, coalesce(sql, '') AS sql FROM sqlite_schema" +
		" WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name").Scan(&out).Error
	return out, err
}

// compareSchemas lists, in Dutch, how got differs from want: objects that
// are missing, that do not belong, and that are defined differently (SQL
// compared without comments, spacing or case).
func compareSchemas(want, got []schemaObject) []string {
	index := func(objs []schemaObject) map[string]schemaObject {
		m := make(map[string]schemaObject, len(objs))
		for _, o := range objs {
			m[o.key()] = o
		}
		return m
	}
	wantByKey, gotByKey := index(want), index(got)
	var diffs []string
	for _, k := range sortedKeys(wantByKey) {
		w := wantByKey[k]
		g, ok := gotByKey[k]
		switch {
		case !ok:
			diffs = append(diffs, w.describe()+" ontbreekt")
		case !strings.EqualFold(g.TblName, w.TblName) || normalizeSQL(g.SQL) != normalizeSQL(w.SQL):
			diffs = append(diffs, g.describe()+" is anders gedefinieerd dan in Jeugdmonitor")
		}
	}
	for _, k := range sortedKeys(gotByKey) {
		if _, ok := wantByKey[k]; !ok {
			diffs = append(diffs, gotByKey[k].describe()+" hoort er niet in")
		}
	}
	return diffs
}

// sortedKeys orders objects as a reader looks for them: tables, views,
// indexes, triggers, each by name.
func sortedKeys(m map[string]schemaObject) []string {
	rank := map[string]int{"table": 0, "view": 1, "index": 2, "trigger": 3}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := m[keys[i]], m[keys[j]]
		if rank[a.Type] != rank[b.Type] {
			return rank[a.Type] < rank[b.Type]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// normalizeSQL rewrites an SQL definition so that two definitions that
// differ only in comments, white space or the case of keywords and names
// compare equal: tokens separated by one space, words in lower case,
// string literals kept exactly.
func normalizeSQL(sql string) string {
	var tokens []string
	r := []rune(sql)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '-' && i+1 < len(r) && r[i+1] == '-':
			for i < len(r) && r[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(r) && r[i+1] == '*':
			i += 2
			for i < len(r) && (r[i] != '*' || i+1 >= len(r) || r[i+1] != '/') {
				i++
			}
			i += 2
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closer := map[rune]rune{'\'': '\'', '"': '"', '`': '`', '[': ']'}[c]
			j := i + 1
			for j < len(r) {
				if r[j] == closer {
					if closer != ']' && j+1 < len(r) && r[j+1] == closer {
						j += 2 // a doubled quote stands for itself
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(r))
			tok := string(r[i:end])
			if c != '\'' {
				tok = strings.ToLower(tok) // names are not case-sensitive
			}
			tokens = append(tokens, tok)
			i = end
		case c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c):
			j := i
			for j < len(r) && (r[j] == '_' || r[j] == '$' || unicode.IsLetter(r[j]) || unicode.IsDigit(r[j])) {
				j++
			}
			tokens = append(tokens, strings.ToLower(string(r[i:j])))
			i = j
		default:
			tokens = append(tokens, string(c))
			i++
		}
	}
	return strings.Join(tokens, " ")
}

// expectedSchemas caches the schema the migrations make, by the text of
// the migrations up to the version.
var expectedSchemas sync.Map // [sha256.Size]byte -> []schemaObject

// expectedSchema is the schema this program's own migrations make for a
// database of schema version version, built once in a fresh in-memory
// database.
func expectedSchema(version int) ([]schemaObject, error) {
	h := sha256.New()
	for _, m := range migrations() {
		if m.version <= version {
			fmt.Fprintf(h, "%d:%s\x00", m.version, m.sql)
		}
	}
	var key [sha256.Size]byte
	copy(key[:], h.Sum(nil))
	if v, ok := expectedSchemas.Load(key); ok {
		return v.([]schemaObject), nil
	}
	db, err := openGorm("file::memory:")
	if err != nil {
		return nil, err
	}
	defer func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	}()
	for _, m := range migrations() {
		if m.version > version {
			break
		}
		if err := db.Transaction(func(tx *gorm.DB) error { return applyMigration(tx, m) }); err != nil {
			return nil, fmt.Errorf("schema-update %s mislukt: %w", m.name, err)
		}
	}
	objs, err := readSchema(db)
	if err != nil {
		return nil, err
	}
	expectedSchemas.Store(key, objs)
	return objs, nil
}

// schemaDifferences compares the open database's schema with the one this
// program makes for its version; nil when they are the same.
func (s *Store) schemaDifferences() (*SchemaError, error) {
	version, err := s.Version()
	if err != nil {
		return nil, err
	}
	want, err := expectedSchema(version)
	if err != nil {
		return nil, err
	}
	got, err := readSchema(s.db)
	if err != nil {
		return nil, err
	}
	if diffs := compareSchemas(want, got); len(diffs) > 0 {
		return &SchemaError{Version: version, Differences: diffs}, nil
	}
	return nil, nil
}

// checkSchema refuses a database whose schema is not this program's own
// for its version, before anything is written to it or runs in it.
func (s *Store) checkSchema() error {
	e, err := s.schemaDifferences()
	if err != nil {
		return &OpenError{Path: s.path, Reason: "het schema kan niet worden gelezen: " + describeSQLiteError(err).Error()}
	}
	if e != nil {
		return &OpenError{Path: s.path, Reason: e.Error(), Err: e}
	}
	return nil
}
