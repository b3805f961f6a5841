package cli

import (
	"fmt"
	"strings"

	"jeugdmonitor/data/store"
)

// doelstellingActies are the actions of the doelstelling command.
var doelstellingActies = map[string]func(Env, []string) int{
	"toevoegen":  runDoelstellingToevoegen,
	"herzien":    runDoelstellingHerzien,
	"beeindigen": runDoelstellingBeeindigen,
	"lijst":      runDoelstellingLijst,
}

// runDoelstelling dispatches "doelstelling toevoegen|herzien|beeindigen|lijst".
func runDoelstelling(env Env, args []string) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintln(env.Stdout, "Gebruik: jeugdmonitor doelstelling toevoegen|herzien|beeindigen|lijst [opties]")
		fmt.Fprintln(env.Stdout, "\nDoelstellingen per periode (een jaar, een schooljaar, meerdere jaren of jaarlijks);")
		fmt.Fprintln(env.Stdout, "'jeugdmonitor doelstelling ACTIE --help' toont de opties van een actie.\n\nOpties:\n  -h, --help\n      deze hulp")
		return ExitOK
	}
	if len(args) == 0 {
		return usageError(env, "kies een actie: toevoegen, herzien, beeindigen of lijst; gebruik --help")
	}
	action, ok := doelstellingActies[strings.ReplaceAll(args[0], "ë", "e")]
	if !ok {
		return usageError(env, "onbekende actie %q: kies toevoegen, herzien, beeindigen of lijst", args[0])
	}
	return action(env, args[1:])
}

func runDoelstellingToevoegen(env Env, args []string) int {
	fs := newFlags(env, "doelstelling toevoegen", "--interventie NAAM --periode PERIODE --waarde GETAL [opties]",
		"Voegt een doelstelling toe, met dezelfde controles als het venster. Periode: 2025, 2024/2025,\n"+
			"2025 t/m 2027 of jaarlijks. Soort: minimaal, maximaal, precies of bandbreedte; een\n"+
			"bandbreedte als --waarde 90-135. Een doelstelling van meer interventies samen: herhaal\n"+
			"--interventie of scheid de namen met een puntkomma.")
	db := dbFlag(fs)
	var in store.DoelstellingInvoer
	var namen string
	fs.Func("interventie", "naam van de interventie (herhaalbaar)", func(v string) error {
		namen += ";" + v
		return nil
	})
	fs.StringVar(&in.Periode, "periode", "", "periode")
	fs.StringVar(&in.Soort, "soort", "", "minimaal, maximaal, precies of bandbreedte (standaard precies)")
	fs.StringVar(&in.Waarde, "waarde", "", "de doelstelling, of 90-135 voor een bandbreedte")
	fs.StringVar(&in.WaardeTot, "tot", "", "bovengrens van een bandbreedte")
	fs.StringVar(&in.Eenheid, "eenheid", "", "eenheid (standaard die van de enige maat van de interventie)")
	fs.StringVar(&in.Omschrijving, "omschrijving", "", "omschrijving (standaard de doelstelling in woorden)")
	fs.StringVar(&in.Leeftijdsgroep, "leeftijd", "", "leeftijdsgroep")
	fs.StringVar(&in.BronDocument, "bron", "", "document waar de doelstelling uit komt")
	fs.StringVar(&in.BronSectie, "sectie", "", "hoofdstuk of paragraaf in dat document")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	for _, n := range strings.Split(namen, ";") {
		if strings.TrimSpace(n) != "" {
			in.Interventies = append(in.Interventies, strings.TrimSpace(n))
		}
	}
	if len(in.Interventies) == 0 || in.Periode == "" || in.Waarde == "" {
		return usageError(env, "--interventie, --periode en --waarde zijn verplicht; gebruik --help")
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	d, err := s.CreateDoelstellingInvoer(in)
	if err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "Doelstelling %d opgeslagen: %s, %s\n", d.ID, strings.Join(in.Interventies, ", "), d.Omschrijving)
	return ExitOK
}

func runDoelstellingHerzien(env Env, args []string) int {
	fs := newFlags(env, "doelstelling herzien", "--nummer N --waarde GETAL --reden TEKST",
		"Herziet de waarde van een doelstelling. De oude waarde blijft in de herzieningsgeschiedenis\n"+
			"en in het wijzigingenlogboek, met de reden. Het nummer staat in 'doelstelling lijst'.")
	db := dbFlag(fs)
	nummer := fs.Uint("nummer", 0, "nummer van de doelstelling")
	waarde := fs.String("waarde", "", "nieuwe waarde, of 90-135 voor een bandbreedte")
	tot := fs.String("tot", "", "nieuwe bovengrens van een bandbreedte")
	reden := fs.String("reden", "", "waarom de doelstelling verandert")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *nummer == 0 || *waarde == "" {
		return usageError(env, "--nummer en --waarde zijn verplicht; gebruik --help")
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	if err := s.ReviseDoelstellingInvoer(uint(*nummer), *waarde, *tot, *reden); err != nil {
		return refused(env, err)
	}
	d, err := s.Doelstelling(uint(*nummer))
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Doelstelling %d herzien: %s (%s)\n", d.ID, store.Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid), d.Periode)
	return ExitOK
}

func runDoelstellingBeeindigen(env Env, args []string) int {
	fs := newFlags(env, "doelstelling beeindigen", "--nummer N --laatste-jaar JAAR --reden TEKST",
		"Beëindigt een doelstelling: ze geldt tot en met het laatste jaar en daarna niet meer.")
	db := dbFlag(fs)
	nummer := fs.Uint("nummer", 0, "nummer van de doelstelling")
	jaar := fs.String("laatste-jaar", "", "laatste jaar waarin de doelstelling geldt")
	reden := fs.String("reden", "", "waarom de doelstelling stopt")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *nummer == 0 || *jaar == "" {
		return usageError(env, "--nummer en --laatste-jaar zijn verplicht; gebruik --help")
	}
	laatste, err := store.ParseGeheel("laatste jaar", *jaar)
	if err != nil {
		return refused(env, err)
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	if err := s.EndDoelstelling(uint(*nummer), *laatste, *reden); err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "Doelstelling %d beëindigd: geldt tot en met %d\n", *nummer, *laatste)
	return ExitOK
}

func runDoelstellingLijst(env Env, args []string) int {
	fs := newFlags(env, "doelstelling lijst", "[--interventie NAAM]",
		"Toont de doelstellingen met nummer, periode, waarde, de interventies die ze delen en de\n"+
			"herzieningen.")
	db := dbFlag(fs)
	naam := fs.String("interventie", "", "alleen de doelstellingen van deze interventie")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	s, err := openForReading(*db)
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	all, err := s.Interventies(true)
	if err != nil {
		return failure(env, err)
	}
	names := map[uint]string{}
	for _, i := range all {
		names[i.ID] = i.Naam
	}
	targets, err := s.AlleDoelstellingen()
	if *naam != "" {
		i, ierr := s.InterventieByNaam(*naam)
		if ierr != nil {
			return refused(env, ierr)
		}
		targets, err = s.Doelstellingen(i.ID)
	}
	if err != nil {
		return failure(env, err)
	}
	for _, d := range targets {
		var members []string
		for _, id := range d.InterventieIDs {
			members = append(members, names[id])
		}
		line := fmt.Sprintf("%d\t%s\t%s\t%s", d.ID, d.Periode, store.Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid), strings.Join(members, ", "))
		if d.LaatsteJaar != nil {
			line += fmt.Sprintf("\tbeëindigd na %d: %s", *d.LaatsteJaar, d.EindeReden)
		}
		fmt.Fprintln(env.Stdout, line)
		revisions, err := s.Herzieningen(d.ID)
		if err != nil {
			return failure(env, err)
		}
		for _, h := range revisions {
			fmt.Fprintf(env.Stdout, "\therzien %s door %s: %s -> %s (%s)\n", store.FormatDatumTijd(h.Datum), h.Gebruiker,
				store.WaardeTekst(h.OudeWaarde, h.OudeWaardeTot), store.WaardeTekst(h.NieuweWaarde, h.NieuweWaardeTot), h.Reden)
		}
	}
	return ExitOK
}
