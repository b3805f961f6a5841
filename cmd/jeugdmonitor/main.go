// Command jeugdmonitor is Jeugdmonitor Zwolle: without a subcommand it starts
// the desktop program; with one (export, import, chart, rapport, backup, ...)
// it works headless. See --help.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"jeugdmonitor/assets"
	"jeugdmonitor/cmd/internal/cli"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui"
)

// version is set at build time from FyneApp.toml (-X main.version=...).
var version = "dev"

func main() {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(env, args))
	}
	fs := flag.NewFlagSet("jeugdmonitor", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	fs.Usage = func() { cli.Usage(os.Stderr) }
	db := fs.String("db", "", "databasebestand")
	showVersion := fs.Bool("versie", false, "toon de versie")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			os.Exit(cli.ExitOK)
		}
		os.Exit(cli.ExitUsage)
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
