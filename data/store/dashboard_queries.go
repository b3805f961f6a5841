package store

import (
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// LaatsteJaar is the latest calendar year the register has figures for: a
// yearly measurement, a reach figure of any period, or a dated target (up to
// its last year when it was ended); ok is false when there is none. The
// dashboard's years end there, so a figure just entered is never outside them.
func (s *Store) LaatsteJaar() (jaar int, ok bool, err error) {
	var meting, bereik *int
	if err = s.db.Model(&domain.Meting{}).Select("MAX(jaar)").Where("periode_soort = ?", period.Jaar).Scan(&meting).Error; err != nil {
		return 0, false, err
	}
	if err = s.db.Model(&domain.Bereik{}).Select("MAX(jaar)").Scan(&bereik).Error; err != nil {
		return 0, false, err
	}
	for _, v := range []*int{meting, bereik} {
		if v != nil && (!ok || *v > jaar) {
			jaar, ok = *v, true
		}
	}
	var doelen []domain.Doelstelling
	if err = s.db.Select("periode", "laatste_jaar").Find(&doelen).Error; err != nil {
		return 0, false, err
	}
	for _, d := range doelen {
		p, perr := period.Parse(d.Periode)
		if perr != nil || p.IsRecurring() {
			continue
		}
		laatste := p.End().AddDate(0, 0, -1).Year()
		if d.LaatsteJaar != nil && *d.LaatsteJaar < laatste {
			laatste = *d.LaatsteJaar
		}
		if !ok || laatste > jaar {
			jaar, ok = laatste, true
		}
	}
	return jaar, ok, nil
}
