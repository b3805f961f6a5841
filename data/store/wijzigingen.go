package store

import (
	"time"

	"jeugdmonitor/data/domain"
)

// WijzigingFilter narrows the audit trail; empty fields do not filter.
type WijzigingFilter struct {
	Entiteit   string
	EntiteitID uint
	Gebruiker  string
	Vanaf      time.Time // inclusive
	Tot        time.Time // exclusive
	// VoorID keeps the rows numbered below it (0: all), to read the trail
	// a page at a time.
	VoorID uint
	Limit  int
}

// Wijzigingen lists the audit trail, newest first.
func (s *Store) Wijzigingen(f WijzigingFilter) ([]domain.Wijziging, error) {
	q := s.db.Order("id DESC")
	if f.Entiteit != "" {
		q = q.Where("entiteit = ?", f.Entiteit)
	}
	if f.EntiteitID != 0 {
		q = q.Where("entiteit_id = ?", f.EntiteitID)
	}
	if f.Gebruiker != "" {
		q = q.Where("gebruiker = ?", f.Gebruiker)
	}
	if !f.Vanaf.IsZero() {
		q = q.Where("tijd >= ?", f.Vanaf.UTC())
	}
	if !f.Tot.IsZero() {
		q = q.Where("tijd < ?", f.Tot.UTC())
	}
	if f.VoorID != 0 {
		q = q.Where("id < ?", f.VoorID)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []domain.Wijziging
	if err := q.Find(&out).Error; err != nil {
		return nil, describeReadError(err)
	}
	return out, nil
}
