package domain

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/period"
)

// FieldError is a problem with one field, in Dutch, for the user.
type FieldError struct {
	// Veld is the field's label as the user sees it ("waarde", "periode").
	Veld string
	// Melding says what is wrong.
	Melding string
}

// Error gives "veld: melding".
func (e FieldError) Error() string { return e.Veld + ": " + e.Melding }

// ValidationError holds every problem found in one record, so a form can show
// each at its own field.
type ValidationError struct {
	Problemen []FieldError
}

// Error joins the problems into one Dutch message.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problemen))
	for i, p := range e.Problemen {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the message for one field, or "" when that field is fine.
func (e *ValidationError) For(veld string) string {
	for _, p := range e.Problemen {
		if p.Veld == veld {
			return p.Melding
		}
	}
	return ""
}

// FieldProblems returns the field problems inside err, or nil when err is not a
// validation error.
func FieldProblems(err error) []FieldError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Problemen
	}
	return nil
}

// problems collects field errors while a record is checked.
type problems []FieldError

func (p *problems) add(veld, format string, args ...any) {
	*p = append(*p, FieldError{Veld: veld, Melding: fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problemen: p}
}

// MinJaar and MaxJaar bound every year the application accepts: the years a
// period may lie in.
const (
	MinJaar = period.MinYear
	MaxJaar = period.MaxYear
)

func (p *problems) required(veld, value string) {
	if strings.TrimSpace(value) == "" {
		p.add(veld, "mag niet leeg zijn")
	}
}

func (p *problems) oneOf(veld, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		p.add(veld, "%s is niet toegestaan; kies uit: %s", foutmelding.Citeer(value), strings.Join(allowed, ", "))
	}
}

func (p *problems) year(veld string, jaar *int) {
	if jaar != nil && (*jaar < MinJaar || *jaar > MaxJaar) {
		p.add(veld, "jaar %d ligt buiten %d-%d", *jaar, MinJaar, MaxJaar)
	}
}

// finite checks a number with the one number check of every way in
// (dutchnum.CheckStored): finite and at most 15 digits.
func (p *problems) finite(veld string, v float64) bool {
	if _, err := dutchnum.CheckStored(v); err != nil {
		p.add(veld, "%s", err.Error())
		return false
	}
	return true
}

// periode checks a period text and returns the parsed period when valid.
func (p *problems) periode(veld, value string) (period.Period, bool) {
	per, err := period.Parse(value)
	if err != nil {
		p.add(veld, "%s", err.Error())
		return per, false
	}
	return per, true
}

func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// IsCountUnit reports whether a unit counts whole things (jongeren, lessen, ...).
func IsCountUnit(eenheid string) bool {
	return slices.Contains(CountUnits, strings.ToLower(strings.TrimSpace(eenheid)))
}

// amount checks a reach or target value against its unit: not negative, and a
// whole number where the unit counts things.
func (p *problems) amount(veld string, v float64, eenheid string) {
	if !p.finite(veld, v) {
		return
	}
	if v < 0 {
		p.add(veld, "mag niet negatief zijn (%s)", dutchnum.FormatAuto(v))
		return
	}
	if IsCountUnit(eenheid) && v != math.Trunc(v) {
		p.add(veld, "%s %s is geen heel aantal", dutchnum.FormatAuto(v), eenheid)
	}
}

// momentBefore reports whether a is strictly before b, comparing by year and,
// where both have one, month.
func momentBefore(a, b Moment) bool {
	if a.Jaar == nil || b.Jaar == nil {
		return false
	}
	if *a.Jaar != *b.Jaar {
		return *a.Jaar < *b.Jaar
	}
	if a.Maand == nil || b.Maand == nil {
		return false
	}
	return *a.Maand < *b.Maand
}

func (p *problems) moment(veld string, m Moment) {
	p.year(veld, m.Jaar)
	if m.Maand != nil && (*m.Maand < 1 || *m.Maand > 12) {
		p.add(veld, "maand %d bestaat niet", *m.Maand)
	}
	if m.Maand != nil && m.Jaar == nil {
		p.add(veld, "een maand zonder jaar kan niet")
	}
}

// Validate checks an intervention.
func (i *Interventie) Validate() error {
	var p problems
	p.teksten(i)
	p.required("naam", i.Naam)
	p.oneOf("cluster", string(i.Cluster), stringsOf(Clusters))
	p.oneOf("statuscategorie", string(i.StatusCategorie), stringsOf(StatusCategorieen))
	p.moment("start", i.Start)
	p.moment("beoogd einde", i.Einde)
	if i.Einde.Structureel && i.Einde.Jaar != nil {
		p.add("beoogd einde", "is structureel of heeft een jaar, niet allebei")
	}
	if momentBefore(i.Einde, i.Start) {
		p.add("beoogd einde", "ligt voor de start")
	}
	if i.LeeftijdVan != nil && (*i.LeeftijdVan < 0 || *i.LeeftijdVan > 120) {
		p.add("leeftijd van", "%d is geen leeftijd", *i.LeeftijdVan)
	}
	if i.LeeftijdTot != nil && (*i.LeeftijdTot < 0 || *i.LeeftijdTot > 120) {
		p.add("leeftijd tot", "%d is geen leeftijd", *i.LeeftijdTot)
	}
	if i.LeeftijdVan != nil && i.LeeftijdTot != nil && *i.LeeftijdTot < *i.LeeftijdVan {
		p.add("leeftijd tot", "ligt onder de leeftijd van (%d)", *i.LeeftijdVan)
	}
	for _, a := range i.Ambities {
		p.oneOf("ambities", a, Ambities)
	}
	p.notes("afgeleid", i.Afgeleid, InterventieAfleidbaar...)
	p.notes("veldbronnen", i.Veldbronnen, InterventieAfleidbaar...)
	return p.err()
}

// Validate checks a target.
func (d *Doelstelling) Validate() error {
	var p problems
	p.teksten(d)
	p.required("omschrijving", d.Omschrijving)
	p.periode("periode", d.Periode)
	p.oneOf("soort", string(d.Soort), stringsOf(Soorten))
	p.required("eenheid", d.Eenheid)
	p.amount("waarde", d.Waarde, d.Eenheid)
	p.band(d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
	if len(d.InterventieIDs) == 0 {
		p.add("interventies", "een doelstelling hoort bij minstens één interventie")
	}
	p.year("laatste jaar", d.LaatsteJaar)
	if d.LaatsteJaar != nil {
		p.required("reden", d.EindeReden)
		if per, err := period.Parse(d.Periode); err == nil && !per.IsRecurring() && !per.Contains(*d.LaatsteJaar) &&
			per.Start().Year() > *d.LaatsteJaar {
			p.add("laatste jaar", "%d ligt voor het begin van de periode %s", *d.LaatsteJaar, per.Label())
		}
	}
	p.notes("afgeleid", d.Afgeleid, DoelstellingAfleidbaar...)
	return p.err()
}

// GeldtVoor reports whether the target applies to reach in period p: it is
// set for p, or it is yearly ("jaarlijks") and p is one year (a calendar or a
// school year); and it was not ended before p begins.
func (d *Doelstelling) GeldtVoor(p period.Period) bool {
	own, err := period.Parse(d.Periode)
	switch {
	case err != nil || p.Validate() != nil:
		return false
	case d.LaatsteJaar != nil && p.Year > *d.LaatsteJaar:
		return false
	case own == p:
		return true
	}
	return own.IsRecurring() && (p.Kind == period.Jaar || p.Kind == period.Schooljaar)
}

// Validate checks a measure: a name and a unit, for one intervention.
func (m *Maat) Validate() error {
	var p problems
	p.teksten(m)
	if m.InterventieID == 0 {
		p.add("interventie", "een maat hoort bij een interventie")
	}
	p.required("maat", m.Naam)
	p.required("eenheid", m.Eenheid)
	return p.err()
}

// band checks the upper bound of a bandwidth: present exactly when the kind is
// bandbreedte, and not below the lower bound.
func (p *problems) band(soort Soort, van float64, tot *float64, eenheid string) {
	switch {
	case soort == SoortBandbreedte && tot == nil:
		p.add("waarde tot", "een bandbreedte heeft een bovengrens nodig")
	case soort != SoortBandbreedte && tot != nil:
		p.add("waarde tot", "alleen een bandbreedte heeft een bovengrens")
	case tot != nil:
		p.amount("waarde tot", *tot, eenheid)
		if *tot < van {
			p.add("waarde tot", "ligt onder de ondergrens %s", dutchnum.FormatAuto(van))
		}
	}
}

// Validate checks a reach figure and fills Jaar and PeriodeSoort from Periode.
func (b *Bereik) Validate() error {
	var p problems
	p.teksten(b)
	if (b.InterventieID == nil) == (b.DoelstellingID == nil) {
		p.add("interventie", "kies een interventie of een gedeelde doelstelling")
	}
	if per, ok := p.periode("periode", b.Periode); ok {
		if per.Kind == period.Jaarlijks {
			p.add("periode", "bereik hoort bij een bepaalde periode, niet bij \"jaarlijks\"")
		}
		b.Periode, b.Jaar, b.PeriodeSoort = per.String(), per.Year, string(per.Kind)
	}
	if b.Soort == "" {
		b.Soort = SoortPrecies
	}
	p.oneOf("soort", string(b.Soort), stringsOf(Soorten))
	p.required("eenheid", b.Eenheid)
	p.amount("waarde", b.Waarde, b.Eenheid)
	p.band(b.Soort, b.Waarde, b.WaardeTot, b.Eenheid)
	p.oneOf("status", string(b.Status), stringsOf(Statussen))
	p.notes("afgeleid", b.Afgeleid, BereikAfleidbaar...)
	return p.err()
}

// Validate checks an indicator. Its unit may be empty where the source names
// none (the two movements of Spoor 3); its values are then checked only for
// being finite and not negative.
func (i *Indicator) Validate() error {
	var p problems
	p.teksten(i)
	p.required("code", i.Code)
	p.required("naam", i.Naam)
	if i.Eenheid != "" {
		p.oneOf("eenheid", string(i.Eenheid), stringsOf(Eenheden))
	}
	p.oneOf("groep", string(i.Groep), stringsOf(IndicatorGroepen))
	return p.err()
}

// ValidateFor checks a measurement of the given indicator and fills Jaar and
// PeriodeSoort from Periode.
func (m *Meting) ValidateFor(ind *Indicator) error {
	var p problems
	p.teksten(m)
	if per, ok := p.periode("periode", m.Periode); ok {
		if per.Kind == period.Jaarlijks {
			p.add("periode", "een meting hoort bij een bepaalde periode, niet bij \"jaarlijks\"")
		}
		m.Periode, m.Jaar, m.PeriodeSoort = per.String(), per.Year, string(per.Kind)
	}
	p.measured("waarde", m.Waarde, ind.Eenheid)
	if m.Vergelijkingswaarde != nil {
		p.measured("vergelijkingswaarde", *m.Vergelijkingswaarde, ind.Eenheid)
	}
	p.oneOf("status", string(m.Status), stringsOf(Statussen))
	return p.err()
}

// measured checks a value in an indicator unit.
func (p *problems) measured(veld string, v float64, eenheid Eenheid) {
	if !p.finite(veld, v) {
		return
	}
	switch eenheid {
	case EenheidPercentage:
		if v < 0 || v > 100 {
			p.add(veld, "percentage %s ligt buiten 0-100", dutchnum.FormatAuto(v))
		}
	case EenheidAantal:
		p.amount(veld, v, "jeugdigen")
	default:
		if v < 0 {
			p.add(veld, "mag niet negatief zijn (%s)", dutchnum.FormatAuto(v))
		}
	}
}

// Validate checks a budget goal.
func (b *Begrotingsdoel) Validate() error {
	var p problems
	p.teksten(b)
	p.required("code", b.Code)
	p.required("naam", b.Naam)
	jaar := b.Begrotingsjaar
	p.year("begrotingsjaar", &jaar)
	return p.err()
}

// Validate checks a budget criterion.
func (c *Criterium) Validate() error {
	var p problems
	p.teksten(c)
	p.required("omschrijving", c.Omschrijving)
	if c.Streefwaarde != nil && p.finite("streefwaarde", *c.Streefwaarde) && (*c.Streefwaarde < 0 || *c.Streefwaarde > 100) {
		p.add("streefwaarde", "percentage %s ligt buiten 0-100", dutchnum.FormatAuto(*c.Streefwaarde))
	}
	if c.Soort != "" {
		p.oneOf("soort", string(c.Soort), stringsOf(Soorten))
	}
	p.year("referentiejaar", c.Referentiejaar)
	p.year("doeljaar", c.Doeljaar)
	if c.Referentiejaar != nil && c.Doeljaar != nil && *c.Doeljaar < *c.Referentiejaar {
		p.add("doeljaar", "ligt voor het referentiejaar %d", *c.Referentiejaar)
	}
	return p.err()
}

// Validate checks a budget line.
func (r *Begrotingsregel) Validate() error {
	var p problems
	p.teksten(r)
	jaar := r.Jaar
	p.year("jaar", &jaar)
	p.oneOf("soort", string(r.Soort), stringsOf(RegelSoorten))
	p.notes("afgeleid", r.Afgeleid, BegrotingsregelAfleidbaar...)
	return p.err()
}

// Validate checks a realised saving.
func (b *Besparing) Validate() error {
	var p problems
	p.teksten(b)
	p.periode("periode", b.Periode)
	p.required("omschrijving", b.Omschrijving)
	if b.BedragCent < 0 {
		p.add("bedrag", "een besparing is niet negatief")
	}
	return p.err()
}

// Validate checks a reported savings total.
func (b *BesparingTotaal) Validate() error {
	var p problems
	p.teksten(b)
	if b.BedragCent < 0 {
		p.add("bedrag", "een totaal is niet negatief")
	}
	return p.err()
}

// Validate checks a policy text.
func (t *Beleidstekst) Validate() error {
	var p problems
	p.teksten(t)
	p.oneOf("soort", string(t.Soort), stringsOf(TekstSoorten))
	p.required("titel", t.Titel)
	return p.err()
}

// Validate checks a target revision.
func (h *DoelstellingHerziening) Validate() error {
	var p problems
	p.teksten(h)
	p.required("reden", h.Reden)
	return p.err()
}
