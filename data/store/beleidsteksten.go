package store

import "jeugdmonitor/data/domain"

// Beleidsteksten lists the policy texts of one kind (all when soort is empty),
// in the order of the documents.
func (s *Store) Beleidsteksten(soort domain.TekstSoort) ([]domain.Beleidstekst, error) {
	var out []domain.Beleidstekst
	q := s.db.Order("id")
	if soort != "" {
		q = q.Where("soort = ?", soort)
	}
	return out, q.Find(&out).Error
}
