package cli

import (
	"fmt"

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
	path, err := store.CreateNew(*out, dashboard.VulDemo)
	if err != nil {
		return failure(env, err)
	}
	fmt.Fprintf(env.Stdout, "Demodatabase gemaakt: %s (fictieve cijfers)\n", path)
	return ExitOK
}
