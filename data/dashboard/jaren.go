package dashboard

import (
	"fmt"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/store"
)

// JarenKey is the database setting that holds the years last chosen on the
// dashboard ("2020-2024"), so the choice stays with the database.
const JarenKey = "overzicht.jaren"

// Standaard gives the year range of the dashboard: the years last chosen
// for this database (Onthoud), or else Voorgesteld; and the intervention
// and measure chosen for the chart bereik-interventie (GekozenInterventie,
// GekozenMaat).
func Standaard(s *store.Store) (Opties, error) {
	o, ok, err := Gekozen(s)
	if err == nil && !ok {
		o, err = Voorgesteld(s, time.Now().Year())
	}
	if err != nil {
		return o, err
	}
	if o.Interventie, err = GekozenInterventie(s); err != nil {
		return o, err
	}
	o.Maat, err = GekozenMaat(s)
	return o, err
}

// Gekozen gives the years last chosen for this database; ok is false when
// none were, or the stored value is not a valid range.
func Gekozen(s *store.Store) (o Opties, ok bool, err error) {
	v, found, err := s.Setting(JarenKey)
	if err != nil || !found {
		return Opties{}, false, err
	}
	if _, err := fmt.Sscanf(v, "%d-%d", &o.Van, &o.Tot); err != nil || !geldig(o) {
		return Opties{}, false, nil
	}
	return o, true, nil
}

// Onthoud stores the chosen years with the database (audited like every
// setting); choosing the years stored already writes nothing.
func Onthoud(s *store.Store, o Opties) error {
	if !geldig(o) {
		return fmt.Errorf("ongeldige jaren %d-%d", o.Van, o.Tot)
	}
	v := fmt.Sprintf("%d-%d", o.Van, o.Tot)
	if old, _, err := s.Setting(JarenKey); err != nil || old == v {
		return err
	}
	return s.SetSetting(JarenKey, v)
}

func geldig(o Opties) bool {
	return o.Van <= o.Tot && o.Van >= domain.MinJaar && o.Tot <= domain.MaxJaar
}

// Voorgesteld gives the five years up to the latest year that has figures
// (store.LaatsteJaar), or, when later, up to the latest year that has a
// target for that one calendar year and has begun (up to nu). A target for a
// plan period of several years (the Preventie met Gezag plan's 2024-2027) or
// a yearly one does not move the range: it would end it in a year that has
// not happened, with every chart of that year empty. Without either the range
// ends last year.
func Voorgesteld(s *store.Store, nu int) (Opties, error) {
	tot, ok, err := s.LaatsteJaar()
	if err != nil {
		return Opties{}, err
	}
	targets, err := s.AlleDoelstellingen()
	if err != nil {
		return Opties{}, err
	}
	for _, t := range targets {
		p, err := period.Parse(t.Periode)
		if err != nil || p.Kind != period.Jaar || p.Year > nu || !t.GeldtVoor(p) {
			continue
		}
		if !ok || p.Year > tot {
			tot, ok = p.Year, true
		}
	}
	if !ok {
		tot = nu - 1
	}
	return Opties{Van: tot - 4, Tot: tot}, nil
}
