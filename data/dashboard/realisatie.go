package dashboard

import (
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// doelRealisatie is one target of a year with the reach recorded against it.
type doelRealisatie struct {
	naam   string
	doel   domain.Doelstelling
	bereik *domain.Bereik
}

// doelRealisaties lists the targets of the interventions of a cluster (every
// cluster when it is empty) for one
// year (a target for that calendar year or a yearly one, not ended) with
// their reach in that year, in the target's unit: the intervention's own reach for a target of one intervention,
// the reach recorded against the target for a shared one. Reach of several
// interventions is never added up.
func (b *bouwer) doelRealisaties(cluster domain.Cluster, jaar int) ([]doelRealisatie, error) {
	all, err := b.s.Interventies(false)
	if err != nil {
		return nil, err
	}
	names := map[uint]string{}
	for _, in := range all {
		if cluster == "" || in.Cluster == cluster {
			names[in.ID] = in.Naam
		}
	}
	targets, err := b.s.AlleDoelstellingen()
	if err != nil {
		return nil, err
	}
	var out []doelRealisatie
	for _, t := range targets {
		if !t.GeldtVoor(period.Period{Kind: period.Jaar, Year: jaar}) {
			continue
		}
		var members []string
		for _, id := range t.InterventieIDs {
			if n, ok := names[id]; ok {
				members = append(members, n)
			}
		}
		if len(members) == 0 {
			continue
		}
		r := doelRealisatie{naam: strings.Join(members, ", "), doel: t}
		var reach []domain.Bereik
		if len(t.InterventieIDs) == 1 {
			reach, err = b.s.BereikVan(t.InterventieIDs[0])
		} else {
			reach, err = b.s.BereikVanDoelstelling(t.ID)
		}
		if err != nil {
			return nil, err
		}
		for k := range reach {
			if reach[k].PeriodeSoort == string(period.Jaar) && reach[k].Jaar == jaar &&
				strings.EqualFold(reach[k].Eenheid, t.Eenheid) {
				r.bereik = &reach[k]
			}
		}
		out = append(out, r)
	}
	return out, nil
}
