package importer

import (
	"context"
	"fmt"

	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/spreadsheet"
)

// cbsRun reads a CBS StatLine file and, when schrijven is set, it has no
// problems and its new indicators are confirmed, stores its series in one
// transaction. The file is read once: what
// is stored is what was read, and, after a Controleer, only when the file is
// still what that check read.
func (im *Import) cbsRun(ctx context.Context, voortgang func(Voortgang), schrijven bool) (*Rapport, error) {
	var res *cbs.Resultaat
	afdruk, err := im.lees(func() error {
		tab, err := spreadsheet.OpenTable(im.Pad, im.Blad)
		if err != nil {
			return err
		}
		defer tab.Close()
		res, err = cbs.Lees(ctx, im.store, tab, im.CBSOpties, func(n int) {
			if voortgang != nil {
				voortgang(Voortgang{Fase: "controleren", Rijen: n})
			}
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	rapport := &Rapport{Rijen: res.Rijen}
	for _, m := range res.Problemen {
		rapport.probleem(Probleem{Rij: m.Rij, Melding: m.Tekst})
	}
	rapport.MeerProblemen += res.MeerProblemen
	for _, m := range res.Overgeslagen {
		rapport.Overgeslagen = append(rapport.Overgeslagen, Probleem{Rij: m.Rij, Melding: m.Tekst})
	}
	for _, r := range res.Reeksen {
		if r.Nieuw {
			rapport.NieuweIndicatoren = append(rapport.NieuweIndicatoren, fmt.Sprintf("%s (%s)", r.Indicator.Code, r.Indicator.Naam))
		}
	}
	if rapport.Nieuw, rapport.Bijgewerkt, err = res.Telling(im.store); err != nil {
		return nil, err
	}
	wijzigingen, err := res.Wijzigingen(im.store)
	if err != nil {
		return nil, err
	}
	for _, w := range wijzigingen {
		rapport.Wijzigingen = append(rapport.Wijzigingen, w.String())
	}
	if !schrijven {
		im.gecontroleerd = &afdruk
		return rapport, nil
	}
	if err := im.zoalsGecontroleerd(afdruk); err != nil {
		return rapport, err
	}
	if !rapport.OK() {
		return rapport, ErrProblemen
	}
	if len(rapport.NieuweIndicatoren) > 0 && !im.IndicatorenBevestigd {
		return rapport, ErrIndicatorenNietBevestigd
	}
	if err := im.backupFirst(rapport); err != nil {
		return rapport, err
	}
	nieuw, bijgewerkt, err := res.Opslaan(ctx, im.store, func(klaar, totaal int) {
		if voortgang != nil && (klaar%progressEvery == 0 || klaar == totaal) {
			voortgang(Voortgang{Fase: "opslaan", Rijen: klaar, Totaal: totaal})
		}
	})
	if err != nil {
		return rapport, err
	}
	rapport.Nieuw, rapport.Bijgewerkt, rapport.Opgeslagen = nieuw, bijgewerkt, true
	return rapport, nil
}
