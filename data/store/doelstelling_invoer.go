package store

import (
	"fmt"
	"regexp"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/period"
)

// DoelstellingInvoer is a target as a user types it, in Interventie bewerken
// or on the command line: text fields, parsed and checked by
// ParseDoelstellingInvoer.
type DoelstellingInvoer struct {
	Interventies   []string // the names of the interventions sharing it (at least one)
	Omschrijving   string   // empty: the size and period in words
	Periode        string   // "2025", "2024/2025", "2025 t/m 2027", "jaarlijks"
	Soort          string   // minimaal, maximaal, precies, bandbreedte (or minimum, maximum, exact, band); empty: precies, or bandbreedte for "90-135"
	Waarde         string   // Dutch notation; "90-135" or "90 tot 135" for a band
	WaardeTot      string   // the upper bound of a band, when not in Waarde
	Eenheid        string   // empty: the unit of the only measure of the interventions
	Leeftijdsgroep string
	BronDocument   string
	BronSectie     string
}

// soortWoorden maps the words a user may type for a kind of target to it.
var soortWoorden = map[string]domain.Soort{
	"minimaal": domain.SoortMinimaal, "minimum": domain.SoortMinimaal, "min": domain.SoortMinimaal, "ten minste": domain.SoortMinimaal,
	"meer dan": domain.SoortMeerDan,
	"maximaal": domain.SoortMaximaal, "maximum": domain.SoortMaximaal, "max": domain.SoortMaximaal,
	"precies": domain.SoortPrecies, "exact": domain.SoortPrecies,
	"ongeveer":    domain.SoortOngeveer,
	"bandbreedte": domain.SoortBandbreedte, "band": domain.SoortBandbreedte, "tussen": domain.SoortBandbreedte,
}

// bandForm is a band typed in one field: "90-135", "90 – 135", "90 tot 135".
var bandForm = regexp.MustCompile(`^\s*([0-9.,]+)\s*(?:-|–|tot|t/m)\s*([0-9.,]+)\s*$`)

// ParseDoelstellingInvoer turns a typed target into a record with every
// problem at its field. It reads the store (the interventions and their
// measures) but writes nothing.
func (s *Store) ParseDoelstellingInvoer(in DoelstellingInvoer) (domain.Doelstelling, error) {
	var problems []domain.FieldError
	add := func(veld, format string, args ...any) {
		problems = append(problems, domain.FieldError{Veld: veld, Melding: fmt.Sprintf(format, args...)})
	}
	d := domain.Doelstelling{Omschrijving: strings.TrimSpace(in.Omschrijving), Eenheid: strings.TrimSpace(in.Eenheid),
		Leeftijdsgroep: strings.TrimSpace(in.Leeftijdsgroep),
		Bron:           domain.Bron{Document: strings.TrimSpace(in.BronDocument), Sectie: strings.TrimSpace(in.BronSectie)}}
	var units []string
	for _, naam := range in.Interventies {
		if strings.TrimSpace(naam) == "" {
			continue
		}
		i, err := s.InterventieByNaam(strings.TrimSpace(naam))
		if err != nil {
			if p := domain.FieldProblems(err); p != nil {
				problems = append(problems, p...)
				continue
			}
			return d, err
		}
		d.InterventieIDs = append(d.InterventieIDs, i.ID)
		maten, err := s.Maten(i.ID)
		if err != nil {
			return d, err
		}
		for _, m := range maten {
			units = appendUnique(units, m.Eenheid)
		}
		targets, err := s.Doelstellingen(i.ID)
		if err != nil {
			return d, err
		}
		for _, t := range targets {
			units = appendUnique(units, t.Eenheid)
		}
	}
	if len(in.Interventies) == 0 {
		add("interventies", "kies minstens één interventie")
	}
	if p, err := period.Parse(in.Periode); err != nil {
		add("periode", "%s", err.Error())
	} else {
		d.Periode = p.String()
	}
	waarde, tot := strings.TrimSpace(in.Waarde), strings.TrimSpace(in.WaardeTot)
	if m := bandForm.FindStringSubmatch(waarde); m != nil && tot == "" {
		waarde, tot = m[1], m[2]
	}
	switch soort := strings.ToLower(strings.TrimSpace(in.Soort)); {
	case soort == "" && tot != "":
		d.Soort = domain.SoortBandbreedte
	case soort == "":
		d.Soort = domain.SoortPrecies
	default:
		k, ok := soortWoorden[soort]
		if !ok {
			add("soort", "%q is geen soort doelstelling; kies minimaal, maximaal, precies of bandbreedte", in.Soort)
		}
		d.Soort = k
	}
	if v, err := dutchnum.Parse(waarde); err != nil {
		add("waarde", "%s", err.Error())
	} else {
		d.Waarde = v
	}
	if tot != "" {
		if v, err := dutchnum.Parse(tot); err != nil {
			add("waarde tot", "%s", err.Error())
		} else {
			d.WaardeTot = &v
		}
	}
	if d.Eenheid == "" {
		switch len(units) {
		case 1:
			d.Eenheid = units[0]
		case 0:
			add("eenheid", "geef op wat de doelstelling telt (bijvoorbeeld jongeren)")
		default:
			add("eenheid", "de interventie telt in meer eenheden (%s); kies er een", strings.Join(units, ", "))
		}
	}
	if d.Omschrijving == "" && d.Periode != "" && d.Eenheid != "" {
		p, _ := period.Parse(d.Periode)
		d.Omschrijving = Grootte(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid) + " (" + p.Label() + ")"
	}
	if err := d.Validate(); err != nil {
		for _, p := range domain.FieldProblems(err) {
			derived := p.Veld == "interventies" && len(in.Interventies) > 0 || p.Veld == "omschrijving" && in.Omschrijving == ""
			if !hasField(problems, p.Veld) && !derived {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		return d, &domain.ValidationError{Problemen: problems}
	}
	return d, nil
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// CreateDoelstellingInvoer parses a typed target and stores it (see
// CreateDoelstelling).
func (s *Store) CreateDoelstellingInvoer(in DoelstellingInvoer) (domain.Doelstelling, error) {
	d, err := s.ParseDoelstellingInvoer(in)
	if err != nil {
		return d, err
	}
	return d, s.CreateDoelstelling(&d)
}

// ReviseDoelstellingInvoer revises a target with a typed value ("3.700", or
// "90-135" for a band) and reason (see ReviseDoelstelling).
func (s *Store) ReviseDoelstellingInvoer(id uint, waarde, waardeTot, reden string) error {
	v, tot, err := parseRevision(waarde, waardeTot, reden)
	if err != nil {
		return err
	}
	return s.ReviseDoelstelling(id, v, tot, reden)
}

// parseRevision reads a typed revision: the new value ("3.700", or "90-135"
// for a band, or the band's upper bound in waardeTot) and the reason,
// which is required.
func parseRevision(waarde, waardeTot, reden string) (float64, *float64, error) {
	waarde, waardeTot = strings.TrimSpace(waarde), strings.TrimSpace(waardeTot)
	if m := bandForm.FindStringSubmatch(waarde); m != nil && waardeTot == "" {
		waarde, waardeTot = m[1], m[2]
	}
	var problems []domain.FieldError
	v, err := dutchnum.Parse(waarde)
	if err != nil {
		problems = append(problems, domain.FieldError{Veld: "waarde", Melding: err.Error()})
	}
	var tot *float64
	if waardeTot != "" {
		t, err := dutchnum.Parse(waardeTot)
		if err != nil {
			problems = append(problems, domain.FieldError{Veld: "waarde tot", Melding: err.Error()})
		}
		tot = &t
	}
	if strings.TrimSpace(reden) == "" {
		problems = append(problems, domain.FieldError{Veld: "reden", Melding: "geef de reden van de herziening op"})
	}
	if len(problems) > 0 {
		return 0, nil, &domain.ValidationError{Problemen: problems}
	}
	return v, tot, nil
}

// EndDoelstelling ends a target: it applies up to and including laatsteJaar
// and no longer after it. The reason is required and, like the year, lands
// in the audit trail.
func (s *Store) EndDoelstelling(id uint, laatsteJaar int, reden string) error {
	return s.Update(func(t *Tx) error { return t.endDoelstelling(id, laatsteJaar, reden) })
}

// endDoelstelling ends a target in this transaction (see EndDoelstelling).
func (t *Tx) endDoelstelling(id uint, laatsteJaar int, reden string) error {
	old, err := t.doelstelling(id)
	if err != nil {
		return err
	}
	if old.LaatsteJaar != nil {
		return fieldError("laatste jaar", "deze doelstelling is al beëindigd na %d", *old.LaatsteJaar)
	}
	ended := old
	ended.LaatsteJaar, ended.EindeReden = &laatsteJaar, strings.TrimSpace(reden)
	if ended.EindeReden == "" {
		return fieldError("reden", "geef de reden op waarom de doelstelling stopt")
	}
	if err := ended.Validate(); err != nil {
		return err
	}
	if err := t.checkEndAfterStart(ended); err != nil {
		return err
	}
	_, err = t.update(&old, &ended)
	return err
}

// checkEndAfterStart refuses to end a yearly target before it began: its
// period has no first year, so the first start year of the interventions
// sharing it is its beginning (an intervention without a known start sets
// no bound). A target with a period of its own is checked by Validate.
func (t *Tx) checkEndAfterStart(d domain.Doelstelling) error {
	if p, err := period.Parse(d.Periode); err != nil || !p.IsRecurring() || d.LaatsteJaar == nil {
		return nil
	}
	var first *domain.Interventie
	var members []domain.Interventie
	if err := t.db.Where("id IN ?", d.InterventieIDs).Order("id").Find(&members).Error; err != nil {
		return translate(err)
	}
	for k, i := range members {
		if i.Start.Jaar != nil && (first == nil || *i.Start.Jaar < *first.Start.Jaar) {
			first = &members[k]
		}
	}
	if first != nil && *d.LaatsteJaar < *first.Start.Jaar {
		return fieldError("laatste jaar", "%d ligt voor het begin van de interventie %s (%d); een jaarlijkse doelstelling kan niet eindigen voor ze begon",
			*d.LaatsteJaar, first.Naam, *first.Start.Jaar)
	}
	return nil
}

// Doelstelling reads one target with the interventions sharing it.
func (s *Store) Doelstelling(id uint) (domain.Doelstelling, error) {
	var d domain.Doelstelling
	if err := s.db.First(&d, id).Error; err != nil {
		return d, fmt.Errorf("doelstelling %d: %w", id, translate(err))
	}
	targets := []domain.Doelstelling{d}
	err := s.fillLinks(targets)
	return targets[0], err
}
