package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/period"
)

// BereikInvoer is reach as a user types it, in a form or on the command line:
// text fields, parsed and checked by RecordBereikInvoer.
type BereikInvoer struct {
	Interventie string // the intervention's name
	Periode     string // "2024", "2024-H1", "2023/2024", ...
	Waarde      string // Dutch notation: "3.612", "520,5"
	Maat        string // the measure's name; empty: the one in Eenheid, or the only one
	Eenheid     string // empty: the unit of the measure, or of the intervention's targets
	Status      string // empty: definitief
	Bron        string
	Notitie     string
}

// ParseBereikInvoer turns typed reach into a record, with every problem at its
// field. It reads the store (the intervention, its targets' unit) but writes
// nothing.
func (s *Store) ParseBereikInvoer(in BereikInvoer) (domain.Bereik, error) {
	var problems []domain.FieldError
	add := func(veld, msg string) { problems = append(problems, domain.FieldError{Veld: veld, Melding: msg}) }
	b := domain.Bereik{Periode: strings.TrimSpace(in.Periode), Eenheid: strings.TrimSpace(in.Eenheid),
		MaatNaam: strings.TrimSpace(in.Maat),
		Status:   domain.Status(strings.TrimSpace(in.Status)), BronTekst: strings.TrimSpace(in.Bron),
		Notitie: strings.TrimSpace(in.Notitie), Soort: domain.SoortPrecies}
	if b.Status == "" {
		b.Status = domain.StatusDefinitief
	}
	if strings.TrimSpace(in.Interventie) == "" {
		add("interventie", "kies een interventie")
	} else if i, err := s.InterventieByNaam(strings.TrimSpace(in.Interventie)); err != nil {
		if p := domain.FieldProblems(err); p != nil {
			problems = append(problems, p...)
		} else {
			return b, err
		}
	} else {
		b.InterventieID = &i.ID
		if b.Eenheid == "" {
			if err := s.defaultUnit(&b); err != nil {
				if p := domain.FieldProblems(err); p != nil {
					problems = append(problems, p...)
				} else {
					return b, err
				}
			}
		}
	}
	v, err := dutchnum.Parse(in.Waarde)
	if err != nil {
		add("waarde", err.Error())
	}
	b.Waarde = v
	if err := b.Validate(); err != nil {
		for _, p := range domain.FieldProblems(err) {
			if p.Veld == "interventie" && b.InterventieID == nil {
				continue // already reported above
			}
			if p.Veld == "waarde" && hasField(problems, "waarde") {
				continue
			}
			if p.Veld == "eenheid" && (hasField(problems, "eenheid") || hasField(problems, "maat")) {
				continue
			}
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return b, &domain.ValidationError{Problemen: problems}
	}
	return b, nil
}

func hasField(problems []domain.FieldError, veld string) bool {
	for _, p := range problems {
		if p.Veld == veld {
			return true
		}
	}
	return false
}

// defaultUnit fills the unit of an intervention's figure typed without one:
// the unit of the measure it names, or of the intervention's only measure,
// or of its most recent target. A field error says what to choose when none
// of these gives one unit.
func (s *Store) defaultUnit(b *domain.Bereik) error {
	maten, err := s.Maten(*b.InterventieID)
	if err != nil {
		return err
	}
	if b.MaatNaam != "" {
		for _, m := range maten {
			if strings.EqualFold(m.Naam, b.MaatNaam) {
				b.MaatNaam, b.Eenheid = m.Naam, m.Eenheid
				return nil
			}
		}
		return fieldError("eenheid", "de maat %q is nieuw; geef op wat ze telt (bijvoorbeeld jongeren)", b.MaatNaam)
	}
	switch len(maten) {
	case 1:
		b.MaatNaam, b.Eenheid = maten[0].Naam, maten[0].Eenheid
		return nil
	case 0:
	default:
		return fieldError("maat", "deze interventie heeft meer maten (%s); kies er een", maatNamen(maten))
	}
	targets, err := s.Doelstellingen(*b.InterventieID)
	if err != nil {
		return err
	}
	if len(targets) == 0 {
		return fieldError("eenheid", "deze interventie heeft nog geen maat of doelstelling; geef de eenheid op (bijvoorbeeld jongeren)")
	}
	b.Eenheid = targets[len(targets)-1].Eenheid
	return nil
}

// RecordBereikInvoer parses typed reach and records it (see RecordBereik).
func (s *Store) RecordBereikInvoer(in BereikInvoer) (domain.Bereik, error) {
	b, err := s.ParseBereikInvoer(in)
	if err != nil {
		return b, err
	}
	return b, s.RecordBereik(&b)
}

// RecordBereik validates and stores reach. A second figure for the same
// intervention, measure and period (or shared target and period) updates
// the first, audited; it never becomes a duplicate. A figure in another
// measure or unit is another series (see maatResolver.resolve).
func (s *Store) RecordBereik(b *domain.Bereik) error {
	work := *b // b keeps no measure of a transaction that is rolled back
	err := s.Update(func(t *Tx) error { return t.RecordBereik(&work) })
	if err == nil {
		*b = work
	}
	return err
}

// RecordBereikBatch stores many reach figures in one transaction: all or
// nothing. Problems are reported per row (index into rows).
func (s *Store) RecordBereikBatch(rows []domain.Bereik) error {
	var batch BatchError
	for i := range rows {
		if err := rows[i].Validate(); err != nil {
			batch.Rows = append(batch.Rows, RowError{Row: i, Err: err})
		}
	}
	if len(batch.Rows) > 0 {
		return &batch
	}
	work := slices.Clone(rows) // rows keep no measure of a transaction that is rolled back
	err := s.Update(func(t *Tx) error {
		for i := range work {
			if err := t.RecordBereik(&work[i]); err != nil {
				return &BatchError{Rows: []RowError{{Row: i, Err: err}}}
			}
		}
		return nil
	})
	if err == nil {
		copy(rows, work)
	}
	return err
}

// RowError is a problem with one row of a batch.
type RowError struct {
	Row int
	Err error
}

// BatchError lists the rows of a batch that could not be stored; when it is
// returned, nothing of the batch was stored.
type BatchError struct {
	Rows []RowError
}

// Error summarises the rows in Dutch.
func (e *BatchError) Error() string {
	parts := make([]string, len(e.Rows))
	for i, r := range e.Rows {
		parts[i] = fmt.Sprintf("rij %d: %v", r.Row+1, r.Err)
	}
	return "niets opgeslagen; " + strings.Join(parts, "; ")
}

// RecordBereik validates and stores reach in this transaction (see
// Store.RecordBereik).
func (t *Tx) RecordBereik(b *domain.Bereik) error {
	_, err := t.recordBereik(b)
	return err
}

// recordBereik stores reach and returns the figure it replaced (nil when it
// added one).
func (t *Tx) recordBereik(b *domain.Bereik) (*domain.Bereik, error) {
	if (b.InterventieID == nil) == (b.DoelstellingID == nil) {
		return nil, b.Validate() // names the missing owner
	}
	if err := t.checkReachOwner(b); err != nil {
		return nil, err
	}
	if err := newMaatResolver(t).resolve(b); err != nil {
		return nil, err
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	b.Gebruiker, b.Vastgelegd = t.user, t.at
	var existing domain.Bereik
	q := t.db.Where("periode = ?", b.Periode)
	if b.InterventieID != nil {
		q = q.Where("interventie_id = ? AND maat_id = ?", *b.InterventieID, *b.MaatID)
	} else {
		q = q.Where("doelstelling_id = ?", *b.DoelstellingID)
	}
	err := q.First(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		b.ID = 0
		return nil, t.insert(b)
	case err != nil:
		return nil, err
	}
	b.ID = existing.ID
	previous := existing
	_, err = t.update(&existing, b)
	return &previous, err
}

// checkReachOwner makes sure the intervention or target of a reach exists.
func (t *Tx) checkReachOwner(b *domain.Bereik) error {
	var n int64
	if b.InterventieID != nil {
		if err := t.db.Model(&domain.Interventie{}).Where("id = ?", *b.InterventieID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fieldError("interventie", "onbekende interventie (nummer %d)", *b.InterventieID)
		}
		return nil
	}
	if err := t.db.Model(&domain.Doelstelling{}).Where("id = ?", *b.DoelstellingID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return fieldError("doelstelling", "onbekende doelstelling (nummer %d)", *b.DoelstellingID)
	}
	return nil
}

// BereikVan lists the reach of one intervention, oldest period first.
func (s *Store) BereikVan(interventieID uint) ([]domain.Bereik, error) {
	var out []domain.Bereik
	if err := s.db.Where("interventie_id = ?", interventieID).Find(&out).Error; err != nil {
		return nil, err
	}
	sortByPeriod(out, func(b domain.Bereik) string { return b.Periode })
	return out, nil
}

// BereikVanDoelstelling lists the reach recorded against a shared target.
func (s *Store) BereikVanDoelstelling(doelstellingID uint) ([]domain.Bereik, error) {
	var out []domain.Bereik
	if err := s.db.Where("doelstelling_id = ?", doelstellingID).Find(&out).Error; err != nil {
		return nil, err
	}
	sortByPeriod(out, func(b domain.Bereik) string { return b.Periode })
	return out, nil
}

// DeleteBereik removes one reach figure, audited.
func (s *Store) DeleteBereik(id uint) error {
	return s.Update(func(t *Tx) error {
		var b domain.Bereik
		if err := t.db.First(&b, id).Error; err != nil {
			return fmt.Errorf("bereik %d: %w", id, translate(err))
		}
		return t.remove(&b)
	})
}

// sortByPeriod orders records by their period (periods that do not parse last).
func sortByPeriod[T any](rows []T, periodOf func(T) string) {
	key := func(r T) (period.Period, bool) {
		p, err := period.Parse(periodOf(r))
		return p, err == nil
	}
	slices.SortStableFunc(rows, func(a, b T) int {
		pa, oka := key(a)
		pb, okb := key(b)
		switch {
		case oka && okb:
			return pa.Compare(pb)
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
}
