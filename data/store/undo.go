package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"

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
	// NewMaat is the measure the save added for the figure (a unit the
	// intervention had never counted in); nil when the measure existed.
	NewMaat *domain.Maat
}

// RecordBereikInvoerUndoable records typed reach exactly as RecordBereikInvoer
// does and returns, besides the stored record, what UndoBereik needs to take
// the save back.
func (s *Store) RecordBereikInvoerUndoable(in BereikInvoer) (domain.Bereik, BereikUndo, error) {
	b, err := s.ParseBereikInvoer(in)
	if err != nil {
		return b, BereikUndo{}, err
	}
	var u BereikUndo
	err = s.Update(func(t *Tx) (err error) {
		var before []uint
		if b.InterventieID != nil {
			if err := t.db.Model(&domain.Maat{}).Where("interventie_id = ?", *b.InterventieID).Pluck("id", &before).Error; err != nil {
				return err
			}
		}
		if u.Previous, err = t.recordBereik(&b); err != nil {
			return err
		}
		if b.MaatID != nil && !slices.Contains(before, *b.MaatID) {
			u.NewMaat = &domain.Maat{}
			return t.db.First(u.NewMaat, *b.MaatID).Error
		}
		return nil
	})
	if err != nil {
		return b, BereikUndo{}, err
	}
	u.Saved = b
	return b, u, nil
}

// UndoBereik takes one save of reach back, in one audited transaction: a
// figure the save added is removed, a figure it replaced is restored, and a
// measure the save added goes too when no other figure counts in it. It
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
		if u.Previous != nil {
			restored := *u.Previous
			restored.ID = current.ID
			_, err = t.update(&current, &restored)
			return err
		}
		if err := t.remove(&current); err != nil {
			return err
		}
		return t.removeUnusedMaat(u.NewMaat)
	})
}

// removeUnusedMaat removes a measure that no figure counts in any more; a
// measure still in use, already gone or changed since is left alone.
func (t *Tx) removeUnusedMaat(m *domain.Maat) error {
	if m == nil {
		return nil
	}
	var n int64
	if err := t.db.Model(&domain.Bereik{}).Where("maat_id = ?", m.ID).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	var current domain.Maat
	err := t.db.First(&current, m.ID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("maat %d: %w", m.ID, err)
	}
	if same, err := t.sameRecord(&current, m); err != nil || !same {
		return err
	}
	return t.remove(&current)
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
