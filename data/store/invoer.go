package store

import (
	"fmt"
	"math"
	"strings"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// RecordBereikInvoerBatch parses typed reach for many interventions (the bulk
// grid) and records it in one transaction: all or nothing. Problems, from
// parsing or from storing, are reported per row as a *BatchError with the
// index into rows.
func (s *Store) RecordBereikInvoerBatch(rows []BereikInvoer) error {
	var batch BatchError
	parsed := make([]domain.Bereik, len(rows))
	for k, in := range rows {
		b, err := s.ParseBereikInvoer(in)
		if err != nil {
			batch.Rows = append(batch.Rows, RowError{Row: k, Err: err})
		}
		parsed[k] = b
	}
	if len(batch.Rows) > 0 {
		return &batch
	}
	return s.RecordBereikBatch(parsed)
}

// MetingInvoer is a measurement as a user types it in the Cijfers grid.
type MetingInvoer struct {
	IndicatorID         uint
	Periode             string
	Waarde              string // Dutch notation
	Vergelijkingswaarde string // Dutch notation; empty: none
	Status              string // empty: definitief
	BronDocument        string
	BronSectie          string
}

// ParseMetingInvoer turns a typed measurement into a record with every problem
// at its field; it writes nothing.
func (s *Store) ParseMetingInvoer(in MetingInvoer) (domain.Meting, error) {
	m := domain.Meting{IndicatorID: in.IndicatorID, Periode: strings.TrimSpace(in.Periode),
		Status: domain.Status(strings.TrimSpace(in.Status)),
		Bron:   domain.Bron{Document: strings.TrimSpace(in.BronDocument), Sectie: strings.TrimSpace(in.BronSectie)}}
	if m.Status == "" {
		m.Status = domain.StatusDefinitief
	}
	var problems []domain.FieldError
	v, err := dutchnum.Parse(in.Waarde)
	if err != nil {
		problems = append(problems, domain.FieldError{Veld: "waarde", Melding: err.Error()})
	}
	m.Waarde = v
	if strings.TrimSpace(in.Vergelijkingswaarde) != "" {
		c, err := dutchnum.Parse(in.Vergelijkingswaarde)
		if err != nil {
			problems = append(problems, domain.FieldError{Veld: "vergelijkingswaarde", Melding: err.Error()})
		}
		m.Vergelijkingswaarde = &c
	}
	var ind domain.Indicator
	if err := s.db.First(&ind, in.IndicatorID).Error; err != nil {
		return m, fieldError("indicator", "onbekende indicator (nummer %d)", in.IndicatorID)
	}
	if err := m.ValidateFor(&ind); err != nil {
		for _, p := range domain.FieldProblems(err) {
			if !hasField(problems, p.Veld) {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		return m, &domain.ValidationError{Problemen: problems}
	}
	return m, nil
}

// RecordMetingInvoer parses and records a typed measurement (see RecordMeting).
func (s *Store) RecordMetingInvoer(in MetingInvoer) (domain.Meting, error) {
	m, err := s.ParseMetingInvoer(in)
	if err != nil {
		return m, err
	}
	return m, s.RecordMeting(&m)
}

// ParseGeheel reads an optional whole number typed in a form field (a year, a
// month, an age): empty gives nil, anything else that is not a whole number
// gives a field error for veld.
func ParseGeheel(veld, tekst string) (*int, error) {
	if strings.TrimSpace(tekst) == "" {
		return nil, nil
	}
	v, err := dutchnum.Parse(tekst)
	if err != nil {
		return nil, fieldError(veld, "%s", err.Error())
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return nil, fieldError(veld, "%s is geen heel getal", strings.TrimSpace(tekst))
	}
	n := int(v)
	return &n, nil
}

// datumVormen are the ways a date may be typed: 22-11-2026, 22-11-26, 2026-11-22.
var datumVormen = []string{"2-1-2006", "02-01-2006", "2-1-06", "2006-01-02"}

// ParseDatum reads an optional date typed in Dutch order (22-11-2026) as
// midnight in the local time zone: empty gives the zero time.
func ParseDatum(veld, tekst string) (time.Time, error) {
	t := strings.ReplaceAll(strings.TrimSpace(tekst), "/", "-")
	if t == "" {
		return time.Time{}, nil
	}
	for _, form := range datumVormen {
		if d, err := time.ParseInLocation(form, t, time.Local); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fieldError(veld, "%q is geen datum; schrijf bijvoorbeeld %s", strings.TrimSpace(tekst),
		time.Now().Format("02-01-2006"))
}

// FormatDatumTijd writes a moment of the audit trail or a reach record in
// local time the Dutch way: 22-11-2026 14:03.
func FormatDatumTijd(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02-01-2006 15:04")
}

// Grootte writes a target or reach value with its kind and unit, as a form
// or detail view shows it: "minimaal 3.500 jongeren", "90 tot 135 meldingen".
func Grootte(soort domain.Soort, waarde float64, waardeTot *float64, eenheid string) string {
	v := dutchnum.FormatAuto(waarde)
	switch {
	case soort == domain.SoortBandbreedte && waardeTot != nil:
		v = fmt.Sprintf("%s tot %s", v, dutchnum.FormatAuto(*waardeTot))
	case soort != "" && soort != domain.SoortPrecies:
		v = string(soort) + " " + v
	}
	return strings.TrimSpace(v + " " + eenheid)
}

// WaardeTekst writes a target value as it is typed: "3.500", or "90-135"
// for a band.
func WaardeTekst(v float64, tot *float64) string {
	if tot == nil {
		return dutchnum.FormatAuto(v)
	}
	return dutchnum.FormatAuto(v) + "-" + dutchnum.FormatAuto(*tot)
}

// BereikInPeriode lists the reach recorded for interventions in one period
// (canonical form, as ParseBereikInvoer writes it), by intervention: one
// figure per measure.
func (s *Store) BereikInPeriode(periode string) (map[uint][]domain.Bereik, error) {
	var rows []domain.Bereik
	if err := s.db.Where("periode = ? AND interventie_id IS NOT NULL", periode).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[uint][]domain.Bereik, len(rows))
	for _, b := range rows {
		out[*b.InterventieID] = append(out[*b.InterventieID], b)
	}
	return out, nil
}
