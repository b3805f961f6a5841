package cli

import (
	"fmt"
	"io"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/store"
)

func runExport(env Env, args []string) int {
	fs := newFlags(env, "export", "--what SOORT --format json|csv|xlsx [--db PAD] [-o BESTAND]",
		"Schrijft gegevens uit de database, met de bron van elk gegeven. CSV is zoals Nederlandse\n"+
			"Excel het leest (puntkomma, UTF-8 met BOM, decimale komma). XLSX is een Excel-werkmap met\n"+
			"een werkblad per soort (\"alles\": alle soorten). Zonder -o naar het scherm (niet voor XLSX);\n"+
			"-o - schrijft naar standaarduitvoer (ook XLSX), om door te geven aan een ander programma.")
	db := dbFlag(fs)
	what := fs.String("what", "", "wat: "+joinValues(export.Kinds))
	format := fs.String("format", "json", "formaat: "+joinValues(export.Formats))
	out := fs.String("o", "", "uitvoerbestand (- voor standaarduitvoer)")
	overwrite := fs.Bool("overschrijven", false, "een bestaand uitvoerbestand vervangen")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if !oneOf(*what, export.Kinds) {
		return usageError(env, "--what moet een van %s zijn", joinValues(export.Kinds))
	}
	if !oneOf(*format, export.Formats) {
		return usageError(env, "--format moet %s zijn", joinValues(export.Formats))
	}
	if *what == string(export.KindAlles) && *format == string(export.FormatCSV) {
		return usageError(env, "\"alles\" kan alleen als JSON of XLSX; kies voor CSV één soort")
	}
	if *format == string(export.FormatXLSX) && *out == "" {
		return usageError(env, "een Excel-werkmap gaat naar een bestand; geef -o BESTAND.xlsx")
	}
	s, err := openForReading(*db)
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	write := func(w io.Writer) error { return export.Write(w, s, export.Kind(*what), export.Format(*format)) }
	if *out == "" || *out == "-" {
		err = write(env.Stdout)
	} else {
		err = writeFileSafely(*out, *overwrite, write)
	}
	if err != nil {
		return failure(env, err)
	}
	return ExitOK
}

func runBereik(env Env, args []string) int {
	fs := newFlags(env, "bereik", "--interventie NAAM --periode PERIODE --waarde GETAL [opties]",
		"Legt het bereik van een interventie in een periode vast, met dezelfde controles als het\n"+
			"invoerscherm. Bestaat er al bereik voor die maat en periode, dan wordt het bijgewerkt (en\n"+
			"gelogd); een cijfer in een andere maat of eenheid is een eigen reeks en overschrijft niets.\n"+
			"Periode: 2024, 2024-H1, 2024-K3 of 2023/2024. Waarde in Nederlandse notatie: 3.612 of 12,5.")
	db := dbFlag(fs)
	var in store.BereikInvoer
	fs.StringVar(&in.Interventie, "interventie", "", "naam van de interventie")
	fs.StringVar(&in.Periode, "periode", "", "periode")
	fs.StringVar(&in.Waarde, "waarde", "", "bereikt aantal")
	fs.StringVar(&in.Maat, "maat", "", "maat (wat er geteld is, bijvoorbeeld diagnostiek); standaard de maat in de eenheid")
	fs.StringVar(&in.Eenheid, "eenheid", "", "eenheid (standaard die van de maat of de doelstelling)")
	fs.StringVar(&in.Status, "status", string(domain.StatusDefinitief), "voorlopig of definitief")
	fs.StringVar(&in.Bron, "bron", "", "bron van het cijfer")
	fs.StringVar(&in.Notitie, "notitie", "", "toelichting")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	for flagName, value := range map[string]string{"interventie": in.Interventie, "periode": in.Periode, "waarde": in.Waarde} {
		if value == "" {
			return usageError(env, "--%s is verplicht; gebruik --help", flagName)
		}
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	b, err := s.RecordBereikInvoer(in)
	if err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "Opgeslagen: %s, %s, %s: %s %s (%s)\n", in.Interventie, b.MaatNaam, b.Periode,
		dutchnum.FormatAuto(b.Waarde), b.Eenheid, b.Status)
	return ExitOK
}

// refused reports a refused change: every field problem on its own line and
// that nothing was stored, or another error as a failure.
func refused(env Env, err error) int {
	problems := domain.FieldProblems(err)
	if problems == nil {
		return failure(env, err)
	}
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "fout in %s: %s\n", p.Veld, p.Melding)
	}
	fmt.Fprintln(env.Stderr, "Er is niets opgeslagen.")
	return ExitError
}

func runCheck(env Env, args []string) int {
	fs := newFlags(env, "check", "[--db PAD]",
		"Controleert een database zonder er iets in te schrijven: of het een Jeugdmonitor-database is,\n"+
			"de schemaversie, de integriteit van het bestand en de verwijzingen.")
	db := dbFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	s, err := OpenDatabase(*db, store.Options{ReadOnly: true, SoleConnection: true})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	report, err := s.Check()
	if err != nil {
		return failure(env, err)
	}
	notes, err := store.Situation(s.Path())
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Database:     %s\n", s.Path())
	fmt.Fprintf(env.Stdout, "Schemaversie: %d (dit programma: %d)\n", report.Version, store.SchemaVersion())
	if report.OK() {
		fmt.Fprintln(env.Stdout, "Integriteit:  in orde")
	}
	for _, p := range report.Problems {
		fmt.Fprintln(env.Stdout, "Probleem:    ", p)
	}
	for _, n := range append(report.Warnings, notes...) {
		fmt.Fprintln(env.Stdout, "Let op:      ", n)
	}
	if !report.OK() || len(notes) > 0 {
		return ExitError
	}
	return ExitOK
}

func runNieuw(env Env, args []string) int {
	fs := newFlags(env, "nieuw", "--db PAD",
		"Maakt een nieuwe database met het ingebouwde register (alle interventies, doelstellingen en\n"+
			"cijfers uit de brondocumenten). Een bestaand bestand wordt nooit overschreven.")
	db := fs.String("db", "", "pad van de nieuwe database")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *db == "" {
		return usageError(env, "--db is verplicht; gebruik --help")
	}
	path, err := store.CreateNew(*db, seedBuiltin)
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Nieuwe database gemaakt: %s\n", path)
	return ExitOK
}
