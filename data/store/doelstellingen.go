package store

import (
	"fmt"
	"strings"

	"jeugdmonitor/data/domain"
)

// CreateDoelstelling validates and stores a target with its links to the
// interventions that share it.
func (s *Store) CreateDoelstelling(d *domain.Doelstelling) error {
	return s.Update(func(t *Tx) error { return t.CreateDoelstelling(d) })
}

// CreateDoelstelling validates and stores a target with its links in this
// transaction.
func (t *Tx) CreateDoelstelling(d *domain.Doelstelling) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if err := t.insert(d); err != nil {
		return err
	}
	for _, id := range d.InterventieIDs {
		var n int64
		if err := t.db.Model(&domain.Interventie{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fieldError("interventies", "interventie %d bestaat niet", id)
		}
		if err := t.link(domain.DoelstellingInterventie{DoelstellingID: d.ID, InterventieID: id}); err != nil {
			return err
		}
	}
	return nil
}

// link stores one target-intervention link with its audit row.
func (t *Tx) link(l domain.DoelstellingInterventie) error {
	if err := t.db.Create(&l).Error; err != nil {
		return translate(err)
	}
	return t.log(domain.ActieToegevoegd, "doelstelling_interventies", l.DoelstellingID, "interventie_id", "", fmt.Sprint(l.InterventieID))
}

// unlink removes one target-intervention link with its audit row.
func (t *Tx) unlink(l domain.DoelstellingInterventie) error {
	if err := t.db.Where("doelstelling_id = ? AND interventie_id = ?", l.DoelstellingID, l.InterventieID).
		Delete(&domain.DoelstellingInterventie{}).Error; err != nil {
		return err
	}
	return t.log(domain.ActieVerwijderd, "doelstelling_interventies", l.DoelstellingID, "interventie_id", fmt.Sprint(l.InterventieID), "")
}

// removeOrphanTarget deletes a target that no intervention shares any more,
// with its reach and revisions.
func (t *Tx) removeOrphanTarget(id uint) error {
	var n int64
	if err := t.db.Model(&domain.DoelstellingInterventie{}).Where("doelstelling_id = ?", id).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	var reach []domain.Bereik
	if err := t.db.Where("doelstelling_id = ?", id).Find(&reach).Error; err != nil {
		return err
	}
	for k := range reach {
		if err := t.remove(&reach[k]); err != nil {
			return err
		}
	}
	var revisions []domain.DoelstellingHerziening
	if err := t.db.Where("doelstelling_id = ?", id).Find(&revisions).Error; err != nil {
		return err
	}
	for k := range revisions {
		if err := t.remove(&revisions[k]); err != nil {
			return err
		}
	}
	var d domain.Doelstelling
	if err := t.db.First(&d, id).Error; err != nil {
		return translate(err)
	}
	return t.remove(&d)
}

// Doelstellingen lists the targets of one intervention, its own and the ones it
// shares, each with the ids of every intervention sharing it, ordered by period.
func (s *Store) Doelstellingen(interventieID uint) ([]domain.Doelstelling, error) {
	var out []domain.Doelstelling
	err := s.db.Where("id IN (SELECT doelstelling_id FROM doelstelling_interventies WHERE interventie_id = ?)", interventieID).
		Order("periode").Order("id").Find(&out).Error
	if err != nil {
		return nil, err
	}
	return out, s.fillLinks(out)
}

// AlleDoelstellingen lists every target with its interventions.
func (s *Store) AlleDoelstellingen() ([]domain.Doelstelling, error) {
	var out []domain.Doelstelling
	if err := s.db.Order("periode").Order("id").Find(&out).Error; err != nil {
		return nil, err
	}
	return out, s.fillLinks(out)
}

func (s *Store) fillLinks(targets []domain.Doelstelling) error {
	if len(targets) == 0 {
		return nil
	}
	ids := make([]uint, len(targets))
	for i, d := range targets {
		ids[i] = d.ID
	}
	var links []domain.DoelstellingInterventie
	if err := s.db.Where("doelstelling_id IN ?", ids).Order("interventie_id").Find(&links).Error; err != nil {
		return err
	}
	byTarget := map[uint][]uint{}
	for _, l := range links {
		byTarget[l.DoelstellingID] = append(byTarget[l.DoelstellingID], l.InterventieID)
	}
	for i := range targets {
		targets[i].InterventieIDs = byTarget[targets[i].ID]
	}
	return nil
}

// ReviseDoelstelling changes a target's value and keeps the old value, the
// moment and the reason as a revision.
func (s *Store) ReviseDoelstelling(id uint, waarde float64, waardeTot *float64, reden string) error {
	return s.Update(func(t *Tx) error { return t.reviseDoelstelling(id, waarde, waardeTot, reden) })
}

// reviseDoelstelling revises a target in this transaction (see ReviseDoelstelling).
func (t *Tx) reviseDoelstelling(id uint, waarde float64, waardeTot *float64, reden string) error {
	old, err := t.doelstelling(id)
	if err != nil {
		return err
	}
	if old.LaatsteJaar != nil {
		return fieldError("waarde", "deze doelstelling is beëindigd na %d (%s); een beëindigde doelstelling wordt niet meer herzien",
			*old.LaatsteJaar, old.EindeReden)
	}
	if waarde == old.Waarde && sameBound(waardeTot, old.WaardeTot) {
		return fieldError("waarde", "de nieuwe waarde is gelijk aan de huidige (%s); er is niets herzien", WaardeTekst(old.Waarde, old.WaardeTot))
	}
	updated := old
	updated.Waarde, updated.WaardeTot = waarde, waardeTot
	if err := updated.Validate(); err != nil {
		return err
	}
	rev := domain.DoelstellingHerziening{DoelstellingID: id, Datum: t.at, OudeWaarde: old.Waarde,
		OudeWaardeTot: old.WaardeTot, NieuweWaarde: waarde, NieuweWaardeTot: waardeTot,
		Reden: strings.TrimSpace(reden), Gebruiker: t.user}
	if err := rev.Validate(); err != nil {
		return err
	}
	if err := t.insert(&rev); err != nil {
		return err
	}
	_, err = t.update(&old, &updated)
	return err
}

// sameBound reports whether two upper bounds of a band are the same (both
// absent, or equal).
func sameBound(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// doelstelling reads one target with the interventions sharing it in this
// transaction.
func (t *Tx) doelstelling(id uint) (domain.Doelstelling, error) {
	var d domain.Doelstelling
	if err := t.db.First(&d, id).Error; err != nil {
		return d, fmt.Errorf("doelstelling %d: %w", id, translate(err))
	}
	var links []domain.DoelstellingInterventie
	if err := t.db.Where("doelstelling_id = ?", id).Order("interventie_id").Find(&links).Error; err != nil {
		return d, err
	}
	for _, l := range links {
		d.InterventieIDs = append(d.InterventieIDs, l.InterventieID)
	}
	return d, nil
}

// Herzieningen lists the revisions of a target, oldest first.
func (s *Store) Herzieningen(doelstellingID uint) ([]domain.DoelstellingHerziening, error) {
	var out []domain.DoelstellingHerziening
	return out, s.db.Where("doelstelling_id = ?", doelstellingID).Order("datum").Order("id").Find(&out).Error
}
