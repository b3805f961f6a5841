package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/store"
)

func runCBSBijwerken(env Env, args []string) int {
	fs := newFlags(env, "cbs-bijwerken", "[--db PAD] [--gemeente GM0193 --gemeentenaam Zwolle] [--bevestig] [--dry-run]",
		"Haalt de bekende CBS-tabellen over jeugdzorg ("+joinTabellen()+") rechtstreeks op\n"+
			"bij de open-datadienst van CBS (OData), voor de gemeente en Nederland, en werkt de\n"+
			"indicatoren bij in één keer, met de wijzigingen in het logboek. Een cijfer dat niet\n"+
			"veranderd is blijft zoals het is. Reeksen zonder indicator worden pas een nieuwe indicator\n"+
			"met --bevestig; zonder blijven ze buiten. Zonder internet zegt het dat, en verandert er niets.\n"+
			"Een andere dienst (bijvoorbeeld een testserver) met de omgevingsvariabele "+odata.URLVariabele+".")
	db := dbFlag(fs)
	gemeente := fs.String("gemeente", cbs.Zwolle, "regiocode van de gemeente")
	naam := fs.String("gemeentenaam", "Zwolle", "naam van de gemeente")
	confirm := fs.Bool("bevestig", false, "de nieuwe indicatoren aanmaken zoals getoond")
	dryRun := fs.Bool("dry-run", false, "alleen ophalen en tonen, niets opslaan")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	code, err := cbs.GemeenteCode(*gemeente)
	if err != nil {
		return usageError(env, "fout: %v; er is niets opgehaald", err)
	}
	s, err := OpenDatabase(*db, store.Options{})
	if err != nil {
		return failure(env, err)
	}
	defer s.Close()
	if s.ReadOnly() && !*dryRun {
		return failure(env, fmt.Errorf("de database is alleen-lezen geopend (%s); er is niets veranderd", s.Notice()))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := odata.Nieuw()
	fmt.Fprintf(env.Stdout, "CBS StatLine (OData) via %s: %d tabellen voor %s en Nederland.\n", c.Host(), len(odata.Tabellen()), code)
	res, err := c.Ophalen(ctx, s, cbs.Opties{Gemeente: code, GemeenteNaam: *naam}, time.Now(), func(v odata.Voortgang) {
		if v.Deel == 1 {
			fmt.Fprintf(env.Stdout, "[%d/%d] %s opgehaald\n", v.Nummer, v.Aantal, v.Tabel)
		}
	})
	if err != nil {
		return failure(env, err)
	}
	tellingen, err := cbs.Bijwerken(ctx, s, res, *confirm, false)
	if err != nil {
		return failure(env, err)
	}
	veranderd := false
	for _, t := range tellingen {
		veranderd = veranderd || t.Nieuw+t.Gewijzigd+len(t.NieuweIndicatoren) > 0
	}
	if veranderd && !*dryRun {
		var pad string
		if tellingen, pad, err = odata.Opslaan(ctx, s, res, *confirm, time.Now()); err != nil {
			return failure(env, err)
		}
		fmt.Fprintln(env.Stdout, "Reservekopie vooraf:", pad)
	}
	zonder := 0
	for _, t := range tellingen {
		fmt.Fprintf(env.Stdout, "%s (%s): %s\n", t.Tabel, cbs.Tabellen[t.Tabel], t)
		for _, n := range t.NieuweIndicatoren {
			fmt.Fprintln(env.Stdout, "  Nieuwe indicator:", n)
		}
		for _, w := range t.Wijzigingen {
			fmt.Fprintln(env.Stdout, "  Gewijzigd:", w)
		}
		zonder += t.ZonderIndicator
	}
	switch {
	case *dryRun:
		fmt.Fprintln(env.Stdout, "Proef: er is niets opgeslagen.")
	case !veranderd:
		fmt.Fprintln(env.Stdout, "Alles is al bijgewerkt: er is niets veranderd.")
	default:
		fmt.Fprintln(env.Stdout, "Opgeslagen, met de wijzigingen in het logboek.")
	}
	if zonder > 0 {
		fmt.Fprintf(env.Stdout, "Reeksen zonder indicator zijn overgeslagen; herhaal met --bevestig om ze als nieuwe indicator aan te maken (zie --dry-run --bevestig).\n")
	}
	return ExitOK
}

// joinTabellen lists the known tables: "84134NED, 85097NED, ...".
func joinTabellen() string {
	out := ""
	for i, id := range odata.Tabellen() {
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}
