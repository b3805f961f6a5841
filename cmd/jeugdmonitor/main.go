// Command jeugdmonitor is Jeugdmonitor Zwolle: without a subcommand it starts
// the desktop program; with one (export, import, chart, rapport, backup, ...)
// it works headless. See --help.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"jeugdmonitor/assets"
	"jeugdmonitor/cmd/internal/cli"
	"jeugdmonitor/cmd/internal/console"
	"jeugdmonitor/cmd/internal/glstart"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui"
)

// version is set at build time from FyneApp.toml (-X main.version=...).
var version = "dev"

func main() {
	args := os.Args[1:]
	if len(args) > 0 {
		// started with arguments, from cmd or PowerShell: answer in that console
		console.Attach()
	}
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin}
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(env, args))
	}
	fs := flag.NewFlagSet("jeugdmonitor", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	db := fs.String("db", "", "databasebestand")
	showVersion := fs.Bool("versie", false, "toon de versie")
	help := cli.HelpFlag(fs)
	fs.Usage = func() {
		if *help {
			cli.Usage(os.Stdout)
			return
		}
		cli.Usage(fs.Output()) // io.Discard while the flag package reports in English
	}
	if code := cli.ParseFlags(fs, args); code >= 0 {
		os.Exit(code)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "onbekende opdracht %q\n\n", fs.Arg(0))
		cli.Usage(os.Stderr)
		os.Exit(cli.ExitUsage)
	}
	if *showVersion {
		fmt.Println("Jeugdmonitor Zwolle", version)
		return
	}
	runGUI(*db)
}

// runGUI starts the desktop program on the database at path (the program's own
// database when empty). A path given on the command line is created when it
// does not exist: the user asked to work in it. The window opens the database
// in the background; Ctrl+Q (in its menu) quits.
func runGUI(path string) {
	log.SetOutput(glstart.NewWatcher(openLog(), func(text string) {
		glstart.Show(text)
		os.Exit(cli.ExitError) // without OpenGL Fyne either quits quietly or waits without a window
	}))
	log.Printf("Jeugdmonitor Zwolle %s start", version)
	a := app.NewWithID("nl.zwolle.jeugdmonitor")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Jeugdmonitor Zwolle")
	w.Resize(fyne.NewSize(1280, 720))
	open := func(p string, create bool) (*store.Store, error) {
		return cli.OpenDatabase(p, store.Options{Create: create || p == path})
	}
	w.SetContent(ui.Create(a, w, open, path))
	w.ShowAndRun()
}

// openLog opens the program's log, jeugdmonitor.log beside its own database
// (on Windows in %APPDATA%\Jeugdmonitor, where a GUI program's standard error
// is lost), together with standard error. A log over 1 MB is first moved to
// jeugdmonitor.log.1, which keeps the log bounded.
func openLog() io.Writer {
	db, err := store.DefaultPath()
	if err != nil {
		return os.Stderr
	}
	path := filepath.Join(filepath.Dir(db), "jeugdmonitor.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return os.Stderr
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 1<<20 {
		os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return os.Stderr
	}
	// the file first: io.MultiWriter stops at an error, and a double-clicked
	// Windows program has no standard error to write to
	return io.MultiWriter(f, os.Stderr)
}
