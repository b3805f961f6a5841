package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/importer"
	"jeugdmonitor/data/store"
)

func runImport(env Env, args []string) int {
	fs := newFlags(env, "import", "--what bereik|indicatoren|alles BESTAND [--blad NAAM] [--dry-run] [--db PAD]",
		"Leest bereik of indicatorwaarden uit een .xlsx- of .csv-bestand. Elke rij wordt eerst\n"+
			"gecontroleerd; bij één fout wordt niets opgeslagen en staat per rij en kolom wat er mis is.\n"+
			"Anders gaat alles in één keer de database in, met de wijzigingen in het logboek.\n"+
			"Een CBS StatLine-download (85099NED, 84134NED, 85097NED, 85098NED) wordt herkend aan de\n"+
			"kopregel en als indicatoren ingelezen: de gekozen gemeente met Nederland ter vergelijking.\n"+
			"Lijkende namen van interventies en de nieuwe indicatoren van een CBS-bestand worden getoond;\n"+
			"sla ze op met --bevestig.\n"+
			"Met --what alles wordt een volledige export (jeugdmonitor export --what alles --format json)\n"+
			"ingelezen als nieuwe database op --db, met dezelfde inhoud en hetzelfde wijzigingenlogboek.\n"+
			"Een bestaand bestand wordt nooit overschreven; vervang een database met jeugdmonitor restore.")
	db := dbFlag(fs)
	what := fs.String("what", "", "wat: "+joinValues(importer.Soorten)+", alles")
	blad := fs.String("blad", "", "werkblad van een .xlsx-bestand (standaard het eerste)")
	dryRun := fs.Bool("dry-run", false, "alleen controleren, niets opslaan")
	confirm := fs.Bool("bevestig", false, "lijkende namen van interventies en nieuwe CBS-indicatoren overnemen zoals getoond")
	gemeente := fs.String("gemeente", "", "CBS: regiocode van de gemeente (standaard GM0193, Zwolle)")
	tabel := fs.String("cbs-tabel", "", "CBS: tabelnummer als het niet in de bestandsnaam staat (bijv. 85099NED)")
	kolommen := map[string]string{}
	fs.Func("kolom", "koppeling VELD=KOLOMKOP, bijv. waarde=Aantal deelnemers (mag vaker)", func(v string) error {
		veld, kop, ok := strings.Cut(v, "=")
		if !ok {
			return errors.New("schrijf VELD=KOLOMKOP")
		}
		kolommen[strings.TrimSpace(veld)] = strings.TrimSpace(kop)
		return nil
	})
	file, code := parseWithFile(fs, args)
	if code >= 0 {
		return code
	}
	if *what == string(export.KindAlles) {
		return importFullExport(env, file, *db, *dryRun)
	}
	if !oneOf(*what, importer.Soorten) {
		return usageError(env, "--what moet bereik, indicatoren of alles zijn")
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	if s.ReadOnly() && !*dryRun {
		return failure(env, fmt.Errorf("de database is alleen-lezen geopend (%s); er is niets ingelezen", s.Notice()))
	}
	im, err := importer.Open(s, file, *blad, importer.Soort(*what))
	if err != nil {
		return failure(env, err)
	}
	if msg := applyColumns(im, kolommen); msg != "" {
		return usageError(env, "%s", msg)
	}
	im.CBSOpties.Gemeente = *gemeente
	if *tabel != "" {
		im.CBSOpties.Tabel = *tabel
	}
	describe(env, im)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rapport, err := im.Controleer(ctx, nil)
	if err != nil {
		return failure(env, err)
	}
	if *confirm {
		for _, m := range rapport.TeBevestigen() {
			im.Bevestig(m.InBestand, m.Naam)
		}
		im.IndicatorenBevestigd = true
	}
	printReport(env, rapport)
	switch {
	case !rapport.OK():
		fmt.Fprintln(env.Stderr, "Er is niets opgeslagen: verbeter het bestand en probeer het opnieuw.")
		return ExitError
	case len(rapport.TeBevestigen()) > 0 && !*confirm && !*dryRun:
		fmt.Fprintln(env.Stderr, "Er is niets opgeslagen: controleer de gekoppelde namen hierboven en herhaal met --bevestig.")
		return ExitError
	case im.CBS && len(rapport.NieuweIndicatoren) > 0 && !*confirm && !*dryRun:
		fmt.Fprintln(env.Stderr, "Er is niets opgeslagen: controleer de nieuwe indicatoren hierboven en herhaal met --bevestig.")
		return ExitError
	case *dryRun:
		fmt.Fprintf(env.Stdout, "Proefimport: %d nieuw, %d bijgewerkt. Er is niets opgeslagen.\n", rapport.Nieuw, rapport.Bijgewerkt)
		return ExitOK
	}
	rapport, err = im.Uitvoeren(ctx, nil)
	if rapport != nil && rapport.Reservekopie != "" {
		fmt.Fprintln(env.Stdout, "Reservekopie vooraf:", rapport.Reservekopie)
	}
	if err != nil {
		if rapport != nil {
			printProblems(env, rapport)
		}
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Opgeslagen: %d nieuw, %d bijgewerkt, uit %d rijen.\n", rapport.Nieuw, rapport.Bijgewerkt, rapport.Rijen)
	return ExitOK
}

// importFullExport builds a new database at db (default: the program's own,
// which must not exist yet) from a full export; a dry run builds it in a
// temporary folder to check every record, and keeps nothing.
func importFullExport(env Env, file, db string, dryRun bool) int {
	if dryRun {
		counts, err := importer.CheckFullExport(file, time.Now())
		if err != nil {
			return failure(env, err)
		}
		fmt.Fprintf(env.Stdout, "Proefimport: %s. Er is niets opgeslagen.\n", describeCounts(counts))
		return ExitOK
	}
	db, err := databasePath(db)
	if err != nil {
		return failure(env, err)
	}
	counts, err := importer.NewDatabaseFromExport(file, db, time.Now())
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Nieuwe database %s gemaakt: %s.\n", db, describeCounts(counts))
	return ExitOK
}

// describeCounts says in words what a database or export holds.
func describeCounts(n store.Tellingen) string {
	return fmt.Sprintf("%d interventies, %d doelstellingen, %d bereikcijfers, %d indicatoren met %d metingen, "+
		"%d begrotingsdoelen, %d besparingen en %d wijzigingen", n.Interventies, n.Doelstellingen, n.Bereik,
		n.Indicatoren, n.Metingen, n.Begroting, n.Besparingen, n.Wijzigingen)
}

// parseWithFile parses flags around one positional file argument.
func parseWithFile(fs *flag.FlagSet, args []string) (string, int) {
	if code := ParseFlags(fs, args); code >= 0 {
		return "", code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(fs.Output(), "geef het bestand op; gebruik --help")
		return "", ExitUsage
	}
	file := fs.Arg(0)
	if code := parse(fs, fs.Args()[1:]); code >= 0 {
		return "", code
	}
	return file, -1
}

// applyColumns sets the columns given with --kolom; it returns a message
// when a field or header does not exist.
func applyColumns(im *importer.Import, kolommen map[string]string) string {
	velden := map[string]bool{}
	for _, v := range importer.Velden(im.Soort) {
		velden[v.Naam] = true
	}
	for veld, kop := range kolommen {
		if !velden[veld] {
			return fmt.Sprintf("onbekend veld %q in --kolom", veld)
		}
		found := false
		for i, h := range im.Header {
			if strings.EqualFold(strings.TrimSpace(h), kop) {
				im.Koppeling[veld], found = i, true
			}
		}
		if !found {
			return fmt.Sprintf("kolom %q staat niet in de kopregel (%s)", kop, strings.Join(im.Header, "; "))
		}
	}
	return ""
}

// describe prints what the file is and how its columns are read.
func describe(env Env, im *importer.Import) {
	where := im.Pad
	if im.Blad != "" {
		where += ", blad " + im.Blad
	}
	fmt.Fprintf(env.Stdout, "Bestand: %s (kopregel op rij %d)\n", where, im.HeaderLine)
	if im.CBS {
		gemeente := im.CBSOpties.Gemeente
		if gemeente == "" {
			gemeente = "GM0193 (Zwolle)"
		}
		fmt.Fprintf(env.Stdout, "CBS StatLine-tabel %s: gemeente %s, Nederland ter vergelijking\n", im.CBSOpties.Tabel, gemeente)
		return
	}
	herkomst := "geraden uit de kolomkoppen"
	if im.Onthouden {
		herkomst = "onthouden van de vorige import van " + im.Bron
	}
	fmt.Fprintf(env.Stdout, "Koppeling (%s):\n", herkomst)
	for _, v := range importer.Velden(im.Soort) {
		if col, ok := im.Koppeling[v.Naam]; ok && col >= 0 {
			fmt.Fprintf(env.Stdout, "  %-32s <- %s\n", v.Label, im.Kolom(col))
		}
	}
}

// printReport prints name matches, skipped rows and problems.
func printReport(env Env, r *importer.Rapport) {
	for _, m := range r.Namen {
		switch m.Zekerheid {
		case importer.Gelijkend:
			fmt.Fprintf(env.Stdout, "Naam %q -> %q (lijkt erop; %d rijen)\n", m.InBestand, m.Naam, m.Rijen)
		case importer.Bevestigd:
			fmt.Fprintf(env.Stdout, "Naam %q -> %q (bevestigd; %d rijen)\n", m.InBestand, m.Naam, m.Rijen)
		}
	}
	for _, n := range r.NieuweIndicatoren {
		fmt.Fprintln(env.Stdout, "Nieuwe indicator:", n)
	}
	for _, w := range r.Wijzigingen {
		fmt.Fprintln(env.Stdout, "Gewijzigd:", w)
	}
	for _, p := range r.Overgeslagen {
		fmt.Fprintln(env.Stdout, "Overgeslagen:", p)
	}
	printProblems(env, r)
	fmt.Fprintf(env.Stdout, "Gecontroleerd: %s, %s.\n", dutchnum.Aantal(r.Rijen, "rij", "rijen"), dutchnum.Aantal(len(r.Problemen)+r.MeerProblemen, "fout", "fouten"))
}

func printProblems(env Env, r *importer.Rapport) {
	for _, p := range r.Problemen {
		fmt.Fprintln(env.Stderr, "fout:", p)
	}
	if r.MeerProblemen > 0 {
		fmt.Fprintf(env.Stderr, "... en nog %s\n", dutchnum.Aantal(r.MeerProblemen, "fout", "fouten"))
	}
}
