package cli

import (
	"fmt"
	"os"

	"jeugdmonitor/data/store"
)

func runBackup(env Env, args []string) int {
	fs := newFlags(env, "backup", "-o BESTAND|- [--db PAD]",
		"Schrijft een samenhangende kopie van de hele database naar één bestand, ook terwijl het\n"+
			"programma draait, om te bewaren of naar een collega te sturen. Een bestaand bestand wordt\n"+
			"nooit overschreven. -o - schrijft de kopie naar standaarduitvoer (zoals bij export), om door\n"+
			"te geven aan een ander programma. Terugzetten: jeugdmonitor restore.")
	db := dbFlag(fs)
	out := fs.String("o", "", "het nieuwe bestand (- voor standaarduitvoer)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *out == "" {
		return usageError(env, "-o is verplicht; gebruik --help")
	}
	src, err := databasePath(*db)
	if err != nil {
		return failure(env, err)
	}
	if *out == "-" {
		if err := store.BackupStream(src, env.Stdout); err != nil {
			return failure(env, err)
		}
		return ExitOK
	}
	if err := store.BackupFile(src, *out); err != nil {
		return failure(env, err)
	}
	info, err := os.Stat(*out)
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Reservekopie gemaakt: %s (%d kB)\n", *out, (info.Size()+1023)/1024)
	return ExitOK
}
