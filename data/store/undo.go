package store

import (
	"errors"
	"fmt"
	"maps"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// ErrUndoStale is returned when a save can no longer be undone because the
// record was changed again (or removed) after it.
var ErrUndoStale = errors.New("dit bereik is na het opslaan opnieuw gewijzigd; ongedaan maken kan niet meer")

// BereikUndo is what is needed to undo one save of reach: the record as the
// save stored it and, when the save replaced an earlier figure for the same
// intervention and period, that earlier figure.
type BereikUndo struct {
	// Saved is the reach as the save stored it.
	Saved domain.Bereik
	// Previous is the reach the save replaced; nil when the save added it.
	Previous *domain.Bereik
}

// RecordBereikInvoerUndoable records typed reach exactly as RecordBereikInvoer
// does and returns, besides the stored record, what UndoBereik needs to take
// the save back.
func (s *Store) RecordBereikInvoerUndoable(in BereikInvoer) (domain.Bereik, BereikUndo, error) {
	b, err := s.ParseBereikInvoer(in)
	if err != nil {
		return b, BereikUndo{}, err
	}
	var previous *domain.Bereik
	err = s.Update(func(t *Tx) (err error) {
		previous, err = t.recordBereik(&b)
		return err
	})
	if err != nil {
		return b, BereikUndo{}, err
	}
	return b, BereikUndo{Saved: b, Previous: previous}, nil
}

// UndoBereik takes one save of reach back, in one audited transaction: a
// figure the save added is removed, a figure it replaced is restored. It
// refuses with ErrUndoStale when the record no longer is as the save left it.
func (s *Store) UndoBereik(u BereikUndo) error {
	return s.Update(func(t *Tx) error {
		var current domain.Bereik
		if err := t.db.First(&current, u.Saved.ID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrUndoStale
			}
			return fmt.Errorf("bereik %d: %w", u.Saved.ID, err)
		}
		same, err := t.sameRecord(&current, &u.Saved)
		if err != nil {
			return err
		}
		if !same {
			return ErrUndoStale
		}
		if u.Previous == nil {
			return t.remove(&current)
		}
		restored := *u.Previous
		restored.ID = current.ID
		_, err = t.update(&current, &restored)
		return err
	})
}

// sameRecord reports whether two records of one kind have the same stored
// values, compared as the audit trail writes them.
func (t *Tx) sameRecord(a, b any) (bool, error) {
	_, _, va, _, err := t.auditedFields(a)
	if err != nil {
		return false, err
	}
	_, _, vb, _, err := t.auditedFields(b)
	if err != nil {
		return false, err
	}
	return maps.Equal(va, vb), nil
}
