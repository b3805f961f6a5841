package cli

import (
	"fmt"
	"time"

	"jeugdmonitor/data/importer"
)

func runRestore(env Env, args []string) int {
	fs := newFlags(env, "restore", "BESTAND [--db PAD]",
		"Zet een reservekopie (gemaakt met jeugdmonitor backup of door het programma) of een volledige\n"+
			"export (jeugdmonitor export --what alles --format json) terug als database. Eerst wordt\n"+
			"gecontroleerd dat het een gave Jeugdmonitor-database of volledige export is; de huidige\n"+
			"database wordt bewaard in de map backups ernaast. Gaat er iets mis, dan blijft de huidige\n"+
			"database zoals hij was. Sluit Jeugdmonitor voordat u terugzet.")
	db := dbFlag(fs)
	file, code := parseWithFile(fs, args)
	if code >= 0 {
		return code
	}
	target, err := databasePath(*db)
	if err != nil {
		return failure(env, err)
	}
	kept, err := importer.Herstel(file, target, time.Now())
	if err != nil {
		return failure(env, err)
	}
	if kept != "" {
		fmt.Fprintln(env.Stdout, "De vorige database is bewaard als", kept)
	}
	fmt.Fprintf(env.Stdout, "Teruggezet: %s is nu %s\n", file, target)
	return ExitOK
}
