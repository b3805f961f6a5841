// Package cli runs Jeugdmonitor's headless subcommands (listed in commands)
// with Dutch help texts and the exit codes 0 (gelukt), 1 (fout) and
// 2 (verkeerd gebruik). It never imports the GUI.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Env is what a command may touch: its output streams, and its input
// (nil: none).
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader
}

// command is one subcommand.
type command struct {
	summary string
	run     func(env Env, args []string) int
}

// commands lists the subcommands by name.
var commands = map[string]command{
	"export":        {"gegevens exporteren als JSON, CSV of Excel", runExport},
	"bereik":        {"bereik van een interventie vastleggen", runBereik},
	"doelstelling":  {"doelstellingen toevoegen, herzien, beëindigen of tonen", runDoelstelling},
	"check":         {"database controleren (integriteit en schemaversie)", runCheck},
	"nieuw":         {"nieuwe database maken met het ingebouwde register", runNieuw},
	"chart":         {"grafiek van het dashboard als PNG of SVG", runChart},
	"rapport":       {"PDF-rapport voor de raad met grafieken, kerncijfers en bronnen", runRapport},
	"demo":          {"aparte demodatabase met fictieve cijfers maken", runDemo},
	"import":        {"bereik of indicatoren inlezen uit Excel, CSV of CBS StatLine", runImport},
	"cbs-bijwerken": {"indicatoren bijwerken met de tabellen van CBS (open data, internet nodig)", runCBSBijwerken},
	"backup":        {"kopie van de hele database naar één bestand", runBackup},
	"restore":       {"reservekopie terugzetten als database", runRestore},
	"team":          {"teamdatabase (PostgreSQL) inrichten of een laptop koppelen", runTeam},
	"sync":          {"synchroniseren met de teamdatabase", runSync},
	"conflicten":    {"conflicten na synchroniseren tonen", runConflicten},
}

// IsCommand reports whether name is a headless subcommand.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok
}

// Run runs the subcommand args[0] with the rest of args and returns its exit code.
func Run(env Env, args []string) int {
	if len(args) == 0 || !IsCommand(args[0]) {
		fmt.Fprintln(env.Stderr, "onbekende opdracht; gebruik --help")
		return ExitUsage
	}
	useAnchors()
	return commands[args[0]].run(env, args[1:])
}

// anchorsOnce sets the anchor folder once per process.
var anchorsOnce sync.Once

// useAnchors makes the program keep the anchor of every database's audit
// trail in this installation's settings folder (see store.SetAnchorFolder);
// without a settings folder it keeps none, and check says so.
func useAnchors() {
	anchorsOnce.Do(func() {
		if dir, err := store.DefaultAnchorFolder(); err == nil {
			store.SetAnchorFolder(dir)
		}
	})
}

// Usage writes the overview of the program's use.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Gebruik: jeugdmonitor [--db PAD]            start het programma")
	fmt.Fprintln(w, "         jeugdmonitor OPDRACHT [opties]     voert een opdracht uit zonder venster")
	fmt.Fprintln(w, "\nOpdrachten:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-13s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nZonder --db wordt de eigen database gebruikt:", defaultPathText())
	fmt.Fprintln(w, "Hulp bij een opdracht: jeugdmonitor OPDRACHT --help")
}

// databasePath is the database a command works on: path, or the program's
// own database when path is empty.
func databasePath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	return store.DefaultPath()
}

func defaultPathText() string {
	p, err := store.DefaultPath()
	if err != nil {
		return "(onbekend: " + err.Error() + ")"
	}
	return p
}

// newFlags makes a flag set with Dutch usage output for a subcommand: to
// standard output when asked for with --help, to standard error after a mistake.
func newFlags(env Env, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	help := HelpFlag(fs)
	fs.Usage = func() {
		out := fs.Output()
		if *help {
			out = env.Stdout
		}
		fmt.Fprintf(out, "Gebruik: jeugdmonitor %s %s\n\n%s\n\nOpties:\n", name, synopsis, description)
		fs.VisitAll(func(f *flag.Flag) {
			if f.Usage == helpUsage {
				return
			}
			def := ""
			if f.DefValue != "" && f.DefValue != "false" {
				def = fmt.Sprintf(" (standaard: %s)", f.DefValue)
			}
			fmt.Fprintf(out, "  -%s\n      %s%s\n", f.Name, f.Usage, def)
		})
	}
	return fs
}

// helpUsage is the usage text of the help options, which the lists of options leave out.
const helpUsage = "toon deze hulp"

// HelpFlag defines --help and -h on fs. Asked for help, a program writes it
// to standard output and exits 0 (the flag package's own -h writes to the
// flag set's output, standard error).
func HelpFlag(fs *flag.FlagSet) *bool {
	help := fs.Bool("help", false, helpUsage)
	fs.BoolVar(help, "h", false, helpUsage)
	return help
}

// parse parses the flags and returns an exit code to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	if code := ParseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "onverwacht argument %q; gebruik --help\n", fs.Arg(0))
		return ExitUsage
	}
	return -1
}

// ParseFlags parses flags and allows positional arguments after them. A
// wrong option is reported in Dutch (flagFout), followed by the usage.
func ParseFlags(fs *flag.FlagSet, args []string) int {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the flag package's own report is English
	err := fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		fmt.Fprintln(out, flagFout(fs, err))
		fs.Usage()
		return ExitUsage
	}
	if f := fs.Lookup("help"); f != nil && f.Value.String() == "true" {
		fs.Usage()
		return ExitOK
	}
	leeg := false
	fs.Visit(func(f *flag.Flag) { leeg = leeg || (f.Name == "db" && strings.TrimSpace(f.Value.String()) == "") })
	if leeg {
		// a script with an empty $DB must not write into the program's own database
		fmt.Fprintln(fs.Output(), "--db is leeg: geef het pad van een database, of laat --db weg voor de eigen database")
		return ExitUsage
	}
	return -1
}

// usageError reports wrong use and returns ExitUsage.
func usageError(env Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, format+"\n", args...)
	return ExitUsage
}

// failure reports an error and returns ExitError.
func failure(env Env, err error) int {
	fmt.Fprintln(env.Stderr, "fout:", err)
	return ExitError
}

// dbFlag adds the --db option.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "databasebestand (standaard de eigen database van dit programma)")
}

// OpenDatabase opens the database a command works on, and loads the built-in
// register into it when it lacks it. An explicit path is created only when
// opt.Create says so; the program's own database at the default path (path
// empty) is created whenever it is opened for writing.
func OpenDatabase(path string, opt store.Options) (*store.Store, error) {
	useAnchors()
	if path == "" {
		opt.Create = !opt.ReadOnly
	}
	path, err := databasePath(path)
	if err != nil {
		return nil, err
	}
	if opt.BeforeMigrate == nil {
		opt.BeforeMigrate = backupBeforeMigrate
	}
	s, err := store.Open(path, opt)
	if err != nil {
		return nil, err
	}
	if !opt.ReadOnly {
		if err := seedBuiltin(s); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// openForReading opens the database a reading command (export, rapport,
// chart) works on without taking the writer lock, so reading never keeps
// a writer out. The program's own database before it exists, and a
// database whose schema must first be brought up to date, are opened as
// OpenDatabase opens them.
func openForReading(path string) (*store.Store, error) {
	if path == "" {
		own, err := databasePath("")
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(own); errors.Is(err, os.ErrNotExist) {
			return OpenDatabase(path, store.Options{})
		}
	}
	s, err := OpenDatabase(path, store.Options{ReadOnly: true, SoleConnection: true})
	if errors.Is(err, store.ErrOutdated) {
		return OpenDatabase(path, store.Options{})
	}
	return s, err
}

// backupBeforeMigrate keeps a copy of a database before its schema is updated.
func backupBeforeMigrate(s *store.Store, _, to int) error {
	_, err := backup.Make(s, backup.ReasonSchema(to), time.Now())
	return err
}

// seedBuiltin loads the built-in register into a database that lacks it.
func seedBuiltin(s *store.Store) error {
	docs, err := register.Builtin()
	if err != nil {
		return err
	}
	_, err = register.Seed(s, docs)
	return err
}

// writeFileSafely writes a new file whole or not at all (package
// data/bestand); an existing file is kept unless overwrite is set.
func writeFileSafely(path string, overwrite bool, write func(io.Writer) error) error {
	if _, err := os.Stat(path); err == nil && !overwrite {
		return fmt.Errorf("%s bestaat al; kies een andere naam of gebruik --overschrijven", path)
	}
	return bestand.Schrijf(path, write)
}

// oneOf checks a flag value against the allowed values.
func oneOf[T ~string](value string, allowed []T) bool {
	for _, a := range allowed {
		if string(a) == value {
			return true
		}
	}
	return false
}

func joinValues[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, "|")
}
