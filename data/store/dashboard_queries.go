package store

import (
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// LaatsteJaar is the latest calendar year with a yearly figure: a
// measurement or a reach figure for a whole year (the periods the dashboard
// draws); ok is false when there is none. The dashboard's default years end
// there, so a figure just entered is never outside them. Targets do not
// count: the register's plans run to 2027, and years without figures would
// leave every chart empty.
func (s *Store) LaatsteJaar() (jaar int, ok bool, err error) {
	for _, model := range []any{&domain.Meting{}, &domain.Bereik{}} {
		var v *int
		if err = s.db.Model(model).Select("MAX(jaar)").Where("periode_soort = ?", period.Jaar).Scan(&v).Error; err != nil {
			return 0, false, err
		}
		if v != nil && (!ok || *v > jaar) {
			jaar, ok = *v, true
		}
	}
	return jaar, ok, nil
}

// EigenCijfers reports whether the database holds a reach figure recorded by
// someone other than gebruiker, or a measurement whose source is none of
// documenten: figures a user entered or imported, beside those of the
// built-in register (whose recorder and documents the caller names).
func (s *Store) EigenCijfers(gebruiker string, documenten []string) (bool, error) {
	var n int64
	if err := s.db.Model(&domain.Bereik{}).Where("gebruiker <> ?", gebruiker).Limit(1).Count(&n).Error; err != nil || n > 0 {
		return n > 0, err
	}
	q := s.db.Model(&domain.Meting{})
	if len(documenten) > 0 {
		q = q.Where("bron_document NOT IN ?", documenten)
	}
	err := q.Limit(1).Count(&n).Error
	return n > 0, err
}
