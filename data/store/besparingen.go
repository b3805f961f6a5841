package store

import "jeugdmonitor/data/domain"

// Besparingen lists the realised savings, oldest period first.
func (s *Store) Besparingen() ([]domain.Besparing, error) {
	var out []domain.Besparing
	if err := s.db.Order("id").Find(&out).Error; err != nil {
		return nil, err
	}
	sortByPeriod(out, func(b domain.Besparing) string { return b.Periode })
	return out, nil
}

// BesparingTotalen lists the savings totals as the documents report them.
func (s *Store) BesparingTotalen() ([]domain.BesparingTotaal, error) {
	var out []domain.BesparingTotaal
	return out, s.db.Order("id").Find(&out).Error
}

// BesparingOverzicht sets the reported total of realised savings beside the sum
// of the lines, so a difference is shown rather than corrected.
type BesparingOverzicht struct {
	Regels []domain.Besparing
	// SomCent is the sum of the lines.
	SomCent int64
	// Gerapporteerd is the total as reported, with its source; nil when no
	// document reports one.
	Gerapporteerd *domain.BesparingTotaal
}

// VerschilCent is the reported total minus the sum of the lines (0 when no
// total is reported).
func (o BesparingOverzicht) VerschilCent() int64 {
	if o.Gerapporteerd == nil {
		return 0
	}
	return o.Gerapporteerd.BedragCent - o.SomCent
}

// Besparingsoverzicht gives the savings lines, their sum and the reported total.
func (s *Store) Besparingsoverzicht() (BesparingOverzicht, error) {
	var o BesparingOverzicht
	var err error
	if o.Regels, err = s.Besparingen(); err != nil {
		return o, err
	}
	for _, r := range o.Regels {
		o.SomCent += r.BedragCent
	}
	totals, err := s.BesparingTotalen()
	if err != nil {
		return o, err
	}
	if len(totals) > 0 {
		o.Gerapporteerd = &totals[len(totals)-1]
	}
	return o, nil
}
