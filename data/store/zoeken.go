package store

import (
	"slices"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// InterventieFilter narrows the register as a user searches it; empty fields
// do not filter.
type InterventieFilter struct {
	// Tekst is searched, ignoring case, in the name, organisation, target
	// group, code, goal, way of working, status and results.
	Tekst      string
	Cluster    domain.Cluster
	Status     domain.StatusCategorie
	Uitvoerder string // one organisation; matches "GGD, Sociaal wijkteam" for GGD
	Ambitie    string
	// Jaar keeps the interventions that run in that calendar year; 0 does not filter.
	Jaar int
}

// Match reports whether an intervention passes the filter.
func (f InterventieFilter) Match(i domain.Interventie) bool {
	switch {
	case f.Cluster != "" && i.Cluster != f.Cluster:
		return false
	case f.Status != "" && i.StatusCategorie != f.Status:
		return false
	case f.Uitvoerder != "" && !slices.Contains(Organisaties(i.Uitvoerder), f.Uitvoerder):
		return false
	case f.Ambitie != "" && !slices.Contains(i.Ambities, f.Ambitie):
		return false
	case f.Jaar != 0 && !LooptIn(i, f.Jaar):
		return false
	}
	words := strings.Fields(strings.ToLower(f.Tekst))
	if len(words) == 0 {
		return true
	}
	haystack := strings.ToLower(strings.Join([]string{i.Naam, i.Uitvoerder, i.Doelgroep, i.Code, i.Doel,
		i.Werkwijze, i.StatusTekst, i.Resultaten, string(i.Cluster)}, "\n"))
	for _, w := range words {
		if !strings.Contains(haystack, w) {
			return false
		}
	}
	return true
}

// Filter returns the interventions that pass the filter, in their order.
func (f InterventieFilter) Filter(all []domain.Interventie) []domain.Interventie {
	var out []domain.Interventie
	for _, i := range all {
		if f.Match(i) {
			out = append(out, i)
		}
	}
	return out
}

// LooptIn reports whether an intervention runs in a calendar year: it started
// in or before that year (or its start is unknown) and has not ended before it
// (its end is structural, unknown, or in or after that year).
func LooptIn(i domain.Interventie, jaar int) bool {
	if i.Start.Jaar != nil && *i.Start.Jaar > jaar {
		return false
	}
	return i.Einde.Structureel || i.Einde.Jaar == nil || *i.Einde.Jaar >= jaar
}

// Organisaties splits an intervention's organisation field ("GGD, Sociaal
// wijkteam") into the organisations it names.
func Organisaties(uitvoerder string) []string {
	var out []string
	for _, part := range strings.Split(uitvoerder, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// AlleOrganisaties lists every organisation named by the interventions, sorted.
func AlleOrganisaties(all []domain.Interventie) []string {
	var out []string
	for _, i := range all {
		for _, o := range Organisaties(i.Uitvoerder) {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// DoelVoorPeriode returns the target that reach in periode, counted in
// eenheid, is measured against (see Doelstelling.GeldtVoor): a target in
// that unit (any unit when eenheid is empty) set for the same period before
// a yearly one. It returns nil when none applies.
func DoelVoorPeriode(targets []domain.Doelstelling, periode, eenheid string) *domain.Doelstelling {
	p, err := period.Parse(periode)
	if err != nil {
		return nil
	}
	var recurring *domain.Doelstelling
	for k := range targets {
		t := &targets[k]
		if !t.GeldtVoor(p) || (eenheid != "" && !strings.EqualFold(strings.TrimSpace(eenheid), strings.TrimSpace(t.Eenheid))) {
			continue
		}
		if t.Periode == p.String() {
			return t
		}
		if recurring == nil {
			recurring = t
		}
	}
	return recurring
}

// Realisatie is reach as a percentage of its target (of the lower bound for a
// bandwidth). It reports false when there is no target, the target is zero,
// or the units differ, so no percentage can honestly be given.
func Realisatie(waarde float64, eenheid string, d *domain.Doelstelling) (float64, bool) {
	if d == nil || d.Waarde <= 0 || !strings.EqualFold(strings.TrimSpace(eenheid), strings.TrimSpace(d.Eenheid)) {
		return 0, false
	}
	return waarde / d.Waarde * 100, true
}

// WijzigingKeuzes lists the entities and the users that occur in the audit
// trail, sorted, for the filters of the audit view.
func (s *Store) WijzigingKeuzes() (entiteiten, gebruikers []string, err error) {
	if err = s.db.Model(&domain.Wijziging{}).Distinct("entiteit").Order("entiteit").Pluck("entiteit", &entiteiten).Error; err != nil {
		return nil, nil, err
	}
	err = s.db.Model(&domain.Wijziging{}).Distinct("gebruiker").Order("gebruiker").Pluck("gebruiker", &gebruikers).Error
	return entiteiten, gebruikers, err
}
