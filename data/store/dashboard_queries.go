package store

import (
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// LaatsteMetingJaar is the latest calendar year with a yearly measurement of
// any indicator; ok is false when there is none.
func (s *Store) LaatsteMetingJaar() (jaar int, ok bool, err error) {
	var v *int
	err = s.db.Model(&domain.Meting{}).Select("MAX(jaar)").Where("periode_soort = ?", period.Jaar).Scan(&v).Error
	if err != nil || v == nil {
		return 0, false, err
	}
	return *v, true, nil
}
