// Command jeugdmonitor is Jeugdmonitor Zwolle: without a subcommand it starts
// the desktop program; with one (export, bereik, check, nieuw) it works
// headless. See --help.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

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
// does not exist: the user asked to work in it.
func runGUI(path string) {
	a := app.NewWithID("nl.zwolle.jeugdmonitor")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Jeugdmonitor Zwolle")
	w.Resize(fyne.NewSize(1280, 720))
	quit := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().AddShortcut(quit, func(fyne.Shortcut) { a.Quit() })

	s, err := cli.OpenDatabase(path, store.Options{Create: true})
	if err != nil {
		fyne.LogError("database openen", err)
		d := dialog.NewError(err, w)
		d.SetOnClosed(a.Quit)
		w.Show()
		d.Show()
		a.Run()
		os.Exit(cli.ExitError)
	}
	defer s.Close()
	w.SetTitle("Jeugdmonitor Zwolle — " + s.Path())
	screen := ui.NewRegister(s)
	w.SetContent(screen.Content())
	go func() {
		if err := screen.Load(); err != nil {
			fyne.Do(func() { dialog.ShowError(err, w) })
		}
	}()
	w.ShowAndRun()
}
