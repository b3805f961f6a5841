// Package backup keeps automatic copies of a Jeugdmonitor database in a
// "backups" folder beside it: once a day while the program runs (7 daily and
// 4 weekly copies kept) and before every schema update and import (the 10
// newest of those kept); the copy made before a restore and the copies the
// user makes are never removed. Copies are consistent snapshots made while
// the database is open (VACUUM INTO), written under a temporary name and
// renamed when complete.
package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"jeugdmonitor/data/store"
)

// Reasons a copy is made; they end the file name.
const (
	ReasonDaily   = "dagelijks"
	ReasonImport  = "voor-import"
	ReasonRestore = "voor-herstel"
	ReasonManual  = "handmatig"
)

// ReasonSchema is the reason for the copy made before the schema is brought to
// version to.
func ReasonSchema(to int) string { return fmt.Sprintf("voor-schema-%d", to) }

// Retention: daily copies on this many distinct days and weeks, and this many
// copies made before an event.
const (
	KeepDays   = 7
	KeepWeeks  = 4
	KeepEvents = 10
)

// timeLayout is the time in a backup's file name (local time, sortable).
const timeLayout = "20060102-150405"

// nameRE matches "<database>-<time>[-<n>]-<reason>.db"; n tells copies made
// within the same second apart.
var nameRE = regexp.MustCompile(`^(.+)-(\d{8}-\d{6})(?:-(\d+))?-([a-z][a-z0-9-]*)\.db$`)

// Info describes one backup file.
type Info struct {
	Path   string
	Made   time.Time
	Reason string
	Size   int64
	seq    int // orders copies made within the same second
}

// Dir is the backups folder of the database at dbPath.
func Dir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// Make writes a copy of the open database into its backups folder and prunes
// old copies. It returns the new copy's path.
func Make(s *store.Store, reason string, now time.Time) (string, error) {
	dir, base := Dir(s.Path()), baseName(s.Path())
	removeStaleTemps(dir, base, now)
	path := newName(dir, base, reason, now)
	if err := s.BackupTo(path); err != nil {
		return "", err
	}
	if err := Prune(dir, base); err != nil {
		return path, fmt.Errorf("reservekopie gemaakt, maar oude kopieën opruimen mislukte: %w", err)
	}
	return path, nil
}

// newName is the path of a new copy of the database base made now.
func newName(dir, base, reason string, now time.Time) string {
	stamp := now.Local().Format(timeLayout)
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", base, stamp, reason))
	for n := 2; fileExists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s-%s-%d-%s.db", base, stamp, n, reason))
	}
	return path
}

// KeepFile copies the database file at dbPath byte for byte (with its
// write-ahead log, where there is one) into its backups folder, without
// opening it: for a database that the program refuses to open (damaged,
// or changed outside the program) and a restore is about to replace. The
// caller must hold the database's writer lock. It returns the copy's path.
func KeepFile(dbPath, reason string, now time.Time) (string, error) {
	dir := Dir(dbPath)
	path := newName(dir, baseName(dbPath), reason, now)
	if err := copyFile(dbPath+"-wal", path+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if err := copyFile(dbPath, path); err != nil {
		os.Remove(path + "-wal")
		return "", err
	}
	return path, nil
}

// copyFile copies src to the new file dst through a temporary file that is
// synced and then renamed, so dst is complete or absent.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := store.TempBeside(dst, store.TempBackup)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	out, err := os.OpenFile(tmp, os.O_WRONLY, 0)
	if err != nil {
		return &store.FileError{Action: "kopiëren naar", Path: dst, Err: err}
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		return &store.FileError{Action: "kopiëren naar", Path: dst, Err: err}
	}
	return nil
}

// MakeDaily makes today's daily copy unless there is one already; it reports
// the path of the new copy, or "" when none was needed.
func MakeDaily(s *store.Store, now time.Time) (string, error) {
	all, err := List(s.Path())
	if err != nil {
		return "", err
	}
	today := dayKey(now.Local())
	for _, b := range all {
		if b.Reason == ReasonDaily && dayKey(b.Made) == today {
			return "", nil
		}
	}
	return Make(s, ReasonDaily, now)
}

// List gives the backups of the database at dbPath, newest first.
func List(dbPath string) ([]Info, error) {
	return list(Dir(dbPath), baseName(dbPath))
}

// baseName is the database's file name without its extension: the start of
// its backups' names.
func baseName(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

func list(dir, base string) ([]Info, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Info
	for _, e := range entries {
		m := nameRE.FindStringSubmatch(e.Name())
		if m == nil || m[1] != base || e.IsDir() {
			continue
		}
		made, err := time.ParseInLocation(timeLayout, m[2], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		seq := 1
		if m[3] != "" {
			seq, _ = strconv.Atoi(m[3])
		}
		out = append(out, Info{Path: filepath.Join(dir, e.Name()), Made: made, Reason: m[4], Size: info.Size(), seq: seq})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Made.Equal(out[j].Made) {
			return out[i].Made.After(out[j].Made)
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Prune removes the copies the retention does not keep: of the daily copies
// the newest on each of the last KeepDays days that have one and the newest
// in each of the last KeepWeeks weeks; of the event copies the KeepEvents
// newest.
func Prune(dir, base string) error {
	all, err := list(dir, base)
	if err != nil {
		return err
	}
	for _, b := range all {
		if !keep(all, b) {
			if err := os.Remove(b.Path); err != nil {
				return err
			}
		}
	}
	return nil
}

// kept reports whether copies made for reason are never pruned: the user's
// own and the one of the database a restore replaced.
func kept(reason string) bool { return reason == ReasonManual || reason == ReasonRestore }

// keep applies the retention to one copy of the newest-first list all.
func keep(all []Info, b Info) bool {
	if kept(b.Reason) {
		return true
	}
	if b.Reason != ReasonDaily {
		n := 0
		for _, o := range all {
			if o.Reason != ReasonDaily && !kept(o.Reason) {
				if o.Path == b.Path {
					return n < KeepEvents
				}
				n++
			}
		}
		return false
	}
	return newestOf(all, b, dayKey, KeepDays) || newestOf(all, b, weekKey, KeepWeeks)
}

// newestOf reports whether b is the newest daily copy of its period (by key)
// and that period is one of the limit newest periods with a daily copy.
func newestOf(all []Info, b Info, key func(time.Time) string, limit int) bool {
	seen := map[string]bool{}
	for _, o := range all {
		if o.Reason != ReasonDaily {
			continue
		}
		k := key(o.Made)
		if seen[k] {
			continue
		}
		seen[k] = true
		if len(seen) > limit {
			return false
		}
		if o.Path == b.Path {
			return true
		}
	}
	return false
}

// staleAfter is how long a temporary copy must have been left untouched
// before it counts as the remains of a copy that was killed (SQLite writes
// a copy in progress continuously).
const staleAfter = 10 * time.Minute

// removeStaleTemps deletes the temporary files that copies of the database
// base killed mid-way left in dir.
func removeStaleTemps(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "-"
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.Contains(name, ".db."+store.TempBackup+"-") {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

func dayKey(t time.Time) string { return t.Format("20060102") }

func weekKey(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-%02d", y, w)
}

// Inspect opens a backup read-only and counts what it holds, so the user sees
// what a restore would bring back.
func Inspect(path string) (store.Tellingen, error) {
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return store.Tellingen{}, err
	}
	defer s.Close()
	return s.Tel()
}
