package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// Indicatoren lists the indicators of a group (all groups when groep is empty),
// ordered as they were registered.
func (s *Store) Indicatoren(groep domain.IndicatorGroep) ([]domain.Indicator, error) {
	var out []domain.Indicator
	q := s.db.Order("id")
	if groep != "" {
		q = q.Where("groep = ?", groep)
	}
	return out, q.Find(&out).Error
}

// IndicatorByCode finds an indicator by its code.
func (s *Store) IndicatorByCode(code string) (domain.Indicator, error) {
	var i domain.Indicator
	err := s.db.Where("code = ?", code).First(&i).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return i, fieldError("indicator", "onbekende indicator %q", code)
	}
	return i, err
}

// CreateIndicator validates and stores a new indicator.
func (s *Store) CreateIndicator(i *domain.Indicator) error {
	return s.Update(func(t *Tx) error { return t.CreateIndicator(i) })
}

// CreateIndicator validates and stores a new indicator in this transaction.
func (t *Tx) CreateIndicator(i *domain.Indicator) error {
	if err := i.Validate(); err != nil {
		return err
	}
	err := t.insert(i)
	if errors.Is(err, ErrDuplicate) {
		return fieldError("code", "er is al een indicator met code %q", i.Code)
	}
	return err
}

// UpdateIndicator validates and saves a changed indicator (its name or
// headline message, say).
func (s *Store) UpdateIndicator(i *domain.Indicator) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return s.Update(func(t *Tx) error {
		var old domain.Indicator
		if err := t.db.First(&old, i.ID).Error; err != nil {
			return fmt.Errorf("indicator %d: %w", i.ID, translate(err))
		}
		_, err := t.update(&old, i)
		return err
	})
}

// Metingen lists the measurements of an indicator, oldest period first.
func (s *Store) Metingen(indicatorID uint) ([]domain.Meting, error) {
	var out []domain.Meting
	if err := s.db.Where("indicator_id = ?", indicatorID).Find(&out).Error; err != nil {
		return nil, err
	}
	sortByPeriod(out, func(m domain.Meting) string { return m.Periode })
	return out, nil
}

// RecordMeting validates and stores a measurement; a second one for the same
// indicator and period updates the first, audited.
func (s *Store) RecordMeting(m *domain.Meting) error {
	return s.Update(func(t *Tx) error { return t.RecordMeting(m) })
}

// RecordMeting validates and stores a measurement in this transaction (see
// Store.RecordMeting).
func (t *Tx) RecordMeting(m *domain.Meting) error {
	var ind domain.Indicator
	if err := t.db.First(&ind, m.IndicatorID).Error; err != nil {
		return fieldError("indicator", "onbekende indicator (nummer %d)", m.IndicatorID)
	}
	if err := m.ValidateFor(&ind); err != nil {
		return err
	}
	var existing domain.Meting
	err := t.db.Where("indicator_id = ? AND periode = ?", m.IndicatorID, m.Periode).First(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		m.ID = 0
		return t.insert(m)
	case err != nil:
		return err
	}
	m.ID = existing.ID
	_, err = t.update(&existing, m)
	return err
}

// DeleteMeting removes one measurement, audited.
func (s *Store) DeleteMeting(id uint) error {
	return s.Update(func(t *Tx) error {
		var m domain.Meting
		if err := t.db.First(&m, id).Error; err != nil {
			return fmt.Errorf("meting %d: %w", id, translate(err))
		}
		return t.remove(&m)
	})
}
