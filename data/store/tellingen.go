package store

import "jeugdmonitor/data/domain"

// Tellingen counts the records of each kind in a database.
type Tellingen struct {
	Interventies   int64
	Doelstellingen int64
	Bereik         int64
	Indicatoren    int64
	Metingen       int64
	Begroting      int64
	Besparingen    int64
	Wijzigingen    int64
}

// Tel counts the records of each kind.
func (s *Store) Tel() (Tellingen, error) {
	var t Tellingen
	for _, c := range []struct {
		model any
		n     *int64
	}{
		{&domain.Interventie{}, &t.Interventies}, {&domain.Doelstelling{}, &t.Doelstellingen},
		{&domain.Bereik{}, &t.Bereik}, {&domain.Indicator{}, &t.Indicatoren}, {&domain.Meting{}, &t.Metingen},
		{&domain.Begrotingsdoel{}, &t.Begroting}, {&domain.Besparing{}, &t.Besparingen},
		{&domain.Wijziging{}, &t.Wijzigingen},
	} {
		if err := s.db.Model(c.model).Count(c.n).Error; err != nil {
			return t, err
		}
	}
	return t, nil
}
