package cli

import (
	"fmt"
	"io"
	"time"

	"jeugdmonitor/ui/rapport"
)

func runRapport(env Env, args []string) int {
	fs := newFlags(env, "rapport", "[--db PAD] [--presentatie NAAM] -o BESTAND.pdf|BESTAND.pptx",
		"Schrijft voor de raad een PDF-rapport (-o BESTAND.pdf: een titelpagina, elke grafiek met een tabel\n"+
			"van de kerncijfers eronder en de bronnen, en tot slot een lijst van alle bronnen) of een\n"+
			"PowerPoint-presentatie (-o BESTAND.pptx: een titeldia en per grafiek een dia met de kernboodschap\n"+
			"als titel en de bron op de dia en in de notities). De extensie kiest het formaat. Zonder\n"+
			"--presentatie alle grafieken van het dashboard.")
	db := dbFlag(fs)
	name := fs.String("presentatie", "", "naam van een opgeslagen presentatie")
	years := yearFlags(fs)
	out := fs.String("o", "", "uitvoerbestand (.pdf of .pptx)")
	overwrite := fs.Bool("overschrijven", false, "een bestaand uitvoerbestand vervangen")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *out == "" {
		return usageError(env, "-o is verplicht; gebruik --help")
	}
	format, err := rapport.FormaatVan(*out)
	if err != nil {
		return usageError(env, "%v", err)
	}
	s, err := openForReading(*db)
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	o, err := years.options(s)
	if err != nil {
		return failure(env, err)
	}
	in, err := rapport.Verzamel(s, *name, o, time.Now())
	if err != nil {
		return failure(env, err)
	}
	err = writeFileSafely(*out, *overwrite, func(w io.Writer) error { return rapport.Schrijf(w, format, in, nil) })
	if err != nil {
		return failure(env, err)
	}
	kind := "Rapport"
	if format == rapport.PPTX {
		kind = "Presentatie"
	}
	fmt.Fprintf(env.Stdout, "%s met %d grafieken geschreven naar %s\n", kind, len(in.Grafieken), *out)
	return ExitOK
}
