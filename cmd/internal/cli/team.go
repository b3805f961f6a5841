package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// teamFlag adds the --team option.
func teamFlag(fs *flag.FlagSet) *string {
	return fs.String("team", "", "teamdatabase (postgres://gebruiker@server:5432/database); standaard de laatst gebruikte.\n"+
		"Het wachtwoord komt uit PGPASSWORD, ~/.pgpass of wat op deze computer is onthouden (in het venster of\n"+
		"met 'jeugdmonitor team wachtwoord': in Windows Referentiebeheer, de sleutelbos van het bureaublad of\n"+
		"een bestand dat alleen u kunt lezen); het staat nooit in de database")
}

// teamAddress is the address given with --team, or else the one kept with
// the database s.
func teamAddress(s *store.Store, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	saved, ok, err := team.SavedServer(s)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", team.ErrNoServer
	}
	return saved, nil
}

// runTeam dispatches "team init|koppel".
func runTeam(env Env, args []string) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintln(env.Stdout, "Gebruik: jeugdmonitor team init|koppel|rechten|wachtwoord [opties]")
		fmt.Fprintln(env.Stdout, "\nEen teamregister in een PostgreSQL-database, gedeeld door de laptops van het team:")
		fmt.Fprintln(env.Stdout, "  init    richt een lege teamdatabase in met het register van deze database")
		fmt.Fprintln(env.Stdout, "  koppel  maakt een nieuwe database op deze laptop met het register van het team")
		fmt.Fprintln(env.Stdout, "  rechten geeft een PostgreSQL-rol lees- of schrijfrechten (alleen de eigenaar)")
		fmt.Fprintln(env.Stdout, "  wachtwoord onthoudt het wachtwoord van de teamdatabase op deze computer (of vergeet het)")
		fmt.Fprintln(env.Stdout, "Daarna: 'jeugdmonitor sync' en 'jeugdmonitor conflicten'.\n\nOpties:\n  -h, --help\n      deze hulp")
		return ExitOK
	}
	if len(args) == 0 {
		return usageError(env, "kies een actie: init, koppel, rechten of wachtwoord; gebruik --help")
	}
	switch args[0] {
	case "init":
		return runTeamInit(env, args[1:])
	case "koppel":
		return runTeamKoppel(env, args[1:])
	case "rechten":
		return runTeamRechten(env, args[1:])
	case "wachtwoord":
		return runTeamWachtwoord(env, args[1:])
	}
	return usageError(env, "onbekende actie %q: kies init, koppel, rechten of wachtwoord", args[0])
}

func runTeamInit(env Env, args []string) int {
	fs := newFlags(env, "team init", "--team URL [--db PAD]",
		"Richt een lege PostgreSQL-database in als teamdatabase, met alle gegevens van deze database\n"+
			"(het ingebouwde register en wat er is ingevoerd) als eerste wijzigingen van het team.\n"+
			"Deze database hoort daarna bij het team.")
	db := dbFlag(fs)
	url := teamFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *url == "" {
		return usageError(env, "--team is verplicht; gebruik --help")
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	srv, err := team.Connect(*url)
	if err != nil {
		return failure(env, err)
	}
	defer srv.Close()
	res, err := team.Init(s, srv)
	if err == nil {
		err = team.RememberServer(s, *url)
	}
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Teamdatabase ingericht met %d wijzigingen uit %s: de gegevens zoals ze nu zijn, en %d uit het wijzigingenlogboek (wie wat wanneer deed).\n",
		res.Verzonden, s.Path(), res.Geschiedenis)
	return ExitOK
}

func runTeamKoppel(env Env, args []string) int {
	fs := newFlags(env, "team koppel", "--team URL --db NIEUW-PAD",
		"Maakt op deze laptop een nieuwe database die bij het team hoort, met het register van het\n"+
			"team (het ingebouwde register wordt niet apart geladen). Een bestaand bestand wordt niet\n"+
			"overschreven.")
	db := dbFlag(fs)
	url := teamFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *url == "" || *db == "" {
		return usageError(env, "--team en --db zijn verplicht; gebruik --help")
	}
	srv, err := team.Connect(*url)
	if err != nil {
		return failure(env, err)
	}
	defer srv.Close()
	path, res, err := team.JoinNew(context.Background(), *db, *url, srv, nil)
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "%s hoort nu bij het team: %d wijzigingen ontvangen.\n", path, res.Ontvangen)
	return ExitOK
}

func runTeamRechten(env Env, args []string) int {
	fs := newFlags(env, "team rechten", "[--team URL] [--db PAD] --rol NAAM --recht lezen|schrijven",
		"Geeft een PostgreSQL-rol (een per medewerker, of een voor het team) het recht het teamregister\n"+
			"te lezen, of te lezen en wijzigingen toe te voegen. Alleen de eigenaar van de teamdatabase kan\n"+
			"dat; niemand krijgt het recht wijzigingen in het logboek van het team aan te passen.\n"+
			"Zonder --team: de teamdatabase die bij de database (--db) is onthouden.")
	db := dbFlag(fs)
	url := teamFlag(fs)
	role := fs.String("rol", "", "de PostgreSQL-rol (IT maakt hem: CREATE ROLE naam LOGIN PASSWORD …)")
	recht := fs.String("recht", "", "lezen of schrijven")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *role == "" || (*recht != string(team.RechtLezen) && *recht != string(team.RechtSchrijven)) {
		return usageError(env, "--rol en --recht lezen|schrijven zijn verplicht; gebruik --help")
	}
	dsn, err := keptOrGiven(*db, *url)
	if err != nil {
		return failure(env, err)
	}
	srv, err := team.Connect(dsn)
	if err != nil {
		return failure(env, err)
	}
	defer srv.Close()
	if err := srv.Grant(*role, team.Rechten(*recht)); err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "De rol %s mag nu %s in de teamdatabase.\n", *role, *recht)
	return ExitOK
}

// keptOrGiven is the address given with --team, or else the one kept with
// the database at path (opened for reading only).
func keptOrGiven(path, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	s, err := openForReading(path)
	if err != nil {
		return "", err
	}
	defer s.Close()
	return teamAddress(s, "")
}

func runTeamWachtwoord(env Env, args []string) int {
	fs := newFlags(env, "team wachtwoord", "[--team URL] [--db PAD] [--vergeet]",
		"Leest het wachtwoord van de teamdatabase van de invoer (in een terminal zonder het te tonen;\n"+
			"anders de eerste regel), controleert het met een verbinding en onthoudt het op deze computer:\n"+
			"in Windows Referentiebeheer, de sleutelbos van het bureaublad of een bestand dat alleen u kunt\n"+
			"lezen, nooit in de database. Daarna vinden sync en de andere commando's het zelf.\n"+
			"Zonder --team: de teamdatabase die bij de database (--db) is onthouden.")
	db := dbFlag(fs)
	url := teamFlag(fs)
	forget := fs.Bool("vergeet", false, "het onthouden wachtwoord weghalen")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	dsn, err := keptOrGiven(*db, *url)
	if err != nil {
		return failure(env, err)
	}
	address, password := team.SplitPassword(dsn)
	key, err := team.PasswordKey(address)
	if err != nil {
		return failure(env, err)
	}
	if *forget {
		if err := team.ForgetPassword(address); err != nil {
			return failure(env, err)
		}
		fmt.Fprintf(env.Stdout, "Het wachtwoord voor %s is vergeten.\n", key)
		return ExitOK
	}
	if password == "" {
		if password, err = readPassword(env, key); err != nil {
			return failure(env, err)
		}
	}
	srv, err := team.ConnectWithPassword(address, password)
	if err != nil {
		return failure(env, err)
	}
	srv.Close()
	place, err := team.RememberPassword(address, password)
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Het wachtwoord voor %s is onthouden in %s.\n", key, place)
	return ExitOK
}

// maxPasswordLine bounds what is read as a password.
const maxPasswordLine = 4096

// readPassword reads a password from the input: in a terminal after a
// prompt and without showing it, otherwise the first line.
func readPassword(env Env, key string) (string, error) {
	if env.Stdin == nil {
		return "", errors.New("geen invoer om het wachtwoord van te lezen")
	}
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(env.Stderr, "Wachtwoord voor %s: ", key)
		pw, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", fmt.Errorf("het wachtwoord kan niet worden gelezen: %w", err)
		}
		return string(pw), nil
	}
	line, err := bufio.NewReaderSize(io.LimitReader(env.Stdin, maxPasswordLine), maxPasswordLine).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("het wachtwoord kan niet worden gelezen: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("geen wachtwoord gelezen (geef het op de eerste regel van de invoer)")
	}
	return pw, nil
}

func runSync(env Env, args []string) int {
	fs := newFlags(env, "sync", "[--team URL] [--db PAD]",
		"Synchroniseert met de teamdatabase: stuurt de wijzigingen van deze laptop sinds de vorige keer\n"+
			"en haalt die van de anderen op. Afgebroken? Dan gaat de volgende keer verder waar het bleef.\n"+
			"Conflicten (hetzelfde gegeven op twee laptops gewijzigd) toont 'jeugdmonitor conflicten'.")
	db := dbFlag(fs)
	url := teamFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	dsn, err := teamAddress(s, *url)
	if err != nil {
		return failure(env, err)
	}
	srv, err := team.Connect(dsn)
	if err != nil {
		return failure(env, err)
	}
	defer srv.Close()
	res, err := team.Sync(context.Background(), s, srv, func(v team.Voortgang) { fmt.Fprintln(env.Stderr, v) })
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintln(env.Stdout, res.Tekst()+".")
	return ExitOK
}

func runConflicten(env Env, args []string) int {
	fs := newFlags(env, "conflicten", "[--alle] [--db PAD] | --kies NUMMER --houd eerste|tweede|terugzetten [--db PAD]",
		"Toont de gegevens die op twee laptops verschillend zijn gewijzigd, met beide waarden: eerst\n"+
			"de wijziging die het team het eerst bereikte, daarna die zonder weet daarvan is gemaakt.\n"+
			"Met --kies wordt een conflict opgelost: de gehouden waarde wordt de waarde (en gaat bij de\n"+
			"volgende sync naar het team), en de keuze wordt vastgelegd. Is het gegeven op de ene laptop\n"+
			"verwijderd en op de andere gewijzigd, dan zet --houd terugzetten het terug met de gewijzigde waarde.")
	db := dbFlag(fs)
	all := fs.Bool("alle", false, "ook de opgeloste conflicten")
	choose := fs.Uint("kies", 0, "nummer van het conflict dat u oplost")
	houd := fs.String("houd", "", "welke waarde blijft: eerste, tweede of terugzetten (een verwijderd gegeven met de gewijzigde waarde)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *choose != 0 || *houd != "" {
		if *choose == 0 || (*houd != team.KeuzeEerste && *houd != team.KeuzeTweede && *houd != team.KeuzeTerugzetten) {
			return usageError(env, "--kies NUMMER gaat samen met --houd eerste, --houd tweede of --houd terugzetten")
		}
		s, err := OpenDatabase(*db, store.Options{})
		if err != nil {
			return failure(env, err)
		}
		defer s.Close()
		if err := team.Resolve(s, *choose, *houd); err != nil {
			return failure(env, err)
		}
		if *houd == team.KeuzeTerugzetten {
			fmt.Fprintf(env.Stdout, "Conflict %d opgelost: het verwijderde gegeven is teruggezet met de gewijzigde waarde. Synchroniseer om het team dit te laten weten.\n", *choose)
		} else {
			fmt.Fprintf(env.Stdout, "Conflict %d opgelost: de %s waarde blijft. Synchroniseer om het team dit te laten weten.\n", *choose, *houd)
		}
		return ExitOK
	}
	s, err := openForReading(*db)
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	var list []team.Conflict
	if *all {
		list, err = team.AlleConflicten(s)
	} else {
		list, err = team.OpenConflicten(s)
	}
	if err != nil {
		return failure(env, err)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Geen conflicten.")
		return ExitOK
	}
	for _, c := range list {
		fmt.Fprintln(env.Stdout, c.Omschrijving())
	}
	return ExitOK
}
