package dashboard

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// Maatkeuze is, for the chart bereik-interventie, the intervention shown,
// the measures it can be shown in and the measure shown; empty for other
// charts.
type Maatkeuze struct {
	Interventie string
	// Maten are the intervention's measures with yearly reach in the years
	// or a target in their unit, in the order they were added.
	Maten []KeuzeMaat
	// Maat is the name of the measure shown, Standaard that of the measure
	// shown when none is chosen (standaardMaat).
	Maat, Standaard string
}

// KeuzeMaat is a measure to choose: its name and the unit it counts in.
type KeuzeMaat struct {
	Naam, Eenheid string
}

// Label names the measure with its unit, "groepsactiviteiten
// (activiteiten)", or only "jongeren" when it is named after its unit.
func (m KeuzeMaat) Label() string {
	if strings.EqualFold(m.Naam, m.Eenheid) {
		return m.Naam
	}
	return m.Naam + " (" + m.Eenheid + ")"
}

// Namen lists the names of the measures.
func (k Maatkeuze) Namen() []string {
	out := make([]string, len(k.Maten))
	for i, m := range k.Maten {
		out[i] = m.Naam
	}
	return out
}

// reeksMaat is a measure the chart of one intervention can show: one of its
// measures, or the unit of a target no figure has been counted in yet,
// named after that unit as a first figure in it would make it.
type reeksMaat struct {
	id            uint // 0: a target's unit without a measure
	naam, eenheid string
}

// telt reports whether a yearly figure of the intervention is in this
// measure: by its measure, or by its unit for a figure without one.
func (m reeksMaat) telt(r store.BereikJaartotaal) bool {
	if m.id != 0 && r.MaatID != 0 {
		return r.MaatID == m.id
	}
	return strings.EqualFold(r.Eenheid, m.eenheid)
}

// matenVan lists the measures the chart of intervention id can show: its
// measures with yearly reach in rows or a target in their unit, then the
// units of targets that no measure counts in.
func (b *bouwer) matenVan(rows []store.BereikJaartotaal, id uint, targets []domain.Doelstelling) ([]reeksMaat, error) {
	all, err := b.s.Maten(id)
	if err != nil {
		return nil, err
	}
	var out []reeksMaat
	known := make([]reeksMaat, 0, len(all))
	for _, m := range all {
		rm := reeksMaat{id: m.ID, naam: m.Naam, eenheid: m.Eenheid}
		known = append(known, rm)
		if heeftDoelIn(targets, m.Eenheid) || aantalCijfers(rows, id, rm) > 0 {
			out = append(out, rm)
		}
	}
	for _, t := range targets {
		if !heeftMaatIn(known, t.Eenheid) && !heeftNaam(known, t.Eenheid) {
			rm := reeksMaat{naam: t.Eenheid, eenheid: t.Eenheid}
			known, out = append(known, rm), append(out, rm)
		}
	}
	return out, nil
}

func heeftDoelIn(targets []domain.Doelstelling, eenheid string) bool {
	for _, t := range targets {
		if strings.EqualFold(t.Eenheid, eenheid) {
			return true
		}
	}
	return false
}

// aantalCijfers counts the yearly figures of intervention id in measure m.
func aantalCijfers(rows []store.BereikJaartotaal, id uint, m reeksMaat) int {
	n := 0
	for _, r := range rows {
		if r.InterventieID == id && m.telt(r) {
			n++
		}
	}
	return n
}

func heeftMaatIn(maten []reeksMaat, eenheid string) bool {
	for _, m := range maten {
		if strings.EqualFold(m.eenheid, eenheid) {
			return true
		}
	}
	return false
}

func heeftNaam(maten []reeksMaat, naam string) bool {
	for _, m := range maten {
		if strings.EqualFold(m.naam, naam) {
			return true
		}
	}
	return false
}

// standaardMaat is the measure the chart shows unless another is chosen:
// of the measures in the unit of the intervention's latest target (by
// period), or of all when it has none, the one with the most yearly figures
// in the years, then the one with the latest figure, then the first added.
func standaardMaat(maten []reeksMaat, rows []store.BereikJaartotaal, id uint, targets []domain.Doelstelling) (reeksMaat, bool) {
	var best reeksMaat
	var bestScore [2]int
	found := false
	for _, m := range maten {
		if len(targets) > 0 && !strings.EqualFold(m.eenheid, targets[len(targets)-1].Eenheid) {
			continue
		}
		var score [2]int // figures, latest year
		for _, r := range rows {
			if r.InterventieID == id && m.telt(r) {
				score[0]++
				score[1] = max(score[1], r.Jaar)
			}
		}
		if !found || slices.Compare(score[:], bestScore[:]) > 0 {
			best, bestScore, found = m, score, true
		}
	}
	return best, found
}

// toonMaat is the measure the chart of intervention id shows: the one named
// in the options when the intervention has it, or else the default; false
// when it has none.
func (b *bouwer) toonMaat(maten []reeksMaat, rows []store.BereikJaartotaal, id uint, targets []domain.Doelstelling) (reeksMaat, bool) {
	for _, m := range maten {
		if b.o.Maat != "" && strings.EqualFold(m.naam, b.o.Maat) {
			return m, true
		}
	}
	return standaardMaat(maten, rows, id, targets)
}

// MaatKey is the database setting that holds the measure chosen for the
// chart bereik-interventie, with the intervention it belongs to:
// "NUMMER:NAAM" (the intervention's number and the measure's name; empty:
// the default measure, see standaardMaat).
const MaatKey = "overzicht.maat"

// GekozenMaat gives the name of the measure chosen for the chart
// bereik-interventie, or "" when none was chosen or it was chosen for
// another intervention than the one chosen now (the chart then shows the
// default measure, as it does for a measure that no longer exists).
func GekozenMaat(s *store.Store) (string, error) {
	v, found, err := s.Setting(MaatKey)
	if err != nil || !found {
		return "", err
	}
	id, naam, ok := strings.Cut(v, ":")
	if !ok || naam == "" {
		return "", nil
	}
	in, found, err := s.Setting(InterventieKey)
	if err != nil || !found || in != id {
		return "", err
	}
	return naam, nil
}

// OnthoudMaat stores the measure chosen for the chart bereik-interventie
// with the database, together with the intervention it is a measure of (a
// measure is chosen for the intervention the chart shows, so choosing it
// keeps that intervention rather than the automatic choice); maat ""
// returns to the intervention's default measure. Both settings change in
// one transaction, audited; choosing what is stored writes nothing.
func OnthoudMaat(s *store.Store, interventie, maat string) error {
	in, err := s.InterventieByNaam(interventie)
	if err != nil {
		return err
	}
	id := strconv.FormatUint(uint64(in.ID), 10)
	waarde := ""
	if maat = strings.TrimSpace(maat); maat != "" {
		waarde = id + ":" + maat
	}
	return zetInstellingen(s, map[string]string{InterventieKey: id, MaatKey: waarde})
}

// zetInstellingen stores the settings that differ from what is stored, in
// one transaction; a setting that is not there and should be empty is left
// out.
func zetInstellingen(s *store.Store, want map[string]string) error {
	changed := map[string]string{}
	for k, v := range want {
		old, found, err := s.Setting(k)
		if err != nil {
			return err
		}
		if old != v && (found || v != "") {
			changed[k] = v
		}
	}
	if len(changed) == 0 {
		return nil
	}
	keys := slices.Sorted(maps.Keys(changed))
	return s.Update(func(t *store.Tx) error {
		for _, k := range keys {
			if err := t.SetSetting(k, changed[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// ControleerMaat checks that the measure named in o is one the chart
// bereik-interventie can show for its intervention in the years of o; the
// Dutch error names the measures it has.
func ControleerMaat(s *store.Store, o Opties) error {
	if o.Maat == "" {
		return nil
	}
	g, err := Bouw(s, bereikInterventieNaam, o)
	if err != nil {
		return err
	}
	k := g.Maatkeuze
	if k.Interventie == "" {
		return fmt.Errorf("onbekende maat %q: de grafiek %s toont geen interventie in %d-%d", o.Maat, bereikInterventieNaam, o.Van, o.Tot)
	}
	for _, m := range k.Maten {
		if strings.EqualFold(m.Naam, o.Maat) {
			return nil
		}
	}
	if len(k.Maten) == 0 {
		return fmt.Errorf("onbekende maat %q: %s heeft geen maat met cijfers per jaar in %d-%d of een doelstelling", o.Maat, k.Interventie, o.Van, o.Tot)
	}
	return fmt.Errorf("onbekende maat %q voor %s; bekende maten: %s", o.Maat, k.Interventie, strings.Join(k.Namen(), ", "))
}
