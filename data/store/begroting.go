package store

import (
	"jeugdmonitor/data/domain"
)

// Begrotingsdoelen lists the budget goals by code.
func (s *Store) Begrotingsdoelen() ([]domain.Begrotingsdoel, error) {
	var out []domain.Begrotingsdoel
	return out, s.db.Order("code").Find(&out).Error
}

// Criteria lists the criteria of a budget goal.
func (s *Store) Criteria(begrotingsdoelID uint) ([]domain.Criterium, error) {
	var out []domain.Criterium
	return out, s.db.Where("begrotingsdoel_id = ?", begrotingsdoelID).Order("id").Find(&out).Error
}

// Begrotingsregels lists the budget lines of a budget goal by year.
func (s *Store) Begrotingsregels(begrotingsdoelID uint) ([]domain.Begrotingsregel, error) {
	var out []domain.Begrotingsregel
	return out, s.db.Where("begrotingsdoel_id = ?", begrotingsdoelID).Order("jaar").Order("id").Find(&out).Error
}
