package store

import (
	"errors"
	"strings"

	"jeugdmonitor/data/domain"
)

// DoelstellingActie is what a DoelstellingWijziging does to a target.
type DoelstellingActie string

// The changes Interventie bewerken makes to targets.
const (
	DoelstellingToevoegen  DoelstellingActie = "toevoegen"
	DoelstellingHerzien    DoelstellingActie = "herzien"
	DoelstellingBeeindigen DoelstellingActie = "beëindigen"
)

// DoelstellingWijziging is one change to the targets of an intervention, as
// typed: Interventie bewerken collects them and stores them only with the
// intervention (UpdateInterventieMetDoelstellingen), so Annuleren leaves
// the targets as they were.
type DoelstellingWijziging struct {
	Actie DoelstellingActie
	// Nieuw is the target to add (DoelstellingToevoegen).
	Nieuw DoelstellingInvoer
	// ID is the target to revise or end.
	ID uint
	// Waarde is the revised value ("3.700", or "90-135" for a band).
	Waarde string
	// LaatsteJaar is the last year an ended target applies to.
	LaatsteJaar string
	// Reden says why the target is revised or ended; it is required.
	Reden string
}

// preparedChange is a DoelstellingWijziging read into what the store writes.
type preparedChange struct {
	actie       DoelstellingActie
	nieuw       domain.Doelstelling
	id          uint
	waarde      float64
	waardeTot   *float64
	laatsteJaar int
	reden       string
}

// prepare reads typed changes (reading the store, writing nothing); the
// first change with problems returns them at their fields.
func (s *Store) prepare(ws []DoelstellingWijziging) ([]preparedChange, error) {
	out := make([]preparedChange, len(ws))
	for k, w := range ws {
		c := preparedChange{actie: w.Actie, id: w.ID, reden: strings.TrimSpace(w.Reden)}
		var err error
		switch w.Actie {
		case DoelstellingToevoegen:
			c.nieuw, err = s.ParseDoelstellingInvoer(w.Nieuw)
		case DoelstellingHerzien:
			c.waarde, c.waardeTot, err = parseRevision(w.Waarde, "", w.Reden)
		case DoelstellingBeeindigen:
			var y *int
			if y, err = ParseGeheel("laatste jaar", w.LaatsteJaar); err == nil && y == nil {
				err = fieldError("laatste jaar", "geef het laatste jaar op waarin de doelstelling geldt")
			}
			if y != nil {
				c.laatsteJaar = *y
			}
		default:
			err = errors.New("onbekende wijziging van een doelstelling: " + string(w.Actie))
		}
		if err != nil {
			return nil, err
		}
		out[k] = c
	}
	return out, nil
}

// apply stores one prepared change in this transaction, audited.
func (t *Tx) apply(c preparedChange) error {
	switch c.actie {
	case DoelstellingToevoegen:
		d := c.nieuw
		return t.CreateDoelstelling(&d)
	case DoelstellingHerzien:
		return t.reviseDoelstelling(c.id, c.waarde, c.waardeTot, c.reden)
	default:
		return t.endDoelstelling(c.id, c.laatsteJaar, c.reden)
	}
}

// UpdateInterventieMetDoelstellingen saves a changed intervention and the
// changes to its targets in one transaction: all of it, or (with the
// problem returned) none of it.
func (s *Store) UpdateInterventieMetDoelstellingen(i *domain.Interventie, ws []DoelstellingWijziging) error {
	if err := i.Validate(); err != nil {
		return err
	}
	changes, err := s.prepare(ws)
	if err != nil {
		return err
	}
	return s.Update(func(t *Tx) error {
		if err := t.updateInterventie(i); err != nil {
			return err
		}
		for _, c := range changes {
			if err := t.apply(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// errTrial rolls back a transaction that only tried changes.
var errTrial = errors.New("proef: niets opgeslagen")

// CheckDoelstellingWijzigingen tries changes to targets, in their order, in
// a transaction that is always rolled back: it returns the problems saving
// them would meet, and stores nothing.
func (s *Store) CheckDoelstellingWijzigingen(ws []DoelstellingWijziging) error {
	changes, err := s.prepare(ws)
	if err != nil {
		return err
	}
	err = s.Update(func(t *Tx) error {
		for _, c := range changes {
			if err := t.apply(c); err != nil {
				return err
			}
		}
		return errTrial
	})
	if errors.Is(err, errTrial) {
		return nil
	}
	return err
}
