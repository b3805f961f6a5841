package store

import (
	"errors"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// Importkoppeling is the remembered column mapping of one source of
// spreadsheets (an organisation's file, by a name derived from it) for one
// kind of import: which column header feeds which field.
type Importkoppeling struct {
	ID    uint `gorm:"primaryKey"`
	Bron  string
	Soort string
	// Koppeling maps a field ("interventie", "periode", "waarde", ...) to the
	// column header it is read from.
	Koppeling map[string]string `gorm:"serializer:json"`
}

// TableName is the table of remembered import mappings.
func (Importkoppeling) TableName() string { return "importkoppelingen" }

// Importkoppeling returns the mapping remembered for a source and kind, and
// whether there is one.
func (s *Store) Importkoppeling(bron, soort string) (map[string]string, bool, error) {
	var k Importkoppeling
	err := s.db.Where("bron = ? AND soort = ?", strings.TrimSpace(bron), soort).First(&k).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return k.Koppeling, true, nil
}

// Importkoppelingen lists every remembered mapping, oldest first.
func (s *Store) Importkoppelingen() ([]Importkoppeling, error) {
	var out []Importkoppeling
	return out, s.db.Order("id").Find(&out).Error
}

// Validate checks that the mapping has a source and a kind.
func (k *Importkoppeling) Validate() error {
	k.Bron = strings.TrimSpace(k.Bron)
	switch {
	case k.Bron == "":
		return fieldError("bron", "geef de bron een naam om de koppeling te onthouden")
	case k.Soort == "":
		return fieldError("soort", "zeg voor welke soort import de koppeling is")
	}
	return domain.CheckTeksten(k)
}

// SaveImportkoppeling remembers the mapping for a source and kind in this
// transaction (replacing an earlier one), audited.
func (t *Tx) SaveImportkoppeling(bron, soort string, koppeling map[string]string) error {
	updated := Importkoppeling{Bron: bron, Soort: soort, Koppeling: koppeling}
	if err := updated.Validate(); err != nil {
		return err
	}
	bron = updated.Bron
	var old Importkoppeling
	err := t.db.Where("bron = ? AND soort = ?", bron, soort).First(&old).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return t.insert(&updated)
	case err != nil:
		return err
	}
	updated.ID = old.ID
	_, err = t.update(&old, &updated)
	return err
}
