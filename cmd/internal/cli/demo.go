package cli

import (
	"fmt"
	"os"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
)

func runDemo(env Env, args []string) int {
	fs := newFlags(env, "demo", "-o BESTAND",
		"Maakt een NIEUWE, aparte database met verzonnen maar geloofwaardige cijfers voor training en\n"+
			"demonstraties. Elke grafiek eruit draagt \"DEMO - fictieve cijfers\". Het ingebouwde register\n"+
			"wordt er nooit in geladen; een bestaand bestand wordt nooit overschreven.")
	out := fs.String("o", "", "pad van de nieuwe demodatabase")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *out == "" {
		return usageError(env, "-o is verplicht; gebruik --help")
	}
	if _, err := os.Stat(*out); err == nil {
		return failure(env, fmt.Errorf("%s bestaat al; een bestaand bestand wordt niet overschreven", *out))
	}
	s, err := store.Open(*out, store.Options{Create: true})
	if err != nil {
		return failure(env, err)
	}
	path := s.Path()
	err = dashboard.VulDemo(s)
	s.Close()
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Demodatabase gemaakt: %s (fictieve cijfers)\n", path)
	return ExitOK
}
