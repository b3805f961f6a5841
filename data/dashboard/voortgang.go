package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// Leeg reports whether the dashboard has no figures of the user yet: no
// reach and no measurement beside those of the built-in register (a new
// database). The Overzicht then shows how to fill it.
func Leeg(s *store.Store) (bool, error) {
	docs, err := register.Builtin()
	if err != nil {
		return false, err
	}
	titels := make([]string, len(docs))
	for i, d := range docs {
		titels[i] = d.Titel
	}
	eigen, err := s.EigenCijfers(register.SeedUser, titels)
	return !eigen, err
}

// Voortgang counts the targets that apply to one calendar year (a target for
// that year or a yearly one, not ended) and how many of them the reach of
// that year meets; zonderBereik have no reach figure for the year in the
// target's unit.
type Voortgang struct {
	Jaar                          int
	Doelen, Gehaald, ZonderBereik int
}

// VoortgangVan derives the progress on the targets of a year from the
// targets and the reach recorded against them, as the cluster chart does.
func VoortgangVan(s *store.Store, jaar int) (Voortgang, error) {
	b := &bouwer{s: s, bronnen: map[string]bool{}}
	rows, err := b.doelRealisaties("", jaar)
	if err != nil {
		return Voortgang{}, err
	}
	v := Voortgang{Jaar: jaar, Doelen: len(rows)}
	for _, r := range rows {
		switch {
		case r.bereik == nil:
			v.ZonderBereik++
		case r.doel.Gehaald(r.bereik.Waarde):
			v.Gehaald++
		}
	}
	return v, nil
}

// kerncijfer writes the progress as a key figure: "0 van 2 gehaald", out of
// every target of the year, with the rest split in the explanation ("1 niet
// gehaald, 1 zonder bereikcijfer voor 2025"), so that a missing figure is
// never read as a target not met, nor the count as all the targets there are.
func (v Voortgang) kerncijfer() Kerncijfer {
	k := Kerncijfer{Label: fmt.Sprintf("Doelstellingen %d", v.Jaar), Berekend: true}
	if v.Doelen == 0 {
		k.Waarde, k.Toelichting = "geen", fmt.Sprintf("geen doelstelling voor %d of jaarlijks", v.Jaar)
		return k
	}
	if v.ZonderBereik == v.Doelen {
		k.Waarde = "nog geen bereikcijfers"
		woord := "doelstellingen"
		if v.Doelen == 1 {
			woord = "doelstelling"
		}
		k.Toelichting = fmt.Sprintf("%d %s voor %d, geen met een bereikcijfer voor dat jaar", v.Doelen, woord, v.Jaar)
		return k
	}
	k.Waarde = fmt.Sprintf("%d van %d gehaald", v.Gehaald, v.Doelen)
	var rest []string
	if niet := v.Doelen - v.ZonderBereik - v.Gehaald; niet > 0 {
		rest = append(rest, fmt.Sprintf("%d niet gehaald", niet))
	}
	if v.ZonderBereik > 0 {
		rest = append(rest, fmt.Sprintf("%d zonder bereikcijfer voor %d", v.ZonderBereik, v.Jaar))
	}
	k.Toelichting = strings.Join(rest, ", ")
	if len(rest) == 0 {
		k.Toelichting = "alle met een bereikcijfer voor " + strconv.Itoa(v.Jaar)
	}
	return k
}

// MetCijfers keeps the charts that have figures, in their order: what a
// presentation shows unless the user asks for the empty charts too.
func MetCijfers(gs []Grafiek) []Grafiek {
	var out []Grafiek
	for _, g := range gs {
		if g.HeeftGegevens() {
			out = append(out, g)
		}
	}
	return out
}
