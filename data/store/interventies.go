package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// Interventies lists the interventions ordered by cluster (in the Routekaart's
// order) and name; archived ones only when asked.
func (s *Store) Interventies(metGearchiveerd bool) ([]domain.Interventie, error) {
	var out []domain.Interventie
	q := s.db.Order(clusterOrder).Order("naam COLLATE NOCASE")
	if !metGearchiveerd {
		q = q.Where("gearchiveerd = ?", false)
	}
	return out, q.Find(&out).Error
}

// clusterOrder sorts interventions in the order of domain.Clusters.
var clusterOrder = func() string {
	expr := "CASE cluster"
	for i, c := range domain.Clusters {
		expr += fmt.Sprintf(" WHEN '%s' THEN %d", c, i)
	}
	return expr + " ELSE 99 END"
}()

// Interventie returns one intervention.
func (s *Store) Interventie(id uint) (domain.Interventie, error) {
	var i domain.Interventie
	err := s.db.First(&i, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return i, fmt.Errorf("interventie %d: %w", id, ErrNotFound)
	}
	return i, err
}

// InterventieByNaam finds an intervention by its exact name, ignoring case.
func (s *Store) InterventieByNaam(naam string) (domain.Interventie, error) {
	var i domain.Interventie
	err := s.db.Where("naam = ? COLLATE NOCASE", naam).First(&i).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return i, &domain.ValidationError{Problemen: []domain.FieldError{{
			Veld: "interventie", Melding: fmt.Sprintf("onbekende interventie %q", naam)}}}
	}
	return i, err
}

// CreateInterventie validates and stores a new intervention.
func (s *Store) CreateInterventie(i *domain.Interventie) error {
	return s.Update(func(t *Tx) error { return t.CreateInterventie(i) })
}

// CreateInterventie validates and stores a new intervention in this transaction.
func (t *Tx) CreateInterventie(i *domain.Interventie) error {
	if err := i.Validate(); err != nil {
		return err
	}
	err := t.insert(i)
	if errors.Is(err, ErrDuplicate) {
		return fieldError("naam", "er is al een interventie met de naam %q", i.Naam)
	}
	return err
}

// UpdateInterventie validates and saves a changed intervention.
func (s *Store) UpdateInterventie(i *domain.Interventie) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return s.Update(func(t *Tx) error { return t.updateInterventie(i) })
}

// updateInterventie saves a changed, validated intervention in this
// transaction.
func (t *Tx) updateInterventie(i *domain.Interventie) error {
	var old domain.Interventie
	if err := t.db.First(&old, i.ID).Error; err != nil {
		return fmt.Errorf("interventie %d: %w", i.ID, translate(err))
	}
	_, err := t.update(&old, i)
	if errors.Is(err, ErrDuplicate) {
		return fieldError("naam", "er is al een interventie met de naam %q", i.Naam)
	}
	return err
}

// ArchiveInterventie retires an intervention (or brings it back): it stays in
// the database with its targets and reach, but leaves the working lists.
func (s *Store) ArchiveInterventie(id uint, gearchiveerd bool) error {
	return s.Update(func(t *Tx) error {
		var old domain.Interventie
		if err := t.db.First(&old, id).Error; err != nil {
			return fmt.Errorf("interventie %d: %w", id, translate(err))
		}
		updated := old
		updated.Gearchiveerd = gearchiveerd
		_, err := t.update(&old, &updated)
		return err
	})
}

// DeleteInterventie removes an intervention with its reach, its measures and
// its links to targets; a target left without interventions goes too.
// Everything removed is in the audit trail.
func (s *Store) DeleteInterventie(id uint) error {
	return s.Update(func(t *Tx) error {
		var i domain.Interventie
		if err := t.db.First(&i, id).Error; err != nil {
			return fmt.Errorf("interventie %d: %w", id, translate(err))
		}
		var reach []domain.Bereik
		if err := t.db.Where("interventie_id = ?", id).Find(&reach).Error; err != nil {
			return err
		}
		for k := range reach {
			if err := t.remove(&reach[k]); err != nil {
				return err
			}
		}
		var links []domain.DoelstellingInterventie
		if err := t.db.Where("interventie_id = ?", id).Find(&links).Error; err != nil {
			return err
		}
		for _, l := range links {
			if err := t.unlink(l); err != nil {
				return err
			}
			if err := t.removeOrphanTarget(l.DoelstellingID); err != nil {
				return err
			}
		}
		var measures []domain.Maat
		if err := t.db.Where("interventie_id = ?", id).Order("id").Find(&measures).Error; err != nil {
			return err
		}
		if err := t.remove(&i); err != nil {
			return err
		}
		// the database removed its measures with it (ON DELETE CASCADE):
		// logged after it, so that the trail says they are gone too and a
		// team laptop forgets their keys before their numbers come again
		for k := range measures {
			if err := t.logRemoved(&measures[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// fieldError is a validation error for one field.
func fieldError(veld, format string, args ...any) error {
	return &domain.ValidationError{Problemen: []domain.FieldError{{Veld: veld, Melding: fmt.Sprintf(format, args...)}}}
}
