package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
	"jeugdmonitor/ui/chart"
)

func runChart(env Env, args []string) int {
	fs := newFlags(env, "chart", "--list | --name NAAM --format png|svg -o BESTAND [opties]",
		"Tekent een grafiek van het dashboard uit de database als PNG of SVG, standaard 1920x1080\n"+
			"(een projector); --dubbel geeft het dubbele formaat voor drukwerk. Zonder --van/--tot de vijf\n"+
			"jaren tot en met het laatste jaar met cijfers. --list toont de namen.")
	db := dbFlag(fs)
	list := fs.Bool("list", false, "de grafieken opsommen")
	name := fs.String("name", "", "naam van de grafiek (zie --list)")
	format := fs.String("format", "png", "formaat: png|svg")
	width := fs.Int("width", chart.StandaardBreedte, "breedte in pixels")
	height := fs.Int("height", chart.StandaardHoogte, "hoogte in pixels")
	double := fs.Bool("dubbel", false, "dubbele breedte en hoogte, voor drukwerk")
	theme := fs.String("thema", chart.Licht.Naam, "thema: licht|hoog-contrast")
	opt := yearFlags(fs)
	out := fs.String("o", "", "uitvoerbestand")
	overwrite := fs.Bool("overschrijven", false, "een bestaand uitvoerbestand vervangen")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *list {
		for _, g := range dashboard.Grafieken() {
			fmt.Fprintf(env.Stdout, "%-20s %s\n", g.Naam, g.Titel)
		}
		return ExitOK
	}
	o := chart.Opties{Breedte: *width, Hoogte: *height, Formaat: chart.Formaat(*format)}
	var ok bool
	switch {
	case *name == "" || *out == "":
		return usageError(env, "--name en -o zijn verplicht; gebruik --help")
	case !oneOf(*format, chart.Formaten):
		return usageError(env, "--format moet png of svg zijn")
	}
	if o.Thema, ok = themeByName(*theme); !ok {
		return usageError(env, "--thema moet licht of hoog-contrast zijn")
	}
	if *double {
		o.Breedte, o.Hoogte = 2*o.Breedte, 2*o.Hoogte
	}
	s, err := openForReading(*db)
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	g, err := buildChart(s, *name, opt)
	if err != nil {
		return failure(env, err)
	}
	img, err := chart.Teken(g, o)
	if err != nil {
		return failure(env, err)
	}
	if err := writeFileSafely(*out, *overwrite, func(w io.Writer) error { _, err := w.Write(img); return err }); err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Grafiek %s geschreven naar %s (%dx%d)\n", *name, *out, o.Breedte, o.Hoogte)
	return ExitOK
}

func themeByName(name string) (chart.Thema, bool) {
	for _, t := range chart.Themas {
		if t.Naam == name {
			return t, true
		}
	}
	return chart.Thema{}, false
}

// yearOptions are the --van, --tot, --interventie and --maat options of the
// chart commands.
type yearOptions struct {
	van, tot          *int
	interventie, maat *string
}

func yearFlags(fs *flag.FlagSet) yearOptions {
	return yearOptions{
		van:         fs.Int("van", 0, "eerste jaar (standaard vier jaar voor --tot)"),
		tot:         fs.Int("tot", 0, "laatste jaar (standaard het laatste jaar met cijfers)"),
		interventie: fs.String("interventie", "", "interventie van de grafiek bereik-interventie (standaard de gekozen)"),
		maat:        fs.String("maat", "", "maat van die interventie (standaard de gekozen, anders die van de laatste doelstelling)"),
	}
}

// options fills in the default years of the database, and the intervention
// and measure chosen on the Overzicht unless the options name them; a
// measure the intervention does not have is refused, naming those it has.
func (y yearOptions) options(s *store.Store) (dashboard.Opties, error) {
	o, err := dashboard.Standaard(s)
	if err != nil {
		return o, err
	}
	if *y.tot != 0 {
		o.Van, o.Tot = *y.tot-4, *y.tot
	}
	if *y.van != 0 {
		o.Van = *y.van
	}
	if *y.interventie != "" && !strings.EqualFold(*y.interventie, o.Interventie) {
		o.Interventie, o.Maat = *y.interventie, "" // the measure chosen is one of the other's
	}
	if *y.maat != "" {
		o.Maat = *y.maat
		if err := dashboard.ControleerMaat(s, o); err != nil {
			return o, err
		}
	}
	return o, nil
}

func buildChart(s *store.Store, name string, y yearOptions) (dashboard.Grafiek, error) {
	o, err := y.options(s)
	if err != nil {
		return dashboard.Grafiek{}, err
	}
	return dashboard.Bouw(s, name, o)
}
